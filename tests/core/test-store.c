/* test-store.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-evidence-store.h"
#include "keel-io.h"
#include "keel-restore.h"
#include "keel-test-util.h"
#include "keel-workspace-private.h"

/* The store holds up against what is not a plain workspace: evidence
 * paths that lead elsewhere, keel.json that is not a file or is huge,
 * another program writing at the worst moment, failing saves, a clock set
 * wrong, backups/ that leads elsewhere, leftovers, and permissions. */

static KeelWorkspace *
new_saved_workspace (KeelTestFolder *tmp,
                     const char     *name)
{
  KeelWorkspace *workspace = keel_workspace_new (tmp->folder);
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(GError) error = NULL;

  keel_record_set_string (person, "name", name);
  keel_workspace_add (workspace, person);
  g_assert_true (keel_workspace_save (workspace, NULL, &error));
  g_assert_no_error (error);

  return workspace;
}

static void
rename_person (KeelWorkspace *workspace,
               const char    *name)
{
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", name);
}

/* Fails the test instead of hanging for ever */
static void
guard_hang (guint seconds)
{
  alarm (seconds);
}

static char *
sha256_of_text (const char *text,
                gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
}

/* ------------------------------------------------------------------------ */
/* Evidence paths                                                           */
/* ------------------------------------------------------------------------ */

static KeelRecord *
add_evidence (KeelWorkspace *workspace,
              const char    *path,
              const char    *sha256)
{
  g_autoptr(KeelRecord) evidence = g_object_new (KEEL_TYPE_EVIDENCE, NULL);
  g_autoptr(KeelRecord) file = g_object_new (KEEL_TYPE_EVIDENCE_FILE, NULL);

  keel_record_set_string (evidence, "title", "Evidence");
  keel_record_set_string (file, "name", "a.pdf");
  keel_record_set_string (file, "path", path);
  if (sha256 != NULL)
    keel_record_set_string (file, "sha256", sha256);
  keel_record_set_child (evidence, "file", file);
  keel_workspace_add (workspace, evidence);

  return evidence;
}

static guint
count_file_errors (GPtrArray  *problems,
                   const char *id,
                   const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      KeelProblem *problem = problems->pdata[i];

      if (problem->level == KEEL_PROBLEM_ERROR && g_strcmp0 (problem->id, id) == 0 &&
          g_strcmp0 (problem->field, "file") == 0 &&
          (needle == NULL || strstr (problem->message, needle) != NULL))
        n++;
    }

  return n;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = keel_workspace_check_finish (KEEL_WORKSPACE (object), result, &error);
  g_assert_no_error (error);
}

static GPtrArray *
check_async (KeelWorkspace *workspace)
{
  GPtrArray *problems = NULL;

  keel_workspace_check_async (workspace, NULL, check_done_cb, &problems);
  while (problems == NULL)
    g_main_context_iteration (NULL, TRUE);

  return problems;
}

static void
test_evidence_paths (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) async_problems = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *outside_sha = NULL;
  g_autofree char *good_sha = NULL;
  g_autofree char *good_path = NULL;
  g_autofree char *linked_path = NULL;
  g_autofree char *fifo_path = NULL;
  g_autofree char *fifo_rel = NULL;
  g_autofree char *dev_sha = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = g_bytes_new_static ("proof", 5);
  g_autoptr(KeelRecord) imported = NULL;
  const char *ids[8];
  guint n = 0;

  keel_test_folder_init (&tmp);
  guard_hang (30);
  workspace = keel_workspace_new (tmp.folder);

  /* A file outside the workspace, with its true hash */
  outside = g_build_filename (g_get_tmp_dir (), "keel-outside-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (outside));
  {
    g_autofree char *secret = g_build_filename (outside, "secret.txt", NULL);
    keel_test_write (secret, "a secret");
    outside_sha = sha256_of_text ("a secret", 8);
  }

  /* Climbing out, absolute, wrong shape */
  {
    g_autofree char *up = g_strdup_printf ("../../../../../../..%s/secret.txt", outside);
    g_autofree char *abs = g_build_filename (outside, "secret.txt", NULL);

    ids[n++] = keel_record_get_id (add_evidence (workspace, up, outside_sha));
    ids[n++] = keel_record_get_id (add_evidence (workspace, abs, outside_sha));
    ids[n++] = keel_record_get_id (add_evidence (workspace, "evidence/secret.txt", outside_sha));
  }

  /* The right shape, but evidence/ab/ is a link leading out */
  {
    g_autofree char *ev = g_build_filename (tmp.path, "evidence", NULL);
    g_autofree char *sub = g_strndup (outside_sha, 2);
    g_autofree char *link_target = g_build_filename (outside, sub, NULL);
    g_autofree char *in_target = g_strdup_printf ("%s/%s.txt", link_target, outside_sha);
    g_autofree char *link = g_build_filename (ev, sub, NULL);

    g_assert_cmpint (g_mkdir_with_parents (ev, 0700), ==, 0);
    g_assert_cmpint (g_mkdir (link_target, 0700), ==, 0);
    keel_test_write (in_target, "a secret");
    g_assert_cmpint (symlink (link_target, link), ==, 0);
    linked_path = keel_evidence_path_for (outside_sha, "x.txt");
    ids[n++] = keel_record_get_id (add_evidence (workspace, linked_path, outside_sha));
  }

  /* A FIFO at an evidence path: must not block */
  {
    g_autofree char *sha = sha256_of_text ("fifo", 4);
    g_autofree char *dir = NULL;

    fifo_rel = keel_evidence_path_for (sha, "x.bin");
    fifo_path = g_build_filename (tmp.path, fifo_rel, NULL);
    dir = g_path_get_dirname (fifo_path);
    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
    ids[n++] = keel_record_get_id (add_evidence (workspace, fifo_rel, sha));
  }

  /* A good one, imported */
  imported = keel_workspace_import_evidence (workspace, "good.txt", good, NULL, &error);
  g_assert_no_error (error);
  good_sha = g_strdup (keel_record_get_string (imported, "sha256"));
  good_path = g_strdup (keel_record_get_string (imported, "path"));
  {
    g_autoptr(KeelRecord) evidence = g_object_new (KEEL_TYPE_EVIDENCE, NULL);

    keel_record_set_string (evidence, "title", "Good");
    keel_record_set_child (evidence, "file", imported);
    keel_workspace_add (workspace, evidence);
    ids[n++] = keel_record_get_id (evidence);
  }

  problems = keel_workspace_check (workspace);
  async_problems = check_async (workspace);

  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (count_file_errors (problems, ids[i], "not one Keel gives"), ==, 1);
  /* The link is not followed: the file counts as missing or refused */
  g_assert_cmpuint (count_file_errors (problems, ids[3], NULL), ==, 1);
  g_assert_cmpuint (count_file_errors (problems, ids[4], "cannot be checked"), ==, 1);
  g_assert_cmpuint (count_file_errors (problems, ids[5], NULL), ==, 0);

  /* The same from the worker thread, in the same order */
  g_assert_cmpuint (async_problems->len, ==, problems->len);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpstr (((KeelProblem *) async_problems->pdata[i])->message, ==,
                     ((KeelProblem *) problems->pdata[i])->message);

  /* A changed file is still noticed */
  {
    g_autofree char *full = g_build_filename (tmp.path, good_path, NULL);
    g_autoptr(GPtrArray) again = NULL;

    g_assert_cmpint (g_chmod (full, 0600), ==, 0);
    keel_test_write (full, "changed");
    again = keel_workspace_check (workspace);
    g_assert_cmpuint (count_file_errors (again, ids[5], "does not match"), ==, 1);
  }

  alarm (0);
  keel_test_rm_rf (outside);
  keel_test_folder_clear (&tmp);
}

/* Importing a FIFO or a device never blocks and is refused */
static void
test_evidence_import_special (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) fifo = NULL;
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autofree char *fifo_path = NULL;
  KeelRecord *record;

  keel_test_folder_init (&tmp);
  guard_hang (30);
  workspace = keel_workspace_new (tmp.folder);
  fifo_path = g_build_filename (tmp.path, "pipe", NULL);
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  fifo = g_file_new_for_path (fifo_path);

  record = keel_workspace_import_evidence_file (workspace, fifo, &error);
  g_assert_null (record);
  g_assert_nonnull (error);
  g_clear_error (&error);

  record = keel_workspace_import_evidence_file (workspace, zero, &error);
  g_assert_null (record);
  g_assert_nonnull (error);

  alarm (0);
  keel_test_folder_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* keel.json that is not a plain file                                       */
/* ------------------------------------------------------------------------ */

static void
test_load_special (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  keel_test_folder_init (&tmp);
  guard_hang (30);
  workspace = keel_workspace_new (tmp.folder);

  /* A FIFO */
  g_assert_cmpint (mkfifo (tmp.file, 0600), ==, 0);
  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT);
  g_clear_error (&error);
  g_unlink (tmp.file);

  /* A device */
  g_assert_cmpint (symlink ("/dev/zero", tmp.file), ==, 0);
  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT);
  g_clear_error (&error);
  g_unlink (tmp.file);

  /* Larger than the limit, which the message states */
  fd = open (tmp.file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) KEEL_IO_MAX_WORKSPACE + 1), ==, 0);
  close (fd);
  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "256"));
  g_clear_error (&error);

  /* And a save does not write over what it cannot read */
  {
    g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
    keel_workspace_add (workspace, person);
  }
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "Cannot save*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  {
    struct stat st;

    g_assert_cmpint (stat (tmp.file, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, (off_t) KEEL_IO_MAX_WORKSPACE + 1);
  }

  alarm (0);
  keel_test_folder_clear (&tmp);
}

typedef struct
{
  guint reloaded;
  guint reload_failed;
  guint conflict;
  char *conflict_path;
} Events;

static void
reload_failed_cb (KeelWorkspace *workspace,
                  GError        *error,
                  Events        *events)
{
  events->reload_failed++;
}

static void
conflict_cb (KeelWorkspace *workspace,
             const char    *path,
             GError        *error,
             Events        *events)
{
  events->conflict++;
  g_free (events->conflict_path);
  events->conflict_path = g_strdup (path);
}

/* The watcher reads keel.json on a worker: a FIFO put in its place while
 * Keel runs does not freeze the main thread */
static void
test_watch_fifo (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fifo = NULL;
  Events events = { 0 };
  gint64 deadline;

  keel_test_folder_init (&tmp);
  guard_hang (30);
  workspace = new_saved_workspace (&tmp, "Ada");
  g_signal_connect (workspace, "reload-failed", G_CALLBACK (reload_failed_cb), &events);
  g_assert_true (keel_workspace_watch (workspace, &error));

  fifo = g_build_filename (tmp.path, "fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_rename (fifo, tmp.file), ==, 0);

  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*not a regular file*");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (events.reload_failed == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  keel_test_assert_expected_logs ();
  g_assert_cmpuint (events.reload_failed, ==, 1);

  alarm (0);
  g_signal_handlers_disconnect_by_data (workspace, &events);
  keel_test_folder_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* No lost update                                                           */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char *file;
  const char *theirs;
  guint       fired;
} Interloper;

/* Another program writes keel.json just before Keel puts its own in place */
static int
interloper_hook (KeelIoOp    op,
                 const char *path,
                 gpointer    user_data)
{
  Interloper *in = user_data;

  if (op == KEEL_IO_RENAME && g_strcmp0 (path, in->file) == 0 && in->fired++ == 0)
    {
      g_autofree char *temp = g_strconcat (in->file, ".other", NULL);

      keel_test_write (temp, in->theirs);
      g_assert_cmpint (rename (temp, in->file), ==, 0);
    }

  return 0;
}

static void
test_no_lost_update (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  Interloper in = { 0 };
  Events events = { 0 };

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Ada");
  g_signal_connect (workspace, "conflict", G_CALLBACK (conflict_cb), &events);

  in.file = tmp.file;
  in.theirs = "{\"format\": \"keel-workspace\", \"version\": 1}\n";
  rename_person (workspace, "Ours");
  ours = g_bytes_unref_to_data (keel_workspace_serialize (workspace), &(gsize) { 0 });

  _keel_io_set_fault_hook (interloper_hook, &in);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*changed by another program*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  _keel_io_set_fault_hook (NULL, NULL);
  keel_test_assert_expected_logs ();
  g_assert_cmpuint (in.fired, >=, 1);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT);

  /* Both versions are on disk: one in keel.json, the other beside it */
  g_assert_cmpuint (events.conflict, ==, 1);
  g_assert_nonnull (events.conflict_path);
  on_disk = keel_test_read (tmp.file, NULL);
  kept = keel_test_read (events.conflict_path, NULL);
  g_assert_true ((g_strcmp0 (on_disk, ours) == 0 && g_strcmp0 (kept, in.theirs) == 0) ||
                 (g_strcmp0 (on_disk, in.theirs) == 0 && g_strcmp0 (kept, ours) == 0));

  g_signal_handlers_disconnect_by_data (workspace, &events);
  g_free (events.conflict_path);
  keel_test_folder_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Backups                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  KeelIoOp op;
  int      code;
} Always;

static int
always_hook (KeelIoOp    op,
             const char *path,
             gpointer    user_data)
{
  Always *always = user_data;

  return op == always->op ? always->code : 0;
}

/* The names and bytes of every backup */
static GHashTable *
read_backups (const char *folder)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = g_build_filename (folder, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = g_build_filename (path, name, NULL);
      g_hash_table_insert (table, g_strdup (name), keel_test_read (full, NULL));
    }

  return table;
}

static void
assert_same_backups (GHashTable *a,
                     GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (g_hash_table_lookup (b, key), ==, value);
}

static void
test_backups_survive_failures (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *current = NULL;
  g_autofree char *now = NULL;
  Always full = { KEEL_IO_WRITE, ENOSPC };

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Save 0");
  for (guint i = 1; i <= KEEL_WORKSPACE_BACKUPS + 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Save %u", i);
      g_autoptr(GError) error = NULL;

      rename_person (workspace, name);
      g_assert_true (keel_workspace_save (workspace, NULL, &error));
    }

  before = read_backups (tmp.path);
  current = keel_test_read (tmp.file, NULL);
  g_assert_cmpuint (g_hash_table_size (before), ==, KEEL_WORKSPACE_BACKUPS);

  /* Ten saves on a full disk */
  _keel_io_set_fault_hook (always_hook, &full);
  for (guint i = 0; i < KEEL_WORKSPACE_BACKUPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Failed %u", i);
      g_autoptr(GError) error = NULL;

      rename_person (workspace, name);
      keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "Cannot save*");
      g_assert_false (keel_workspace_save (workspace, NULL, &error));
      keel_test_assert_expected_logs ();
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
    }
  _keel_io_set_fault_hook (NULL, NULL);

  after = read_backups (tmp.path);
  assert_same_backups (before, after);
  now = keel_test_read (tmp.file, NULL);
  g_assert_cmpstr (now, ==, current);

  keel_test_folder_clear (&tmp);
}

/* Backups are ordered by their number, not the clock: ones named by a
 * clock that was ahead go first */
static void
test_backups_ignore_clock (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *newest = NULL;

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Save 0");
  dir = g_build_filename (tmp.path, "backups", NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint i = 0; i < KEEL_WORKSPACE_BACKUPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("backups/keel-2999123%uT000000.000000Z.json", i);
      g_autofree char *full = g_build_filename (tmp.path, name, NULL);
      keel_test_write (full, "future");
    }

  previous = keel_test_read (tmp.file, NULL);
  rename_person (workspace, "Save 1");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));

  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, KEEL_WORKSPACE_BACKUPS);
  newest = keel_test_read (g_file_peek_path (backups->pdata[0]), NULL);
  g_assert_cmpstr (newest, ==, previous);

  keel_test_folder_clear (&tmp);
}

/* What a backup holds is what its label says: the version of keel.json
 * saved at the time the window shows (its modification time) */
static void
test_backup_label (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *name = NULL;
  gint64 mtime;

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Save 0");
  previous = keel_test_read (tmp.file, NULL);
  mtime = keel_test_mtime (tmp.file);
  g_usleep (20000);

  rename_person (workspace, "Save 1");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));

  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, 1);
  newest = keel_test_read (g_file_peek_path (backups->pdata[0]), NULL);
  g_assert_cmpstr (newest, ==, previous);
  g_assert_cmpint (keel_test_mtime (g_file_peek_path (backups->pdata[0])), ==, mtime);

  /* Its name says which version it is, not a time */
  name = g_file_get_basename (backups->pdata[0]);
  g_assert_cmpstr (name, ==, "keel-000001.json");

  keel_test_folder_clear (&tmp);
}

/* backups/ as a link leading out of the workspace: nothing outside is
 * touched, and the save says why it cannot keep a backup */
static void
test_backups_symlink (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *link = NULL;
  g_autofree char *current = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Save 0");

  outside = g_build_filename (g_get_tmp_dir (), "keel-outside-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (outside));
  {
    g_autofree char *inner = g_build_filename (outside, "backups", NULL);

    g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
    for (guint i = 1; i <= 12; i++)
      {
        g_autofree char *name = g_strdup_printf ("keel-%06u.json", i);
        g_autofree char *full = g_build_filename (inner, name, NULL);
        keel_test_write (full, "not Keel's");
      }
    link = g_build_filename (tmp.path, "backups", NULL);
    g_assert_cmpint (symlink (inner, link), ==, 0);
  }
  before = read_backups (outside);
  current = keel_test_read (tmp.file, NULL);

  rename_person (workspace, "Save 1");
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "Cannot save*backup*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);

  after = read_backups (outside);
  assert_same_backups (before, after);
  now = keel_test_read (tmp.file, NULL);
  g_assert_cmpstr (now, ==, current);
  listed = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (listed->len, ==, 0);

  keel_test_rm_rf (outside);
  keel_test_folder_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Leftovers                                                                */
/* ------------------------------------------------------------------------ */

static void
test_leftovers (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *other = NULL;
  g_autofree char *linked = NULL;

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Ada");
  ours = g_build_filename (tmp.path, "keel.json.Ab12Cd", NULL);
  other = g_build_filename (tmp.path, "keel.json.notes", NULL);
  linked = g_build_filename (tmp.path, "keel.json.Zz99Yy", NULL);
  keel_test_write (ours, "half a save");
  keel_test_write (other, "the user's");
  g_assert_cmpint (symlink (tmp.file, linked), ==, 0);

  again = keel_workspace_new (tmp.folder);
  g_assert_true (keel_workspace_load (again, NULL, &error));
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (linked, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (tmp.file, G_FILE_TEST_IS_REGULAR));

  keel_test_folder_clear (&tmp);
}

static void
test_demo_into_place (void)
{
  KeelTestFolder tmp;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = keel_date_today ();
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  const char *name;

  keel_test_folder_init (&tmp);
  path = g_build_filename (tmp.path, "demo", NULL);
  target = g_file_new_for_path (path);

  g_assert_true (keel_demo_write (target, today, &error));
  g_assert_no_error (error);
  json = g_build_filename (path, "keel.json", NULL);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));

  /* Nothing else beside it */
  dir = g_dir_open (tmp.path, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "demo");

  /* A second time: refused, nothing changed */
  g_assert_false (keel_demo_write (target, today, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_EMPTY);

  keel_test_folder_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Permissions                                                              */
/* ------------------------------------------------------------------------ */

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

static void
test_private_files (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("evidence", 8);
  g_autoptr(KeelRecord) file = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *nested = NULL;
  g_autoptr(GFile) nested_folder = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *evidence_dir = NULL;
  g_autofree char *nested_file = NULL;
  mode_t old_umask = umask (022);

  keel_test_folder_init (&tmp);
  nested = g_build_filename (tmp.path, "new", NULL);
  nested_folder = g_file_new_for_path (nested);
  workspace = keel_workspace_new (nested_folder);
  g_assert_true (keel_workspace_save (workspace, NULL, &error));
  nested_file = g_build_filename (nested, "keel.json", NULL);
  g_assert_cmphex (mode_of (nested), ==, 0700);
  g_assert_cmphex (mode_of (nested_file), ==, 0600);

  file = keel_workspace_import_evidence (workspace, "a.txt", bytes, NULL, &error);
  g_assert_no_error (error);
  evidence = g_build_filename (nested, keel_record_get_string (file, "path"), NULL);
  evidence_dir = g_path_get_dirname (evidence);
  g_assert_cmphex (mode_of (evidence), ==, 0600);
  g_assert_cmphex (mode_of (evidence_dir), ==, 0700);

  /* The owner's choice is kept */
  g_assert_cmpint (g_chmod (nested_file, 0640), ==, 0);
  {
    g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);

    keel_record_set_string (person, "name", "Ada");
    keel_workspace_add (workspace, person);
  }
  g_assert_true (keel_workspace_save (workspace, NULL, &error));
  g_assert_cmphex (mode_of (nested_file), ==, 0640);
  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    g_autofree char *backups_dir = g_build_filename (nested, "backups", NULL);
    g_assert_cmphex (mode_of (backups_dir), ==, 0700);
  }

  umask (old_umask);
  keel_test_folder_clear (&tmp);
}

/* A restore keeps the file it replaces aside, byte for byte */
static void
test_restore_modes (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *now = NULL;
  g_autofree char *backup = NULL;

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Save 0");
  rename_person (workspace, "Save 1");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));
  keel_test_write (tmp.file, "{ broken");

  backups = keel_workspace_list_backups (workspace);
  g_assert_true (keel_workspace_restore_backup (workspace, backups->pdata[0], &aside,
                                                NULL, &error));
  g_assert_no_error (error);
  kept = keel_test_read (g_file_peek_path (aside), NULL);
  g_assert_cmpstr (kept, ==, "{ broken");
  now = keel_test_read (tmp.file, NULL);
  backup = keel_test_read (g_file_peek_path (backups->pdata[0]), NULL);
  g_assert_cmpstr (now, ==, backup);

  keel_test_folder_clear (&tmp);
}

/* Where the atomic exchange is missing, the check before the rename
 * catches a write by another program that came before it */
static int
interloper_unsupported_hook (KeelIoOp    op,
                             const char *path,
                             gpointer    user_data)
{
  Interloper *in = user_data;

  if (op == KEEL_IO_RENAME && g_strcmp0 (path, in->file) == 0 && in->fired++ == 0)
    {
      g_autofree char *temp = g_strconcat (in->file, ".other", NULL);

      keel_test_write (temp, in->theirs);
      g_assert_cmpint (rename (temp, in->file), ==, 0);
      return ENOSYS;
    }

  return 0;
}

static void
test_no_lost_update_fallback (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  Interloper in = { 0 };
  Events events = { 0 };

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Ada");
  g_signal_connect (workspace, "conflict", G_CALLBACK (conflict_cb), &events);
  g_signal_connect (workspace, "reload-failed", G_CALLBACK (reload_failed_cb), &events);

  in.file = tmp.file;
  in.theirs = "{\"format\": \"keel-workspace\", \"version\": 1}\n";
  rename_person (workspace, "Ours");
  ours = g_bytes_unref_to_data (keel_workspace_serialize (workspace), &(gsize) { 0 });

  _keel_io_set_fault_hook (interloper_unsupported_hook, &in);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*changed by another program*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  _keel_io_set_fault_hook (NULL, NULL);
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT);

  /* Theirs is open, ours beside it */
  g_assert_cmpuint (events.conflict, ==, 1);
  on_disk = keel_test_read (tmp.file, NULL);
  kept = keel_test_read (events.conflict_path, NULL);
  g_assert_cmpstr (on_disk, ==, in.theirs);
  g_assert_cmpstr (kept, ==, ours);
  g_assert_cmpuint (events.reload_failed, ==, 0);
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_PERSON), ==, 0);

  g_signal_handlers_disconnect_by_data (workspace, &events);
  g_free (events.conflict_path);
  keel_test_folder_clear (&tmp);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!keel_workspace_save_finish (KEEL_WORKSPACE (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "none");
}

/* An asynchronous save that meets theirs reads theirs on a worker, then
 * says so */
static void
test_conflict_async (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  Events events = { 0 };

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Ada");
  g_signal_connect (workspace, "conflict", G_CALLBACK (conflict_cb), &events);

  /* Theirs, a valid workspace with one person */
  {
    g_autoptr(KeelWorkspace) other = keel_workspace_new (tmp.folder);

    g_assert_true (keel_workspace_load (other, NULL, NULL));
    rename_person (other, "Theirs");
    theirs = g_bytes_unref_to_data (keel_workspace_serialize (other), &(gsize) { 0 });
    keel_test_write (tmp.file, theirs);
  }

  rename_person (workspace, "Ours");
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*changed by another program*");
  keel_workspace_save_async (workspace, NULL, save_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT);
  g_assert_cmpuint (events.conflict, ==, 1);
  g_assert_cmpstr (keel_record_get_string (keel_workspace_lookup (workspace, "PER-1"), "name"),
                   ==, "Theirs");
  g_assert_false (keel_workspace_get_saving (workspace));
  g_assert_false (keel_workspace_get_dirty (workspace));

  g_signal_handlers_disconnect_by_data (workspace, &events);
  g_free (events.conflict_path);
  keel_test_folder_clear (&tmp);
}

/* The watcher re-reads on a worker: a change by another program is read
 * in, and one the same as ours is not */
static void
reloaded_cb (KeelWorkspace *workspace,
             Events        *events)
{
  events->reloaded++;
}

static void
test_watch_reload (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) other = NULL;
  g_autoptr(GError) error = NULL;
  Events events = { 0 };
  gint64 deadline;

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Ada");
  g_signal_connect (workspace, "reloaded", G_CALLBACK (reloaded_cb), &events);
  g_assert_true (keel_workspace_watch (workspace, &error));
  g_assert_true (keel_workspace_watch (workspace, &error));

  other = keel_workspace_new (tmp.folder);
  g_assert_true (keel_workspace_load (other, NULL, NULL));
  rename_person (other, "Changed");
  g_assert_true (keel_workspace_save (other, NULL, NULL));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (events.reloaded == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpuint (events.reloaded, ==, 1);
  g_assert_cmpstr (keel_record_get_string (keel_workspace_lookup (workspace, "PER-1"), "name"),
                   ==, "Changed");

  g_signal_handlers_disconnect_by_data (workspace, &events);
  keel_test_folder_clear (&tmp);
}

static void
writable_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  int *state = user_data;
  g_autoptr(GError) error = NULL;

  *state = keel_workspace_check_writable_finish (KEEL_WORKSPACE (object), result, &error) ? 1 : 2;
}

static void
test_check_writable_async (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) blocked = NULL;
  g_autoptr(GFile) under_file = NULL;
  g_autofree char *path = NULL;
  int state = 0;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);
  keel_workspace_check_writable_async (workspace, NULL, writable_cb, &state);
  while (state == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (state, ==, 1);

  /* A folder that cannot be: under a file */
  path = g_build_filename (tmp.path, "file", "ws", NULL);
  {
    g_autofree char *file = g_build_filename (tmp.path, "file", NULL);
    keel_test_write (file, "x");
  }
  under_file = g_file_new_for_path (path);
  blocked = keel_workspace_new (under_file);
  state = 0;
  keel_workspace_check_writable_async (blocked, NULL, writable_cb, &state);
  while (state == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (state, ==, 2);

  keel_test_folder_clear (&tmp);
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GFile **aside = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (keel_workspace_restore_backup_finish (KEEL_WORKSPACE (object), result,
                                                       aside, &error));
  g_assert_no_error (error);
  if (*aside == NULL)
    *aside = g_file_new_for_path ("/");
}

static void
test_restore_more (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GFile) bogus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bogus_path = NULL;

  keel_test_folder_init (&tmp);
  workspace = new_saved_workspace (&tmp, "Save 0");
  rename_person (workspace, "Save 1");
  g_assert_true (keel_workspace_save (workspace, NULL, NULL));
  backups = keel_workspace_list_backups (workspace);

  /* No keel.json at all: nothing to keep aside */
  g_assert_cmpint (g_unlink (tmp.file), ==, 0);
  keel_workspace_restore_backup_async (workspace, backups->pdata[0], NULL, restore_cb, &aside);
  while (aside == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_file_peek_path (aside), ==, "/");
  g_assert_true (g_file_test (tmp.file, G_FILE_TEST_IS_REGULAR));

  /* A backup that is not a workspace, or not there */
  bogus_path = g_build_filename (tmp.path, "backups", "keel-000099.json", NULL);
  keel_test_write (bogus_path, "[1, 2");
  bogus = g_file_new_for_path (bogus_path);
  g_assert_false (keel_workspace_restore_backup (workspace, bogus, NULL, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
  g_clear_error (&error);
  g_unlink (bogus_path);
  g_assert_false (keel_workspace_restore_backup (workspace, bogus, NULL, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
  g_clear_error (&error);

  /* keel.json that cannot be read to be kept aside is left as it is */
  g_unlink (tmp.file);
  g_assert_cmpint (mkfifo (tmp.file, 0600), ==, 0);
  g_assert_false (keel_workspace_restore_backup (workspace, backups->pdata[0], NULL, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  g_assert_true (g_file_test (tmp.file, G_FILE_TEST_EXISTS) &&
                 !g_file_test (tmp.file, G_FILE_TEST_IS_REGULAR));

  keel_test_folder_clear (&tmp);
}

/* The workspace object's own surface */
static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_workspace_object (void)
{
  KeelTestFolder tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(KeelRecord) review = g_object_new (KEEL_TYPE_REVIEW, NULL);
  g_autoptr(KeelRecord) stranger = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(GDateTime) when = keel_date_new (2025, 6, 1);
  g_autofree char *id = NULL;
  gboolean autosave = TRUE, dirty = TRUE, saving = TRUE;
  guint notified = 0;
  guint position = 99;

  keel_test_folder_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);
  g_signal_connect (workspace, "notify::autosave", G_CALLBACK (notify_cb), &notified);
  g_object_get (workspace, "folder", &folder, "autosave", &autosave, "dirty", &dirty,
                "saving", &saving, NULL);
  g_assert_true (g_file_equal (folder, tmp.folder));
  g_assert_false (autosave);
  g_assert_false (dirty);
  g_assert_false (saving);
  g_assert_false (keel_workspace_file_exists (workspace));

  g_object_set (workspace, "autosave", TRUE, NULL);
  keel_workspace_set_autosave (workspace, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (keel_workspace_get_autosave (workspace));
  keel_workspace_set_autosave (workspace, FALSE);

  /* Explicit ids raise the counter; reviews carry their year */
  keel_record_set_id (person, "PER-41");
  keel_workspace_insert (workspace, person, 0);
  id = keel_workspace_next_id (workspace, KEEL_TYPE_PERSON, NULL);
  g_assert_cmpstr (id, ==, "PER-42");
  g_free (id);
  keel_record_set_date (review, "start", when);
  keel_workspace_add (workspace, review);
  g_assert_cmpstr (keel_record_get_id (review), ==, "MR-2025-01");
  id = keel_workspace_next_id (workspace, KEEL_TYPE_REVIEW, when);
  g_assert_cmpstr (id, ==, "MR-2025-02");

  g_assert_null (keel_workspace_lookup (workspace, NULL));
  g_assert_false (keel_workspace_remove (workspace, stranger, NULL));
  g_assert_true (keel_workspace_remove (workspace, person, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (keel_workspace_get_dirty (workspace));
  g_assert_cmpuint (keel_workspace_kind_from_name ("people"), ==, KEEL_TYPE_PERSON);
  g_assert_cmpuint (keel_workspace_kind_from_name ("nothing"), ==, G_TYPE_INVALID);

  g_signal_handlers_disconnect_by_data (workspace, &notified);
  keel_test_folder_clear (&tmp);
}

static void
test_default_folder (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) fallback = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("KEEL_WORKSPACE"));

  g_setenv ("KEEL_WORKSPACE", "/tmp/keel-somewhere", TRUE);
  folder = keel_workspace_default_folder ();
  g_assert_cmpstr (g_file_peek_path (folder), ==, "/tmp/keel-somewhere");

  g_unsetenv ("KEEL_WORKSPACE");
  fallback = keel_workspace_default_folder ();
  g_assert_true (g_str_has_suffix (g_file_peek_path (fallback), "Keel"));

  if (saved != NULL)
    g_setenv ("KEEL_WORKSPACE", saved, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Reading ahead                                                            */
/* ------------------------------------------------------------------------ */

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = keel_workspace_load_finish (KEEL_WORKSPACE (object), result, error);

  g_assert_true (ok == (*error == NULL));
  g_object_set_data (object, "loaded", GINT_TO_POINTER (TRUE));
}

/* Loads @folder the way the window does, and returns the name of PER-1 */
static char *
load_person_name (GFile *folder)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GError) error = NULL;
  KeelRecord *person;

  keel_workspace_load_async (workspace, NULL, load_done_cb, &error);
  while (g_object_get_data (G_OBJECT (workspace), "loaded") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);

  person = keel_workspace_lookup (workspace, "PER-1");
  g_assert_nonnull (person);

  return g_strdup (keel_record_get_string (person, "name"));
}

/* What is read ahead is what the load gives, unless the file changed in
 * between or another folder is loaded */
static void
test_read_ahead (void)
{
  KeelTestFolder tmp;
  KeelTestFolder other;
  g_autoptr(KeelWorkspace) saved = NULL;
  g_autoptr(KeelWorkspace) saved_other = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  keel_test_folder_init (&tmp);
  keel_test_folder_init (&other);
  saved = new_saved_workspace (&tmp, "Ada");
  saved_other = new_saved_workspace (&other, "Grace");

  /* Read ahead, loaded as it was */
  keel_workspace_read_ahead (tmp.folder);
  name = load_person_name (tmp.folder);
  g_assert_cmpstr (name, ==, "Ada");
  g_clear_pointer (&name, g_free);

  /* Changed after it was read ahead: the load reads it again */
  keel_workspace_read_ahead (tmp.folder);
  g_usleep (200 * 1000);  /* the read ahead done, before the change */
  rename_person (saved, "Ada Lovelace");
  g_assert_true (keel_workspace_save (saved, NULL, &error));
  g_assert_no_error (error);
  name = load_person_name (tmp.folder);
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_clear_pointer (&name, g_free);

  /* Another folder read ahead: never taken for this one */
  keel_workspace_read_ahead (other.folder);
  name = load_person_name (tmp.folder);
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_clear_pointer (&name, g_free);
  name = load_person_name (other.folder);
  g_assert_cmpstr (name, ==, "Grace");

  keel_test_folder_clear (&other);
  keel_test_folder_clear (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/store/evidence-paths", test_evidence_paths);
  g_test_add_func ("/keel/store/evidence-import-special", test_evidence_import_special);
  g_test_add_func ("/keel/store/load-special", test_load_special);
  g_test_add_func ("/keel/store/watch-fifo", test_watch_fifo);
  g_test_add_func ("/keel/store/no-lost-update", test_no_lost_update);
  g_test_add_func ("/keel/store/backups-survive-failures", test_backups_survive_failures);
  g_test_add_func ("/keel/store/backups-ignore-clock", test_backups_ignore_clock);
  g_test_add_func ("/keel/store/backup-label", test_backup_label);
  g_test_add_func ("/keel/store/backups-symlink", test_backups_symlink);
  g_test_add_func ("/keel/store/leftovers", test_leftovers);
  g_test_add_func ("/keel/store/demo-into-place", test_demo_into_place);
  g_test_add_func ("/keel/store/private-files", test_private_files);
  g_test_add_func ("/keel/store/restore", test_restore_modes);
  g_test_add_func ("/keel/store/no-lost-update-fallback", test_no_lost_update_fallback);
  g_test_add_func ("/keel/store/conflict-async", test_conflict_async);
  g_test_add_func ("/keel/store/watch-reload", test_watch_reload);
  g_test_add_func ("/keel/store/check-writable-async", test_check_writable_async);
  g_test_add_func ("/keel/store/restore-more", test_restore_more);
  g_test_add_func ("/keel/store/workspace-object", test_workspace_object);
  g_test_add_func ("/keel/store/default-folder", test_default_folder);
  g_test_add_func ("/keel/store/read-ahead", test_read_ahead);

  return g_test_run ();
}
