/* keel-workspace-io.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "keel-error.h"
#include "keel-json.h"
#include "keel-workspace-private.h"

/* Loading and saving keel.json: read on a worker thread into a snapshot
 * that the main thread applies; the text built on the main thread and
 * written on a worker, replacing the file atomically after a backup, or
 * beside it as a conflict copy when somebody else changed it. */

#define AUTOSAVE_DELAY_MS 1000

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static char *
display_name (KeelWorkspace *self)
{
  return g_file_get_parse_name (self->file);
}

/* What the writer needs of the workspace */
static KeelWorkspaceContent
content_of (KeelWorkspace *self)
{
  KeelWorkspaceContent content = {
    self->organisation, self->stores, self->counters, self->extra,
  };

  return content;
}

void
_keel_workspace_apply_snapshot (KeelWorkspace         *self,
                                KeelWorkspaceSnapshot *snap)
{
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  self->loading = TRUE;

  /* The records it held are let go */
  _keel_workspace_unwatch_all (self);
  g_set_object (&self->organisation, snap->organisation);
  _keel_workspace_watch_record (self, KEEL_RECORD (self->organisation));

  g_hash_table_remove_all (self->by_id);
  for (guint k = 0; k < n_kinds; k++)
    {
      GPtrArray *list = snap->lists[k];

      for (guint i = 0; i < list->len; i++)
        g_hash_table_insert (self->by_id,
                             (gpointer) keel_record_get_id (list->pdata[i]), list->pdata[i]);

      g_list_store_splice (self->stores[k], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->stores[k])),
                           list->pdata, list->len);
    }

  g_clear_pointer (&self->counters, g_hash_table_unref);
  self->counters = g_hash_table_ref (snap->counters);

  g_clear_pointer (&self->extra, json_object_unref);
  if (snap->extra != NULL)
    self->extra = json_object_ref (snap->extra);

  g_free (self->known_sha);
  self->known_sha = g_strdup (snap->sha);

  self->loading = FALSE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  _keel_workspace_set_dirty (self, FALSE);
}

static KeelWorkspaceSnapshot *
read_workspace_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_FOUND,
                     _("%s does not exist; expected a Keel workspace file"), name);
      else
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                     _("%s cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT,
                   _("%s is not a regular file; expected a Keel workspace file"), name);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                   _("%s cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  return keel_workspace_reader_parse (name, contents, length, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  KeelWorkspaceSnapshot *snap = read_workspace_file (task_data, cancellable, &error);

  if (snap == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snap, (GDestroyNotify) keel_workspace_snapshot_free);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

typedef struct
{
  GFile    *folder;
  GFile    *file;
  GBytes   *text;
  char     *known_sha;
  char     *new_sha;
  char     *conflict_path;
  guint64   generation;
  int       fault_errno;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->folder);
  g_clear_object (&data->file);
  g_clear_pointer (&data->text, g_bytes_unref);
  g_free (data->known_sha);
  g_free (data->new_sha);
  g_free (data->conflict_path);
  g_free (data);
}

static gboolean
write_workspace (SaveData      *data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GBytes *bytes = data->text;
  g_autofree char *name = g_file_get_parse_name (data->file);
  g_autofree char *on_disk = NULL;
  g_autofree char *disk_sha = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize disk_len = 0;
  gsize len = 0;
  const char *text = g_bytes_get_data (bytes, &len);

  if (g_mkdir_with_parents (g_file_peek_path (data->folder), 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: the folder cannot be created (%s)"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  /* Has somebody else changed the file since we read it? */
  if (g_file_get_contents (g_file_peek_path (data->file), &on_disk, &disk_len, NULL))
    disk_sha = keel_workspace_reader_fingerprint (on_disk, disk_len);

  data->new_sha = keel_workspace_reader_fingerprint (text, len);

  if (data->fault_errno != 0)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: %s"), name, g_strerror (data->fault_errno));
      return FALSE;
    }

  /* The file already holds exactly these bytes (ours, or somebody else
   * wrote the same): nothing to write and nothing in conflict */
  if (disk_sha != NULL && g_strcmp0 (disk_sha, data->new_sha) == 0)
    return TRUE;

  if (disk_sha != NULL && g_strcmp0 (disk_sha, data->known_sha) != 0)
    {
      g_autofree char *conflict_name = _keel_workspace_timestamp_name ("keel.conflict-");
      g_autoptr(GFile) conflict = g_file_get_child (data->folder, conflict_name);

      if (!g_file_set_contents_full (g_file_peek_path (conflict), text, (gssize) len,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0644, &local_error))
        {
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                       _("%s was changed by another program, and your changes could not be "
                         "kept beside it: %s"), name, local_error->message);
          return FALSE;
        }

      data->conflict_path = g_file_get_parse_name (conflict);
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT,
                   _("%s was changed by another program. Its version is now open; "
                     "your changes were kept in %s."), name, data->conflict_path);
      return FALSE;
    }

  if (disk_sha != NULL)
    _keel_workspace_backup_current (data->folder, data->file);

  if (!g_file_set_contents_full (g_file_peek_path (data->file), text, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_workspace (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static SaveData *
prepare_save (KeelWorkspace *self)
{
  SaveData *data = g_new0 (SaveData, 1);
  KeelWorkspaceContent content;

  data->folder = g_object_ref (self->folder);
  data->file = g_object_ref (self->file);
  /* On this thread, where the records live; the worker only writes */
  content = content_of (self);
  data->text = keel_workspace_writer_write_text (&content);
  data->known_sha = g_strdup (self->known_sha);
  data->generation = self->generation;

  if (self->fault_count > 0)
    {
      data->fault_errno = self->fault_errno;
      self->fault_count--;
    }

  return data;
}

/* Back on the main thread after a save: clean if nothing changed meanwhile */
static void
finish_save (KeelWorkspace *self,
             SaveData      *data,
             const GError  *error)
{
  if (error == NULL)
    {
      g_free (self->known_sha);
      self->known_sha = g_strdup (data->new_sha);

      if (data->generation == self->generation)
        _keel_workspace_set_dirty (self, FALSE);

      g_signal_emit (self, _keel_workspace_signals[SIGNAL_SAVED], 0);
    }
  else if (g_error_matches (error, KEEL_ERROR, KEEL_ERROR_CONFLICT))
    {
      g_autoptr(GError) reload_error = NULL;

      g_warning ("%s", error->message);

      if (keel_workspace_load (self, NULL, &reload_error))
        g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOADED], 0);
      else
        g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOAD_FAILED], 0, reload_error);

      g_signal_emit (self, _keel_workspace_signals[SIGNAL_CONFLICT], 0, data->conflict_path, error);
    }
  else
    {
      g_warning ("%s", error->message);
      g_signal_emit (self, _keel_workspace_signals[SIGNAL_SAVE_FAILED], 0, error);
    }
}

static gboolean
autosave_cb (gpointer user_data)
{
  KeelWorkspace *self = user_data;

  self->autosave_id = 0;

  if (self->saving)
    {
      /* Try again when the running save is done */
      self->recheck_after_save = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (self->dirty)
    keel_workspace_save_async (self, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

void
_keel_workspace_schedule_autosave (KeelWorkspace *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_full (G_PRIORITY_DEFAULT, AUTOSAVE_DELAY_MS,
                                          autosave_cb, g_object_ref (self), g_object_unref);
}

/**
 * keel_workspace_check_writable:
 *
 * Makes sure the folder exists and a file can be created in it, by
 * creating and removing one. (Permission bits alone say nothing to root or
 * on a read-only mount.)
 */
gboolean
keel_workspace_check_writable (KeelWorkspace  *self,
                               GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *probe = NULL;
  const char *path;
  int fd;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  path = g_file_peek_path (self->folder);
  name = g_file_get_parse_name (self->folder);

  if (path == NULL || g_mkdir_with_parents (path, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The workspace folder %s cannot be created: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  probe = g_build_filename (path, ".keel-write-test-XXXXXX", NULL);
  fd = g_mkstemp_full (probe, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The workspace folder %s is not writable: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  g_unlink (probe);

  return TRUE;
}

/**
 * keel_workspace_load:
 *
 * Reads keel.json. On failure the workspace keeps what it held and the file
 * is not touched; the error names the file and the line or record.
 */
gboolean
keel_workspace_load (KeelWorkspace  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(KeelWorkspaceSnapshot) snap = NULL;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  snap = read_workspace_file (self->file, cancellable, error);
  if (snap == NULL)
    return FALSE;

  _keel_workspace_apply_snapshot (self, snap);

  return TRUE;
}

void
keel_workspace_load_async (KeelWorkspace       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, keel_workspace_load_async);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
keel_workspace_load_finish (KeelWorkspace  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_autoptr(KeelWorkspaceSnapshot) snap = NULL;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  snap = g_task_propagate_pointer (G_TASK (result), error);
  if (snap == NULL)
    return FALSE;

  _keel_workspace_apply_snapshot (self, snap);

  return TRUE;
}

/**
 * keel_workspace_load_bytes:
 *
 * Reads a workspace from text in memory (for tests and fuzzing). The
 * workspace will treat the file on disk as changed by someone else.
 */
gboolean
keel_workspace_load_bytes (KeelWorkspace  *self,
                           GBytes         *bytes,
                           GError        **error)
{
  g_autoptr(KeelWorkspaceSnapshot) snap = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  name = display_name (self);
  data = g_bytes_get_data (bytes, &length);
  snap = keel_workspace_reader_parse (name, data ? data : "", length, error);
  if (snap == NULL)
    return FALSE;

  _keel_workspace_apply_snapshot (self, snap);

  return TRUE;
}

/**
 * keel_workspace_serialize:
 *
 * Returns: (transfer full): the text keel.json would hold now
 */
GBytes *
keel_workspace_serialize (KeelWorkspace *self)
{
  KeelWorkspaceContent content;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);

  content = content_of (self);

  return keel_workspace_writer_write_text (&content);
}

/**
 * keel_workspace_save:
 *
 * Writes keel.json now, on this thread (for keel-cli). The previous file
 * goes to backups/; the replace is atomic.
 */
gboolean
keel_workspace_save (KeelWorkspace  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  SaveData *data;
  GError *local_error = NULL;
  gboolean ret;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  data = prepare_save (self);
  ret = write_workspace (data, cancellable, &local_error);
  finish_save (self, data, local_error);
  save_data_free (data);

  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return ret;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);
  g_autoptr(GTask) outer = user_data;
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (task, &error);

  _keel_workspace_set_saving (self, FALSE);
  finish_save (self, g_task_get_task_data (task), error);

  if (self->recheck_after_save)
    {
      self->recheck_after_save = FALSE;
      if (self->dirty && self->autosave)
        _keel_workspace_schedule_autosave (self);
      _keel_workspace_schedule_watch (self);
    }

  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

/**
 * keel_workspace_save_async:
 *
 * Builds the tree now and writes it on a worker thread. A save that starts
 * while another runs waits for it.
 */
void
keel_workspace_save_async (KeelWorkspace       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, keel_workspace_save_async);

  if (self->saving)
    {
      self->recheck_after_save = TRUE;
      g_task_return_boolean (outer, TRUE);
      g_object_unref (outer);
      return;
    }

  _keel_workspace_set_saving (self, TRUE);
  g_clear_handle_id (&self->autosave_id, g_source_remove);

  inner = g_task_new (self, NULL, save_done_cb, outer);
  g_task_set_task_data (inner, prepare_save (self), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
keel_workspace_save_finish (KeelWorkspace  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_keel_workspace_inject_write_error (KeelWorkspace *self,
                                    int            errno_code,
                                    guint          count)
{
  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  self->fault_errno = errno_code;
  self->fault_count = count;
}
