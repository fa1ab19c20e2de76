/* keel-kind.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-kind"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-kind.h"
#include "keel-record.h"

/* What a kind's description answers: its fields, choices, labels and id
 * rules. The descriptions themselves live in records/, one per file; the
 * list of top-level kinds in records/keel-kinds.c. */

/* ------------------------------------------------------------------------ */
/* Kinds                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * keel_kind_for_type:
 *
 * Returns: (nullable): the description of the record type @type
 */
const KeelKind *
keel_kind_for_type (GType type)
{
  g_autoptr(GTypeClass) klass = NULL;

  if (!g_type_is_a (type, KEEL_TYPE_RECORD) || G_TYPE_IS_ABSTRACT (type))
    return NULL;

  klass = g_type_class_ref (type);

  return KEEL_RECORD_CLASS (klass)->kind_desc;
}

GType
keel_kind_get_gtype (const KeelKind *kind)
{
  g_return_val_if_fail (kind != NULL, G_TYPE_INVALID);

  return kind->get_type ();
}

const char *
keel_kind_get_label (const KeelKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kind->label);
}

const char *
keel_kind_get_plural_label (const KeelKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kind->plural_label);
}

const KeelField *
keel_kind_find_field (const KeelKind *kind,
                      const char     *key)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].key, key) == 0)
      return &kind->fields[i];

  return NULL;
}

const KeelField *
keel_kind_get_title_field (const KeelKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & KEEL_FIELD_TITLE)
      return &kind->fields[i];

  return NULL;
}

guint
keel_kind_get_dated_fields (const KeelKind   *kind,
                            const KeelField **out,
                            guint             max)
{
  guint n = 0;

  g_return_val_if_fail (kind != NULL, 0);

  for (guint i = 0; i < kind->n_fields && n < max; i++)
    if (keel_field_is_dated (&kind->fields[i]))
      out[n++] = &kind->fields[i];

  return n;
}

/* ------------------------------------------------------------------------ */
/* Ids                                                                      */
/* ------------------------------------------------------------------------ */

/* An id's number: 1 … G_MAXUINT32, decimal digits without a leading zero
 * beyond what the scheme pads */
static gboolean
parse_number (const char *digits,
              guint64    *number)
{
  char *end = NULL;

  if (!g_ascii_isdigit (digits[0]))
    return FALSE;

  *number = g_ascii_strtoull (digits, &end, 10);

  return end != NULL && *end == '\0' && *number != 0 && *number <= G_MAXUINT32;
}

gboolean
keel_kind_parse_id (const KeelKind  *kind,
                    const char      *id,
                    char           **counter_key,
                    guint64         *number)
{
  gsize plen;
  const char *digits;

  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (counter_key != NULL && number != NULL, FALSE);

  if (kind->id_prefix == NULL || id == NULL)
    return FALSE;

  plen = strlen (kind->id_prefix);
  if (strncmp (id, kind->id_prefix, plen) != 0 || id[plen] != '-')
    return FALSE;

  digits = id + plen + 1;

  if (kind->id_scheme == KEEL_ID_YEARLY)
    {
      /* PREFIX-YYYY-NN */
      for (guint i = 0; i < 4; i++)
        if (!g_ascii_isdigit (digits[i]))
          return FALSE;
      if (digits[4] != '-')
        return FALSE;
      digits += 5;
    }

  if (!parse_number (digits, number))
    return FALSE;

  *counter_key = g_strndup (id, (gsize) (digits - id - 1));

  return TRUE;
}

char *
keel_kind_counter_key (const KeelKind *kind,
                       GDateTime      *when,
                       GDateTime      *today)
{
  g_return_val_if_fail (kind != NULL && kind->id_prefix != NULL, NULL);

  if (kind->id_scheme == KEEL_ID_YEARLY)
    {
      GDateTime *date = when != NULL ? when : today;

      g_return_val_if_fail (date != NULL, NULL);

      return g_strdup_printf ("%s-%04d", kind->id_prefix, g_date_time_get_year (date));
    }

  return g_strdup (kind->id_prefix);
}

char *
keel_kind_format_id (const KeelKind *kind,
                     const char     *counter_key,
                     guint64         number)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (counter_key != NULL, NULL);

  if (kind->id_scheme == KEEL_ID_YEARLY)
    return g_strdup_printf ("%s-%02" G_GUINT64_FORMAT, counter_key, number);

  return g_strdup_printf ("%s-%" G_GUINT64_FORMAT, counter_key, number);
}

char *
keel_kind_describe_id (const KeelKind *kind)
{
  g_return_val_if_fail (kind != NULL && kind->id_prefix != NULL, NULL);

  if (kind->id_scheme == KEEL_ID_YEARLY)
    /* Translators: %s is an id prefix such as MR */
    return g_strdup_printf (_("an id like %s-2026-01"), kind->id_prefix);

  /* Translators: %s is an id prefix such as OBJ */
  return g_strdup_printf (_("an id like %s-1"), kind->id_prefix);
}

/* ------------------------------------------------------------------------ */
/* Fields                                                                   */
/* ------------------------------------------------------------------------ */

const char *
keel_field_get_label (const KeelField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

gboolean
keel_field_is_dated (const KeelField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->type == KEEL_FIELD_DATE || field->type == KEEL_FIELD_DATETIME;
}

guint
keel_field_get_n_choices (const KeelField *field)
{
  guint n = 0;

  g_return_val_if_fail (field != NULL, 0);

  if (field->choices != NULL)
    while (field->choices[n].value != NULL)
      n++;

  return n;
}

int
keel_field_choice_index (const KeelField *field,
                         const char      *value)
{
  g_return_val_if_fail (field != NULL, -1);

  if (field->choices == NULL || value == NULL)
    return -1;

  for (int i = 0; field->choices[i].value != NULL; i++)
    if (strcmp (field->choices[i].value, value) == 0)
      return i;

  return -1;
}

const char *
keel_field_choice_label (const KeelField *field,
                         const char      *value)
{
  int i = keel_field_choice_index (field, value);

  if (i < 0)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, field->choices[i].label);
}

char *
keel_field_describe_choices (const KeelField *field)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; field->choices != NULL && field->choices[i].value != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '/');
      g_string_append (text, field->choices[i].value);
    }

  return g_string_free (text, FALSE);
}

gboolean
keel_field_allows (const KeelField *field,
                   const char      *value)
{
  if (value == NULL)
    return TRUE;

  return keel_field_choice_index (field, value) >= 0;
}
