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
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "keel-error.h"
#include "keel-json.h"
#include "keel-io.h"
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

  /* The reader made the index of ids; the stores' "items-changed" leaves
   * the records to this loop while loading */
  g_hash_table_unref (self->by_id);
  self->by_id = g_hash_table_ref (snap->by_id);
  for (guint k = 0; k < n_kinds; k++)
    {
      GPtrArray *list = snap->lists[k];

      for (guint i = 0; i < list->len; i++)
        _keel_workspace_watch_record (self, list->pdata[i]);

      g_list_store_splice (self->stores[k], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->stores[k])),
                           list->pdata, list->len);
    }

  g_hash_table_unref (self->counters);
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

/* Removes what interrupted saves left: keel.json.AB12CD, Keel's own
 * temporary files (regular files only, never what a link points to), and
 * tidies backups/ */
static void
remove_leftovers (GFile *folder,
                  GFile *file)
{
  g_autofree char *target = g_file_get_basename (file);
  const char *path = g_file_peek_path (folder);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *leftover = NULL;
      struct stat st;

      if (!keel_io_is_temp_name (name, target))
        continue;

      leftover = g_build_filename (path, name, NULL);
      if (lstat (leftover, &st) == 0 && S_ISREG (st.st_mode))
        keel_io_unlink (AT_FDCWD, leftover, NULL);
    }

  if (g_file_peek_path (file) != NULL)
    _keel_workspace_backup_tidy (path, g_file_peek_path (file));
}

/* Reads keel.json from one open file: a regular file of at most
 * KEEL_IO_MAX_WORKSPACE bytes, never a FIFO or a device */
static GBytes *
read_workspace_bytes (GFile        *file,
                      struct stat  *st,
                      GError      **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  const char *path = g_file_peek_path (file);
  GBytes *bytes;

  if (path == NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                   _("%s cannot be read: it is not a local file"), name);
      return NULL;
    }

  bytes = keel_io_read_file (path, FALSE, KEEL_IO_MAX_WORKSPACE, st, &local_error);
  if (bytes != NULL)
    return bytes;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_FOUND,
                 _("%s does not exist; expected a Keel workspace file"), name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT,
                 _("%s is not a regular file; expected a Keel workspace file"), name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT, "%s", local_error->message);
  else
    g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                 _("%s cannot be read: %s"), name, local_error->message);

  return NULL;
}

static KeelWorkspaceSnapshot *
read_workspace_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  bytes = read_workspace_bytes (file, NULL, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);

  return keel_workspace_reader_parse (name, data ? data : "", length, error);
}

/* ------------------------------------------------------------------------ */
/* Reading ahead                                                            */
/* ------------------------------------------------------------------------ */

/* keel_workspace_read_ahead() reads and parses keel.json on a worker while
 * the toolkit starts; the first load of that file takes the result if the
 * file is still the one that was read: same device, inode, size, and
 * modification and change times (the change time moves with any write and
 * no program can set it). One file, for the first load only. */
static struct
{
  GMutex                 lock;
  GCond                  done_cond;
  char                  *path;
  gboolean               running;
  KeelWorkspaceSnapshot *snap;
  struct stat            st;
} ahead;

static gpointer
read_ahead_thread (gpointer data)
{
  GFile *file = data;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GBytes) bytes = NULL;
  KeelWorkspaceSnapshot *snap = NULL;
  struct stat st = { 0 };

  bytes = read_workspace_bytes (file, &st, NULL);
  if (bytes != NULL)
    {
      gsize length = 0;
      const char *text = g_bytes_get_data (bytes, &length);

      snap = keel_workspace_reader_parse (name, text ? text : "", length, NULL);
    }

  g_mutex_lock (&ahead.lock);
  ahead.snap = snap;
  ahead.st = st;
  ahead.running = FALSE;
  g_cond_broadcast (&ahead.done_cond);
  g_mutex_unlock (&ahead.lock);

  g_object_unref (file);

  return NULL;
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* The snapshot read ahead of @file, if it was and the file is unchanged */
static KeelWorkspaceSnapshot *
take_read_ahead (GFile *file)
{
  const char *path = g_file_peek_path (file);
  KeelWorkspaceSnapshot *snap;
  struct stat read_st;
  struct stat now;

  g_mutex_lock (&ahead.lock);
  if (ahead.path == NULL)
    {
      g_mutex_unlock (&ahead.lock);
      return NULL;
    }
  /* Only the first load may take it: another file's is dropped */
  while (ahead.running)
    g_cond_wait (&ahead.done_cond, &ahead.lock);
  snap = g_steal_pointer (&ahead.snap);
  read_st = ahead.st;
  if (path == NULL || strcmp (ahead.path, path) != 0)
    g_clear_pointer (&snap, keel_workspace_snapshot_free);
  g_clear_pointer (&ahead.path, g_free);
  g_mutex_unlock (&ahead.lock);

  if (snap != NULL && (stat (path, &now) != 0 || !same_file (&read_st, &now)))
    g_clear_pointer (&snap, keel_workspace_snapshot_free);

  return snap;
}

/**
 * keel_workspace_read_ahead:
 * @folder: the workspace folder that is about to be opened
 *
 * Starts reading the folder's keel.json on a worker thread, so that the
 * first keel_workspace_load_async() of it finds the records ready (the
 * window calls this before the toolkit starts). Errors are left for the
 * load to find and report; a file changed meanwhile is read again.
 */
void
keel_workspace_read_ahead (GFile *folder)
{
  g_autoptr(GFile) file = NULL;
  GThread *thread;

  g_return_if_fail (G_IS_FILE (folder));

  file = g_file_get_child (folder, "keel.json");
  if (g_file_peek_path (file) == NULL)
    return;

  g_mutex_lock (&ahead.lock);
  if (ahead.path != NULL)
    {
      g_mutex_unlock (&ahead.lock);
      return;
    }
  ahead.path = g_strdup (g_file_peek_path (file));
  ahead.running = TRUE;
  g_mutex_unlock (&ahead.lock);

  thread = g_thread_new ("keel-read-ahead", read_ahead_thread, g_object_ref (file));
  g_thread_unref (thread);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  KeelWorkspaceSnapshot *snap;

  remove_leftovers (KEEL_WORKSPACE (source_object)->folder, task_data);
  snap = take_read_ahead (task_data);
  if (snap == NULL)
    snap = read_workspace_file (task_data, cancellable, &error);

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
  guint     reload : 1;   /* a conflict: theirs is to be read */
  guint     saved : 1;    /* a conflict, but ours is in keel.json */
} SaveData;

static void
save_data_free (SaveData *data)
{
  /* prepare_save() sets these three */
  g_object_unref (data->folder);
  g_object_unref (data->file);
  g_bytes_unref (data->text);
  g_free (data->known_sha);
  g_free (data->new_sha);
  g_free (data->conflict_path);
  g_free (data);
}

/* Puts @text beside keel.json as a conflict copy, under a name no other
 * file has */
static char *
write_conflict_copy (SaveData     *data,
                     const char   *text,
                     gsize         len,
                     GError      **error)
{
  const char *folder = g_file_peek_path (data->folder);
  g_autofree char *temp = NULL;

  temp = keel_io_write_temp (g_file_peek_path (data->file), text, len, KEEL_IO_FILE_MODE, error);
  if (temp == NULL)
    return NULL;

  for (guint i = 0; ; i++)
    {
      g_autofree char *name = _keel_workspace_timestamp_name ("keel.conflict-");
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GError) local_error = NULL;

      if (keel_io_rename_noreplace (temp, path, &local_error))
        return g_steal_pointer (&path);

      if (i >= 100 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          keel_io_unlink (AT_FDCWD, temp, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/* Puts the new file in place of keel.json, whose fingerprint was @disk_sha
 * when it was read (%NULL: there was none). With an atomic exchange Keel
 * then knows for certain what it replaced: if that is not the file it
 * read, another program wrote it in the meantime, and it is kept as a
 * conflict copy (@swapped_out). Without one it checks just before the
 * rename, which leaves a moment in which such a write is lost. */
static gboolean
replace_file (SaveData     *data,
              const char   *temp,
              const char   *disk_sha,
              char        **swapped_out,
              GError      **error)
{
  const char *path = g_file_peek_path (data->file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *before_sha = NULL;

  if (disk_sha == NULL)
    {
      /* No file to replace: a link, unlike a rename, fails if another
       * program has created one meanwhile */
      if (keel_io_link (temp, AT_FDCWD, path, &local_error))
        {
          keel_io_unlink (AT_FDCWD, temp, NULL);
          return TRUE;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
      return keel_io_rename (temp, path, error);
    }

  if (keel_io_exchange (temp, path, &local_error))
    {
      /* temp now holds what keel.json held */
      before = keel_io_read_file (temp, TRUE, KEEL_IO_MAX_WORKSPACE, NULL, NULL);
      if (before != NULL)
        before_sha = keel_workspace_reader_fingerprint (g_bytes_get_data (before, NULL),
                                                        g_bytes_get_size (before));
      if (g_strcmp0 (before_sha, disk_sha) == 0)
        keel_io_unlink (AT_FDCWD, temp, NULL);
      else
        *swapped_out = g_strdup (temp);
      return TRUE;
    }

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* No atomic exchange here: check once more, then rename */
  before = keel_io_read_file (path, FALSE, KEEL_IO_MAX_WORKSPACE, NULL, NULL);
  if (before != NULL)
    before_sha = keel_workspace_reader_fingerprint (g_bytes_get_data (before, NULL),
                                                    g_bytes_get_size (before));
  if (g_strcmp0 (before_sha, disk_sha) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_MERGE,
                           _("it was changed by another program just now"));
      return FALSE;
    }

  return keel_io_rename (temp, path, error);
}

static gboolean
write_workspace (SaveData      *data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GBytes *bytes = data->text;
  g_autofree char *name = g_file_get_parse_name (data->file);
  g_autofree char *disk_sha = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *swapped_out = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *folder = g_file_peek_path (data->folder);
  const char *path = g_file_peek_path (data->file);
  mode_t mode = KEEL_IO_FILE_MODE;
  struct stat st;
  gsize len = 0;
  const char *text = g_bytes_get_data (bytes, &len);

  if (folder == NULL || path == NULL || !keel_io_mkdir (folder, TRUE, &local_error))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: the folder cannot be created (%s)"),
                   name, local_error ? local_error->message : _("not a local folder"));
      return FALSE;
    }

  /* Has somebody else changed the file since we read it? */
  on_disk = keel_io_read_file (path, FALSE, KEEL_IO_MAX_WORKSPACE, &st, &local_error);
  if (on_disk != NULL)
    {
      disk_sha = keel_workspace_reader_fingerprint (g_bytes_get_data (on_disk, NULL),
                                                    g_bytes_get_size (on_disk));
      /* The file keeps the permissions its owner gave it */
      mode = st.st_mode & 07777;
    }
  else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* Something Keel cannot read is not overwritten */
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: %s"), name, local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);

  g_free (data->new_sha);
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
      data->conflict_path = write_conflict_copy (data, text, len, &local_error);
      if (data->conflict_path == NULL)
        {
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                       _("%s was changed by another program, and your changes could not be "
                         "kept beside it: %s"), name, local_error->message);
          return FALSE;
        }

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT,
                   _("%s was changed by another program. Its version is now open; "
                     "your changes were kept in %s."), name, data->conflict_path);
      data->reload = TRUE;
      return FALSE;
    }

  temp = keel_io_write_temp (path, text, len, mode, &local_error);
  if (temp == NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: %s"), name, local_error->message);
      return FALSE;
    }

  /* The file about to be replaced becomes a backup */
  if (disk_sha != NULL)
    {
      backup = _keel_workspace_backup_keep (folder, path, &local_error);
      if (backup == NULL)
        {
          keel_io_unlink (AT_FDCWD, temp, NULL);
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                       _("Cannot save %s: no backup of it can be kept in backups/ (%s)"),
                       name, local_error->message);
          return FALSE;
        }
    }

  if (!replace_file (data, temp, disk_sha, &swapped_out, &local_error))
    {
      keel_io_unlink (AT_FDCWD, temp, NULL);
      if (backup != NULL)
        _keel_workspace_backup_forget (folder, backup);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WOULD_MERGE))
        {
          /* Theirs arrived between the check and the rename: as above */
          g_clear_error (&local_error);
          return write_workspace (data, cancellable, error);
        }

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: %s"), name, local_error->message);
      return FALSE;
    }

  keel_io_sync_folder (folder);

  if (swapped_out != NULL)
    {
      /* Another program wrote keel.json while Keel was saving: ours is in
       * place, theirs is kept beside it */
      for (guint i = 0; data->conflict_path == NULL && i < 100; i++)
        {
          g_autofree char *conflict_name = _keel_workspace_timestamp_name ("keel.conflict-");
          g_autofree char *conflict = g_build_filename (folder, conflict_name, NULL);

          if (keel_io_rename_noreplace (swapped_out, conflict, NULL))
            data->conflict_path = g_filename_display_name (conflict);
        }

      if (data->conflict_path == NULL)
        data->conflict_path = g_filename_display_name (swapped_out);

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT,
                   _("%s was changed by another program while Keel saved it. Your version "
                     "is saved; the other program's version was kept in %s."),
                   name, data->conflict_path);
      data->saved = TRUE;
      return FALSE;
    }

  /* Only now that the save is done: the oldest backups go */
  _keel_workspace_backup_rotate (folder);

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

/* Back on the main thread after a save: clean if nothing changed meanwhile.
 * A conflict that leaves theirs in keel.json is finished by
 * finish_reload() once theirs has been read. */
static void
finish_save (KeelWorkspace *self,
             SaveData      *data,
             const GError  *error)
{
  if (error == NULL || data->saved)
    {
      g_free (self->known_sha);
      self->known_sha = g_strdup (data->new_sha);

      if (data->generation == self->generation)
        _keel_workspace_set_dirty (self, FALSE);

      g_signal_emit (self, _keel_workspace_signals[SIGNAL_SAVED], 0);
    }

  if (error == NULL)
    return;

  g_warning ("%s", error->message);

  if (!g_error_matches (error, KEEL_ERROR, KEEL_ERROR_CONFLICT))
    g_signal_emit (self, _keel_workspace_signals[SIGNAL_SAVE_FAILED], 0, error);
  else if (!data->reload)
    g_signal_emit (self, _keel_workspace_signals[SIGNAL_CONFLICT], 0, data->conflict_path, error);
}

/* After a conflict: their version, read again (or why it could not be) */
static void
finish_reload (KeelWorkspace         *self,
               KeelWorkspaceSnapshot *snap,
               const GError          *reload_error,
               const char            *conflict_path,
               const GError          *error)
{
  if (snap != NULL)
    {
      _keel_workspace_apply_snapshot (self, snap);
      g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOADED], 0);
    }
  else
    g_signal_emit (self, _keel_workspace_signals[SIGNAL_RELOAD_FAILED], 0, reload_error);

  g_signal_emit (self, _keel_workspace_signals[SIGNAL_CONFLICT], 0, conflict_path, error);
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

/* Makes sure the folder exists and a file can be created in it, by
 * creating and removing one. (Permission bits alone say nothing to root or
 * on a read-only mount.) */
static gboolean
probe_writable (GFile   *folder,
                GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (folder);
  g_autofree char *probe = NULL;
  const char *path = g_file_peek_path (folder);
  int fd;

  if (path == NULL || !keel_io_mkdir (path, TRUE, &local_error))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The workspace folder %s cannot be created: %s"),
                   name, local_error ? local_error->message : _("not a local folder"));
      return FALSE;
    }

  probe = g_build_filename (path, ".keel-write-test-XXXXXX", NULL);
  fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, KEEL_IO_FILE_MODE);
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
 * keel_workspace_check_writable:
 *
 * Makes sure the folder exists and a file can be created in it. It touches
 * the disk: the window calls keel_workspace_check_writable_async().
 */
gboolean
keel_workspace_check_writable (KeelWorkspace  *self,
                               GError        **error)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  return probe_writable (self->folder, error);
}

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (probe_writable (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * keel_workspace_check_writable_async:
 *
 * keel_workspace_check_writable() on a worker thread.
 */
void
keel_workspace_check_writable_async (KeelWorkspace       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, keel_workspace_check_writable_async);
  g_task_set_task_data (task, g_object_ref (self->folder), g_object_unref);
  g_task_run_in_thread (task, probe_thread);
}

gboolean
keel_workspace_check_writable_finish (KeelWorkspace  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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

  remove_leftovers (self->folder, self->file);
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

  if (local_error != NULL && data->reload)
    {
      g_autoptr(KeelWorkspaceSnapshot) snap = NULL;
      g_autoptr(GError) reload_error = NULL;

      snap = read_workspace_file (self->file, cancellable, &reload_error);
      finish_reload (self, snap, reload_error, data->conflict_path, local_error);
    }

  save_data_free (data);

  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return ret;
}

/* After the save and any reload: the next autosave, another look at the
 * file, and the caller's answer */
static void
end_save (KeelWorkspace *self,
          GTask         *outer,
          GError        *error)
{
  _keel_workspace_set_saving (self, FALSE);

  if (self->recheck_after_save)
    {
      self->recheck_after_save = FALSE;
      if (self->dirty && self->autosave)
        _keel_workspace_schedule_autosave (self);
      _keel_workspace_schedule_watch (self);
    }

  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_boolean (outer, TRUE);
}

typedef struct
{
  GTask  *outer;
  char   *conflict_path;
  GError *error;
} Reload;

static void
reload_free (Reload *reload)
{
  g_object_unref (reload->outer);  /* always set */
  g_free (reload->conflict_path);
  g_clear_error (&reload->error);
  g_free (reload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reload, reload_free)

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);
  g_autoptr(Reload) reload = user_data;
  g_autoptr(KeelWorkspaceSnapshot) snap = NULL;
  g_autoptr(GError) reload_error = NULL;

  snap = g_task_propagate_pointer (G_TASK (result), &reload_error);
  finish_reload (self, snap, reload_error, reload->conflict_path, reload->error);
  end_save (self, reload->outer, g_steal_pointer (&reload->error));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);
  g_autoptr(GTask) outer = user_data;
  GTask *task = G_TASK (result);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (task, &error);
  finish_save (self, data, error);

  if (error != NULL && data->reload)
    {
      /* Theirs is read on a worker too; the save ends when it is in */
      Reload *reload = g_new0 (Reload, 1);
      g_autoptr(GTask) load = g_task_new (self, NULL, reload_done_cb, reload);

      reload->outer = g_steal_pointer (&outer);
      reload->conflict_path = g_strdup (data->conflict_path);
      reload->error = g_steal_pointer (&error);
      g_task_set_task_data (load, g_object_ref (self->file), g_object_unref);
      g_task_run_in_thread (load, load_thread);
      return;
    }

  end_save (self, outer, g_steal_pointer (&error));
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
