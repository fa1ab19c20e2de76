/* keel-test-util.c
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

#include "keel-date.h"
#include "keel-test-util.h"

/* ------------------------------------------------------------------------ */
/* Expected log messages                                                    */
/* ------------------------------------------------------------------------ */

typedef struct
{
  char           *domain;
  GLogLevelFlags  level;
  char           *pattern;
} Expected;

static GQueue expected = G_QUEUE_INIT;
static GMutex expected_lock;

static void
expected_free (Expected *e)
{
  g_free (e->domain);
  g_free (e->pattern);
  g_free (e);
}

static const char *
field_value (const GLogField *fields,
             gsize            n_fields,
             const char      *key)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, key) == 0 && fields[i].length < 0)
      return fields[i].value;

  return NULL;
}

static GLogWriterOutput
test_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  const char *domain = field_value (fields, n_fields, "GLIB_DOMAIN");
  const char *message = field_value (fields, n_fields, "MESSAGE");
  Expected *e;
  gboolean swallowed = FALSE;

  g_mutex_lock (&expected_lock);
  e = g_queue_peek_head (&expected);
  if (e != NULL &&
      g_strcmp0 (e->domain, domain) == 0 &&
      (log_level & e->level) != 0 &&
      message != NULL &&
      g_pattern_match_simple (e->pattern, message))
    {
      expected_free (g_queue_pop_head (&expected));
      swallowed = TRUE;
    }
  g_mutex_unlock (&expected_lock);

  if (swallowed)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
keel_test_expect_log (const char     *domain,
                      GLogLevelFlags  level,
                      const char     *pattern)
{
  Expected *e = g_new0 (Expected, 1);

  e->domain = g_strdup (domain);
  e->level = level;
  e->pattern = g_strdup (pattern);

  g_mutex_lock (&expected_lock);
  g_queue_push_tail (&expected, e);
  g_mutex_unlock (&expected_lock);
}

void
keel_test_assert_expected_logs (void)
{
  Expected *e;

  g_mutex_lock (&expected_lock);
  e = g_queue_peek_head (&expected);
  if (e != NULL)
    {
      g_autofree char *text = g_strdup_printf ("did not see the expected log message %s: %s",
                                               e->domain, e->pattern);
      g_mutex_unlock (&expected_lock);
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, text);
      return;
    }
  g_mutex_unlock (&expected_lock);
}

void
keel_test_init (int    *argc,
                char ***argv)
{
  g_autoptr(GDateTime) today = NULL;

  g_log_set_writer_func (test_log_writer, NULL, NULL);
  g_test_init (argc, argv, NULL);

  today = keel_date_new (KEEL_TEST_TODAY_Y, KEEL_TEST_TODAY_M, KEEL_TEST_TODAY_D);
  keel_date_set_today (today);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */
/* ------------------------------------------------------------------------ */

char *
keel_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("keel-core-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

/* A new temporary workspace folder, with the path of its keel.json */
void
keel_test_folder_init (KeelTestFolder *tmp)
{
  tmp->path = keel_test_make_tmpdir ();
  tmp->folder = g_file_new_for_path (tmp->path);
  tmp->file = g_build_filename (tmp->path, "keel.json", NULL);
}

void
keel_test_folder_clear (KeelTestFolder *tmp)
{
  keel_test_rm_rf (tmp->path);
  g_clear_pointer (&tmp->path, g_free);
  g_clear_object (&tmp->folder);
  g_clear_pointer (&tmp->file, g_free);
}

void
keel_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (path == NULL || g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      GDir *dir;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          keel_test_rm_rf (child);
        }
      g_clear_pointer (&dir, g_dir_close);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
keel_test_read (const char *path,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

void
keel_test_write (const char *path,
                 const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

char *
keel_test_sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

gint64
keel_test_mtime (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return -1;

  return (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

guint
keel_test_count_entries (const char *folder,
                         const char *prefix)
{
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (prefix == NULL || g_str_has_prefix (name, prefix))
      n++;
  g_dir_close (dir);

  return n;
}

/* ------------------------------------------------------------------------ */
/* Main loop                                                                */
/* ------------------------------------------------------------------------ */

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until *flag is set or the time is up. */
gboolean
keel_test_wait_for (gboolean *flag,
                    guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);

  return *flag;
}

/* ------------------------------------------------------------------------ */
/* A record with every field set                                            */
/* ------------------------------------------------------------------------ */

static const double numbers[] = { 0.1, -0.5, 12, 3.14159, 1e300, 2.5e-7, 1234567.875 };

static const char *
ref_for (const char *detail,
         guint       variant)
{
  if (g_strcmp0 (detail, "person") == 0)
    return variant ? "PER-2" : "PER-1";
  if (g_strcmp0 (detail, "evidence") == 0)
    return variant ? "EVD-2" : "EVD-1";
  if (g_strcmp0 (detail, "action") == 0)
    return variant ? "ACT-2" : "ACT-1";

  /* A reference to any kind */
  return variant ? "MR-2026-01" : "NC-1";
}

/**
 * keel_test_fill_record:
 * @variant: 0 or 1, to vary values between two records of a kind
 *
 * Sets every field of @record, parts included (two of each list), with
 * references that resolve in keel_test_new_full_workspace().
 */
void
keel_test_fill_record (KeelRecord *record,
                       guint       variant)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];

      switch (field->type)
        {
        case KEEL_FIELD_STRING:
          {
            g_autofree char *text =
              g_strdup_printf ("%s %s %u: “quoted” \"plain\" back\\slash\ttab\nsecond line é ✓",
                               klass->kind, field->key, variant);
            keel_record_set_string (record, field->key, text);
          }
          break;

        case KEEL_FIELD_ENUM:
          {
            guint n = keel_field_get_n_choices (field);

            keel_record_set_string (record, field->key, field->choices[(i + variant) % n].value);
          }
          break;

        case KEEL_FIELD_REF:
          keel_record_set_string (record, field->key, ref_for (field->ref_kind, variant));
          break;

        case KEEL_FIELD_REF_LIST:
          {
            const char *ids[] = { ref_for (field->ref_kind, 0), ref_for (field->ref_kind, 1), NULL };

            if (field->ref_kind == NULL)
              ids[1] = "OBJ-2";
            keel_record_set_strv (record, field->key, ids);
          }
          break;

        case KEEL_FIELD_STRV:
          {
            const char *clauses[] = { "5.1d", "9.3", NULL };
            const char *recipients[] = { "auditor@example.org", "Chief Executive <ceo@example.org>", NULL };

            keel_record_set_strv (record, field->key,
                                  strcmp (field->key, "recipients") == 0 ? recipients : clauses);
          }
          break;

        case KEEL_FIELD_BOOLEAN:
          keel_record_set_boolean (record, field->key, TRUE);
          break;

        case KEEL_FIELD_INT:
          keel_record_set_int (record, field->key, 1 + i + 10 * variant);
          break;

        case KEEL_FIELD_DOUBLE:
          keel_record_set_double (record, field->key,
                                  numbers[(i + 3 * variant) % G_N_ELEMENTS (numbers)]);
          break;

        case KEEL_FIELD_DATE:
          {
            g_autoptr(GDateTime) date = keel_date_new (2026, 1 + (i + variant) % 12,
                                                       1 + (3 * i + variant) % 28);
            keel_record_set_date (record, field->key, date);
          }
          break;

        case KEEL_FIELD_DATETIME:
          {
            g_autoptr(GTimeZone) tz = g_time_zone_new_offset (2 * 3600);
            g_autoptr(GDateTime) when = g_date_time_new (tz, 2026, 5 + variant, 4, 10, 30, 0);
            keel_record_set_date (record, field->key, when);
          }
          break;

        case KEEL_FIELD_CHILD:
          {
            g_autoptr(KeelRecord) child = g_object_new (field->child_type (), NULL);

            keel_test_fill_record (child, variant);
            keel_record_set_child (record, field->key, child);
          }
          break;

        case KEEL_FIELD_CHILDREN:
          {
            GListStore *store = keel_record_get_children (record, field->key);

            for (guint j = 0; j < 2; j++)
              {
                g_autoptr(KeelRecord) child = g_object_new (field->child_type (), NULL);

                keel_test_fill_record (child, (variant + j) % 2);
                g_list_store_append (store, child);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* An evidence file that exists in the workspace, as Keel stores them */
static void
attach_evidence_file (KeelRecord *evidence,
                      GFile      *folder,
                      guint       variant)
{
  KeelRecord *file = keel_record_get_child (evidence, "file");
  g_autofree char *contents = g_strdup_printf ("Evidence number %u\n", variant + 1);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autofree char *name = g_strdup_printf ("%s.pdf", sha);
  g_autofree char *fan = g_strndup (sha, 2);
  g_autofree char *relative = g_build_filename ("evidence", fan, name, NULL);
  g_autofree char *full = g_build_filename (g_file_peek_path (folder), relative, NULL);
  g_autofree char *dir = g_path_get_dirname (full);

  g_assert_nonnull (file);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  keel_test_write (full, contents);

  keel_record_set_string (file, "name", variant ? "Access review Q1.pdf" : "Policy sign-off.pdf");
  keel_record_set_string (file, "sha256", sha);
  keel_record_set_int (file, "size", (gint64) strlen (contents));
  keel_record_set_string (file, "media_type", "application/pdf");
  keel_record_set_string (file, "path", relative);
}

/**
 * keel_test_new_full_workspace:
 *
 * Returns: (transfer full): a workspace in @folder (not yet saved) with the
 *   organisation and two records of every kind, every field set, every
 *   reference resolving and the evidence files in place.
 */
KeelWorkspace *
keel_test_new_full_workspace (GFile *folder)
{
  KeelWorkspace *workspace = keel_workspace_new (folder);
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  keel_test_fill_record (KEEL_RECORD (keel_workspace_get_organisation (workspace)), 0);

  for (guint k = 0; k < n_kinds; k++)
    for (guint variant = 0; variant < 2; variant++)
      {
        g_autoptr(KeelRecord) record = g_object_new (kinds[k], NULL);

        keel_test_fill_record (record, variant);
        if (KEEL_IS_EVIDENCE (record))
          attach_evidence_file (record, folder, variant);
        keel_workspace_add (workspace, record);
      }

  return workspace;
}
