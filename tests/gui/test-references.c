/* test-references.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-records.h"
#include "keel-references.h"
#include "keel-workspace.h"

/* What deleting a person relies on: every reference to them, in records and
 * in parts of records, can be found, moved to someone else and put back. */

static const char sample[] =
  "{\n"
  "  \"format\": \"keel-workspace\",\n"
  "  \"version\": 1,\n"
  "  \"organisation\": { \"name\": \"Acme\" },\n"
  "  \"people\": [\n"
  "    { \"id\": \"PER-1\", \"name\": \"Ada\" },\n"
  "    { \"id\": \"PER-2\", \"name\": \"Ben\" },\n"
  "    { \"id\": \"PER-3\", \"name\": \"Cy\" }\n"
  "  ],\n"
  "  \"policies\": [\n"
  "    { \"id\": \"POL-1\", \"title\": \"Access\", \"owner\": \"PER-1\",\n"
  "      \"versions\": [\n"
  "        { \"version\": \"1.0\", \"date\": \"2026-01-10\", \"author\": \"PER-2\",\n"
  "          \"approval\": { \"by\": \"PER-1\", \"on\": \"2026-01-12\" } },\n"
  "        { \"version\": \"1.1\", \"date\": \"2026-02-10\", \"author\": \"PER-1\" }\n"
  "      ] }\n"
  "  ],\n"
  "  \"reviews\": [\n"
  "    { \"id\": \"MR-2026-01\", \"title\": \"Q1\", \"start\": \"2026-03-01T10:00:00+00:00\",\n"
  "      \"chair\": \"PER-1\", \"attendees\": [\"PER-1\", \"PER-3\"] },\n"
  "    { \"id\": \"MR-2026-02\", \"title\": \"Q2\", \"start\": \"2026-06-01T10:00:00+00:00\",\n"
  "      \"chair\": \"PER-3\", \"attendees\": [\"PER-3\", \"PER-1\", \"PER-2\"] }\n"
  "  ]\n"
  "}\n";

static KeelWorkspace *
load_sample (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GBytes) bytes = g_bytes_new_static (sample, sizeof sample - 1);
  g_autoptr(GError) error = NULL;

  keel_workspace_load_bytes (workspace, bytes, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&workspace);
}

static KeelRecord *
part_of (KeelRecord *record,
         const char *key,
         guint       index)
{
  GListModel *children = G_LIST_MODEL (keel_record_get_children (record, key));
  g_autoptr(KeelRecord) child = g_list_model_get_item (children, index);

  return child;
}

static void
test_resolve (void)
{
  g_autoptr(KeelWorkspace) workspace = load_sample ();
  KeelRecord *policy = keel_workspace_lookup (workspace, "POL-1");
  KeelRecord *part = NULL;
  char *key = NULL;
  const char *bad[] = {
    "", "title", "nope", "versions", "versions.author", "versions[0].author",
    "versions[3].author", "versions[1]", "versions[1].approval", "versions[1].approval[1].by",
    "versions[x].author", "versions[1.author", "owner[1]", "versions[1].approval.on",
  };

  g_assert_true (keel_reference_resolve (policy, "owner", &part, &key));
  g_assert_true (part == policy);
  g_assert_cmpstr (key, ==, "owner");
  g_clear_pointer (&key, g_free);

  g_assert_true (keel_reference_resolve (policy, "versions[2].author", &part, &key));
  g_assert_true (part == part_of (policy, "versions", 1));
  g_assert_cmpstr (key, ==, "author");
  g_clear_pointer (&key, g_free);

  g_assert_true (keel_reference_resolve (policy, "versions[1].approval.by", &part, &key));
  g_assert_true (part == keel_record_get_child (part_of (policy, "versions", 0), "approval"));
  g_assert_cmpstr (key, ==, "by");
  g_clear_pointer (&key, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("path “%s”", bad[i]);
      g_assert_false (keel_reference_resolve (policy, bad[i], &part, &key));
      g_assert_null (key);
    }
}

/* Every path keel_workspace_find_references() reports can be followed */
static void
test_resolve_found (void)
{
  g_autoptr(KeelWorkspace) workspace = load_sample ();
  g_autoptr(GPtrArray) references = keel_workspace_find_references (workspace, "PER-1");

  /* owner, versions[1].approval.by, versions[2].author, chair, attendees
   * (MR-2026-01), attendees (MR-2026-02) */
  g_assert_cmpuint (references->len, ==, 6);

  for (guint i = 0; i < references->len; i++)
    {
      KeelReference *reference = g_ptr_array_index (references, i);
      g_autofree char *key = NULL;
      KeelRecord *part = NULL;

      g_assert_true (keel_reference_resolve (reference->record, reference->field, &part, &key));
    }
}

static void
test_reassign (void)
{
  g_autoptr(KeelWorkspace) workspace = load_sample ();
  g_autoptr(GPtrArray) left = NULL;
  KeelRecord *policy = keel_workspace_lookup (workspace, "POL-1");
  KeelRecord *q1 = keel_workspace_lookup (workspace, "MR-2026-01");
  KeelRecord *q2 = keel_workspace_lookup (workspace, "MR-2026-02");
  KeelRecord *v1 = part_of (policy, "versions", 0);
  KeelRecord *v2 = part_of (policy, "versions", 1);
  const char *q1_attendees[] = { "PER-2", "PER-3", NULL };
  const char *q2_attendees[] = { "PER-3", "PER-2", NULL };

  g_assert_true (keel_workspace_reassign_references (workspace, "PER-1", "PER-2"));

  left = keel_workspace_find_references (workspace, "PER-1");
  g_assert_cmpuint (left->len, ==, 0);

  g_assert_cmpstr (keel_record_get_string (policy, "owner"), ==, "PER-2");
  g_assert_cmpstr (keel_record_get_string (v1, "author"), ==, "PER-2");
  g_assert_cmpstr (keel_record_get_string (keel_record_get_child (v1, "approval"), "by"), ==, "PER-2");
  g_assert_cmpstr (keel_record_get_string (v2, "author"), ==, "PER-2");
  g_assert_cmpstr (keel_record_get_string (q1, "chair"), ==, "PER-2");
  /* replaced in place */
  g_assert_cmpstrv (keel_record_get_strv (q1, "attendees"), q1_attendees);
  /* PER-2 attended already: listed once */
  g_assert_cmpstrv (keel_record_get_strv (q2, "attendees"), q2_attendees);
  g_assert_cmpstr (keel_record_get_string (q2, "chair"), ==, "PER-3");

  /* Nobody refers to PER-1 any more: nothing to do, and done */
  g_assert_true (keel_workspace_reassign_references (workspace, "PER-1", "PER-3"));
  g_assert_cmpstr (keel_record_get_string (policy, "owner"), ==, "PER-2");
}

static void
test_snapshot_restore (void)
{
  g_autoptr(KeelWorkspace) workspace = load_sample ();
  g_autoptr(GPtrArray) references = keel_workspace_find_references (workspace, "PER-1");
  g_autoptr(KeelReferenceSnapshot) snapshot = keel_reference_snapshot_new (references);
  g_autoptr(GBytes) before = keel_workspace_serialize (workspace);
  g_autoptr(GBytes) during = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_true (keel_workspace_reassign_references (workspace, "PER-1", "PER-2"));
  during = keel_workspace_serialize (workspace);
  g_assert_false (g_bytes_equal (before, during));

  keel_reference_snapshot_restore (snapshot);
  after = keel_workspace_serialize (workspace);
  g_assert_true (g_bytes_equal (before, after));

  again = keel_workspace_find_references (workspace, "PER-1");
  g_assert_cmpuint (again->len, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/keel/references/resolve", test_resolve);
  g_test_add_func ("/keel/references/resolve-found", test_resolve_found);
  g_test_add_func ("/keel/references/reassign", test_reassign);
  g_test_add_func ("/keel/references/snapshot-restore", test_snapshot_restore);

  return g_test_run ();
}
