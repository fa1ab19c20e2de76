/* keel-json-reader.c
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

/* KeelJsonReader reads JSON (RFC 8259, nothing more) one value at a time,
 * straight from the text: no tree unless asked for one, and no pass before
 * the read. It explains every refusal itself. At the first thing JSON
 * forbids (a comment, 0x10, 01, .5, +1, 1., NaN, a trailing comma, a single
 * quote, half a surrogate pair, bytes that are not UTF-8, nesting deeper
 * than KEEL_JSON_MAX_DEPTH), or a value its caller refuses, it stops and
 * keeps one error: what was found, what was expected instead, and where.
 * Every later read fails. keel_json_reader_propagate_error() turns it into
 * "keel.json line 12, column 5: …".
 *
 * Numbers: an integer literal (no fraction, no exponent) is a gint64, and
 * one beyond gint64 is refused, never wrapped or rounded; anything with a
 * fraction or an exponent is a double, and one too large or too small for
 * a double is refused. */

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

void
keel_json_reader_init (KeelJsonReader *reader,
                       const char     *data,
                       gsize           length)
{
  reader->start = data != NULL ? data : "";
  reader->pos = reader->start;
  reader->end = reader->start + (data != NULL ? length : 0);
  reader->value = reader->start;
  reader->member = reader->start;
  reader->scratch = g_string_sized_new (256);
  reader->depth = 0;
  reader->where = NULL;
  reader->key = NULL;
  reader->error_code = 0;
  reader->error_offset = 0;
  reader->message = NULL;
}

void
keel_json_reader_clear (KeelJsonReader *reader)
{
  if (reader->scratch != NULL)
    g_string_free (reader->scratch, TRUE);
  reader->scratch = NULL;
  g_clear_pointer (&reader->message, g_free);
}

G_GNUC_PRINTF (4, 0)
static gboolean
refuse_valist (KeelJsonReader *reader,
               const char     *at,
               int             code,
               const char     *format,
               va_list         args)
{
  /* The first error stands: what follows it is its consequence */
  if (reader->message != NULL)
    return FALSE;

  reader->error_code = code;
  reader->error_offset = (gsize) (at - reader->start);
  reader->message = g_strdup_vprintf (format, args);

  if (reader->where != NULL)
    {
      char *message = reader->message;

      if (reader->key != NULL)
        reader->message = g_strdup_printf (_("%s, field “%s”: %s"), reader->where, reader->key,
                                           message);
      else
        reader->message = g_strdup_printf (_("%s: %s"), reader->where, message);
      g_free (message);
    }

  return FALSE;
}

static gboolean G_GNUC_PRINTF (4, 5)
refuse_here (KeelJsonReader *reader,
             const char     *at,
             int             code,
             const char     *format,
             ...)
{
  va_list args;

  va_start (args, format);
  refuse_valist (reader, at, code, format, args);
  va_end (args);

  return FALSE;
}

/**
 * keel_json_reader_refuse:
 * @code: a #KeelError
 *
 * Stops the reader with an error at the value last peeked at or read: for
 * a caller that finds a value it does not accept. @format says what was
 * found and what was expected. Every later read fails.
 *
 * Returns: %FALSE
 */
gboolean
keel_json_reader_refuse (KeelJsonReader *reader,
                         int             code,
                         const char     *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  refuse_valist (reader, reader->value, code, format, args);
  va_end (args);

  return FALSE;
}

/**
 * keel_json_reader_refuse_at:
 * @offset: where in the text, as keel_json_reader_get_offset() gave it
 *
 * Like keel_json_reader_refuse(), for a value read earlier.
 *
 * Returns: %FALSE
 */
gboolean
keel_json_reader_refuse_at (KeelJsonReader *reader,
                            gsize           offset,
                            int             code,
                            const char     *format,
                            ...)
{
  va_list args;

  g_return_val_if_fail (offset <= (gsize) (reader->end - reader->start), FALSE);

  va_start (args, format);
  refuse_valist (reader, reader->start + offset, code, format, args);
  va_end (args);

  return FALSE;
}

/**
 * keel_json_reader_set_context:
 * @where: (nullable): what is being read ("OBJ-3"), kept as a pointer
 * @key: (nullable): the field of it, kept as a pointer
 *
 * Names what is being read in every refusal from now on ("OBJ-3, field
 * “due”: …"). Both strings must live until the context is set again.
 */
void
keel_json_reader_set_context (KeelJsonReader *reader,
                              const char     *where,
                              const char     *key)
{
  reader->where = where;
  reader->key = key;
}

/**
 * keel_json_reader_get_offset:
 *
 * Returns: where the value last peeked at or read starts, in bytes
 */
gsize
keel_json_reader_get_offset (KeelJsonReader *reader)
{
  return (gsize) (reader->value - reader->start);
}

/**
 * keel_json_reader_get_position:
 * @offset: a byte offset in the text
 *
 * Gives the line and column (both from 1) of @offset.
 */
void
keel_json_reader_get_position (KeelJsonReader *reader,
                               gsize           offset,
                               guint          *line,
                               guint          *column)
{
  g_return_if_fail (offset <= (gsize) (reader->end - reader->start));

  keel_json_offset_to_line (reader->start, offset, line, column);
}

/**
 * keel_json_reader_get_member_offset:
 *
 * Returns: where the name of the member last read starts, in bytes
 */
gsize
keel_json_reader_get_member_offset (KeelJsonReader *reader)
{
  return (gsize) (reader->member - reader->start);
}

gboolean
keel_json_reader_failed (KeelJsonReader *reader)
{
  return reader->message != NULL;
}

/**
 * keel_json_reader_propagate_error:
 * @display_name: how to name the text in the error ("keel.json")
 *
 * Sets @error to the reader's error, as "NAME line L, column C: what was
 * found; what was expected".
 *
 * Returns: %FALSE
 */
gboolean
keel_json_reader_propagate_error (KeelJsonReader  *reader,
                                  const char      *display_name,
                                  GError         **error)
{
  guint line, column;

  g_return_val_if_fail (reader->message != NULL, FALSE);

  if (reader->error_code == KEEL_ERROR_EMPTY)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_EMPTY, _("%s is empty; %s"),
                   display_name, reader->message);
      return FALSE;
    }

  keel_json_offset_to_line (reader->start, reader->error_offset, &line, &column);
  g_set_error (error, KEEL_ERROR, reader->error_code, _("%s line %u, column %u: %s"),
               display_name, line, column, reader->message);

  return FALSE;
}

static inline void
skip_space (KeelJsonReader *reader)
{
  const char *p = reader->pos;

  while (p < reader->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  reader->pos = p;
}

/* Skips white space and returns the next byte, or 0 at the end; the
 * value starts there */
static inline char
next_byte (KeelJsonReader *reader)
{
  skip_space (reader);
  reader->value = reader->pos;

  return reader->pos < reader->end ? *reader->pos : '\0';
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Refuses what is at the reader's position, where @expected should be:
 * says what it is, in JSON's terms where JSON names it */
static gboolean
refuse_found (KeelJsonReader *reader,
              const char     *expected)
{
  const char *p = reader->pos;
  gsize left = (gsize) (reader->end - p);
  guchar c;

  reader->value = p;

  if (left == 0)
    return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                        _("not valid JSON: the text ends here; expected %s"), expected);

  c = (guchar) *p;

  if (c == '\0')
    return refuse_here (reader, p, KEEL_ERROR_ENCODING,
                        _("contains a NUL byte; expected UTF-8 text"));

  if (c >= 0x80)
    {
      gunichar u = g_utf8_get_char_validated (p, (gssize) MIN (left, 6));

      if (u == (gunichar) -1 || u == (gunichar) -2)
        return refuse_here (reader, p, KEEL_ERROR_ENCODING,
                            _("invalid UTF-8; expected UTF-8 text"));

      return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                          _("not valid JSON: found “%.*s”; expected %s"),
                          (int) (g_utf8_next_char (p) - p), p, expected);
    }

  if (c < 0x20 || c == 0x7f)
    return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                        _("not valid JSON: a control character (0x%02x); expected %s"),
                        c, expected);

  if (c == '/')
    return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                        _("not valid JSON: a comment (JSON has none); expected %s"), expected);
  if (c == '\'')
    return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                        _("not valid JSON: a single quote; expected texts in double quotes"));
  if (c == '+')
    return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                        _("not valid JSON: a number with a plus sign; expected a number without "
                          "one, as in 1"));
  if (c == '.')
    return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                        _("not valid JSON: a number without a digit before its decimal point; "
                          "expected one, as in 0.5"));

  if (is_word_char ((char) c))
    {
      gsize n = 0;

      while (n < left && n < 24 && is_word_char (p[n]))
        n++;

      if ((n == 3 && memcmp (p, "NaN", 3) == 0) || (n == 8 && memcmp (p, "Infinity", 8) == 0))
        return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                            _("not valid JSON: %.*s is not a number JSON can hold; expected %s"),
                            (int) n, p, expected);

      return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                          _("not valid JSON: found “%.*s”; expected %s"), (int) n, p, expected);
    }

  return refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                      _("not valid JSON: found “%c”; expected %s"), c, expected);
}

/* What a value of @type is, as the errors name it: "a list", "a text" */
const char *
keel_json_value_type_describe (KeelJsonValueType type)
{
  switch (type)
    {
    case KEEL_JSON_VALUE_OBJECT:
      return _("an object");
    case KEEL_JSON_VALUE_ARRAY:
      return _("a list");
    case KEEL_JSON_VALUE_STRING:
      return _("a text");
    case KEEL_JSON_VALUE_NUMBER:
      return _("a number");
    case KEEL_JSON_VALUE_BOOLEAN:
      return _("true or false");
    case KEEL_JSON_VALUE_NULL:
      return _("null");
    case KEEL_JSON_VALUE_NONE:
    default:
      return _("nothing");
    }
}

KeelJsonValueType
keel_json_reader_peek (KeelJsonReader *reader)
{
  if (reader->message != NULL)
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

/**
 * keel_json_reader_refuse_value:
 *
 * Refuses the next value as "not valid JSON" where it is not a JSON value
 * at all (keel_json_reader_peek() gave %KEEL_JSON_VALUE_NONE).
 *
 * Returns: %FALSE
 */
gboolean
keel_json_reader_refuse_value (KeelJsonReader *reader)
{
  if (reader->message != NULL)
    return FALSE;

  skip_space (reader);

  return refuse_found (reader, _("a value (an object, a list, a text, a number, true, false "
                                 "or null)"));
}

static gboolean
begin (KeelJsonReader *reader,
       char            open)
{
  if (reader->message != NULL)
    return FALSE;

  if (next_byte (reader) != open)
    {
      if (reader->pos == reader->end && reader->depth == 0 && open == '{')
        return refuse_here (reader, reader->pos, KEEL_ERROR_EMPTY,
                            _("expected a Keel workspace (a JSON object)"));
      return refuse_found (reader, open == '{' ? _("an object") : _("a list"));
    }

  if (++reader->depth > KEEL_JSON_MAX_DEPTH)
    return refuse_here (reader, reader->pos, KEEL_ERROR_SYNTAX,
                        _("nested more than %u levels deep; expected a Keel workspace"),
                        KEEL_JSON_MAX_DEPTH);

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
  const char *comma;
  char c;

  if (reader->message != NULL)
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
        return refuse_found (reader, close == '}' ? _("a comma or a closing brace")
                                                  : _("a comma or a closing bracket"));
      comma = reader->pos++;

      if (next_byte (reader) == close)
        return refuse_here (reader, comma, KEEL_ERROR_SYNTAX, "%s",
                            close == '}'
                              ? _("not valid JSON: a comma before the closing brace; expected "
                                  "another member, or no comma")
                              : _("not valid JSON: a comma before the closing bracket; expected "
                                  "another value, or no comma"));
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
    return refuse_found (reader, _("a name in double quotes"));

  reader->member = reader->pos;
  *name = keel_json_reader_read_string (reader, NULL);
  if (*name == NULL)
    return FALSE;

  if (next_byte (reader) != ':')
    return refuse_found (reader, _("a colon after the name"));
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

/**
 * keel_json_reader_refuse_duplicate:
 * @name: the member's name
 *
 * Refuses the member last read because its name was read before in the
 * same object (JSON readers disagree on which one counts, so Keel reads
 * neither).
 *
 * Returns: %FALSE
 */
gboolean
keel_json_reader_refuse_duplicate (KeelJsonReader *reader,
                                   const char     *name)
{
  g_autofree char *shown = keel_json_excerpt (name);

  return refuse_here (reader, reader->member, KEEL_ERROR_SYNTAX,
                      _("“%s” appears twice in one object; expected each name once"), shown);
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

/* TRUE if the raw bytes of a text from @from to @to are UTF-8; else
 * refuses the first that is not */
static gboolean
check_utf8 (KeelJsonReader *reader,
            const char     *from,
            const char     *to)
{
  const char *bad = NULL;

  if (g_utf8_validate (from, to - from, &bad))
    return TRUE;

  return refuse_here (reader, bad, KEEL_ERROR_ENCODING, _("invalid UTF-8; expected UTF-8 text"));
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
  const char *quote;
  const char *p;
  const char *run;
  const char *raw;
  guchar high = 0;

  if (reader->message != NULL)
    return NULL;
  if (next_byte (reader) != '"')
    return (refuse_found (reader, _("a text in double quotes")), NULL);

  g_string_truncate (out, 0);
  quote = reader->pos;
  raw = run = p = quote + 1;

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

      /* Bytes that are not UTF-8 come first, wherever they are */
      if ((p >= end || c != '"') && (high & 0x80) != 0 && !check_utf8 (reader, raw, p))
        return NULL;

      if (p >= end)
        return (refuse_here (reader, quote, KEEL_ERROR_SYNTAX,
                             _("not valid JSON: a text that never ends; expected a closing "
                               "double quote")), NULL);

      if (c == '\0')
        return (refuse_here (reader, p, KEEL_ERROR_ENCODING,
                             _("contains a NUL byte; expected UTF-8 text")), NULL);

      if (c < 0x20)
        return (refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                             _("not valid JSON: a control character (0x%02x) inside a text; "
                               "expected it written as an escape such as \\n"), c), NULL);

      g_string_append_len (out, run, p - run);

      if (c == '"')
        break;

      /* An escape */
      if (p + 1 >= end)
        return (refuse_here (reader, quote, KEEL_ERROR_SYNTAX,
                             _("not valid JSON: a text that never ends; expected a closing "
                               "double quote")), NULL);

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

            if (code < 0)
              return (refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                                   _("not valid JSON: a \\u escape without four hexadecimal "
                                     "digits; expected four hexadecimal digits, as in \\u00e9")),
                      NULL);

            /* \u0000 would cut the text, and half a surrogate pair is not
             * a character */
            if (code == 0 || (code >= 0xDC00 && code <= 0xDFFF))
              return (refuse_here (reader, p, KEEL_ERROR_ENCODING,
                                   _("%.6s is not a character of text; expected UTF-8 text"), p),
                      NULL);

            if (code >= 0xD800 && code <= 0xDBFF)
              {
                int low = (p + 12 <= end && p[6] == '\\' && p[7] == 'u') ? hex_digits (p + 8) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  return (refuse_here (reader, p, KEEL_ERROR_ENCODING,
                                       _("%.6s is not a character of text; expected UTF-8 text"),
                                       p), NULL);
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
          return (refuse_here (reader, p, KEEL_ERROR_SYNTAX,
                               _("not valid JSON: an unknown escape inside a text; expected one "
                                 "of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")), NULL);
        }

      run = p;
    }

  /* Escapes give valid UTF-8 of their own; the bytes around them are
   * checked here, only when there is something other than ASCII */
  if ((high & 0x80) != 0 && !check_utf8 (reader, raw, p))
    return NULL;

  reader->pos = p + 1;

  if (length != NULL)
    *length = out->len;

  return out->str;
}

/**
 * keel_json_reader_read_number:
 * @integer: (out): whether it was written as an integer (no fraction, no
 *   exponent): then it is in @int_value, else in @double_value
 *
 * Reads any number JSON allows and Keel can hold as it is written.
 */
gboolean
keel_json_reader_read_number (KeelJsonReader *reader,
                              gboolean       *integer,
                              gint64         *int_value,
                              double         *double_value)
{
  const char *start;
  const char *digits;
  const char *p;
  const char *end = reader->end;
  gboolean negative;
  gboolean nonzero = FALSE;

  if (reader->message != NULL)
    return FALSE;

  next_byte (reader);
  start = p = reader->pos;
  if (p >= end || (*p != '-' && !g_ascii_isdigit (*p)))
    return refuse_found (reader, _("a number"));

  negative = *p == '-';
  if (negative)
    p++;

  digits = p;
  if (p >= end || !g_ascii_isdigit (*p))
    {
      if (end - p >= 8 && memcmp (p, "Infinity", 8) == 0)
        return refuse_here (reader, start, KEEL_ERROR_SYNTAX,
                            _("not valid JSON: -Infinity is not a number JSON can hold; "
                              "expected a number"));
      return refuse_here (reader, start, KEEL_ERROR_SYNTAX,
                          _("not valid JSON: a minus sign without a number; expected a digit "
                            "after it"));
    }

  if (*p == '0')
    {
      p++;
      if (p < end && (*p == 'x' || *p == 'X'))
        return refuse_here (reader, start, KEEL_ERROR_SYNTAX,
                            _("not valid JSON: a hexadecimal number; expected a decimal number"));
      if (p < end && g_ascii_isdigit (*p))
        return refuse_here (reader, start, KEEL_ERROR_SYNTAX,
                            _("not valid JSON: a number with a leading zero; expected no zero "
                              "before its first digit, as in 1"));
    }
  else
    while (p < end && g_ascii_isdigit (*p))
      {
        nonzero = TRUE;
        p++;
      }

  *integer = TRUE;

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return refuse_here (reader, start, KEEL_ERROR_SYNTAX,
                            _("not valid JSON: a decimal point without a digit after it; "
                              "expected a digit, as in 1.0"));
      while (p < end && g_ascii_isdigit (*p))
        {
          nonzero |= *p != '0';
          p++;
        }
      *integer = FALSE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return refuse_here (reader, start, KEEL_ERROR_SYNTAX,
                            _("not valid JSON: an exponent without digits; expected digits, "
                              "as in 1e5"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
      *integer = FALSE;
    }

  if (*integer)
    {
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
      guint64 value = 0;

      for (const char *q = digits; q < p; q++)
        {
          guint digit = (guint) (*q - '0');

          if (value > (limit - digit) / 10)
            return refuse_here (reader, start, KEEL_ERROR_INVALID,
                                _("%.*s%s is beyond the whole numbers Keel can hold; expected "
                                  "one from -9223372036854775808 to 9223372036854775807"),
                                (int) MIN (p - start, 40), start, p - start > 40 ? "…" : "");
          value = value * 10 + digit;
        }

      if (!negative)
        *int_value = (gint64) value;
      else if (value == (guint64) G_MAXINT64 + 1)
        *int_value = G_MININT64;
      else
        *int_value = -(gint64) value;
    }
  else
    {
      char *parsed = NULL;
      double d;

      g_string_truncate (reader->scratch, 0);
      g_string_append_len (reader->scratch, start, p - start);
      d = g_ascii_strtod (reader->scratch->str, &parsed);
      g_assert (parsed == reader->scratch->str + reader->scratch->len);

      if (!isfinite (d))
        return refuse_here (reader, start, KEEL_ERROR_INVALID,
                            _("%.*s%s is too large a number; expected one Keel can hold, up to "
                              "about 1.8e308"),
                            (int) MIN (p - start, 40), start, p - start > 40 ? "…" : "");
      if (d == 0 && nonzero)
        return refuse_here (reader, start, KEEL_ERROR_INVALID,
                            _("%.*s%s is too small a number; expected 0 or one Keel can hold, "
                              "from about 5e-324"),
                            (int) MIN (p - start, 40), start, p - start > 40 ? "…" : "");
      *double_value = d;
    }

  reader->pos = p;

  return TRUE;
}

/**
 * keel_json_reader_read_int:
 *
 * Reads an integer literal; a number with a fraction or an exponent is
 * refused.
 */
gboolean
keel_json_reader_read_int (KeelJsonReader *reader,
                           gint64         *value)
{
  gboolean integer;
  double unused;

  if (!keel_json_reader_read_number (reader, &integer, value, &unused))
    return FALSE;
  if (!integer)
    return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID,
                                    _("a number with a fraction or an exponent; expected a "
                                      "whole number"));

  return TRUE;
}

/**
 * keel_json_reader_read_double:
 *
 * Reads any number as a double; an integer that a double cannot hold
 * exactly is refused.
 */
gboolean
keel_json_reader_read_double (KeelJsonReader *reader,
                              double         *value)
{
  gboolean integer;
  gint64 int_value = 0;

  if (!keel_json_reader_read_number (reader, &integer, &int_value, value))
    return FALSE;

  if (integer)
    {
      double d = (double) int_value;

      /* Beyond 2^53 not every integer is a double: 9007199254740993 would
       * be read as …992 */
      if (d >= 9223372036854775808.0 || (gint64) d != int_value)
        {
          char shown[32];

          g_snprintf (shown, sizeof shown, "%" G_GINT64_FORMAT, int_value);
          return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID,
                                          _("%s cannot be held exactly as a number with a "
                                            "fraction; expected at most 15 digits"), shown);
        }
      *value = d;
    }

  return TRUE;
}

static gboolean
read_word (KeelJsonReader *reader,
           const char     *word,
           gsize           length,
           const char     *expected)
{
  if (reader->message != NULL)
    return FALSE;

  next_byte (reader);
  if ((gsize) (reader->end - reader->pos) < length || memcmp (reader->pos, word, length) != 0 ||
      (reader->pos + length < reader->end && is_word_char (reader->pos[length])))
    return refuse_found (reader, expected);

  reader->pos += length;

  return TRUE;
}

gboolean
keel_json_reader_read_boolean (KeelJsonReader *reader,
                               gboolean       *value)
{
  if (next_byte (reader) == 't')
    return (*value = TRUE, read_word (reader, "true", 4, _("true or false")));

  return (*value = FALSE, read_word (reader, "false", 5, _("true or false")));
}

gboolean
keel_json_reader_read_null (KeelJsonReader *reader)
{
  return read_word (reader, "null", 4, _("null"));
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

            if (json_object_has_member (object, name))
              return (keel_json_reader_refuse_duplicate (reader, name), NULL);

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

        if (!keel_json_reader_read_number (reader, &integer, &int_value, &double_value))
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
      return (keel_json_reader_refuse_value (reader), NULL);
    }

  if (reader->message != NULL)
    return NULL;

  return g_steal_pointer (&node);
}

/**
 * keel_json_reader_read_node:
 *
 * Reads any value as a tree, sealed: for the members Keel does not know
 * and keeps as they are.
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
 * Returns: %TRUE if nothing but white space is left, and nothing failed;
 *   else refuses what is left
 */
gboolean
keel_json_reader_end (KeelJsonReader *reader)
{
  if (reader->message != NULL)
    return FALSE;

  skip_space (reader);
  if (reader->pos == reader->end)
    return TRUE;

  if (*reader->pos == '\0')
    return refuse_found (reader, "");

  return refuse_here (reader, reader->pos, KEEL_ERROR_SYNTAX,
                      _("not valid JSON: more text after the end of the workspace; expected the "
                        "file to end after its closing brace"));
}

/**
 * keel_json_parse:
 * @display_name: how to name the file in errors ("keel.json")
 *
 * Reads JSON text into a tree, with KeelJsonReader: errors name the line
 * and column, what was found and what was expected.
 *
 * Returns: (transfer full) (nullable): the root node
 */
JsonNode *
keel_json_parse (const char  *display_name,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_auto(KeelJsonReader) reader = { 0 };
  g_autoptr(JsonNode) root = NULL;

  keel_json_reader_init (&reader, data, length);
  skip_space (&reader);
  if (reader.pos == reader.end)
    {
      refuse_here (&reader, reader.pos, KEEL_ERROR_EMPTY,
                   _("expected a Keel workspace (a JSON object)"));
      return (keel_json_reader_propagate_error (&reader, display_name, error), NULL);
    }

  root = keel_json_reader_read_node (&reader);
  if (root == NULL || !keel_json_reader_end (&reader))
    return (keel_json_reader_propagate_error (&reader, display_name, error), NULL);

  return g_steal_pointer (&root);
}

/**
 * keel_json_excerpt:
 *
 * Returns: at most 120 bytes of @text, cut between characters, for
 *   quoting a value in an error: a hostile file can hold a value of any
 *   size, and the message must stay readable
 */
char *
keel_json_excerpt (const char *text)
{
  gsize n = 0;

  while (n < 120 && text[n] != '\0')
    n++;

  if (text[n] == '\0')
    return g_strdup (text);

  while (n > 0 && ((guchar) text[n] & 0xC0) == 0x80)
    n--;

  return g_strdup_printf ("%.*s…", (int) n, text);
}
