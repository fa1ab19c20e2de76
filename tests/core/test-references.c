/* test-references.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test"

#include "config.h"

#include "keel-references.h"
#include "keel-test-util.h"

/* Before a record goes, whatever refers to it is given another record to
 * refer to: single references, lists (without doubling an id), and parts of
 * records at any depth; and undo puts every field back as it was. */

typedef struct
{
  KeelWorkspace *workspace;
  KeelRecord    *review;     /* REV: chair, attendees, decisions[], sign_off */
  KeelRecord    *crowded;    /* REV: attendees that already hold the new id */
  KeelRecord    *policy;     /* POL: owner, versions[].approval.by */
  char          *old_id;
  char          *new_id;
  char          *other_id;
} Fixture;

static KeelRecord *
add_person (KeelWorkspace *workspace,
            const char    *name)
{
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);

  keel_record_set_string (person, "name", name);
  keel_workspace_add (workspace, person);

  return person;
}

static KeelRecord *
new_sign_off (const char *by)
{
  KeelRecord *sign_off = g_object_new (KEEL_TYPE_SIGN_OFF, NULL);

  keel_record_set_string (sign_off, "by", by);

  return sign_off;
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/keel-references");
  g_autoptr(KeelRecord) review = g_object_new (KEEL_TYPE_REVIEW, NULL);
  g_autoptr(KeelRecord) crowded = g_object_new (KEEL_TYPE_REVIEW, NULL);
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) sign_off = NULL;
  g_autoptr(KeelRecord) version1 = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
  g_autoptr(KeelRecord) version2 = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
  g_autoptr(KeelRecord) approval1 = NULL;
  g_autoptr(KeelRecord) approval2 = NULL;
  g_autoptr(KeelRecord) decision1 = g_object_new (KEEL_TYPE_DECISION, NULL);
  g_autoptr(KeelRecord) decision2 = g_object_new (KEEL_TYPE_DECISION, NULL);
  g_autoptr(KeelRecord) action = g_object_new (KEEL_TYPE_ACTION, NULL);

  f->workspace = keel_workspace_new (folder);
  f->old_id = g_strdup (keel_record_get_id (add_person (f->workspace, "Old")));
  f->new_id = g_strdup (keel_record_get_id (add_person (f->workspace, "New")));
  f->other_id = g_strdup (keel_record_get_id (add_person (f->workspace, "Other")));

  keel_record_set_string (action, "title", "Fix it");
  keel_record_set_string (action, "owner", f->other_id);
  keel_workspace_add (f->workspace, action);

  /* The old id twice in one list: it becomes the new id once */
  keel_record_set_string (review, "title", "Review");
  keel_record_set_string (review, "chair", f->old_id);
  keel_record_set_strv (review, "attendees",
                        (const char *[]) { f->old_id, f->other_id, f->old_id, NULL });
  sign_off = new_sign_off (f->old_id);
  keel_record_set_child (review, "sign_off", sign_off);
  keel_record_set_string (decision2, "action", keel_record_get_id (action));
  g_list_store_append (keel_record_get_children (review, "decisions"), decision1);
  g_list_store_append (keel_record_get_children (review, "decisions"), decision2);
  keel_workspace_add (f->workspace, review);

  /* The new id already listed: the old one is dropped, not doubled */
  keel_record_set_string (crowded, "title", "Crowded");
  keel_record_set_string (crowded, "chair", f->other_id);
  keel_record_set_strv (crowded, "attendees",
                        (const char *[]) { f->new_id, f->old_id, f->other_id, NULL });
  keel_workspace_add (f->workspace, crowded);

  keel_record_set_string (policy, "title", "Policy");
  keel_record_set_string (policy, "owner", f->old_id);
  approval1 = new_sign_off (f->other_id);
  approval2 = new_sign_off (f->old_id);
  keel_record_set_child (version1, "approval", approval1);
  keel_record_set_child (version2, "approval", approval2);
  g_list_store_append (keel_record_get_children (policy, "versions"), version1);
  g_list_store_append (keel_record_get_children (policy, "versions"), version2);
  keel_workspace_add (f->workspace, policy);

  f->review = review;
  f->crowded = crowded;
  f->policy = policy;
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->workspace);
  g_free (f->old_id);
  g_free (f->new_id);
  g_free (f->other_id);
}

static KeelRecord *
nth_child (KeelRecord *record,
           const char *key,
           guint       n)
{
  GListModel *model = G_LIST_MODEL (keel_record_get_children (record, key));
  g_autoptr(KeelRecord) child = g_list_model_get_item (model, n);

  return child;  /* the record keeps it alive */
}

static void
assert_resolves (KeelRecord *record,
                 const char *path,
                 KeelRecord *expected_part,
                 const char *expected_key)
{
  g_autofree char *key = NULL;
  KeelRecord *part = NULL;

  g_assert_true (keel_reference_resolve (record, path, &part, &key));
  g_assert_true (part == expected_part);
  g_assert_cmpstr (key, ==, expected_key);
}

static void
assert_refused (KeelRecord *record,
                const char *path)
{
  g_autofree char *key = NULL;
  KeelRecord *part = NULL;

  if (keel_reference_resolve (record, path, &part, &key))
    g_error ("the path %s was followed to %s", path, key);
  g_assert_null (key);
}

static void
test_resolve (void)
{
  Fixture f;
  g_autoptr(KeelRecord) bare = g_object_new (KEEL_TYPE_REVIEW, NULL);

  fixture_init (&f);

  assert_resolves (f.review, "chair", f.review, "chair");
  assert_resolves (f.review, "attendees", f.review, "attendees");
  assert_resolves (f.review, "sign_off.by", keel_record_get_child (f.review, "sign_off"), "by");
  assert_resolves (f.review, "decisions[2].action", nth_child (f.review, "decisions", 1), "action");
  assert_resolves (f.policy, "versions[2].approval.by",
                   keel_record_get_child (nth_child (f.policy, "versions", 1), "approval"), "by");

  /* Empty paths and segments */
  assert_refused (f.review, "");
  assert_refused (f.review, "sign_off..by");
  assert_refused (f.review, "sign_off.");
  /* Fields that are not references, or do not exist */
  assert_refused (f.review, "title");
  assert_refused (f.review, "nosuch");
  assert_refused (f.review, "nosuch.by");
  assert_refused (f.review, "decisions");
  assert_refused (f.review, "sign_off");
  /* An index where none belongs, none where one does */
  assert_refused (f.review, "chair[1]");
  assert_refused (f.review, "sign_off[1].by");
  assert_refused (f.review, "decisions.action");
  assert_refused (f.review, "chair.by");
  /* Indexes that are not numbers from 1 to the count */
  assert_refused (f.review, "decisions[0].action");
  assert_refused (f.review, "decisions[3].action");
  assert_refused (f.review, "decisions[x].action");
  assert_refused (f.review, "decisions[1.action");
  assert_refused (f.review, "decisions[1]x.action");
  assert_refused (f.review, "decisions[4294967296].action");
  assert_refused (f.review, "decisions[99999999999999999999].action");
  assert_refused (f.review, "[1].action");
  /* A part that is not there */
  assert_refused (bare, "sign_off.by");
  assert_refused (f.policy, "versions[1].approval.by.x");

  fixture_clear (&f);
}

static void
assert_strv (const char * const *got,
             const char * const *expected)
{
  g_assert_nonnull (got);
  g_assert_cmpuint (g_strv_length ((char **) got), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
}

static void
test_reassign (void)
{
  Fixture f;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GPtrArray) before_other = NULL;
  g_autoptr(GPtrArray) after_other = NULL;
  KeelRecord *version2;

  fixture_init (&f);
  before_other = keel_workspace_find_references (f.workspace, f.other_id);

  g_assert_true (keel_workspace_reassign_references (f.workspace, f.old_id, f.new_id));

  /* Nothing refers to the old record any more */
  left = keel_workspace_find_references (f.workspace, f.old_id);
  g_assert_cmpuint (left->len, ==, 0);

  g_assert_cmpstr (keel_record_get_string (f.review, "chair"), ==, f.new_id);
  assert_strv (keel_record_get_strv (f.review, "attendees"),
               (const char *[]) { f.new_id, f.other_id, NULL });
  g_assert_cmpstr (keel_record_get_string (keel_record_get_child (f.review, "sign_off"), "by"),
                   ==, f.new_id);
  assert_strv (keel_record_get_strv (f.crowded, "attendees"),
               (const char *[]) { f.new_id, f.other_id, NULL });
  g_assert_cmpstr (keel_record_get_string (f.policy, "owner"), ==, f.new_id);
  version2 = nth_child (f.policy, "versions", 1);
  g_assert_cmpstr (keel_record_get_string (keel_record_get_child (version2, "approval"), "by"),
                   ==, f.new_id);

  /* Other references are left alone */
  after_other = keel_workspace_find_references (f.workspace, f.other_id);
  g_assert_cmpuint (after_other->len, ==, before_other->len);
  g_assert_cmpstr (keel_record_get_string (keel_record_get_child (nth_child (f.policy, "versions", 0),
                                                                  "approval"), "by"),
                   ==, f.other_id);

  /* chair, 1 attendee, sign_off.by, 2 attendees, owner, approval.by */
  moved = keel_workspace_find_references (f.workspace, f.new_id);
  g_assert_cmpuint (moved->len, ==, 6);

  /* An id nothing refers to: nothing to do, and nothing changes */
  g_assert_true (keel_workspace_reassign_references (f.workspace, "PER-99", f.new_id));
  g_assert_cmpstr (keel_record_get_string (f.review, "chair"), ==, f.new_id);

  fixture_clear (&f);
}

static void
test_snapshot_undo (void)
{
  Fixture f;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(KeelReferenceSnapshot) snapshot = NULL;
  g_autoptr(KeelRecord) review_before = NULL;
  g_autoptr(KeelRecord) crowded_before = NULL;
  g_autoptr(KeelRecord) policy_before = NULL;
  g_autoptr(GPtrArray) again = NULL;
  KeelReference *bogus;

  fixture_init (&f);
  review_before = keel_record_copy (f.review);
  crowded_before = keel_record_copy (f.crowded);
  policy_before = keel_record_copy (f.policy);

  references = keel_workspace_find_references (f.workspace, f.old_id);
  /* chair, attendees twice, sign_off.by, crowded's attendees, owner,
   * versions[2].approval.by */
  g_assert_cmpuint (references->len, ==, 7);

  /* A path that leads nowhere is passed over, not followed */
  bogus = g_new0 (KeelReference, 1);
  bogus->record = g_object_ref (f.review);
  bogus->field = g_strdup ("decisions[7].action");
  g_ptr_array_add (references, bogus);

  snapshot = keel_reference_snapshot_new (references);

  g_assert_true (keel_workspace_reassign_references (f.workspace, f.old_id, f.new_id));
  g_assert_false (keel_record_equal (f.review, review_before));
  g_assert_false (keel_record_equal (f.crowded, crowded_before));
  g_assert_false (keel_record_equal (f.policy, policy_before));

  /* Undo: every field as it was, the duplicate in the list included */
  keel_reference_snapshot_restore (snapshot);
  g_assert_true (keel_record_equal (f.review, review_before));
  g_assert_true (keel_record_equal (f.crowded, crowded_before));
  g_assert_true (keel_record_equal (f.policy, policy_before));
  again = keel_workspace_find_references (f.workspace, f.old_id);
  g_assert_cmpuint (again->len, ==, 7);

  keel_reference_snapshot_free (NULL);

  fixture_clear (&f);
}

static void
test_snapshot_unset (void)
{
  Fixture f;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(KeelReferenceSnapshot) snapshot = NULL;

  fixture_init (&f);

  /* A reference that was unset when taken is unset again on undo */
  references = keel_workspace_find_references (f.workspace, f.old_id);
  snapshot = keel_reference_snapshot_new (references);
  keel_record_set_string (f.review, "chair", f.other_id);
  keel_record_set_strv (f.review, "attendees", NULL);
  keel_reference_snapshot_restore (snapshot);
  g_assert_cmpstr (keel_record_get_string (f.review, "chair"), ==, f.old_id);
  assert_strv (keel_record_get_strv (f.review, "attendees"),
               (const char *[]) { f.old_id, f.other_id, f.old_id, NULL });

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/references/resolve", test_resolve);
  g_test_add_func ("/keel/references/reassign", test_reassign);
  g_test_add_func ("/keel/references/snapshot-undo", test_snapshot_undo);
  g_test_add_func ("/keel/references/snapshot-restores-lists", test_snapshot_unset);

  return g_test_run ();
}
