/* keel-policy.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policy"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-person.h"
#include "keel-policy-version.h"
#include "keel-policy.h"
#include "keel-sign-off.h"

/* Policy: a record kind of keel.json ("policies"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "summary", KEEL_FIELD_STRING, N_("Summary"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "versions", KEEL_FIELD_CHILDREN, N_("Versions"), NULL, keel_policy_version_get_type, 0 },
  { "next_review", KEEL_FIELD_DATE, N_("Next review"), NULL, NULL, 0 },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

static const KeelKind kind = {
  .name = "policy",
  .collection = "policies",
  .id_prefix = "POL",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Policy"),
  .plural_label = N_("Policies"),
  .get_type = keel_policy_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelPolicy, keel_policy, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

/* The policy's rules, on its values: see keel-policy.h */

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
GDateTime *
keel_policy_get_latest_approval (KeelRecord *policy)
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


/**
 * keel_policy_new_version_error:
 *
 * Returns: (nullable) (transfer full): why @number cannot be the number of
 *   a new version of @policy, or NULL when it can
 */
char *
keel_policy_new_version_error (KeelRecord *policy,
                               const char *number)
{
  KeelRecord *latest;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  if (number == NULL || number[0] == '\0')
    return g_strdup (_("Give the version a number, like 1.1"));
  if (!keel_policy_version_is_valid_number (number))
    return g_strdup (_("Write the version as numbers and dots, like 1.1 or 2.0"));

  latest = keel_policy_latest_version (policy);
  if (latest != NULL &&
      keel_policy_version_compare (number, keel_record_get_string (latest, "version")) <= 0)
    return g_strdup_printf (_("The new version must be higher than %s"),
                            keel_record_get_string (latest, "version"));

  return NULL;
}

/**
 * keel_policy_review_error:
 *
 * Returns: (nullable) (transfer full): why @policy's next review date does
 *   not go with its approvals, or NULL
 */
char *
keel_policy_review_error (KeelRecord *policy)
{
  GDateTime *review, *approved;
  g_autofree char *approved_text = NULL;

  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);

  review = keel_record_get_date (policy, "next_review");
  approved = keel_policy_get_latest_approval (policy);
  if (review == NULL || approved == NULL || keel_date_compare (review, approved) >= 0)
    return NULL;

  approved_text = keel_date_format (approved);

  return g_strdup_printf (_("The next review cannot come before the last approval on %s"), approved_text);
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
