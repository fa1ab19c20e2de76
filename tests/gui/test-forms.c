/* test-forms.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-forms.h"

/* The window's form logic, without a display: what makes the welcome form
 * and the person editor ready to save. */

static void
test_email (void)
{
  const char *good[] = {
    "ada@acme.example", "a.b-c+d@mail.acme.co.uk", " grace@navy.mil ", "x@xn--bcher-kva.example",
    "jürgen@müller.de", "o'brien@acme.ie",
  };
  const char *bad[] = {
    NULL, "", "   ", "ada", "ada@", "@acme.example", "ada@acme", "ada@@acme.example",
    "ada@acme..example", "ada@.acme.example", "ada@acme.example.", "ada@acme.e",
    "ada lovelace@acme.example", "ada@acme .example", ".ada@acme.example", "ada.@acme.example",
    "a..da@acme.example", "ada@-acme.example", "ada@acme-.example", "ada@ac_me.example",
    "ada@acme.exa\nmple", "ada\t@acme.example",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("good: “%s”", good[i]);
      g_assert_true (keel_email_is_valid (good[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad: “%s”", bad[i] ? bad[i] : "(null)");
      g_assert_false (keel_email_is_valid (bad[i]));
    }
}

static void
test_text (void)
{
  g_autofree char *a = keel_text_normalize ("  Acme  Sailing \n");
  g_autofree char *b = keel_text_normalize (" \t\n ");
  g_autofree char *c = keel_text_normalize (NULL);

  g_assert_cmpstr (a, ==, "Acme  Sailing");
  g_assert_null (b);
  g_assert_null (c);
  g_assert_true (keel_text_is_blank ("\u2003"));  /* an em space */
  g_assert_false (keel_text_is_blank (" x "));
}

static void
test_welcome (void)
{
  KeelWelcomeValues values = {
    .organisation = "Acme Sailing",
    .size_profile = "startup",
    .manager_name = "Grace Hopper",
    .manager_email = "grace@acme.example",
  };

  g_assert_cmpint (keel_welcome_values_check (&values), ==, KEEL_FORM_OK);

  values.organisation = "  ";
  g_assert_cmpint (keel_welcome_values_check (&values), ==, KEEL_FORM_NEEDS_ORGANISATION);

  values.manager_name = NULL;
  g_assert_cmpint (keel_welcome_values_check (&values), ==,
                   KEEL_FORM_NEEDS_ORGANISATION | KEEL_FORM_NEEDS_NAME);

  values.organisation = "Acme";
  values.manager_name = "Grace";
  values.manager_email = "";
  g_assert_cmpint (keel_welcome_values_check (&values), ==, KEEL_FORM_NEEDS_EMAIL);

  values.manager_email = "grace at acme";
  g_assert_cmpint (keel_welcome_values_check (&values), ==, KEEL_FORM_BAD_EMAIL);
}

static void
test_person (void)
{
  KeelPersonValues values = { .name = "Ada Lovelace" };

  /* An email is optional for a person */
  g_assert_cmpint (keel_person_values_check (&values), ==, KEEL_FORM_OK);

  values.email = "ada@acme.example";
  g_assert_cmpint (keel_person_values_check (&values), ==, KEEL_FORM_OK);

  values.email = "ada@";
  g_assert_cmpint (keel_person_values_check (&values), ==, KEEL_FORM_BAD_EMAIL);

  values.name = "";
  values.email = NULL;
  g_assert_cmpint (keel_person_values_check (&values), ==, KEEL_FORM_NEEDS_NAME);
}

static void
test_size_profiles (void)
{
  g_assert_cmpuint (keel_size_profile_count (), ==, 3);
  g_assert_cmpstr (keel_size_profile_id (0), ==, "startup");
  g_assert_cmpstr (keel_size_profile_id (1), ==, "scaleup");
  g_assert_cmpstr (keel_size_profile_id (2), ==, "enterprise");

  for (guint i = 0; i < keel_size_profile_count (); i++)
    {
      g_assert_cmpuint (keel_size_profile_position (keel_size_profile_id (i)), ==, i);
      g_assert_nonnull (keel_size_profile_label (i));
    }

  g_assert_cmpuint (keel_size_profile_position (NULL), ==, 0);
  g_assert_cmpuint (keel_size_profile_position ("galactic"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keel/forms/email", test_email);
  g_test_add_func ("/keel/forms/text", test_text);
  g_test_add_func ("/keel/forms/welcome", test_welcome);
  g_test_add_func ("/keel/forms/person", test_person);
  g_test_add_func ("/keel/forms/size-profiles", test_size_profiles);

  return g_test_run ();
}
