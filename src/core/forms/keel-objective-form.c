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

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint n = 0;

  if (text == NULL)
    return 0;

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      /* A word has at least one letter or digit ("–" alone is not one) */
      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          {
            n++;
            break;
          }
    }

  return n;
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

static double
reading_value (KeelRecord *reading)
{
  return keel_record_get_double (reading, "value");
}

static int
compare_readings (gconstpointer a,
                  gconstpointer b)
{
  KeelRecord *ra = *(KeelRecord * const *) a;
  KeelRecord *rb = *(KeelRecord * const *) b;

  return keel_date_compare (keel_record_get_date (ra, "date"),
                            keel_record_get_date (rb, "date"));
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

const char *
keel_smart_criterion_name (KeelSmartCriterion criterion)
{
  switch (criterion)
    {
    case KEEL_SMART_SPECIFIC:
      return _("Specific");
    case KEEL_SMART_MEASURABLE:
      return _("Measurable");
    case KEEL_SMART_ACHIEVABLE:
      return _("Achievable");
    case KEEL_SMART_RELEVANT:
      return _("Relevant");
    case KEEL_SMART_TIME_BOUND:
      return _("Time-bound");
    case KEEL_SMART_N_CRITERIA:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
judge (KeelSmartCheck     *check,
       KeelSmartCriterion  criterion,
       gboolean            ok,
       char               *reason)
{
  check->ok[criterion] = ok;
  check->reasons[criterion] = reason;
  if (!ok)
    check->n_weak++;
}

static const char *
cadence_words (const char *cadence)
{
  if (g_strcmp0 (cadence, "weekly") == 0)
    return _("weekly");
  if (g_strcmp0 (cadence, "monthly") == 0)
    return _("monthly");
  if (g_strcmp0 (cadence, "quarterly") == 0)
    return _("quarterly");
  if (g_strcmp0 (cadence, "yearly") == 0)
    return _("yearly");
  return cadence;
}

/**
 * keel_objective_form_smart_check:
 *
 * Returns: (transfer full): the verdict on each SMART criterion
 */
KeelSmartCheck *
keel_objective_form_smart_check (const KeelObjectiveForm *form,
                                 GDateTime               *today)
{
  g_autoptr(GDateTime) today_owned = NULL;
  g_autoptr(GDateTime) due = NULL;
  KeelSmartCheck *check;
  const char *measure, *unit, *direction, *status, *cadence;
  const char *strategy, *department;
  double baseline = NAN, target = NAN;
  gboolean have_target;

  g_return_val_if_fail (form != NULL, NULL);

  if (today == NULL)
    today = today_owned = keel_date_today ();

  check = g_new0 (KeelSmartCheck, 1);

  /* Specific */
  if (count_words (get_value (form, KEEL_OBJECTIVE_FORM_TITLE)) < 4)
    judge (check, KEEL_SMART_SPECIFIC, FALSE,
           g_strdup (_("The title says too little: name what will change and where, in at least four words")));
  else if (get_value (form, KEEL_OBJECTIVE_FORM_DESCRIPTION) == NULL)
    judge (check, KEEL_SMART_SPECIFIC, FALSE,
           g_strdup (_("There is no description of what will change and how")));
  else
    judge (check, KEEL_SMART_SPECIFIC, TRUE,
           g_strdup (_("The title and description say what will change")));

  /* Measurable */
  measure = get_value (form, KEEL_OBJECTIVE_FORM_MEASURE);
  unit = get_value (form, KEEL_OBJECTIVE_FORM_UNIT);
  have_target = get_value (form, KEEL_OBJECTIVE_FORM_TARGET) != NULL &&
                keel_form_parse_number (get_value (form, KEEL_OBJECTIVE_FORM_TARGET), &target);

  if (measure == NULL)
    judge (check, KEEL_SMART_MEASURABLE, FALSE,
           g_strdup (_("It does not say what is measured")));
  else if (unit == NULL)
    judge (check, KEEL_SMART_MEASURABLE, FALSE,
           g_strdup (_("The measure has no unit (%, days, incidents…)")));
  else if (!have_target)
    judge (check, KEEL_SMART_MEASURABLE, FALSE,
           g_strdup (_("There is no numeric target to measure against")));
  else
    {
      g_autofree char *target_text = keel_objective_format_value (target, unit);
      g_autofree char *measure_text = dup_trimmed (measure);

      /* Translators: "Measured as <measure> against a target of <value unit>" */
      judge (check, KEEL_SMART_MEASURABLE, TRUE,
             g_strdup_printf (_("Measured as %s against a target of %s"), measure_text, target_text));
    }

  /* Achievable */
  direction = get_value (form, KEEL_OBJECTIVE_FORM_DIRECTION);
  if (!parse_optional_number (get_value (form, KEEL_OBJECTIVE_FORM_BASELINE), &baseline))
    baseline = NAN;

  if (direction == NULL)
    judge (check, KEEL_SMART_ACHIEVABLE, FALSE,
           g_strdup (_("It does not say whether higher or lower values are better")));
  else if (isnan (baseline))
    judge (check, KEEL_SMART_ACHIEVABLE, FALSE,
           g_strdup (_("There is no baseline, so nobody can judge whether the target is realistic")));
  else if (!have_target)
    judge (check, KEEL_SMART_ACHIEVABLE, FALSE,
           g_strdup (_("Without a numeric target nobody can judge whether it is realistic")));
  else if ((g_str_has_prefix (direction, "higher") && baseline >= target) ||
           (g_str_has_prefix (direction, "lower") && baseline <= target))
    judge (check, KEEL_SMART_ACHIEVABLE, FALSE,
           g_strdup (_("The baseline already meets the target: it asks for no improvement")));
  else if (baseline != 0 && target != 0 && (baseline > 0) == (target > 0) &&
           (fabs (target) / fabs (baseline) > 10 || fabs (target) / fabs (baseline) < 0.1))
    judge (check, KEEL_SMART_ACHIEVABLE, FALSE,
           g_strdup (_("The target is more than a tenfold change from the baseline: check it is realistic")));
  else
    judge (check, KEEL_SMART_ACHIEVABLE, TRUE,
           g_strdup (_("The target is a realistic step from the baseline")));

  /* Relevant */
  strategy = get_value (form, KEEL_OBJECTIVE_FORM_STRATEGY_LINK);
  department = get_value (form, KEEL_OBJECTIVE_FORM_DEPARTMENT);

  if (strategy != NULL)
    {
      g_autofree char *text = dup_trimmed (strategy);

      judge (check, KEEL_SMART_RELEVANT, TRUE,
             g_strdup_printf (_("Supports the business goal “%s”"), text));
    }
  else if (department != NULL)
    {
      g_autofree char *text = dup_trimmed (department);

      judge (check, KEEL_SMART_RELEVANT, TRUE,
             g_strdup_printf (_("Set for the %s department"), text));
    }
  else
    judge (check, KEEL_SMART_RELEVANT, FALSE,
           g_strdup (_("Neither a business goal nor a department says why it matters")));

  /* Time-bound */
  due = keel_form_parse_date (get_value (form, KEEL_OBJECTIVE_FORM_DUE));
  status = get_value (form, KEEL_OBJECTIVE_FORM_STATUS);
  cadence = get_value (form, KEEL_OBJECTIVE_FORM_CADENCE);

  if (due == NULL)
    judge (check, KEEL_SMART_TIME_BOUND, FALSE,
           g_strdup (_("There is no due date")));
  else if (keel_date_compare (due, today) < 0 &&
           g_strcmp0 (status, "achieved") != 0 &&
           g_strcmp0 (status, "missed") != 0 &&
           g_strcmp0 (status, "cancelled") != 0)
    {
      g_autofree char *due_text = keel_date_format (due);

      judge (check, KEEL_SMART_TIME_BOUND, FALSE,
             g_strdup_printf (_("The due date %s has passed: record whether it was achieved or missed, or move the date"),
                              due_text));
    }
  else if (cadence == NULL)
    judge (check, KEEL_SMART_TIME_BOUND, FALSE,
           g_strdup (_("It does not say how often progress is reported")));
  else
    {
      g_autofree char *due_text = keel_date_format (due);
      g_autofree char *cadence_text = dup_trimmed (cadence);

      /* Translators: "Due 2026-12-31, progress reported monthly" */
      judge (check, KEEL_SMART_TIME_BOUND, TRUE,
             g_strdup_printf (_("Due %s, progress reported %s"), due_text, cadence_words (cadence_text)));
    }

  return check;
}

void
keel_smart_check_free (KeelSmartCheck *check)
{
  if (check == NULL)
    return;

  for (guint i = 0; i < KEEL_SMART_N_CRITERIA; i++)
    g_free (check->reasons[i]);
  g_free (check);
}

/* ------------------------------------------------------------------------ */
/* Numbers and readings                                                     */
/* ------------------------------------------------------------------------ */

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

  if ((copy = dup_trimmed (text)) == NULL)
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

/**
 * keel_objective_format_value:
 *
 * Returns: (transfer full): @value with at most two decimals, then @unit
 */
char *
keel_objective_format_value (double      value,
                             const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *unit_text = dup_trimmed (unit);
  gsize len;

  if (isnan (value))
    return g_strdup ("—");

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);

  /* Drop trailing zeros and a bare point: "4.20" → "4.2", "5.00" → "5" */
  len = strlen (buf);
  if (strchr (buf, '.') != NULL)
    {
      while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
      if (len > 0 && buf[len - 1] == '.')
        buf[--len] = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    strcpy (buf, "0");

  if (unit_text == NULL)
    return g_strdup (buf);

  return g_strdup_printf ("%s %s", buf, unit_text);
}

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

/**
 * keel_objective_sorted_readings:
 *
 * Readings without a date or a value are left out.
 *
 * Returns: (transfer container) (element-type KeelRecord): the readings
 *   sorted by date, oldest first
 */
GPtrArray *
keel_objective_sorted_readings (KeelRecord *objective)
{
  GListModel *readings;
  GPtrArray *sorted;
  guint n;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);

  readings = G_LIST_MODEL (keel_record_get_children (objective, "readings"));
  n = g_list_model_get_n_items (readings);
  sorted = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) reading = g_list_model_get_item (readings, i);

      if (keel_record_get_date (reading, "date") != NULL &&
          !isnan (reading_value (reading)))
        g_ptr_array_add (sorted, g_steal_pointer (&reading));
    }

  /* g_ptr_array_sort is not stable: equal dates keep no defined order,
   * so sort the positions in as a tie-break */
  for (guint i = 1; i < sorted->len; i++)
    for (guint j = i; j > 0 && compare_readings (&sorted->pdata[j - 1], &sorted->pdata[j]) > 0; j--)
      {
        gpointer tmp = sorted->pdata[j];

        sorted->pdata[j] = sorted->pdata[j - 1];
        sorted->pdata[j - 1] = tmp;
      }

  return sorted;
}

/**
 * keel_objective_latest_reading:
 *
 * Returns: (transfer none) (nullable): the reading with the latest date; of
 *   two on the same day, the one later in the list
 */
KeelRecord *
keel_objective_latest_reading (KeelRecord *objective)
{
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);

  sorted = keel_objective_sorted_readings (objective);
  if (sorted->len == 0)
    return NULL;

  /* The objective's list holds a reference: transfer none is safe */
  return g_ptr_array_index (sorted, sorted->len - 1);
}

double
keel_objective_progress (KeelRecord *objective)
{
  g_autoptr(GPtrArray) sorted = NULL;
  const char *direction;
  double baseline, target, latest;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NAN);

  sorted = keel_objective_sorted_readings (objective);
  target = keel_record_get_double (objective, "target");
  baseline = keel_record_get_double (objective, "baseline");
  direction = keel_record_get_string (objective, "direction");

  if (sorted->len == 0 || isnan (target))
    return NAN;

  latest = reading_value (g_ptr_array_index (sorted, sorted->len - 1));

  if (isnan (baseline))
    {
      if (sorted->len < 2)
        return NAN;
      baseline = reading_value (g_ptr_array_index (sorted, 0));
    }

  if (baseline == target)
    {
      if (g_strcmp0 (direction, "higher") == 0)
        return latest >= target ? 1.0 : 0.0;
      if (g_strcmp0 (direction, "lower") == 0)
        return latest <= target ? 1.0 : 0.0;
      return NAN;
    }

  return CLAMP ((latest - baseline) / (target - baseline), 0.0, 1.0);
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
      double v = reading_value (g_ptr_array_index (sorted, i));

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
      g_autofree char *latest = keel_objective_format_value (reading_value (last), unit);
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
