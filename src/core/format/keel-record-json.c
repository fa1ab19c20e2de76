/* keel-record-json.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-record-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-record-json.h"
#include "keel-record-private.h"

/* Room for a record's or a part's name in errors, on the stack */
#define NAME_SIZE 192

/* A record is an object: "id" first (for records that have one), then its
 * fields in table order, each only when set, then the members no field
 * knows, in the order they were read. The reader takes the members in any
 * order, null as "not set", and refuses the rest with the record, the
 * field, what was found and what was expected, where it is. */

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

/* Starts the next member of an object being written */
static void
begin_member (GString    *out,
              gboolean   *first,
              guint       depth,
              const char *key)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  keel_json_write_indent (out, depth);
  keel_json_write_string (out, key);
  g_string_append (out, ": ");
}

/**
 * keel_record_json_write:
 * @depth: the indent of the line the record starts on
 *
 * Appends @self as keel.json holds it, without a final newline.
 */
void
keel_record_json_write (KeelRecord *self,
                        GString    *out,
                        guint       depth)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);
  const GValue *values = _keel_record_get_values (self);
  const char *id = keel_record_get_id (self);
  JsonObject *extra = _keel_record_get_extra (self);
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  if (id != NULL)
    {
      begin_member (out, &first, depth + 1, "id");
      keel_json_write_string (out, id);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      const GValue *v = &values[i];

      if (!_keel_record_value_is_set (field, v))
        continue;

      begin_member (out, &first, depth + 1, field->key);

      switch (field->type)
        {
        case KEEL_FIELD_STRING:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_REF:
          keel_json_write_string (out, g_value_get_string (v));
          break;
        case KEEL_FIELD_BOOLEAN:
          g_string_append (out, "true");
          break;
        case KEEL_FIELD_INT:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, g_value_get_int64 (v));
          break;
        case KEEL_FIELD_DOUBLE:
          keel_json_write_double (out, g_value_get_double (v));
          break;
        case KEEL_FIELD_DATE:
        case KEEL_FIELD_DATETIME:
          {
            g_autofree char *text = field->type == KEEL_FIELD_DATE
              ? keel_date_format (g_value_get_boxed (v))
              : keel_date_time_format (g_value_get_boxed (v));
            keel_json_write_string (out, text);
          }
          break;
        case KEEL_FIELD_REF_LIST:
        case KEEL_FIELD_STRV:
          {
            const char * const *strv = g_value_get_boxed (v);

            if (strv[0] == NULL)
              {
                g_string_append (out, "[]");
                break;
              }

            g_string_append_c (out, '[');
            for (guint j = 0; strv[j] != NULL; j++)
              {
                if (j > 0)
                  g_string_append_c (out, ',');
                keel_json_write_indent (out, depth + 2);
                keel_json_write_string (out, strv[j]);
              }
            keel_json_write_indent (out, depth + 1);
            g_string_append_c (out, ']');
          }
          break;
        case KEEL_FIELD_CHILD:
          keel_record_json_write (g_value_get_object (v), out, depth + 1);
          break;
        case KEEL_FIELD_CHILDREN:
          {
            GListModel *model = g_value_get_object (v);
            guint n = g_list_model_get_n_items (model);

            g_string_append_c (out, '[');
            for (guint j = 0; j < n; j++)
              {
                g_autoptr(KeelRecord) child = g_list_model_get_item (model, j);

                if (j > 0)
                  g_string_append_c (out, ',');
                keel_json_write_indent (out, depth + 2);
                keel_record_json_write (child, out, depth + 2);
              }
            keel_json_write_indent (out, depth + 1);
            g_string_append_c (out, ']');
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          int idx;

          /* What a field (or the id) holds is written once, from the field */
          if (id != NULL && strcmp (key, "id") == 0)
            continue;
          idx = _keel_record_field_index (klass, key);
          if (idx >= 0 && _keel_record_value_is_set (&klass->fields[idx], &values[idx]))
            continue;

          begin_member (out, &first, depth + 1, key);
          keel_json_write_node (member, out, depth + 1);
        }
    }

  if (first)
    {
      g_string_append_c (out, '}');
      return;
    }

  keel_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}

/**
 * keel_record_json_to_text:
 *
 * Returns: (transfer full): @self as a JSON text of its own, with a final
 *   newline
 */
char *
keel_record_json_to_text (KeelRecord *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  keel_record_json_write (self, out, 0);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */
/* ------------------------------------------------------------------------ */

/* Refuses the next value (not yet read) where @expected should be */
static gboolean
refuse_next (KeelJsonReader *reader,
             const char     *expected)
{
  KeelJsonValueType type = keel_json_reader_peek (reader);

  if (type == KEEL_JSON_VALUE_NONE)
    return keel_json_reader_refuse_value (reader);

  if (type == KEEL_JSON_VALUE_STRING)
    {
      const char *text = keel_json_reader_read_string (reader, NULL);
      g_autofree char *shown = NULL;

      if (text == NULL)
        return FALSE;
      shown = keel_json_excerpt (text);
      return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID, _("expected %s, found “%s”"),
                                      expected, shown);
    }

  return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID, _("expected %s, found %s"),
                                  expected, keel_json_value_type_describe (type));
}

/* Refuses the text just read where @expected should be, saying why */
static gboolean
refuse_text (KeelJsonReader *reader,
             const char     *text,
             const char     *expected,
             const char     *why)
{
  g_autofree char *shown = keel_json_excerpt (text);

  if (why != NULL)
    return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID, _("expected %s, found “%s”: %s"),
                                    expected, shown, why);

  return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID, _("expected %s, found “%s”"),
                                  expected, shown);
}

/* Why @text is not a date and time that Keel keeps exactly as written, or
 * NULL when it is one. Keel holds a date-time to the second with its UTC
 * offset and writes it back as YYYY-MM-DDTHH:MM:SS±HH:MM: what it would
 * write otherwise (a leap second, a fraction, a week or ordinal date, Z) is
 * refused rather than changed. */
static const char *
date_time_refusal (const char *text)
{
  gsize n = strlen (text);
  const char *t = strchr (text, 'T');

  if (strchr (text, 'W') != NULL)
    return _("a week date, which Keel would rewrite; expected a calendar date");
  if (t != NULL && t - text == 8 && text[4] == '-')
    return _("a day of the year, which Keel would rewrite; expected a calendar date");
  if (t != NULL && t - text == 7)
    return _("a day of the year, which Keel would rewrite; expected a calendar date");
  if (n > 19 && (text[19] == '.' || text[19] == ','))
    return _("fractional seconds, which Keel would not keep; expected whole seconds");
  if (n >= 19 && text[17] == '6' && text[18] == '0' && text[16] == ':')
    return _("a leap second, which Keel cannot keep; expected seconds from 00 to 59");
  if (n > 0 && (text[n - 1] == 'Z' || text[n - 1] == 'z'))
    return _("the offset written as Z, which Keel would rewrite; expected +00:00");

  return NULL;
}

static GDateTime *
read_date_time (const char  *text,
                const char **why)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *again = NULL;

  *why = date_time_refusal (text);
  if (*why != NULL)
    return NULL;

  date_time = keel_date_time_parse (text);
  if (date_time == NULL)
    return NULL;

  /* The last word: what Keel would write is what was read */
  again = keel_date_time_format (date_time);
  if (strcmp (again, text) != 0)
    {
      *why = _("written otherwise than Keel writes it, which it would rewrite");
      return NULL;
    }

  return g_steal_pointer (&date_time);
}

static gboolean
read_strv (KeelJsonReader *reader,
           GValue         *slot)
{
  g_autoptr(GPtrArray) strv = NULL;
  guint count = 0;

  if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_ARRAY)
    return refuse_next (reader, _("a list of texts"));

  strv = g_ptr_array_new_with_free_func (g_free);
  keel_json_reader_begin_array (reader);
  while (keel_json_reader_next_element (reader, &count))
    {
      const char *text;

      if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_STRING)
        return refuse_next (reader, _("a list of texts"));
      text = keel_json_reader_read_string (reader, NULL);
      if (text == NULL)
        return FALSE;
      g_ptr_array_add (strv, g_strdup (text));
    }
  if (keel_json_reader_failed (reader))
    return FALSE;

  /* An empty list is "not set" */
  if (strv->len > 0)
    {
      g_ptr_array_add (strv, NULL);
      g_ptr_array_set_free_func (strv, NULL);
      g_value_take_boxed (slot, g_ptr_array_free (g_steal_pointer (&strv), FALSE));
    }

  return TRUE;
}

static gboolean
read_field (KeelRecord      *self,
            const KeelField *field,
            GValue          *slot,
            KeelJsonReader  *reader,
            const char      *where)
{
  KeelJsonValueType type = keel_json_reader_peek (reader);

  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_REF:
      {
        gsize length = 0;
        const char *text;

        if (type != KEEL_JSON_VALUE_STRING)
          return refuse_next (reader, _("a text"));
        text = keel_json_reader_read_string (reader, &length);
        if (text == NULL)
          return FALSE;
        g_value_set_string (slot, length > 0 ? text : NULL);
        return TRUE;
      }

    case KEEL_FIELD_ENUM:
      {
        const char *text = NULL;

        if (type == KEEL_JSON_VALUE_STRING)
          {
            text = keel_json_reader_read_string (reader, NULL);
            if (text == NULL)
              return FALSE;
            if (keel_field_allows (field, text))
              {
                g_value_set_string (slot, text);
                return TRUE;
              }
          }

        {
          g_autofree char *choices = keel_field_describe_choices (field);
          g_autofree char *expected = g_strdup_printf (_("one of %s"), choices);

          if (text != NULL)
            return refuse_text (reader, text, expected, NULL);
          return refuse_next (reader, expected);
        }
      }

    case KEEL_FIELD_BOOLEAN:
      {
        gboolean value;

        if (type != KEEL_JSON_VALUE_BOOLEAN)
          return refuse_next (reader, _("true or false"));
        if (!keel_json_reader_read_boolean (reader, &value))
          return FALSE;
        g_value_set_boolean (slot, value);
        return TRUE;
      }

    case KEEL_FIELD_INT:
      {
        gboolean integer;
        gint64 value = 0;
        double unused;

        if (type != KEEL_JSON_VALUE_NUMBER)
          return refuse_next (reader, _("a whole number"));
        if (!keel_json_reader_read_number (reader, &integer, &value, &unused))
          return FALSE;
        if (!integer)
          return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID,
                                          _("expected a whole number, found a number with a "
                                            "fraction or an exponent"));
        g_value_set_int64 (slot, value);
        return TRUE;
      }

    case KEEL_FIELD_DOUBLE:
      {
        double value;

        if (type != KEEL_JSON_VALUE_NUMBER)
          return refuse_next (reader, _("a number"));
        if (!keel_json_reader_read_double (reader, &value))
          return FALSE;
        g_value_set_double (slot, value);
        return TRUE;
      }

    case KEEL_FIELD_DATE:
      {
        const char *text;
        GDateTime *date;

        if (type != KEEL_JSON_VALUE_STRING)
          return refuse_next (reader, _("a date like 2026-03-31"));
        text = keel_json_reader_read_string (reader, NULL);
        if (text == NULL)
          return FALSE;
        date = keel_date_parse (text);
        if (date == NULL)
          return refuse_text (reader, text, _("a date like 2026-03-31"), NULL);
        g_value_take_boxed (slot, date);
        return TRUE;
      }

    case KEEL_FIELD_DATETIME:
      {
        const char *expected = _("a date and time like 2026-03-31T10:00:00+02:00");
        const char *why = NULL;
        const char *text;
        GDateTime *date_time;

        if (type != KEEL_JSON_VALUE_STRING)
          return refuse_next (reader, expected);
        text = keel_json_reader_read_string (reader, NULL);
        if (text == NULL)
          return FALSE;
        date_time = read_date_time (text, &why);
        if (date_time == NULL)
          return refuse_text (reader, text, expected, why);
        g_value_take_boxed (slot, date_time);
        return TRUE;
      }

    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      return read_strv (reader, slot);

    case KEEL_FIELD_CHILD:
      {
        g_autofree char *owned = NULL;
        char name[NAME_SIZE];
        KeelRecord *child;

        if (type != KEEL_JSON_VALUE_OBJECT)
          return refuse_next (reader, _("an object"));
        child = keel_record_json_read (field->child_type (), reader,
                                       keel_record_json_name (name, sizeof name, where, field->key,
                                                              G_MAXUINT, &owned),
                                       NULL);
        if (child == NULL)
          return FALSE;
        g_value_take_object (slot, child);
        _keel_record_adopt (self, child);
        return TRUE;
      }

    case KEEL_FIELD_CHILDREN:
      {
        g_autoptr(GPtrArray) items = NULL;
        GListStore *store = g_value_get_object (slot);
        guint count = 0;

        if (type != KEEL_JSON_VALUE_ARRAY)
          return refuse_next (reader, _("a list"));

        items = g_ptr_array_new_with_free_func (g_object_unref);
        keel_json_reader_begin_array (reader);
        while (keel_json_reader_next_element (reader, &count))
          {
            g_autofree char *owned = NULL;
            char name[NAME_SIZE];
            KeelRecord *child;

            if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_OBJECT)
              {
                g_autofree char *element = g_strdup_printf ("%s[%u]", field->key, count);

                /* The message is made now: the context may go after it */
                keel_json_reader_set_context (reader, where, element);
                refuse_next (reader, _("an object"));
                keel_json_reader_set_context (reader, where, field->key);
                return FALSE;
              }
            child = keel_record_json_read (field->child_type (), reader,
                                           keel_record_json_name (name, sizeof name, where, field->key,
                                                                  count, &owned),
                                           NULL);
            if (child == NULL)
              return FALSE;
            g_ptr_array_add (items, child);
          }
        if (keel_json_reader_failed (reader))
          return FALSE;

        g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                             items->pdata, items->len);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * keel_record_json_name:
 * @buf: where to make the name
 * @prefix: what holds the element: a list's name, a record's id or name
 * @key: (nullable): the field of @prefix
 * @index: the element's place in a list, or %G_MAXUINT
 * @owned: (out): the name when it does not fit in @buf, else %NULL
 *
 * Returns: the name: "training[12]", "OBJ-3 owner", "OBJ-3 readings[2]"
 */
const char *
keel_record_json_name (char        *buf,
                       gsize        size,
                       const char  *prefix,
                       const char  *key,
                       guint        index,
                       char       **owned)
{
  char digits[16];
  char *d = digits + sizeof digits;
  gsize prefix_len = strlen (prefix);
  gsize key_len = key != NULL ? strlen (key) : 0;
  gsize digits_len = 0;
  gsize need;
  char *p;

  *owned = NULL;
  if (index != G_MAXUINT)
    {
      guint n = index;

      do
        *--d = (char) ('0' + n % 10);
      while ((n /= 10) != 0);
      digits_len = (gsize) (digits + sizeof digits - d);
    }

  need = prefix_len + (key != NULL ? 1 + key_len : 0) + (index != G_MAXUINT ? digits_len + 2 : 0) + 1;
  if (need > size)
    {
      if (index == G_MAXUINT)
        return *owned = g_strconcat (prefix, key ? " " : "", key ? key : "", NULL);
      return *owned = g_strdup_printf ("%s%s%s[%u]", prefix, key ? " " : "", key ? key : "", index);
    }

  p = buf;
  memcpy (p, prefix, prefix_len);
  p += prefix_len;
  if (key != NULL)
    {
      *p++ = ' ';
      memcpy (p, key, key_len);
      p += key_len;
    }
  if (index != G_MAXUINT)
    {
      *p++ = '[';
      memcpy (p, d, digits_len);
      p += digits_len;
      *p++ = ']';
    }
  *p = '\0';

  return buf;
}

/**
 * keel_record_json_read:
 * @type: a KeelRecord subclass
 * @reader: a reader at an object
 * @where: how to name the record in an error until its id is read
 *   ("objectives[2]")
 * @id_offset: (out) (optional): where the id's value is in the text
 *
 * Reads a record. Members no field knows are kept for writing back; a
 * member of the wrong type or out of its field's range stops @reader with
 * an error that names the record and the field. The id is read but not
 * checked here: the workspace checks ids.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @reader
 *   failed
 */
KeelRecord *
keel_record_json_read (GType           type,
                       KeelJsonReader *reader,
                       const char     *where,
                       gsize          *id_offset)
{
  g_autoptr(KeelRecord) self = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *where_owned = NULL;
  KeelRecordClass *klass;
  GValue *values;
  const char *key;
  guint64 seen = 0;
  gboolean seen_id = FALSE;
  guint count = 0;

  g_return_val_if_fail (g_type_is_a (type, KEEL_TYPE_RECORD), NULL);

  if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_OBJECT)
    {
      keel_json_reader_set_context (reader, where, NULL);
      return (refuse_next (reader, _("an object")), NULL);
    }

  self = g_object_new (type, NULL);
  klass = KEEL_RECORD_GET_CLASS (self);
  values = _keel_record_get_values (self);

  /* A name twice in one object: a bit per field tells */
  g_assert (klass->n_fields <= 64);

  keel_json_reader_begin_object (reader);
  for (;;)
    {
      int idx;

      /* The context names only what is still alive: a part's name is
       * freed when the part is read */
      keel_json_reader_set_context (reader, where, NULL);
      if (!keel_json_reader_next_member (reader, &count, &key))
        break;

      if (klass->id_prefix != NULL && strcmp (key, "id") == 0)
        {
          const char *id;

          keel_json_reader_set_context (reader, where, "id");
          if (seen_id)
            return (keel_json_reader_refuse_duplicate (reader, key), NULL);
          seen_id = TRUE;
          if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_STRING)
            return (refuse_next (reader, _("a text")), NULL);
          if (id_offset != NULL)
            *id_offset = keel_json_reader_get_offset (reader);
          id = keel_json_reader_read_string (reader, NULL);
          if (id == NULL)
            return NULL;
          _keel_record_take_id (self, g_strdup (id));
          where = keel_record_get_id (self);
          /* Parts name themselves after it: a hostile id of any size must
           * not be copied for each of them */
          if (strlen (where) > 120)
            where = where_owned = keel_json_excerpt (where);
          continue;
        }

      idx = _keel_record_field_index (klass, key);
      keel_json_reader_set_context (reader, where, idx >= 0 ? klass->fields[idx].key : NULL);

      if (idx < 0)
        {
          g_autofree char *name = NULL;
          JsonNode *member;

          if (extra == NULL)
            extra = json_object_new ();
          else if (json_object_has_member (extra, key))
            return (keel_json_reader_refuse_duplicate (reader, key), NULL);

          name = g_strdup (key);
          member = keel_json_reader_read_node (reader);
          if (member == NULL)
            return NULL;
          json_object_set_member (extra, name, member);
          continue;
        }

      if (seen & (G_GUINT64_CONSTANT (1) << idx))
        return (keel_json_reader_refuse_duplicate (reader, key), NULL);
      seen |= G_GUINT64_CONSTANT (1) << idx;

      /* null means "not set", as if the member were absent */
      if (keel_json_reader_peek (reader) == KEEL_JSON_VALUE_NULL)
        {
          if (!keel_json_reader_read_null (reader))
            return NULL;
          continue;
        }

      if (!read_field (self, &klass->fields[idx], &values[idx], reader, where))
        return NULL;
    }

  keel_json_reader_set_context (reader, NULL, NULL);

  if (keel_json_reader_failed (reader))
    return NULL;

  if (extra != NULL)
    _keel_record_take_extra (self, g_steal_pointer (&extra));

  return g_steal_pointer (&self);
}

/**
 * keel_record_json_parse:
 * @display_name: how to name the text in errors
 *
 * Reads one record of @type from a text holding only it.
 *
 * Returns: (transfer full) (nullable): the record
 */
KeelRecord *
keel_record_json_parse (GType        type,
                        const char  *display_name,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_auto(KeelJsonReader) reader = { 0 };
  g_autoptr(KeelRecord) record = NULL;

  keel_json_reader_init (&reader, data, length);
  record = keel_record_json_read (type, &reader, display_name, NULL);
  if (record == NULL || !keel_json_reader_end (&reader))
    return (keel_json_reader_propagate_error (&reader, display_name, error), NULL);

  return g_steal_pointer (&record);
}
