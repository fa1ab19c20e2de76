/* test-store-edges.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "keel-error.h"
#include "keel-evidence-store.h"
#include "keel-test-util.h"
#include "keel-workspace-private.h"

/* The workspace at the edges of what it is given: a folder that is not
 * local, keel.json that is a folder, leftovers that are not Keel's own,
 * counters behind the records, a workspace disposed of with work pending,
 * and the names of kinds. */

static KeelRecord *
add_person (KeelWorkspace *workspace,
            const char    *id,
            const char    *name)
{
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);

  if (id != NULL)
    keel_record_set_id (person, id);
  keel_record_set_string (person, "name", name);
  keel_workspace_add (workspace, person);

  return person;
}

static void
test_not_local (void)
{
  g_autoptr(GFile) folder = g_file_new_for_uri ("resource:///org/example/keel");
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GError) error = NULL;

  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not a local file"));
  g_clear_error (&error);

  add_person (workspace, NULL, "Nowhere");
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*not a local folder*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "not a local folder"));
  g_assert_true (keel_workspace_get_dirty (workspace));
  g_clear_error (&error);

  g_assert_false (keel_workspace_check_writable (workspace, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "not a local folder"));
}

static void
test_file_is_folder (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  keel_test_folder_init (&tmp);
  g_assert_cmpint (g_mkdir (tmp.file, 0700), ==, 0);

  workspace = keel_workspace_new (tmp.folder);
  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  /* Nor is it replaced by a save */
  add_person (workspace, NULL, "Ours");
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*Cannot save*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  g_assert_true (g_file_test (tmp.file, G_FILE_TEST_IS_DIR));

  keel_test_folder_clear (&tmp);
}

/* Only Keel's own leftovers go: a folder or a link that merely has the
 * name of one stays, and so does what the link points to */
static void
test_leftovers_not_ours (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) reopened = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *link = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_text = NULL;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);
  add_person (workspace, NULL, "Ours");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));

  ours = g_build_filename (tmp.path, "keel.json.Ab12Cd", NULL);
  folder = g_build_filename (tmp.path, "keel.json.Ef34Gh", NULL);
  link = g_build_filename (tmp.path, "keel.json.Ij56Kl", NULL);
  target = g_build_filename (tmp.path, "precious.txt", NULL);
  keel_test_write (ours, "half a save");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  keel_test_write (target, "precious");
  g_assert_cmpint (symlink (target, link), ==, 0);

  reopened = keel_workspace_new (tmp.folder);
  g_assert_true (keel_workspace_load (reopened, NULL, NULL));

  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target_text = keel_test_read (target, NULL);
  g_assert_cmpstr (target_text, ==, "precious");

  keel_test_folder_clear (&tmp);
}

/* A counter behind the records (edited by hand, or by an older Keel)
 * never hands out an id that is taken; an id added below the counter
 * does not move it back */
static void
test_counter_behind (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) reopened = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  char *at;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);
  add_person (workspace, NULL, "One");
  add_person (workspace, NULL, "Two");
  add_person (workspace, NULL, "Three");

  bytes = keel_workspace_serialize (workspace);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  at = strstr (text, "\"PER\": 3");
  g_assert_nonnull (at);
  at[strlen ("\"PER\": ")] = '1';
  edited = g_bytes_new (text, strlen (text));

  reopened = keel_workspace_new (tmp.folder);
  g_assert_true (keel_workspace_load_bytes (reopened, edited, &error));
  g_assert_no_error (error);

  id = keel_workspace_next_id (reopened, KEEL_TYPE_PERSON, NULL);
  g_assert_cmpstr (id, ==, "PER-4");
  g_clear_pointer (&id, g_free);

  /* An explicit id below the counter leaves it where it is */
  keel_workspace_remove (reopened, keel_workspace_lookup (reopened, "PER-2"), NULL);
  add_person (reopened, "PER-2", "Two again");
  id = keel_workspace_next_id (reopened, KEEL_TYPE_PERSON, NULL);
  g_assert_cmpstr (id, ==, "PER-5");
  g_clear_pointer (&id, g_free);

  /* So does an id in a form Keel does not give (from an import) */
  add_person (reopened, "PER-900-old", "Imported");
  g_assert_nonnull (keel_workspace_lookup (reopened, "PER-900-old"));
  id = keel_workspace_next_id (reopened, KEEL_TYPE_PERSON, NULL);
  g_assert_cmpstr (id, ==, "PER-6");

  keel_test_folder_clear (&tmp);
}

/* Disposed of with an autosave and a look at keel.json pending, and
 * disposed of twice: nothing is written after, nothing breaks */
static void
test_dispose_pending (void)
{
  KeelTestFolder tmp;
  KeelWorkspace *workspace;
  g_autoptr(GError) error = NULL;
  gint64 until;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);
  add_person (workspace, NULL, "Saved");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));
  g_assert_true (keel_workspace_watch (workspace, &error));
  g_assert_no_error (error);

  keel_workspace_set_autosave (workspace, TRUE);
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Never saved");
  _keel_workspace_schedule_watch (workspace);
  g_assert_cmpuint (workspace->autosave_id, !=, 0);
  g_assert_cmpuint (workspace->watch_id, !=, 0);

  g_object_run_dispose (G_OBJECT (workspace));
  g_assert_cmpuint (workspace->autosave_id, ==, 0);
  g_assert_cmpuint (workspace->watch_id, ==, 0);
  g_object_unref (workspace);

  until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  {
    g_autofree char *text = keel_test_read (tmp.file, NULL);
    g_assert_nonnull (strstr (text, "\"Saved\""));
    g_assert_null (strstr (text, "Never saved"));
  }

  keel_test_folder_clear (&tmp);
}

/* backups/ holds things that only look like backups: they are not
 * listed, not counted, not removed, and a name they hold is skipped */
static void
test_backups_odd_names (void)
{
  const char * const odd[] = {
    "keel-.json",                        /* no number */
    "notes.txt",
    "keel-000007.txt",
  };
  const char * const dated[] = {
    "keel-20260101T000000Z.json",        /* named by the clock: oldest */
    "keel-0000000000000000000001.json",  /* more digits than a counter */
  };
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *real = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *link = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *saved_text = NULL;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);
  add_person (workspace, NULL, "Save 0");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));

  dir = g_build_filename (tmp.path, "backups", NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *path = g_build_filename (dir, odd[i], NULL);
      keel_test_write (path, odd[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dated); i++)
    {
      g_autofree char *path = g_build_filename (dir, dated[i], NULL);
      keel_test_write (path, dated[i]);
    }
  /* A real backup at 41; 42 taken by a folder, 43 by a link */
  real = g_build_filename (dir, "keel-000041.json", NULL);
  keel_test_write (real, "backup 41");
  taken = g_build_filename (dir, "keel-000042.json", NULL);
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  link = g_build_filename (dir, "keel-000043.json", NULL);
  g_assert_cmpint (symlink (real, link), ==, 0);

  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_cmpstr (g_file_peek_path (backups->pdata[0]), ==, real);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* The next backup takes the first free number after the last one */
  saved_text = keel_test_read (tmp.file, NULL);
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Save 1");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));

  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, 4);
  newest = keel_test_read (g_file_peek_path (backups->pdata[0]), NULL);
  g_assert_cmpstr (newest, ==, saved_text);
  g_assert_true (g_str_has_suffix (g_file_peek_path (backups->pdata[0]), "keel-000044.json"));

  /* Nothing that is not a backup was touched */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *path = g_build_filename (dir, odd[i], NULL);
      g_autofree char *text = keel_test_read (path, NULL);
      g_assert_cmpstr (text, ==, odd[i]);
    }
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  keel_test_folder_clear (&tmp);
}

/* A save stopped after it kept its backup (a second name of keel.json in
 * backups/) but before it replaced keel.json: on the next open that
 * backup goes, as keel.json still holds it; the real backups stay */
static void
test_backups_interrupted_save (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) reopened = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_after = NULL;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);
  add_person (workspace, NULL, "Save 0");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Save 1");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));
  before = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (before->len, ==, 1);

  stale = g_build_filename (tmp.path, "backups", "keel-000099.json", NULL);
  g_assert_cmpint (link (tmp.file, stale), ==, 0);
  text = keel_test_read (tmp.file, NULL);

  reopened = keel_workspace_new (tmp.folder);
  g_assert_true (keel_workspace_load (reopened, NULL, NULL));

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  after = keel_workspace_list_backups (reopened);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_true (g_file_equal (after->pdata[0], before->pdata[0]));
  text_after = keel_test_read (tmp.file, NULL);
  g_assert_cmpstr (text_after, ==, text);

  keel_test_folder_clear (&tmp);
}

static void
test_backups_not_local (void)
{
  g_autoptr(GFile) folder = g_file_new_for_uri ("resource:///org/example/keel");
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GPtrArray) backups = keel_workspace_list_backups (workspace);

  g_assert_cmpuint (backups->len, ==, 0);
}

/* Importing evidence: names that are no names, empty files, a media type
 * left empty, and a workspace or a source that is not local */
static void
test_import_edges (void)
{
  const char * const no_names[] = { "", "/", ".", "a/" };
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr(KeelRecord) file = NULL;
  g_autoptr(KeelRecord) guessed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *stored = NULL;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);

  for (guint i = 0; i < G_N_ELEMENTS (no_names); i++)
    {
      g_autoptr(KeelRecord) none = keel_workspace_import_evidence (workspace, no_names[i], text,
                                                                   NULL, &error);
      /* "a/" is the folder a: its name is "a", which will do */
      if (g_str_equal (no_names[i], "a/"))
        {
          g_assert_no_error (error);
          g_assert_cmpstr (keel_record_get_string (none, "name"), ==, "a");
          continue;
        }
      g_assert_null (none);
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* An empty file is a file: it is stored under the hash of nothing */
  file = keel_workspace_import_evidence (workspace, "empty.txt", empty, "", &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_cmpint (keel_record_get_int (file, "size"), ==, 0);
  g_assert_cmpstr (keel_record_get_string (file, "sha256"), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  /* An empty media type is guessed, as a missing one is */
  g_assert_cmpstr (keel_record_get_string (file, "media_type"), ==, "text/plain");
  stored = g_build_filename (tmp.path, keel_record_get_string (file, "path"), NULL);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));

  /* Without a name to take an extension from, the path has none */
  bare = keel_evidence_path_for (keel_record_get_string (file, "sha256"), NULL);
  g_assert_cmpstr (bare, ==, "evidence/e3/"
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /* A source that is not a local file is read through GIO */
  {
    g_autoptr(GFile) remote = g_file_new_for_uri ("resource:///org/example/missing.pdf");

    g_assert_null (keel_workspace_import_evidence_file (workspace, remote, &error));
    g_assert_true (error != NULL && error->domain == KEEL_ERROR);
    g_assert_true (g_str_has_prefix (error->message, "Cannot read resource:"));
    g_clear_error (&error);
  }

  /* A workspace that is not local has nowhere to put it */
  {
    g_autoptr(GFile) folder = g_file_new_for_uri ("resource:///org/example/keel");
    g_autoptr(KeelWorkspace) elsewhere = keel_workspace_new (folder);

    g_assert_null (keel_workspace_import_evidence (elsewhere, "a.pdf", text, NULL, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
    g_clear_error (&error);
  }

  keel_test_folder_clear (&tmp);
}

/* KEEL_WORKSPACE set but empty is as if it were not set */
static void
test_default_folder_empty_env (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("KEEL_WORKSPACE"));
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) unset = NULL;

  g_setenv ("KEEL_WORKSPACE", "", TRUE);
  folder = keel_workspace_default_folder ();
  g_unsetenv ("KEEL_WORKSPACE");
  unset = keel_workspace_default_folder ();
  g_assert_true (g_file_equal (folder, unset));
  g_assert_true (g_str_has_suffix (g_file_peek_path (folder), "/Keel"));

  if (saved != NULL)
    g_setenv ("KEEL_WORKSPACE", saved, TRUE);
}

/* Without KEEL_WORKSPACE, the workspace lives in the user's Documents
 * folder, wherever the user keeps it (GLib reads that once, so a child
 * process looks, with its own home and configuration) */
static void
test_default_folder_documents (void)
{
  g_autofree char *home = NULL;
  g_autofree char *config = NULL;
  g_autofree char *dirs = NULL;
  g_autofree char *saved_home = NULL;
  g_autofree char *saved_config = NULL;
  g_autofree char *saved_workspace = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) folder = keel_workspace_default_folder ();
      g_autofree char *expected = g_build_filename (g_getenv ("HOME"), "Papers", "Keel", NULL);

      g_assert_cmpstr (g_file_peek_path (folder), ==, expected);
      return;
    }

  home = keel_test_make_tmpdir ();
  config = g_build_filename (home, "config", NULL);
  g_assert_cmpint (g_mkdir (config, 0700), ==, 0);
  dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  keel_test_write (dirs, "XDG_DOCUMENTS_DIR=\"$HOME/Papers\"\n");

  saved_home = g_strdup (g_getenv ("HOME"));
  saved_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  saved_workspace = g_strdup (g_getenv ("KEEL_WORKSPACE"));
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_unsetenv ("KEEL_WORKSPACE");

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  if (saved_home != NULL)
    g_setenv ("HOME", saved_home, TRUE);
  if (saved_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", saved_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
  if (saved_workspace != NULL)
    g_setenv ("KEEL_WORKSPACE", saved_workspace, TRUE);

  g_test_trap_assert_passed ();
  keel_test_rm_rf (home);
}

static void
test_kind_names (void)
{
  const GType *kinds;
  guint n = 0;

  kinds = keel_workspace_get_kinds (NULL);
  g_assert_true (kinds == keel_workspace_get_kinds (&n));
  g_assert_cmpuint (n, >, 10);

  g_assert_true (keel_workspace_kind_from_name ("person") == KEEL_TYPE_PERSON);
  g_assert_true (keel_workspace_kind_from_name ("people") == KEEL_TYPE_PERSON ||
                 keel_workspace_kind_from_name ("persons") == KEEL_TYPE_PERSON);
  /* A part of a record has no list of its own in keel.json */
  g_assert_true (keel_workspace_kind_from_name ("reading") == G_TYPE_INVALID);
  g_assert_true (keel_workspace_kind_from_name ("nonsense") == G_TYPE_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/store-edges/not-local", test_not_local);
  g_test_add_func ("/keel/store-edges/file-is-folder", test_file_is_folder);
  g_test_add_func ("/keel/store-edges/leftovers-not-ours", test_leftovers_not_ours);
  g_test_add_func ("/keel/store-edges/counter-behind", test_counter_behind);
  g_test_add_func ("/keel/store-edges/dispose-pending", test_dispose_pending);
  g_test_add_func ("/keel/store-edges/backups-odd-names", test_backups_odd_names);
  g_test_add_func ("/keel/store-edges/backups-interrupted-save", test_backups_interrupted_save);
  g_test_add_func ("/keel/store-edges/backups-not-local", test_backups_not_local);
  g_test_add_func ("/keel/store-edges/import-edges", test_import_edges);
  g_test_add_func ("/keel/store-edges/default-folder-empty-env", test_default_folder_empty_env);
  g_test_add_func ("/keel/store-edges/default-folder-documents", test_default_folder_documents);
  g_test_add_func ("/keel/store-edges/kind-names", test_kind_names);

  return g_test_run ();
}
