/* test-evidence-store.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-evidence-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-evidence-store.h"
#include "keel-records.h"
#include "keel-workspace.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  char          *dir;
  KeelWorkspace *workspace;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  fixture->dir = g_dir_make_tmp ("keel-evidence-XXXXXX", &error);
  g_assert_no_error (error);

  folder = g_file_new_for_path (fixture->dir);
  fixture->workspace = keel_workspace_new (folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->workspace);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
full_path (Fixture    *fixture,
           KeelRecord *file)
{
  return g_build_filename (fixture->dir, keel_record_get_string (file, "path"), NULL);
}

static KeelRecord *
import_text (Fixture    *fixture,
             const char *name,
             const char *text,
             const char *media_type)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  KeelRecord *file;

  file = keel_workspace_import_evidence (fixture->workspace, name, bytes, media_type, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  return file;
}

static guint64
inode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return (guint64) st.st_ino;
}

static guint
count_errors (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (((KeelProblem *) problems->pdata[i])->level == KEEL_PROBLEM_ERROR)
      n++;

  return n;
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_path_for (void)
{
  static const char sha[] = "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56abcd";
  static const struct
  {
    const char *name;
    const char *suffix;
  } cases[] = {
    { "Policy.PDF", ".pdf" },
    { "minutes.txt", ".txt" },
    { "archive.tar.gz", ".gz" },
    { "no-extension", "" },
    { ".hidden", "" },
    { "trailing-dot.", "" },
    { "odd.p$f", "" },
    { "far/away/slides.Md", ".md" },
    { "long.abcdefghijklmnopq", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = keel_evidence_path_for (sha, cases[i].name);
      g_autofree char *expected = g_strdup_printf ("evidence/ab/%s%s", sha, cases[i].suffix);

      g_assert_cmpstr (path, ==, expected);
    }
}

static void
test_import_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char text[] = "Minutes of the management review\n";
  g_autoptr(KeelRecord) file = import_text (fixture, "Review Minutes.TXT", text, NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *expected_path = g_strdup_printf ("evidence/%.2s/%s.txt", sha, sha);
  g_autofree char *path = full_path (fixture, file);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (KEEL_IS_EVIDENCE_FILE (file));
  g_assert_cmpstr (keel_record_get_string (file, "name"), ==, "Review Minutes.TXT");
  g_assert_cmpstr (keel_record_get_string (file, "sha256"), ==, sha);
  g_assert_cmpint (keel_record_get_int (file, "size"), ==, strlen (text));
  g_assert_cmpstr (keel_record_get_string (file, "media_type"), ==, "text/plain");
  g_assert_cmpstr (keel_record_get_string (file, "path"), ==, expected_path);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, text, strlen (text));

  /* No temporary file is left behind */
  {
    g_autofree char *folder = g_path_get_dirname (path);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_media_type_given (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KeelRecord) file = import_text (fixture, "results.csv", "a,b\n1,2\n", "text/csv");
  g_autoptr(KeelRecord) guessed = import_text (fixture, "blob", "\x01\x02\x03", NULL);

  g_assert_cmpstr (keel_record_get_string (file, "media_type"), ==, "text/csv");
  g_assert_nonnull (keel_record_get_string (guessed, "media_type"));
  g_assert_true (g_str_has_suffix (keel_record_get_string (guessed, "path"),
                                   keel_record_get_string (guessed, "sha256")));
}

static void
test_same_content_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KeelRecord) first = import_text (fixture, "policy.pdf", "%PDF-1.4 same bytes", "application/pdf");
  g_autofree char *path = full_path (fixture, first);
  guint64 inode = inode_of (path);
  g_autoptr(KeelRecord) again = import_text (fixture, "Policy copy.PDF", "%PDF-1.4 same bytes", NULL);
  g_autoptr(KeelRecord) other = import_text (fixture, "policy.pdf", "%PDF-1.4 other bytes", NULL);

  /* Same content: same place, and the file was not written again (an
   * atomic write would have replaced it with a new inode) */
  g_assert_cmpstr (keel_record_get_string (again, "path"), ==, keel_record_get_string (first, "path"));
  g_assert_cmpstr (keel_record_get_string (again, "name"), ==, "Policy copy.PDF");
  g_assert_cmpuint (inode_of (path), ==, inode);

  /* Other content under the same name: another file */
  g_assert_cmpstr (keel_record_get_string (other, "path"), !=, keel_record_get_string (first, "path"));
}

static void
test_damaged_copy_repaired (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char text[] = "attendance,list\n";
  g_autoptr(KeelRecord) first = import_text (fixture, "attendance.csv", text, NULL);
  g_autofree char *path = full_path (fixture, first);
  g_autoptr(KeelRecord) again = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "tampered", -1, NULL));

  again = import_text (fixture, "attendance.csv", text, NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
}

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *source_dir = g_dir_make_tmp ("keel-source-XXXXXX", NULL);
  g_autofree char *source_path = g_build_filename (source_dir, "Phishing Report.CSV", NULL);
  g_autofree char *missing_path = g_build_filename (source_dir, "missing.pdf", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (source_dir);
  g_autoptr(KeelRecord) file = NULL;
  g_autoptr(KeelRecord) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (source_path, "month,rate\n2026-01,4.9\n", -1, NULL));

  file = keel_workspace_import_evidence_file (fixture->workspace, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (keel_record_get_string (file, "name"), ==, "Phishing Report.CSV");
  g_assert_true (g_str_has_suffix (keel_record_get_string (file, "path"), ".csv"));
  g_assert_cmpint (keel_record_get_int (file, "size"), ==, 23);
  g_assert_cmpstr (keel_record_get_string (file, "media_type"), ==, "text/csv");

  none = keel_workspace_import_evidence_file (fixture->workspace, missing, &error);
  g_assert_null (none);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.pdf"));
  g_clear_error (&error);

  none = keel_workspace_import_evidence_file (fixture->workspace, folder, &error);
  g_assert_null (none);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  g_clear_error (&error);

  remove_tree (source_dir);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("keel-unwritable-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "a-file", NULL);
  g_autofree char *inside = g_build_filename (blocker, "workspace", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (inside);
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(KeelRecord) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));

  file = keel_workspace_import_evidence (workspace, "note.txt", bytes, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "note.txt"));

  remove_tree (dir);
}

static void
test_empty_name (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(KeelRecord) file = NULL;
  g_autoptr(GError) error = NULL;

  file = keel_workspace_import_evidence (fixture->workspace, "", bytes, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
}

/* The part goes on an evidence record; the workspace check then vouches for
 * the file, and notices when it changes behind Keel's back. */
static void
test_checked_by_workspace (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KeelRecord) file = import_text (fixture, "slides.md", "# Security update\n", NULL);
  g_autoptr(GDateTime) today = keel_date_new (2026, 3, 15);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *path = full_path (fixture, file);
  KeelRecord *evidence = g_object_new (KEEL_TYPE_EVIDENCE, NULL);

  keel_record_set_string (evidence, "title", "Slides");
  keel_record_set_date (evidence, "added_on", today);
  keel_record_set_child (evidence, "file", file);
  keel_workspace_add (fixture->workspace, evidence);
  g_object_unref (evidence);

  problems = keel_workspace_check (fixture->workspace);
  g_assert_cmpuint (count_errors (problems), ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (g_file_set_contents (path, "# Changed\n", -1, NULL));
  problems = keel_workspace_check (fixture->workspace);
  g_assert_cmpuint (count_errors (problems), ==, 1);
  g_assert_cmpstr (((KeelProblem *) problems->pdata[0])->id, ==, keel_record_get_id (evidence));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = keel_workspace_check (fixture->workspace);
  g_assert_cmpuint (count_errors (problems), ==, 1);
}

/* keel_demo_populate() itself, without the command line */
static void
test_demo_populate (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) today = keel_date_new (2026, 3, 15);
  g_autoptr(GFile) other_folder = NULL;
  g_autoptr(KeelWorkspace) other = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) other_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = NULL;

  g_assert_true (keel_demo_populate (fixture->workspace, today, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (keel_workspace_count (fixture->workspace, KEEL_TYPE_PERSON), >=, 12);
  g_assert_cmpuint (keel_workspace_count (fixture->workspace, KEEL_TYPE_OBJECTIVE), ==, 5);
  g_assert_cmpuint (keel_workspace_count (fixture->workspace, KEEL_TYPE_EVIDENCE), >=, 5);
  g_assert_nonnull (keel_workspace_lookup (fixture->workspace, "MR-2025-01"));

  problems = keel_workspace_check (fixture->workspace);
  g_assert_cmpuint (count_errors (problems), ==, 0);

  /* A second run into the same workspace is refused */
  g_assert_false (keel_demo_populate (fixture->workspace, today, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_EMPTY);

  /* Another folder, the same day: the same bytes */
  other_dir = g_dir_make_tmp ("keel-demo-XXXXXX", NULL);
  other_folder = g_file_new_for_path (other_dir);
  other = keel_workspace_new (other_folder);
  g_assert_true (keel_demo_populate (other, today, NULL));
  bytes = keel_workspace_serialize (fixture->workspace);
  other_bytes = keel_workspace_serialize (other);
  g_assert_true (g_bytes_equal (bytes, other_bytes));

  g_clear_object (&other);
  remove_tree (other_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keel/evidence-store/path-for", test_path_for);
  g_test_add ("/keel/evidence-store/import-bytes", Fixture, NULL,
              fixture_set_up, test_import_bytes, fixture_tear_down);
  g_test_add ("/keel/evidence-store/media-type", Fixture, NULL,
              fixture_set_up, test_media_type_given, fixture_tear_down);
  g_test_add ("/keel/evidence-store/same-content-once", Fixture, NULL,
              fixture_set_up, test_same_content_once, fixture_tear_down);
  g_test_add ("/keel/evidence-store/damaged-copy-repaired", Fixture, NULL,
              fixture_set_up, test_damaged_copy_repaired, fixture_tear_down);
  g_test_add ("/keel/evidence-store/import-file", Fixture, NULL,
              fixture_set_up, test_import_file, fixture_tear_down);
  g_test_add_func ("/keel/evidence-store/unwritable", test_unwritable);
  g_test_add ("/keel/evidence-store/empty-name", Fixture, NULL,
              fixture_set_up, test_empty_name, fixture_tear_down);
  g_test_add ("/keel/evidence-store/checked-by-workspace", Fixture, NULL,
              fixture_set_up, test_checked_by_workspace, fixture_tear_down);
  g_test_add ("/keel/demo/populate", Fixture, NULL,
              fixture_set_up, test_demo_populate, fixture_tear_down);

  return g_test_run ();
}
