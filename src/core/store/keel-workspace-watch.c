/* keel-workspace-watch.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-error.h"
#include "keel-io.h"
#include "keel-workspace-private.h"

/* Noticing that another program changed keel.json: a short while after the
 * last change notice the file is read again; if it is not what Keel last
 * read or wrote, the workspace reloads it (or, with unsaved changes of its
 * own, saves, which keeps ours as a conflict copy and opens theirs). */

#define WATCH_DELAY_MS 150

/* ------------------------------------------------------------------------ */
/* Watching                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct
{
  GFile                 *file;
  char                  *known_sha;   /* as it was when the read started */
  char                  *sha;         /* of what was read */
  KeelWorkspaceSnapshot *snap;        /* when it differs and could be read */
  GError                *error;       /* when it differs and could not */
} Reread;

static void
reread_free (Reread *reread)
{
  g_clear_object (&reread->file);
  g_free (reread->known_sha);
  g_free (reread->sha);
  g_clear_pointer (&reread->snap, keel_workspace_snapshot_free);
  g_clear_error (&reread->error);
  g_free (reread);
}

/* On a worker: reads keel.json, and when it is not what Keel knows,
 * parses it */
static void
reread_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Reread *reread = task_data;
  g_autofree char *name = g_file_get_parse_name (reread->file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length = 0;

  bytes = keel_io_read_file (g_file_peek_path (reread->file), FALSE, KEEL_IO_MAX_WORKSPACE,
                             NULL, &error);
  if (bytes == NULL)
    {
      /* Gone for a moment (another program replacing it): its new version
       * brings another notice */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (&reread->error, KEEL_ERROR, KEEL_ERROR_FORMAT,
                     _("%s cannot be read: %s"), name, error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  reread->sha = keel_workspace_reader_fingerprint (data ? data : "", length);

  if (g_strcmp0 (reread->sha, reread->known_sha) != 0)
    reread->snap = keel_workspace_reader_parse (name, data ? data : "", length, &reread->error);

  g_task_return_boolean (task, TRUE);
}

static void
reread_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);
  Reread *reread = g_task_get_task_data (G_TASK (result));

  self->rereading = FALSE;

  if (self->saving)
    {
      self->recheck_after_save = TRUE;
      return;
    }

  if (self->reread_again)
    {
      /* Another notice came while this read ran: read once more */
      self->reread_again = FALSE;
      _keel_workspace_schedule_watch (self);
      return;
    }

  if (reread->sha == NULL && reread->error == NULL)
    return;

  if (reread->sha != NULL && g_strcmp0 (reread->sha, self->known_sha) == 0)
    return;

  if (self->dirty)
    {
      /* Both sides changed: saving now writes ours as a conflict copy and
       * opens theirs */
      keel_workspace_save_async (self, NULL, NULL, NULL);
    }
  else if (reread->snap == NULL)
    {
      g_warning ("%s", reread->error->message);
      g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOAD_FAILED], 0, reread->error);
    }
  else
    {
      _keel_workspace_apply_snapshot (self, reread->snap);
      g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOADED], 0);
    }
}

static gboolean
watch_timeout_cb (gpointer user_data)
{
  KeelWorkspace *self = user_data;
  g_autoptr(GTask) task = NULL;
  Reread *reread;

  self->watch_id = 0;

  if (self->saving)
    {
      self->recheck_after_save = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (self->rereading)
    {
      self->reread_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* Read on a worker: keel.json can be large, or not a file at all */
  reread = g_new0 (Reread, 1);
  reread->file = g_object_ref (self->file);
  reread->known_sha = g_strdup (self->known_sha);

  self->rereading = TRUE;
  task = g_task_new (self, NULL, reread_done_cb, NULL);
  g_task_set_source_tag (task, watch_timeout_cb);
  g_task_set_task_data (task, reread, (GDestroyNotify) reread_free);
  g_task_run_in_thread (task, reread_thread);

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
