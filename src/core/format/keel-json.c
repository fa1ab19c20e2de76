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

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */
/* ------------------------------------------------------------------------ */

void
keel_json_offset_to_line (const char *data,
                          gsize       offset,
                          guint      *line,
                          guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        c++;
    }

  *line = l;
  *column = c;
}

static int
hex4 (const char *data,
      gsize       length,
      gsize       at)
{
  int value = 0;

  if (at + 4 > length)
    return -1;

  for (gsize k = at; k < at + 4; k++)
    {
      int digit = g_ascii_xdigit_value (data[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* How many bytes after the backslash at @i a \u escape takes (5, or 11 for
 * a surrogate pair), or 0 when json-glib would not turn it into text: half
 * of a surrogate pair becomes invalid UTF-8, and \u0000 cuts the text. */
static gsize
unicode_escape_length (const char *data,
                       gsize       length,
                       gsize       i)
{
  int code = hex4 (data, length, i + 2);
  int low = -1;

  if (code < 0)
    return 1;  /* not an escape at all: json-glib says so itself */
  if (code == 0 || (code >= 0xDC00 && code <= 0xDFFF))
    return 0;
  if (code < 0xD800 || code > 0xDBFF)
    return 5;

  if (i + 7 < length && data[i + 6] == '\\' && data[i + 7] == 'u')
    low = hex4 (data, length, i + 8);

  return (low >= 0xDC00 && low <= 0xDFFF) ? 11 : 0;
}

/* Sets @error to "NAME line L, column C: " + the message, for the byte at
 * @offset. */
static gboolean G_GNUC_PRINTF (6, 7)
refuse_at (GError     **error,
           int          code,
           const char  *display_name,
           const char  *data,
           gsize        offset,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  keel_json_offset_to_line (data, offset, &line, &column);
  g_set_error (error, KEEL_ERROR, code, _("%s line %u, column %u: %s"),
               display_name, line, column, message);

  return FALSE;
}

/* One pass over the text before json-glib sees it, for what json-glib
 * would let through or handle badly, each refused where its place is known:
 * - nesting deeper than KEEL_JSON_MAX_DEPTH (json-glib recurses once per
 *   level: a hostile file could exhaust the stack);
 * - escapes that would not give text (half a surrogate pair, \u0000) or are
 *   not JSON's (\x, \u12G4);
 * - raw control characters inside a text;
 * - single-quoted texts, which json-glib accepts;
 * - anything but white space after the workspace's closing brace (a second
 *   document, which json-glib would silently drop). */
static gboolean
check_text (const char  *display_name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  gboolean in_string = FALSE;
  gboolean started = FALSE;
  gboolean closed = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c < 0x20)
            return refuse_at (error, KEEL_ERROR_SYNTAX, display_name, data, i,
                              _("not valid JSON: a control character (0x%02x) inside a text; expected it "
                                "written as an escape such as \\n"), c);
          else if (c == '\\')
            {
              char next = i + 1 < length ? data[i + 1] : '\0';

              if (next == 'u')
                {
                  gsize skip = unicode_escape_length (data, length, i);

                  if (skip == 0)
                    return refuse_at (error, KEEL_ERROR_ENCODING, display_name, data, i,
                                      _("%.6s is not a character of text; expected UTF-8 text"),
                                      data + i);
                  if (skip == 1)
                    return refuse_at (error, KEEL_ERROR_SYNTAX, display_name, data, i,
                                      _("not valid JSON: a \\u escape without four hexadecimal digits; "
                                        "expected four hexadecimal digits, as in \\u00e9"));
                  i += skip;
                }
              else if (next != '\0' && strchr ("\"\\/bfnrt", next) != NULL)
                i++;
              else
                return refuse_at (error, KEEL_ERROR_SYNTAX, display_name, data, i,
                                  _("not valid JSON: an unknown escape inside a text; expected one of "
                                    "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"));
            }
          continue;
        }

      if (g_ascii_isspace (c))
        continue;

      if (closed)
        return refuse_at (error, KEEL_ERROR_SYNTAX, display_name, data, i,
                          _("not valid JSON: more text after the end of the workspace; expected the file "
                            "to end after its closing brace"));

      if (c == '"')
        in_string = TRUE;
      else if (c == '\'')
        return refuse_at (error, KEEL_ERROR_SYNTAX, display_name, data, i,
                          _("not valid JSON: a single quote; expected texts in double quotes"));
      else if (c == '{' || c == '[')
        {
          if (++depth > KEEL_JSON_MAX_DEPTH)
            return refuse_at (error, KEEL_ERROR_SYNTAX, display_name, data, i,
                              _("nested more than %u levels deep; expected a Keel workspace"),
                              KEEL_JSON_MAX_DEPTH);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        {
          if (--depth == 0 && started)
            closed = TRUE;
        }

      if (!started)
        started = TRUE;
    }

  return TRUE;
}

/* JSON allows a name twice in one object and json-glib keeps the last
 * value: in keel.json that would drop a field, or a whole list, without a
 * word. The members of each open object are counted as they are read. */
typedef struct
{
  GArray *counts;
  char   *name;
  guint   line;
  guint   column;
} Duplicates;

static void
object_start_cb (JsonParser *parser,
                 Duplicates *dup)
{
  guint zero = 0;

  g_array_append_val (dup->counts, zero);
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  Duplicates *dup)
{
  guint *count;

  if (dup->counts->len == 0)
    return;

  count = &g_array_index (dup->counts, guint, dup->counts->len - 1);
  (*count)++;

  if (dup->name == NULL && json_object_get_size (object) < *count)
    {
      dup->name = g_strdup (name);
      dup->line = json_parser_get_current_line (parser);
      dup->column = json_parser_get_current_pos (parser);
    }
}

static void
object_end_cb (JsonParser *parser,
               JsonObject *object,
               Duplicates *dup)
{
  if (dup->counts->len > 0)
    g_array_set_size (dup->counts, dup->counts->len - 1);
}

/**
 * keel_json_parse:
 * @display_name: how to name the file in errors ("keel.json")
 *
 * Parses JSON text, with errors a person can act on: empty files, text
 * that is not UTF-8, NUL bytes and syntax errors each name the line and
 * column.
 *
 * Returns: (transfer full) (nullable): the root node
 */
JsonNode *
keel_json_parse (const char  *display_name,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *duplicate = NULL;
  Duplicates dup = { counts, NULL, 0, 0 };
  const char *end = NULL;
  gboolean blank = TRUE;
  gboolean loaded;

  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);

  if (blank)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_EMPTY,
                   _("%s is empty; expected a Keel workspace (a JSON object)"),
                   display_name);
      return NULL;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      guint line, column;
      gsize offset = (gsize) (end - data);

      keel_json_offset_to_line (data, offset, &line, &column);
      if (offset < length && data[offset] == '\0')
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_ENCODING,
                     _("%s line %u, column %u: contains a NUL byte; expected UTF-8 text"),
                     display_name, line, column);
      else
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_ENCODING,
                     _("%s line %u, column %u: invalid UTF-8; expected UTF-8 text"),
                     display_name, line, column);
      return NULL;
    }

  if (!check_text (display_name, data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  g_signal_connect (parser, "object-start", G_CALLBACK (object_start_cb), &dup);
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &dup);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), &dup);

  loaded = json_parser_load_from_data (parser, data, (gssize) length, &local_error);
  duplicate = dup.name;

  if (!loaded)
    {
      /* json-glib says "<data>:12:5: Parse error: unexpected …", quoting
       * what it read, which can be half a \u escape: keep it UTF-8 */
      g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);
      const char *msg = valid;
      const char *detail;
      guint line = 0, column = 0;

      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      detail = strstr (msg, "Parse error: ");
      if (sscanf (msg, "%u:%u", &line, &column) == 2 && detail != NULL)
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX,
                     _("%s line %u, column %u: not valid JSON: %s"),
                     display_name, line, column, detail + strlen ("Parse error: "));
      else
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX,
                     _("%s is not valid JSON: %s"), display_name, msg);
      return NULL;
    }

  if (duplicate != NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_SYNTAX,
                   _("%s line %u, column %u: “%s” appears twice in one object; "
                     "expected each name once"),
                   display_name, dup.line, dup.column, duplicate);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_EMPTY,
                   _("%s is empty; expected a Keel workspace (a JSON object)"),
                   display_name);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/* ------------------------------------------------------------------------ */
/* Reading without a tree                                                   */
/* ------------------------------------------------------------------------ */

/* KeelJsonReader reads values one at a time straight from the text, for
 * the workspace loader: no JsonNode per value and no pass before the
 * parse. It reads strict JSON (RFC 8259) and never explains a failure: at
 * anything it does not expect (a syntax error, but also whatever
 * keel_json_parse() refuses: nesting deeper than KEEL_JSON_MAX_DEPTH, a
 * name twice in one object, \u0000, half a surrogate pair) it stops, and
 * the caller reads the text again with keel_json_parse(), whose errors
 * name the line and column. So it only ever has to be right about text
 * it accepts, and there it gives what json-glib gives.
 *
 * It checks UTF-8 as it goes: outside texts only ASCII is JSON, and a
 * text with bytes above 0x7f is validated when it is read.
 *
 * Numbers: an integer literal (no fraction, no exponent) of at most 18
 * digits is read as json-glib reads it, as a gint64; anything with a
 * fraction or an exponent is a double, converted by g_ascii_strtod() like
 * json-glib's scanner. Longer integers, and doubles that overflow, are
 * left to json-glib. */

#define MAX_INT_DIGITS 18

void
keel_json_reader_init (KeelJsonReader *reader,
                       const char     *data,
                       gsize           length)
{
  reader->pos = data;
  reader->end = data + length;
  reader->scratch = g_string_sized_new (256);
  reader->depth = 0;
  reader->failed = FALSE;
}

void
keel_json_reader_clear (KeelJsonReader *reader)
{
  if (reader->scratch != NULL)
    g_string_free (reader->scratch, TRUE);
  reader->scratch = NULL;
}

/**
 * keel_json_reader_fail:
 *
 * Stops the reader: for a caller that finds a value it does not accept.
 * Every later read fails.
 *
 * Returns: %FALSE
 */
gboolean
keel_json_reader_fail (KeelJsonReader *reader)
{
  reader->failed = TRUE;

  return FALSE;
}

gboolean
keel_json_reader_failed (KeelJsonReader *reader)
{
  return reader->failed;
}

static inline void
skip_space (KeelJsonReader *reader)
{
  const char *p = reader->pos;

  while (p < reader->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  reader->pos = p;
}

/* Skips white space and returns the next byte, or 0 at the end */
static inline char
next_byte (KeelJsonReader *reader)
{
  skip_space (reader);

  return reader->pos < reader->end ? *reader->pos : '\0';
}

KeelJsonValueType
keel_json_reader_peek (KeelJsonReader *reader)
{
  if (reader->failed)
    return KEEL_JSON_VALUE_NONE;

  switch (next_byte (reader))
    {
    case '{':
      return KEEL_JSON_VALUE_OBJECT;
    case '[':
      return KEEL_JSON_VALUE_ARRAY;
    case '"':
      return KEEL_JSON_VALUE_STRING;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return KEEL_JSON_VALUE_NUMBER;
    case 't': case 'f':
      return KEEL_JSON_VALUE_BOOLEAN;
    case 'n':
      return KEEL_JSON_VALUE_NULL;
    default:
      return KEEL_JSON_VALUE_NONE;
    }
}

static gboolean
begin (KeelJsonReader *reader,
       char            open)
{
  if (reader->failed || next_byte (reader) != open || ++reader->depth > KEEL_JSON_MAX_DEPTH)
    return keel_json_reader_fail (reader);

  reader->pos++;

  return TRUE;
}

gboolean
keel_json_reader_begin_object (KeelJsonReader *reader)
{
  return begin (reader, '{');
}

gboolean
keel_json_reader_begin_array (KeelJsonReader *reader)
{
  return begin (reader, '[');
}

/* Before the next member or element: FALSE (and past the closing bracket)
 * at the end of the object or array, or on failure */
static gboolean
next_item (KeelJsonReader *reader,
           guint          *count,
           char            close)
{
  char c;

  if (reader->failed)
    return FALSE;

  c = next_byte (reader);
  if (c == close)
    {
      reader->pos++;
      reader->depth--;
      return FALSE;
    }

  if (*count > 0)
    {
      if (c != ',')
        return keel_json_reader_fail (reader);
      reader->pos++;
    }

  (*count)++;

  return TRUE;
}

/**
 * keel_json_reader_next_member:
 * @count: (inout): members read so far in this object, 0 at first
 * @name: (out): the member's name, valid until the next text is read
 *
 * Returns: %TRUE with the reader at the member's value; %FALSE after the
 *   last member (the reader past the closing brace) or on failure
 */
gboolean
keel_json_reader_next_member (KeelJsonReader  *reader,
                              guint           *count,
                              const char     **name)
{
  if (!next_item (reader, count, '}'))
    return FALSE;

  if (next_byte (reader) != '"')
    return keel_json_reader_fail (reader);

  *name = keel_json_reader_read_string (reader, NULL);
  if (*name == NULL)
    return FALSE;

  if (next_byte (reader) != ':')
    return keel_json_reader_fail (reader);
  reader->pos++;

  return TRUE;
}

/**
 * keel_json_reader_next_element:
 * @count: (inout): elements read so far in this array, 0 at first
 *
 * Returns: %TRUE with the reader at the next element; %FALSE after the
 *   last (the reader past the closing bracket) or on failure
 */
gboolean
keel_json_reader_next_element (KeelJsonReader *reader,
                               guint          *count)
{
  return next_item (reader, count, ']');
}

static void
append_unichar (GString  *out,
                gunichar  c)
{
  char buf[6];

  g_string_append_len (out, buf, g_unichar_to_utf8 (c, buf));
}

static int
hex_digits (const char *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/**
 * keel_json_reader_read_string:
 * @length: (out) (optional): its length in bytes
 *
 * Returns: (nullable): the text, NUL-terminated, valid until the next
 *   text is read; %NULL on failure
 */
const char *
keel_json_reader_read_string (KeelJsonReader *reader,
                              gsize          *length)
{
  GString *out = reader->scratch;
  const char *end = reader->end;
  const char *p;
  const char *run;
  const char *raw;
  guchar high = 0;

  if (reader->failed || next_byte (reader) != '"')
    return (keel_json_reader_fail (reader), NULL);

  g_string_truncate (out, 0);
  raw = run = p = reader->pos + 1;

  for (;;)
    {
      guchar c = 0;

      while (p < end)
        {
          c = (guchar) *p;
          if (c == '"' || c == '\\' || c < 0x20)
            break;
          high |= c;
          p++;
        }

      if (p >= end || c < 0x20)
        return (keel_json_reader_fail (reader), NULL);

      g_string_append_len (out, run, p - run);

      if (c == '"')
        break;

      /* An escape */
      if (p + 1 >= end)
        return (keel_json_reader_fail (reader), NULL);

      switch (p[1])
        {
        case '"':  g_string_append_c (out, '"'); p += 2; break;
        case '\\': g_string_append_c (out, '\\'); p += 2; break;
        case '/':  g_string_append_c (out, '/'); p += 2; break;
        case 'b':  g_string_append_c (out, '\b'); p += 2; break;
        case 'f':  g_string_append_c (out, '\f'); p += 2; break;
        case 'n':  g_string_append_c (out, '\n'); p += 2; break;
        case 'r':  g_string_append_c (out, '\r'); p += 2; break;
        case 't':  g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          {
            int code = p + 6 <= end ? hex_digits (p + 2) : -1;

            /* \u0000 would cut the text, and half a surrogate pair is not
             * a character: keel_json_parse() refuses both */
            if (code <= 0 || (code >= 0xDC00 && code <= 0xDFFF))
              return (keel_json_reader_fail (reader), NULL);

            if (code >= 0xD800 && code <= 0xDBFF)
              {
                int low = (p + 12 <= end && p[6] == '\\' && p[7] == 'u') ? hex_digits (p + 8) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  return (keel_json_reader_fail (reader), NULL);
                append_unichar (out, 0x10000 + (((gunichar) code - 0xD800) << 10) +
                                     ((gunichar) low - 0xDC00));
                p += 12;
              }
            else
              {
                append_unichar (out, (gunichar) code);
                p += 6;
              }
          }
          break;
        default:
          return (keel_json_reader_fail (reader), NULL);
        }

      run = p;
    }

  /* Escapes give valid UTF-8 of their own; the bytes around them are
   * checked here, only when there is something other than ASCII */
  if ((high & 0x80) != 0 && !g_utf8_validate (raw, p - raw, NULL))
    return (keel_json_reader_fail (reader), NULL);

  reader->pos = p + 1;

  if (length != NULL)
    *length = out->len;

  return out->str;
}

/* Scans a number: *integer tells whether it is an integer literal */
static gboolean
read_number (KeelJsonReader *reader,
             gboolean       *integer,
             gint64         *int_value,
             double         *double_value)
{
  const char *start;
  const char *digits;
  const char *p;
  const char *end = reader->end;
  gboolean negative;

  if (reader->failed || keel_json_reader_peek (reader) != KEEL_JSON_VALUE_NUMBER)
    return keel_json_reader_fail (reader);

  start = p = reader->pos;
  negative = *p == '-';
  if (negative)
    p++;

  digits = p;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return keel_json_reader_fail (reader);

  *integer = TRUE;

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return keel_json_reader_fail (reader);
      while (p < end && g_ascii_isdigit (*p))
        p++;
      *integer = FALSE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return keel_json_reader_fail (reader);
      while (p < end && g_ascii_isdigit (*p))
        p++;
      *integer = FALSE;
    }

  if (*integer)
    {
      gint64 value = 0;

      if (p - digits > MAX_INT_DIGITS)
        return keel_json_reader_fail (reader);

      for (const char *q = digits; q < p; q++)
        value = value * 10 + (*q - '0');

      *int_value = negative ? -value : value;
    }
  else
    {
      char *parsed = NULL;

      g_string_truncate (reader->scratch, 0);
      g_string_append_len (reader->scratch, start, p - start);
      *double_value = g_ascii_strtod (reader->scratch->str, &parsed);
      if (parsed != reader->scratch->str + reader->scratch->len || !isfinite (*double_value))
        return keel_json_reader_fail (reader);
    }

  reader->pos = p;

  return TRUE;
}

/**
 * keel_json_reader_read_int:
 *
 * Reads an integer literal; a number with a fraction or an exponent (a
 * double in json-glib) fails.
 */
gboolean
keel_json_reader_read_int (KeelJsonReader *reader,
                           gint64         *value)
{
  gboolean integer;
  double unused;

  if (!read_number (reader, &integer, value, &unused))
    return FALSE;
  if (!integer)
    return keel_json_reader_fail (reader);

  return TRUE;
}

/**
 * keel_json_reader_read_double:
 *
 * Reads any number, as a double.
 */
gboolean
keel_json_reader_read_double (KeelJsonReader *reader,
                              double         *value)
{
  gboolean integer;
  gint64 int_value = 0;

  if (!read_number (reader, &integer, &int_value, value))
    return FALSE;
  if (integer)
    *value = (double) int_value;

  return TRUE;
}

static gboolean
read_word (KeelJsonReader *reader,
           const char     *word,
           gsize           length)
{
  if (reader->failed)
    return FALSE;

  skip_space (reader);
  if ((gsize) (reader->end - reader->pos) < length || memcmp (reader->pos, word, length) != 0)
    return keel_json_reader_fail (reader);

  reader->pos += length;

  return TRUE;
}

gboolean
keel_json_reader_read_boolean (KeelJsonReader *reader,
                               gboolean       *value)
{
  if (next_byte (reader) == 't')
    return (*value = TRUE, read_word (reader, "true", 4));

  return (*value = FALSE, read_word (reader, "false", 5));
}

gboolean
keel_json_reader_read_null (KeelJsonReader *reader)
{
  return read_word (reader, "null", 4);
}

static JsonNode *
read_node (KeelJsonReader *reader)
{
  g_autoptr(JsonNode) node = NULL;

  switch (keel_json_reader_peek (reader))
    {
    case KEEL_JSON_VALUE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        const char *name;
        guint count = 0;

        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);

        keel_json_reader_begin_object (reader);
        while (keel_json_reader_next_member (reader, &count, &name))
          {
            g_autofree char *key = NULL;
            JsonNode *member;

            /* keel_json_parse() refuses a name twice in one object */
            if (json_object_has_member (object, name))
              return (keel_json_reader_fail (reader), NULL);

            key = g_strdup (name);
            member = read_node (reader);
            if (member == NULL)
              return NULL;
            json_object_set_member (object, key, member);
          }
      }
      break;

    case KEEL_JSON_VALUE_ARRAY:
      {
        JsonArray *array = json_array_new ();
        guint count = 0;

        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);

        keel_json_reader_begin_array (reader);
        while (keel_json_reader_next_element (reader, &count))
          {
            JsonNode *element = read_node (reader);

            if (element == NULL)
              return NULL;
            json_array_add_element (array, element);
          }
      }
      break;

    case KEEL_JSON_VALUE_STRING:
      {
        const char *text = keel_json_reader_read_string (reader, NULL);

        if (text == NULL)
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, text);
      }
      break;

    case KEEL_JSON_VALUE_NUMBER:
      {
        gboolean integer;
        gint64 int_value = 0;
        double double_value = 0;

        if (!read_number (reader, &integer, &int_value, &double_value))
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        if (integer)
          json_node_set_int (node, int_value);
        else
          json_node_set_double (node, double_value);
      }
      break;

    case KEEL_JSON_VALUE_BOOLEAN:
      {
        gboolean value;

        if (!keel_json_reader_read_boolean (reader, &value))
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_boolean (node, value);
      }
      break;

    case KEEL_JSON_VALUE_NULL:
      if (!keel_json_reader_read_null (reader))
        return NULL;
      node = json_node_new (JSON_NODE_NULL);
      break;

    case KEEL_JSON_VALUE_NONE:
    default:
      return (keel_json_reader_fail (reader), NULL);
    }

  if (reader->failed)
    return NULL;

  return g_steal_pointer (&node);
}

/**
 * keel_json_reader_read_node:
 *
 * Reads any value as a tree, sealed as keel_json_parse()'s are: for the
 * members Keel does not know and keeps as they are.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL on failure
 */
JsonNode *
keel_json_reader_read_node (KeelJsonReader *reader)
{
  JsonNode *node = read_node (reader);

  if (node != NULL)
    json_node_seal (node);

  return node;
}

/**
 * keel_json_reader_end:
 *
 * Returns: %TRUE if nothing but white space is left, and nothing failed
 */
gboolean
keel_json_reader_end (KeelJsonReader *reader)
{
  if (reader->failed)
    return FALSE;

  skip_space (reader);

  return reader->pos == reader->end;
}
