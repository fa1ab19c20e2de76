/* keel-workspace-check.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-records.h"
#include "keel-workspace-private.h"

/* What is broken in a workspace (references to records that do not exist
 * or are of the wrong kind, evidence files missing or changed) and what is
 * incomplete (required fields left empty). */

/* ------------------------------------------------------------------------ */
/* Problems and references                                                  */
/* ------------------------------------------------------------------------ */

void
keel_problem_free (KeelProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->id);
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray        *problems,
             KeelProblemLevel  level,
             const char       *id,
             const char       *field,
             char             *message)
{
  KeelProblem *problem = g_new0 (KeelProblem, 1);

  problem->level = level;
  problem->id = g_strdup (id);
  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static char *
sha256_of (const char *data,
           gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

typedef struct
{
  KeelWorkspace *self;
  GPtrArray     *problems;
} Check;

static void
check_ref_cb (KeelRecord      *top,
              KeelRecord      *part,
              const KeelField *field,
              const char      *path,
              const char      *target,
              gpointer         user_data)
{
  Check *check = user_data;
  KeelRecord *found = keel_workspace_lookup (check->self, target);

  if (found == NULL)
    add_problem (check->problems, KEEL_PROBLEM_ERROR, keel_record_get_id (top), path,
                 g_strdup_printf (_("%s, field “%s”: refers to %s, which does not exist"),
                                  keel_record_get_id (top), path, target));
  else if (field->ref_kind != NULL && g_strcmp0 (keel_record_get_kind (found), field->ref_kind) != 0)
    add_problem (check->problems, KEEL_PROBLEM_ERROR, keel_record_get_id (top), path,
                 g_strdup_printf (_("%s, field “%s”: refers to %s, which is a %s, not a %s"),
                                  keel_record_get_id (top), path, target,
                                  keel_record_get_kind (found), field->ref_kind));
}

static void
check_required (GPtrArray  *problems,
                KeelRecord *top,
                KeelRecord *record,
                const char *prefix)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (record);
  const char *id = keel_record_get_id (top);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      g_autofree char *path = prefix ? g_strdup_printf ("%s.%s", prefix, field->key)
                                     : g_strdup (field->key);

      if ((field->flags & KEEL_FIELD_REQUIRED) && !keel_record_is_set (record, field->key))
        add_problem (problems, KEEL_PROBLEM_WARNING, id, path,
                     g_strdup_printf (_("%s: “%s” (%s) is empty"),
                                      id ? id : _("organisation"), path, _(field->label)));

      if (field->type == KEEL_FIELD_CHILD && keel_record_get_child (record, field->key))
        check_required (problems, top, keel_record_get_child (record, field->key), path);

      if (field->type == KEEL_FIELD_CHILDREN)
        {
          GListModel *model = G_LIST_MODEL (keel_record_get_children (record, field->key));

          for (guint j = 0; j < g_list_model_get_n_items (model); j++)
            {
              g_autoptr(KeelRecord) child = g_list_model_get_item (model, j);
              g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, j + 1);

              check_required (problems, top, child, child_path);
            }
        }
    }
}

static void
check_evidence_files (KeelWorkspace *self,
                      GPtrArray     *problems)
{
  GListModel *model = keel_workspace_get_records (self, KEEL_TYPE_EVIDENCE);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KeelRecord) evidence = g_list_model_get_item (model, i);
      KeelRecord *file = keel_record_get_child (evidence, "file");
      const char *sha;
      const char *path;
      g_autofree char *full = NULL;

      if (file == NULL)
        continue;

      sha = keel_record_get_string (file, "sha256");
      path = keel_record_get_string (file, "path");
      if (path == NULL)
        continue;

      full = g_build_filename (g_file_peek_path (keel_workspace_get_folder (self)), path, NULL);
      if (!g_file_test (full, G_FILE_TEST_IS_REGULAR))
        add_problem (problems, KEEL_PROBLEM_ERROR, keel_record_get_id (evidence), "file",
                     g_strdup_printf (_("%s: the evidence file %s is missing"),
                                      keel_record_get_id (evidence), path));
      else if (sha != NULL)
        {
          g_autofree char *contents = NULL;
          g_autofree char *actual = NULL;
          gsize length = 0;

          if (g_file_get_contents (full, &contents, &length, NULL))
            actual = sha256_of (contents, length);
          if (g_strcmp0 (actual, sha) != 0)
            add_problem (problems, KEEL_PROBLEM_ERROR, keel_record_get_id (evidence), "file",
                         g_strdup_printf (_("%s: the evidence file %s does not match its "
                                            "SHA-256; it was changed or damaged"),
                                          keel_record_get_id (evidence), path));
        }
    }
}

/**
 * keel_workspace_check:
 *
 * Looks for what is broken (references to records that do not exist,
 * evidence files missing or changed) and what is incomplete (required
 * fields left empty).
 *
 * Returns: (transfer full) (element-type KeelProblem): the problems, errors
 *   first, each in file order
 */
GPtrArray *
keel_workspace_check (KeelWorkspace *self)
{
  Check check = { self, g_ptr_array_new_with_free_func ((GDestroyNotify) keel_problem_free) };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) keel_problem_free);
  const GType *kinds;
  guint n_kinds;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), check.problems);

  kinds = keel_workspace_get_kinds (&n_kinds);

  _keel_workspace_for_each_ref (self, check_ref_cb, &check);
  check_evidence_files (self, check.problems);

  check_required (warnings, KEEL_RECORD (keel_workspace_get_organisation (self)), KEEL_RECORD (keel_workspace_get_organisation (self)), NULL);
  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = keel_workspace_get_records (self, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
          check_required (warnings, record, record, NULL);
        }
    }

  g_ptr_array_extend_and_steal (check.problems, g_steal_pointer (&warnings));

  return check.problems;
}
