/* test-restore.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "keel-error.h"
#include "keel-records.h"
#include "keel-restore.h"
#include "keel-workspace.h"

/* What the error page's "Open a Backup…" relies on: the unreadable
 * keel.json is kept aside byte for byte, and a backup takes its place. */

static const char good[] =
  "{\n"
  "  \"format\": \"keel-workspace\",\n"
  "  \"version\": 1,\n"
  "  \"organisation\": { \"name\": \"Acme\" },\n"
  "  \"people\": [ { \"id\": \"PER-1\", \"name\": \"Ada\" } ]\n"
  "}\n";

static const char broken[] = "{\n  \"format\": \"keel-workspace\",\n  \"version\": 1,,\n}\n\xff";

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("keel-restore-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_restore_keeps_aside (void)
{
  g_autofree char *folder_path = make_folder ();
  g_autofree char *file_path = g_build_filename (folder_path, "keel.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken_sha = NULL;
  g_autofree char *aside_sha = NULL;
  g_autofree char *aside_name = NULL;

  write_file (folder_path, "keel.json", broken, sizeof broken - 1);
  write_file (folder_path, "backups/keel-20260101T100000.000000Z.json", good, -1);
  broken_sha = sha256_of_file (file_path);

  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, 1);

  g_assert_true (keel_workspace_restore_backup (workspace, backups->pdata[0], &aside, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);

  aside_name = g_file_get_basename (aside);
  g_assert_true (g_str_has_prefix (aside_name, "keel.json.unreadable-"));
  aside_sha = sha256_of_file (g_file_peek_path (aside));
  g_assert_cmpstr (aside_sha, ==, broken_sha);

  g_assert_true (keel_workspace_load (workspace, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (keel_workspace_lookup (workspace, "PER-1"));

  remove_tree (folder_path);
}

/* A backup that cannot be read either changes nothing */
static void
test_restore_bad_backup (void)
{
  g_autofree char *folder_path = make_folder ();
  g_autofree char *file_path = g_build_filename (folder_path, "keel.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *name;
  guint n_files = 0;

  write_file (folder_path, "keel.json", broken, sizeof broken - 1);
  write_file (folder_path, "backups/keel-20260101T100000.000000Z.json", "[1, 2", -1);
  before = sha256_of_file (file_path);

  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, 1);

  g_assert_false (keel_workspace_restore_backup (workspace, backups->pdata[0], &aside, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
  g_assert_null (aside);

  after = sha256_of_file (file_path);
  g_assert_cmpstr (before, ==, after);

  /* keel.json and backups/, nothing else */
  dir = g_dir_open (folder_path, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  remove_tree (folder_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keel/restore/keeps-aside", test_restore_keeps_aside);
  g_test_add_func ("/keel/restore/bad-backup", test_restore_bad_backup);

  return g_test_run ();
}
