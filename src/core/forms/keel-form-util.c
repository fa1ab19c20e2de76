/* keel-form-util.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-form"

#include "config.h"

#include <math.h>
#include <string.h>

#include "keel-date.h"
#include "keel-form-util.h"

void
keel_form_values_load (char              **values,
                       guint               n_fields,
                       KeelRecord         *record,
                       const char * const *keys)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (KEEL_IS_RECORD (record));
  g_return_if_fail (keys != NULL);

  for (guint i = 0; i < n_fields; i++)
    values[i] = keel_record_format_field (record, keys[i]);
}

void
keel_form_values_clear (char  **values,
                        guint   n_fields)
{
  g_return_if_fail (values != NULL);

  for (guint i = 0; i < n_fields; i++)
    g_clear_pointer (&values[i], g_free);
}

gboolean
keel_form_value_set (char       **value,
                     const char  *text)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (*value, text) == 0)
    return FALSE;

  g_free (*value);
  *value = g_strdup (text);

  return TRUE;
}

void
keel_form_error_set (char       **errors,
                     guint       *n_errors,
                     guint        field,
                     const char  *message)
{
  g_return_if_fail (errors != NULL);
  g_return_if_fail (n_errors != NULL);

  if (errors[field] != NULL)
    return;

  errors[field] = g_strdup (message);
  (*n_errors)++;
}

GDateTime *
keel_form_parse_date (const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));

  return keel_date_parse (trimmed);
}

gboolean
keel_form_parse_number (const char *text,
                        double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  char *comma;
  double d;

  g_return_val_if_fail (value != NULL, FALSE);

  *value = NAN;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return FALSE;

  /* One decimal comma reads as a point; a comma with a point is ambiguous */
  if ((comma = strchr (copy, ',')) != NULL)
    {
      if (strchr (copy, '.') != NULL || strchr (comma + 1, ',') != NULL)
        return FALSE;
      *comma = '.';
    }

  /* Only plain decimal notation: no hex, "inf" or "nan" */
  for (const char *p = copy; *p; p++)
    if (!(g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '+' || *p == 'e' || *p == 'E'))
      return FALSE;

  d = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (d))
    return FALSE;

  *value = d;

  return TRUE;
}
