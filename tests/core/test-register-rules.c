/* test-register-rules.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-records.h"
#include "keel-test-util.h"

/* The rules the registers show beside their records, which live beside
 * their kinds: risk ratings, interested parties' feedback, RACI roles,
 * training expiry (Clause 7.2), improvements overdue or awaiting their
 * effectiveness check (Clause 10.2), processes without an owner or
 * security step (Clause 5.1 b), audits past their planned day without a
 * result (Clause 9.2). keel_test_init () pins today to 2026-03-15. */

static KeelRisk *
new_risk (gint64 likelihood,
          gint64 impact)
{
  KeelRecord *risk = g_object_new (KEEL_TYPE_RISK, NULL);

  keel_record_set_int (risk, "likelihood", likelihood);
  keel_record_set_int (risk, "impact", impact);

  return KEEL_RISK (risk);
}

static void
test_risk_rating (void)
{
  g_assert_false (keel_risk_rating_is_valid (0));
  g_assert_true (keel_risk_rating_is_valid (1));
  g_assert_true (keel_risk_rating_is_valid (5));
  g_assert_false (keel_risk_rating_is_valid (6));
  g_assert_false (keel_risk_rating_is_valid (-1));

  /* Unset is acceptable (not rated yet); off the scale is not */
  g_assert_null (keel_risk_check_rating (0));
  g_assert_null (keel_risk_check_rating (3));
  g_assert_nonnull (keel_risk_check_rating (6));
  g_assert_nonnull (keel_risk_check_rating (-2));
  g_assert_nonnull (keel_risk_check_rating (55));
}

static void
test_risk_score (void)
{
  static const struct
  {
    gint64        likelihood;
    gint64        impact;
    guint         score;
    KeelRiskLevel level;
  } cases[] = {
    { 1, 1, 1, KEEL_RISK_LEVEL_LOW },
    { 2, 2, 4, KEEL_RISK_LEVEL_LOW },
    { 1, 4, 4, KEEL_RISK_LEVEL_LOW },
    { 1, 5, 5, KEEL_RISK_LEVEL_MEDIUM },
    { 3, 3, 9, KEEL_RISK_LEVEL_MEDIUM },
    { 3, 4, 12, KEEL_RISK_LEVEL_MEDIUM },
    { 3, 5, 15, KEEL_RISK_LEVEL_HIGH },
    { 5, 5, 25, KEEL_RISK_LEVEL_HIGH },
    /* Unset or off the scale: no score, no level */
    { 0, 5, 0, KEEL_RISK_LEVEL_NONE },
    { 4, 0, 0, KEEL_RISK_LEVEL_NONE },
    { 6, 5, 0, KEEL_RISK_LEVEL_NONE },
    { 3, -1, 0, KEEL_RISK_LEVEL_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KeelRisk) risk = new_risk (cases[i].likelihood, cases[i].impact);
      g_autofree char *text = keel_risk_format_score (risk);
      g_autofree char *prefix = g_strdup_printf ("%u ", cases[i].score);

      g_test_message ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT,
                      cases[i].likelihood, cases[i].impact);
      g_assert_cmpuint (keel_risk_get_score (risk), ==, cases[i].score);
      g_assert_cmpint (keel_risk_get_level (risk), ==, cases[i].level);
      if (cases[i].score == 0)
        g_assert_null (text);
      else
        g_assert_true (g_str_has_prefix (text, prefix));
    }

  g_assert_cmpstr (keel_risk_level_get_label (KEEL_RISK_LEVEL_HIGH), ==, "High");
  g_assert_cmpstr (keel_risk_level_to_string (KEEL_RISK_LEVEL_MEDIUM), ==, "medium");
  g_assert_null (keel_risk_level_get_label (KEEL_RISK_LEVEL_NONE));
  g_assert_null (keel_risk_level_to_string (KEEL_RISK_LEVEL_NONE));

  {
    g_autoptr(KeelRisk) risk = new_risk (3, 5);
    g_autofree char *text = keel_risk_format_score (risk);

    g_assert_cmpstr (text, ==, "15 · High");
  }
}

static KeelRecord *
add_feedback (KeelRecord *party,
              int         year,
              int         month,
              int         day,
              const char *note)
{
  g_autoptr(KeelRecord) feedback = g_object_new (KEEL_TYPE_FEEDBACK, NULL);
  g_autoptr(GDateTime) on = year != 0 ? keel_date_new (year, month, day) : NULL;

  keel_record_set_date (feedback, "on", on);
  keel_record_set_string (feedback, "note", note);
  g_list_store_append (keel_record_get_children (party, "feedback"), feedback);

  return feedback;
}

static void
test_latest_feedback (void)
{
  g_autoptr(KeelRecord) party = g_object_new (KEEL_TYPE_INTERESTED_PARTY, NULL);
  KeelInterestedParty *self = KEEL_INTERESTED_PARTY (party);
  KeelRecord *march;
  KeelRecord *later_same_day;
  g_autofree char *date = NULL;

  g_assert_null (keel_interested_party_get_latest_feedback (self));
  g_assert_null (keel_interested_party_get_latest_feedback_date (self));

  /* Undated feedback is not "latest" */
  add_feedback (party, 0, 0, 0, "Heard in the corridor");
  g_assert_null (keel_interested_party_get_latest_feedback (self));

  march = add_feedback (party, 2026, 3, 2, "Asked for the summary");
  add_feedback (party, 2025, 11, 20, "Questionnaire back");
  g_assert_true (keel_interested_party_get_latest_feedback (self) == march);

  /* Not the last in the list but the latest by date */
  later_same_day = add_feedback (party, 2026, 3, 2, "Second note that day");
  add_feedback (party, 2024, 1, 1, "Old");
  g_assert_true (keel_interested_party_get_latest_feedback (self) == later_same_day);
  date = keel_date_format (keel_interested_party_get_latest_feedback_date (self));
  g_assert_cmpstr (date, ==, "2026-03-02");
}

static KeelRecord *
add_role (GListStore *roles,
          const char *activity,
          const char *person,
          const char *raci)
{
  g_autoptr(KeelRecord) role = g_object_new (KEEL_TYPE_ROLE_ASSIGNMENT, NULL);

  keel_record_set_string (role, "activity", activity);
  keel_record_set_string (role, "person", person);
  keel_record_set_string (role, "raci", raci);
  g_list_store_append (roles, role);

  return role;
}

static void
test_raci_accountable (void)
{
  g_autoptr(GListStore) roles = g_list_store_new (KEEL_TYPE_ROLE_ASSIGNMENT);
  g_autoptr(GPtrArray) incident = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) nothing = NULL;
  KeelRecord *a;

  g_assert_cmpuint (keel_role_assignment_count_unaccountable (G_LIST_MODEL (roles)), ==, 0);

  add_role (roles, "Incident response", "PER-1", "R");
  add_role (roles, "Internal audit", "PER-2", "R");
  g_assert_cmpuint (keel_role_assignment_count_unaccountable (G_LIST_MODEL (roles)), ==, 2);

  /* The same activity, spelt with other case and spaces */
  a = add_role (roles, "  incident RESPONSE ", "PER-2", "A");
  g_assert_true (keel_role_assignment_same_activity ("Incident response", " incident response"));
  g_assert_false (keel_role_assignment_same_activity ("Incident response", "Incident"));
  g_assert_cmpuint (keel_role_assignment_count_unaccountable (G_LIST_MODEL (roles)), ==, 1);

  incident = keel_role_assignment_list_accountable (G_LIST_MODEL (roles), "Incident response");
  g_assert_cmpuint (incident->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (incident, 0), ==, "PER-2");

  audit = keel_role_assignment_list_accountable (G_LIST_MODEL (roles), "Internal audit");
  g_assert_cmpuint (audit->len, ==, 0);

  /* Two people accountable: both listed, each once */
  add_role (roles, "Incident response", "PER-1", "A");
  add_role (roles, "Incident response", "PER-1", "A");
  g_clear_pointer (&incident, g_ptr_array_unref);
  incident = keel_role_assignment_list_accountable (G_LIST_MODEL (roles), "Incident response");
  g_assert_cmpuint (incident->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (incident, 1), ==, "PER-1");

  /* An "A" without a person holds nobody accountable */
  add_role (roles, "Internal audit", NULL, "A");
  g_assert_cmpuint (keel_role_assignment_count_unaccountable (G_LIST_MODEL (roles)), ==, 1);

  /* One of two accountable people changed to R: the other still is; an
   * activity with only a C is not covered */
  keel_record_set_string (a, "raci", "R");
  add_role (roles, "Access reviews", "PER-1", "C");
  g_assert_cmpuint (keel_role_assignment_count_unaccountable (G_LIST_MODEL (roles)), ==, 2);
  g_clear_pointer (&incident, g_ptr_array_unref);
  incident = keel_role_assignment_list_accountable (G_LIST_MODEL (roles), "Incident response");
  g_assert_cmpuint (incident->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (incident, 0), ==, "PER-1");

  nothing = keel_role_assignment_list_accountable (G_LIST_MODEL (roles), "");
  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
set_date (KeelRecord *record,
          const char *key,
          int         year,
          int         month,
          int         day)
{
  g_autoptr(GDateTime) date = keel_date_new (year, month, day);

  keel_record_set_date (record, key, date);
}

static KeelTraining *
training (int expires_year,
          int expires_month,
          int expires_day)
{
  KeelTraining *self = g_object_new (KEEL_TYPE_TRAINING, NULL);

  set_date (KEEL_RECORD (self), "completed_on", 2025, 3, 1);
  if (expires_year != 0)
    set_date (KEEL_RECORD (self), "expires_on", expires_year, expires_month, expires_day);

  return self;
}

static void
assert_training (KeelTraining      *self,
                 KeelTrainingState  state,
                 const char        *words)
{
  g_autofree char *described = keel_training_describe_state (self, NULL);

  g_assert_cmpint (keel_training_get_state (self, NULL), ==, state);
  g_assert_cmpstr (described, ==, words);
}

static void
test_training_state (void)
{
  g_autoptr(KeelTraining) no_expiry = training (0, 0, 0);
  g_autoptr(KeelTraining) valid = training (2026, 4, 15);
  g_autoptr(KeelTraining) edge = training (2026, 4, 14);
  g_autoptr(KeelTraining) soon = training (2026, 3, 16);
  g_autoptr(KeelTraining) last_day = training (2026, 3, 15);
  g_autoptr(KeelTraining) expired = training (2026, 3, 14);
  g_autoptr(KeelTraining) long_ago = training (2025, 3, 5);
  g_autoptr(KeelTraining) planned = g_object_new (KEEL_TYPE_TRAINING, NULL);
  g_autoptr(KeelTraining) future = training (2027, 4, 1);
  g_autoptr(GDateTime) later = keel_date_new (2026, 4, 20);
  int days = 99;

  assert_training (no_expiry, KEEL_TRAINING_VALID, "Valid");
  g_assert_false (keel_training_days_to_expiry (no_expiry, NULL, &days));
  g_assert_cmpint (days, ==, 99);

  /* 31 days ahead is not yet "soon"; 30 days is */
  assert_training (valid, KEEL_TRAINING_VALID, "Valid");
  assert_training (edge, KEEL_TRAINING_EXPIRING, "Expires in 30 days");
  assert_training (soon, KEEL_TRAINING_EXPIRING, "Expires in 1 day");
  /* Valid up to and including its expiry day */
  assert_training (last_day, KEEL_TRAINING_EXPIRING, "Expires today");
  assert_training (expired, KEEL_TRAINING_EXPIRED, "Expired 1 day ago");
  assert_training (long_ago, KEEL_TRAINING_EXPIRED, "Expired 375 days ago");
  g_assert_true (keel_training_days_to_expiry (long_ago, NULL, &days));
  g_assert_cmpint (days, ==, -375);

  /* Nothing completed yet, or a course still to come */
  assert_training (planned, KEEL_TRAINING_NOT_COMPLETED, "Not completed");
  set_date (KEEL_RECORD (future), "completed_on", 2026, 4, 1);
  assert_training (future, KEEL_TRAINING_NOT_COMPLETED, "Not completed");

  /* Judged on another day than today */
  g_assert_cmpint (keel_training_get_state (valid, later), ==, KEEL_TRAINING_EXPIRED);
  g_assert_cmpint (keel_training_get_state (future, later), ==, KEEL_TRAINING_VALID);
}

static void
test_training_labels (void)
{
  const char * const *labels = keel_training_state_labels ();

  g_assert_cmpuint (g_strv_length ((char **) labels), ==, KEEL_TRAINING_N_STATES);
  g_assert_cmpstr (labels[KEEL_TRAINING_EXPIRED], ==, "Expired");
  g_assert_cmpstr (labels[KEEL_TRAINING_EXPIRING], ==, "Expiring soon");
}

static void
test_improvement_overdue (void)
{
  g_autoptr(KeelImprovement) self = g_object_new (KEEL_TYPE_IMPROVEMENT, NULL);
  g_autoptr(GDateTime) earlier = keel_date_new (2026, 3, 1);
  KeelRecord *record = KEEL_RECORD (self);

  /* No due date: never overdue */
  g_assert_false (keel_improvement_is_overdue (self, NULL));

  set_date (record, "due", 2026, 3, 15);
  g_assert_false (keel_improvement_is_overdue (self, NULL));
  set_date (record, "due", 2026, 3, 14);
  g_assert_true (keel_improvement_is_overdue (self, NULL));
  g_assert_false (keel_improvement_is_overdue (self, earlier));

  keel_record_set_string (record, "status", "in-progress");
  g_assert_true (keel_improvement_is_overdue (self, NULL));
  keel_record_set_string (record, "status", "closed");
  g_assert_false (keel_improvement_is_overdue (self, NULL));
}

static void
test_improvement_effectiveness (void)
{
  g_autoptr(KeelImprovement) self = g_object_new (KEEL_TYPE_IMPROVEMENT, NULL);
  KeelRecord *record = KEEL_RECORD (self);

  /* Open: too early to check */
  g_assert_false (keel_improvement_needs_effectiveness_check (self));

  keel_record_set_string (record, "status", "closed");
  g_assert_true (keel_improvement_needs_effectiveness_check (self));
  keel_record_set_string (record, "effectiveness", "No repeat in three months of logs.");
  g_assert_true (keel_improvement_needs_effectiveness_check (self));
  set_date (record, "effectiveness_checked_on", 2026, 3, 1);
  g_assert_false (keel_improvement_needs_effectiveness_check (self));
}

static void
test_process_missing (void)
{
  g_autoptr(KeelProcess) self = g_object_new (KEEL_TYPE_PROCESS, NULL);
  KeelRecord *record = KEEL_RECORD (self);
  char *missing;

  keel_record_set_string (record, "name", "Hiring");
  missing = keel_process_describe_missing (self);
  g_assert_cmpstr (missing, ==, "No owner and no security step");
  g_free (missing);

  keel_record_set_string (record, "owner", "PER-1");
  missing = keel_process_describe_missing (self);
  g_assert_cmpstr (missing, ==, "No security step");
  g_free (missing);

  /* Blank text is no step */
  keel_record_set_string (record, "security_step", " \n\t ");
  missing = keel_process_describe_missing (self);
  g_assert_cmpstr (missing, ==, "No security step");
  g_free (missing);

  keel_record_set_string (record, "security_step", "Background check before the first day.");
  g_assert_null (keel_process_describe_missing (self));

  keel_record_set_string (record, "owner", NULL);
  missing = keel_process_describe_missing (self);
  g_assert_cmpstr (missing, ==, "No owner");
  g_free (missing);
}

static void
test_audit_overdue (void)
{
  g_autoptr(KeelRecord) record = keel_record_new_for_kind (keel_kind_lookup ("audit"));
  KeelAudit *self = KEEL_AUDIT (record);

  /* A new audit is planned, for no day yet */
  g_assert_cmpstr (keel_record_get_string (record, "result"), ==, "planned");
  g_assert_false (keel_audit_is_overdue (self, NULL));

  set_date (record, "planned", 2026, 3, 15);
  g_assert_false (keel_audit_is_overdue (self, NULL));
  set_date (record, "planned", 2026, 3, 14);
  g_assert_true (keel_audit_is_overdue (self, NULL));

  /* No result at all counts as still planned */
  keel_record_set_string (record, "result", NULL);
  g_assert_true (keel_audit_is_overdue (self, NULL));

  /* Held: a result is recorded */
  keel_record_set_string (record, "result", "minor-findings");
  g_assert_false (keel_audit_is_overdue (self, NULL));
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/risk/rating", test_risk_rating);
  g_test_add_func ("/keel/risk/score", test_risk_score);
  g_test_add_func ("/keel/interested-party/latest-feedback", test_latest_feedback);
  g_test_add_func ("/keel/role-assignment/accountable", test_raci_accountable);
  g_test_add_func ("/keel/training/state", test_training_state);
  g_test_add_func ("/keel/training/labels", test_training_labels);
  g_test_add_func ("/keel/improvement/overdue", test_improvement_overdue);
  g_test_add_func ("/keel/improvement/effectiveness", test_improvement_effectiveness);
  g_test_add_func ("/keel/process/missing", test_process_missing);
  g_test_add_func ("/keel/audit/overdue", test_audit_overdue);

  return g_test_run ();
}
