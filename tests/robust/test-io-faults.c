/* test-io-faults.c
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
#include "keel-evidence-store.h"
#include "keel-io.h"
#include "keel-records.h"
#include "keel-restore.h"
#include "keel-test-util.h"
#include "keel-workspace.h"

/* I/O errors injected in the manner of SQLite's tests: each step that
 * changes the disk (create, write, fsync, rename, link, unlink, mkdir) is
 * made to fail in turn, the 1st call, then the 2nd, and so on until the
 * operation runs out of calls to fail, with ENOSPC, with EIO, with EXDEV
 * (where an atomic exchange is not possible: the fallback is taken) and as
 * a short write. After each failure: the error was reported, and nothing
 * was lost — keel.json and every backup are byte for byte what they were,
 * or the new state is complete. */

typedef struct
{
  guint call;
  guint fail_at;
  int   code;
  guint fired;
  char *where;
} Fault;

static Fault fault;

static int
fault_hook (KeelIoOp    op,
            const char *path,
            gpointer    user_data)
{
  /* A short write only means something to a write */
  if (fault.code == KEEL_IO_SHORT_WRITE && op != KEEL_IO_WRITE)
    return 0;

  if (++fault.call != fault.fail_at)
    return 0;

  fault.fired++;
  g_free (fault.where);
  fault.where = g_strdup_printf ("%s %s", keel_io_op_name (op), path);

  return fault.code;
}

static void
arm (guint fail_at,
     int   code)
{
  fault.call = 0;
  fault.fail_at = fail_at;
  fault.code = code;
  fault.fired = 0;
  _keel_io_set_fault_hook (fault_hook, NULL);
}

static void
disarm (void)
{
  _keel_io_set_fault_hook (NULL, NULL);
}

/* Failed saves warn; those warnings are expected here */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 &&
        g_strcmp0 (fields[i].value, "keel-workspace") == 0 &&
        (log_level & G_LOG_LEVEL_WARNING) != 0)
      return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */
/* ------------------------------------------------------------------------ */

static char *
read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;

  return text;
}

/* Every regular file under @folder, by relative path, with its bytes */
static void
snapshot_into (GHashTable *table,
               const char *root,
               const char *relative)
{
  g_autofree char *path = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *rel = relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, rel, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        snapshot_into (table, root, rel);
      else
        g_hash_table_insert (table, g_steal_pointer (&rel), read_text (full));
    }
}

static GHashTable *
snapshot (const char *root)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  snapshot_into (table, root, NULL);

  return table;
}

/* Every file of @before is in @after with the same bytes; keel.json may
 * instead hold @new_text */
static void
assert_nothing_lost (GHashTable *before,
                     GHashTable *after,
                     const char *new_text,
                     gboolean    saved)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *now = g_hash_table_lookup (after, key);

      if (g_str_equal (key, "keel.json") && new_text != NULL && g_strcmp0 (now, new_text) == 0)
        continue;
      /* After a save that succeeded the oldest backups may go */
      if (saved && now == NULL && g_str_has_prefix (key, "backups/"))
        continue;
      if (g_strcmp0 (now, value) != 0)
        g_error ("after a failed %s: %s changed or went missing", fault.where, (char *) key);
    }
}

/* The previous keel.json is among the backups */
static gboolean
has_backup_of (GHashTable *after,
               const char *text)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "backups/") && g_strcmp0 (value, text) == 0)
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Scenarios                                                                */
/* ------------------------------------------------------------------------ */

typedef enum
{
  SAVE_FIRST,      /* into a folder that does not exist yet */
  SAVE_SECOND,     /* the first backup: backups/ is created */
  SAVE_ROTATING,   /* a full set of backups: the oldest goes */
  RESTORE,
  IMPORT,
} Scenario;

static const char * const scenario_names[] = {
  "first save", "second save", "rotating save", "restore", "evidence import",
};

static KeelWorkspace *
prepare (Scenario    scenario,
         const char *root)
{
  g_autofree char *path = g_build_filename (root, "ws", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  KeelWorkspace *workspace = keel_workspace_new (folder);
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  guint saves = 0;

  keel_record_set_string (person, "name", "Save 0");
  keel_workspace_add (workspace, person);

  if (scenario == SAVE_SECOND || scenario == RESTORE || scenario == IMPORT)
    saves = 1;
  else if (scenario == SAVE_ROTATING)
    saves = KEEL_WORKSPACE_BACKUPS + 2;
  if (scenario == RESTORE)
    saves = 2;

  for (guint i = 0; i < saves; i++)
    {
      g_autofree char *name = g_strdup_printf ("Save %u", i);

      keel_record_set_string (person, "name", name);
      g_assert_true (keel_workspace_save (workspace, NULL, NULL));
    }

  if (scenario == RESTORE)
    {
      g_autofree char *file = g_build_filename (path, "keel.json", NULL);
      g_assert_true (g_file_set_contents (file, "{ broken", -1, NULL));
    }

  keel_record_set_string (person, "name", "The new state");

  return workspace;
}

/* Runs the operation; returns whether it said it succeeded */
static gboolean
run (Scenario        scenario,
     KeelWorkspace  *workspace,
     GError        **error)
{
  switch (scenario)
    {
    case SAVE_FIRST:
    case SAVE_SECOND:
    case SAVE_ROTATING:
      return keel_workspace_save (workspace, NULL, error);

    case RESTORE:
      {
        g_autoptr(GPtrArray) backups = keel_workspace_list_backups (workspace);

        g_assert_cmpuint (backups->len, >, 0);
        return keel_workspace_restore_backup (workspace, backups->pdata[0], NULL, NULL, error);
      }

    case IMPORT:
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static ("evidence bytes", 14);
        g_autoptr(KeelRecord) file = NULL;

        file = keel_workspace_import_evidence (workspace, "a.pdf", bytes, NULL, error);
        return file != NULL;
      }

    default:
      g_assert_not_reached ();
    }
}

/* What the operation gives when it succeeds: the bytes of keel.json (or
 * of the evidence file) it must have written */
static void
check_outcome (Scenario       scenario,
               KeelWorkspace *workspace,
               const char    *folder,
               GHashTable    *before,
               GHashTable    *after,
               gboolean       ok,
               const GError  *error,
               const char    *new_text)
{
  const char *now = g_hash_table_lookup (after, "keel.json");

  if (!ok && error == NULL)
    g_error ("a failed %s in the %s was not reported", fault.where, scenario_names[scenario]);

  switch (scenario)
    {
    case SAVE_FIRST:
    case SAVE_SECOND:
    case SAVE_ROTATING:
      assert_nothing_lost (before, after, new_text, ok);
      if (ok)
        {
          GHashTableIter iter;
          guint n_before = 0, n_after = 0;
          gpointer key;

          g_hash_table_iter_init (&iter, before);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            n_before += g_str_has_prefix (key, "backups/");
          g_hash_table_iter_init (&iter, after);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            n_after += g_str_has_prefix (key, "backups/");
          /* One more, or as many as are kept; a removal that failed is
           * tried again after the next save */
          if (g_hash_table_contains (before, "keel.json"))
            n_before++;
          g_assert_cmpuint (n_after, >=, MIN (n_before, KEEL_WORKSPACE_BACKUPS));
          g_assert_cmpuint (n_after, <=, n_before);

          g_assert_cmpstr (now, ==, new_text);
          if (g_hash_table_contains (before, "keel.json"))
            g_assert_true (has_backup_of (after, g_hash_table_lookup (before, "keel.json")));
        }
      break;

    case RESTORE:
      {
        GHashTableIter iter;
        gpointer key, value;
        gboolean aside = FALSE;

        /* The backups are never touched */
        g_hash_table_iter_init (&iter, before);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (g_str_has_prefix (key, "backups/"))
            g_assert_cmpstr (g_hash_table_lookup (after, key), ==, value);

        /* The unreadable file is in keel.json, or kept aside */
        g_hash_table_iter_init (&iter, after);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (g_str_has_prefix (key, "keel.json.unreadable-") && g_strcmp0 (value, "{ broken") == 0)
            aside = TRUE;
        if (ok)
          g_assert_true (aside);
        if (g_strcmp0 (now, "{ broken") != 0)
          g_assert_true (aside);
      }
      break;

    case IMPORT:
      {
        GHashTableIter iter;
        gpointer key, value;
        guint found = 0;

        assert_nothing_lost (before, after, NULL, FALSE);
        g_hash_table_iter_init (&iter, after);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (g_str_has_prefix (key, "evidence/") && !g_hash_table_contains (before, key))
            {
              /* Never a part of the file under its final name */
              if (g_str_has_suffix (key, ".pdf"))
                {
                  g_assert_cmpstr (value, ==, "evidence bytes");
                  found++;
                }
            }
        if (ok)
          g_assert_cmpuint (found, ==, 1);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_scenario (gconstpointer data)
{
  Scenario scenario = GPOINTER_TO_UINT (data);
  const int codes[] = { ENOSPC, EIO, EXDEV, KEEL_IO_SHORT_WRITE };
  guint failures = 0;

  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    {
      for (guint n = 1; ; n++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(KeelWorkspace) workspace = NULL;
          g_autoptr(KeelWorkspace) reopened = NULL;
          g_autoptr(GHashTable) before = NULL;
          g_autoptr(GHashTable) after = NULL;
          g_autoptr(GBytes) new_bytes = NULL;
          g_autofree char *root = g_dir_make_tmp ("keel-faults-XXXXXX", NULL);
          g_autofree char *folder = g_build_filename (root, "ws", NULL);
          g_autofree char *new_text = NULL;
          gboolean ok;

          workspace = prepare (scenario, root);
          before = snapshot (folder);
          new_bytes = keel_workspace_serialize (workspace);
          new_text = g_strndup (g_bytes_get_data (new_bytes, NULL), g_bytes_get_size (new_bytes));

          arm (n, codes[c]);
          ok = run (scenario, workspace, &error);
          disarm ();

          after = snapshot (folder);
          if (fault.fired > 0)
            {
              failures++;
              g_test_message ("%s: call %u (%s) fails with %s: %s", scenario_names[scenario], n,
                              fault.where,
                              codes[c] == KEEL_IO_SHORT_WRITE ? "a short write" : g_strerror (codes[c]),
                              ok ? "succeeded" : error->message);
            }

          /* A short write is no error: the writer goes on */
          if (codes[c] == KEEL_IO_SHORT_WRITE)
            g_assert_true (ok);

          check_outcome (scenario, workspace, folder, before, after, ok, error, new_text);

          /* Opening again leaves none of Keel's temporary files */
          if (scenario != IMPORT && g_hash_table_contains (after, "keel.json") &&
              g_strcmp0 (g_hash_table_lookup (after, "keel.json"), "{ broken") != 0)
            {
              g_autoptr(GFile) f = g_file_new_for_path (folder);
              g_autoptr(GHashTable) reread = NULL;
              GHashTableIter iter;
              gpointer key;

              reopened = keel_workspace_new (f);
              g_assert_true (keel_workspace_load (reopened, NULL, NULL));
              reread = snapshot (folder);
              g_hash_table_iter_init (&iter, reread);
              while (g_hash_table_iter_next (&iter, &key, NULL))
                g_assert_false (g_str_has_prefix (key, "keel.json.") &&
                                strlen (key) == strlen ("keel.json.") + 6);
            }

          g_clear_object (&workspace);
          g_clear_object (&reopened);
          keel_test_rm_rf (root);

          if (fault.fired == 0)
            break;
        }
    }

  /* The loop reached every call: at least one failed */
  g_assert_cmpuint (failures, >, 0);
  g_test_message ("%s: %u injected failures", scenario_names[scenario], failures);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  for (guint s = SAVE_FIRST; s <= IMPORT; s++)
    {
      g_autofree char *path = g_strdup_printf ("/keel/io-faults/%s", scenario_names[s]);

      g_strdelimit (path, " ", '-');
      g_test_add_data_func (path, GUINT_TO_POINTER (s), test_scenario);
    }

  return g_test_run ();
}
