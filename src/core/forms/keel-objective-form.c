/* keel-objective-form.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objective-form"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-form-util.h"
#include "keel-objective.h"
#include "keel-objective-form.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static const char * const field_keys[KEEL_OBJECTIVE_FORM_N_FIELDS] = {
  [KEEL_OBJECTIVE_FORM_TITLE] = "title",
  [KEEL_OBJECTIVE_FORM_DESCRIPTION] = "description",
  [KEEL_OBJECTIVE_FORM_OWNER] = "owner",
  [KEEL_OBJECTIVE_FORM_STRATEGY_LINK] = "strategy_link",
  [KEEL_OBJECTIVE_FORM_DEPARTMENT] = "department",
  [KEEL_OBJECTIVE_FORM_MEASURE] = "measure",
  [KEEL_OBJECTIVE_FORM_UNIT] = "unit",
  [KEEL_OBJECTIVE_FORM_DIRECTION] = "direction",
  [KEEL_OBJECTIVE_FORM_BASELINE] = "baseline",
  [KEEL_OBJECTIVE_FORM_TARGET] = "target",
  [KEEL_OBJECTIVE_FORM_CADENCE] = "cadence",
  [KEEL_OBJECTIVE_FORM_START] = "start",
  [KEEL_OBJECTIVE_FORM_DUE] = "due",
  [KEEL_OBJECTIVE_FORM_STATUS] = "status",
};

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* The value with blanks around it removed, or NULL when blank */
static char *
dup_trimmed (const char *text)
{
  if (is_blank (text))
    return NULL;

  return g_strstrip (g_strdup (text));
}

static const KeelField *
objective_field (const char *key)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (KEEL_TYPE_OBJECTIVE);

  /* Record classes are never unloaded: the field table outlives the ref */
  return keel_record_class_find_field (KEEL_RECORD_CLASS (klass), key);
}

static gboolean
enum_allows (const char *key,
             const char *value)
{
  return value != NULL && keel_field_allows (objective_field (key), value);
}

static gboolean
parse_optional_number (const char *text,
                       double     *value)
{
  *value = NAN;

  if (is_blank (text))
    return TRUE;

  return keel_form_parse_number (text, value);
}

static const char *
get_value (const KeelObjectiveForm *form,
           KeelObjectiveFormField   field)
{
  const char *v = form->values[field];

  return is_blank (v) ? NULL : v;
}

/* ------------------------------------------------------------------------ */
/* Form values                                                              */
/* ------------------------------------------------------------------------ */

KeelObjectiveForm *
keel_objective_form_new (void)
{
  return g_new0 (KeelObjectiveForm, 1);
}

/**
 * keel_objective_form_new_from_record:
 *
 * Returns: (transfer full): a form holding @objective's fields as text
 */
KeelObjectiveForm *
keel_objective_form_new_from_record (KeelRecord *objective)
{
  KeelObjectiveForm *form;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);

  form = keel_objective_form_new ();
  keel_form_values_load (form->values, KEEL_OBJECTIVE_FORM_N_FIELDS, objective, field_keys);

  return form;
}

void
keel_objective_form_free (KeelObjectiveForm *form)
{
  if (form == NULL)
    return;

  keel_form_values_clear (form->values, KEEL_OBJECTIVE_FORM_N_FIELDS);
  g_free (form);
}

const char *
keel_objective_form_field_key (KeelObjectiveFormField field)
{
  g_return_val_if_fail (field < KEEL_OBJECTIVE_FORM_N_FIELDS, NULL);

  return field_keys[field];
}

const char *
keel_objective_form_get (const KeelObjectiveForm *form,
                         KeelObjectiveFormField   field)
{
  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (field < KEEL_OBJECTIVE_FORM_N_FIELDS, NULL);

  return form->values[field];
}

gboolean
keel_objective_form_set (KeelObjectiveForm      *form,
                         KeelObjectiveFormField  field,
                         const char             *text)
{
  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (field < KEEL_OBJECTIVE_FORM_N_FIELDS, FALSE);

  return keel_form_value_set (&form->values[field], text);
}

gboolean
keel_objective_form_apply (const KeelObjectiveForm *form,
                           KeelRecord              *objective)
{
  g_autoptr(KeelObjectiveFormValidation) validation = NULL;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), FALSE);

  validation = keel_objective_form_validate (form);
  if (!validation->can_save)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (objective));

  for (guint i = 0; i < KEEL_OBJECTIVE_FORM_N_FIELDS; i++)
    {
      const char *key = field_keys[i];
      const KeelField *field = keel_record_find_field (objective, key);
      const char *text = form->values[i];

      switch (field->type)
        {
        case KEEL_FIELD_DOUBLE:
          {
            double d;

            parse_optional_number (text, &d);
            keel_record_set_double (objective, key, d);
          }
          break;

        case KEEL_FIELD_DATE:
          {
            g_autoptr(GDateTime) date = keel_form_parse_date (text);

            keel_record_set_date (objective, key, date);
          }
          break;

        case KEEL_FIELD_STRING:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_REF:
          {
            /* A description keeps its layout; other text is trimmed */
            g_autofree char *trimmed = dup_trimmed (text);

            if ((field->flags & KEEL_FIELD_MULTILINE) && trimmed != NULL)
              keel_record_set_string (objective, key, text);
            else
              keel_record_set_string (objective, key, trimmed);
          }
          break;

        case KEEL_FIELD_BOOLEAN:
        case KEEL_FIELD_INT:
        case KEEL_FIELD_DATETIME:
        case KEEL_FIELD_REF_LIST:
        case KEEL_FIELD_STRV:
        case KEEL_FIELD_CHILD:
        case KEEL_FIELD_CHILDREN:
        default:
          g_assert_not_reached ();
        }
    }

  g_object_thaw_notify (G_OBJECT (objective));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */
/* ------------------------------------------------------------------------ */

static void
set_error (KeelObjectiveFormValidation *v,
           KeelObjectiveFormField       field,
           const char                  *message)
{
  keel_form_error_set (v->errors, &v->n_errors, field, message);
}

/**
 * keel_objective_form_validate:
 *
 * Returns: (transfer full): the errors of each field and whether the form
 *   can be saved
 */
KeelObjectiveFormValidation *
keel_objective_form_validate (const KeelObjectiveForm *form)
{
  KeelObjectiveFormValidation *v;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) due = NULL;
  double number;

  g_return_val_if_fail (form != NULL, NULL);

  v = g_new0 (KeelObjectiveFormValidation, 1);

  if (get_value (form, KEEL_OBJECTIVE_FORM_TITLE) == NULL)
    set_error (v, KEEL_OBJECTIVE_FORM_TITLE, _("Give the objective a title"));

  if (get_value (form, KEEL_OBJECTIVE_FORM_OWNER) == NULL)
    set_error (v, KEEL_OBJECTIVE_FORM_OWNER, _("Choose who owns this objective"));

  if (get_value (form, KEEL_OBJECTIVE_FORM_MEASURE) == NULL)
    set_error (v, KEEL_OBJECTIVE_FORM_MEASURE, _("Say what is measured"));

  if (get_value (form, KEEL_OBJECTIVE_FORM_TARGET) == NULL)
    set_error (v, KEEL_OBJECTIVE_FORM_TARGET, _("Set a target value"));
  else if (!keel_form_parse_number (get_value (form, KEEL_OBJECTIVE_FORM_TARGET), &number))
    set_error (v, KEEL_OBJECTIVE_FORM_TARGET, _("The target must be a number, like 95 or 4.5"));

  if (!parse_optional_number (get_value (form, KEEL_OBJECTIVE_FORM_BASELINE), &number))
    set_error (v, KEEL_OBJECTIVE_FORM_BASELINE, _("The baseline must be a number, like 80 or 2.5"));

  if (get_value (form, KEEL_OBJECTIVE_FORM_START) != NULL)
    {
      start = keel_form_parse_date (get_value (form, KEEL_OBJECTIVE_FORM_START));
      if (start == NULL)
        set_error (v, KEEL_OBJECTIVE_FORM_START, _("Write the start date as a real date, like 2026-03-31"));
    }

  if (get_value (form, KEEL_OBJECTIVE_FORM_DUE) == NULL)
    set_error (v, KEEL_OBJECTIVE_FORM_DUE, _("Set the date by which the target is due"));
  else if ((due = keel_form_parse_date (get_value (form, KEEL_OBJECTIVE_FORM_DUE))) == NULL)
    set_error (v, KEEL_OBJECTIVE_FORM_DUE, _("Write the due date as a real date, like 2026-12-31"));
  else if (start != NULL && keel_date_compare (due, start) <= 0)
    set_error (v, KEEL_OBJECTIVE_FORM_DUE, _("The due date must come after the start date"));

  {
    static const KeelObjectiveFormField choices[] = {
      KEEL_OBJECTIVE_FORM_DIRECTION,
      KEEL_OBJECTIVE_FORM_CADENCE,
      KEEL_OBJECTIVE_FORM_STATUS,
    };

    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      {
        const char *value = get_value (form, choices[i]);
        g_autofree char *trimmed = dup_trimmed (value);

        if (trimmed != NULL && !enum_allows (field_keys[choices[i]], trimmed))
          set_error (v, choices[i], _("Choose one of the values offered"));
      }
  }

  v->can_save = (v->n_errors == 0);

  return v;
}

void
keel_objective_form_validation_free (KeelObjectiveFormValidation *validation)
{
  if (validation == NULL)
    return;

  keel_form_values_clear (validation->errors, KEEL_OBJECTIVE_FORM_N_FIELDS);
  g_free (validation);
}

/* ------------------------------------------------------------------------ */
/* SMART                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * keel_objective_form_smart_check:
 *
 * The objective's SMART check (keel_objective_smart_check()) on what the
 * form holds: values that cannot be read count as missing.
 *
 * Returns: (transfer full): the verdict on each SMART criterion
 */
KeelSmartCheck *
keel_objective_form_smart_check (const KeelObjectiveForm *form,
                                 GDateTime               *today)
{
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);

  g_return_val_if_fail (form != NULL, NULL);

  for (guint i = 0; i < KEEL_OBJECTIVE_FORM_N_FIELDS; i++)
    {
      const char *key = field_keys[i];
      const KeelField *field = objective_field (key);
      const char *value = get_value (form, i);

      if (value == NULL)
        continue;

      if (field->type == KEEL_FIELD_DOUBLE)
        {
          double d;

          if (keel_form_parse_number (value, &d))
            keel_record_set_double (objective, key, d);
        }
      else if (field->type == KEEL_FIELD_DATE)
        {
          g_autoptr(GDateTime) date = keel_form_parse_date (value);

          keel_record_set_date (objective, key, date);
        }
      else if (field->type != KEEL_FIELD_ENUM || keel_field_allows (field, value))
        keel_record_set_string (objective, key, value);
    }

  return keel_objective_smart_check (objective, today);
}

/* ------------------------------------------------------------------------ */
/* Numbers and readings                                                     */
/* ------------------------------------------------------------------------ */

gboolean
keel_reading_form_validate (const char  *date_text,
                            const char  *value_text,
                            char       **date_error,
                            char       **value_error)
{
  g_autoptr(GDateTime) date = NULL;
  gboolean ok = TRUE;
  double value;

  if (date_error != NULL)
    *date_error = NULL;
  if (value_error != NULL)
    *value_error = NULL;

  if (is_blank (date_text))
    {
      ok = FALSE;
      if (date_error != NULL)
        *date_error = g_strdup (_("Give the date of the reading"));
    }
  else if ((date = keel_form_parse_date (date_text)) == NULL)
    {
      ok = FALSE;
      if (date_error != NULL)
        *date_error = g_strdup (_("Write the date as a real date, like 2026-03-31"));
    }

  if (is_blank (value_text))
    {
      ok = FALSE;
      if (value_error != NULL)
        *value_error = g_strdup (_("Give the value measured"));
    }
  else if (!keel_form_parse_number (value_text, &value))
    {
      ok = FALSE;
      if (value_error != NULL)
        *value_error = g_strdup (_("The value must be a number, like 42 or 4.5"));
    }

  return ok;
}

/* ------------------------------------------------------------------------ */
/* Plot layout                                                              */
/* ------------------------------------------------------------------------ */

void
keel_trend_nice_scale (double          lo,
                       double          hi,
                       guint           max_ticks,
                       KeelTrendScale *scale)
{
  static const double steps[] = { 1.0, 2.0, 2.5, 5.0 };
  double range, magnitude;

  g_return_if_fail (scale != NULL);
  g_return_if_fail (isfinite (lo) && isfinite (hi));

  max_ticks = MAX (max_ticks, 2);

  if (hi < lo)
    {
      double tmp = lo;

      lo = hi;
      hi = tmp;
    }

  if (hi == lo)
    {
      double delta = lo == 0 ? 1.0 : fabs (lo) * 0.1;

      /* Keep a positive quantity's axis from dipping below zero */
      lo = (lo >= 0 && lo - delta < 0) ? 0 : lo - delta;
      hi = hi + delta;
    }

  range = hi - lo;
  magnitude = pow (10, floor (log10 (range / (max_ticks - 1)))) / 10;

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          double step = steps[i] * magnitude;
          double min = floor (lo / step + 1e-9) * step;
          double max = ceil (hi / step - 1e-9) * step;
          guint n = (guint) lround ((max - min) / step) + 1;

          if (n <= max_ticks)
            {
              /* Avoid "-0" ticks */
              scale->min = min == 0 ? 0 : min;
              scale->max = max == 0 ? 0 : max;
              scale->step = step;
              scale->n_ticks = n;
              return;
            }
        }
      magnitude *= 10;
    }
}

double
keel_trend_map (double value,
                double d0,
                double d1,
                double r0,
                double r1)
{
  if (d1 == d0)
    return (r0 + r1) / 2;

  return r0 + (value - d0) / (d1 - d0) * (r1 - r0);
}

static int
month_index (GDateTime *date)
{
  return g_date_time_get_year (date) * 12 + g_date_time_get_month (date) - 1;
}

/**
 * keel_trend_month_ticks:
 *
 * Returns: (transfer full) (element-type GDateTime): the tick dates
 */
GPtrArray *
keel_trend_month_ticks (GDateTime *first,
                        GDateTime *last,
                        guint      max_ticks,
                        guint     *step_months)
{
  static const guint steps[] = { 1, 2, 3, 6, 12 };
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  int from, to;
  guint step = 1;

  g_return_val_if_fail (first != NULL && last != NULL, ticks);

  max_ticks = MAX (max_ticks, 1);

  if (keel_date_compare (last, first) < 0)
    {
      GDateTime *tmp = first;

      first = last;
      last = tmp;
    }

  /* The first month whose first day is on or after @first */
  from = month_index (first) + (g_date_time_get_day_of_month (first) > 1 ? 1 : 0);
  to = month_index (last);

  for (guint i = 0; ; i++)
    {
      guint n = 0;

      step = i < G_N_ELEMENTS (steps) ? steps[i] : 12 * (i - G_N_ELEMENTS (steps) + 2);

      for (int m = from; m <= to; m++)
        if (m % (int) step == 0)
          n++;

      if (n <= max_ticks)
        break;
    }

  for (int m = from; m <= to; m++)
    if (m % (int) step == 0)
      g_ptr_array_add (ticks, keel_date_new (m / 12, m % 12 + 1, 1));

  if (ticks->len == 0)
    g_ptr_array_add (ticks, g_date_time_ref (first));

  if (step_months != NULL)
    *step_months = step;

  return ticks;
}

gboolean
keel_trend_value_range (KeelRecord *objective,
                        double     *lo,
                        double     *hi)
{
  g_autoptr(GPtrArray) sorted = NULL;
  double values[2];
  double min = INFINITY, max = -INFINITY;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), FALSE);

  sorted = keel_objective_sorted_readings (objective);
  values[0] = keel_record_get_double (objective, "target");
  values[1] = keel_record_get_double (objective, "baseline");

  for (guint i = 0; i < sorted->len; i++)
    {
      double v = keel_record_get_double (g_ptr_array_index (sorted, i), "value");

      min = MIN (min, v);
      max = MAX (max, v);
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!isnan (values[i]))
      {
        min = MIN (min, values[i]);
        max = MAX (max, values[i]);
      }

  if (min > max)
    return FALSE;

  if (lo != NULL)
    *lo = min;
  if (hi != NULL)
    *hi = max;

  return TRUE;
}

/**
 * keel_trend_describe:
 *
 * Returns: (transfer full): one sentence describing the plot
 */
char *
keel_trend_describe (KeelRecord *objective)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree char *target_text = NULL;
  const char *unit;
  double target;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);

  sorted = keel_objective_sorted_readings (objective);
  unit = keel_record_get_string (objective, "unit");
  target = keel_record_get_double (objective, "target");

  if (!isnan (target))
    target_text = keel_objective_format_value (target, unit);

  if (sorted->len == 0)
    {
      if (target_text == NULL)
        return g_strdup (_("No readings yet"));

      /* Translators: the plot's description, "No readings yet; target 5 %" */
      return g_strdup_printf (_("No readings yet; target %s"), target_text);
    }
  else
    {
      KeelRecord *first = g_ptr_array_index (sorted, 0);
      KeelRecord *last = g_ptr_array_index (sorted, sorted->len - 1);
      g_autofree char *from = keel_date_format (keel_record_get_date (first, "date"));
      g_autofree char *to = keel_date_format (keel_record_get_date (last, "date"));
      g_autofree char *latest = keel_objective_format_value (keel_record_get_double (last, "value"), unit);
      g_autofree char *span = NULL;

      if (sorted->len == 1)
        /* Translators: the plot's description, "1 reading on 2026-01-31" */
        span = g_strdup_printf (_("1 reading on %s"), to);
      else
        /* Translators: the plot's description, "6 readings from 2026-01-31 to 2026-06-30" */
        span = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u reading from %s to %s",
                                             "%u readings from %s to %s",
                                             sorted->len),
                                sorted->len, from, to);

      if (target_text == NULL)
        /* Translators: "<span>; latest 4.2 %" */
        return g_strdup_printf (_("%s; latest %s"), span, latest);

      /* Translators: "<span>; latest 4.2 %, target 5 %" */
      return g_strdup_printf (_("%s; latest %s, target %s"), span, latest, target_text);
    }
}
