/* test-json.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "keel-error.h"
#include "keel-json.h"
#include "keel-test-util.h"

static char *
write_text (JsonNode *node)
{
  g_autoptr(GBytes) bytes = keel_json_to_bytes (node);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_message (const GError *error,
                const char   *part)
{
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” is not in the message “%s”", part, error->message);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_write_exact (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *expected =
    "{\n"
    "  \"text\": \"say \\\"hi\\\" back\\\\slash \\n\\t\\r\\b\\f \\u0001\\u001f\x7f é € 🛡\",\n"
    "  \"key \\\"quoted\\\"\": \"/ stays /\",\n"
    "  \"numbers\": [\n"
    "    0.1,\n"
    "    1e+300,\n"
    "    -0.5,\n"
    "    12,\n"
    "    3.14159,\n"
    "    0.30000000000000004,\n"
    "    2.5e-07,\n"
    "    100,\n"
    "    0,\n"
    "    0,\n"
    "    9007199254740993,\n"
    "    9223372036854775807,\n"
    "    -9223372036854775808,\n"
    "    -42\n"
    "  ],\n"
    "  \"empty_object\": {},\n"
    "  \"empty_list\": [],\n"
    "  \"nested\": {\n"
    "    \"yes\": true,\n"
    "    \"no\": false,\n"
    "    \"nothing\": null,\n"
    "    \"deeper\": [\n"
    "      {\n"
    "        \"a\": \"\"\n"
    "      }\n"
    "    ]\n"
    "  }\n"
    "}\n";

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, "say \"hi\" back\\slash \n\t\r\b\f \x01\x1f\x7f é € 🛡");
  json_builder_set_member_name (builder, "key \"quoted\"");
  json_builder_add_string_value (builder, "/ stays /");
  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, 0.1);
  json_builder_add_double_value (builder, 1e300);
  json_builder_add_double_value (builder, -0.5);
  json_builder_add_double_value (builder, 12.0);
  json_builder_add_double_value (builder, 3.14159);
  json_builder_add_double_value (builder, 0.1 + 0.2);
  json_builder_add_double_value (builder, 2.5e-7);
  json_builder_add_double_value (builder, 100.0);
  json_builder_add_double_value (builder, 0.0);
  json_builder_add_double_value (builder, -0.0);
  json_builder_add_int_value (builder, G_GINT64_CONSTANT (9007199254740993));
  json_builder_add_int_value (builder, G_MAXINT64);
  json_builder_add_int_value (builder, G_MININT64);
  json_builder_add_int_value (builder, -42);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "empty_object");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "empty_list");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "nested");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "yes");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "no");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "nothing");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "deeper");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "a");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = write_text (root);
  g_assert_cmpstr (text, ==, expected);
}

/* What the writer writes, the parser reads back to the same bytes: the
 * writer's output is a fixed point, numbers included. */
static void
test_write_fixed_point (void)
{
  static const double doubles[] = {
    0.1, 1e300, -0.5, 12.0, 3.14159, 0.1 + 0.2, 2.5e-7, -0.0, 1e21, 123456789012.5,
    9007199254740992.0, 1e17, 5e-324, 1.7976931348623157e308, -1e-300, 1.0 / 3.0,
  };
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    json_array_add_double_element (array, doubles[i]);
  json_array_add_string_element (array, "tab\there \"q\" \\ \x01 ü");
  json_node_set_array (root, array);

  first = write_text (root);
  again = keel_json_parse ("keel.json", first, strlen (first), &error);
  g_assert_no_error (error);
  second = write_text (again);
  g_assert_cmpstr (second, ==, first);

  /* and each number reads back exactly */
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (again), i);

      g_assert_cmpfloat (json_node_get_double (element), ==, doubles[i]);
    }
}

/* Text that is not UTF-8 (from a careless import, say) must not make
 * Keel write a keel.json it cannot read back */
static void
test_write_invalid_utf8 (void)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (object, "latin1", "Caf\xe9 cr\xe8me");
  json_object_set_string_member (object, "cut", "\xe2\x82");
  json_object_set_string_member (object, "k\xfcr", "name not UTF-8");
  json_node_set_object (root, object);

  text = write_text (root);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  again = keel_json_parse ("keel.json", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (again), "latin1"),
                   ==, "Caf\xef\xbf\xbd cr\xef\xbf\xbdme");
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_parse_error_position (void)
{
  static const struct {
    const char *text;
    const char *position;
  } cases[] = {
    { "{\n  \"a\": 1,\n  \"b\" 2\n}\n", "keel.json line 3, column " },
    { "{\n  \"a\": [1, 2,\n    3 4]\n}", "keel.json line 3, column " },
    { "{\"a\": tru}", "keel.json line 1, column " },
    { "{} trailing", "keel.json line 1, column " },
    { "{\n\n\n  \"unterminated\": \"text\n}", "keel.json line " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", cases[i].text,
                                                  strlen (cases[i].text), &error);

      g_assert_null (node);
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);
      assert_message (error, cases[i].position);
      assert_message (error, "not valid JSON");
      /* json-glib's own prefix is replaced by the file's name */
      g_assert_null (strstr (error->message, "<data>"));
    }

  /* The position is the one json-glib found, in the line the error is on */
  {
    const char *text = "{\n  \"a\": 1,\n  \"b\" 2\n}\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = keel_json_parse ("keel.json", text, strlen (text), &error);
    guint line = 0, column = 0;
    const char *at = strstr (error->message, "line ");

    g_assert_nonnull (at);
    g_assert_cmpint (sscanf (at, "line %u, column %u", &line, &column), ==, 2);
    g_assert_cmpuint (line, ==, 3);
    g_assert_cmpuint (column, >=, 3);
    g_assert_cmpuint (column, <=, 8);
    assert_message (error, "expected");
  }
}

static void
test_parse_empty (void)
{
  static const char *blank[] = { "", " ", "\n\n", " \t\r\n  " };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", blank[i], strlen (blank[i]), &error);

      g_assert_null (node);
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_EMPTY);
      assert_message (error, "keel.json is empty");
      assert_message (error, "expected a Keel workspace");
    }

  /* Also with no data at all */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = keel_json_parse ("keel.json", NULL, 0, &error);

    g_assert_null (node);
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_EMPTY);
  }
}

static void
test_parse_invalid_utf8 (void)
{
  /* \xff at line 3: two spaces (1-2), "b" (3-5), colon, space, quote (8), é, x: column 11 */
  const char text[] = "{\n  \"a\": \"ok\",\n  \"b\": \"éx\xff\"\n}\n";
  /* A truncated sequence at the very end */
  const char cut[] = "{\"a\": \"\xe2\x82";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = keel_json_parse ("keel.json", text, sizeof text - 1, &error);
  g_assert_null (node);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_ENCODING);
  assert_message (error, "keel.json line 3, column 11: invalid UTF-8");
  assert_message (error, "expected UTF-8 text");
  g_clear_error (&error);

  node = keel_json_parse ("keel.json", cut, sizeof cut - 1, &error);
  g_assert_null (node);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_ENCODING);
  assert_message (error, "keel.json line 1, column 8: invalid UTF-8");
}

static void
test_parse_nul (void)
{
  const char text[] = "{\n  \"a\": \"x\0y\"\n}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = keel_json_parse ("keel.json", text, sizeof text - 1, &error);
  g_assert_null (node);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_ENCODING);
  assert_message (error, "keel.json line 2, column 10: contains a NUL byte");
  g_clear_error (&error);

  /* A NUL after the document */
  node = keel_json_parse ("keel.json", "{}\0", 3, &error);
  g_assert_null (node);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_ENCODING);
  assert_message (error, "line 1, column 3: contains a NUL byte");
}

/* \u escapes that are not text: half of a surrogate pair, or NUL (which
 * json-glib would silently cut the text at) */
static void
test_parse_bad_escapes (void)
{
  static const struct {
    const char *text;
    const char *position;
  } cases[] = {
    { "{\n  \"a\": \"x\\udc00y\"\n}", "keel.json line 2, column 10" },
    { "{\n  \"a\": \"\\uD83D\\u0041\"\n}", "keel.json line 2, column 9" },
    { "{\"a\": \"ok\", \"b\": \"\\ud800\"}", "keel.json line 1, column 19" },
    { "{\"a\": \"before\\u0000after\"}", "keel.json line 1, column 14" },
    { "{\"\\udfff\": 1}", "keel.json line 1, column 3" },
  };
  static const char *fine[] = {
    "{\"a\": \"\\ud83d\\udee1 shield\"}",
    "{\"a\": \"\\\\udc00 is only text\"}",
    "{\"a\": \"\\u00e9\\u20ac\\u0001\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", cases[i].text,
                                                  strlen (cases[i].text), &error);

      g_assert_null (node);
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_ENCODING);
      assert_message (error, cases[i].position);
      assert_message (error, "expected");
    }

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", fine[i], strlen (fine[i]), &error);
      const char *value;

      g_assert_no_error (error);
      value = json_object_get_string_member (json_node_get_object (node), "a");
      g_assert_true (g_utf8_validate (value, -1, NULL));
    }
}

/* What JSON does not allow but json-glib 1.6 would read: each refused
 * with its position, never silently read (a second document would be
 * dropped without a word) */
static void
test_parse_not_json (void)
{
  static const struct {
    const char *text;
    const char *position;
    const char *says;
  } cases[] = {
    { "{\"a\": 1}\n{\"b\": 2}\n", "keel.json line 2, column 1", "after the end" },
    { "{\"a\": 1} x", "keel.json line 1, column 10", "after the end" },
    { "{'a': 1}", "keel.json line 1, column 2", "single quote" },
    { "{\"a\": \"x\001y\"}", "keel.json line 1, column 9", "control character" },
    { "{\"a\": \"tab\there\"}", "keel.json line 1, column 11", "control character" },
    { "{\n  \"a\": \"\\q\"\n}", "keel.json line 2, column 9", "unknown escape" },
    { "{\"a\": \"\\u12G4\"}", "keel.json line 1, column 8", "four hexadecimal digits" },
  };
  static const char *fine[] = {
    "{\"a\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\"}\n\n  \t\n",
    "[\n  {\"a\": \"{ not a brace } [ nor a bracket ]\"}\n]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", cases[i].text,
                                                  strlen (cases[i].text), &error);

      g_assert_null (node);
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);
      assert_message (error, cases[i].position);
      assert_message (error, cases[i].says);
      assert_message (error, "expected");
    }

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", fine[i], strlen (fine[i]), &error);

      g_assert_no_error (error);
      g_assert_nonnull (node);
    }
}

/* JSON lets a name appear twice in an object and json-glib keeps the last:
 * in keel.json that would silently drop a field, or a whole list */
static void
test_parse_duplicate_names (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}", "keel.json line 4" },
    { "{\"people\": [{\"id\": \"PER-1\", \"name\": \"A\",\n \"name\": \"B\"}]}", "keel.json line 2" },
    { "{\"people\": [],\n \"x\": {\"people\": 1},\n\n \"people\": [{}]}", "keel.json line 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", cases[i].text,
                                                  strlen (cases[i].text), &error);

      g_assert_null (node);
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);
      assert_message (error, cases[i].message);
      assert_message (error, "twice");
    }

  /* The same name in different objects is fine */
  {
    const char *text = "{\"a\": {\"a\": {\"a\": 1}}, \"b\": [{\"a\": 1}, {\"a\": 2}]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = keel_json_parse ("keel.json", text, strlen (text), &error);

    g_assert_no_error (error);
    g_assert_nonnull (node);
  }
}

static void
test_parse_deep (void)
{
  const guint n = 100000;
  g_autoptr(GString) deep = g_string_sized_new (n);
  g_autoptr(GString) limit = g_string_new (NULL);
  g_autoptr(GString) in_text = g_string_new ("{\"a\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *expected = NULL;

  /* 100 000 levels: refused before json-glib recurses into them */
  for (guint i = 0; i < n; i++)
    g_string_append_c (deep, '[');
  node = keel_json_parse ("keel.json", deep->str, deep->len, &error);
  g_assert_null (node);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);
  expected = g_strdup_printf ("keel.json line 1, column %u: nested more than %u levels deep",
                              KEEL_JSON_MAX_DEPTH + 1, KEEL_JSON_MAX_DEPTH);
  assert_message (error, expected);
  g_clear_error (&error);

  /* The same closed, and with objects */
  for (guint i = 0; i < n; i++)
    g_string_append_c (deep, ']');
  node = keel_json_parse ("keel.json", deep->str, deep->len, &error);
  g_assert_null (node);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);
  g_clear_error (&error);

  g_string_truncate (deep, 0);
  for (guint i = 0; i < n; i++)
    g_string_append (deep, "{\"a\":");
  node = keel_json_parse ("keel.json", deep->str, deep->len, &error);
  g_assert_null (node);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);
  assert_message (error, "nested more than");
  g_clear_error (&error);

  /* Exactly the limit is fine */
  for (guint i = 0; i < KEEL_JSON_MAX_DEPTH; i++)
    g_string_append_c (limit, '[');
  for (guint i = 0; i < KEEL_JSON_MAX_DEPTH; i++)
    g_string_append_c (limit, ']');
  node = keel_json_parse ("keel.json", limit->str, limit->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_clear_pointer (&node, json_node_unref);

  /* Brackets inside strings, escaped quotes included, are text */
  for (guint i = 0; i < 1000; i++)
    g_string_append (in_text, "[{\\\"");
  g_string_append (in_text, "\"}");
  node = keel_json_parse ("keel.json", in_text->str, in_text->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

/* What RFC 8259 forbids, each refused by Keel itself with where it is,
 * what was found and what was expected */
static void
test_parse_forbidden (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *position;
    const char *says;
  } cases[] = {
    { "{\"a\": 1 /* note */}", KEEL_ERROR_SYNTAX, "line 1, column 9:", "a comment" },
    { "// note\n{\"a\": 1}", KEEL_ERROR_SYNTAX, "line 1, column 1:", "a comment" },
    { "{\"a\": 0x10}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "hexadecimal" },
    { "{\"a\": 01}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "leading zero" },
    { "{\"a\": -01}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "leading zero" },
    { "{\"a\": .5}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "before its decimal point" },
    { "{\"a\": +1}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "plus sign" },
    { "{\"a\": 1.}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "without a digit after it" },
    { "{\"a\": 1.e5}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "without a digit after it" },
    { "{\"a\": 1e}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "exponent without digits" },
    { "{\"a\": -}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "minus sign" },
    { "{\"a\": NaN}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "NaN is not a number" },
    { "{\"a\": Infinity}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "Infinity is not a number" },
    { "{\"a\": -Infinity}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "-Infinity is not a number" },
    { "{\"a\": [1, 2,]}", KEEL_ERROR_SYNTAX, "line 1, column 12:", "comma before the closing bracket" },
    { "{\"a\": 1,\n}", KEEL_ERROR_SYNTAX, "line 1, column 8:", "comma before the closing brace" },
    { "{\"a\": 'x'}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "single quote" },
    { "{\"a\": truex}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "found “truex”" },
    { "{\"a\": True}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "found “True”" },
    { "{\"a\" 1}", KEEL_ERROR_SYNTAX, "line 1, column 6:", "expected a colon" },
    { "{\"a\": 1 \"b\": 2}", KEEL_ERROR_SYNTAX, "line 1, column 9:", "expected a comma or a closing brace" },
    { "[1 2]", KEEL_ERROR_SYNTAX, "line 1, column 4:", "expected a comma or a closing bracket" },
    { "{a: 1}", KEEL_ERROR_SYNTAX, "line 1, column 2:", "expected a name in double quotes" },
    { "{\"a\": [1,\n", KEEL_ERROR_SYNTAX, "line 2, column 1:", "the text ends here" },
    { "{\"a\": \"open}", KEEL_ERROR_SYNTAX, "line 1, column 7:", "never ends" },
    { "{\"counters\": {\"PER\": 1,\n  \"PER\": 2}}", KEEL_ERROR_SYNTAX, "line 2, column 3:",
      "“PER” appears twice" },
    /* Numbers JSON allows but Keel cannot hold as written: refused, never
     * wrapped, rounded to infinity or to zero */
    { "{\"a\": 18446744073709551616}", KEEL_ERROR_INVALID, "line 1, column 7:",
      "18446744073709551616 is beyond the whole numbers" },
    { "{\"a\": 9223372036854775808}", KEEL_ERROR_INVALID, "line 1, column 7:", "beyond" },
    { "{\"a\": -9223372036854775809}", KEEL_ERROR_INVALID, "line 1, column 7:", "beyond" },
    { "{\"a\": 99999999999999999999999999999999999999999999999999}", KEEL_ERROR_INVALID,
      "line 1, column 7:", "9999…" },
    { "{\"a\": 1e400}", KEEL_ERROR_INVALID, "line 1, column 7:", "1e400 is too large" },
    { "{\"a\": -1.5e309}", KEEL_ERROR_INVALID, "line 1, column 7:", "too large" },
    { "{\"a\": 1e-400}", KEEL_ERROR_INVALID, "line 1, column 7:", "too small" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", cases[i].text,
                                                  strlen (cases[i].text), &error);

      if (node != NULL)
        g_error ("%s: read, expected refused", cases[i].text);
      g_assert_error (error, KEEL_ERROR, cases[i].code);
      assert_message (error, "keel.json ");
      assert_message (error, cases[i].position);
      assert_message (error, cases[i].says);
      assert_message (error, "expected");
    }
}

/* The edges of what is allowed read as written */
static void
test_parse_number_edges (void)
{
  static const struct {
    const char *text;
    gboolean    integer;
    gint64      int_value;
    double      double_value;
  } cases[] = {
    { "9223372036854775807", TRUE, G_MAXINT64, 0 },
    { "-9223372036854775808", TRUE, G_MININT64, 0 },
    { "-0", TRUE, 0, 0 },
    { "0", TRUE, 0, 0 },
    { "1.7976931348623157e308", FALSE, 0, 1.7976931348623157e308 },
    { "5e-324", FALSE, 0, 5e-324 },
    { "0e-400", FALSE, 0, 0 },
    { "0.000", FALSE, 0, 0 },
    { "1E+2", FALSE, 0, 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = keel_json_parse ("keel.json", cases[i].text,
                                                  strlen (cases[i].text), &error);

      g_assert_no_error (error);
      if (cases[i].integer)
        {
          g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
          g_assert_cmpint (json_node_get_int (node), ==, cases[i].int_value);
        }
      else
        {
          g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE);
          g_assert_cmpfloat (json_node_get_double (node), ==, cases[i].double_value);
        }
    }

  /* An integer a double cannot hold exactly is refused where a double is
   * wanted, not rounded */
  {
    static const struct { const char *text; gboolean ok; double value; } doubles[] = {
      { "9007199254740992", TRUE, 9007199254740992.0 },
      { "9007199254740993", FALSE, 0 },
      { "-9223372036854775807", FALSE, 0 },
      { "9223372036854775807", FALSE, 0 },
      { "-9223372036854775808", TRUE, -9223372036854775808.0 },
      { "12", TRUE, 12 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
      {
        KeelJsonReader reader;
        double value = 0;

        keel_json_reader_init (&reader, doubles[i].text, strlen (doubles[i].text));
        g_assert_true (keel_json_reader_read_double (&reader, &value) == doubles[i].ok);
        if (doubles[i].ok)
          g_assert_cmpfloat (value, ==, doubles[i].value);
        else
          {
            g_autoptr(GError) error = NULL;

            keel_json_reader_propagate_error (&reader, "keel.json", &error);
            g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
            assert_message (error, "line 1, column 1:");
            assert_message (error, "cannot be held exactly");
          }
        keel_json_reader_clear (&reader);
      }
  }
}

static void
test_offset_to_line (void)
{
  const char *text = "ab\ncé\n\nx";
  guint line, column;

  keel_json_offset_to_line (text, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);

  keel_json_offset_to_line (text, 2, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 3);

  /* é is two bytes and one column */
  keel_json_offset_to_line (text, 6, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 3);

  keel_json_offset_to_line (text, 8, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/json/write-exact", test_write_exact);
  g_test_add_func ("/keel/json/write-fixed-point", test_write_fixed_point);
  g_test_add_func ("/keel/json/write-invalid-utf8", test_write_invalid_utf8);
  g_test_add_func ("/keel/json/parse-error-position", test_parse_error_position);
  g_test_add_func ("/keel/json/parse-empty", test_parse_empty);
  g_test_add_func ("/keel/json/parse-invalid-utf8", test_parse_invalid_utf8);
  g_test_add_func ("/keel/json/parse-nul", test_parse_nul);
  g_test_add_func ("/keel/json/parse-bad-escapes", test_parse_bad_escapes);
  g_test_add_func ("/keel/json/parse-not-json", test_parse_not_json);
  g_test_add_func ("/keel/json/parse-duplicate-names", test_parse_duplicate_names);
  g_test_add_func ("/keel/json/parse-deep", test_parse_deep);
  g_test_add_func ("/keel/json/parse-forbidden", test_parse_forbidden);
  g_test_add_func ("/keel/json/parse-number-edges", test_parse_number_edges);
  g_test_add_func ("/keel/json/offset-to-line", test_offset_to_line);

  return g_test_run ();
}
