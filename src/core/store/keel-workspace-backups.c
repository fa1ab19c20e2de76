/* keel-workspace-backups.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keel-io.h"
#include "keel-workspace-private.h"

/* backups/ keeps the last KEEL_WORKSPACE_BACKUPS versions of keel.json.
 * When a save replaces keel.json, the file it replaces becomes a backup
 * (a second name for it, so its bytes and its modification time stay those
 * of the save that wrote it). Backups are numbered in the order they were
 * kept: backups/keel-000042.json is the 42nd version of keel.json to be
 * replaced, and holds what keel.json held until the save after it. The
 * numbers, not the clock, order them: a clock set wrong cannot push out
 * the newest. Rotation happens only after a save succeeded, and only
 * inside a real folder of the workspace: backups/ as a symbolic link is
 * refused, and nothing outside it is ever removed. Backups named by the
 * time they were kept (by earlier versions of Keel) count as older than
 * every numbered one. */

#define BACKUP_PREFIX "keel-"
#define BACKUP_SUFFIX ".json"

typedef struct
{
  char    *name;
  guint64  seq;      /* 0 for a name that holds a time */
} Backup;

static void
backup_free (Backup *backup)
{
  g_free (backup->name);
  g_free (backup);
}

/* Oldest first */
static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const Backup *x = *(const Backup * const *) a;
  const Backup *y = *(const Backup * const *) b;

  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;

  return strcmp (x->name, y->name);
}

/* keel-000042.json → 42; a backup named by its time → 0; not a backup → FALSE */
static gboolean
parse_backup_name (const char *name,
                   guint64    *seq)
{
  gsize len = strlen (name);
  const char *digits = name + strlen (BACKUP_PREFIX);
  gsize n_digits;

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX) ||
      len <= strlen (BACKUP_PREFIX) + strlen (BACKUP_SUFFIX))
    return FALSE;

  n_digits = len - strlen (BACKUP_PREFIX) - strlen (BACKUP_SUFFIX);
  *seq = 0;
  if (n_digits > 18)
    return TRUE;
  for (gsize i = 0; i < n_digits; i++)
    if (!g_ascii_isdigit (digits[i]))
      return TRUE;

  *seq = g_ascii_strtoull (digits, NULL, 10);

  return TRUE;
}

/* The backups in the folder open as @dirfd, oldest first: regular files
 * only */
static GPtrArray *
read_backups (int dirfd)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) backup_free);
  int fd = dup (dirfd);
  DIR *dir = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *entry;

  if (dir == NULL)
    {
      if (fd >= 0)
        close (fd);
      return list;
    }

  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;
      guint64 seq;
      Backup *backup;

      if (!parse_backup_name (entry->d_name, &seq) ||
          fstatat (dirfd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG (st.st_mode))
        continue;

      backup = g_new0 (Backup, 1);
      backup->name = g_strdup (entry->d_name);
      backup->seq = seq;
      g_ptr_array_add (list, backup);
    }
  closedir (dir);

  g_ptr_array_sort (list, compare_backups);

  return list;
}

/* Opens backups/ of @folder, a real folder (never a link to one), creating
 * it if asked. -1 with @error set when it cannot, or is not a folder. */
static int
open_backups (const char  *folder,
              gboolean     create,
              GError     **error)
{
  g_autofree char *path = g_build_filename (folder, "backups", NULL);
  int fd;

  if (create && !keel_io_mkdir (path, FALSE, error))
    return -1;

  fd = open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", name, g_strerror (saved_errno));
    }

  return fd;
}

char *
_keel_workspace_timestamp_name (const char *prefix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s%s.%06dZ.json", prefix, stamp, g_date_time_get_microsecond (now));
}

/**
 * _keel_workspace_backup_keep:
 * @file: keel.json, about to be replaced
 *
 * Gives keel.json a second name in backups/: the next number. On failure
 * nothing was changed.
 *
 * Returns: (transfer full): the backup's name in backups/, or %NULL with
 *   @error set
 */
char *
_keel_workspace_backup_keep (const char  *folder,
                             const char  *file,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *name = NULL;
  guint64 seq = 1;
  int dirfd;

  dirfd = open_backups (folder, TRUE, error);
  if (dirfd < 0)
    return NULL;

  list = read_backups (dirfd);
  if (list->len > 0)
    seq = ((Backup *) list->pdata[list->len - 1])->seq + 1;

  for (;; seq++)
    {
      g_autoptr(GError) local_error = NULL;

      g_free (name);
      name = g_strdup_printf (BACKUP_PREFIX "%06" G_GUINT64_FORMAT BACKUP_SUFFIX, seq);
      if (keel_io_link (file, dirfd, name, &local_error))
        break;

      /* A name left by a file that is not a backup: the next one */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          close (dirfd);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  close (dirfd);

  return g_steal_pointer (&name);
}

/* Takes back a backup kept for a save that then failed */
void
_keel_workspace_backup_forget (const char *folder,
                               const char *name)
{
  g_autoptr(GError) error = NULL;
  int dirfd = open_backups (folder, FALSE, &error);

  if (dirfd < 0 || !keel_io_unlink (dirfd, name, &error))
    g_debug ("Cannot remove the backup %s: %s", name, error->message);
  if (dirfd >= 0)
    close (dirfd);
}

/**
 * _keel_workspace_backup_rotate:
 *
 * After a successful save: removes the oldest backups beyond
 * KEEL_WORKSPACE_BACKUPS. A removal that fails is tried again after the
 * next save.
 */
void
_keel_workspace_backup_rotate (const char *folder)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  int dirfd = open_backups (folder, FALSE, &error);

  if (dirfd < 0)
    return;

  list = read_backups (dirfd);
  for (guint i = 0; i + KEEL_WORKSPACE_BACKUPS < list->len; i++)
    {
      Backup *backup = list->pdata[i];

      if (!keel_io_unlink (dirfd, backup->name, &error))
        {
          g_debug ("Cannot remove the old backup %s: %s", backup->name, error->message);
          g_clear_error (&error);
        }
    }

  close (dirfd);
}

/**
 * _keel_workspace_backup_tidy:
 * @file: keel.json
 *
 * On opening: finishes what a save that was interrupted left in backups/.
 * A backup that is a second name of keel.json itself was kept for a save
 * that never replaced the file: keel.json holds it, so it goes. Backups
 * beyond KEEL_WORKSPACE_BACKUPS are left by a save that replaced the file
 * but was stopped before it could rotate them: the rotation is done now.
 */
void
_keel_workspace_backup_tidy (const char *folder,
                             const char *file)
{
  g_autoptr(GPtrArray) list = NULL;
  struct stat current;
  int dirfd;

  if (stat (file, &current) != 0 || (dirfd = open_backups (folder, FALSE, NULL)) < 0)
    return;

  list = read_backups (dirfd);
  for (guint i = 0; i < list->len; i++)
    {
      Backup *backup = list->pdata[i];
      struct stat st;

      if (fstatat (dirfd, backup->name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          st.st_dev == current.st_dev && st.st_ino == current.st_ino)
        keel_io_unlink (dirfd, backup->name, NULL);
    }
  close (dirfd);

  _keel_workspace_backup_rotate (folder);
}

/**
 * keel_workspace_list_backups:
 *
 * Returns: (transfer full) (element-type GFile): the backups, newest first
 */
GPtrArray *
keel_workspace_list_backups (KeelWorkspace *self)
{
  g_autoptr(GFile) backups = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *folder;
  int dirfd;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), files);

  folder = g_file_peek_path (self->folder);
  if (folder == NULL || (dirfd = open_backups (folder, FALSE, NULL)) < 0)
    return files;

  backups = g_file_get_child (self->folder, "backups");
  list = read_backups (dirfd);
  close (dirfd);

  for (guint i = list->len; i > 0; i--)
    g_ptr_array_add (files, g_file_get_child (backups, ((Backup *) list->pdata[i - 1])->name));

  return files;
}
