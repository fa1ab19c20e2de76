/* keel-record-access.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-record"

#include "config.h"

#include <math.h>
#include <string.h>

#include "keel-date.h"
#include "keel-record-private.h"

/* Reading and writing one field by key, typed (string, boolean, int,
 * double, date, list, part), and the text a field shows. The values and
 * the properties behind them are in keel-record.c. */

const char *
keel_record_get_string (KeelRecord *self,
                        const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_STRING, NULL);

  return v ? g_value_get_string (v) : NULL;
}

void
keel_record_set_string (KeelRecord *self,
                        const char *key,
                        const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  _keel_record_set_field (self, key, KEEL_FIELD_STRING, &v);
}

gboolean
keel_record_get_boolean (KeelRecord *self,
                         const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), FALSE);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_BOOLEAN, NULL);

  return v ? g_value_get_boolean (v) : FALSE;
}

void
keel_record_set_boolean (KeelRecord *self,
                         const char *key,
                         gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  _keel_record_set_field (self, key, KEEL_FIELD_BOOLEAN, &v);
}

gint64
keel_record_get_int (KeelRecord *self,
                     const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), 0);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_INT, NULL);

  return v ? g_value_get_int64 (v) : 0;
}

void
keel_record_set_int (KeelRecord *self,
                     const char *key,
                     gint64      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  _keel_record_set_field (self, key, KEEL_FIELD_INT, &v);
}

/**
 * keel_record_get_double:
 *
 * Returns: the value, or NaN when it is not set
 */
double
keel_record_get_double (KeelRecord *self,
                        const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NAN);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_DOUBLE, NULL);

  return v ? g_value_get_double (v) : NAN;
}

void
keel_record_set_double (KeelRecord *self,
                        const char *key,
                        double      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  _keel_record_set_field (self, key, KEEL_FIELD_DOUBLE, &v);
}

/**
 * keel_record_get_date:
 *
 * Works for date and date-time fields.
 *
 * Returns: (transfer none) (nullable): the date
 */
GDateTime *
keel_record_get_date (KeelRecord *self,
                      const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_DATE, NULL);

  return v ? g_value_get_boxed (v) : NULL;
}

void
keel_record_set_date (KeelRecord *self,
                      const char *key,
                      GDateTime  *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_DATE_TIME);
  g_value_set_boxed (&v, value);
  _keel_record_set_field (self, key, KEEL_FIELD_DATE, &v);
}

const char * const *
keel_record_get_strv (KeelRecord *self,
                      const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_STRV, NULL);

  return v ? g_value_get_boxed (v) : NULL;
}

void
keel_record_set_strv (KeelRecord         *self,
                      const char         *key,
                      const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  _keel_record_set_field (self, key, KEEL_FIELD_STRV, &v);
}

/**
 * keel_record_get_child:
 *
 * Returns: (transfer none) (nullable): the part stored in a child field
 */
KeelRecord *
keel_record_get_child (KeelRecord *self,
                       const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_CHILD, NULL);

  return v ? g_value_get_object (v) : NULL;
}

void
keel_record_set_child (KeelRecord *self,
                       const char *key,
                       KeelRecord *child)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));
  g_return_if_fail (!child || KEEL_IS_RECORD (child));

  g_value_init (&v, KEEL_TYPE_RECORD);
  g_value_set_object (&v, child);
  _keel_record_set_field (self, key, KEEL_FIELD_CHILD, &v);
}

/**
 * keel_record_get_children:
 *
 * Returns: (transfer none): the list of parts in a children field, never
 *   %NULL for a children field. Adding or removing items changes the record.
 */
GListStore *
keel_record_get_children (KeelRecord *self,
                          const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = _keel_record_lookup_value (self, key, KEEL_FIELD_CHILDREN, NULL);

  return v ? g_value_get_object (v) : NULL;
}

gboolean
keel_record_is_set (KeelRecord *self,
                    const char *key)
{
  KeelRecordClass *klass;
  const GValue *v;
  int idx;

  g_return_val_if_fail (KEEL_IS_RECORD (self), FALSE);

  klass = KEEL_RECORD_GET_CLASS (self);
  idx = _keel_record_field_index (klass, key);
  g_return_val_if_fail (idx >= 0, FALSE);
  v = &_keel_record_get_values (self)[idx];

  return _keel_record_value_is_set (&klass->fields[idx], v);
}

static char *
format_double (double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (d == 0)
    return g_strdup ("0");

  /* The shortest text that reads back as the same number */
  for (int precision = 1; precision <= 17; precision++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }

  /* %g gives 1e+02 for 100: whole numbers read better written out */
  if (strchr (buf, 'e') != NULL && d == floor (d) && fabs (d) < 1e15)
    g_snprintf (buf, sizeof buf, "%.0f", d);

  return g_strdup (buf);
}

/**
 * keel_record_format_field:
 *
 * Returns: (transfer full) (nullable): the field's value as a short text,
 *   as keel.json would hold it, or %NULL when it is not set
 */
char *
keel_record_format_field (KeelRecord *self,
                          const char *key)
{
  const KeelField *field;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  if (!keel_record_is_set (self, key))
    return NULL;

  field = keel_record_find_field (self, key);

  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
      return g_strdup (keel_record_get_string (self, key));
    case KEEL_FIELD_BOOLEAN:
      return g_strdup ("true");
    case KEEL_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, keel_record_get_int (self, key));
    case KEEL_FIELD_DOUBLE:
      return format_double (keel_record_get_double (self, key));
    case KEEL_FIELD_DATE:
      return keel_date_format (keel_record_get_date (self, key));
    case KEEL_FIELD_DATETIME:
      return keel_date_time_format (keel_record_get_date (self, key));
    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      return g_strjoinv (", ", (char **) keel_record_get_strv (self, key));
    case KEEL_FIELD_CHILD:
    case KEEL_FIELD_CHILDREN:
    default:
      return NULL;
    }
}
