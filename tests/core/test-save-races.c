/* test-save-races.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "keel-error.h"
#include "keel-io.h"
#include "keel-test-util.h"

/* Saving while the disk or another program works against it, at a chosen
 * step (an I/O hook picks the step and plays the other program): the
 * conflict copy cannot be written, the file system has no hard links,
 * keel.json vanishes or becomes a folder between Keel's check and its
 * rename. Ours is never lost and theirs never overwritten unseen. */

typedef struct
{
  char          *path;
  char          *file;
  KeelWorkspace *workspace;
} Tmp;

static const char *
person_name (KeelWorkspace *workspace)
{
  return keel_record_get_string (keel_workspace_lookup (workspace, "PER-1"), "name");
}

static void
tmp_init (Tmp      *tmp,
          gboolean  saved)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);

  tmp->path = keel_test_make_tmpdir ();
  tmp->file = g_build_filename (tmp->path, "keel.json", NULL);
  folder = g_file_new_for_path (tmp->path);
  tmp->workspace = keel_workspace_new (folder);
  keel_record_set_string (person, "name", "Ours");
  keel_workspace_add (tmp->workspace, person);
  if (saved)
    g_assert_true (keel_workspace_save (tmp->workspace, NULL, NULL));
  keel_record_set_string (person, "name", "Ours, edited");
}

static void
tmp_clear (Tmp *tmp)
{
  g_clear_object (&tmp->workspace);
  keel_test_rm_rf (tmp->path);
  g_free (tmp->path);
  g_free (tmp->file);
}

/* keel.json read back */
static char *
name_on_disk (Tmp *tmp)
{
  g_autoptr(GFile) folder = g_file_new_for_path (tmp->path);
  g_autoptr(KeelWorkspace) reread = keel_workspace_new (folder);

  g_assert_true (keel_workspace_load (reread, NULL, NULL));

  return g_strdup (person_name (reread));
}

static guint
count_temp_files (Tmp *tmp)
{
  g_autoptr(GDir) dir = g_dir_open (tmp->path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += keel_io_is_temp_name (name, "keel.json");

  return n;
}

typedef struct
{
  KeelIoOp    op;
  guint       nth;
  int         code;
  guint       seen;
  const char *file;
  enum { NOTHING, VANISH, BECOME_FOLDER, CREATE, DROP_BACKUPS } theirs;
  const char *text;
} Hook;

static int
hook_cb (KeelIoOp    op,
         const char *path,
         gpointer    user_data)
{
  Hook *hook = user_data;

  if (op != hook->op || ++hook->seen != hook->nth)
    return 0;

  /* The other program acts just before this step */
  if (hook->theirs == VANISH)
    g_assert_cmpint (g_unlink (hook->file), ==, 0);
  else if (hook->theirs == BECOME_FOLDER)
    {
      g_assert_cmpint (g_unlink (hook->file), ==, 0);
      g_assert_cmpint (g_mkdir (hook->file, 0700), ==, 0);
    }
  else if (hook->theirs == CREATE)
    keel_test_write (hook->file, hook->text);
  else if (hook->theirs == DROP_BACKUPS)
    {
      g_autofree char *dir = g_path_get_dirname (hook->file);
      g_autofree char *backups = g_build_filename (dir, "backups", NULL);

      keel_test_rm_rf (backups);
    }

  return hook->code;
}

/* Theirs is in keel.json, and ours cannot be kept beside it: an error
 * that says so, theirs untouched, ours still in memory to save again */
static void
test_conflict_copy_fails (gconstpointer data)
{
  KeelIoOp op = GPOINTER_TO_INT (data);
  Tmp tmp;
  Hook hook = { op, 1, EIO, 0, NULL, NOTHING, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  tmp_init (&tmp, TRUE);

  /* Another program writes its own version */
  {
    g_autofree char *text = keel_test_read (tmp.file, NULL);
    g_autofree char *edited = NULL;
    char *at = strstr (text, "\"Ours\"");

    edited = g_strdup_printf ("%.*s\"Theirs\"%s", (int) (at - text), text, at + strlen ("\"Ours\""));
    keel_test_write (tmp.file, edited);
    theirs = g_strdup (edited);
  }

  hook.file = tmp.file;
  _keel_io_set_fault_hook (hook_cb, &hook);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*could not be kept beside it*");
  ok = keel_workspace_save (tmp.workspace, NULL, &error);
  keel_test_assert_expected_logs ();
  _keel_io_set_fault_hook (NULL, NULL);

  g_assert_false (ok);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "changed by another program"));
  g_assert_nonnull (strstr (error->message, g_strerror (EIO)));

  after = keel_test_read (tmp.file, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_cmpuint (keel_test_count_entries (tmp.path, "keel.conflict-"), ==, 0);
  g_assert_cmpuint (count_temp_files (&tmp), ==, 0);
  g_assert_true (keel_workspace_get_dirty (tmp.workspace));
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Ours, edited");

  tmp_clear (&tmp);
}

/* A file system without hard links: the first save is a rename */
static void
test_no_hard_links (void)
{
  Tmp tmp;
  Hook hook = { KEEL_IO_LINK, 1, EPERM, 0, NULL, NOTHING, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  tmp_init (&tmp, FALSE);
  _keel_io_set_fault_hook (hook_cb, &hook);
  g_assert_true (keel_workspace_save (tmp.workspace, NULL, &error));
  _keel_io_set_fault_hook (NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (hook.seen, >=, 1);

  name = name_on_disk (&tmp);
  g_assert_cmpstr (name, ==, "Ours, edited");
  g_assert_false (keel_workspace_get_dirty (tmp.workspace));
  g_assert_cmpuint (count_temp_files (&tmp), ==, 0);

  tmp_clear (&tmp);
}

/* Without an atomic exchange, keel.json vanishes between the last check
 * and the rename: Keel looks again, and saves into the empty place */
static void
test_vanishes_before_rename (void)
{
  Tmp tmp;
  Hook hook = { KEEL_IO_RENAME, 1, EXDEV, 0, NULL, VANISH, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  tmp_init (&tmp, TRUE);
  hook.file = tmp.file;
  _keel_io_set_fault_hook (hook_cb, &hook);
  g_assert_true (keel_workspace_save (tmp.workspace, NULL, &error));
  _keel_io_set_fault_hook (NULL, NULL);
  g_assert_no_error (error);

  name = name_on_disk (&tmp);
  g_assert_cmpstr (name, ==, "Ours, edited");
  g_assert_false (keel_workspace_get_dirty (tmp.workspace));
  g_assert_cmpuint (count_temp_files (&tmp), ==, 0);

  tmp_clear (&tmp);
}

/* keel.json becomes a folder just before the exchange: ours is in place,
 * and what was swapped out (the folder) is kept beside it, not lost */
static void
test_becomes_folder (void)
{
  Tmp tmp;
  Hook hook = { KEEL_IO_RENAME, 1, 0, 0, NULL, BECOME_FOLDER, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  guint folders = 0;
  gboolean ok;

  tmp_init (&tmp, TRUE);
  hook.file = tmp.file;
  _keel_io_set_fault_hook (hook_cb, &hook);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*while Keel saved it*");
  ok = keel_workspace_save (tmp.workspace, NULL, &error);
  keel_test_assert_expected_logs ();
  _keel_io_set_fault_hook (NULL, NULL);

  g_assert_false (ok);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT);
  g_assert_true (g_file_test (tmp.file, G_FILE_TEST_IS_REGULAR));
  name = name_on_disk (&tmp);
  g_assert_cmpstr (name, ==, "Ours, edited");
  g_assert_false (keel_workspace_get_dirty (tmp.workspace));

  dir = g_dir_open (tmp.path, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "keel.conflict-"))
      {
        g_autofree char *path = g_build_filename (tmp.path, entry, NULL);
        folders += g_file_test (path, G_FILE_TEST_IS_DIR);
      }
  g_assert_cmpuint (folders, ==, 1);

  tmp_clear (&tmp);
}

/* Another program creates keel.json while Keel saves it for the first
 * time: theirs stays, the save fails and says so, ours stays to save */
static void
test_created_meanwhile (void)
{
  Tmp tmp;
  Hook hook = { KEEL_IO_LINK, 1, 0, 0, NULL, CREATE, "{ \"theirs\": true }" };
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  tmp_init (&tmp, FALSE);
  hook.file = tmp.file;
  _keel_io_set_fault_hook (hook_cb, &hook);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*Cannot save*");
  ok = keel_workspace_save (tmp.workspace, NULL, &error);
  keel_test_assert_expected_logs ();
  _keel_io_set_fault_hook (NULL, NULL);

  g_assert_false (ok);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  after = keel_test_read (tmp.file, NULL);
  g_assert_cmpstr (after, ==, "{ \"theirs\": true }");
  g_assert_true (keel_workspace_get_dirty (tmp.workspace));
  g_assert_cmpuint (count_temp_files (&tmp), ==, 0);

  tmp_clear (&tmp);
}

/* The first name for the conflict copy is taken: the next is used */
static void
test_conflict_name_taken (void)
{
  Tmp tmp;
  Hook hook = { KEEL_IO_RENAME, 1, EEXIST, 0, NULL, NOTHING, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  guint copies = 0;
  gboolean ok;

  tmp_init (&tmp, TRUE);
  {
    g_autofree char *text = keel_test_read (tmp.file, NULL);
    g_autofree char *edited = NULL;
    char *at = strstr (text, "\"Ours\"");

    edited = g_strdup_printf ("%.*s\"Theirs\"%s", (int) (at - text), text, at + strlen ("\"Ours\""));
    keel_test_write (tmp.file, edited);
  }

  _keel_io_set_fault_hook (hook_cb, &hook);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*changed by another program*");
  ok = keel_workspace_save (tmp.workspace, NULL, &error);
  keel_test_assert_expected_logs ();
  _keel_io_set_fault_hook (NULL, NULL);

  g_assert_false (ok);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT);
  g_assert_cmpuint (hook.seen, >=, 2);

  dir = g_dir_open (tmp.path, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "keel.conflict-"))
      {
        g_autofree char *path = g_build_filename (tmp.path, entry, NULL);
        g_autofree char *text = keel_test_read (path, NULL);

        g_assert_nonnull (strstr (text, "\"Ours, edited\""));
        copies++;
      }
  g_assert_cmpuint (copies, ==, 1);
  /* Theirs is open now */
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Theirs");

  tmp_clear (&tmp);
}

/* The rename fails and backups/ has gone meanwhile: the backup kept for
 * this save cannot be taken back, which changes nothing else */
static void
test_backups_gone_on_failure (void)
{
  Tmp tmp;
  Hook hook = { KEEL_IO_RENAME, 1, EIO, 0, NULL, DROP_BACKUPS, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  tmp_init (&tmp, TRUE);
  before = keel_test_read (tmp.file, NULL);
  hook.file = tmp.file;
  _keel_io_set_fault_hook (hook_cb, &hook);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*Cannot save*");
  ok = keel_workspace_save (tmp.workspace, NULL, &error);
  keel_test_assert_expected_logs ();
  _keel_io_set_fault_hook (NULL, NULL);

  g_assert_false (ok);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  after = keel_test_read (tmp.file, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_temp_files (&tmp), ==, 0);
  g_assert_true (keel_workspace_get_dirty (tmp.workspace));

  tmp_clear (&tmp);
}

static void
saved_cb (KeelWorkspace *workspace,
          guint         *count)
{
  (*count)++;
}

/* A save by hand before the autosave is due: the autosave finds nothing
 * to do and writes nothing */
static void
test_autosave_after_save (void)
{
  Tmp tmp;
  guint saves = 0;
  gint64 mtime, until;

  tmp_init (&tmp, TRUE);
  g_signal_connect (tmp.workspace, "saved", G_CALLBACK (saved_cb), &saves);
  keel_workspace_set_autosave (tmp.workspace, TRUE);
  g_assert_true (keel_workspace_save (tmp.workspace, NULL, NULL));
  g_assert_cmpuint (saves, ==, 1);
  mtime = keel_test_mtime (tmp.file);

  until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpuint (saves, ==, 1);
  g_assert_cmpint (keel_test_mtime (tmp.file), ==, mtime);
  g_assert_false (keel_workspace_get_dirty (tmp.workspace));

  tmp_clear (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_data_func ("/keel/save-races/conflict-copy-not-created",
                        GINT_TO_POINTER (KEEL_IO_OPEN), test_conflict_copy_fails);
  g_test_add_data_func ("/keel/save-races/conflict-copy-not-named",
                        GINT_TO_POINTER (KEEL_IO_RENAME), test_conflict_copy_fails);
  g_test_add_func ("/keel/save-races/no-hard-links", test_no_hard_links);
  g_test_add_func ("/keel/save-races/vanishes-before-rename", test_vanishes_before_rename);
  g_test_add_func ("/keel/save-races/becomes-folder", test_becomes_folder);
  g_test_add_func ("/keel/save-races/created-meanwhile", test_created_meanwhile);
  g_test_add_func ("/keel/save-races/conflict-name-taken", test_conflict_name_taken);
  g_test_add_func ("/keel/save-races/backups-gone-on-failure", test_backups_gone_on_failure);
  g_test_add_func ("/keel/save-races/autosave-after-save", test_autosave_after_save);

  return g_test_run ();
}
