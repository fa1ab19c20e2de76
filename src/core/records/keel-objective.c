/* keel-objective.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objective"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-date.h"

#include "keel-reading.h"
#include "keel-objective.h"

/* Objective: a record kind of keel.json ("objectives"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice direction_choices[] = {
  { "higher", N_("Higher is better") },
  { "lower", N_("Lower is better") },
  KEEL_CHOICES_END,
};

static const KeelChoice cadence_choices[] = {
  { "weekly", N_("Weekly") },
  { "monthly", N_("Monthly") },
  { "quarterly", N_("Quarterly") },
  { "yearly", N_("Yearly") },
  KEEL_CHOICES_END,
};

static const KeelChoice status_choices[] = {
  { "not-started", N_("Not started") },
  { "on-track", N_("On track") },
  { "at-risk", N_("At risk") },
  { "achieved", N_("Achieved") },
  { "missed", N_("Missed") },
  { "cancelled", N_("Cancelled") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "description", KEEL_FIELD_STRING, N_("Description"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "strategy_link", KEEL_FIELD_STRING, N_("Business goal it supports"), NULL, NULL, 0 },
  { "department", KEEL_FIELD_STRING, N_("Department"), NULL, NULL, 0 },
  { "measure", KEEL_FIELD_STRING, N_("Measure"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "unit", KEEL_FIELD_STRING, N_("Unit"), NULL, NULL, 0 },
  { "direction", KEEL_FIELD_ENUM, N_("Better when"), NULL, NULL, 0, direction_choices, "higher" },
  { "baseline", KEEL_FIELD_DOUBLE, N_("Baseline"), NULL, NULL, 0 },
  { "target", KEEL_FIELD_DOUBLE, N_("Target"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "cadence", KEEL_FIELD_ENUM, N_("Reported"), NULL, NULL, 0, cadence_choices, "monthly" },
  { "start", KEEL_FIELD_DATE, N_("Start"), NULL, NULL, 0 },
  { "due", KEEL_FIELD_DATE, N_("Due"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "status", KEEL_FIELD_ENUM, N_("Status"), NULL, NULL, 0, status_choices, "not-started" },
  { "readings", KEEL_FIELD_CHILDREN, N_("Readings"), NULL, keel_reading_get_type, 0 },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

static const KeelKind kind = {
  .name = "objective",
  .collection = "objectives",
  .id_prefix = "OBJ",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Objective"),
  .plural_label = N_("Objectives"),
  .sort_key = "due",
  .get_type = keel_objective_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelObjective, keel_objective, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

/* A text field's value, or NULL when unset or blank */
static const char *
text_value (KeelRecord *record,
            const char *key)
{
  const char *value = keel_record_get_string (record, key);

  for (const char *p = value; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return value;

  return NULL;
}

/* The value with blanks around it removed, or NULL when blank */
static char *
dup_trimmed (const char *text)
{
  if (text == NULL)
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

/* The unit with blanks around it removed, or NULL when blank */
static char *
text_value_of (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return dup_trimmed (text);

  return NULL;
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
  g_autofree char *unit_text = text_value_of (unit);
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

/**
 * keel_objective_smart_check:
 *
 * Returns: (transfer full): the verdict on each SMART criterion
 */
KeelSmartCheck *
keel_objective_smart_check (KeelRecord *objective,
                            GDateTime  *today)
{
  g_autoptr(GDateTime) today_owned = NULL;
  GDateTime *due;
  KeelSmartCheck *check;
  const char *measure, *unit, *direction, *status, *cadence;
  const char *strategy, *department;
  double baseline = NAN, target = NAN;
  gboolean have_target;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);

  if (today == NULL)
    today = today_owned = keel_date_today ();

  check = g_new0 (KeelSmartCheck, 1);

  /* Specific */
  if (count_words (text_value (objective, "title")) < 4)
    judge (check, KEEL_SMART_SPECIFIC, FALSE,
           g_strdup (_("The title says too little: name what will change and where, in at least four words")));
  else if (text_value (objective, "description") == NULL)
    judge (check, KEEL_SMART_SPECIFIC, FALSE,
           g_strdup (_("There is no description of what will change and how")));
  else
    judge (check, KEEL_SMART_SPECIFIC, TRUE,
           g_strdup (_("The title and description say what will change")));

  /* Measurable */
  measure = text_value (objective, "measure");
  unit = text_value (objective, "unit");
  target = keel_record_get_double (objective, "target");
  have_target = !isnan (target);

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
  direction = text_value (objective, "direction");
  baseline = keel_record_get_double (objective, "baseline");

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
  strategy = text_value (objective, "strategy_link");
  department = text_value (objective, "department");

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
  due = keel_record_get_date (objective, "due");
  status = text_value (objective, "status");
  cadence = text_value (objective, "cadence");

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
      g_autofree char *cadence_text = g_utf8_strdown (keel_field_choice_label (keel_kind_find_field (&kind, "cadence"), cadence), -1);

      /* Translators: "Due 2026-12-31, progress reported monthly" */
      judge (check, KEEL_SMART_TIME_BOUND, TRUE,
             g_strdup_printf (_("Due %s, progress reported %s"), due_text, cadence_text));
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


/**
 * keel_objective_suggest_status:
 *
 * Returns: (nullable): the status an objective "not started" should move
 *   to now that progress is recorded: "achieved" when the latest reading
 *   meets the target, else "on-track"; NULL when it has no readings or its
 *   status is not "not-started"
 */
const char *
keel_objective_suggest_status (KeelRecord *objective)
{
  double progress;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);

  if (g_strcmp0 (keel_record_get_string (objective, "status"), "not-started") != 0 ||
      keel_objective_latest_reading (objective) == NULL)
    return NULL;

  progress = keel_objective_progress (objective);

  return !isnan (progress) && progress >= 1.0 ? "achieved" : "on-track";
}

/**
 * keel_objective_dates_error:
 *
 * Returns: (nullable): why the start and due dates do not go together, or
 *   NULL
 */
const char *
keel_objective_dates_error (KeelRecord *objective)
{
  GDateTime *start, *due;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);

  start = keel_record_get_date (objective, "start");
  due = keel_record_get_date (objective, "due");

  if (start != NULL && due != NULL && keel_date_compare (due, start) <= 0)
    return _("The due date must come after the start date");

  return NULL;
}
