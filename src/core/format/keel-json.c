/* keel-json.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-json"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-error.h"
#include "keel-json.h"

/* keel.json is meant to be read and diffed by people, so Keel writes it
 * itself rather than with JsonGenerator: two-space indents, UTF-8 kept as
 * it is, and numbers in their shortest exact form (0.1, not
 * 0.10000000000000001). The same tree always gives the same bytes. */

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * keel_json_write_string:
 *
 * Appends @s as a JSON text, quoted and escaped as keel.json has it.
 */
void
keel_json_write_string (GString    *out,
                        const char *s)
{
  g_autofree char *valid = NULL;
  const char *run;

  /* Never write what the parser refuses: bytes that are not UTF-8 (from a
   * careless import) become U+FFFD rather than make keel.json unreadable */
  if (!g_utf8_validate (s, -1, NULL))
    s = valid = g_utf8_make_valid (s, -1);

  g_string_append_c (out, '"');

  run = s;
  for (const char *p = s; ; p++)
    {
      guchar c = (guchar) *p;

      /* Most bytes go out as they are, a run at a time */
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '\0':
          g_string_append_c (out, '"');
          return;
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
    }
}

/**
 * keel_json_write_double:
 *
 * Appends @d in its shortest exact form (0.1, not 0.10000000000000001);
 * whole numbers written out; null for what JSON cannot hold.
 */
void
keel_json_write_double (GString *out,
                        double   d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      /* JSON has no NaN or infinity */
      g_string_append (out, "null");
      return;
    }

  /* -0 would read back as the integer 0 and be written "0" next time */
  if (d == 0)
    {
      g_string_append (out, "0");
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }

  /* %g writes 100 as 1e+02: whole numbers read better written out */
  if (strchr (buf, 'e') != NULL && d == floor (d) && fabs (d) < 1e15)
    g_snprintf (buf, sizeof buf, "%.0f", d);

  g_string_append (out, buf);
}

/**
 * keel_json_write_indent:
 *
 * Starts a new line indented for @depth.
 */
void
keel_json_write_indent (GString *out,
                        guint    depth)
{
  static const char spaces[] = "\n                                                                ";
  gsize n = 1 + 2 * (gsize) depth;

  if (n <= sizeof spaces - 1)
    {
      g_string_append_len (out, spaces, n);
      return;
    }

  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/**
 * keel_json_write_node:
 * @depth: the indent of the line @node starts on
 *
 * Appends @node as keel_json_write() writes it at that depth, without
 * the final newline: for writers that write the rest themselves.
 */
void
keel_json_write_node (JsonNode *node,
                      GString  *out,
                      guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        g_string_append_c (out, '{');
        for (const GList *l = members; l; l = l->next)
          {
            keel_json_write_indent (out, depth + 1);
            keel_json_write_string (out, l->data);
            g_string_append (out, ": ");
            keel_json_write_node (json_object_get_member (object, l->data), out, depth + 1);
            if (l->next)
              g_string_append_c (out, ',');
          }
        keel_json_write_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            keel_json_write_indent (out, depth + 1);
            keel_json_write_node (json_array_get_element (array, i), out, depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        keel_json_write_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          keel_json_write_string (out, json_node_get_string (node));
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          keel_json_write_double (out, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else
          g_string_append (out, "null");
      }
      break;
    }
}

void
keel_json_write (JsonNode *node,
                 GString  *out)
{
  g_return_if_fail (node != NULL);
  g_return_if_fail (out != NULL);

  keel_json_write_node (node, out, 0);
  g_string_append_c (out, '\n');
}

GBytes *
keel_json_to_bytes (JsonNode *node)
{
  GString *out = g_string_sized_new (4096);

  keel_json_write (node, out);

  return g_string_free_to_bytes (out);
}
