/* keel-open-watch.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The calls are defined under their own names, not the 64-bit redirects */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE 1

#include "config.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keel-open-watch.h"

/* The path oracle of the fuzz target: while watching, every file the
 * process opens or looks at (open, openat, fopen, stat, lstat, access and
 * their 64-bit forms) must be inside one folder. These definitions in the
 * executable come before the C library's (and a sanitizer's weak ones) for
 * every caller, GLib included, so nothing is preloaded; each notes the
 * path and calls the next definition. The path is made absolute and its
 * "." and ".." removed by text alone, which is exact here: the folder is
 * a fresh, empty temporary folder with no links in it. */

static char watched[PATH_MAX];
static int watching;
static char first_outside[PATH_MAX];

void
keel_open_watch_begin (const char *folder)
{
  snprintf (watched, sizeof watched, "%s", folder);
  first_outside[0] = '\0';
  watching = 1;
}

const char *
keel_open_watch_end (void)
{
  watching = 0;

  return first_outside[0] != '\0' ? first_outside : NULL;
}

/* Removes "." and ".." from the absolute path in @buf, in place */
static void
normalize (char *buf)
{
  char out[PATH_MAX];
  size_t n = 0;
  const char *p = buf;

  while (*p != '\0')
    {
      const char *start;
      size_t len;

      while (*p == '/')
        p++;
      start = p;
      while (*p != '\0' && *p != '/')
        p++;
      len = (size_t) (p - start);

      if (len == 0 || (len == 1 && start[0] == '.'))
        continue;
      if (len == 2 && start[0] == '.' && start[1] == '.')
        {
          while (n > 0 && out[n - 1] != '/')
            n--;
          if (n > 0)
            n--;
          continue;
        }
      if (n + 1 + len >= sizeof out)
        break;
      out[n++] = '/';
      memcpy (out + n, start, len);
      n += len;
    }

  if (n == 0)
    out[n++] = '/';
  out[n] = '\0';
  memcpy (buf, out, n + 1);
}

static void
note (int         dirfd,
      const char *path)
{
  char full[PATH_MAX];
  size_t len;

  if (!watching || path == NULL || first_outside[0] != '\0')
    return;

  if (path[0] == '/')
    snprintf (full, sizeof full, "%s", path);
  else
    {
      char base[PATH_MAX];

      if (dirfd == AT_FDCWD)
        {
          if (getcwd (base, sizeof base) == NULL)
            base[0] = '\0';
        }
      else
        {
          char link[64];
          ssize_t got;

          snprintf (link, sizeof link, "/proc/self/fd/%d", dirfd);
          got = readlink (link, base, sizeof base - 1);
          base[got > 0 ? got : 0] = '\0';
        }
      /* A path too long to put together is counted as outside */
      if ((size_t) snprintf (full, sizeof full, "%s/%s", base, path) >= sizeof full)
        {
          snprintf (first_outside, sizeof first_outside, "%s", path);
          return;
        }
    }

  normalize (full);

  len = strlen (watched);
  if (strncmp (full, watched, len) == 0 && (full[len] == '\0' || full[len] == '/'))
    return;

  snprintf (first_outside, sizeof first_outside, "%s", full);
}

#define NEXT(name) \
  static __typeof__ (name) *next; \
  if (next == NULL) \
    next = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

static mode_t
mode_of (int     flags,
         va_list args)
{
  return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t) va_arg (args, int) : 0;
}

int
open (const char *path,
      int         flags,
      ...)
{
  va_list args;
  mode_t mode;
  NEXT (open);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  note (AT_FDCWD, path);

  return next (path, flags, mode);
}

int
open64 (const char *path,
        int         flags,
        ...)
{
  va_list args;
  mode_t mode;
  NEXT (open64);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  note (AT_FDCWD, path);

  return next (path, flags, mode);
}

int
openat (int         dirfd,
        const char *path,
        int         flags,
        ...)
{
  va_list args;
  mode_t mode;
  NEXT (openat);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  note (dirfd, path);

  return next (dirfd, path, flags, mode);
}

int
openat64 (int         dirfd,
          const char *path,
          int         flags,
          ...)
{
  va_list args;
  mode_t mode;
  NEXT (openat64);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  note (dirfd, path);

  return next (dirfd, path, flags, mode);
}

FILE *
fopen (const char *path,
       const char *how)
{
  NEXT (fopen);

  note (AT_FDCWD, path);

  return next (path, how);
}

FILE *
fopen64 (const char *path,
         const char *how)
{
  NEXT (fopen64);

  note (AT_FDCWD, path);

  return next (path, how);
}

int
stat (const char  *path,
      struct stat *buf)
{
  NEXT (stat);

  note (AT_FDCWD, path);

  return next (path, buf);
}

int
stat64 (const char    *path,
        struct stat64 *buf)
{
  NEXT (stat64);

  note (AT_FDCWD, path);

  return next (path, buf);
}

int
lstat (const char  *path,
       struct stat *buf)
{
  NEXT (lstat);

  note (AT_FDCWD, path);

  return next (path, buf);
}

int
lstat64 (const char    *path,
         struct stat64 *buf)
{
  NEXT (lstat64);

  note (AT_FDCWD, path);

  return next (path, buf);
}

int
access (const char *path,
        int         how)
{
  NEXT (access);

  note (AT_FDCWD, path);

  return next (path, how);
}
