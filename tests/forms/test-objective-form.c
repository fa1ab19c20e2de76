/* test-objective-form.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "keel-date.h"
#include "keel-form-util.h"
#include "keel-objective-form.h"
#include "keel-records.h"

/* A form that passes validation and every SMART criterion on 2026-03-01 */
static KeelObjectiveForm *
good_form (void)
{
  KeelObjectiveForm *form = keel_objective_form_new ();

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TITLE, "Cut phishing clicks in Sales");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DESCRIPTION, "Monthly simulations and short training.");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_OWNER, "PER-1");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_STRATEGY_LINK, "Win enterprise customers");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_MEASURE, "Click rate in phishing simulations");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_UNIT, "%");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DIRECTION, "lower");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_BASELINE, "12");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TARGET, "5");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_CADENCE, "monthly");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_START, "2026-01-01");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DUE, "2026-12-31");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_STATUS, "on-track");

  return form;
}

static GDateTime *
march_first (void)
{
  return keel_date_new (2026, 3, 1);
}

static KeelRecord *
objective_with_readings (double        baseline,
                         double        target,
                         const char   *direction,
                         const char   *dates[],
                         const double  values[],
                         guint         n)
{
  KeelRecord *objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  GListStore *readings = keel_record_get_children (objective, "readings");

  keel_record_set_double (objective, "baseline", baseline);
  keel_record_set_double (objective, "target", target);
  keel_record_set_string (objective, "direction", direction);
  keel_record_set_string (objective, "unit", "%");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) reading = g_object_new (KEEL_TYPE_READING, NULL);
      g_autoptr(GDateTime) date = keel_date_parse (dates[i]);

      g_assert_nonnull (date);
      keel_record_set_date (reading, "date", date);
      keel_record_set_double (reading, "value", values[i]);
      g_list_store_append (readings, reading);
    }

  return objective;
}

/* ------------------------------------------------------------------------ */

static void
test_validate_good (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(KeelObjectiveFormValidation) v = keel_objective_form_validate (form);

  g_assert_true (v->can_save);
  g_assert_cmpuint (v->n_errors, ==, 0);
  for (guint i = 0; i < KEEL_OBJECTIVE_FORM_N_FIELDS; i++)
    g_assert_null (v->errors[i]);
}

static void
test_validate_empty (void)
{
  g_autoptr(KeelObjectiveForm) form = keel_objective_form_new ();
  g_autoptr(KeelObjectiveFormValidation) v = keel_objective_form_validate (form);

  g_assert_false (v->can_save);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_TITLE]);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_OWNER]);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_MEASURE]);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_TARGET]);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_DUE]);
  /* Optional fields are fine empty */
  g_assert_null (v->errors[KEEL_OBJECTIVE_FORM_BASELINE]);
  g_assert_null (v->errors[KEEL_OBJECTIVE_FORM_START]);
  g_assert_null (v->errors[KEEL_OBJECTIVE_FORM_UNIT]);
  g_assert_null (v->errors[KEEL_OBJECTIVE_FORM_DESCRIPTION]);
  g_assert_cmpuint (v->n_errors, ==, 5);
}

static void
test_validate_required_one_by_one (void)
{
  static const KeelObjectiveFormField required[] = {
    KEEL_OBJECTIVE_FORM_TITLE,
    KEEL_OBJECTIVE_FORM_OWNER,
    KEEL_OBJECTIVE_FORM_MEASURE,
    KEEL_OBJECTIVE_FORM_TARGET,
    KEEL_OBJECTIVE_FORM_DUE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(KeelObjectiveForm) form = good_form ();
      g_autoptr(KeelObjectiveFormValidation) v = NULL;

      /* Blank counts as empty */
      keel_objective_form_set (form, required[i], "   ");
      v = keel_objective_form_validate (form);
      g_assert_false (v->can_save);
      g_assert_cmpuint (v->n_errors, ==, 1);
      g_assert_nonnull (v->errors[required[i]]);
    }
}

static void
test_validate_target_number (void)
{
  static const struct { const char *text; gboolean ok; } cases[] = {
    { "5", TRUE },
    { " 4.5 ", TRUE },
    { "4,5", TRUE },
    { "-3", TRUE },
    { "1e3", TRUE },
    { "abc", FALSE },
    { "5%", FALSE },
    { "1,000.5", FALSE },
    { "1,2,3", FALSE },
    { "nan", FALSE },
    { "inf", FALSE },
    { "0x10", FALSE },
    { "4.5.6", FALSE },
    { ".", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KeelObjectiveForm) form = good_form ();
      g_autoptr(KeelObjectiveFormValidation) v = NULL;

      keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TARGET, cases[i].text);
      v = keel_objective_form_validate (form);
      if (v->can_save != cases[i].ok)
        g_error ("target “%s”: expected %s", cases[i].text, cases[i].ok ? "valid" : "invalid");
      g_assert_true ((v->errors[KEEL_OBJECTIVE_FORM_TARGET] == NULL) == cases[i].ok);
    }
}

static void
test_validate_baseline_number (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(KeelObjectiveFormValidation) v = NULL;
  g_autoptr(KeelObjectiveFormValidation) v2 = NULL;

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_BASELINE, "twelve");
  v = keel_objective_form_validate (form);
  g_assert_false (v->can_save);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_BASELINE]);

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_BASELINE, NULL);
  v2 = keel_objective_form_validate (form);
  g_assert_true (v2->can_save);
}

static void
test_validate_dates (void)
{
  static const struct { const char *start; const char *due; gboolean ok; KeelObjectiveFormField bad; } cases[] = {
    { "2026-01-01", "2026-12-31", TRUE, 0 },
    { NULL, "2026-12-31", TRUE, 0 },
    { "2026-01-01", "2026-02-30", FALSE, KEEL_OBJECTIVE_FORM_DUE },
    { "2026-01-01", "31/12/2026", FALSE, KEEL_OBJECTIVE_FORM_DUE },
    { "2026-01-01", "2026-1-5", FALSE, KEEL_OBJECTIVE_FORM_DUE },
    { "2026-13-01", "2026-12-31", FALSE, KEEL_OBJECTIVE_FORM_START },
    { "2026-06-01", "2026-06-01", FALSE, KEEL_OBJECTIVE_FORM_DUE },
    { "2026-06-02", "2026-06-01", FALSE, KEEL_OBJECTIVE_FORM_DUE },
    { "2024-02-29", "2024-03-01", TRUE, 0 },
    { "2025-02-29", "2025-03-01", FALSE, KEEL_OBJECTIVE_FORM_START },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KeelObjectiveForm) form = good_form ();
      g_autoptr(KeelObjectiveFormValidation) v = NULL;

      keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_START, cases[i].start);
      keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DUE, cases[i].due);
      v = keel_objective_form_validate (form);
      if (v->can_save != cases[i].ok)
        g_error ("start %s due %s: expected %s", cases[i].start, cases[i].due,
                 cases[i].ok ? "valid" : "invalid");
      if (!cases[i].ok)
        {
          g_assert_nonnull (v->errors[cases[i].bad]);
          g_assert_cmpuint (v->n_errors, ==, 1);
        }
    }
}

static void
test_validate_choices (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(KeelObjectiveFormValidation) v = NULL;

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_CADENCE, "fortnightly");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DIRECTION, "sideways");
  v = keel_objective_form_validate (form);
  g_assert_false (v->can_save);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_CADENCE]);
  g_assert_nonnull (v->errors[KEEL_OBJECTIVE_FORM_DIRECTION]);
  g_assert_null (v->errors[KEEL_OBJECTIVE_FORM_STATUS]);
}

static void
test_set_reports_change (void)
{
  g_autoptr(KeelObjectiveForm) form = keel_objective_form_new ();

  g_assert_true (keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TITLE, "A"));
  g_assert_false (keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TITLE, "A"));
  g_assert_true (keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TITLE, ""));
  g_assert_null (keel_objective_form_get (form, KEEL_OBJECTIVE_FORM_TITLE));
  g_assert_false (keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TITLE, NULL));
  g_assert_cmpstr (keel_objective_form_field_key (KEEL_OBJECTIVE_FORM_STRATEGY_LINK), ==, "strategy_link");
}

static void
test_round_trip (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(KeelObjectiveForm) back = NULL;
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(GDateTime) due = keel_date_new (2026, 12, 31);

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TARGET, " 4,5 ");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TITLE, "  Cut phishing clicks in Sales ");
  g_assert_true (keel_objective_form_apply (form, objective));

  g_assert_cmpfloat (keel_record_get_double (objective, "target"), ==, 4.5);
  g_assert_cmpfloat (keel_record_get_double (objective, "baseline"), ==, 12);
  g_assert_cmpstr (keel_record_get_string (objective, "title"), ==, "Cut phishing clicks in Sales");
  g_assert_cmpstr (keel_record_get_string (objective, "owner"), ==, "PER-1");
  g_assert_cmpstr (keel_record_get_string (objective, "direction"), ==, "lower");
  g_assert_cmpint (keel_date_compare (keel_record_get_date (objective, "due"), due), ==, 0);

  back = keel_objective_form_new_from_record (objective);
  g_assert_cmpstr (keel_objective_form_get (back, KEEL_OBJECTIVE_FORM_TARGET), ==, "4.5");
  g_assert_cmpstr (keel_objective_form_get (back, KEEL_OBJECTIVE_FORM_DUE), ==, "2026-12-31");
  g_assert_cmpstr (keel_objective_form_get (back, KEEL_OBJECTIVE_FORM_START), ==, "2026-01-01");
  g_assert_cmpstr (keel_objective_form_get (back, KEEL_OBJECTIVE_FORM_CADENCE), ==, "monthly");

  /* Clearing an optional field clears it in the record */
  keel_objective_form_set (back, KEEL_OBJECTIVE_FORM_BASELINE, "");
  g_assert_true (keel_objective_form_apply (back, objective));
  g_assert_true (isnan (keel_record_get_double (objective, "baseline")));
}

static void
test_apply_refuses_invalid (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);

  keel_record_set_string (objective, "title", "Unchanged");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TARGET, "abc");
  g_assert_false (keel_objective_form_apply (form, objective));
  g_assert_cmpstr (keel_record_get_string (objective, "title"), ==, "Unchanged");
  g_assert_false (keel_record_is_set (objective, "target"));
}

/* ------------------------------------------------------------------------ */

static void
test_smart_good (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(GDateTime) today = march_first ();
  g_autoptr(KeelSmartCheck) check = keel_objective_form_smart_check (form, today);

  g_assert_cmpuint (check->n_weak, ==, 0);
  for (guint i = 0; i < KEEL_SMART_N_CRITERIA; i++)
    {
      g_assert_true (check->ok[i]);
      g_assert_nonnull (check->reasons[i]);
      g_assert_nonnull (keel_smart_criterion_name (i));
    }
  g_assert_nonnull (strstr (check->reasons[KEEL_SMART_RELEVANT], "Win enterprise customers"));
  g_assert_nonnull (strstr (check->reasons[KEEL_SMART_TIME_BOUND], "2026-12-31"));
}

typedef struct
{
  const char             *name;
  KeelObjectiveFormField  field;
  const char             *value;
  KeelSmartCriterion      weak;
  /* A second criterion the same gap weakens, or KEEL_SMART_N_CRITERIA */
  KeelSmartCriterion      also;
} SmartCase;

static void
test_smart_weak_cases (void)
{
  static const SmartCase cases[] = {
    { "short title", KEEL_OBJECTIVE_FORM_TITLE, "Fewer clicks", KEEL_SMART_SPECIFIC, KEEL_SMART_N_CRITERIA },
    { "three words", KEEL_OBJECTIVE_FORM_TITLE, "Fewer phishing clicks", KEEL_SMART_SPECIFIC, KEEL_SMART_N_CRITERIA },
    { "dashes are not words", KEEL_OBJECTIVE_FORM_TITLE, "Fewer – phishing – clicks", KEEL_SMART_SPECIFIC, KEEL_SMART_N_CRITERIA },
    { "no description", KEEL_OBJECTIVE_FORM_DESCRIPTION, NULL, KEEL_SMART_SPECIFIC, KEEL_SMART_N_CRITERIA },
    { "no measure", KEEL_OBJECTIVE_FORM_MEASURE, NULL, KEEL_SMART_MEASURABLE, KEEL_SMART_N_CRITERIA },
    { "no unit", KEEL_OBJECTIVE_FORM_UNIT, " ", KEEL_SMART_MEASURABLE, KEEL_SMART_N_CRITERIA },
    { "target not a number", KEEL_OBJECTIVE_FORM_TARGET, "abc", KEEL_SMART_MEASURABLE, KEEL_SMART_ACHIEVABLE },
    { "no direction", KEEL_OBJECTIVE_FORM_DIRECTION, NULL, KEEL_SMART_ACHIEVABLE, KEEL_SMART_N_CRITERIA },
    { "no baseline", KEEL_OBJECTIVE_FORM_BASELINE, NULL, KEEL_SMART_ACHIEVABLE, KEEL_SMART_N_CRITERIA },
    { "already met (lower)", KEEL_OBJECTIVE_FORM_BASELINE, "4", KEEL_SMART_ACHIEVABLE, KEEL_SMART_N_CRITERIA },
    { "equal to target", KEEL_OBJECTIVE_FORM_BASELINE, "5", KEEL_SMART_ACHIEVABLE, KEEL_SMART_N_CRITERIA },
    { "more than tenfold", KEEL_OBJECTIVE_FORM_BASELINE, "51", KEEL_SMART_ACHIEVABLE, KEEL_SMART_N_CRITERIA },
    { "no strategy link nor department", KEEL_OBJECTIVE_FORM_STRATEGY_LINK, NULL, KEEL_SMART_RELEVANT, KEEL_SMART_N_CRITERIA },
    { "no due", KEEL_OBJECTIVE_FORM_DUE, NULL, KEEL_SMART_TIME_BOUND, KEEL_SMART_N_CRITERIA },
    { "invalid due", KEEL_OBJECTIVE_FORM_DUE, "2026-02-31", KEEL_SMART_TIME_BOUND, KEEL_SMART_N_CRITERIA },
    { "due passed", KEEL_OBJECTIVE_FORM_DUE, "2026-02-28", KEEL_SMART_TIME_BOUND, KEEL_SMART_N_CRITERIA },
    { "no cadence", KEEL_OBJECTIVE_FORM_CADENCE, NULL, KEEL_SMART_TIME_BOUND, KEEL_SMART_N_CRITERIA },
  };
  g_autoptr(GDateTime) today = march_first ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KeelObjectiveForm) form = good_form ();
      g_autoptr(KeelSmartCheck) check = NULL;

      keel_objective_form_set (form, cases[i].field, cases[i].value);
      check = keel_objective_form_smart_check (form, today);

      if (check->ok[cases[i].weak] ||
          check->n_weak != (cases[i].also == KEEL_SMART_N_CRITERIA ? 1u : 2u) ||
          (cases[i].also != KEEL_SMART_N_CRITERIA && check->ok[cases[i].also]))
        g_error ("case “%s”: expected only %s weak, got %u weak (%s: %s)",
                 cases[i].name, keel_smart_criterion_name (cases[i].weak), check->n_weak,
                 keel_smart_criterion_name (cases[i].weak), check->reasons[cases[i].weak]);
      g_assert_nonnull (check->reasons[cases[i].weak]);
    }
}

static void
test_smart_higher_is_better (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(GDateTime) today = march_first ();
  g_autoptr(KeelSmartCheck) met = NULL;
  g_autoptr(KeelSmartCheck) fine = NULL;
  g_autoptr(KeelSmartCheck) tiny = NULL;

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DIRECTION, "higher");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_BASELINE, "80");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TARGET, "75");
  met = keel_objective_form_smart_check (form, today);
  g_assert_false (met->ok[KEEL_SMART_ACHIEVABLE]);

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TARGET, "95");
  fine = keel_objective_form_smart_check (form, today);
  g_assert_true (fine->ok[KEEL_SMART_ACHIEVABLE]);

  /* A baseline of 2 to a target of 25 is more than tenfold */
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_BASELINE, "2");
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TARGET, "25");
  tiny = keel_objective_form_smart_check (form, today);
  g_assert_false (tiny->ok[KEEL_SMART_ACHIEVABLE]);
}

static void
test_smart_department_is_relevant (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(GDateTime) today = march_first ();
  g_autoptr(KeelSmartCheck) check = NULL;

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_STRATEGY_LINK, NULL);
  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DEPARTMENT, "Sales");
  check = keel_objective_form_smart_check (form, today);
  g_assert_true (check->ok[KEEL_SMART_RELEVANT]);
  g_assert_nonnull (strstr (check->reasons[KEEL_SMART_RELEVANT], "Sales"));
}

static void
test_smart_past_due_closed (void)
{
  static const char *closed[] = { "achieved", "missed", "cancelled" };
  static const char *open[] = { "on-track", "at-risk", "not-started", NULL };
  g_autoptr(GDateTime) today = march_first ();

  for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
    {
      g_autoptr(KeelObjectiveForm) form = good_form ();
      g_autoptr(KeelSmartCheck) check = NULL;

      keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DUE, "2026-02-01");
      keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_STATUS, closed[i]);
      check = keel_objective_form_smart_check (form, today);
      g_assert_true (check->ok[KEEL_SMART_TIME_BOUND]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    {
      g_autoptr(KeelObjectiveForm) form = good_form ();
      g_autoptr(KeelSmartCheck) check = NULL;

      keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DUE, "2026-02-01");
      keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_STATUS, open[i]);
      check = keel_objective_form_smart_check (form, today);
      g_assert_false (check->ok[KEEL_SMART_TIME_BOUND]);
    }
}

static void
test_smart_due_today_is_not_past (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(GDateTime) today = march_first ();
  g_autoptr(KeelSmartCheck) check = NULL;

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_DUE, "2026-03-01");
  check = keel_objective_form_smart_check (form, today);
  g_assert_true (check->ok[KEEL_SMART_TIME_BOUND]);
}

static void
test_smart_uses_today (void)
{
  g_autoptr(KeelObjectiveForm) form = good_form ();
  g_autoptr(GDateTime) later = keel_date_new (2027, 1, 15);
  g_autoptr(KeelSmartCheck) check = NULL;

  /* NULL today means keel_date_today (), which tests can pin */
  keel_date_set_today (later);
  check = keel_objective_form_smart_check (form, NULL);
  keel_date_set_today (NULL);
  g_assert_false (check->ok[KEEL_SMART_TIME_BOUND]);
}

static void
test_smart_all_weak (void)
{
  g_autoptr(KeelObjectiveForm) form = keel_objective_form_new ();
  g_autoptr(GDateTime) today = march_first ();
  g_autoptr(KeelSmartCheck) check = NULL;

  keel_objective_form_set (form, KEEL_OBJECTIVE_FORM_TITLE, "Security");
  check = keel_objective_form_smart_check (form, today);
  g_assert_cmpuint (check->n_weak, ==, KEEL_SMART_N_CRITERIA);
}

/* ------------------------------------------------------------------------ */

static void
test_parse_number (void)
{
  double d;

  g_assert_true (keel_form_parse_number ("42", &d));
  g_assert_cmpfloat (d, ==, 42);
  g_assert_true (keel_form_parse_number ("\t-0.25 ", &d));
  g_assert_cmpfloat (d, ==, -0.25);
  g_assert_true (keel_form_parse_number ("3,75", &d));
  g_assert_cmpfloat (d, ==, 3.75);
  g_assert_true (keel_form_parse_number ("+7", &d));
  g_assert_cmpfloat (d, ==, 7);
  g_assert_false (keel_form_parse_number ("", &d));
  g_assert_true (isnan (d));
  g_assert_false (keel_form_parse_number (NULL, &d));
  g_assert_false (keel_form_parse_number ("1e999", &d));
  g_assert_false (keel_form_parse_number ("12 %", &d));
  g_assert_false (keel_form_parse_number ("- 3", &d));
}

static void
test_format_value (void)
{
  static const struct { double v; const char *unit; const char *text; } cases[] = {
    { 4.2, "%", "4.2 %" },
    { 5, "%", "5 %" },
    { 12, "incidents", "12 incidents" },
    { 0.5, NULL, "0.5" },
    { 1.005, "", "1" },
    { 1.456, " days ", "1.46 days" },
    { -0.001, NULL, "0" },
    { 1500, NULL, "1500" },
    { 10.10, NULL, "10.1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = keel_objective_format_value (cases[i].v, cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *unknown = keel_objective_format_value (NAN, "%");

    g_assert_cmpstr (unknown, ==, "—");
  }
}

static void
test_reading_validate (void)
{
  g_autofree char *date_error = NULL;
  g_autofree char *value_error = NULL;

  g_assert_true (keel_reading_form_validate ("2026-01-31", "4.2", &date_error, &value_error));
  g_assert_null (date_error);
  g_assert_null (value_error);

  g_assert_false (keel_reading_form_validate ("2026-01-32", "4.2", &date_error, &value_error));
  g_assert_nonnull (date_error);
  g_assert_null (value_error);
  g_clear_pointer (&date_error, g_free);

  g_assert_false (keel_reading_form_validate ("2026-01-31", "four", &date_error, &value_error));
  g_assert_null (date_error);
  g_assert_nonnull (value_error);
  g_clear_pointer (&value_error, g_free);

  g_assert_false (keel_reading_form_validate ("", "", &date_error, &value_error));
  g_assert_nonnull (date_error);
  g_assert_nonnull (value_error);

  /* The messages are optional */
  g_assert_false (keel_reading_form_validate (NULL, "1", NULL, NULL));
}

/* ------------------------------------------------------------------------ */

static void
test_progress_lower (void)
{
  const char *dates[] = { "2026-01-31", "2026-03-31", "2026-02-28" };
  const double values[] = { 11, 8, 9 };
  g_autoptr(KeelRecord) objective = objective_with_readings (12, 5, "lower", dates, values, 3);

  /* Latest by date is 2026-03-31 = 8, list order notwithstanding:
   * (8 − 12) / (5 − 12) = 4/7 */
  g_assert_cmpfloat_with_epsilon (keel_objective_progress (objective), 4.0 / 7.0, 1e-9);
  g_assert_cmpfloat (keel_record_get_double (keel_objective_latest_reading (objective), "value"), ==, 8);
}

static void
test_progress_higher (void)
{
  const char *dates[] = { "2026-01-31", "2026-02-28" };
  const double values[] = { 85, 92 };
  g_autoptr(KeelRecord) objective = objective_with_readings (80, 95, "higher", dates, values, 2);

  g_assert_cmpfloat_with_epsilon (keel_objective_progress (objective), 12.0 / 15.0, 1e-9);
}

static void
test_progress_clamped (void)
{
  const char *dates[] = { "2026-01-31" };
  const double beyond[] = { 3 };
  const double worse[] = { 15 };
  g_autoptr(KeelRecord) done = objective_with_readings (12, 5, "lower", dates, beyond, 1);
  g_autoptr(KeelRecord) back = objective_with_readings (12, 5, "lower", dates, worse, 1);

  g_assert_cmpfloat (keel_objective_progress (done), ==, 1.0);
  g_assert_cmpfloat (keel_objective_progress (back), ==, 0.0);
}

static void
test_progress_unknown (void)
{
  const char *dates[] = { "2026-01-31", "2026-02-28" };
  const double values[] = { 10, 8 };
  g_autoptr(KeelRecord) none = objective_with_readings (12, 5, "lower", dates, values, 0);
  g_autoptr(KeelRecord) no_target = objective_with_readings (12, NAN, "lower", dates, values, 2);
  g_autoptr(KeelRecord) one_no_base = objective_with_readings (NAN, 5, "lower", dates, values, 1);
  g_autoptr(KeelRecord) two_no_base = objective_with_readings (NAN, 5, "lower", dates, values, 2);

  g_assert_true (isnan (keel_objective_progress (none)));
  g_assert_true (isnan (keel_objective_progress (no_target)));
  g_assert_true (isnan (keel_objective_progress (one_no_base)));
  /* The first reading stands in for the baseline: (8 − 10) / (5 − 10) */
  g_assert_cmpfloat_with_epsilon (keel_objective_progress (two_no_base), 0.4, 1e-9);
  g_assert_null (keel_objective_latest_reading (none));
}

static void
test_progress_tie (void)
{
  const char *dates[] = { "2026-01-31" };
  const double values[] = { 5 };
  g_autoptr(KeelRecord) higher = objective_with_readings (5, 5, "higher", dates, values, 1);
  g_autoptr(KeelRecord) lower = objective_with_readings (5, 6, "lower", dates, values, 1);
  g_autoptr(KeelRecord) nodir = objective_with_readings (5, 5, NULL, dates, values, 1);

  g_assert_cmpfloat (keel_objective_progress (higher), ==, 1.0);
  g_assert_true (isnan (keel_objective_progress (nodir)));
  /* Not a tie: (5 − 5) / (6 − 5) = 0 */
  g_assert_cmpfloat (keel_objective_progress (lower), ==, 0.0);

  keel_record_set_double (lower, "target", 5);
  keel_record_set_double (keel_objective_latest_reading (lower), "value", 6);
  g_assert_cmpfloat (keel_objective_progress (lower), ==, 0.0);
  keel_record_set_double (keel_objective_latest_reading (lower), "value", 4);
  g_assert_cmpfloat (keel_objective_progress (lower), ==, 1.0);
}

static void
test_suggest_status (void)
{
  const char *dates[] = { "2026-01-31", "2026-02-28" };
  const double values[] = { 9, 4 };
  g_autoptr(KeelRecord) none = objective_with_readings (12, 5, "lower", dates, values, 0);
  g_autoptr(KeelRecord) some = objective_with_readings (12, 5, "lower", dates, values, 1);
  g_autoptr(KeelRecord) met = objective_with_readings (12, 5, "lower", dates, values, 2);

  keel_record_set_string (none, "status", "not-started");
  keel_record_set_string (some, "status", "not-started");
  keel_record_set_string (met, "status", "not-started");

  /* No reading yet: "not started" still says it */
  g_assert_null (keel_objective_suggest_status (none));
  g_assert_cmpstr (keel_objective_suggest_status (some), ==, "on-track");
  /* The latest reading meets the target */
  g_assert_cmpstr (keel_objective_suggest_status (met), ==, "achieved");

  /* A status someone chose stays */
  keel_record_set_string (some, "status", "at-risk");
  g_assert_null (keel_objective_suggest_status (some));
}

static void
test_sorted_readings_skip_incomplete (void)
{
  const char *dates[] = { "2026-03-31", "2026-01-31" };
  const double values[] = { 1, 2 };
  g_autoptr(KeelRecord) objective = objective_with_readings (0, 5, "higher", dates, values, 2);
  g_autoptr(KeelRecord) blank = g_object_new (KEEL_TYPE_READING, NULL);
  g_autoptr(GPtrArray) sorted = NULL;

  g_list_store_append (keel_record_get_children (objective, "readings"), blank);
  sorted = keel_objective_sorted_readings (objective);
  g_assert_cmpuint (sorted->len, ==, 2);
  g_assert_cmpfloat (keel_record_get_double (g_ptr_array_index (sorted, 0), "value"), ==, 2);
  g_assert_cmpfloat (keel_record_get_double (g_ptr_array_index (sorted, 1), "value"), ==, 1);
}

/* ------------------------------------------------------------------------ */

static void
assert_scale (double lo, double hi, guint max, double min, double max_v, double step)
{
  KeelTrendScale scale;

  keel_trend_nice_scale (lo, hi, max, &scale);
  if (fabs (scale.min - min) > 1e-9 || fabs (scale.max - max_v) > 1e-9 || fabs (scale.step - step) > 1e-9)
    g_error ("scale [%g, %g] max %u: got %g..%g step %g, expected %g..%g step %g",
             lo, hi, max, scale.min, scale.max, scale.step, min, max_v, step);
  g_assert_cmpuint (scale.n_ticks, <=, max);
  g_assert_cmpuint (scale.n_ticks, ==, (guint) lround ((scale.max - scale.min) / scale.step) + 1);
  g_assert_cmpfloat (scale.min, <=, MIN (lo, hi));
  g_assert_cmpfloat (scale.max, >=, MAX (lo, hi));
}

static void
test_nice_scale (void)
{
  assert_scale (0, 10, 6, 0, 10, 2);
  assert_scale (3.2, 12, 6, 2, 12, 2);
  assert_scale (0, 100, 5, 0, 100, 25);
  assert_scale (0, 1, 6, 0, 1, 0.2);
  assert_scale (4.2, 5, 5, 4.2, 5, 0.2);
  assert_scale (80, 95, 6, 80, 95, 5);
  assert_scale (-3, 7, 6, -5, 7.5, 2.5);
  assert_scale (12, 3, 6, 2, 12, 2);
  assert_scale (1234, 98765, 6, 0, 100000, 20000);
  /* An empty range is widened; a positive one never below zero */
  assert_scale (5, 5, 5, 4.5, 5.5, 0.25);
  assert_scale (0, 0, 5, 0, 1, 0.25);
  assert_scale (-2, -2, 5, -2.2, -1.8, 0.1);
}

static void
test_map (void)
{
  g_assert_cmpfloat (keel_trend_map (5, 0, 10, 100, 200), ==, 150);
  /* y axes run downwards on screen */
  g_assert_cmpfloat (keel_trend_map (10, 0, 10, 300, 20), ==, 20);
  g_assert_cmpfloat (keel_trend_map (0, 0, 10, 300, 20), ==, 300);
  g_assert_cmpfloat (keel_trend_map (3, 3, 3, 0, 50), ==, 25);
}

static void
assert_ticks (const char *from,
              const char *to,
              guint       max,
              guint       expect_step,
              const char *expect)
{
  g_autoptr(GDateTime) first = keel_date_parse (from);
  g_autoptr(GDateTime) last = keel_date_parse (to);
  g_autoptr(GPtrArray) ticks = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  guint step = 0;

  ticks = keel_trend_month_ticks (first, last, max, &step);
  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *text = keel_date_format (g_ptr_array_index (ticks, i));

      g_string_append_printf (got, "%s%s", i ? " " : "", text);
    }

  if (g_strcmp0 (got->str, expect) != 0 || step != expect_step)
    g_error ("%s..%s max %u: got step %u “%s”, expected step %u “%s”",
             from, to, max, step, got->str, expect_step, expect);
  g_assert_cmpuint (ticks->len, <=, max);
}

static void
test_month_ticks (void)
{
  assert_ticks ("2026-01-31", "2026-06-30", 8, 1,
                "2026-02-01 2026-03-01 2026-04-01 2026-05-01 2026-06-01");
  assert_ticks ("2026-01-01", "2026-03-15", 8, 1,
                "2026-01-01 2026-02-01 2026-03-01");
  assert_ticks ("2026-01-31", "2026-12-31", 6, 2,
                "2026-03-01 2026-05-01 2026-07-01 2026-09-01 2026-11-01");
  assert_ticks ("2025-01-15", "2026-12-31", 8, 3,
                "2025-04-01 2025-07-01 2025-10-01 2026-01-01 2026-04-01 2026-07-01 2026-10-01");
  assert_ticks ("2020-06-01", "2026-06-01", 7, 12,
                "2021-01-01 2022-01-01 2023-01-01 2024-01-01 2025-01-01 2026-01-01");
  assert_ticks ("2000-01-01", "2026-01-01", 5, 72,
                "2004-01-01 2010-01-01 2016-01-01 2022-01-01");
  /* Within one month: no first day inside, the first date stands */
  assert_ticks ("2026-03-05", "2026-03-20", 5, 1, "2026-03-05");
  /* Dates given backwards */
  assert_ticks ("2026-03-15", "2026-01-01", 8, 1,
                "2026-01-01 2026-02-01 2026-03-01");
}

static void
test_value_range (void)
{
  const char *dates[] = { "2026-01-31", "2026-02-28" };
  const double values[] = { 9, 4.2 };
  g_autoptr(KeelRecord) objective = objective_with_readings (12, 5, "lower", dates, values, 2);
  g_autoptr(KeelRecord) empty = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  double lo = 0, hi = 0;

  g_assert_true (keel_trend_value_range (objective, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 4.2);
  g_assert_cmpfloat (hi, ==, 12);

  keel_record_set_double (objective, "baseline", NAN);
  g_assert_true (keel_trend_value_range (objective, &lo, &hi));
  g_assert_cmpfloat (hi, ==, 9);

  g_assert_false (keel_trend_value_range (empty, &lo, &hi));
}

static void
test_describe (void)
{
  const char *dates[] = { "2026-03-31", "2026-01-31", "2026-06-30", "2026-02-28", "2026-04-30", "2026-05-31" };
  const double values[] = { 7, 9, 4.2, 8, 6, 5.5 };
  g_autoptr(KeelRecord) six = objective_with_readings (12, 5, "lower", dates, values, 6);
  g_autoptr(KeelRecord) one = objective_with_readings (12, 5, "lower", dates, values, 1);
  g_autoptr(KeelRecord) none = objective_with_readings (12, 5, "lower", dates, values, 0);
  g_autofree char *six_text = keel_trend_describe (six);
  g_autofree char *one_text = keel_trend_describe (one);
  g_autofree char *none_text = NULL;

  g_assert_cmpstr (six_text, ==, "6 readings from 2026-01-31 to 2026-06-30; latest 4.2 %, target 5 %");
  g_assert_cmpstr (one_text, ==, "1 reading on 2026-03-31; latest 7 %, target 5 %");

  keel_record_set_double (none, "target", NAN);
  none_text = keel_trend_describe (none);
  g_assert_cmpstr (none_text, ==, "No readings yet");
  {
    g_autoptr(KeelRecord) pending = objective_with_readings (12, 5, "lower", dates, values, 0);
    g_autofree char *pending_text = keel_trend_describe (pending);

    g_assert_cmpstr (pending_text, ==, "No readings yet; target 5 %");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keel/forms/objective/validate/good", test_validate_good);
  g_test_add_func ("/keel/forms/objective/validate/empty", test_validate_empty);
  g_test_add_func ("/keel/forms/objective/validate/required", test_validate_required_one_by_one);
  g_test_add_func ("/keel/forms/objective/validate/target-number", test_validate_target_number);
  g_test_add_func ("/keel/forms/objective/validate/baseline-number", test_validate_baseline_number);
  g_test_add_func ("/keel/forms/objective/validate/dates", test_validate_dates);
  g_test_add_func ("/keel/forms/objective/validate/choices", test_validate_choices);
  g_test_add_func ("/keel/forms/objective/set", test_set_reports_change);
  g_test_add_func ("/keel/forms/objective/round-trip", test_round_trip);
  g_test_add_func ("/keel/forms/objective/apply-invalid", test_apply_refuses_invalid);
  g_test_add_func ("/keel/forms/objective/suggest-status", test_suggest_status);
  g_test_add_func ("/keel/forms/objective/smart/good", test_smart_good);
  g_test_add_func ("/keel/forms/objective/smart/weak", test_smart_weak_cases);
  g_test_add_func ("/keel/forms/objective/smart/higher", test_smart_higher_is_better);
  g_test_add_func ("/keel/forms/objective/smart/department", test_smart_department_is_relevant);
  g_test_add_func ("/keel/forms/objective/smart/past-due-closed", test_smart_past_due_closed);
  g_test_add_func ("/keel/forms/objective/smart/due-today", test_smart_due_today_is_not_past);
  g_test_add_func ("/keel/forms/objective/smart/today", test_smart_uses_today);
  g_test_add_func ("/keel/forms/objective/smart/all-weak", test_smart_all_weak);
  g_test_add_func ("/keel/forms/objective/parse-number", test_parse_number);
  g_test_add_func ("/keel/forms/objective/format-value", test_format_value);
  g_test_add_func ("/keel/forms/objective/reading-validate", test_reading_validate);
  g_test_add_func ("/keel/forms/objective/progress/lower", test_progress_lower);
  g_test_add_func ("/keel/forms/objective/progress/higher", test_progress_higher);
  g_test_add_func ("/keel/forms/objective/progress/clamped", test_progress_clamped);
  g_test_add_func ("/keel/forms/objective/progress/unknown", test_progress_unknown);
  g_test_add_func ("/keel/forms/objective/progress/tie", test_progress_tie);
  g_test_add_func ("/keel/forms/objective/readings/sorted", test_sorted_readings_skip_incomplete);
  g_test_add_func ("/keel/forms/trend/nice-scale", test_nice_scale);
  g_test_add_func ("/keel/forms/trend/map", test_map);
  g_test_add_func ("/keel/forms/trend/month-ticks", test_month_ticks);
  g_test_add_func ("/keel/forms/trend/value-range", test_value_range);
  g_test_add_func ("/keel/forms/trend/describe", test_describe);

  return g_test_run ();
}
