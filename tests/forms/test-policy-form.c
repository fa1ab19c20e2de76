/* test-policy-form.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-error.h"
#include "keel-policy-form.h"
#include "keel-records.h"

static KeelRecord *
person (const char *id,
        const char *name,
        gboolean    top)
{
  KeelRecord *p = g_object_new (KEEL_TYPE_PERSON, NULL);

  keel_record_set_id (p, id);
  keel_record_set_string (p, "name", name);
  keel_record_set_boolean (p, "top_management", top);

  return p;
}

static KeelRecord *
version_of (KeelRecord *policy,
            const char *number,
            const char *date)
{
  g_autoptr(KeelRecord) v = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
  g_autoptr(GDateTime) d = keel_date_parse (date);

  keel_record_set_string (v, "version", number);
  keel_record_set_date (v, "date", d);
  keel_record_set_string (v, "author", "PER-2");
  g_list_store_append (keel_record_get_children (policy, "versions"), v);

  return v;
}

static void
assert_date (GDateTime  *date,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  text = keel_date_format (date);
  g_assert_cmpstr (text, ==, expected);
}

static void
pin_today (const char *date)
{
  g_autoptr(GDateTime) d = keel_date_parse (date);

  keel_date_set_today (d);
}

/* ------------------------------------------------------------------------ */

static void
test_version_compare (void)
{
  static const struct { const char *a; const char *b; int cmp; } cases[] = {
    { "1.0", "1.1", -1 },
    { "1.9", "1.10", -1 },
    { "1.10", "1.9", 1 },
    { "2", "2.0", 0 },
    { "2.0.1", "2.0", 1 },
    { "10.0", "9.9", 1 },
    { "1.0", "1.0", 0 },
    { "draft", "1.0", -1 },
    { "1.0", "draft", 1 },
    { "a", "b", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int cmp = keel_policy_version_compare (cases[i].a, cases[i].b);

      if ((cmp > 0) - (cmp < 0) != cases[i].cmp)
        g_error ("%s vs %s: got %d, expected %d", cases[i].a, cases[i].b, cmp, cases[i].cmp);
    }
}

static void
test_version_number_valid (void)
{
  g_assert_true (keel_policy_version_is_valid_number ("1"));
  g_assert_true (keel_policy_version_is_valid_number ("1.0"));
  g_assert_true (keel_policy_version_is_valid_number ("2.10.3"));
  g_assert_false (keel_policy_version_is_valid_number (""));
  g_assert_false (keel_policy_version_is_valid_number (NULL));
  g_assert_false (keel_policy_version_is_valid_number ("1."));
  g_assert_false (keel_policy_version_is_valid_number (".1"));
  g_assert_false (keel_policy_version_is_valid_number ("1..2"));
  g_assert_false (keel_policy_version_is_valid_number ("v1.0"));
  g_assert_false (keel_policy_version_is_valid_number ("1.0 "));
}

static void
test_suggest_version (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autofree char *first = keel_policy_suggest_version (policy);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *fourth = NULL;

  g_assert_cmpstr (first, ==, "1.0");

  version_of (policy, "1.0", "2026-01-10");
  second = keel_policy_suggest_version (policy);
  g_assert_cmpstr (second, ==, "1.1");

  /* The highest, not the last in the list */
  version_of (policy, "1.9", "2026-02-10");
  version_of (policy, "1.2", "2026-03-10");
  third = keel_policy_suggest_version (policy);
  g_assert_cmpstr (third, ==, "1.10");

  version_of (policy, "3", "2026-04-10");
  fourth = keel_policy_suggest_version (policy);
  g_assert_cmpstr (fourth, ==, "3.1");
}

static void
test_current_version (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  KeelRecord *v1, *v2;

  pin_today ("2026-06-01");
  g_assert_null (keel_policy_current_version (policy));
  g_assert_null (keel_policy_latest_version (policy));

  v1 = version_of (policy, "1.0", "2026-01-10");
  v2 = version_of (policy, "1.1", "2026-05-10");

  /* Nothing signed: the highest draft */
  g_assert_true (keel_policy_current_version (policy) == v2);

  g_assert_true (keel_policy_sign_off (policy, v1, ceo, NULL, NULL));
  /* The signed 1.0 is in force while 1.1 is a draft */
  g_assert_true (keel_policy_current_version (policy) == v1);
  g_assert_true (keel_policy_latest_version (policy) == v2);

  g_assert_true (keel_policy_sign_off (policy, v2, ceo, NULL, NULL));
  g_assert_true (keel_policy_current_version (policy) == v2);

  keel_date_set_today (NULL);
}

static void
test_sign_off_sets_review (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  g_autoptr(GDateTime) on = keel_date_new (2026, 2, 15);
  g_autoptr(GError) error = NULL;
  KeelRecord *v1, *approval;

  pin_today ("2026-03-01");
  v1 = version_of (policy, "1.0", "2026-02-01");
  g_assert_false (keel_policy_version_is_signed (v1));

  g_assert_true (keel_policy_sign_off (policy, v1, ceo, on, &error));
  g_assert_no_error (error);

  g_assert_true (keel_policy_version_is_signed (v1));
  approval = keel_record_get_child (v1, "approval");
  g_assert_nonnull (approval);
  g_assert_cmpstr (keel_record_get_string (approval, "by"), ==, "PER-1");
  assert_date (keel_record_get_date (approval, "on"), "2026-02-15");
  assert_date (keel_record_get_date (policy, "next_review"), "2027-02-15");

  keel_date_set_today (NULL);
}

static void
test_sign_off_keeps_later_review (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  g_autoptr(GDateTime) later = keel_date_new (2027, 6, 30);
  g_autoptr(GDateTime) earlier = keel_date_new (2026, 4, 30);
  g_autoptr(KeelRecord) other = g_object_new (KEEL_TYPE_POLICY, NULL);
  KeelRecord *v;

  pin_today ("2026-03-01");

  keel_record_set_date (policy, "next_review", later);
  v = version_of (policy, "1.0", "2026-02-01");
  g_assert_true (keel_policy_sign_off (policy, v, ceo, NULL, NULL));
  assert_date (keel_record_get_date (policy, "next_review"), "2027-06-30");

  /* An earlier review date is replaced by the 12-month default */
  keel_record_set_date (other, "next_review", earlier);
  v = version_of (other, "1.0", "2026-02-01");
  g_assert_true (keel_policy_sign_off (other, v, ceo, NULL, NULL));
  assert_date (keel_record_get_date (other, "next_review"), "2027-03-01");

  keel_date_set_today (NULL);
}

static void
test_sign_off_leap_day (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  g_autoptr(GDateTime) on = keel_date_new (2028, 2, 29);
  KeelRecord *v;

  pin_today ("2028-03-01");
  v = version_of (policy, "1.0", "2028-02-01");
  g_assert_true (keel_policy_sign_off (policy, v, ceo, on, NULL));
  /* A year after 29 February is 28 February */
  assert_date (keel_record_get_date (policy, "next_review"), "2029-02-28");
  keel_date_set_today (NULL);
}

static void
test_sign_off_refused (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) stranger = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  g_autoptr(KeelRecord) dev = person ("PER-2", "Bo", FALSE);
  g_autoptr(KeelRecord) not_a_person = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(GDateTime) before = keel_date_new (2026, 1, 31);
  g_autoptr(GDateTime) future = keel_date_new (2026, 3, 2);
  KeelRecord *v, *foreign;

  pin_today ("2026-03-01");
  v = version_of (policy, "1.0", "2026-02-01");
  foreign = version_of (stranger, "1.0", "2026-02-01");

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (keel_policy_sign_off (policy, v, dev, NULL, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Bo"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (keel_policy_sign_off (policy, v, NULL, NULL, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (keel_policy_sign_off (policy, v, not_a_person, NULL, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (keel_policy_sign_off (policy, v, ceo, before, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (keel_policy_sign_off (policy, v, ceo, future, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (keel_policy_sign_off (policy, foreign, ceo, NULL, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_NOT_FOUND);
  }

  /* None of that signed anything or set a review date */
  g_assert_false (keel_policy_version_is_signed (v));
  g_assert_null (keel_record_get_date (policy, "next_review"));

  /* Once signed, a second sign-off is refused */
  g_assert_true (keel_policy_sign_off (policy, v, ceo, NULL, NULL));
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (keel_policy_sign_off (policy, v, ceo, NULL, &error));
    g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  }

  keel_date_set_today (NULL);
}

static void
test_check_sign_off (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  g_autoptr(KeelRecord) dev = person ("PER-2", "Bo", FALSE);
  g_autoptr(GError) error = NULL;
  KeelRecord *v;

  pin_today ("2026-03-01");
  v = version_of (policy, "1.0", "2026-02-01");

  /* Checking signs nothing */
  g_assert_true (keel_policy_check_sign_off (policy, v, ceo, NULL, NULL));
  g_assert_false (keel_policy_version_is_signed (v));
  g_assert_null (keel_record_get_date (policy, "next_review"));

  g_assert_false (keel_policy_check_sign_off (policy, v, dev, NULL, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  g_assert_false (keel_policy_version_is_signed (v));

  keel_date_set_today (NULL);
}

static void
test_signed_version_locked (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  g_autoptr(GError) error = NULL;
  KeelRecord *v;

  pin_today ("2026-03-01");
  v = version_of (policy, "1.0", "2026-02-01");

  g_assert_true (keel_policy_version_check_editable (v, NULL));
  g_assert_true (keel_policy_version_set_description (v, "First issue", NULL));
  g_assert_cmpstr (keel_record_get_string (v, "description"), ==, "First issue");

  g_assert_true (keel_policy_sign_off (policy, v, ceo, NULL, NULL));

  g_assert_false (keel_policy_version_check_editable (v, &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Signed versions cannot be changed; create a new version");
  g_clear_error (&error);

  g_assert_false (keel_policy_version_set_description (v, "Changed", &error));
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  g_assert_cmpstr (keel_record_get_string (v, "description"), ==, "First issue");

  keel_date_set_today (NULL);
}

static void
test_half_signed_is_not_signed (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) approval = g_object_new (KEEL_TYPE_SIGN_OFF, NULL);
  KeelRecord *v = version_of (policy, "1.0", "2026-02-01");

  /* An approval without a date (a hand-edited file) does not lock */
  keel_record_set_string (approval, "by", "PER-1");
  keel_record_set_child (v, "approval", approval);
  g_assert_false (keel_policy_version_is_signed (v));
  g_assert_true (keel_policy_version_check_editable (v, NULL));
}

static void
test_list_approvers (void)
{
  g_autoptr(GListStore) people = g_list_store_new (KEEL_TYPE_PERSON);
  g_autoptr(KeelRecord) a = person ("PER-1", "Ana", TRUE);
  g_autoptr(KeelRecord) b = person ("PER-2", "Bo", FALSE);
  g_autoptr(KeelRecord) c = person ("PER-3", "Cy", TRUE);
  g_autoptr(GPtrArray) approvers = NULL;
  g_autoptr(GPtrArray) none = NULL;

  none = keel_policy_list_approvers (G_LIST_MODEL (people));
  g_assert_cmpuint (none->len, ==, 0);

  g_list_store_append (people, a);
  g_list_store_append (people, b);
  g_list_store_append (people, c);
  approvers = keel_policy_list_approvers (G_LIST_MODEL (people));
  g_assert_cmpuint (approvers->len, ==, 2);
  g_assert_true (g_ptr_array_index (approvers, 0) == a);
  g_assert_true (g_ptr_array_index (approvers, 1) == c);

  g_assert_true (keel_policy_check_approver (a, NULL));
  g_assert_false (keel_policy_check_approver (b, NULL));
}

static void
test_review_overdue (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(GDateTime) review = keel_date_new (2026, 3, 31);
  g_autoptr(GDateTime) before = keel_date_new (2026, 3, 30);
  g_autoptr(GDateTime) same = keel_date_new (2026, 3, 31);
  g_autoptr(GDateTime) after = keel_date_new (2026, 4, 1);

  /* No review date: nothing is overdue */
  g_assert_false (keel_policy_is_review_overdue (policy, after));

  keel_record_set_date (policy, "next_review", review);
  g_assert_false (keel_policy_is_review_overdue (policy, before));
  g_assert_false (keel_policy_is_review_overdue (policy, same));
  g_assert_true (keel_policy_is_review_overdue (policy, after));

  /* NULL today means keel_date_today () */
  keel_date_set_today (after);
  g_assert_true (keel_policy_is_review_overdue (policy, NULL));
  keel_date_set_today (before);
  g_assert_false (keel_policy_is_review_overdue (policy, NULL));
  keel_date_set_today (NULL);
}

static void
test_default_next_review (void)
{
  g_autoptr(GDateTime) on = keel_date_new (2026, 1, 31);
  g_autoptr(GDateTime) review = keel_policy_default_next_review (on);

  assert_date (review, "2027-01-31");
}

/* ------------------------------------------------------------------------ */

static void
test_policy_form_validate (void)
{
  g_autoptr(KeelPolicyForm) form = keel_policy_form_new ();
  g_autoptr(KeelPolicyFormValidation) empty = NULL;
  g_autoptr(KeelPolicyFormValidation) good = NULL;
  g_autoptr(KeelPolicyFormValidation) bad_date = NULL;

  empty = keel_policy_form_validate (form, NULL);
  g_assert_false (empty->can_save);
  g_assert_nonnull (empty->errors[KEEL_POLICY_FORM_TITLE]);
  g_assert_nonnull (empty->errors[KEEL_POLICY_FORM_OWNER]);
  g_assert_null (empty->errors[KEEL_POLICY_FORM_NEXT_REVIEW]);
  g_assert_cmpuint (empty->n_errors, ==, 2);

  keel_policy_form_set (form, KEEL_POLICY_FORM_TITLE, "Information security policy");
  keel_policy_form_set (form, KEEL_POLICY_FORM_OWNER, "PER-1");
  good = keel_policy_form_validate (form, NULL);
  g_assert_true (good->can_save);

  keel_policy_form_set (form, KEEL_POLICY_FORM_NEXT_REVIEW, "next year");
  bad_date = keel_policy_form_validate (form, NULL);
  g_assert_false (bad_date->can_save);
  g_assert_nonnull (bad_date->errors[KEEL_POLICY_FORM_NEXT_REVIEW]);
}

static void
test_policy_form_review_after_approval (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) ceo = person ("PER-1", "Ana", TRUE);
  g_autoptr(GDateTime) on = keel_date_new (2026, 2, 15);
  g_autoptr(KeelPolicyForm) form = keel_policy_form_new ();
  g_autoptr(KeelPolicyFormValidation) early = NULL;
  g_autoptr(KeelPolicyFormValidation) fine = NULL;
  KeelRecord *v;

  pin_today ("2026-03-01");
  v = version_of (policy, "1.0", "2026-02-01");
  g_assert_true (keel_policy_sign_off (policy, v, ceo, on, NULL));

  keel_policy_form_set (form, KEEL_POLICY_FORM_TITLE, "Access policy");
  keel_policy_form_set (form, KEEL_POLICY_FORM_OWNER, "PER-1");
  keel_policy_form_set (form, KEEL_POLICY_FORM_NEXT_REVIEW, "2026-02-14");
  early = keel_policy_form_validate (form, policy);
  g_assert_false (early->can_save);
  g_assert_nonnull (strstr (early->errors[KEEL_POLICY_FORM_NEXT_REVIEW], "2026-02-15"));

  keel_policy_form_set (form, KEEL_POLICY_FORM_NEXT_REVIEW, "2026-08-15");
  fine = keel_policy_form_validate (form, policy);
  g_assert_true (fine->can_save);

  keel_date_set_today (NULL);
}

static void
test_policy_form_round_trip (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelPolicyForm) form = keel_policy_form_new ();
  g_autoptr(KeelPolicyForm) back = NULL;

  keel_policy_form_set (form, KEEL_POLICY_FORM_TITLE, " Access policy ");
  keel_policy_form_set (form, KEEL_POLICY_FORM_OWNER, "PER-4");
  keel_policy_form_set (form, KEEL_POLICY_FORM_SUMMARY, "Who gets access.\n\nAnd how.");
  keel_policy_form_set (form, KEEL_POLICY_FORM_NEXT_REVIEW, "2027-01-31");
  g_assert_true (keel_policy_form_apply (form, policy));

  g_assert_cmpstr (keel_record_get_string (policy, "title"), ==, "Access policy");
  g_assert_cmpstr (keel_record_get_string (policy, "summary"), ==, "Who gets access.\n\nAnd how.");
  assert_date (keel_record_get_date (policy, "next_review"), "2027-01-31");

  back = keel_policy_form_new_from_record (policy);
  g_assert_cmpstr (keel_policy_form_get (back, KEEL_POLICY_FORM_OWNER), ==, "PER-4");
  g_assert_cmpstr (keel_policy_form_get (back, KEEL_POLICY_FORM_NEXT_REVIEW), ==, "2027-01-31");

  /* An invalid form changes nothing */
  keel_policy_form_set (back, KEEL_POLICY_FORM_TITLE, "");
  keel_policy_form_set (back, KEEL_POLICY_FORM_NEXT_REVIEW, "");
  g_assert_false (keel_policy_form_apply (back, policy));
  g_assert_cmpstr (keel_record_get_string (policy, "title"), ==, "Access policy");
  g_assert_nonnull (keel_record_get_date (policy, "next_review"));
}

static void
test_new_version_form (void)
{
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelPolicyVersionForm) form = NULL;
  g_autoptr(KeelPolicyVersionForm) next = NULL;
  g_autoptr(GError) error = NULL;
  KeelRecord *added;

  pin_today ("2026-03-01");
  form = keel_policy_version_form_new_for (policy, "PER-2");
  g_assert_cmpstr (form->version, ==, "1.0");
  g_assert_cmpstr (form->date, ==, "2026-03-01");
  g_assert_cmpstr (form->author, ==, "PER-2");

  g_free (form->description);
  form->description = g_strdup ("First issue");
  added = keel_policy_add_version (policy, form, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpstr (keel_record_get_string (added, "version"), ==, "1.0");
  g_assert_cmpstr (keel_record_get_string (added, "author"), ==, "PER-2");
  g_assert_cmpstr (keel_record_get_string (added, "description"), ==, "First issue");
  assert_date (keel_record_get_date (added, "date"), "2026-03-01");
  g_assert_false (keel_policy_version_is_signed (added));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (policy, "versions"))), ==, 1);

  next = keel_policy_version_form_new_for (policy, NULL);
  g_assert_cmpstr (next->version, ==, "1.1");
  g_assert_null (next->author);

  keel_date_set_today (NULL);
}

static void
test_new_version_refused (void)
{
  static const struct { const char *version; const char *date; const char *author; int bad; } cases[] = {
    /* bad: 1 version, 2 date, 3 author */
    { "", "2026-03-01", "PER-1", 1 },
    { "1.0", "2026-03-01", "PER-1", 1 },   /* exists */
    { "0.9", "2026-03-01", "PER-1", 1 },   /* lower */
    { "v2", "2026-03-01", "PER-1", 1 },
    { "2.0", "", "PER-1", 2 },
    { "2.0", "2026-02-30", "PER-1", 2 },
    { "2.0", "2026-03-01", "  ", 3 },
  };
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);

  version_of (policy, "1.0", "2026-01-10");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KeelPolicyVersionForm form = {
        (char *) cases[i].version, (char *) cases[i].date, (char *) cases[i].author, NULL
      };
      g_autoptr(KeelPolicyVersionValidation) v = keel_policy_version_form_validate (&form, policy);
      g_autoptr(GError) error = NULL;

      g_assert_false (v->can_save);
      g_assert_true ((v->version_error != NULL) == (cases[i].bad == 1));
      g_assert_true ((v->date_error != NULL) == (cases[i].bad == 2));
      g_assert_true ((v->author_error != NULL) == (cases[i].bad == 3));

      g_assert_null (keel_policy_add_version (policy, &form, &error));
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (policy, "versions"))), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keel/forms/policy/version/compare", test_version_compare);
  g_test_add_func ("/keel/forms/policy/version/valid-number", test_version_number_valid);
  g_test_add_func ("/keel/forms/policy/version/suggest", test_suggest_version);
  g_test_add_func ("/keel/forms/policy/version/current", test_current_version);
  g_test_add_func ("/keel/forms/policy/version/new", test_new_version_form);
  g_test_add_func ("/keel/forms/policy/version/new-refused", test_new_version_refused);
  g_test_add_func ("/keel/forms/policy/sign-off/review", test_sign_off_sets_review);
  g_test_add_func ("/keel/forms/policy/sign-off/keeps-later-review", test_sign_off_keeps_later_review);
  g_test_add_func ("/keel/forms/policy/sign-off/leap-day", test_sign_off_leap_day);
  g_test_add_func ("/keel/forms/policy/sign-off/refused", test_sign_off_refused);
  g_test_add_func ("/keel/forms/policy/sign-off/check", test_check_sign_off);
  g_test_add_func ("/keel/forms/policy/sign-off/locked", test_signed_version_locked);
  g_test_add_func ("/keel/forms/policy/sign-off/half-signed", test_half_signed_is_not_signed);
  g_test_add_func ("/keel/forms/policy/sign-off/approvers", test_list_approvers);
  g_test_add_func ("/keel/forms/policy/review/overdue", test_review_overdue);
  g_test_add_func ("/keel/forms/policy/review/default", test_default_next_review);
  g_test_add_func ("/keel/forms/policy/form/validate", test_policy_form_validate);
  g_test_add_func ("/keel/forms/policy/form/review-after-approval", test_policy_form_review_after_approval);
  g_test_add_func ("/keel/forms/policy/form/round-trip", test_policy_form_round_trip);

  return g_test_run ();
}
