/* keel-io.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "keel-io.h"

/* The store's few system calls, each checked: files opened once and
 * checked on what was opened (a regular file, within a size limit; never a
 * FIFO or a device, and the open itself cannot block on one), written in
 * full and synced before they replace anything, created private to their
 * owner. Every call that changes the disk passes through fault(), where a
 * test can make it fail, as SQLite's tests do with their I/O layer. */

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

#define READ_CHUNK (256 * 1024)

static KeelIoFaultHook fault_hook;
static gpointer fault_data;
static GMutex fault_lock;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* 0, or the errno a test wants this call to fail with */
static int
fault (KeelIoOp    op,
       const char *path)
{
  int ret = 0;

  if (g_atomic_pointer_get (&fault_hook) == NULL)
    return 0;

  g_mutex_lock (&fault_lock);
  if (fault_hook != NULL)
    ret = fault_hook (op, path, fault_data);
  g_mutex_unlock (&fault_lock);

  return ret;
}

static gboolean
set_errno_error (GError    **error,
                 int         code,
                 const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (code),
               "%s: %s", name, g_strerror (code));
  return FALSE;
}

/* Checks what @fd is, not what its path says: a regular file of at most
 * @max_size bytes; then lets reads block again. Closes @fd on failure. */
static int
check_opened (int           fd,
              const char   *path,
              gsize         max_size,
              struct stat  *st,
              GError      **error)
{
  g_autofree char *name = NULL;
  struct stat local;

  if (st == NULL)
    st = &local;

  if (fstat (fd, st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, saved_errno, path);
      return -1;
    }

  name = g_filename_display_name (path);

  if (!S_ISREG (st->st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is not a regular file"), name);
      return -1;
    }

  if ((guint64) st->st_size > (guint64) max_size)
    {
      g_autofree char *size = g_format_size_full ((guint64) st->st_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full ((guint64) max_size, G_FORMAT_SIZE_IEC_UNITS);

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("%s is too large (%s; Keel reads files of up to %s)"), name, size, limit);
      return -1;
    }

  /* A regular file never blocks; reads are plain from here on */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  return fd;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

void
_keel_io_set_fault_hook (KeelIoFaultHook hook,
                         gpointer        user_data)
{
  g_mutex_lock (&fault_lock);
  fault_data = user_data;
  g_atomic_pointer_set (&fault_hook, hook);
  g_mutex_unlock (&fault_lock);
}

const char *
keel_io_op_name (KeelIoOp op)
{
  static const char * const names[] = {
    "open", "write", "fsync", "rename", "link", "unlink", "mkdir",
  };

  g_return_val_if_fail (op < KEEL_IO_N_OPS, NULL);

  return names[op];
}

/**
 * keel_io_mkdir:
 * @with_parents: create the missing folders above it too
 *
 * Creates a folder private to its owner (0700), or makes sure the one
 * there is a folder: a symbolic link in its place is refused.
 */
gboolean
keel_io_mkdir (const char  *path,
               gboolean     with_parents,
               GError     **error)
{
  struct stat st;
  int code;

  if (lstat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return TRUE;
      return set_errno_error (error, S_ISLNK (st.st_mode) ? ELOOP : ENOTDIR, path);
    }

  if (with_parents)
    {
      g_autofree char *parent = g_path_get_dirname (path);

      if (strcmp (parent, path) != 0 && !g_file_test (parent, G_FILE_TEST_IS_DIR) &&
          !keel_io_mkdir (parent, TRUE, error))
        return FALSE;
    }

  code = fault (KEEL_IO_MKDIR, path);
  if (code == 0 && mkdir (path, KEEL_IO_FOLDER_MODE) != 0 && errno != EEXIST)
    code = errno;
  if (code != 0)
    return set_errno_error (error, code, path);

  /* Lost a race with another creator: still a folder? */
  if (lstat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    return set_errno_error (error, ENOTDIR, path);

  return TRUE;
}

/**
 * keel_io_open_regular:
 * @nofollow: refuse a symbolic link as the last part of @path
 * @max_size: the largest file accepted
 * @st: (out) (optional): what fstat() says of the file opened
 *
 * Opens a file for reading without blocking on a FIFO or a device, and
 * checks what was opened, not the path: a regular file of at most
 * @max_size bytes.
 *
 * Returns: the descriptor, or -1 with @error set (G_IO_ERROR_NOT_FOUND,
 *   G_IO_ERROR_NOT_REGULAR_FILE, G_IO_ERROR_NO_SPACE for a file too large,
 *   or as the system said)
 */
int
keel_io_open_regular (const char   *path,
                      gboolean      nofollow,
                      gsize         max_size,
                      struct stat  *st,
                      GError      **error)
{
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  int fd;

  if (nofollow)
    flags |= O_NOFOLLOW;

  fd = open (path, flags);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return -1;
    }

  return check_opened (fd, path, max_size, st, error);
}

/**
 * keel_io_open_beneath:
 * @root: a folder
 * @relative: a path below it, '/'-separated, without "." or ".." parts
 *
 * Opens @relative inside @root as keel_io_open_regular() does, one part at
 * a time and following no symbolic link on the way: whatever the path
 * says, the file opened is inside @root.
 *
 * Returns: the descriptor, or -1 with @error set
 */
int
keel_io_open_beneath (const char   *root,
                      const char   *relative,
                      gsize         max_size,
                      struct stat  *st,
                      GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  g_autofree char *display = g_build_filename (root, relative, NULL);
  guint n = g_strv_length (parts);
  int dirfd;
  int fd;

  if (n == 0 || g_path_is_absolute (relative))
    {
      set_errno_error (error, EINVAL, display);
      return -1;
    }

  for (guint i = 0; i < n; i++)
    if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      {
        set_errno_error (error, EINVAL, display);
        return -1;
      }

  dirfd = open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0)
    {
      set_errno_error (error, errno, display);
      return -1;
    }

  for (guint i = 0; i + 1 < n; i++)
    {
      int next = openat (dirfd, parts[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      int saved_errno = errno;

      close (dirfd);
      if (next < 0)
        {
          set_errno_error (error, saved_errno, display);
          return -1;
        }
      dirfd = next;
    }

  fd = openat (dirfd, parts[n - 1],
               O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW);
  if (fd < 0)
    {
      set_errno_error (error, errno, display);
      close (dirfd);
      return -1;
    }
  close (dirfd);

  return check_opened (fd, display, max_size, st, error);
}

/**
 * keel_io_read_file:
 *
 * Reads a whole file opened with keel_io_open_regular(). A file that grows
 * past @max_size while it is read is refused too.
 *
 * Returns: (transfer full): its bytes, or %NULL with @error set
 */
GBytes *
keel_io_read_file (const char   *path,
                   gboolean      nofollow,
                   gsize         max_size,
                   struct stat  *st,
                   GError      **error)
{
  struct stat local;
  char *buffer;
  gsize allocated;
  gsize length = 0;
  int fd;

  if (st == NULL)
    st = &local;

  fd = keel_io_open_regular (path, nofollow, max_size, st, error);
  if (fd < 0)
    return NULL;

  allocated = (gsize) st->st_size + 1;
  buffer = g_malloc (allocated);

  for (;;)
    {
      gssize n;

      if (length == allocated)
        {
          if (allocated > max_size)
            {
              g_autofree char *name = g_filename_display_name (path);
              g_autofree char *limit = g_format_size_full ((guint64) max_size, G_FORMAT_SIZE_IEC_UNITS);

              g_free (buffer);
              close (fd);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("%s is too large (Keel reads files of up to %s)"), name, limit);
              return NULL;
            }
          allocated = MIN (allocated * 2, max_size + 1);
          buffer = g_realloc (buffer, allocated);
        }

      n = read (fd, buffer + length, allocated - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_free (buffer);
          close (fd);
          set_errno_error (error, saved_errno, path);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }

  close (fd);

  return g_bytes_new_take (buffer, length);
}

/**
 * keel_io_sha256_fd:
 *
 * Returns: (transfer full): the SHA-256 of what is left to read of @fd, in
 *   lower-case hex, read in pieces; %NULL with @error set
 */
char *
keel_io_sha256_fd (int      fd,
                   GError **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);

  for (;;)
    {
      gssize n = read (fd, buffer, READ_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * keel_io_write_all:
 *
 * Writes all of @data to @fd, however many calls it takes.
 */
gboolean
keel_io_write_all (int          fd,
                   const char  *path,
                   const void  *data,
                   gsize        length,
                   GError     **error)
{
  const char *p = data;

  while (length > 0)
    {
      gsize chunk = MIN (length, (gsize) 1 << 30);
      int code = fault (KEEL_IO_WRITE, path);
      gssize n;

      if (code == KEEL_IO_SHORT_WRITE)
        chunk = MAX (chunk / 2, 1);
      else if (code != 0)
        return set_errno_error (error, code, path);

      n = write (fd, p, chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno, path);
      if (n == 0)
        return set_errno_error (error, ENOSPC, path);

      p += n;
      length -= (gsize) n;
    }

  return TRUE;
}

/**
 * keel_io_write_temp:
 * @target: the file this one will replace
 * @mode: its permissions (not reduced by the umask)
 *
 * Writes @data into a new file beside @target, named after it
 * ("keel.json.AB12CD"), syncs it and closes it. Nothing is left behind on
 * failure.
 *
 * Returns: (transfer full): the new file's path, or %NULL with @error set
 */
char *
keel_io_write_temp (const char  *target,
                    const void  *data,
                    gsize        length,
                    mode_t       mode,
                    GError     **error)
{
  g_autofree char *temp = g_strconcat (target, ".XXXXXX", NULL);
  int code;
  int fd;

  code = fault (KEEL_IO_OPEN, target);
  if (code != 0)
    {
      set_errno_error (error, code, target);
      return NULL;
    }

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, KEEL_IO_FILE_MODE);
  if (fd < 0)
    {
      set_errno_error (error, errno, target);
      return NULL;
    }

  if (fchmod (fd, mode) != 0 ||
      !keel_io_write_all (fd, temp, data, length, error) ||
      (code = fault (KEEL_IO_FSYNC, temp)) != 0 ||
      fsync (fd) != 0)
    {
      int saved_errno = code != 0 ? code : errno;

      if (error != NULL && *error == NULL)
        set_errno_error (error, saved_errno, target);
      close (fd);
      g_unlink (temp);
      return NULL;
    }

  if (close (fd) != 0)
    {
      set_errno_error (error, errno, target);
      g_unlink (temp);
      return NULL;
    }

  return g_steal_pointer (&temp);
}

gboolean
keel_io_rename (const char  *from,
                const char  *to,
                GError     **error)
{
  int code = fault (KEEL_IO_RENAME, to);

  if (code == 0 && rename (from, to) != 0)
    code = errno;
  if (code != 0)
    return set_errno_error (error, code, to);

  return TRUE;
}

/**
 * keel_io_exchange:
 *
 * Swaps two files atomically: each name then holds what the other held.
 * Where the system cannot (not Linux, an old kernel, a file system without
 * it) the error is G_IO_ERROR_NOT_SUPPORTED.
 */
gboolean
keel_io_exchange (const char  *a,
                  const char  *b,
                  GError     **error)
{
  int code = fault (KEEL_IO_RENAME, b);

#if defined(__linux__) && defined(SYS_renameat2)
  if (code == 0 && syscall (SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0)
    return TRUE;
  if (code == 0)
    code = errno;
#else
  if (code == 0)
    code = ENOSYS;
#endif

  /* The call is missing, or the file system cannot (a test can pretend) */
  if (code == ENOSYS || code == EINVAL || code == EXDEV || code == ENOTSUP)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, g_strerror (code));
      return FALSE;
    }

  return set_errno_error (error, code, b);
}

/**
 * keel_io_rename_noreplace:
 *
 * Renames @from to @to unless @to exists (G_IO_ERROR_EXISTS then): with
 * renameat2 (RENAME_NOREPLACE) where the system has it, else by a link
 * and an unlink.
 */
gboolean
keel_io_rename_noreplace (const char  *from,
                          const char  *to,
                          GError     **error)
{
  int code = fault (KEEL_IO_RENAME, to);

#if defined(__linux__) && defined(SYS_renameat2)
  if (code == 0 && syscall (SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (code == 0)
    code = errno;
#else
  if (code == 0)
    code = ENOSYS;
#endif

  if (code != ENOSYS && code != EINVAL && code != ENOTSUP)
    return set_errno_error (error, code, to);

  /* Without the call: a link, which never replaces a file */
  if (!keel_io_link (from, AT_FDCWD, to, error))
    return FALSE;
  keel_io_unlink (AT_FDCWD, from, NULL);

  return TRUE;
}

/* Makes @to (in the folder @to_dirfd, or AT_FDCWD) a second name of
 * @from; fails if @to exists */
gboolean
keel_io_link (const char  *from,
              int          to_dirfd,
              const char  *to,
              GError     **error)
{
  int code = fault (KEEL_IO_LINK, to);

  if (code == 0 && linkat (AT_FDCWD, from, to_dirfd, to, 0) != 0)
    code = errno;
  if (code != 0)
    return set_errno_error (error, code, to);

  return TRUE;
}

/* Removes @path (in the folder @dirfd, or AT_FDCWD) */
gboolean
keel_io_unlink (int          dirfd,
                const char  *path,
                GError     **error)
{
  int code = fault (KEEL_IO_UNLINK, path);

  if (code == 0 && unlinkat (dirfd, path, 0) != 0)
    code = errno;
  if (code != 0)
    return set_errno_error (error, code, path);

  return TRUE;
}

/* After a rename: the folder's entry is on disk too. Best effort; some
 * file systems cannot sync a folder. */
void
keel_io_sync_folder (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

/**
 * keel_io_is_temp_name:
 *
 * Returns: whether @name is one of keel_io_write_temp()'s names for
 *   @target_name: the name, a dot and six letters or digits
 */
gboolean
keel_io_is_temp_name (const char *name,
                      const char *target_name)
{
  gsize tlen = strlen (target_name);

  if (strncmp (name, target_name, tlen) != 0 || name[tlen] != '.' || strlen (name) != tlen + 7)
    return FALSE;

  for (gsize i = tlen + 1; i < tlen + 7; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  return TRUE;
}
