/* test-restore-core.c
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
#include "keel-restore.h"
#include "keel-test-util.h"

/* Restoring a backup when it cannot be done: the backup is not a local
 * file, no free name is left for the copy of keel.json, a step on disk
 * fails. Each time the error is reported, keel.json is left byte for byte
 * as it was, and no temporary file stays behind. */

typedef struct
{
  char          *path;
  char          *file;
  KeelWorkspace *workspace;
  GFile         *backup;
} Tmp;

static void
tmp_init (Tmp *tmp)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(GPtrArray) backups = NULL;

  tmp->path = keel_test_make_tmpdir ();
  tmp->file = g_build_filename (tmp->path, "keel.json", NULL);
  folder = g_file_new_for_path (tmp->path);
  tmp->workspace = keel_workspace_new (folder);

  keel_record_set_string (person, "name", "First");
  keel_workspace_add (tmp->workspace, person);
  g_assert_true (keel_workspace_save (tmp->workspace, NULL, NULL));
  keel_record_set_string (person, "name", "Second");
  g_assert_true (keel_workspace_save (tmp->workspace, NULL, NULL));

  backups = keel_workspace_list_backups (tmp->workspace);
  g_assert_cmpuint (backups->len, ==, 1);
  tmp->backup = g_object_ref (backups->pdata[0]);

  /* What restoring is for: keel.json that cannot be read */
  keel_test_write (tmp->file, "{ \"broken\": ");
}

static void
tmp_clear (Tmp *tmp)
{
  g_clear_object (&tmp->workspace);
  g_clear_object (&tmp->backup);
  keel_test_rm_rf (tmp->path);
  g_free (tmp->path);
  g_free (tmp->file);
}

/* keel.json is as it was, and the folder holds nothing new but @allowed */
static void
assert_untouched (Tmp        *tmp,
                  const char *allowed_prefix)
{
  g_autofree char *text = keel_test_read (tmp->file, NULL);
  g_autoptr(GDir) dir = g_dir_open (tmp->path, 0, NULL);
  const char *name;

  g_assert_cmpstr (text, ==, "{ \"broken\": ");

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (name, "keel.json") || g_str_equal (name, "backups"))
        continue;
      if (allowed_prefix != NULL && g_str_has_prefix (name, allowed_prefix))
        continue;
      g_error ("left behind after a failed restore: %s", name);
    }
}

static void
test_not_local (void)
{
  Tmp tmp;
  g_autoptr(GFile) remote = g_file_new_for_uri ("resource:///org/example/keel-000001.json");
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GError) error = NULL;

  tmp_init (&tmp);

  g_assert_false (keel_workspace_restore_backup (tmp.workspace, remote, &aside, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not a local file"));
  g_assert_null (aside);
  assert_untouched (&tmp, NULL);
  g_clear_error (&error);

  /* Nor is a workspace that is not in a local folder */
  {
    g_autoptr(GFile) folder = g_file_new_for_uri ("resource:///org/example/workspace");
    g_autoptr(KeelWorkspace) elsewhere = keel_workspace_new (folder);

    g_assert_false (keel_workspace_restore_backup (elsewhere, tmp.backup, NULL, NULL, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
    assert_untouched (&tmp, NULL);
  }

  /* Whoever does not ask where the copy went still gets one */
  g_assert_true (keel_workspace_restore_backup (tmp.workspace, tmp.backup, NULL, NULL, NULL));
  g_assert_cmpuint (keel_test_count_entries (tmp.path, "keel.json.unreadable-"), ==, 1);
  {
    g_autofree char *restored = keel_test_read (tmp.file, NULL);
    g_autofree char *backup = keel_test_read (g_file_peek_path (tmp.backup), NULL);

    g_assert_cmpstr (restored, ==, backup);
  }

  tmp_clear (&tmp);
}

/* Every name the copy of keel.json could take, for the next few seconds,
 * is taken already */
static void
test_no_free_name (void)
{
  Tmp tmp;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) aside = NULL;

  tmp_init (&tmp);

  for (int s = 0; s < 5; s++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (when, "%Y%m%dT%H%M%SZ");

      for (guint i = 0; i < 100; i++)
        {
          g_autofree char *name = i == 0
            ? g_strdup_printf ("keel.json.unreadable-%s", stamp)
            : g_strdup_printf ("keel.json.unreadable-%s-%u", stamp, i);
          g_autofree char *path = g_build_filename (tmp.path, name, NULL);

          keel_test_write (path, "taken");
        }
    }

  g_assert_false (keel_workspace_restore_backup (tmp.workspace, tmp.backup, &aside, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "no free name"));
  g_assert_null (aside);
  /* The copies that were there are not overwritten */
  assert_untouched (&tmp, "keel.json.unreadable-");
  {
    g_autoptr(GDir) dir = g_dir_open (tmp.path, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "keel.json.unreadable-"))
        {
          g_autofree char *path = g_build_filename (tmp.path, name, NULL);
          g_autofree char *text = keel_test_read (path, NULL);

          g_assert_cmpstr (text, ==, "taken");
        }
  }

  tmp_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Injected faults                                                          */
/* ------------------------------------------------------------------------ */

typedef struct
{
  KeelIoOp op;
  guint    nth;     /* fail the nth call of @op, from 1 */
  guint    seen;
  int      code;
} Fault;

static int
fault_hook (KeelIoOp    op,
            const char *path,
            gpointer    user_data)
{
  Fault *fault = user_data;

  if (op != fault->op || ++fault->seen != fault->nth)
    return 0;

  return fault->code;
}

static void
test_fault (gconstpointer data)
{
  const Fault *spec = data;
  Fault fault = *spec;
  Tmp tmp;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) aside = NULL;
  gboolean ok;

  tmp_init (&tmp);

  _keel_io_set_fault_hook (fault_hook, &fault);
  ok = keel_workspace_restore_backup (tmp.workspace, tmp.backup, &aside, NULL, &error);
  _keel_io_set_fault_hook (NULL, NULL);

  g_assert_cmpuint (fault.seen, >=, fault.nth);
  g_assert_false (ok);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, g_strerror (fault.code)));
  g_assert_null (aside);

  /* A copy kept aside before the failure is whole; nothing else is left */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp.path, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "keel.json.unreadable-"))
        {
          g_autofree char *path = g_build_filename (tmp.path, name, NULL);
          g_autofree char *text = keel_test_read (path, NULL);

          g_assert_cmpstr (text, ==, "{ \"broken\": ");
        }
  }
  assert_untouched (&tmp, "keel.json.unreadable-");

  tmp_clear (&tmp);
}

static const Fault faults[] = {
  { KEEL_IO_OPEN, 1, 0, EACCES },    /* the copy of keel.json */
  { KEEL_IO_LINK, 1, 0, EIO },       /* its name */
  { KEEL_IO_OPEN, 2, 0, ENOSPC },    /* the new keel.json */
  { KEEL_IO_WRITE, 2, 0, ENOSPC },
  { KEEL_IO_RENAME, 1, 0, EIO },     /* into place */
};

/* ------------------------------------------------------------------------ */
/* Asynchronous                                                             */
/* ------------------------------------------------------------------------ */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  GFile    *aside;
} AsyncResult;

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = keel_workspace_restore_backup_finish (KEEL_WORKSPACE (object), result,
                                                &r->aside, &r->error);
  r->done = TRUE;
}

static void
test_async (void)
{
  Tmp tmp;
  AsyncResult r = { 0, };
  g_autoptr(GFile) missing = NULL;
  g_autofree char *missing_path = NULL;
  g_autofree char *aside_text = NULL;
  g_autoptr(KeelWorkspace) reloaded = NULL;
  g_autoptr(GFile) folder = NULL;

  tmp_init (&tmp);

  /* A backup that went missing: an error, nothing touched */
  missing_path = g_build_filename (tmp.path, "backups", "keel-000042.json", NULL);
  missing = g_file_new_for_path (missing_path);
  keel_workspace_restore_backup_async (tmp.workspace, missing, NULL, restore_cb, &r);
  g_assert_true (keel_test_wait_for (&r.done, 5000));
  g_assert_false (r.ok);
  g_assert_error (r.error, KEEL_ERROR, KEEL_ERROR_FAILED);
  g_assert_null (r.aside);
  assert_untouched (&tmp, NULL);
  g_clear_error (&r.error);

  /* The real one: keel.json kept aside, the backup in its place */
  r.done = FALSE;
  keel_workspace_restore_backup_async (tmp.workspace, tmp.backup, NULL, restore_cb, &r);
  g_assert_true (keel_test_wait_for (&r.done, 5000));
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_nonnull (r.aside);
  aside_text = keel_test_read (g_file_peek_path (r.aside), NULL);
  g_assert_cmpstr (aside_text, ==, "{ \"broken\": ");

  folder = g_file_new_for_path (tmp.path);
  reloaded = keel_workspace_new (folder);
  g_assert_true (keel_workspace_load (reloaded, NULL, NULL));
  g_assert_cmpstr (keel_record_get_string (keel_workspace_lookup (reloaded, "PER-1"), "name"),
                   ==, "First");

  g_clear_object (&r.aside);
  tmp_clear (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/restore/not-local", test_not_local);
  g_test_add_func ("/keel/restore/no-free-name", test_no_free_name);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keel/restore/fault/%s-%u",
                                               keel_io_op_name (faults[i].op), faults[i].nth);

      g_test_add_data_func (path, &faults[i], test_fault);
    }
  g_test_add_func ("/keel/restore/async", test_async);

  return g_test_run ();
}
