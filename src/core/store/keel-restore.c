/* keel-restore.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-restore"

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>

#include "keel-error.h"
#include "keel-io.h"
#include "keel-restore.h"

/* When keel.json cannot be read, one of its backups can take its place.
 * The file that could not be read is never thrown away: it is copied aside
 * first, unchanged, so that whoever wants to mend it by hand still can. */

typedef struct
{
  GFile *folder;
  GFile *file;
  GFile *backup;
  GFile *aside;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->folder);
  g_clear_object (&data->file);
  g_clear_object (&data->backup);
  g_clear_object (&data->aside);
  g_free (data);
}

static GFile *
aside_file (GFile *folder,
            guint  attempt)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *name = attempt == 0
    ? g_strdup_printf ("%s.unreadable-%s", KEEL_WORKSPACE_FILE, stamp)
    : g_strdup_printf ("%s.unreadable-%s-%u", KEEL_WORKSPACE_FILE, stamp, attempt);

  return g_file_get_child (folder, name);
}

/* Keeps keel.json aside, byte for byte, under a name no file has: a copy
 * written beside it, then linked to its new name (a link never replaces a
 * file). Its permissions are kept. */
static gboolean
keep_aside (RestoreData  *data,
            GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *temp = NULL;
  const char *path = g_file_peek_path (data->file);
  struct stat st;

  bytes = keel_io_read_file (path, FALSE, KEEL_IO_MAX_WORKSPACE, &st, error);
  if (bytes == NULL)
    return FALSE;

  temp = keel_io_write_temp (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             st.st_mode & 07777, error);
  if (temp == NULL)
    return FALSE;

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_clear_object (&data->aside);
      data->aside = aside_file (data->folder, i);
      if (keel_io_link (temp, AT_FDCWD, g_file_peek_path (data->aside), &local_error))
        {
          keel_io_unlink (AT_FDCWD, temp, NULL);
          return TRUE;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          break;
        }
    }

  if (error != NULL && *error == NULL)
    g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_FAILED, _("no free name for the copy"));
  keel_io_unlink (AT_FDCWD, temp, NULL);
  g_clear_object (&data->aside);

  return FALSE;
}

static gboolean
restore (RestoreData   *data,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(KeelWorkspace) check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *backup_name = g_file_get_parse_name (data->backup);
  g_autofree char *file_name = g_file_get_parse_name (data->file);
  g_autofree char *temp = NULL;
  const char *path = g_file_peek_path (data->file);
  mode_t mode = KEEL_IO_FILE_MODE;
  struct stat st;

  if (g_file_peek_path (data->backup) == NULL || path == NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                   _("The backup %s cannot be read: it is not a local file"), backup_name);
      return FALSE;
    }

  bytes = keel_io_read_file (g_file_peek_path (data->backup), TRUE, KEEL_IO_MAX_WORKSPACE,
                             NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                   _("The backup %s cannot be read: %s"), backup_name, local_error->message);
      return FALSE;
    }

  /* A backup that is no better than the file it replaces is no use */
  check = keel_workspace_new (data->folder);
  if (!keel_workspace_load_bytes (check, bytes, &local_error))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                   _("The backup %s cannot be used either: %s"), backup_name, local_error->message);
      return FALSE;
    }

  if (lstat (path, &st) == 0)
    {
      mode = S_ISREG (st.st_mode) ? (st.st_mode & 07777) : KEEL_IO_FILE_MODE;
      if (!keep_aside (data, &local_error))
        {
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                       _("%s cannot be kept aside, so it was left as it is: %s"),
                       file_name, local_error->message);
          return FALSE;
        }
    }

  temp = keel_io_write_temp (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             mode, &local_error);
  if (temp == NULL || !keel_io_rename (temp, path, &local_error))
    {
      if (temp != NULL)
        keel_io_unlink (AT_FDCWD, temp, NULL);
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot restore %s: %s"), file_name, local_error->message);
      return FALSE;
    }
  keel_io_sync_folder (g_file_peek_path (data->folder));

  return TRUE;
}

static RestoreData *
restore_data_new (KeelWorkspace *self,
                  GFile         *backup)
{
  RestoreData *data = g_new0 (RestoreData, 1);

  data->folder = g_object_ref (keel_workspace_get_folder (self));
  data->file = g_object_ref (keel_workspace_get_file (self));
  data->backup = g_object_ref (backup);

  return data;
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (restore (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * keel_workspace_restore_backup:
 * @backup: a backup of keel.json
 * @aside: (out) (optional) (transfer full): where the replaced keel.json
 *   was kept, or %NULL if there was none
 */
gboolean
keel_workspace_restore_backup (KeelWorkspace  *self,
                               GFile          *backup,
                               GFile         **aside,
                               GCancellable   *cancellable,
                               GError        **error)
{
  RestoreData *data;
  gboolean ret;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (backup), FALSE);

  data = restore_data_new (self, backup);
  ret = restore (data, cancellable, error);
  if (ret && aside != NULL)
    *aside = g_steal_pointer (&data->aside);
  restore_data_free (data);

  return ret;
}

void
keel_workspace_restore_backup_async (KeelWorkspace       *self,
                                     GFile               *backup,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (backup));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, keel_workspace_restore_backup_async);
  g_task_set_task_data (task, restore_data_new (self, backup), (GDestroyNotify) restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

gboolean
keel_workspace_restore_backup_finish (KeelWorkspace  *self,
                                      GAsyncResult   *result,
                                      GFile         **aside,
                                      GError        **error)
{
  RestoreData *data;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (aside != NULL)
    *aside = data->aside ? g_object_ref (data->aside) : NULL;

  return TRUE;
}
