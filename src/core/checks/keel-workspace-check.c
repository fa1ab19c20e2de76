/* keel-workspace-check.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace-check"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "keel-evidence-store.h"
#include "keel-io.h"
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

/* One evidence file to look at: what the record says */
typedef struct
{
  char *id;
  char *path;
  char *sha256;
} EvidenceJob;

static void
evidence_job_free (EvidenceJob *job)
{
  g_free (job->id);
  g_free (job->path);
  g_free (job->sha256);
  g_free (job);
}

typedef struct
{
  GFile     *folder;
  GPtrArray *jobs;       /* of EvidenceJob */
  GPtrArray *errors;     /* references, then evidence */
  GPtrArray *warnings;   /* required fields */
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->folder);
  g_clear_pointer (&data->jobs, g_ptr_array_unref);
  g_clear_pointer (&data->errors, g_ptr_array_unref);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_free (data);
}

static gboolean
is_lower_hex (const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;

  return text[length] == '\0' || text[length] == '.' || text[length] == '/';
}

/* Whether @path is a name Keel gives an evidence file: evidence/ab/ab…ef
 * with the file's SHA-256 (64 lower-case hex digits, the first two also
 * naming the folder), and an optional extension of letters and digits.
 * Nothing else is ever opened. */
static gboolean
is_evidence_path (const char *path,
                  const char *sha256)
{
  const char *folder = KEEL_EVIDENCE_FOLDER "/";
  const char *p;
  gsize ext = 0;

  if (!g_str_has_prefix (path, folder))
    return FALSE;
  p = path + strlen (folder);

  if (!is_lower_hex (p, 2) || p[2] != '/')
    return FALSE;
  if (!is_lower_hex (p + 3, 64) || strncmp (p, p + 3, 2) != 0)
    return FALSE;
  if (sha256 != NULL && strncmp (p + 3, sha256, 64) != 0)
    return FALSE;

  p += 3 + 64;
  if (*p == '\0')
    return TRUE;
  if (*p++ != '.')
    return FALSE;
  for (; p[ext] != '\0'; ext++)
    if (!g_ascii_isalnum (p[ext]))
      return FALSE;

  return ext > 0 && ext <= 16;
}

/* Collects, on the thread that owns the records, the evidence files to
 * look at; a path that is not an evidence path is a problem at once */
static void
collect_evidence (KeelWorkspace *self,
                  GPtrArray     *jobs,
                  GPtrArray     *problems)
{
  GListModel *model = keel_workspace_get_records (self, KEEL_TYPE_EVIDENCE);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KeelRecord) evidence = g_list_model_get_item (model, i);
      KeelRecord *file = keel_record_get_child (evidence, "file");
      const char *id = keel_record_get_id (evidence);
      const char *sha;
      const char *path;
      EvidenceJob *job;

      if (file == NULL)
        continue;

      sha = keel_record_get_string (file, "sha256");
      path = keel_record_get_string (file, "path");
      if (path == NULL)
        continue;

      if (!is_evidence_path (path, sha))
        {
          g_autofree char *shown = g_strescape (path, NULL);

          add_problem (problems, KEEL_PROBLEM_ERROR, id, "file",
                       g_strdup_printf (_("%s: the evidence file path “%.200s” is not one Keel "
                                          "gives (evidence/ab/ab…, named by the file’s "
                                          "SHA-256); it was not opened"),
                                        id, shown));
          continue;
        }

      job = g_new0 (EvidenceJob, 1);
      job->id = g_strdup (id);
      job->path = g_strdup (path);
      job->sha256 = g_strdup (sha);
      g_ptr_array_add (jobs, job);
    }
}

/* Opens each evidence file once, inside the workspace and without
 * following a link, checks what was opened, and hashes it in pieces. Runs
 * on any thread. */
static void
check_evidence_files (GFile        *folder,
                      GPtrArray    *jobs,
                      GPtrArray    *problems,
                      GCancellable *cancellable)
{
  const char *root = g_file_peek_path (folder);

  for (guint i = 0; i < jobs->len; i++)
    {
      EvidenceJob *job = jobs->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *actual = NULL;
      int fd;

      if (g_cancellable_is_cancelled (cancellable))
        return;

      fd = root ? keel_io_open_beneath (root, job->path, KEEL_IO_MAX_EVIDENCE, NULL, &error) : -1;
      if (fd < 0)
        {
          if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            add_problem (problems, KEEL_PROBLEM_ERROR, job->id, "file",
                         g_strdup_printf (_("%s: the evidence file %s is missing"),
                                          job->id, job->path));
          else
            add_problem (problems, KEEL_PROBLEM_ERROR, job->id, "file",
                         g_strdup_printf (_("%s: the evidence file %s cannot be checked: %s"),
                                          job->id, job->path, error->message));
          continue;
        }

      if (job->sha256 != NULL)
        actual = keel_io_sha256_fd (fd, NULL);
      close (fd);

      if (job->sha256 != NULL && g_strcmp0 (actual, job->sha256) != 0)
        add_problem (problems, KEEL_PROBLEM_ERROR, job->id, "file",
                     g_strdup_printf (_("%s: the evidence file %s does not match its "
                                        "SHA-256; it was changed or damaged"),
                                      job->id, job->path));
    }
}

/* Everything but the evidence files' contents, on the records' thread */
static CheckData *
check_records (KeelWorkspace *self)
{
  CheckData *data = g_new0 (CheckData, 1);
  Check check = { self, NULL };
  const GType *kinds;
  guint n_kinds;

  data->folder = g_object_ref (keel_workspace_get_folder (self));
  data->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_job_free);
  data->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) keel_problem_free);
  data->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) keel_problem_free);

  check.problems = data->errors;
  _keel_workspace_for_each_ref (self, check_ref_cb, &check);
  collect_evidence (self, data->jobs, data->errors);

  kinds = keel_workspace_get_kinds (&n_kinds);
  check_required (data->warnings, KEEL_RECORD (keel_workspace_get_organisation (self)),
                  KEEL_RECORD (keel_workspace_get_organisation (self)), NULL);
  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = keel_workspace_get_records (self, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
          check_required (data->warnings, record, record, NULL);
        }
    }

  return data;
}

/* Errors first, each in file order */
static GPtrArray *
problems_of (CheckData *data)
{
  GPtrArray *problems = g_steal_pointer (&data->errors);

  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&data->warnings));

  return problems;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;

  check_evidence_files (data->folder, data->jobs, data->errors, cancellable);

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, problems_of (data), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * keel_workspace_check:
 *
 * Looks for what is broken (references to records that do not exist,
 * evidence files missing or changed) and what is incomplete (required
 * fields left empty). It reads every evidence file: the window calls
 * keel_workspace_check_async().
 *
 * Returns: (transfer full) (element-type KeelProblem): the problems, errors
 *   first, each in file order
 */
GPtrArray *
keel_workspace_check (KeelWorkspace *self)
{
  CheckData *data;
  GPtrArray *problems;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self),
                        g_ptr_array_new_with_free_func ((GDestroyNotify) keel_problem_free));

  data = check_records (self);
  check_evidence_files (data->folder, data->jobs, data->errors, NULL);
  problems = problems_of (data);
  check_data_free (data);

  return problems;
}

/**
 * keel_workspace_check_async:
 *
 * keel_workspace_check(), with the evidence files read and hashed on a
 * worker thread. The records are looked at before this returns.
 */
void
keel_workspace_check_async (KeelWorkspace       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, keel_workspace_check_async);
  g_task_set_task_data (task, check_records (self), (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * keel_workspace_check_finish:
 *
 * Returns: (transfer full) (element-type KeelProblem): as
 *   keel_workspace_check(), or %NULL if cancelled
 */
GPtrArray *
keel_workspace_check_finish (KeelWorkspace  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
