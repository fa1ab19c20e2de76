/* test-watch.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "keel-error.h"
#include "keel-io.h"
#include "keel-test-util.h"
#include "keel-workspace-private.h"

/* Watching keel.json for other programs' changes, at the awkward moments:
 * the file gone for a moment, written again with the same bytes, emptied,
 * and a notice that arrives while Keel is saving or already reading; and
 * an edit, a save or an autosave asked for while a save runs. */

typedef struct
{
  char          *path;
  char          *file;
  KeelWorkspace *workspace;
  guint          reloaded;
  guint          reload_failed;
  GError        *failure;
} Tmp;

static void
reloaded_cb (KeelWorkspace *workspace,
             Tmp           *tmp)
{
  tmp->reloaded++;
}

static void
reload_failed_cb (KeelWorkspace *workspace,
                  const GError  *error,
                  Tmp           *tmp)
{
  tmp->reload_failed++;
  g_clear_error (&tmp->failure);
  tmp->failure = g_error_copy (error);
}

static void
tmp_init (Tmp *tmp)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(GError) error = NULL;

  memset (tmp, 0, sizeof *tmp);
  tmp->path = keel_test_make_tmpdir ();
  tmp->file = g_build_filename (tmp->path, "keel.json", NULL);
  folder = g_file_new_for_path (tmp->path);
  tmp->workspace = keel_workspace_new (folder);
  keel_record_set_string (person, "name", "Ours");
  keel_workspace_add (tmp->workspace, person);
  g_assert_true (keel_workspace_save (tmp->workspace, NULL, &error));
  g_assert_no_error (error);

  g_signal_connect (tmp->workspace, "reloaded", G_CALLBACK (reloaded_cb), tmp);
  g_signal_connect (tmp->workspace, "reload-failed", G_CALLBACK (reload_failed_cb), tmp);
  g_assert_true (keel_workspace_watch (tmp->workspace, &error));
  g_assert_no_error (error);
  /* Twice is once */
  g_assert_true (keel_workspace_watch (tmp->workspace, &error));
}

static void
tmp_clear (Tmp *tmp)
{
  g_clear_object (&tmp->workspace);
  g_clear_error (&tmp->failure);
  keel_test_rm_rf (tmp->path);
  g_free (tmp->path);
  g_free (tmp->file);
}

static const char *
person_name (KeelWorkspace *workspace)
{
  return keel_record_get_string (keel_workspace_lookup (workspace, "PER-1"), "name");
}

/* Until the look at keel.json that was scheduled has been taken and its
 * outcome handled */
static void
wait_for_reread (KeelWorkspace *workspace)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (workspace->watch_id != 0 || workspace->rereading)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* Anything the outcome scheduled in turn */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_gone_for_a_moment (void)
{
  Tmp tmp;

  tmp_init (&tmp);

  /* Another program replaces keel.json: between its unlink and its rename
   * there is no file, which is no failure */
  g_assert_cmpint (g_unlink (tmp.file), ==, 0);
  _keel_workspace_schedule_watch (tmp.workspace);
  wait_for_reread (tmp.workspace);

  g_assert_cmpuint (tmp.reload_failed, ==, 0);
  g_assert_cmpuint (tmp.reloaded, ==, 0);
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Ours");

  tmp_clear (&tmp);
}

static void
test_same_bytes (void)
{
  Tmp tmp;
  g_autofree char *text = NULL;

  tmp_init (&tmp);

  /* Written again with the bytes Keel wrote: nothing to reload */
  text = keel_test_read (tmp.file, NULL);
  g_assert_cmpint (g_unlink (tmp.file), ==, 0);
  keel_test_write (tmp.file, text);
  _keel_workspace_schedule_watch (tmp.workspace);
  wait_for_reread (tmp.workspace);

  g_assert_cmpuint (tmp.reloaded, ==, 0);
  g_assert_cmpuint (tmp.reload_failed, ==, 0);
  g_assert_false (keel_workspace_get_dirty (tmp.workspace));

  tmp_clear (&tmp);
}

static void
test_emptied (void)
{
  Tmp tmp;

  tmp_init (&tmp);

  /* An empty keel.json is not a workspace: reported, ours kept */
  keel_test_write (tmp.file, "");
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*keel.json*");
  _keel_workspace_schedule_watch (tmp.workspace);
  wait_for_reread (tmp.workspace);
  keel_test_assert_expected_logs ();

  g_assert_cmpuint (tmp.reload_failed, ==, 1);
  g_assert_nonnull (tmp.failure);
  g_assert_nonnull (strstr (tmp.failure->message, "is empty"));
  g_assert_cmpuint (tmp.reloaded, ==, 0);
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Ours");

  tmp_clear (&tmp);
}

/* A notice that comes while keel.json is being read again: the read that
 * runs is let go, keel.json is read once more, and theirs is loaded once.
 * keel.json is made large (padded with white space) so that the read is
 * still under way when the notice comes. */
static void
test_notice_while_reading (void)
{
  Tmp tmp;
  g_autofree char *text = NULL;
  GString *theirs = g_string_new (NULL);
  char *at;
  gint64 until;

  tmp_init (&tmp);
  /* The notices are sent by hand, in the order wanted */
  g_file_monitor_cancel (tmp.workspace->monitor);
  text = keel_test_read (tmp.file, NULL);
  at = strstr (text, "\"Ours\"");
  g_assert_nonnull (at);
  g_string_append_len (theirs, text, at - text);
  g_string_append (theirs, "\"Theirs\"");
  g_string_append (theirs, at + strlen ("\"Ours\""));
  for (guint i = 0; i < 128 * 1024; i++)
    g_string_append (theirs, "                                                               \n");
  g_assert_true (g_file_set_contents (tmp.file, theirs->str, theirs->len, NULL));
  g_string_free (theirs, TRUE);

  _keel_workspace_schedule_watch (tmp.workspace);
  while (!tmp.workspace->rereading)
    g_main_context_iteration (NULL, TRUE);

  /* Another notice, due before the read's answer is looked at */
  _keel_workspace_schedule_watch (tmp.workspace);
  until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_usleep (10000);
  /* Both are due now: the notice marks the read as stale, and the read's
   * answer is dropped in favour of a new read, not loaded */
  g_main_context_iteration (NULL, FALSE);
  while (tmp.workspace->rereading)  /* a slow machine: the read ends later */
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tmp.workspace->watch_id, !=, 0);
  g_assert_cmpuint (tmp.reloaded, ==, 0);
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Ours");

  wait_for_reread (tmp.workspace);
  g_assert_false (tmp.workspace->reread_again);
  g_assert_cmpuint (tmp.reloaded, ==, 1);
  g_assert_cmpuint (tmp.reload_failed, ==, 0);
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Theirs");

  tmp_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* While a save runs                                                        */
/* ------------------------------------------------------------------------ */

static GThread *main_thread;

/* Holds the save on its worker at its first file until released */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean entered;
  gboolean released;
} Gate;

static int
gate_hook (KeelIoOp    op,
           const char *path,
           gpointer    user_data)
{
  Gate *gate = user_data;

  if (g_thread_self () == main_thread)
    return 0;

  g_mutex_lock (&gate->lock);
  gate->entered = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);

  return 0;
}

static void
gate_wait_entered (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  while (!gate->entered)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->released = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (keel_workspace_save_finish (KEEL_WORKSPACE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Their change lands while ours is being saved: the look at keel.json
 * waits for the save, and their change is then noticed, not lost */
static void
test_notice_while_saving (gconstpointer data)
{
  gboolean reading_first = GPOINTER_TO_INT (data);
  Tmp tmp;
  Gate gate = { 0, };
  gboolean done = FALSE;

  tmp_init (&tmp);
  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);

  if (reading_first)
    {
      /* The notice came first: the read is under way when the save starts */
      _keel_workspace_schedule_watch (tmp.workspace);
      while (!tmp.workspace->rereading)
        g_main_context_iteration (NULL, TRUE);
    }

  keel_record_set_string (keel_workspace_lookup (tmp.workspace, "PER-1"), "name", "Ours, edited");
  _keel_io_set_fault_hook (gate_hook, &gate);
  keel_workspace_save_async (tmp.workspace, NULL, saved_cb, &done);
  gate_wait_entered (&gate);
  g_assert_true (keel_workspace_get_saving (tmp.workspace));

  if (reading_first)
    {
      /* The read ends while the save runs */
      while (tmp.workspace->rereading)
        g_main_context_iteration (NULL, TRUE);
    }
  else
    {
      /* The notice comes while the save runs */
      _keel_workspace_schedule_watch (tmp.workspace);
      while (tmp.workspace->watch_id != 0)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (tmp.workspace->rereading);
    }
  g_assert_true (tmp.workspace->recheck_after_save);

  gate_release (&gate);
  g_assert_true (keel_test_wait_for (&done, 5000));
  _keel_io_set_fault_hook (NULL, NULL);

  /* The look at keel.json is taken again after the save: it finds our own
   * save, which is nothing to reload */
  g_assert_false (tmp.workspace->recheck_after_save);
  g_assert_cmpuint (tmp.workspace->watch_id, !=, 0);
  wait_for_reread (tmp.workspace);
  g_assert_cmpuint (tmp.reloaded, ==, 0);
  g_assert_cmpuint (tmp.reload_failed, ==, 0);
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Ours, edited");
  g_assert_false (keel_workspace_get_dirty (tmp.workspace));

  /* And a change of theirs after that is loaded */
  {
    g_autofree char *text = keel_test_read (tmp.file, NULL);
    g_autofree char *theirs = NULL;
    char *at = strstr (text, "\"Ours, edited\"");

    g_assert_nonnull (at);
    theirs = g_strdup_printf ("%.*s\"Theirs\"%s", (int) (at - text), text,
                              at + strlen ("\"Ours, edited\""));
    keel_test_write (tmp.file, theirs);
    _keel_workspace_schedule_watch (tmp.workspace);
    wait_for_reread (tmp.workspace);
    g_assert_cmpuint (tmp.reloaded, ==, 1);
    g_assert_cmpstr (person_name (tmp.workspace), ==, "Theirs");
  }

  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
  tmp_clear (&tmp);
}

/* An edit made while a save runs, and the autosave it asks for, are not
 * lost: they are saved once the running save is done */
static void
test_edit_while_saving (void)
{
  Tmp tmp;
  Gate gate = { 0, };
  gboolean done = FALSE;
  gboolean second = FALSE;
  KeelRecord *person;
  gint64 deadline;

  tmp_init (&tmp);
  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  person = keel_workspace_lookup (tmp.workspace, "PER-1");

  keel_record_set_string (person, "name", "Saved first");
  _keel_io_set_fault_hook (gate_hook, &gate);
  keel_workspace_save_async (tmp.workspace, NULL, saved_cb, &done);
  gate_wait_entered (&gate);

  /* A save asked for now is folded into the one that runs */
  keel_workspace_save_async (tmp.workspace, NULL, saved_cb, &second);
  g_assert_true (keel_test_wait_for (&second, 5000));
  g_assert_false (done);

  /* An edit with autosave on: its autosave comes while the save runs */
  keel_workspace_set_autosave (tmp.workspace, TRUE);
  keel_record_set_string (person, "name", "Edited during the save");
  g_assert_cmpuint (tmp.workspace->autosave_id, !=, 0);
  while (tmp.workspace->autosave_id != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (keel_workspace_get_saving (tmp.workspace));

  gate_release (&gate);
  g_assert_true (keel_test_wait_for (&done, 5000));
  _keel_io_set_fault_hook (NULL, NULL);

  /* The edit came after the bytes were taken: still dirty, and saved by
   * the autosave that follows */
  g_assert_true (keel_workspace_get_dirty (tmp.workspace));
  g_assert_cmpuint (tmp.workspace->autosave_id, !=, 0);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (keel_workspace_get_dirty (tmp.workspace) || keel_workspace_get_saving (tmp.workspace))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  wait_for_reread (tmp.workspace);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (tmp.path);
    g_autoptr(KeelWorkspace) reopened = keel_workspace_new (folder);

    g_assert_true (keel_workspace_load (reopened, NULL, NULL));
    g_assert_cmpstr (person_name (reopened), ==, "Edited during the save");
  }
  g_assert_cmpuint (tmp.reloaded, ==, 0);

  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
  tmp_clear (&tmp);
}

/* With autosave off, an edit made while a save runs is not saved behind
 * the user's back: it stays unsaved, and keel.json holds what was saved */
static void
test_edit_while_saving_no_autosave (void)
{
  Tmp tmp;
  Gate gate = { 0, };
  gboolean done = FALSE;
  KeelRecord *person;
  g_autofree char *on_disk = NULL;

  tmp_init (&tmp);
  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  person = keel_workspace_lookup (tmp.workspace, "PER-1");

  keel_record_set_string (person, "name", "Saved");
  _keel_io_set_fault_hook (gate_hook, &gate);
  keel_workspace_save_async (tmp.workspace, NULL, saved_cb, &done);
  gate_wait_entered (&gate);

  keel_record_set_string (person, "name", "Not saved yet");
  /* A notice comes too, so the save looks again when it ends */
  _keel_workspace_schedule_watch (tmp.workspace);
  while (tmp.workspace->watch_id != 0)
    g_main_context_iteration (NULL, TRUE);

  gate_release (&gate);
  g_assert_true (keel_test_wait_for (&done, 5000));
  _keel_io_set_fault_hook (NULL, NULL);
  wait_for_reread (tmp.workspace);

  g_assert_true (keel_workspace_get_dirty (tmp.workspace));
  g_assert_cmpuint (tmp.workspace->autosave_id, ==, 0);
  g_assert_cmpstr (person_name (tmp.workspace), ==, "Not saved yet");
  on_disk = keel_test_read (tmp.file, NULL);
  g_assert_nonnull (strstr (on_disk, "\"Saved\""));
  g_assert_cmpuint (tmp.reloaded, ==, 0);

  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
  tmp_clear (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);
  main_thread = g_thread_self ();

  g_test_add_func ("/keel/watch/gone-for-a-moment", test_gone_for_a_moment);
  g_test_add_func ("/keel/watch/same-bytes", test_same_bytes);
  g_test_add_func ("/keel/watch/emptied", test_emptied);
  g_test_add_func ("/keel/watch/notice-while-reading", test_notice_while_reading);
  g_test_add_data_func ("/keel/watch/notice-while-saving", GINT_TO_POINTER (FALSE),
                        test_notice_while_saving);
  g_test_add_data_func ("/keel/watch/read-while-saving", GINT_TO_POINTER (TRUE),
                        test_notice_while_saving);
  g_test_add_func ("/keel/watch/edit-while-saving", test_edit_while_saving);
  g_test_add_func ("/keel/watch/edit-while-saving-no-autosave", test_edit_while_saving_no_autosave);

  return g_test_run ();
}
