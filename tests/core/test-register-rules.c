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

/* The rules the registers show beside their records: training expiry
 * (Clause 7.2), improvements overdue or awaiting their effectiveness
 * check (Clause 10.2), processes without an owner or security step
 * (Clause 5.1 b), audits past their planned day without a result
 * (Clause 9.2). keel_test_init () pins today to 2026-03-15. */

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

  g_test_add_func ("/keel/rules/training/state", test_training_state);
  g_test_add_func ("/keel/rules/training/labels", test_training_labels);
  g_test_add_func ("/keel/rules/improvement/overdue", test_improvement_overdue);
  g_test_add_func ("/keel/rules/improvement/effectiveness", test_improvement_effectiveness);
  g_test_add_func ("/keel/rules/process/missing", test_process_missing);
  g_test_add_func ("/keel/rules/audit/overdue", test_audit_overdue);

  return g_test_run ();
}
