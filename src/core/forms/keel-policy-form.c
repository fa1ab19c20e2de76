/* keel-policy-form.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policy-form"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-form-util.h"
#include "keel-person.h"
#include "keel-policy.h"
#include "keel-policy-form.h"
#include "keel-policy-version.h"
#include "keel-sign-off.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static const char * const field_keys[KEEL_POLICY_FORM_N_FIELDS] = {
  [KEEL_POLICY_FORM_TITLE] = "title",
  [KEEL_POLICY_FORM_OWNER] = "owner",
  [KEEL_POLICY_FORM_SUMMARY] = "summary",
  [KEEL_POLICY_FORM_NEXT_REVIEW] = "next_review",
};

static char *
dup_trimmed (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

static GListModel *
versions_of (KeelRecord *policy)
{
  return G_LIST_MODEL (keel_record_get_children (policy, "versions"));
}

static GDateTime *
approval_date (KeelRecord *version)
{
  KeelRecord *approval = keel_record_get_child (version, "approval");

  return approval ? keel_record_get_date (approval, "on") : NULL;
}

/* The latest approval date of any signed version, or NULL */
static GDateTime *
latest_approval (KeelRecord *policy)
{
  GListModel *versions = versions_of (policy);
  GDateTime *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(KeelRecord) version = g_list_model_get_item (versions, i);

      if (keel_policy_version_is_signed (version) &&
          keel_date_compare (approval_date (version), latest) > 0)
        latest = approval_date (version);
    }

  return latest;
}

static KeelRecord *
highest_version (KeelRecord *policy,
                 gboolean    signed_only)
{
  GListModel *versions = versions_of (policy);
  KeelRecord *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(KeelRecord) version = g_list_model_get_item (versions, i);

      if (signed_only && !keel_policy_version_is_signed (version))
        continue;

      if (best == NULL ||
          keel_policy_version_compare (keel_record_get_string (version, "version"),
                                       keel_record_get_string (best, "version")) >= 0)
        best = version;
    }

  /* The policy's list holds a reference */
  return best;
}

/* ------------------------------------------------------------------------ */
/* Policy form                                                              */
/* ------------------------------------------------------------------------ */

KeelPolicyForm *
keel_policy_form_new (void)
{
  return g_new0 (KeelPolicyForm, 1);
}

/**
 * keel_policy_form_new_from_record:
 *
 * Returns: (transfer full): a form with @policy's fields as text
 */
KeelPolicyForm *
keel_policy_form_new_from_record (KeelRecord *policy)
{
  KeelPolicyForm *form;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  form = keel_policy_form_new ();
  keel_form_values_load (form->values, KEEL_POLICY_FORM_N_FIELDS, policy, field_keys);

  return form;
}

void
keel_policy_form_free (KeelPolicyForm *form)
{
  if (form == NULL)
    return;

  keel_form_values_clear (form->values, KEEL_POLICY_FORM_N_FIELDS);
  g_free (form);
}

const char *
keel_policy_form_get (const KeelPolicyForm *form,
                      KeelPolicyFormField   field)
{
  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (field < KEEL_POLICY_FORM_N_FIELDS, NULL);

  return form->values[field];
}

gboolean
keel_policy_form_set (KeelPolicyForm      *form,
                      KeelPolicyFormField  field,
                      const char          *text)
{
  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (field < KEEL_POLICY_FORM_N_FIELDS, FALSE);

  return keel_form_value_set (&form->values[field], text);
}

static void
set_error (KeelPolicyFormValidation *v,
           KeelPolicyFormField       field,
           const char               *message)
{
  keel_form_error_set (v->errors, &v->n_errors, field, message);
}

/**
 * keel_policy_form_validate:
 *
 * Returns: (transfer full): the errors per field and whether Save is allowed
 */
KeelPolicyFormValidation *
keel_policy_form_validate (const KeelPolicyForm *form,
                           KeelRecord           *policy)
{
  g_autofree char *title = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *review_text = NULL;
  KeelPolicyFormValidation *v;

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (!policy || KEEL_IS_POLICY (policy), NULL);

  v = g_new0 (KeelPolicyFormValidation, 1);
  title = dup_trimmed (form->values[KEEL_POLICY_FORM_TITLE]);
  owner = dup_trimmed (form->values[KEEL_POLICY_FORM_OWNER]);
  review_text = dup_trimmed (form->values[KEEL_POLICY_FORM_NEXT_REVIEW]);

  if (title == NULL)
    set_error (v, KEEL_POLICY_FORM_TITLE, _("Give the policy a title"));

  if (owner == NULL)
    set_error (v, KEEL_POLICY_FORM_OWNER, _("Choose who owns this policy"));

  if (review_text != NULL)
    {
      g_autoptr(GDateTime) review = keel_date_parse (review_text);
      GDateTime *approved = policy ? latest_approval (policy) : NULL;

      if (review == NULL)
        set_error (v, KEEL_POLICY_FORM_NEXT_REVIEW,
                   _("Write the next review as a real date, like 2027-03-31"));
      else if (approved != NULL && keel_date_compare (review, approved) < 0)
        {
          g_autofree char *approved_text = keel_date_format (approved);
          g_autofree char *message =
            g_strdup_printf (_("The next review cannot come before the last approval on %s"),
                             approved_text);

          set_error (v, KEEL_POLICY_FORM_NEXT_REVIEW, message);
        }
    }

  v->can_save = (v->n_errors == 0);

  return v;
}

void
keel_policy_form_validation_free (KeelPolicyFormValidation *validation)
{
  if (validation == NULL)
    return;

  keel_form_values_clear (validation->errors, KEEL_POLICY_FORM_N_FIELDS);
  g_free (validation);
}

gboolean
keel_policy_form_apply (const KeelPolicyForm *form,
                        KeelRecord           *policy)
{
  g_autoptr(KeelPolicyFormValidation) validation = NULL;
  g_autoptr(GDateTime) review = NULL;
  g_autofree char *title = NULL;
  g_autofree char *owner = NULL;
  const char *summary;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (KEEL_IS_POLICY (policy), FALSE);

  validation = keel_policy_form_validate (form, policy);
  if (!validation->can_save)
    return FALSE;

  title = dup_trimmed (form->values[KEEL_POLICY_FORM_TITLE]);
  owner = dup_trimmed (form->values[KEEL_POLICY_FORM_OWNER]);
  summary = form->values[KEEL_POLICY_FORM_SUMMARY];
  review = keel_form_parse_date (form->values[KEEL_POLICY_FORM_NEXT_REVIEW]);

  g_object_freeze_notify (G_OBJECT (policy));
  keel_record_set_string (policy, "title", title);
  keel_record_set_string (policy, "owner", owner);
  /* The summary keeps its paragraphs; only a blank one is cleared */
  {
    g_autofree char *trimmed = dup_trimmed (summary);

    keel_record_set_string (policy, "summary", trimmed ? summary : NULL);
  }
  keel_record_set_date (policy, "next_review", review);
  g_object_thaw_notify (G_OBJECT (policy));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Version numbers                                                          */
/* ------------------------------------------------------------------------ */

gboolean
keel_policy_version_is_valid_number (const char *text)
{
  gboolean digit = FALSE;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == '.' && digit)
        digit = FALSE;
      else
        return FALSE;
    }

  /* Not "1." */
  return digit;
}

int
keel_policy_version_compare (const char *a,
                             const char *b)
{
  const char *pa = a ? a : "";
  const char *pb = b ? b : "";

  if (!keel_policy_version_is_valid_number (pa) || !keel_policy_version_is_valid_number (pb))
    {
      /* Numbers sort after text that is not one */
      gboolean va = keel_policy_version_is_valid_number (pa);
      gboolean vb = keel_policy_version_is_valid_number (pb);

      if (va != vb)
        return va ? 1 : -1;
      return g_strcmp0 (pa, pb) < 0 ? -1 : g_strcmp0 (pa, pb) > 0;
    }

  while (*pa || *pb)
    {
      char *end_a = NULL;
      char *end_b = NULL;
      guint64 na = *pa ? g_ascii_strtoull (pa, &end_a, 10) : 0;
      guint64 nb = *pb ? g_ascii_strtoull (pb, &end_b, 10) : 0;

      if (na != nb)
        return na < nb ? -1 : 1;

      pa = end_a ? end_a : pa;
      pb = end_b ? end_b : pb;
      if (*pa == '.')
        pa++;
      if (*pb == '.')
        pb++;
    }

  return 0;
}

/**
 * keel_policy_suggest_version:
 *
 * Returns: (transfer full): the number to offer for a new version
 */
char *
keel_policy_suggest_version (KeelRecord *policy)
{
  g_auto(GStrv) parts = NULL;
  KeelRecord *latest;
  const char *number;
  guint n;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  latest = keel_policy_latest_version (policy);
  number = latest ? keel_record_get_string (latest, "version") : NULL;

  if (!keel_policy_version_is_valid_number (number))
    return g_strdup ("1.0");

  parts = g_strsplit (number, ".", -1);
  n = g_strv_length (parts);

  if (n == 1)
    return g_strdup_printf ("%s.1", number);

  {
    guint64 last = g_ascii_strtoull (parts[n - 1], NULL, 10);

    g_free (parts[n - 1]);
    parts[n - 1] = g_strdup_printf ("%" G_GUINT64_FORMAT, last + 1);
  }

  return g_strjoinv (".", parts);
}

KeelRecord *
keel_policy_latest_version (KeelRecord *policy)
{
  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  return highest_version (policy, FALSE);
}

KeelRecord *
keel_policy_current_version (KeelRecord *policy)
{
  KeelRecord *version;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  if ((version = highest_version (policy, TRUE)) != NULL)
    return version;

  return highest_version (policy, FALSE);
}

/* ------------------------------------------------------------------------ */
/* New version                                                              */
/* ------------------------------------------------------------------------ */

/**
 * keel_policy_version_form_new_for:
 *
 * Returns: (transfer full): a form with the suggested number and today
 */
KeelPolicyVersionForm *
keel_policy_version_form_new_for (KeelRecord *policy,
                                  const char *author)
{
  g_autoptr(GDateTime) today = keel_date_today ();
  KeelPolicyVersionForm *form;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  form = g_new0 (KeelPolicyVersionForm, 1);
  form->version = keel_policy_suggest_version (policy);
  form->date = keel_date_format (today);
  form->author = g_strdup (author);

  return form;
}

void
keel_policy_version_form_free (KeelPolicyVersionForm *form)
{
  if (form == NULL)
    return;

  g_free (form->version);
  g_free (form->date);
  g_free (form->author);
  g_free (form->description);
  g_free (form);
}

/**
 * keel_policy_version_form_validate:
 *
 * Returns: (transfer full): the errors and whether the version can be added
 */
KeelPolicyVersionValidation *
keel_policy_version_form_validate (const KeelPolicyVersionForm *form,
                                   KeelRecord                  *policy)
{
  g_autofree char *number = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *author = NULL;
  KeelPolicyVersionValidation *v;
  KeelRecord *latest;

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  v = g_new0 (KeelPolicyVersionValidation, 1);
  number = dup_trimmed (form->version);
  date_text = dup_trimmed (form->date);
  author = dup_trimmed (form->author);
  latest = keel_policy_latest_version (policy);

  if (number == NULL)
    v->version_error = g_strdup (_("Give the version a number, like 1.1"));
  else if (!keel_policy_version_is_valid_number (number))
    v->version_error = g_strdup (_("Write the version as numbers and dots, like 1.1 or 2.0"));
  else if (latest != NULL &&
           keel_policy_version_compare (number, keel_record_get_string (latest, "version")) <= 0)
    v->version_error = g_strdup_printf (_("The new version must be higher than %s"),
                                        keel_record_get_string (latest, "version"));

  if (date_text == NULL)
    v->date_error = g_strdup (_("Give the date of this version"));
  else
    {
      g_autoptr(GDateTime) date = keel_date_parse (date_text);

      if (date == NULL)
        v->date_error = g_strdup (_("Write the date as a real date, like 2026-03-31"));
    }

  if (author == NULL)
    v->author_error = g_strdup (_("Choose who wrote this version"));

  v->can_save = v->version_error == NULL && v->date_error == NULL && v->author_error == NULL;

  return v;
}

void
keel_policy_version_validation_free (KeelPolicyVersionValidation *validation)
{
  if (validation == NULL)
    return;

  g_free (validation->version_error);
  g_free (validation->date_error);
  g_free (validation->author_error);
  g_free (validation);
}

KeelRecord *
keel_policy_add_version (KeelRecord                   *policy,
                         const KeelPolicyVersionForm  *form,
                         GError                      **error)
{
  g_autoptr(KeelPolicyVersionValidation) v = NULL;
  g_autoptr(KeelRecord) version = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *author = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);
  g_return_val_if_fail (form != NULL, NULL);

  v = keel_policy_version_form_validate (form, policy);
  if (!v->can_save)
    {
      g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           v->version_error ? v->version_error :
                           v->date_error ? v->date_error : v->author_error);
      return NULL;
    }

  number = dup_trimmed (form->version);
  author = dup_trimmed (form->author);
  description = dup_trimmed (form->description);
  date = keel_form_parse_date (form->date);

  version = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
  keel_record_set_string (version, "version", number);
  keel_record_set_date (version, "date", date);
  keel_record_set_string (version, "author", author);
  keel_record_set_string (version, "description", description ? form->description : NULL);

  g_list_store_append (keel_record_get_children (policy, "versions"), version);

  return version;
}

/* ------------------------------------------------------------------------ */
/* Sign-off                                                                 */
/* ------------------------------------------------------------------------ */

gboolean
keel_policy_version_is_signed (KeelRecord *version)
{
  KeelRecord *approval;

  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), FALSE);

  approval = keel_record_get_child (version, "approval");

  return approval != NULL &&
         keel_record_is_set (approval, "by") &&
         keel_record_is_set (approval, "on");
}

gboolean
keel_policy_version_check_editable (KeelRecord  *version,
                                    GError     **error)
{
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), FALSE);

  if (keel_policy_version_is_signed (version))
    {
      g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           _("Signed versions cannot be changed; create a new version"));
      return FALSE;
    }

  return TRUE;
}

gboolean
keel_policy_version_set_description (KeelRecord  *version,
                                     const char  *description,
                                     GError     **error)
{
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), FALSE);

  if (!keel_policy_version_check_editable (version, error))
    return FALSE;

  keel_record_set_string (version, "description", description);

  return TRUE;
}

gboolean
keel_policy_check_approver (KeelRecord  *person,
                            GError     **error)
{
  if (person == NULL || !KEEL_IS_PERSON (person))
    {
      g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           _("Choose the person from top management who approves the policy"));
      return FALSE;
    }

  if (!keel_record_get_boolean (person, "top_management"))
    {
      const char *name = keel_record_get_string (person, "name");

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                   _("%s is not marked as top management; only top management can approve a policy"),
                   name ? name : keel_record_get_id (person));
      return FALSE;
    }

  return TRUE;
}

/**
 * keel_policy_list_approvers:
 *
 * Returns: (transfer container) (element-type KeelRecord): the people
 *   marked top management, in @people's order
 */
GPtrArray *
keel_policy_list_approvers (GListModel *people)
{
  GPtrArray *approvers = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (people), approvers);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KeelRecord) person = g_list_model_get_item (people, i);

      if (KEEL_IS_PERSON (person) && keel_record_get_boolean (person, "top_management"))
        g_ptr_array_add (approvers, g_steal_pointer (&person));
    }

  return approvers;
}

GDateTime *
keel_policy_default_next_review (GDateTime *approved_on)
{
  g_return_val_if_fail (approved_on != NULL, NULL);

  return keel_date_add_months (approved_on, 12);
}

static gboolean
policy_has_version (KeelRecord *policy,
                    KeelRecord *version)
{
  GListModel *versions = versions_of (policy);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(KeelRecord) item = g_list_model_get_item (versions, i);

      if (item == version)
        return TRUE;
    }

  return FALSE;
}

gboolean
keel_policy_check_sign_off (KeelRecord  *policy,
                            KeelRecord  *version,
                            KeelRecord  *approver,
                            GDateTime   *on,
                            GError     **error)
{
  g_autoptr(GDateTime) today = keel_date_today ();
  GDateTime *version_date;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), FALSE);

  if (on == NULL)
    on = today;

  if (!policy_has_version (policy, version))
    {
      g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_NOT_FOUND,
                           _("This version does not belong to the policy"));
      return FALSE;
    }

  if (keel_policy_version_is_signed (version))
    {
      g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           _("This version is already signed off; create a new version"));
      return FALSE;
    }

  if (!keel_policy_check_approver (approver, error))
    return FALSE;

  version_date = keel_record_get_date (version, "date");
  if (version_date != NULL && keel_date_compare (on, version_date) < 0)
    {
      g_autofree char *date_text = keel_date_format (version_date);

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                   _("The approval cannot come before the version itself, dated %s"),
                   date_text);
      return FALSE;
    }

  if (keel_date_compare (on, today) > 0)
    {
      g_set_error_literal (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           _("The approval cannot be dated in the future"));
      return FALSE;
    }

  return TRUE;
}

gboolean
keel_policy_sign_off (KeelRecord  *policy,
                      KeelRecord  *version,
                      KeelRecord  *approver,
                      GDateTime   *on,
                      GError     **error)
{
  g_autoptr(GDateTime) today = keel_date_today ();
  g_autoptr(GDateTime) review = NULL;
  g_autoptr(KeelRecord) approval = NULL;
  GDateTime *current_review;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), FALSE);

  if (on == NULL)
    on = today;

  if (!keel_policy_check_sign_off (policy, version, approver, on, error))
    return FALSE;

  approval = g_object_new (KEEL_TYPE_SIGN_OFF, NULL);
  keel_record_set_string (approval, "by", keel_record_get_id (approver));
  keel_record_set_date (approval, "on", on);
  keel_record_set_child (version, "approval", approval);

  review = keel_policy_default_next_review (on);
  current_review = keel_record_get_date (policy, "next_review");
  if (keel_date_compare (current_review, review) <= 0)
    keel_record_set_date (policy, "next_review", review);

  return TRUE;
}

gboolean
keel_policy_is_review_overdue (KeelRecord *policy,
                               GDateTime  *today)
{
  g_autoptr(GDateTime) today_owned = NULL;
  GDateTime *review;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), FALSE);

  review = keel_record_get_date (policy, "next_review");
  if (review == NULL)
    return FALSE;

  if (today == NULL)
    today = today_owned = keel_date_today ();

  return keel_date_compare (review, today) < 0;
}
