/* keel-io.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/stat.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest keel.json Keel reads, and the largest evidence file it hashes */
#define KEEL_IO_MAX_WORKSPACE  ((gsize) 256 * 1024 * 1024)
#define KEEL_IO_MAX_EVIDENCE   ((gsize) 4 * 1024 * 1024 * 1024)

/* Files Keel creates are private to their owner: ISMS data */
#define KEEL_IO_FILE_MODE      0600
#define KEEL_IO_FOLDER_MODE    0700

/* Every call the store makes that changes the disk, by kind, so that a
 * test can make any one of them fail (see _keel_io_set_fault_hook()) */
typedef enum
{
  KEEL_IO_OPEN,     /* creating a file */
  KEEL_IO_WRITE,
  KEEL_IO_FSYNC,
  KEEL_IO_RENAME,   /* rename, and the atomic exchange */
  KEEL_IO_LINK,
  KEEL_IO_UNLINK,
  KEEL_IO_MKDIR,
  KEEL_IO_N_OPS
} KeelIoOp;

/* What a fault hook returns for a write to make it write only part of
 * what it was asked to (a short write, which is not an error) */
#define KEEL_IO_SHORT_WRITE (-1)

/* Called before each call of @op on @path: 0 lets the call run, an errno
 * value makes it fail with that error without running it. */
typedef int (*KeelIoFaultHook) (KeelIoOp    op,
                                const char *path,
                                gpointer    user_data);

/* For tests only: nothing in Keel sets a hook, and with none set every
 * call runs as it is. */
void        _keel_io_set_fault_hook (KeelIoFaultHook  hook,
                                     gpointer         user_data);
const char *keel_io_op_name         (KeelIoOp         op);

gboolean    keel_io_mkdir           (const char      *path,
                                     gboolean         with_parents,
                                     GError         **error);
int         keel_io_open_regular    (const char      *path,
                                     gboolean         nofollow,
                                     gsize            max_size,
                                     struct stat     *st,
                                     GError         **error);
int         keel_io_open_beneath    (const char      *root,
                                     const char      *relative,
                                     gsize            max_size,
                                     struct stat     *st,
                                     GError         **error);
GBytes     *keel_io_read_file       (const char      *path,
                                     gboolean         nofollow,
                                     gsize            max_size,
                                     struct stat     *st,
                                     GError         **error);
char       *keel_io_sha256_fd       (int              fd,
                                     GError         **error);
gboolean    keel_io_write_all       (int              fd,
                                     const char      *path,
                                     const void      *data,
                                     gsize            length,
                                     GError         **error);
char       *keel_io_write_temp      (const char      *target,
                                     const void      *data,
                                     gsize            length,
                                     mode_t           mode,
                                     GError         **error);
gboolean    keel_io_rename          (const char      *from,
                                     const char      *to,
                                     GError         **error);
gboolean    keel_io_rename_noreplace (const char     *from,
                                      const char     *to,
                                      GError        **error);
gboolean    keel_io_exchange        (const char      *a,
                                     const char      *b,
                                     GError         **error);
gboolean    keel_io_link            (const char      *from,
                                     int              to_dirfd,
                                     const char      *to,
                                     GError         **error);
gboolean    keel_io_unlink          (int              dirfd,
                                     const char      *path,
                                     GError         **error);
void        keel_io_sync_folder     (const char      *path);
gboolean    keel_io_is_temp_name    (const char      *name,
                                     const char      *target_name);

G_END_DECLS
