/* test-kind.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-records.h"
#include "keel-test-util.h"

/* Every top-level kind is found by name, collection and type, and says
 * what a kind must say */
static void
test_registry (void)
{
  guint n;
  const KeelKind * const *kinds = keel_kinds_get_all (&n);

  g_assert_cmpuint (n, ==, 17);
  for (guint i = 0; i < n; i++)
    {
      const KeelKind *kind = kinds[i];

      g_assert_nonnull (kind);
      g_assert_true (keel_kind_lookup (kind->name) == kind);
      g_assert_true (keel_kind_lookup (kind->collection) == kind);
      g_assert_true (keel_kind_for_type (keel_kind_get_gtype (kind)) == kind);
      g_assert_nonnull (kind->id_prefix);
      g_assert_cmpint (kind->id_scheme, !=, KEEL_ID_NONE);
      g_assert_nonnull (keel_kind_get_label (kind));
      g_assert_nonnull (keel_kind_get_plural_label (kind));
      g_assert_nonnull (keel_kind_get_title_field (kind));
      if (kind->sort_key != NULL)
        g_assert_nonnull (keel_kind_find_field (kind, kind->sort_key));
      if (kind->id_scheme == KEEL_ID_YEARLY)
        g_assert_true (keel_field_is_dated (keel_kind_find_field (kind, kind->id_date_key)));
    }

  g_assert_true (keel_kind_lookup ("people") == keel_kind_for_type (KEEL_TYPE_PERSON));
  g_assert_true (keel_kind_lookup ("reading") == keel_kind_for_type (KEEL_TYPE_READING));
  g_assert_null (keel_kind_lookup ("nothing"));
  g_assert_null (keel_kind_for_type (G_TYPE_OBJECT));
}

static void
test_choices (void)
{
  const KeelKind *kind = keel_kind_lookup ("action");
  const KeelField *status = keel_kind_find_field (kind, "status");
  g_autofree char *described = keel_field_describe_choices (status);

  g_assert_cmpuint (keel_field_get_n_choices (status), ==, 4);
  g_assert_cmpint (keel_field_choice_index (status, "done"), ==, 2);
  g_assert_cmpint (keel_field_choice_index (status, "Done"), ==, -1);
  g_assert_cmpstr (keel_field_choice_label (status, "in-progress"), ==, "In progress");
  g_assert_null (keel_field_choice_label (status, "bogus"));
  g_assert_true (keel_field_allows (status, NULL));
  g_assert_false (keel_field_allows (status, "bogus"));
  g_assert_cmpstr (described, ==, "open/in-progress/done/cancelled");
  g_assert_cmpstr (status->default_value, ==, "open");
}

static void
test_ids (void)
{
  const KeelKind *objective = keel_kind_lookup ("objective");
  const KeelKind *review = keel_kind_lookup ("review");
  g_autoptr(GDateTime) when = keel_date_new (2027, 5, 1);
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;
  g_autofree char *rkey = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *parsed_key = NULL;
  guint64 number = 0;

  key = keel_kind_counter_key (objective, NULL, when);
  g_assert_cmpstr (key, ==, "OBJ");
  id = keel_kind_format_id (objective, key, 12);
  g_assert_cmpstr (id, ==, "OBJ-12");
  g_assert_true (keel_kind_parse_id (objective, "OBJ-12", &parsed_key, &number));
  g_assert_cmpstr (parsed_key, ==, "OBJ");
  g_assert_cmpuint (number, ==, 12);
  g_clear_pointer (&parsed_key, g_free);

  rkey = keel_kind_counter_key (review, when, NULL);
  g_assert_cmpstr (rkey, ==, "MR-2027");
  rid = keel_kind_format_id (review, rkey, 3);
  g_assert_cmpstr (rid, ==, "MR-2027-03");
  g_assert_true (keel_kind_parse_id (review, "MR-2027-03", &parsed_key, &number));
  g_assert_cmpstr (parsed_key, ==, "MR-2027");
  g_assert_cmpuint (number, ==, 3);
  g_clear_pointer (&parsed_key, g_free);

  g_assert_false (keel_kind_parse_id (review, "MR-27-03", &parsed_key, &number));
  g_assert_false (keel_kind_parse_id (review, "MR-2027", &parsed_key, &number));
  g_assert_false (keel_kind_parse_id (objective, "OBJ-0", &parsed_key, &number));
  g_assert_false (keel_kind_parse_id (objective, "OBJ-x", &parsed_key, &number));
  g_assert_false (keel_kind_parse_id (objective, "OBJ-4294967296", &parsed_key, &number));
  g_assert_false (keel_kind_parse_id (objective, "POL-1", &parsed_key, &number));
  g_assert_null (parsed_key);
}

static void
test_defaults (void)
{
  g_autoptr(KeelRecord) action = keel_record_new_for_kind (keel_kind_lookup ("action"));
  g_autoptr(KeelRecord) objective = keel_record_new_for_kind (keel_kind_lookup ("objective"));

  g_assert_true (KEEL_IS_ACTION (action));
  g_assert_null (keel_record_get_id (action));
  g_assert_cmpstr (keel_record_get_string (action, "status"), ==, "open");
  g_assert_cmpstr (keel_record_get_string (objective, "status"), ==, "not-started");
  g_assert_null (keel_record_get_string (objective, "title"));
}

static void
test_title (void)
{
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);

  g_assert_cmpstr (keel_record_get_title (person), ==, "");
  keel_record_set_id (person, "PER-1");
  g_assert_cmpstr (keel_record_get_title (person), ==, "PER-1");
  keel_record_set_string (person, "name", "Ada");
  g_assert_cmpstr (keel_record_get_title (person), ==, "Ada");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* assign and equal work on values, parts included, and notify only what
 * changed */
static void
test_assign_equal (void)
{
  g_autoptr(KeelRecord) a = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(KeelRecord) b = NULL;
  g_autoptr(KeelRecord) reading = g_object_new (KEEL_TYPE_READING, NULL);
  g_autoptr(KeelRecord) first = NULL;
  guint notified = 0;

  keel_test_fill_record (a, 0);
  keel_record_set_id (a, "OBJ-1");
  b = keel_record_copy (a);
  g_assert_cmpstr (keel_record_get_id (b), ==, "OBJ-1");
  g_assert_true (keel_record_equal (a, b));

  keel_record_set_double (reading, "value", 42.5);
  g_list_store_append (keel_record_get_children (b, "readings"), reading);
  keel_record_set_string (b, "title", "Changed");
  g_assert_false (keel_record_equal (a, b));

  keel_record_set_id (b, "OBJ-2");
  g_signal_connect (a, "notify", G_CALLBACK (count_notify_cb), &notified);
  keel_record_assign (a, b);
  g_assert_cmpstr (keel_record_get_id (a), ==, "OBJ-1");
  g_assert_true (keel_record_equal (a, b));
  g_assert_cmpuint (notified, ==, 1);  /* the title; readings tell through their store */

  /* The parts are copies: changing one in b leaves a alone */
  first = g_list_model_get_item (G_LIST_MODEL (keel_record_get_children (b, "readings")),
                                 g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (b, "readings"))) - 1);
  keel_record_set_double (first, "value", 1.0);
  g_assert_false (keel_record_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/kind/registry", test_registry);
  g_test_add_func ("/keel/kind/choices", test_choices);
  g_test_add_func ("/keel/kind/ids", test_ids);
  g_test_add_func ("/keel/kind/defaults", test_defaults);
  g_test_add_func ("/keel/kind/title", test_title);
  g_test_add_func ("/keel/kind/assign-equal", test_assign_equal);

  return g_test_run ();
}
