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
      GDateTime *approved = policy ? keel_policy_get_latest_approval (policy) : NULL;

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

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  v = g_new0 (KeelPolicyVersionValidation, 1);
  number = dup_trimmed (form->version);
  date_text = dup_trimmed (form->date);
  author = dup_trimmed (form->author);

  if (number == NULL)
    v->version_error = g_strdup (_("Give the version a number, like 1.1"));
  else
    v->version_error = keel_policy_new_version_error (policy, number);

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
