/* test-check.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "keel-test-util.h"

/* keel_workspace_check(): every way an evidence path can differ from the
 * names Keel gives, each refused without opening anything; the evidence
 * files that are there, missing, changed or not files; references that
 * lead nowhere or to the wrong kind; and a check that is cancelled. */

/* sha256 ("abc") */
#define ABC_SHA "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/* sha256 ("") */
#define EMPTY_SHA "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

typedef struct
{
  char          *path;
  KeelWorkspace *workspace;
} Tmp;

static void
tmp_init (Tmp *tmp)
{
  g_autoptr(GFile) folder = NULL;

  tmp->path = keel_test_make_tmpdir ();
  folder = g_file_new_for_path (tmp->path);
  tmp->workspace = keel_workspace_new (folder);
}

static void
tmp_clear (Tmp *tmp)
{
  g_clear_object (&tmp->workspace);
  keel_test_rm_rf (tmp->path);
  g_free (tmp->path);
}

static void
put_file (Tmp        *tmp,
          const char *relative,
          const char *text)
{
  g_autofree char *path = g_build_filename (tmp->path, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  keel_test_write (path, text);
}

static const char *
add_evidence (KeelWorkspace *workspace,
              gboolean       with_file,
              const char    *path,
              const char    *sha)
{
  g_autoptr(KeelRecord) evidence = g_object_new (KEEL_TYPE_EVIDENCE, NULL);
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 3, 15, 0, 0, 0);

  keel_record_set_string (evidence, "title", "Evidence");
  keel_record_set_date (evidence, "added_on", today);
  if (with_file)
    {
      g_autoptr(KeelRecord) file = g_object_new (KEEL_TYPE_EVIDENCE_FILE, NULL);

      keel_record_set_string (file, "name", "a.pdf");
      keel_record_set_string (file, "sha256", sha);
      keel_record_set_string (file, "path", path);
      keel_record_set_child (evidence, "file", file);
    }
  keel_workspace_add (workspace, evidence);

  return keel_record_get_id (evidence);
}

/* The errors about @id, one message after another */
static char *
errors_of (GPtrArray  *problems,
           const char *id)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      KeelProblem *problem = problems->pdata[i];

      if (problem->level == KEEL_PROBLEM_ERROR && g_strcmp0 (problem->id, id) == 0)
        g_string_append_printf (out, "%s\n", problem->message);
    }

  return g_string_free (out, FALSE);
}

static void
assert_errors (GPtrArray  *problems,
               const char *id,
               const char *expected)
{
  g_autofree char *got = errors_of (problems, id);

  if (expected == NULL)
    {
      if (got[0] != '\0')
        g_error ("%s: no error expected, got: %s", id, got);
    }
  else if (strstr (got, expected) == NULL)
    g_error ("%s: expected an error with “%s”, got: “%s”", id, expected, got);
}

static void
test_evidence_names (void)
{
  const struct {
    const char *path;
    const char *sha;
  } refused[] = {
    { "docs/" ABC_SHA ".pdf", ABC_SHA },                     /* not under evidence/ */
    { "evidence/BA/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ABC_SHA },
    { "evidence/ba/BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", ABC_SHA },
    { "evidence/bax" ABC_SHA, ABC_SHA },                    /* no folder */
    { "evidence/ba", ABC_SHA },
    { "evidence/aa/" ABC_SHA, ABC_SHA },                    /* folder and name differ */
    { "evidence/ba/" ABC_SHA, EMPTY_SHA },                  /* another file's name */
    { "evidence/ba/" ABC_SHA "0", ABC_SHA },                /* 65 digits */
    { "evidence/ba/ba7816bf", ABC_SHA },                     /* too short */
    { "evidence/ba/" ABC_SHA ".", ABC_SHA },                /* empty extension */
    { "evidence/ba/" ABC_SHA ".p-f", ABC_SHA },
    { "evidence/ba/" ABC_SHA ".pdf/../../x", ABC_SHA },
    { "evidence/ba/" ABC_SHA ".abcdefghijklmnopq", ABC_SHA }, /* 17 characters */
    { "evidence/ba/" ABC_SHA "/x", ABC_SHA },
  };
  Tmp tmp;
  g_autoptr(GPtrArray) problems = NULL;
  const char *ids[G_N_ELEMENTS (refused)];
  const char *plain, *long_ext, *no_sha, *no_sha_missing, *no_file, *no_path;

  tmp_init (&tmp);

  /* Every refused path names a file that exists: it must not be opened */
  put_file (&tmp, "docs/" ABC_SHA ".pdf", "abc");
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    ids[i] = add_evidence (tmp.workspace, TRUE, refused[i].path, refused[i].sha);

  put_file (&tmp, "evidence/ba/" ABC_SHA, "abc");
  plain = add_evidence (tmp.workspace, TRUE, "evidence/ba/" ABC_SHA, ABC_SHA);
  put_file (&tmp, "evidence/ba/" ABC_SHA ".abcdefghijklmnop", "abc");
  long_ext = add_evidence (tmp.workspace, TRUE, "evidence/ba/" ABC_SHA ".abcdefghijklmnop", ABC_SHA);
  /* No SHA-256 recorded: the file is looked for, not hashed */
  put_file (&tmp, "evidence/e3/" EMPTY_SHA ".txt", "not empty at all");
  no_sha = add_evidence (tmp.workspace, TRUE, "evidence/e3/" EMPTY_SHA ".txt", NULL);
  no_sha_missing = add_evidence (tmp.workspace, TRUE, "evidence/e3/" EMPTY_SHA ".pdf", NULL);
  /* Evidence without a file, or a file without a path: nothing to open */
  no_file = add_evidence (tmp.workspace, FALSE, NULL, NULL);
  no_path = add_evidence (tmp.workspace, TRUE, NULL, ABC_SHA);

  problems = keel_workspace_check (tmp.workspace);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_errors (problems, ids[i], "is not one Keel gives");
  assert_errors (problems, plain, NULL);
  assert_errors (problems, long_ext, NULL);
  assert_errors (problems, no_sha, NULL);
  assert_errors (problems, no_sha_missing, "is missing");
  assert_errors (problems, no_file, NULL);
  assert_errors (problems, no_path, NULL);

  tmp_clear (&tmp);
}

static void
test_evidence_files (void)
{
  Tmp tmp;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *fifo = NULL;
  const char *changed, *missing, *not_file, *folder;

  tmp_init (&tmp);

  put_file (&tmp, "evidence/ba/" ABC_SHA ".txt", "abd");
  changed = add_evidence (tmp.workspace, TRUE, "evidence/ba/" ABC_SHA ".txt", ABC_SHA);
  missing = add_evidence (tmp.workspace, TRUE, "evidence/ba/" ABC_SHA ".pdf", ABC_SHA);
  fifo = g_build_filename (tmp.path, "evidence", "ba", ABC_SHA ".fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  not_file = add_evidence (tmp.workspace, TRUE, "evidence/ba/" ABC_SHA ".fifo", ABC_SHA);
  put_file (&tmp, "evidence/ba/" ABC_SHA ".dir/x", "x");
  folder = add_evidence (tmp.workspace, TRUE, "evidence/ba/" ABC_SHA ".dir", ABC_SHA);

  problems = keel_workspace_check (tmp.workspace);
  assert_errors (problems, changed, "does not match its SHA-256");
  assert_errors (problems, missing, "is missing");
  assert_errors (problems, not_file, "cannot be checked");
  assert_errors (problems, folder, "cannot be checked");

  tmp_clear (&tmp);
}

/* A workspace that is not in a local folder has no evidence files to read */
static void
test_evidence_not_local (void)
{
  g_autoptr(GFile) folder = g_file_new_for_uri ("resource:///org/example/keel");
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GPtrArray) problems = NULL;
  const char *id;

  id = add_evidence (workspace, TRUE, "evidence/ba/" ABC_SHA ".pdf", ABC_SHA);
  problems = keel_workspace_check (workspace);
  assert_errors (problems, id, "is missing");
}

static void
test_references (void)
{
  Tmp tmp;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(KeelRecord) action = g_object_new (KEEL_TYPE_ACTION, NULL);
  g_autoptr(KeelRecord) other = g_object_new (KEEL_TYPE_ACTION, NULL);
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, 4, 1, 0, 0, 0);
  const char *evidence;

  tmp_init (&tmp);
  keel_record_set_string (person, "name", "Ann");
  keel_workspace_add (tmp.workspace, person);
  evidence = add_evidence (tmp.workspace, FALSE, NULL, NULL);

  /* The owner is evidence, not a person; the source may be anything */
  keel_record_set_string (action, "title", "Wrong kind");
  keel_record_set_string (action, "owner", evidence);
  keel_record_set_string (action, "source", evidence);
  keel_record_set_date (action, "due", due);
  keel_workspace_add (tmp.workspace, action);

  keel_record_set_string (other, "title", "Nobody");
  keel_record_set_string (other, "owner", "PER-99");
  keel_record_set_date (other, "due", due);
  keel_workspace_add (tmp.workspace, other);

  problems = keel_workspace_check (tmp.workspace);
  assert_errors (problems, keel_record_get_id (action), "of the kind Evidence item; the field takes People");
  {
    g_autofree char *errors = errors_of (problems, keel_record_get_id (action));
    g_assert_null (strstr (errors, "“source”"));
  }
  assert_errors (problems, keel_record_get_id (other), "refers to PER-99, which does not exist");
  assert_errors (problems, keel_record_get_id (person), NULL);

  /* Like every free function, it takes NULL */
  keel_problem_free (NULL);

  tmp_clear (&tmp);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GPtrArray) problems = NULL;

  problems = keel_workspace_check_finish (KEEL_WORKSPACE (object), result, error);
  g_assert_null (problems);
  g_assert_nonnull (*error);
}

/* A check cancelled before its worker looks at the files gives no list */
static void
test_cancelled (void)
{
  Tmp tmp;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  tmp_init (&tmp);
  put_file (&tmp, "evidence/ba/" ABC_SHA, "abc");
  add_evidence (tmp.workspace, TRUE, "evidence/ba/" ABC_SHA, ABC_SHA);

  g_cancellable_cancel (cancellable);
  keel_workspace_check_async (tmp.workspace, cancellable, checked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  tmp_clear (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/check/evidence-names", test_evidence_names);
  g_test_add_func ("/keel/check/evidence-files", test_evidence_files);
  g_test_add_func ("/keel/check/evidence-not-local", test_evidence_not_local);
  g_test_add_func ("/keel/check/references", test_references);
  g_test_add_func ("/keel/check/cancelled", test_cancelled);

  return g_test_run ();
}
