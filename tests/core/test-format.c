/* test-format.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <string.h>

#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-json.h"
#include "keel-record-json.h"
#include "keel-test-util.h"
#include "keel-workspace.h"

/* keel.json has one reader and one writer. Two properties hold them:
 * - whatever Keel writes, it reads back to the same values and writes the
 *   same bytes again (checked over the full and demo workspaces, every
 *   fuzz corpus file, small cases and random edits);
 * - an independent reader, json-glib's JsonParser, reads what Keel writes
 *   to the same values Keel holds, field by field (Python's json does the
 *   same for keel-cli's demo in tests/cli). */

static GFile *folder;

static void
assert_message (const GError *error,
                const char   *part)
{
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” is not in the message “%s”", part, error->message);
}

/* ------------------------------------------------------------------------ */
/* Values                                                                   */
/* ------------------------------------------------------------------------ */

static void
assert_same_values (const char    *label,
                    KeelWorkspace *a,
                    KeelWorkspace *b)
{
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  if (!keel_record_equal (KEEL_RECORD (keel_workspace_get_organisation (a)),
                          KEEL_RECORD (keel_workspace_get_organisation (b))))
    g_error ("%s: the organisation changed", label);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *la = keel_workspace_get_records (a, kinds[k]);
      GListModel *lb = keel_workspace_get_records (b, kinds[k]);

      g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
      for (guint i = 0; i < g_list_model_get_n_items (la); i++)
        {
          g_autoptr(KeelRecord) ra = g_list_model_get_item (la, i);
          g_autoptr(KeelRecord) rb = g_list_model_get_item (lb, i);

          g_assert_cmpstr (keel_record_get_id (ra), ==, keel_record_get_id (rb));
          if (!keel_record_equal (ra, rb))
            g_error ("%s: %s changed", label, keel_record_get_id (ra));
        }
    }
}

/* Loads @data; if Keel reads it, what it writes must read back to the same
 * values and give the same bytes again. Returns whether it was read; on
 * failure the error must be Keel's, naming the file. */
static gboolean
round_trip (const char  *label,
            const char  *data,
            gsize        length,
            GError     **error_out)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(KeelWorkspace) first = keel_workspace_new (folder);
  g_autoptr(KeelWorkspace) second = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  if (!keel_workspace_load_bytes (first, bytes, &error))
    {
      if (error->domain != KEEL_ERROR || !g_utf8_validate (error->message, -1, NULL) ||
          strstr (error->message, "keel.json") == NULL)
        g_error ("%s: an error that is not Keel's: %s", label, error->message);
      if (error_out != NULL)
        *error_out = g_steal_pointer (&error);
      return FALSE;
    }

  text = keel_workspace_serialize (first);
  second = keel_workspace_new (folder);
  if (!keel_workspace_load_bytes (second, text, &error))
    g_error ("%s: Keel cannot read what it wrote: %s\n%.*s", label, error->message,
             (int) MIN (g_bytes_get_size (text), 4000), (const char *) g_bytes_get_data (text, NULL));

  assert_same_values (label, first, second);

  again = keel_workspace_serialize (second);
  if (!g_bytes_equal (text, again))
    g_error ("%s: the same values written twice differ:\n%.*s\n---\n%.*s", label,
             (int) g_bytes_get_size (text), (const char *) g_bytes_get_data (text, NULL),
             (int) g_bytes_get_size (again), (const char *) g_bytes_get_data (again, NULL));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The independent reader                                                   */
/* ------------------------------------------------------------------------ */

static void assert_record_matches (const char *label,
                                   KeelRecord *record,
                                   JsonNode   *node);

static void
assert_strv_matches (const char         *label,
                     const char * const *strv,
                     JsonNode           *node)
{
  JsonArray *array;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, g_strv_length ((char **) strv));
  for (guint i = 0; strv[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, strv[i]);
}

/* @node, as json-glib read it, holds exactly what @record holds */
static void
assert_record_matches (const char *label,
                       KeelRecord *record,
                       JsonNode   *node)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (record);
  JsonObject *object;
  guint expected_members = 0;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);

  if (keel_record_get_id (record) != NULL)
    {
      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==,
                       keel_record_get_id (record));
      expected_members++;
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      JsonNode *member = json_object_get_member (object, field->key);

      if (!keel_record_is_set (record, field->key))
        {
          if (member != NULL)
            g_error ("%s: %s is not set but written", label, field->key);
          continue;
        }

      if (member == NULL)
        g_error ("%s: %s is set but not written", label, field->key);
      expected_members++;

      switch (field->type)
        {
        case KEEL_FIELD_STRING:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_REF:
          g_assert_cmpstr (json_node_get_string (member), ==,
                           keel_record_get_string (record, field->key));
          break;
        case KEEL_FIELD_BOOLEAN:
          g_assert_true (json_node_get_boolean (member));
          break;
        case KEEL_FIELD_INT:
          g_assert_true (json_node_get_value_type (member) == G_TYPE_INT64);
          g_assert_cmpint (json_node_get_int (member), ==, keel_record_get_int (record, field->key));
          break;
        case KEEL_FIELD_DOUBLE:
          g_assert_cmpfloat (json_node_get_double (member), ==,
                             keel_record_get_double (record, field->key));
          break;
        case KEEL_FIELD_DATE:
        case KEEL_FIELD_DATETIME:
          {
            g_autofree char *text = keel_record_format_field (record, field->key);

            g_assert_cmpstr (json_node_get_string (member), ==, text);
          }
          break;
        case KEEL_FIELD_REF_LIST:
        case KEEL_FIELD_STRV:
          assert_strv_matches (label, keel_record_get_strv (record, field->key), member);
          break;
        case KEEL_FIELD_CHILD:
          assert_record_matches (label, keel_record_get_child (record, field->key), member);
          break;
        case KEEL_FIELD_CHILDREN:
          {
            GListModel *parts = G_LIST_MODEL (keel_record_get_children (record, field->key));
            JsonArray *array = json_node_get_array (member);

            g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (parts));
            for (guint j = 0; j < g_list_model_get_n_items (parts); j++)
              {
                g_autoptr(KeelRecord) part = g_list_model_get_item (parts, j);

                assert_record_matches (label, part, json_array_get_element (array, j));
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Whatever else is there is what Keel keeps without knowing it: a
   * member no field has */
  {
    g_autoptr(GList) names = json_object_get_members (object);

    for (const GList *l = names; l; l = l->next)
      if (strcmp (l->data, "id") != 0 && keel_record_find_field (record, l->data) == NULL)
        expected_members++;
  }
  g_assert_cmpuint (json_object_get_size (object), ==, expected_members);
}

/* json-glib reads what Keel wrote for @workspace to the values it holds */
static void
assert_json_glib_agrees (const char    *label,
                         KeelWorkspace *workspace)
{
  g_autoptr(GBytes) text = keel_workspace_serialize (workspace);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (text, NULL),
                                             (gssize) g_bytes_get_size (text), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, KEEL_WORKSPACE_FORMAT);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, KEEL_WORKSPACE_VERSION);
  assert_record_matches (label, KEEL_RECORD (keel_workspace_get_organisation (workspace)),
                         json_object_get_member (root, "organisation"));

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (kinds[k]);
      GListModel *list = keel_workspace_get_records (workspace, kinds[k]);
      JsonArray *array = json_object_get_array_member (root, KEEL_RECORD_CLASS (klass)->collection);

      g_assert_nonnull (array);
      g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (list));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (list, i);

          assert_record_matches (label, record, json_array_get_element (array, i));
        }
    }

  /* And json-glib's tree written by Keel's generic writer is the same
   * text: the record writer and the tree writer agree */
  {
    g_autoptr(GBytes) tree = keel_json_to_bytes (json_parser_get_root (parser));

    g_assert_true (g_bytes_equal (tree, text));
  }
}

/* ------------------------------------------------------------------------ */
/* Whole workspaces                                                         */
/* ------------------------------------------------------------------------ */

/* The same JSON without the white space outside texts */
static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (in_string)
        {
          g_string_append_c (out, *p);
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (out, *++p);
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p);
        }
      else if (!g_ascii_isspace (*p))
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
check_workspace (const char    *label,
                 KeelWorkspace *workspace)
{
  g_autoptr(GBytes) bytes = keel_workspace_serialize (workspace);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *small = compact (text);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n\t", lines);
  g_autoptr(KeelWorkspace) back = keel_workspace_new (folder);
  g_autoptr(GError) error = NULL;

  assert_json_glib_agrees (label, workspace);

  g_assert_true (round_trip (label, text, strlen (text), NULL));
  g_assert_true (keel_workspace_load_bytes (back, bytes, &error));
  g_assert_no_error (error);
  assert_same_values (label, workspace, back);

  /* Laid out otherwise, the same values */
  g_clear_object (&back);
  back = keel_workspace_new (folder);
  {
    g_autoptr(GBytes) other = g_bytes_new (small, strlen (small));
    g_autoptr(GBytes) again = NULL;

    g_assert_true (keel_workspace_load_bytes (back, other, &error));
    g_assert_no_error (error);
    again = keel_workspace_serialize (back);
    g_assert_true (g_bytes_equal (again, bytes));
  }
  g_assert_true (round_trip (label, crlf, strlen (crlf), NULL));
}

static void
test_full (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_test_new_full_workspace (folder);

  check_workspace ("full workspace", workspace);
}

static void
test_demo (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GDateTime) today = keel_date_new (KEEL_TEST_TODAY_Y, KEEL_TEST_TODAY_M,
                                              KEEL_TEST_TODAY_D);
  g_autoptr(GError) error = NULL;

  g_assert_true (keel_demo_populate (workspace, today, &error));
  g_assert_no_error (error);
  check_workspace ("demo workspace", workspace);
}

/* Nothing in it, and records with nothing set */
static void
test_empty (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  check_workspace ("empty workspace", workspace);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(KeelRecord) record = g_object_new (kinds[k], NULL);

      keel_workspace_add (workspace, record);
    }

  check_workspace ("records with nothing set", workspace);
}

/* ------------------------------------------------------------------------ */
/* Small cases                                                              */
/* ------------------------------------------------------------------------ */

/* Each a workspace with one thing in it: read (NULL) or refused with an
 * error that says these (the first is where) */
static const struct {
  const char *members;
  const char *refused[3];
} cases[] = {
  { "", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"title\": \"A\", \"target\": 1}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 0}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": -0}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": -0.0}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1e2}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1E+2}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 2.5e-7}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 0.1, \"baseline\": 0.30000000000000004}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 9007199254740992}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 123456789012345678}]",
    { "line 1, column 85:", "OBJ-1, field “target”", "cannot be held exactly" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1234567890123456789012}]",
    { "line 1, column 85:", "“target”", "beyond the whole numbers" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1e400}]",
    { "line 1, column 85:", "“target”", "1e400 is too large" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1e-400}]",
    { "line 1, column 85:", "“target”", "too small" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": \"1\"}]",
    { "line 1, column 85:", "“target”", "expected a number, found “1”" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": null, \"title\": null}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"title\": \"\"}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"status\": \"on-track\"}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"status\": \"\"}]", { "“status”", "expected one of" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"evidence\": []}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"evidence\": [\"\", \"EVD-9\"]}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"evidence\": [1]}]",
    { "line 1, column 88:", "“evidence”", "expected a list of texts, found a number" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [{\"date\": \"2026-01-31\", \"value\": 3}, "
    "{\"date\": \"2026-02-28\", \"value\": 4.5, \"note\": \"x\", \"extra\": {\"a\": [1, 2.5, null, true]}}]}]",
    { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [{\"date\": \"2026-02-30\", \"value\": 3}]}]",
    { "OBJ-1 readings[1], field “date”", "found “2026-02-30”" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [{\"date\": \"2025-02-29\"}]}]",
    { "“date”", "2025-02-29" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [{\"date\": \"2024-02-29\"}]}]", { NULL } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [null]}]", { "“readings[1]”", "expected an object, found null" } },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": {}}]", { "“readings”", "expected a list" } },
  /* Date-times are kept exactly as written, or refused with the reason */
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00+02:00\", \"duration\": 90}]", { NULL } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T23:59:59-09:30\"}]", { NULL } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2016-12-31T23:59:60+00:00\"}]",
    { "“start”", "leap second" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00.5+02:00\"}]",
    { "“start”", "fractional seconds" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00,25+02:00\"}]",
    { "“start”", "fractional seconds" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-W14-2T10:00:00+02:00\"}]",
    { "“start”", "week date" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-090T10:00:00+02:00\"}]",
    { "“start”", "day of the year" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00Z\"}]",
    { "“start”", "Z" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00+02:00\"}]",
    { "“start”", "2026-03-31T10:00+02:00" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00-00:00\"}]",
    { "“start”", "rewrite" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00\"}]",
    { "“start”", "expected a date and time" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-02-30T10:00:00+02:00\"}]",
    { "“start”", "2026-02-30" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": 90.0}]",
    { "“duration”", "expected a whole number" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": 9e1}]",
    { "“duration”", "expected a whole number" } },
  /* Integers beyond the field's range are refused, never wrapped */
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": 18446744073709551616}]",
    { "“duration”", "18446744073709551616 is beyond" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": 9223372036854775808}]",
    { "“duration”", "9223372036854775808 is beyond" } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": 9223372036854775807}]", { NULL } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": -9223372036854775808}]", { NULL } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"sign_off\": {\"by\": \"PER-1\", \"on\": \"2026-04-01\"}}]", { NULL } },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"sign_off\": []}]", { "“sign_off”", "expected an object, found a list" } },
  { "\"reviews\": [{\"id\": \"MR-26-01\"}]", { "MR-26-01", "is not an id" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"A\", \"top_management\": true, \"review_team\": false}]", { NULL } },
  { "\"people\": [{\"id\": \"PER-1\", \"top_management\": 1}]", { "“top_management”", "expected true or false" } },
  { "\"people\": [{\"id\": \"PER-1\"}, {\"id\": \"PER-1\"}]", { "line 1, column 79:", "used twice", "first at line 1" } },
  { "\"people\": [{\"id\": \"PER-0\"}]", { "“PER-0”", "is not an id" } },
  { "\"people\": [{\"id\": \"PER-4294967295\"}]", { NULL } },
  { "\"people\": [{\"id\": \"PER-4294967296\"}]", { "is not an id" } },
  { "\"people\": [{\"name\": \"no id\"}]", { "line 1, column 55:", "people[1] has no id" } },
  { "\"people\": [{\"id\": null}]", { "“id”", "expected a text, found null" } },
  { "\"people\": [{\"id\": \"PER-1\", \"id\": \"PER-2\"}]", { "“id” appears twice" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"a\", \"name\": \"b\"}]", { "“name” appears twice" } },
  { "\"people\": [{\"id\": \"PER-1\", \"x\": 1, \"x\": 2}]", { "“x” appears twice" } },
  { "\"people\": [{\"id\": \"PER-1\", \"x\": {\"y\": 1, \"y\": 2}}]", { "“y” appears twice" } },
  { "\"people\": [{\"\\u0069d\": \"PER-1\", \"n\\u00e4me\": \"\\u00e9\\ud83d\\udee1 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}]", { NULL } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"é 🛡 € ✓\"}]", { NULL } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\u0000\"}]", { "\\u0000 is not a character" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\ud83d\"}]", { "\\ud83d is not a character" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\udee1\"}]", { "\\udee1 is not a character" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\x41\"}]", { "unknown escape" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\u00G9\"}]", { "four hexadecimal digits" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"tab\there\"}]", { "control character" } },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": 'single'}]", { "single quote" } },
  { "\"people\": [{\"id\": \"PER-1\",}]", { "comma before the closing brace" } },
  { "\"people\": [{\"id\": \"PER-1\"},]", { "comma before the closing bracket" } },
  { "\"people\": null, \"policies\": null, \"organisation\": null, \"counters\": null", { NULL } },
  { "\"people\": {}", { "\"people\" must be a list of records" } },
  { "\"organisation\": {\"name\": \"Org\", \"size_profile\": \"startup\", \"motto\": \"x\"}", { NULL } },
  { "\"organisation\": []", { "organisation", "expected an object, found a list" } },
  /* Counters: a counter at its maximum is read, one beyond is refused,
   * and a name twice is refused */
  { "\"counters\": {\"PER\": 7, \"MR-2026\": 3}, \"people\": [{\"id\": \"PER-9\"}]", { NULL } },
  { "\"counters\": {\"PER\": 4294967295}", { NULL } },
  { "\"counters\": {\"PER\": -1}", { "\"counters\", “PER”", "expected a whole number" } },
  { "\"counters\": {\"PER\": 4294967296}", { "\"counters\", “PER”", "expected a whole number from 0 to 4294967295" } },
  { "\"counters\": {\"PER\": 18446744073709551616}", { "beyond the whole numbers" } },
  { "\"counters\": {\"PER\": 1.5}", { "\"counters\", “PER”" } },
  { "\"counters\": {\"PER\": 1, \"PER\": 9}", { "line 1, column 67:", "“PER” appears twice" } },
  { "\"counters\": [1]", { "\"counters\" must be an object" } },
  { "\"future\": {\"list\": [1, -2, 3.25, \"x\", false, null, {}], \"n\": 1e3}, \"z\": []", { NULL } },
  { "\"future\": 18446744073709551616", { "beyond the whole numbers" } },
  { "\"future\": 1, \"future\": 2", { "“future” appears twice" } },
  { "\"people\": [], \"people\": []", { "“people” appears twice" } },
  { "\"future\": /* note */ 1", { "line 1, column 54:", "a comment" } },
  { "\"future\": 0x10", { "line 1, column 54:", "hexadecimal" } },
  { "\"future\": 01", { "line 1, column 54:", "leading zero" } },
  { "\"future\": +1", { "line 1, column 54:", "plus sign" } },
  { "\"future\": .5", { "line 1, column 54:", "decimal point" } },
  { "\"future\": 1.", { "line 1, column 54:", "decimal point" } },
  { "\"future\": 1e", { "line 1, column 54:", "exponent" } },
  { "\"future\": -", { "line 1, column 54:", "minus sign" } },
  { "\"future\": tru", { "line 1, column 54:", "found “tru”" } },
  { "\"future\": nul", { "line 1, column 54:", "found “nul”" } },
  { "\"future\": NaN", { "line 1, column 54:", "NaN" } },
  { "\"future\": Infinity", { "line 1, column 54:", "Infinity" } },
  { "\"future\": [1, 2,]", { "line 1, column 59:", "comma before the closing bracket" } },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"keel-workspace\", \"version\": 1%s%s}\n",
                                               cases[i].members[0] ? ", " : "", cases[i].members);
      g_autoptr(GError) error = NULL;
      gboolean read = round_trip (text, text, strlen (text), &error);

      if (read != (cases[i].refused[0] == NULL))
        g_error ("%s: %s", text, read ? "read, expected refused" : error->message);

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].refused) && cases[i].refused[j]; j++)
        assert_message (error, cases[i].refused[j]);
      if (error != NULL && error->code != KEEL_ERROR_DUPLICATE_ID)
        assert_message (error, "expected");
    }

  /* As deep as the reader allows (the workspace's own brace is the first
   * level), and one deeper */
  for (guint extra = 0; extra < 2; extra++)
    {
      guint levels = KEEL_JSON_MAX_DEPTH - 1 + extra;
      g_autofree char *open = g_strnfill (levels, '[');
      g_autofree char *close = g_strnfill (levels, ']');
      g_autofree char *text = g_strdup_printf ("{\"format\": \"keel-workspace\", \"version\": 1, "
                                               "\"future\": %s%s}", open, close);

      g_assert_true (round_trip (text, text, strlen (text), NULL) == (extra == 0));
    }
}

/* Around a valid document: what JSON or Keel allows there, or not */
static void
test_edges (void)
{
  static const struct {
    const char *text;
    const char *says;
  } texts[] = {
    { "", "keel.json is empty" },
    { "   \n", "keel.json is empty" },
    { "[]", "expected a Keel workspace" },
    { "{}", "expected \"format\"" },
    { "{\"version\": 1}", "expected \"format\"" },
    { "{\"format\": \"keel-workspace\"}", "expected \"version\"" },
    { "{\"format\": \"other\", \"version\": 1}", "line 1, column 12:" },
    { "{\"format\": \"keel-workspace\", \"version\": 2}", "newer Keel" },
    { "{\"format\": \"keel-workspace\", \"version\": 0}", "expected \"version\"" },
    { "{\"format\": \"keel-workspace\", \"version\": \"1\"}", "expected \"version\"" },
    { "{\"format\": \"keel-workspace\", \"version\": 1} {}", "after the end" },
    { "{\"format\": \"keel-workspace\", \"version\": 1}x", "after the end" },
    { "\xef\xbb\xbf{\"format\": \"keel-workspace\", \"version\": 1}", "line 1, column 1:" },
    { "{\"format\": \"keel-workspace\", \"version\": 1\x0b}", "control character" },
    { "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"\xc3\x28\"}", "invalid UTF-8" },
    { "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"\xed\xa0\x80\"}", "invalid UTF-8" },
    { "{\"format\": \"keel-workspace\", \"version\": 1 /* note */}", "a comment" },
    { "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"a", "never ends" },
    { "{\"format\": \"keel-workspace\", \"version\": 1,", "ends here" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (round_trip (texts[i].text, texts[i].text, strlen (texts[i].text), &error));
      assert_message (error, texts[i].says);
    }

  /* A NUL byte inside */
  {
    static const char with_nul[] = "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"a\0b\"}";
    g_autoptr(GError) error = NULL;

    g_assert_false (round_trip ("NUL", with_nul, sizeof with_nul - 1, &error));
    assert_message (error, "line 1, column 51: contains a NUL byte");
  }
}

/* ------------------------------------------------------------------------ */
/* The fuzz corpus and random edits                                         */
/* ------------------------------------------------------------------------ */

/* Every input the fuzzer keeps, and every crash it ever found: each is
 * refused with Keel's own error, or read and then written, read back and
 * written again without a value changing */
static void
test_fuzz_corpus (void)
{
  const char *source = g_getenv ("KEEL_SOURCE_DIR");
  const char *dirs[] = { "corpus", "regressions" };
  guint files = 0;
  guint read = 0;

  g_assert_nonnull (source);

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_build_filename (source, "tests", "fuzz", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_test (file, G_FILE_TEST_IS_REGULAR) || g_str_has_suffix (name, ".md"))
            continue;
          g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
          if (round_trip (file, contents, length, NULL))
            {
              g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
              g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);

              g_assert_true (keel_workspace_load_bytes (workspace, bytes, NULL));
              assert_json_glib_agrees (file, workspace);
              read++;
            }
          files++;
        }
    }

  /* The committed seeds (and regressions) at least; a local fuzzing run adds more */
  g_assert_cmpuint (files, >=, 40);
  g_assert_cmpuint (read, >=, 5);
}

/* The full workspace with one edit at a random place, many times over */
static void
test_mutations (void)
{
  static const char bytes[] = "{}[],:\"\\u0-+.eE tnf1 \x01\xc3\xa9\xff/";
  g_autoptr(KeelWorkspace) workspace = keel_test_new_full_workspace (folder);
  g_autoptr(GBytes) full = keel_workspace_serialize (workspace);
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);
  const char *text = g_bytes_get_data (full, NULL);
  gsize length = g_bytes_get_size (full);
  /* Under sanitizers or memcheck every load is many times slower: fewer
   * rounds there (the plain run keeps them all) */
  const char *preload = g_getenv ("LD_PRELOAD");
  gboolean slow = g_getenv ("KEEL_SANITIZERS") != NULL ||
                  (preload != NULL && strstr (preload, "vgpreload") != NULL);
  guint rounds = slow ? 150 : 1500;
  guint read = 0;

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GString) mutated = g_string_new_len (text, length);
      gsize at = g_rand_int_range (rand, 0, (gint32) length);
      char c = bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];
      g_autofree char *label = NULL;
      g_autoptr(GError) error = NULL;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_erase (mutated, at, 1);
          break;
        case 1:
          g_string_insert_c (mutated, at, c);
          break;
        default:
          mutated->str[at] = c;
          break;
        }

      label = g_strdup_printf ("mutation %u at byte %" G_GSIZE_FORMAT, i, at);
      if (round_trip (label, mutated->str, mutated->len, &error))
        read++;
      else if (error->code != KEEL_ERROR_EMPTY)
        assert_message (error, "keel.json line ");
    }

  /* Many edits leave valid JSON (inside a text, or white space) */
  g_assert_cmpuint (read, >, rounds / 15);
}

/* ------------------------------------------------------------------------ */
/* Counters                                                                 */
/* ------------------------------------------------------------------------ */

/* A counter at its maximum loads; the next id would wrap, so adding a
 * record then is refused, and what is saved still loads */
static void
test_counter_limit (void)
{
  const char *text = "{\"format\": \"keel-workspace\", \"version\": 1, "
                     "\"people\": [{\"id\": \"PER-4294967295\", \"name\": \"Last\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(KeelWorkspace) back = keel_workspace_new (folder);
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (keel_workspace_load_bytes (workspace, bytes, &error));
  g_assert_no_error (error);

  id = keel_workspace_next_id (workspace, KEEL_TYPE_PERSON, NULL);
  g_assert_null (id);

  keel_test_expect_log ("keel-workspace", G_LOG_LEVEL_WARNING, "*no id left*PER*");
  keel_workspace_add (workspace, person);
  keel_test_assert_expected_logs ();
  g_assert_null (keel_record_get_id (person));
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_PERSON), ==, 1);

  /* Other kinds are not concerned */
  keel_workspace_add (workspace, objective);
  g_assert_cmpstr (keel_record_get_id (objective), ==, "OBJ-1");

  saved = keel_workspace_serialize (workspace);
  g_assert_true (keel_workspace_load_bytes (back, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (keel_workspace_count (back, KEEL_TYPE_PERSON), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  int status;

  keel_test_init (&argc, &argv);

  tmp = keel_test_make_tmpdir ();
  folder = g_file_new_for_path (tmp);

  g_test_add_func ("/keel/format/full", test_full);
  g_test_add_func ("/keel/format/demo", test_demo);
  g_test_add_func ("/keel/format/empty", test_empty);
  g_test_add_func ("/keel/format/cases", test_cases);
  g_test_add_func ("/keel/format/edges", test_edges);
  g_test_add_func ("/keel/format/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/keel/format/mutations", test_mutations);
  g_test_add_func ("/keel/format/counter-limit", test_counter_limit);

  status = g_test_run ();

  g_clear_object (&folder);
  keel_test_rm_rf (tmp);

  return status;
}
