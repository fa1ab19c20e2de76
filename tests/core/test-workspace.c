/* test-workspace.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-workspace"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-json.h"
#include "keel-test-util.h"
#include "keel-workspace-private.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  char  *path;   /* the workspace folder, inside a temporary folder */
  char  *root;   /* the temporary folder */
  char  *file;   /* keel.json */
  GFile *folder;
} Tmp;

static void
tmp_init (Tmp *tmp)
{
  tmp->root = keel_test_make_tmpdir ();
  tmp->path = g_build_filename (tmp->root, "workspace", NULL);
  g_assert_cmpint (g_mkdir (tmp->path, 0755), ==, 0);
  tmp->file = g_build_filename (tmp->path, "keel.json", NULL);
  tmp->folder = g_file_new_for_path (tmp->path);
}

static void
tmp_clear (Tmp *tmp)
{
  keel_test_rm_rf (tmp->root);
  g_clear_pointer (&tmp->root, g_free);
  g_clear_pointer (&tmp->path, g_free);
  g_clear_pointer (&tmp->file, g_free);
  g_clear_object (&tmp->folder);
}

typedef struct
{
  guint   saved;
  guint   save_failed;
  guint   reloaded;
  guint   reload_failed;
  guint   conflict;
  gboolean saved_flag;
  gboolean failed_flag;
  gboolean reloaded_flag;
  gboolean conflict_flag;
  gint64  saved_at;
  char   *message;
  char   *conflict_path;
} Events;

static void
events_clear (Events *events)
{
  g_clear_pointer (&events->message, g_free);
  g_clear_pointer (&events->conflict_path, g_free);
}

static void
saved_cb (KeelWorkspace *workspace,
          Events        *events)
{
  events->saved++;
  events->saved_flag = TRUE;
  events->saved_at = g_get_monotonic_time ();
}

static void
save_failed_cb (KeelWorkspace *workspace,
                GError        *error,
                Events        *events)
{
  events->save_failed++;
  events->failed_flag = TRUE;
  g_free (events->message);
  events->message = g_strdup (error->message);
}

static void
reloaded_cb (KeelWorkspace *workspace,
             Events        *events)
{
  events->reloaded++;
  events->reloaded_flag = TRUE;
}

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
  events->conflict_flag = TRUE;
  g_free (events->conflict_path);
  events->conflict_path = g_strdup (path);
  g_free (events->message);
  events->message = g_strdup (error->message);
}

static void
connect_events (KeelWorkspace *workspace,
                Events        *events)
{
  g_signal_connect (workspace, "saved", G_CALLBACK (saved_cb), events);
  g_signal_connect (workspace, "save-failed", G_CALLBACK (save_failed_cb), events);
  g_signal_connect (workspace, "reloaded", G_CALLBACK (reloaded_cb), events);
  g_signal_connect (workspace, "reload-failed", G_CALLBACK (reload_failed_cb), events);
  g_signal_connect (workspace, "conflict", G_CALLBACK (conflict_cb), events);
}

static void
assert_message (const GError *error,
                const char   *part)
{
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” is not in the message “%s”", part, error->message);
}

static char *
bytes_text (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
serialize_text (KeelWorkspace *workspace)
{
  g_autoptr(GBytes) bytes = keel_workspace_serialize (workspace);

  return bytes_text (bytes);
}

/* A saved workspace with the organisation and one person, PER-1 */
static KeelWorkspace *
new_small_workspace (Tmp        *tmp,
                     const char *name)
{
  KeelWorkspace *workspace = keel_workspace_new (tmp->folder);
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(GError) error = NULL;

  keel_record_set_string (KEEL_RECORD (keel_workspace_get_organisation (workspace)),
                          "name", "Example Ltd");
  keel_record_set_string (person, "name", name);
  keel_workspace_add (workspace, person);
  g_assert_cmpstr (keel_record_get_id (person), ==, "PER-1");
  keel_workspace_save (workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (keel_workspace_get_dirty (workspace));

  return workspace;
}

static const char *
person_name (KeelWorkspace *workspace,
             const char    *id)
{
  KeelRecord *person = keel_workspace_lookup (workspace, id);

  return person ? keel_record_get_string (person, "name") : NULL;
}

/* No temporary or probe files left beside keel.json */
static void
assert_no_leftovers (const char *folder)
{
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "keel.json") && !g_str_equal (name, "backups") &&
        !g_str_equal (name, "evidence") && !g_str_has_prefix (name, "keel.conflict-"))
      g_error ("%s left in the workspace folder", name);
  g_dir_close (dir);
}

/* ------------------------------------------------------------------------ */
/* Round trip                                                               */
/* ------------------------------------------------------------------------ */

static void
assert_every_field_set (KeelRecord *record)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];

      if (!keel_record_is_set (record, field->key))
        g_error ("%s %s: %s is not set", klass->kind,
                 keel_record_get_id (record) ? keel_record_get_id (record) : "",
                 field->key);

      if (field->type == KEEL_FIELD_CHILD)
        assert_every_field_set (keel_record_get_child (record, field->key));
      else if (field->type == KEEL_FIELD_CHILDREN)
        {
          GListModel *model = G_LIST_MODEL (keel_record_get_children (record, field->key));

          for (guint j = 0; j < g_list_model_get_n_items (model); j++)
            {
              g_autoptr(KeelRecord) child = g_list_model_get_item (model, j);
              assert_every_field_set (child);
            }
        }
    }
}

static void
test_round_trip (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) loaded = NULL;
  g_autoptr(KeelWorkspace) from_bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file_bytes = NULL;
  g_autofree char *file_text = NULL;
  g_autofree char *serialized = NULL;
  g_autofree char *loaded_text = NULL;
  g_autofree char *second = NULL;
  g_autofree char *bytes_again = NULL;
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);
  gsize length = 0;

  tmp_init (&tmp);

  workspace = keel_test_new_full_workspace (tmp.folder);
  g_assert_true (keel_workspace_get_dirty (workspace));

  /* Everything set and every reference resolving: nothing to report */
  problems = keel_workspace_check (workspace);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", ((KeelProblem *) problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 0);

  keel_workspace_save (workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (keel_workspace_get_dirty (workspace));

  file_text = keel_test_read (tmp.file, &length);
  serialized = serialize_text (workspace);
  g_assert_cmpstr (serialized, ==, file_text);
  g_assert_true (g_str_has_prefix (file_text,
                                   "{\n  \"format\": \"keel-workspace\",\n  \"version\": 1,\n"
                                   "  \"organisation\": {\n"));

  /* Loaded into another workspace, it writes the same bytes */
  loaded = keel_workspace_new (tmp.folder);
  keel_workspace_load (loaded, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (keel_workspace_get_dirty (loaded));
  loaded_text = serialize_text (loaded);
  g_assert_cmpstr (loaded_text, ==, file_text);

  /* and every field of every kind came back */
  assert_every_field_set (KEEL_RECORD (keel_workspace_get_organisation (loaded)));
  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = keel_workspace_get_records (loaded, kinds[k]);

      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);

          assert_every_field_set (record);
          g_assert_true (keel_workspace_lookup (loaded, keel_record_get_id (record)) == record);
        }
    }
  g_assert_nonnull (keel_workspace_lookup (loaded, "MR-2026-01"));
  g_assert_nonnull (keel_workspace_lookup (loaded, "MR-2026-02"));
  g_assert_nonnull (keel_workspace_lookup (loaded, "RACI-2"));

  /* Saving again, unchanged, gives the same bytes and no backup */
  keel_workspace_save (loaded, NULL, &error);
  g_assert_no_error (error);
  keel_workspace_save (workspace, NULL, &error);
  g_assert_no_error (error);
  second = keel_test_read (tmp.file, NULL);
  g_assert_cmpstr (second, ==, file_text);
  g_assert_cmpuint (keel_test_count_entries (tmp.path, "backups"), ==, 0);

  /* The same from memory */
  file_bytes = g_bytes_new (file_text, length);
  from_bytes = keel_workspace_new (tmp.folder);
  keel_workspace_load_bytes (from_bytes, file_bytes, &error);
  g_assert_no_error (error);
  bytes_again = serialize_text (from_bytes);
  g_assert_cmpstr (bytes_again, ==, file_text);

  assert_no_leftovers (tmp.path);
  tmp_clear (&tmp);
}

static void
test_unknown_fields (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) loaded = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) with_unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = NULL;
  g_autofree char *original = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *old_title = NULL;
  JsonObject *top;
  JsonObject *person;
  JsonObject *reading;
  JsonObject *vendor;

  tmp_init (&tmp);

  workspace = keel_test_new_full_workspace (tmp.folder);
  original = serialize_text (workspace);

  /* Add members a newer Keel (or another tool) wrote: at the top, in a
   * record and in a part */
  root = keel_json_parse ("keel.json", original, strlen (original), &error);
  g_assert_no_error (error);
  top = json_node_get_object (root);
  vendor = json_object_new ();
  json_object_set_string_member (vendor, "tool", "spreadsheet sync");
  json_object_set_array_member (vendor, "seen", json_array_new ());
  json_object_set_object_member (top, "x_vendor", vendor);
  json_object_set_int_member (top, "x_revision", 41);
  person = json_array_get_object_element (json_object_get_array_member (top, "people"), 0);
  json_object_set_string_member (person, "x_badge", "blue");
  json_object_set_null_member (person, "x_nothing");
  reading = json_array_get_object_element (
    json_object_get_array_member (
      json_array_get_object_element (json_object_get_array_member (top, "objectives"), 1),
      "readings"),
    0);
  json_object_set_double_member (reading, "x_confidence", 0.25);
  with_unknown = keel_json_to_bytes (root);
  text = bytes_text (with_unknown);
  g_assert_true (g_file_set_contents (tmp.file, text, -1, NULL));

  /* Loaded and saved, the file is byte for byte what it was */
  loaded = keel_workspace_new (tmp.folder);
  keel_workspace_load (loaded, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_free);
  saved = serialize_text (loaded);
  g_assert_cmpstr (saved, ==, text);

  /* An edit elsewhere changes that one line only */
  old_title = g_strdup (keel_record_get_string (keel_workspace_lookup (loaded, "OBJ-1"), "title"));
  keel_record_set_string (keel_workspace_lookup (loaded, "OBJ-1"), "title", "Edited title");
  keel_workspace_save (loaded, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_free);
  saved = keel_test_read (tmp.file, NULL);
  {
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
    g_autoptr(GBytes) old_bytes = NULL;
    g_autofree char *old_json = NULL;

    /* The old title as keel.json spells it, without the final newline */
    json_node_set_string (node, old_title);
    old_bytes = keel_json_to_bytes (node);
    old_json = g_strndup (g_bytes_get_data (old_bytes, NULL), g_bytes_get_size (old_bytes) - 1);
    expected = g_string_new (text);
    g_assert_cmpuint (g_string_replace (expected, old_json, "\"Edited title\"", 0), ==, 1);
  }
  g_assert_cmpstr (saved, ==, expected->str);

  tmp_clear (&tmp);
}

/* A hand-written file with unknown members between known ones: they are
 * kept, in their order, and follow Keel's own fields when written. */
static void
test_unknown_fields_hand_written (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  const char *text =
    "{\n"
    "  \"x_first\": 1,\n"
    "  \"format\": \"keel-workspace\",\n"
    "  \"x_between\": {\"kept\": [\"as\", \"it\", \"was\"]},\n"
    "  \"version\": 1,\n"
    "  \"people\": [\n"
    "    {\"x_before_id\": true, \"id\": \"PER-1\", \"x_mid\": \"m\", \"name\": \"Ada\", \"x_last\": null}\n"
    "  ]\n"
    "}\n";
  const char *expected =
    "{\n"
    "  \"format\": \"keel-workspace\",\n"
    "  \"version\": 1,\n"
    "  \"organisation\": {},\n"
    "  \"people\": [\n"
    "    {\n"
    "      \"id\": \"PER-1\",\n"
    "      \"name\": \"Ada\",\n"
    "      \"x_before_id\": true,\n"
    "      \"x_mid\": \"m\",\n"
    "      \"x_last\": null\n"
    "    }\n"
    "  ],\n";

  tmp_init (&tmp);
  keel_test_write (tmp.file, text);

  workspace = keel_workspace_new (tmp.folder);
  keel_workspace_load (workspace, NULL, &error);
  g_assert_no_error (error);
  saved = serialize_text (workspace);
  g_assert_true (g_str_has_prefix (saved, expected));
  g_assert_true (g_str_has_suffix (saved,
                                   "  \"counters\": {\n    \"PER\": 1\n  },\n"
                                   "  \"x_first\": 1,\n"
                                   "  \"x_between\": {\n"
                                   "    \"kept\": [\n      \"as\",\n      \"it\",\n      \"was\"\n    ]\n"
                                   "  }\n"
                                   "}\n"));

  tmp_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Bad input                                                                */
/* ------------------------------------------------------------------------ */

#define HEAD "{\n  \"format\": \"keel-workspace\",\n  \"version\": 1,\n"

typedef struct
{
  const char *name;
  const char *text;
  gssize      length;  /* -1: up to the NUL */
  int         code;
  const char *parts[5];
} BadCase;

static const BadCase bad_cases[] = {
  { "malformed",
    HEAD "  \"people\": [\n    {\n      \"id\": \"PER-1\",\n      \"name\" \"Ada\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_SYNTAX, { "keel.json line 7, column ", "not valid JSON", "expected a colon" } },
  { "string-for-number",
    HEAD "  \"objectives\": [\n    {\n      \"id\": \"OBJ-1\",\n      \"title\": \"Fewer clicks\",\n"
    "      \"target\": \"high\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 8, column 17:", "OBJ-1", "“target”", "expected a number, found “high”" } },
  { "number-for-date",
    HEAD "  \"actions\": [\n    {\n      \"id\": \"ACT-1\",\n      \"due\": 20260331\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 7, column 14:", "ACT-1", "“due”", "expected a date like 2026-03-31, found a number" } },
  { "object-for-list",
    HEAD "  \"reviews\": [\n    {\n      \"id\": \"MR-2026-01\",\n      \"attendees\": {\"PER-1\": true}\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 7, column 20:", "MR-2026-01", "“attendees”", "expected a list of texts, found an object" } },
  { "object-for-part-list",
    HEAD "  \"objectives\": [\n    {\n      \"id\": \"OBJ-3\",\n      \"readings\": {\"date\": \"2026-01-31\"}\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 7, column 19:", "OBJ-3", "“readings”", "expected a list, found an object" } },
  { "object-for-collection",
    HEAD "  \"people\": {\n    \"PER-1\": {\"name\": \"Ada\"}\n  }\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json", "\"people\" must be a list of records" } },
  { "impossible-date",
    HEAD "  \"improvements\": [\n    {\n      \"id\": \"NC-1\",\n      \"date\": \"2026-02-30\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 7, column 15:", "NC-1", "“date”", "expected a date like 2026-03-31, found “2026-02-30”" } },
  { "impossible-date-in-part",
    HEAD "  \"objectives\": [\n    {\n      \"id\": \"OBJ-2\",\n"
    "      \"readings\": [{\"date\": \"2026-13-01\", \"value\": 3}]\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 7, column 29:", "OBJ-2 readings[1]", "“date”", "2026-13-01" } },
  { "date-time-without-offset",
    HEAD "  \"reviews\": [\n    {\n      \"id\": \"MR-2026-01\",\n      \"start\": \"2026-05-04T10:00:00\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 7, column 16:", "MR-2026-01", "“start”", "2026-03-31T10:00:00+02:00" } },
  { "enum",
    HEAD "  \"objectives\": [\n    {\n      \"id\": \"OBJ-1\",\n      \"status\": \"green\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 7, column 17:", "OBJ-1", "“status”", "expected one of not-started/on-track" } },
  { "duplicate-id",
    HEAD "  \"people\": [\n    {\n      \"id\": \"PER-1\",\n      \"name\": \"Ada\"\n    },\n"
    "    {\n      \"id\": \"PER-1\",\n      \"name\": \"Grace\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_DUPLICATE_ID, { "keel.json line 10", "PER-1", "used twice", "first at line 6", "expected every id to be unique" } },
  { "duplicate-list",
    HEAD "  \"people\": [\n    {\"id\": \"PER-1\", \"name\": \"Ada\"}\n  ],\n"
    "  \"people\": [\n    {\"id\": \"PER-2\", \"name\": \"Grace\"}\n  ]\n}\n", -1,
    KEEL_ERROR_SYNTAX, { "keel.json line 7, column 3:", "“people” appears twice", "expected each name once" } },
  { "duplicate-field",
    HEAD "  \"people\": [\n    {\n      \"id\": \"PER-1\",\n      \"name\": \"Ada\",\n"
    "      \"name\": \"Grace\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_SYNTAX, { "keel.json line 8, column ", "“name” appears twice" } },
  { "lone-surrogate",
    HEAD "  \"organisation\": {\"name\": \"Caf\\udce9\"}\n}\n", -1,
    KEEL_ERROR_ENCODING, { "keel.json line 4, column 32", "\\udce9 is not a character", "expected UTF-8 text" } },
  { "not-an-id",
    HEAD "  \"people\": [\n    {\n      \"id\": \"PERSON-1\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json line 6, column 13:", "PERSON-1", "expected an id like PER-1" } },
  { "no-id",
    HEAD "  \"people\": [\n    {\n      \"name\": \"Ada\"\n    }\n  ]\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json", "people[1] has no id", "expected an id like PER-1" } },
  { "newer-version",
    "{\n  \"format\": \"keel-workspace\",\n  \"version\": 2,\n  \"people\": []\n}\n", -1,
    KEEL_ERROR_VERSION, { "keel.json", "newer Keel", "version 2", "reads version 1" } },
  { "version-text",
    "{\n  \"format\": \"keel-workspace\",\n  \"version\": \"1\"\n}\n", -1,
    KEEL_ERROR_FORMAT, { "keel.json", "expected \"version\"" } },
  { "other-format",
    "{\n  \"format\": \"spreadsheet\",\n  \"version\": 1\n}\n", -1,
    KEEL_ERROR_FORMAT, { "keel.json", "expected \"format\": \"keel-workspace\"" } },
  { "not-an-object",
    "[\n  1,\n  2\n]\n", -1,
    KEEL_ERROR_FORMAT, { "keel.json", "expected a Keel workspace" } },
  { "counters",
    HEAD "  \"counters\": {\n    \"PER\": \"three\"\n  }\n}\n", -1,
    KEEL_ERROR_INVALID, { "keel.json", "\"counters\"", "PER", "expected a whole number" } },
  { "invalid-utf8",
    HEAD "  \"organisation\": {\"name\": \"Caf\xe9\"}\n}\n", -1,
    KEEL_ERROR_ENCODING, { "keel.json line 4, column 32", "invalid UTF-8", "expected UTF-8 text" } },
  { "nul-byte",
    HEAD "  \"organisation\": {\"name\": \"A\0B\"}\n}\n", sizeof (HEAD "  \"organisation\": {\"name\": \"A\0B\"}\n}\n") - 1,
    KEEL_ERROR_ENCODING, { "keel.json line 4, column 30", "NUL byte" } },
  { "empty", "", -1,
    KEEL_ERROR_EMPTY, { "keel.json is empty", "expected a Keel workspace" } },
  { "whitespace", " \n\t\n  ", -1,
    KEEL_ERROR_EMPTY, { "keel.json is empty", "expected a Keel workspace" } },
  { "too-deep",
    HEAD "  \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n}\n", -1,
    KEEL_ERROR_SYNTAX, { "keel.json line 4, column ", "nested more than 64 levels" } },
};

#undef HEAD

static void
write_bytes (const char *path,
             const char *text,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

static void
check_bad_case (const BadCase *c)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) good = NULL;
  g_autoptr(KeelWorkspace) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *empty_text = NULL;
  gint64 mtime;

  g_test_message ("bad input: %s", c->name);
  tmp_init (&tmp);

  /* A workspace that loaded a good file ... */
  good = new_small_workspace (&tmp, "Ada Lovelace");
  g_clear_object (&good);
  good = keel_workspace_new (tmp.folder);
  keel_workspace_load (good, NULL, &error);
  g_assert_no_error (error);

  /* ... then the file goes bad */
  write_bytes (tmp.file, c->text, c->length);
  sha = keel_test_sha256_of_file (tmp.file);
  mtime = keel_test_mtime (tmp.file);

  g_assert_false (keel_workspace_load (good, NULL, &error));
  g_assert_error (error, KEEL_ERROR, c->code);
  for (guint i = 0; i < G_N_ELEMENTS (c->parts) && c->parts[i] != NULL; i++)
    assert_message (error, c->parts[i]);
  g_clear_error (&error);

  /* What it held is still there, unchanged and clean */
  g_assert_cmpstr (person_name (good, "PER-1"), ==, "Ada Lovelace");
  g_assert_cmpuint (keel_workspace_count (good, KEEL_TYPE_PERSON), ==, 1);
  g_assert_cmpstr (keel_record_get_string (KEEL_RECORD (keel_workspace_get_organisation (good)), "name"),
                   ==, "Example Ltd");
  g_assert_false (keel_workspace_get_dirty (good));

  /* A fresh workspace fails the same way and stays empty */
  fresh = keel_workspace_new (tmp.folder);
  g_assert_false (keel_workspace_load (fresh, NULL, &error));
  g_assert_error (error, KEEL_ERROR, c->code);
  g_clear_error (&error);
  g_assert_cmpuint (keel_workspace_count (fresh, KEEL_TYPE_PERSON), ==, 0);
  g_assert_false (keel_workspace_get_dirty (fresh));

  /* and the file was not touched */
  sha_after = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (sha_after, ==, sha);
  g_assert_cmpint (keel_test_mtime (tmp.file), ==, mtime);
  g_assert_cmpuint (keel_test_count_entries (tmp.path, NULL), ==, 1);

  tmp_clear (&tmp);
}

static void
test_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    check_bad_case (&bad_cases[i]);
}

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} AsyncWait;

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncWait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static void
test_bad_input_async (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  AsyncWait wait = { 0 };

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Ada");

  /* A wrong type, read on a worker thread */
  write_bytes (tmp.file, bad_cases[1].text, -1);
  sha = keel_test_sha256_of_file (tmp.file);

  keel_workspace_load_async (workspace, NULL, async_done_cb, &wait);
  g_assert_true (keel_test_wait_for (&wait.done, 5000));
  g_assert_false (keel_workspace_load_finish (workspace, wait.result, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  assert_message (error, "keel.json line 8, column 17:");
  assert_message (error, "OBJ-1");
  assert_message (error, "expected a number");
  g_clear_error (&error);
  g_clear_object (&wait.result);

  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Ada");
  g_assert_false (keel_workspace_get_dirty (workspace));
  sha_after = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (sha_after, ==, sha);

  /* A good file the same way */
  g_clear_object (&workspace);
  g_assert_cmpint (g_unlink (tmp.file), ==, 0);
  workspace = new_small_workspace (&tmp, "Grace");
  g_clear_object (&workspace);
  workspace = keel_workspace_new (tmp.folder);
  wait.done = FALSE;
  keel_workspace_load_async (workspace, NULL, async_done_cb, &wait);
  g_assert_true (keel_test_wait_for (&wait.done, 5000));
  g_assert_true (keel_workspace_load_finish (workspace, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Grace");

  tmp_clear (&tmp);
}

static void
test_missing_file (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  tmp_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);

  g_assert_false (keel_workspace_file_exists (workspace));
  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_FOUND);
  assert_message (error, "keel.json does not exist");
  assert_message (error, "expected a Keel workspace file");

  /* Nothing was created */
  g_assert_cmpuint (keel_test_count_entries (tmp.path, NULL), ==, 0);

  tmp_clear (&tmp);
}

static void
test_unreadable_file (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mtime;

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Ada");

  /* A folder named keel.json */
  g_assert_cmpint (g_unlink (tmp.file), ==, 0);
  g_assert_cmpint (g_mkdir (tmp.file, 0755), ==, 0);
  mtime = keel_test_mtime (tmp.file);
  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT);
  assert_message (error, "keel.json is not a regular file");
  assert_message (error, "expected a Keel workspace file");
  g_clear_error (&error);
  g_assert_true (g_file_test (tmp.file, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (keel_test_mtime (tmp.file), ==, mtime);
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Ada");
  g_assert_cmpint (g_rmdir (tmp.file), ==, 0);

  if (geteuid () != 0)
    {
      g_autofree char *sha = NULL;
      g_autofree char *sha_after = NULL;

      /* A file nobody may read */
      keel_test_write (tmp.file, "{\"format\": \"keel-workspace\", \"version\": 1}");
      sha = keel_test_sha256_of_file (tmp.file);
      g_assert_cmpint (g_chmod (tmp.file, 0000), ==, 0);
      mtime = keel_test_mtime (tmp.file);
      g_assert_false (keel_workspace_load (workspace, NULL, &error));
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FAILED);
      assert_message (error, "keel.json cannot be read");
      g_clear_error (&error);
      g_assert_cmpint (keel_test_mtime (tmp.file), ==, mtime);
      g_assert_cmpint (g_chmod (tmp.file, 0644), ==, 0);
      sha_after = keel_test_sha256_of_file (tmp.file);
      g_assert_cmpstr (sha_after, ==, sha);
      g_assert_cmpint (g_unlink (tmp.file), ==, 0);
    }
  else
    {
      /* Root reads anything: a FIFO must be refused, not waited on */
      g_assert_cmpint (mkfifo (tmp.file, 0644), ==, 0);
      mtime = keel_test_mtime (tmp.file);
      g_assert_false (keel_workspace_load (workspace, NULL, &error));
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT);
      assert_message (error, "keel.json is not a regular file");
      g_clear_error (&error);
      g_assert_cmpint (keel_test_mtime (tmp.file), ==, mtime);
      g_assert_cmpint (g_unlink (tmp.file), ==, 0);
    }

  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Ada");
  tmp_clear (&tmp);
}

static void
test_not_writable (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *inside = NULL;

  tmp_init (&tmp);

  /* A folder whose path goes through a regular file */
  blocker = g_build_filename (tmp.root, "plain-file", NULL);
  keel_test_write (blocker, "not a folder");
  inside = g_build_filename (blocker, "Keel", NULL);
  folder = g_file_new_for_path (inside);
  workspace = keel_workspace_new (folder);

  g_assert_false (keel_workspace_check_writable (workspace, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  assert_message (error, inside);
  assert_message (error, "cannot be created");
  g_clear_error (&error);

  /* A writable folder passes and keeps nothing of the probe */
  g_clear_object (&workspace);
  workspace = keel_workspace_new (tmp.folder);
  g_assert_true (keel_workspace_check_writable (workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (keel_test_count_entries (tmp.path, NULL), ==, 0);

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (tmp.path, 0500), ==, 0);
      g_assert_false (keel_workspace_check_writable (workspace, &error));
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
      assert_message (error, tmp.path);
      assert_message (error, "is not writable");
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (tmp.path, 0755), ==, 0);
    }
  else
    {
      g_autoptr(GFile) proc = g_file_new_for_path ("/proc");
      g_autoptr(KeelWorkspace) in_proc = keel_workspace_new (proc);

      /* Permission bits do not stop root; /proc refuses new files even to
       * root, so it stands in for a read-only folder */
      g_assert_true (g_file_test ("/proc/self", G_FILE_TEST_IS_DIR));
      g_assert_false (keel_workspace_check_writable (in_proc, &error));
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
      assert_message (error, "/proc");
      assert_message (error, "is not writable");
      g_clear_error (&error);
    }

  tmp_clear (&tmp);
}

/* A workspace whose load failed must not write over the file it could not
 * read: saving it keeps ours aside and leaves keel.json alone. */
static void
test_failed_load_keeps_file (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  Events events = { 0 };

  tmp_init (&tmp);
  write_bytes (tmp.file, bad_cases[0].text, -1);
  sha = keel_test_sha256_of_file (tmp.file);

  workspace = keel_workspace_new (tmp.folder);
  connect_events (workspace, &events);
  g_assert_false (keel_workspace_load (workspace, NULL, &error));
  g_clear_error (&error);

  keel_record_set_string (person, "name", "Typed after the error");
  keel_workspace_add (workspace, person);

  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*keel.json was changed by another program*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT);
  g_assert_cmpuint (events.saved, ==, 0);
  g_assert_cmpuint (events.conflict, ==, 1);
  g_assert_cmpuint (events.reload_failed, ==, 1);

  sha_after = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (sha_after, ==, sha);

  /* What was typed is in the conflict copy */
  g_assert_nonnull (events.conflict_path);
  {
    g_autofree char *copy = keel_test_read (events.conflict_path, NULL);
    g_assert_nonnull (strstr (copy, "Typed after the error"));
  }

  events_clear (&events);
  tmp_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

static void
test_backups (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *backups_dir = NULL;
  KeelRecord *person;

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Save 1");
  person = keel_workspace_lookup (workspace, "PER-1");
  backups_dir = g_build_filename (tmp.path, "backups", NULL);

  /* The first save had nothing to keep */
  g_assert_false (g_file_test (backups_dir, G_FILE_TEST_EXISTS));

  for (guint i = 2; i <= 13; i++)
    {
      g_autofree char *name = g_strdup_printf ("Save %u", i);

      g_clear_pointer (&previous, g_free);
      previous = keel_test_read (tmp.file, NULL);
      keel_record_set_string (person, "name", name);
      keel_workspace_save (workspace, NULL, &error);
      g_assert_no_error (error);
      assert_no_leftovers (tmp.path);
    }

  g_assert_cmpuint (keel_test_count_entries (backups_dir, NULL), ==, KEEL_WORKSPACE_BACKUPS);
  backups = keel_workspace_list_backups (workspace);
  g_assert_cmpuint (backups->len, ==, 10);

  /* Newest first: the newest is the file before the last save */
  {
    g_autofree char *newest = NULL;
    g_autofree char *oldest = NULL;
    g_autofree char *current = keel_test_read (tmp.file, NULL);

    g_assert_true (g_file_load_contents (backups->pdata[0], NULL, &newest, NULL, NULL, NULL));
    g_assert_cmpstr (newest, ==, previous);
    g_assert_nonnull (strstr (newest, "\"Save 12\""));
    g_assert_nonnull (strstr (current, "\"Save 13\""));

    /* Saves 1 and 2 were pruned; save 3 is the oldest kept */
    g_assert_true (g_file_load_contents (backups->pdata[9], NULL, &oldest, NULL, NULL, NULL));
    g_assert_nonnull (strstr (oldest, "\"Save 3\""));
  }

  /* Saving unchanged data keeps no new backup */
  keel_workspace_save (workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keel_test_count_entries (backups_dir, NULL), ==, KEEL_WORKSPACE_BACKUPS);

  tmp_clear (&tmp);
}

static void
test_autosave (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autofree char *text = NULL;
  Events events = { 0 };
  gint64 changed_at;

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Before");
  connect_events (workspace, &events);
  keel_workspace_set_autosave (workspace, TRUE);
  g_assert_true (keel_workspace_get_autosave (workspace));

  changed_at = g_get_monotonic_time ();
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "After");
  g_assert_true (keel_workspace_get_dirty (workspace));
  g_assert_cmpuint (events.saved, ==, 0);

  g_assert_true (keel_test_wait_for (&events.saved_flag, 5000));
  g_assert_cmpuint (events.saved, ==, 1);
  g_assert_cmpuint (events.save_failed, ==, 0);
  /* About a second after the change, not at once */
  g_assert_cmpint (events.saved_at - changed_at, >=, 800 * 1000);
  g_assert_false (keel_workspace_get_dirty (workspace));
  g_assert_false (keel_workspace_get_saving (workspace));

  text = keel_test_read (tmp.file, NULL);
  g_assert_nonnull (strstr (text, "\"After\""));
  assert_no_leftovers (tmp.path);

  events_clear (&events);
  tmp_clear (&tmp);
}

static void
test_save_failure_injected (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *text = NULL;
  Events events = { 0 };
  gint64 mtime;

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Before");
  connect_events (workspace, &events);
  sha = keel_test_sha256_of_file (tmp.file);
  mtime = keel_test_mtime (tmp.file);

  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "After");

  /* The disk is full */
  _keel_workspace_inject_write_error (workspace, ENOSPC, 1);
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "Cannot save *keel.json*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  assert_message (error, "keel.json");
  assert_message (error, g_strerror (ENOSPC));
  g_clear_error (&error);

  g_assert_cmpuint (events.save_failed, ==, 1);
  g_assert_cmpuint (events.saved, ==, 0);
  g_assert_nonnull (strstr (events.message, "keel.json"));

  /* Nothing lost, nothing written */
  g_assert_true (keel_workspace_get_dirty (workspace));
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "After");
  sha_after = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (sha_after, ==, sha);
  g_assert_cmpint (keel_test_mtime (tmp.file), ==, mtime);
  assert_no_leftovers (tmp.path);

  /* The retry succeeds */
  g_assert_true (keel_workspace_save (workspace, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (keel_workspace_get_dirty (workspace));
  g_assert_cmpuint (events.saved, ==, 1);
  text = keel_test_read (tmp.file, NULL);
  g_assert_nonnull (strstr (text, "\"After\""));

  events_clear (&events);
  tmp_clear (&tmp);
}

/* Autosave that fails keeps the data and saves with the next change */
static void
test_autosave_failure (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *text = NULL;
  Events events = { 0 };

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Before");
  connect_events (workspace, &events);
  sha = keel_test_sha256_of_file (tmp.file);

  _keel_workspace_inject_write_error (workspace, ENOSPC, 1);
  keel_workspace_set_autosave (workspace, TRUE);
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "First try");

  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "Cannot save *keel.json*");
  g_assert_true (keel_test_wait_for (&events.failed_flag, 5000));
  keel_test_assert_expected_logs ();
  g_assert_nonnull (strstr (events.message, "keel.json"));
  g_assert_true (keel_workspace_get_dirty (workspace));
  sha_after = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (sha_after, ==, sha);

  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Second try");
  g_assert_true (keel_test_wait_for (&events.saved_flag, 5000));
  g_assert_false (keel_workspace_get_dirty (workspace));
  text = keel_test_read (tmp.file, NULL);
  g_assert_nonnull (strstr (text, "\"Second try\""));

  events_clear (&events);
  tmp_clear (&tmp);
}

static void
test_save_failure_real (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Events events = { 0 };

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Before");
  connect_events (workspace, &events);
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "After");

  /* The folder is gone and a file has its name */
  keel_test_rm_rf (tmp.path);
  keel_test_write (tmp.path, "in the way");

  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "Cannot save *keel.json*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE);
  assert_message (error, "keel.json");
  g_clear_error (&error);
  g_assert_cmpuint (events.save_failed, ==, 1);
  g_assert_true (keel_workspace_get_dirty (workspace));
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "After");

  text = keel_test_read (tmp.path, NULL);
  g_assert_cmpstr (text, ==, "in the way");
  g_clear_pointer (&text, g_free);

  /* Once the folder can be made again, saving works */
  g_assert_cmpint (g_unlink (tmp.path), ==, 0);
  g_assert_true (keel_workspace_save (workspace, NULL, &error));
  g_assert_no_error (error);
  text = keel_test_read (tmp.file, NULL);
  g_assert_nonnull (strstr (text, "\"After\""));

  events_clear (&events);
  tmp_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Someone else edits the file                                              */
/* ------------------------------------------------------------------------ */

static char *
edit_elsewhere (Tmp        *tmp,
                const char *name)
{
  g_autoptr(KeelWorkspace) other = keel_workspace_new (tmp->folder);
  g_autoptr(GError) error = NULL;

  keel_workspace_load (other, NULL, &error);
  g_assert_no_error (error);
  keel_record_set_string (keel_workspace_lookup (other, "PER-1"), "name", name);
  keel_workspace_save (other, NULL, &error);
  g_assert_no_error (error);

  return keel_test_sha256_of_file (tmp->file);
}

static void
test_watch_reload (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  Events events = { 0 };

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Ours");
  connect_events (workspace, &events);
  g_assert_true (keel_workspace_watch (workspace, &error));
  g_assert_no_error (error);

  theirs = edit_elsewhere (&tmp, "Theirs");

  g_assert_true (keel_test_wait_for (&events.reloaded_flag, 5000));
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Theirs");
  g_assert_false (keel_workspace_get_dirty (workspace));
  g_assert_cmpuint (events.conflict, ==, 0);

  /* A plain write in place is noticed too */
  events.reloaded_flag = FALSE;
  {
    g_autofree char *text = keel_test_read (tmp.file, NULL);
    g_autoptr(GString) edited = g_string_new (text);
    FILE *f;

    g_string_replace (edited, "\"Theirs\"", "\"Edited in an editor\"", 1);
    f = fopen (tmp.file, "w");
    g_assert_nonnull (f);
    fputs (edited->str, f);
    fclose (f);
  }
  g_assert_true (keel_test_wait_for (&events.reloaded_flag, 5000));
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Edited in an editor");

  events_clear (&events);
  tmp_clear (&tmp);
}

static void
test_watch_conflict (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs_sha = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *now_sha = NULL;
  g_autofree char *ours = NULL;
  Events events = { 0 };

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Original");
  connect_events (workspace, &events);
  g_assert_true (keel_workspace_watch (workspace, &error));
  g_assert_no_error (error);

  /* An unsaved change here ... */
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Our unsaved edit");
  g_assert_true (keel_workspace_get_dirty (workspace));

  /* ... and a saved change there */
  theirs_sha = edit_elsewhere (&tmp, "Their saved edit");
  theirs_text = keel_test_read (tmp.file, NULL);

  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*keel.json was changed by another program*");
  g_assert_true (keel_test_wait_for (&events.conflict_flag, 5000));
  keel_test_assert_expected_logs ();
  g_assert_cmpuint (events.conflict, ==, 1);
  g_assert_cmpuint (events.saved, ==, 0);

  /* Ours is kept beside it */
  g_assert_nonnull (events.conflict_path);
  g_assert_true (g_file_test (events.conflict_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (events.conflict_path, tmp.path));
  ours = keel_test_read (events.conflict_path, NULL);
  g_assert_nonnull (strstr (ours, "\"Our unsaved edit\""));
  g_assert_null (strstr (ours, "\"Their saved edit\""));
  g_assert_nonnull (strstr (events.message, "keel.json"));
  g_assert_nonnull (strstr (events.message, events.conflict_path));

  /* keel.json holds theirs, byte for byte, and that is what is open */
  now_sha = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (now_sha, ==, theirs_sha);
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Their saved edit");
  g_assert_false (keel_workspace_get_dirty (workspace));
  g_assert_cmpuint (events.reloaded, ==, 1);

  events_clear (&events);
  tmp_clear (&tmp);
}

static gboolean reload_failed_flag;

static void
reload_failed_flag_cb (KeelWorkspace *workspace,
                       GError        *error,
                       gpointer       user_data)
{
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "keel.json line 1"));
  reload_failed_flag = TRUE;
}

/* Someone else leaves keel.json broken: what we hold stays, and nothing we
 * save later writes over their file */
/* Another program (a sync client, a second Keel) wrote exactly the bytes we
 * are about to write: that is no conflict, and nothing is copied aside. */
static void
test_same_bytes_no_conflict (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Events events = { 0 };

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Original");
  connect_events (workspace, &events);

  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Same on both sides");
  ours = keel_workspace_serialize (workspace);
  keel_test_write (tmp.file, g_bytes_get_data (ours, NULL));
  before = keel_test_sha256_of_file (tmp.file);

  g_assert_true (keel_workspace_save (workspace, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (events.conflict, ==, 0);
  g_assert_cmpuint (events.saved, ==, 1);
  g_assert_false (keel_workspace_get_dirty (workspace));
  g_assert_cmpuint (keel_test_count_entries (tmp.path, "keel.conflict-"), ==, 0);
  after = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (before, ==, after);

  /* From now on that file is what we know: a later change saves normally */
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Later");
  g_assert_true (keel_workspace_save (workspace, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (events.conflict, ==, 0);
  g_assert_cmpuint (events.saved, ==, 2);

  events_clear (&events);
  tmp_clear (&tmp);
}

static void
test_watch_reload_failed (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_after = NULL;
  Events events = { 0 };

  tmp_init (&tmp);
  workspace = new_small_workspace (&tmp, "Ours");
  connect_events (workspace, &events);
  reload_failed_flag = FALSE;
  g_signal_connect (workspace, "reload-failed", G_CALLBACK (reload_failed_flag_cb), NULL);
  g_assert_true (keel_workspace_watch (workspace, &error));

  keel_test_write (tmp.file, "{\"format\": \"keel-workspace\", \"version\": 1, oops");
  sha = keel_test_sha256_of_file (tmp.file);

  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*keel.json line 1*");
  g_assert_true (keel_test_wait_for (&reload_failed_flag, 5000));
  keel_test_assert_expected_logs ();
  g_assert_cmpuint (events.reloaded, ==, 0);
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Ours");

  /* An edit made now is kept aside, not written over their broken file */
  keel_record_set_string (keel_workspace_lookup (workspace, "PER-1"), "name", "Ours, edited");
  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*keel.json was changed by another program*");
  g_assert_false (keel_workspace_save (workspace, NULL, &error));
  keel_test_assert_expected_logs ();
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT);
  sha_after = keel_test_sha256_of_file (tmp.file);
  g_assert_cmpstr (sha_after, ==, sha);
  g_assert_nonnull (events.conflict_path);
  {
    g_autofree char *copy = keel_test_read (events.conflict_path, NULL);
    g_assert_nonnull (strstr (copy, "\"Ours, edited\""));
  }
  g_assert_cmpstr (person_name (workspace, "PER-1"), ==, "Ours, edited");

  events_clear (&events);
  tmp_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* Ids                                                                      */
/* ------------------------------------------------------------------------ */

static KeelRecord *
new_review (int year,
            int month)
{
  KeelRecord *review = g_object_new (KEEL_TYPE_REVIEW, NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) start = g_date_time_new (tz, year, month, 12, 10, 0, 0);

  keel_record_set_date (review, "start", start);

  return review;
}

static void
test_ids (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  KeelRecord *people[3];
  guint position = G_MAXUINT;

  tmp_init (&tmp);
  workspace = keel_workspace_new (tmp.folder);

  id = keel_workspace_next_id (workspace, KEEL_TYPE_PERSON, NULL);
  g_assert_cmpstr (id, ==, "PER-1");
  g_clear_pointer (&id, g_free);
  id = keel_workspace_next_id (workspace, KEEL_TYPE_PERSON, NULL);
  g_assert_cmpstr (id, ==, "PER-2");
  g_clear_pointer (&id, g_free);
  id = keel_workspace_next_id (workspace, KEEL_TYPE_OBJECTIVE, NULL);
  g_assert_cmpstr (id, ==, "OBJ-1");
  g_clear_pointer (&id, g_free);

  /* Handed out is handed out: records added get the next ones */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      keel_record_set_string (person, "name", name);
      keel_workspace_add (workspace, person);
      people[i] = person;
    }
  g_assert_cmpstr (keel_record_get_id (people[0]), ==, "PER-3");
  g_assert_cmpstr (keel_record_get_id (people[2]), ==, "PER-5");

  /* Reviews carry the year they start in */
  {
    g_autoptr(KeelRecord) a = new_review (2026, 11);
    g_autoptr(KeelRecord) b = new_review (2026, 2);
    g_autoptr(KeelRecord) c = new_review (2027, 1);
    g_autoptr(KeelRecord) d = g_object_new (KEEL_TYPE_REVIEW, NULL);

    keel_workspace_add (workspace, a);
    keel_workspace_add (workspace, b);
    keel_workspace_add (workspace, c);
    keel_workspace_add (workspace, d);
    g_assert_cmpstr (keel_record_get_id (a), ==, "MR-2026-01");
    g_assert_cmpstr (keel_record_get_id (b), ==, "MR-2026-02");
    g_assert_cmpstr (keel_record_get_id (c), ==, "MR-2027-01");
    /* Without a start: this year, as pinned */
    g_assert_cmpstr (keel_record_get_id (d), ==, "MR-2026-03");

    id = keel_workspace_next_id (workspace, KEEL_TYPE_REVIEW, NULL);
    g_assert_cmpstr (id, ==, "MR-2026-04");
    g_clear_pointer (&id, g_free);
  }

  /* An explicit id moves the counter past it */
  {
    g_autoptr(KeelRecord) explicit = g_object_new (KEEL_TYPE_PERSON, NULL);

    keel_record_set_id (explicit, "PER-10");
    keel_workspace_add (workspace, explicit);
    id = keel_workspace_next_id (workspace, KEEL_TYPE_PERSON, NULL);
    g_assert_cmpstr (id, ==, "PER-11");
    g_clear_pointer (&id, g_free);
    g_assert_true (keel_workspace_remove (workspace, explicit, NULL));
  }

  /* Lookup */
  g_assert_true (keel_workspace_lookup (workspace, "PER-4") == people[1]);
  g_assert_null (keel_workspace_lookup (workspace, "PER-999"));
  g_assert_null (keel_workspace_lookup (workspace, NULL));
  g_assert_null (keel_workspace_lookup (workspace, "PER-10"));

  /* Remove with its position, and put it back there (undo) */
  g_object_ref (people[1]);
  g_assert_true (keel_workspace_remove (workspace, people[1], &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_null (keel_workspace_lookup (workspace, "PER-4"));
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_PERSON), ==, 2);
  g_assert_false (keel_workspace_remove (workspace, people[1], NULL));

  keel_workspace_insert (workspace, people[1], position);
  g_assert_cmpstr (keel_record_get_id (people[1]), ==, "PER-4");
  g_assert_true (keel_workspace_lookup (workspace, "PER-4") == people[1]);
  {
    GListModel *model = keel_workspace_get_records (workspace, KEEL_TYPE_PERSON);
    g_autoptr(KeelRecord) second = g_list_model_get_item (model, 1);

    g_assert_true (second == people[1]);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  }
  g_object_unref (people[1]);

  /* The last id, deleted and saved, is not handed out again after a load */
  g_assert_true (keel_workspace_remove (workspace, people[2], NULL));
  keel_workspace_save (workspace, NULL, &error);
  g_assert_no_error (error);
  text = keel_test_read (tmp.file, NULL);
  g_assert_null (strstr (text, "\"PER-5\""));
  g_assert_nonnull (strstr (text, "\"counters\""));

  loaded = keel_workspace_new (tmp.folder);
  keel_workspace_load (loaded, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keel_workspace_count (loaded, KEEL_TYPE_PERSON), ==, 2);
  {
    g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);

    keel_workspace_add (loaded, person);
    g_assert_cmpstr (keel_record_get_id (person), ==, "PER-12");
  }
  id = keel_workspace_next_id (loaded, KEEL_TYPE_REVIEW, NULL);
  g_assert_cmpstr (id, ==, "MR-2026-05");
  g_clear_pointer (&id, g_free);
  id = keel_workspace_next_id (loaded, KEEL_TYPE_OBJECTIVE, NULL);
  g_assert_cmpstr (id, ==, "OBJ-2");
  g_clear_pointer (&id, g_free);

  tmp_clear (&tmp);
}

/* Without counters (a hand-written file), ids continue after the highest */
static void
test_ids_without_counters (void)
{
  Tmp tmp;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  tmp_init (&tmp);
  keel_test_write (tmp.file,
                   "{\"format\": \"keel-workspace\", \"version\": 1,\n"
                   " \"people\": [{\"id\": \"PER-7\"}, {\"id\": \"PER-3\"}],\n"
                   " \"reviews\": [{\"id\": \"MR-2026-04\"}]}\n");
  workspace = keel_workspace_new (tmp.folder);
  keel_workspace_load (workspace, NULL, &error);
  g_assert_no_error (error);

  id = keel_workspace_next_id (workspace, KEEL_TYPE_PERSON, NULL);
  g_assert_cmpstr (id, ==, "PER-8");
  g_clear_pointer (&id, g_free);
  id = keel_workspace_next_id (workspace, KEEL_TYPE_REVIEW, NULL);
  g_assert_cmpstr (id, ==, "MR-2026-05");

  tmp_clear (&tmp);
}

/* ------------------------------------------------------------------------ */
/* References                                                               */
/* ------------------------------------------------------------------------ */

static const KeelProblem *
find_problem (GPtrArray        *problems,
              KeelProblemLevel  level,
              const char       *id,
              const char       *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const KeelProblem *p = problems->pdata[i];

      if (p->level == level && g_strcmp0 (p->id, id) == 0 && g_strcmp0 (p->field, field) == 0)
        return p;
    }

  return NULL;
}

static KeelRecord *
add_new (KeelWorkspace *workspace,
         GType          type)
{
  g_autoptr(KeelRecord) record = g_object_new (type, NULL);

  keel_workspace_add (workspace, record);

  return record;
}

static void
test_check (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KeelRecord) delivery = g_object_new (KEEL_TYPE_DELIVERY, NULL);
  g_autoptr(GDateTime) day = keel_date_new (2026, 3, 2);
  KeelRecord *person, *policy, *communication, *action, *objective;
  const KeelProblem *p;
  gboolean seen_warning = FALSE;

  keel_record_set_string (KEEL_RECORD (keel_workspace_get_organisation (workspace)), "name", "Example Ltd");

  person = add_new (workspace, KEEL_TYPE_PERSON);
  keel_record_set_string (person, "name", "Ada");

  /* A dangling owner */
  policy = add_new (workspace, KEEL_TYPE_POLICY);
  keel_record_set_string (policy, "title", "Access control");
  keel_record_set_string (policy, "owner", "PER-99");

  /* A dangling id inside a part */
  communication = add_new (workspace, KEEL_TYPE_COMMUNICATION);
  keel_record_set_string (communication, "topic", "Phishing");
  keel_record_set_string (communication, "communicator", "PER-1");
  keel_record_set_string (communication, "audience", "Everyone");
  keel_record_set_string (communication, "channel", "email");
  keel_record_set_date (delivery, "date", day);
  keel_record_set_string (delivery, "by", "PER-77");
  g_list_store_append (keel_record_get_children (communication, "deliveries"), delivery);

  /* A reference to the wrong kind */
  action = add_new (workspace, KEEL_TYPE_ACTION);
  keel_record_set_string (action, "title", "Review access");
  keel_record_set_string (action, "owner", "POL-1");
  keel_record_set_date (action, "due", day);

  /* Required fields left empty */
  objective = add_new (workspace, KEEL_TYPE_OBJECTIVE);
  keel_record_set_string (objective, "owner", "PER-1");

  problems = keel_workspace_check (workspace);

  p = find_problem (problems, KEEL_PROBLEM_ERROR, "POL-1", "owner");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "POL-1"));
  g_assert_nonnull (strstr (p->message, "owner"));
  g_assert_nonnull (strstr (p->message, "PER-99"));
  g_assert_nonnull (strstr (p->message, "does not exist"));

  p = find_problem (problems, KEEL_PROBLEM_ERROR, "COM-1", "deliveries[1].by");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "COM-1"));
  g_assert_nonnull (strstr (p->message, "deliveries[1].by"));
  g_assert_nonnull (strstr (p->message, "PER-77"));

  p = find_problem (problems, KEEL_PROBLEM_ERROR, "ACT-1", "owner");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "POL-1"));
  g_assert_nonnull (strstr (p->message, "is a policy, not a person"));

  for (const char * const *f = (const char * const[]) { "title", "measure", "target", "due", NULL }; *f; f++)
    {
      p = find_problem (problems, KEEL_PROBLEM_WARNING, "OBJ-1", *f);
      if (p == NULL)
        g_error ("no warning for the empty %s of OBJ-1", *f);
      g_assert_nonnull (strstr (p->message, "OBJ-1"));
      g_assert_nonnull (strstr (p->message, "is empty"));
    }
  g_assert_null (find_problem (problems, KEEL_PROBLEM_WARNING, "OBJ-1", "owner"));

  /* Nothing about references that resolve, and errors come first */
  g_assert_null (find_problem (problems, KEEL_PROBLEM_ERROR, "COM-1", "communicator"));
  g_assert_null (find_problem (problems, KEEL_PROBLEM_ERROR, "OBJ-1", "owner"));
  for (guint i = 0; i < problems->len; i++)
    {
      const KeelProblem *q = problems->pdata[i];

      if (q->level == KEEL_PROBLEM_WARNING)
        seen_warning = TRUE;
      else
        g_assert_false (seen_warning);
    }
  g_assert_true (seen_warning);

  /* Fixed, they go away */
  keel_record_set_string (policy, "owner", "PER-1");
  keel_record_set_string (delivery, "by", "PER-1");
  keel_record_set_string (action, "owner", "PER-1");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = keel_workspace_check (workspace);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((KeelProblem *) problems->pdata[i])->level, ==, KEEL_PROBLEM_WARNING);
}

static void
test_find_references (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (NULL);
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(KeelRecord) delivery = g_object_new (KEEL_TYPE_DELIVERY, NULL);
  g_autoptr(KeelRecord) sign_off = g_object_new (KEEL_TYPE_SIGN_OFF, NULL);
  g_autoptr(KeelRecord) version = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
  g_autoptr(KeelRecord) approval = g_object_new (KEEL_TYPE_SIGN_OFF, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *attendees[] = { "PER-2", "PER-1", NULL };
  const char *expected[] = {
    "POL-1 owner", "POL-1 versions[1].author", "POL-1 versions[1].approval.by",
    "OBJ-1 owner", "COM-1 deliveries[1].by", "MR-2026-01 chair",
    "MR-2026-01 attendees", "MR-2026-01 sign_off.by", "RACI-1 person",
  };
  KeelRecord *record;

  add_new (workspace, KEEL_TYPE_PERSON);
  add_new (workspace, KEEL_TYPE_PERSON);

  record = add_new (workspace, KEEL_TYPE_POLICY);
  keel_record_set_string (record, "owner", "PER-1");
  keel_record_set_string (version, "author", "PER-1");
  keel_record_set_string (approval, "by", "PER-1");
  keel_record_set_child (version, "approval", approval);
  g_list_store_append (keel_record_get_children (record, "versions"), version);

  record = add_new (workspace, KEEL_TYPE_OBJECTIVE);
  keel_record_set_string (record, "owner", "PER-1");

  record = add_new (workspace, KEEL_TYPE_COMMUNICATION);
  keel_record_set_string (record, "communicator", "PER-2");
  keel_record_set_string (delivery, "by", "PER-1");
  g_list_store_append (keel_record_get_children (record, "deliveries"), delivery);

  record = add_new (workspace, KEEL_TYPE_REVIEW);
  keel_record_set_string (record, "chair", "PER-1");
  keel_record_set_strv (record, "attendees", attendees);
  keel_record_set_string (sign_off, "by", "PER-1");
  keel_record_set_child (record, "sign_off", sign_off);

  record = add_new (workspace, KEEL_TYPE_ROLE_ASSIGNMENT);
  keel_record_set_string (record, "person", "PER-1");

  record = add_new (workspace, KEEL_TYPE_ACTION);
  keel_record_set_string (record, "owner", "PER-2");

  refs = keel_workspace_find_references (workspace, "PER-1");
  for (guint i = 0; i < refs->len; i++)
    {
      KeelReference *ref = refs->pdata[i];
      char *key = g_strdup_printf ("%s %s", keel_record_get_id (ref->record), ref->field);

      g_test_message ("reference: %s", key);
      g_assert_true (g_hash_table_add (found, key));
    }

  g_assert_cmpuint (refs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (found, expected[i]))
      g_error ("the reference %s was not found", expected[i]);

  none = keel_workspace_find_references (workspace, "PER-404");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_changes_mark_dirty (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (NULL);
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(KeelRecord) reading = g_object_new (KEEL_TYPE_READING, NULL);
  guint changed = 0;
  guint position = 0;

  g_signal_connect_swapped (workspace, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_false (keel_workspace_get_dirty (workspace));

  keel_workspace_add (workspace, objective);
  g_assert_true (keel_workspace_get_dirty (workspace));
  g_assert_cmpuint (changed, ==, 1);

  /* A part added to a record in the workspace, and an edit of that part */
  g_list_store_append (keel_record_get_children (objective, "readings"), reading);
  g_assert_cmpuint (changed, ==, 2);
  keel_record_set_double (reading, "value", 7);
  g_assert_cmpuint (changed, ==, 3);
  keel_record_set_double (reading, "value", 7);
  g_assert_cmpuint (changed, ==, 3);

  keel_record_set_string (KEEL_RECORD (keel_workspace_get_organisation (workspace)), "name", "X");
  g_assert_cmpuint (changed, ==, 4);

  g_assert_true (keel_workspace_remove (workspace, objective, &position));
  g_assert_cmpuint (changed, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/workspace/round-trip", test_round_trip);
  g_test_add_func ("/keel/workspace/unknown-fields", test_unknown_fields);
  g_test_add_func ("/keel/workspace/unknown-fields-hand-written", test_unknown_fields_hand_written);
  g_test_add_func ("/keel/workspace/load-bad-input", test_bad_input);
  g_test_add_func ("/keel/workspace/load-bad-input-async", test_bad_input_async);
  g_test_add_func ("/keel/workspace/load-missing", test_missing_file);
  g_test_add_func ("/keel/workspace/load-unreadable", test_unreadable_file);
  g_test_add_func ("/keel/workspace/not-writable", test_not_writable);
  g_test_add_func ("/keel/workspace/failed-load-keeps-file", test_failed_load_keeps_file);
  g_test_add_func ("/keel/workspace/backups", test_backups);
  g_test_add_func ("/keel/workspace/autosave", test_autosave);
  g_test_add_func ("/keel/workspace/save-failure-injected", test_save_failure_injected);
  g_test_add_func ("/keel/workspace/autosave-failure", test_autosave_failure);
  g_test_add_func ("/keel/workspace/save-failure-real", test_save_failure_real);
  g_test_add_func ("/keel/workspace/watch-reload", test_watch_reload);
  g_test_add_func ("/keel/workspace/watch-conflict", test_watch_conflict);
  g_test_add_func ("/keel/workspace/watch-reload-failed", test_watch_reload_failed);
  g_test_add_func ("/keel/workspace/same-bytes-no-conflict", test_same_bytes_no_conflict);
  g_test_add_func ("/keel/workspace/ids", test_ids);
  g_test_add_func ("/keel/workspace/ids-without-counters", test_ids_without_counters);
  g_test_add_func ("/keel/workspace/check", test_check);
  g_test_add_func ("/keel/workspace/find-references", test_find_references);
  g_test_add_func ("/keel/workspace/changes-mark-dirty", test_changes_mark_dirty);

  return g_test_run ();
}
