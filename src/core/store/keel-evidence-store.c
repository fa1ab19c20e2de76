/* keel-evidence-store.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-evidence-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "keel-error.h"
#include "keel-evidence-file.h"
#include "keel-evidence-store.h"
#include "keel-io.h"

/* Evidence files are copied into the workspace, named by their SHA-256:
 * evidence/ab/ab12…ef.pdf. The same content is stored once, whatever it was
 * called, and a file can be checked against its record at any time. */

#define MAX_EXTENSION 16

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* The extension of @name, lower-cased, or NULL when there is none or it is
 * not plain letters and digits (it becomes part of a path). */
static char *
extension_of (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);
  const char *dot = strrchr (base, '.');
  gsize len;

  if (dot == NULL || dot == base)
    return NULL;

  len = strlen (dot + 1);
  if (len == 0 || len > MAX_EXTENSION)
    return NULL;

  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return NULL;

  return g_ascii_strdown (dot + 1, -1);
}

static char *
guess_media_type (const char   *name,
                  const guchar *data,
                  gsize         size)
{
  g_autofree char *content_type = g_content_type_guess (name, data, size, NULL);
  char *mime = content_type ? g_content_type_get_mime_type (content_type) : NULL;

  return mime ? mime : g_strdup ("application/octet-stream");
}

/* Whether @relative inside @root already holds these bytes */
static gboolean
same_content_on_disk (const char *root,
                      const char *relative,
                      const char *sha256,
                      gsize       size)
{
  g_autofree char *actual = NULL;
  struct stat st;
  int fd;

  fd = keel_io_open_beneath (root, relative, KEEL_IO_MAX_EVIDENCE, &st, NULL);
  if (fd < 0)
    return FALSE;

  if ((gsize) st.st_size == size)
    actual = keel_io_sha256_fd (fd, NULL);
  close (fd);

  return g_strcmp0 (actual, sha256) == 0;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * keel_evidence_path_for:
 * @sha256: the file's SHA-256, in lower-case hex
 * @original_name: (nullable): the name it came with, for its extension
 *
 * Returns: (transfer full): where the file lives, relative to the workspace
 *   folder and with '/' separators: "evidence/ab/ab12…ef.pdf"
 */
char *
keel_evidence_path_for (const char *sha256,
                        const char *original_name)
{
  g_autofree char *ext = NULL;

  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  ext = original_name ? extension_of (original_name) : NULL;

  return g_strdup_printf (KEEL_EVIDENCE_FOLDER "/%.2s/%s%s%s",
                          sha256, sha256, ext ? "." : "", ext ? ext : "");
}

/**
 * keel_workspace_import_evidence:
 * @original_name: the file's name as the user knew it ("policy-v2.pdf")
 * @contents: the file's bytes
 * @media_type: (nullable): its media type, or %NULL to guess it
 *
 * Copies @contents into the workspace's evidence folder, atomically, unless
 * the very same content is already there.
 *
 * Returns: (transfer full) (nullable): a new evidence file part (name,
 *   sha256, size, media_type, path) to set on an evidence record's "file",
 *   or %NULL with @error set
 */
KeelRecord *
keel_workspace_import_evidence (KeelWorkspace  *workspace,
                                const char     *original_name,
                                GBytes         *contents,
                                const char     *media_type,
                                GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *full = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *guessed = NULL;
  const char *root;
  const guchar *data;
  KeelRecord *file;
  gsize size;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (original_name != NULL, NULL);
  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (original_name);
  if (name[0] == '\0' || strcmp (name, G_DIR_SEPARATOR_S) == 0 || strcmp (name, ".") == 0)
    {
      g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           _("An evidence file needs a name"));
      return NULL;
    }

  root = g_file_peek_path (keel_workspace_get_folder (workspace));
  if (root == NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot copy %s into the workspace: its folder is not a local folder"),
                   name);
      return NULL;
    }

  data = g_bytes_get_data (contents, &size);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data ? data : (const guchar *) "", size);
  relative = keel_evidence_path_for (sha256, name);
  full = g_build_filename (root, relative, NULL);
  folder = g_path_get_dirname (full);

  if (!same_content_on_disk (root, relative, sha256, size))
    {
      g_autofree char *top = g_build_filename (root, KEEL_EVIDENCE_FOLDER, NULL);
      g_autofree char *temp = NULL;

      /* evidence/ and evidence/ab/, each a real folder of the workspace
       * (a link in their place is refused), then the file beside its
       * place, renamed into it */
      if (!keel_io_mkdir (root, TRUE, &local_error) ||
          !keel_io_mkdir (top, FALSE, &local_error) ||
          !keel_io_mkdir (folder, FALSE, &local_error))
        {
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                       _("Cannot copy %s into the workspace: the folder %s cannot be created: %s"),
                       name, folder, local_error->message);
          return NULL;
        }

      temp = keel_io_write_temp (full, data ? data : (const guchar *) "", size,
                                 KEEL_IO_FILE_MODE, &local_error);
      if (temp == NULL || !keel_io_rename (temp, full, &local_error))
        {
          if (temp != NULL)
            keel_io_unlink (AT_FDCWD, temp, NULL);
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                       _("Cannot copy %s into the workspace: %s"),
                       name, local_error->message);
          return NULL;
        }
      keel_io_sync_folder (folder);
    }

  if (media_type == NULL || media_type[0] == '\0')
    media_type = guessed = guess_media_type (name, data, size);

  file = g_object_new (KEEL_TYPE_EVIDENCE_FILE, NULL);
  keel_record_set_string (file, "name", name);
  keel_record_set_string (file, "sha256", sha256);
  keel_record_set_int (file, "size", (gint64) size);
  keel_record_set_string (file, "media_type", media_type);
  keel_record_set_string (file, "path", relative);

  return file;
}

/**
 * keel_workspace_import_evidence_file:
 * @source: the file to copy in
 *
 * Reads @source and imports it with keel_workspace_import_evidence(),
 * keeping its name and guessing its media type.
 *
 * Returns: (transfer full) (nullable): a new evidence file part, or %NULL
 *   with @error set
 */
KeelRecord *
keel_workspace_import_evidence_file (KeelWorkspace  *workspace,
                                     GFile          *source,
                                     GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_file_get_parse_name (source);
  name = g_file_get_basename (source);

  if (g_file_query_file_type (source, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                   _("Cannot attach %s: it is a folder, not a file"), display);
      return NULL;
    }

  /* One open, checked: a regular file of a sane size, never a FIFO or a
   * device (which would block or never end) */
  if (g_file_peek_path (source) != NULL)
    contents = keel_io_read_file (g_file_peek_path (source), FALSE, KEEL_IO_MAX_EVIDENCE,
                                  NULL, &local_error);
  else
    contents = g_file_load_bytes (source, NULL, NULL, &local_error);
  if (contents == NULL)
    {
      g_set_error (error, KEEL_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? KEEL_ERROR_NOT_FOUND : KEEL_ERROR_FAILED,
                   _("Cannot read %s: %s"), display, local_error->message);
      return NULL;
    }

  return keel_workspace_import_evidence (workspace, name, contents, NULL, error);
}
