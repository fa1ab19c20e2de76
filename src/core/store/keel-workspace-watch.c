/* keel-workspace-watch.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include "keel-workspace-private.h"

/* Noticing that another program changed keel.json: a short while after the
 * last change notice the file is read again; if it is not what Keel last
 * read or wrote, the workspace reloads it (or, with unsaved changes of its
 * own, saves, which keeps ours as a conflict copy and opens theirs). */

#define WATCH_DELAY_MS 150

/* ------------------------------------------------------------------------ */
/* Watching                                                                 */
/* ------------------------------------------------------------------------ */

static gboolean
watch_timeout_cb (gpointer user_data)
{
  KeelWorkspace *self = user_data;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize length = 0;

  self->watch_id = 0;

  if (self->saving)
    {
      self->recheck_after_save = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* keel.json is small next to what we just did to notice it; reading it
   * here keeps the comparison in step with the state we hold */
  if (!g_file_get_contents (g_file_peek_path (self->file), &contents, &length, NULL))
    return G_SOURCE_REMOVE;

  sha = keel_workspace_reader_fingerprint (contents, length);
  if (g_strcmp0 (sha, self->known_sha) == 0)
    return G_SOURCE_REMOVE;

  if (self->dirty)
    {
      /* Both sides changed: saving now writes ours as a conflict copy and
       * opens theirs */
      keel_workspace_save_async (self, NULL, NULL, NULL);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_parse_name (self->file);
      g_autoptr(KeelWorkspaceSnapshot) snap = keel_workspace_reader_parse (name, contents, length, &error);

      if (snap == NULL)
        {
          g_warning ("%s", error->message);
          g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOAD_FAILED], 0, error);
        }
      else
        {
          _keel_workspace_apply_snapshot (self, snap);
          g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOADED], 0);
        }
    }

  return G_SOURCE_REMOVE;
}

void
_keel_workspace_schedule_watch (KeelWorkspace *self)
{
  g_clear_handle_id (&self->watch_id, g_source_remove);
  self->watch_id = g_timeout_add_full (G_PRIORITY_DEFAULT, WATCH_DELAY_MS,
                                       watch_timeout_cb, g_object_ref (self),
                                       g_object_unref);
}

static void
file_changed_cb (KeelWorkspace     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_CHANGED:
      _keel_workspace_schedule_watch (self);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * keel_workspace_watch:
 *
 * Starts watching keel.json for changes made by other programs.
 */
gboolean
keel_workspace_watch (KeelWorkspace  *self,
                      GError        **error)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  if (self->monitor != NULL)
    return TRUE;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return FALSE;

  g_file_monitor_set_rate_limit (self->monitor, 100);
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);

  return TRUE;
}
