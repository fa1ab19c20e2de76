/* keel-policy-form.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "keel-record.h"

G_BEGIN_DECLS

/* Policies, their versions and their sign-off, without widgets.
 *
 * Clause 5.2 asks for a policy approved by top management, and Clause 7.5
 * for controlled documented information: so in Keel
 * - a policy has versions ("1.0", "1.1", "2.0"), each with a date, an
 *   author and a description of what changed;
 * - a version is signed off by one person marked top management, on a
 *   date no earlier than the version's own date and not in the future;
 * - a signed version is locked: changing it is refused — the change goes
 *   into a new version;
 * - signing sets the next review to 12 months after the approval, unless
 *   a later review date was already set;
 * - a policy is overdue for review when its next review date is before
 *   today (keel_date_today ()).
 */

/* The policy editor's own fields, as typed */
typedef enum
{
  KEEL_POLICY_FORM_TITLE,
  KEEL_POLICY_FORM_OWNER,        /* a person id */
  KEEL_POLICY_FORM_SUMMARY,
  KEEL_POLICY_FORM_NEXT_REVIEW,  /* YYYY-MM-DD; optional */
  KEEL_POLICY_FORM_N_FIELDS
} KeelPolicyFormField;

typedef struct
{
  char *values[KEEL_POLICY_FORM_N_FIELDS];
} KeelPolicyForm;

typedef struct
{
  char     *errors[KEEL_POLICY_FORM_N_FIELDS];
  guint     n_errors;
  gboolean  can_save;
} KeelPolicyFormValidation;

KeelPolicyForm           *keel_policy_form_new                 (void);
KeelPolicyForm           *keel_policy_form_new_from_record     (KeelRecord              *policy);
void                      keel_policy_form_free                (KeelPolicyForm          *form);
const char               *keel_policy_form_get                 (const KeelPolicyForm    *form,
                                                                KeelPolicyFormField      field);
gboolean                  keel_policy_form_set                 (KeelPolicyForm          *form,
                                                                KeelPolicyFormField      field,
                                                                const char              *text);
/* Title and owner are required; the next review is a real date and, when
 * @policy has a signed version, not before its latest approval.
 * @policy may be NULL (a new policy). */
KeelPolicyFormValidation *keel_policy_form_validate            (const KeelPolicyForm    *form,
                                                                KeelRecord              *policy);
void                      keel_policy_form_validation_free     (KeelPolicyFormValidation *validation);
/* Writes the fields into @policy; FALSE, changing nothing, if invalid */
gboolean                  keel_policy_form_apply               (const KeelPolicyForm    *form,
                                                                KeelRecord              *policy);

/* A new version, as typed into the "New Version" dialog */
typedef struct
{
  char *version;       /* "1.1" */
  char *date;          /* YYYY-MM-DD */
  char *author;        /* a person id */
  char *description;
} KeelPolicyVersionForm;

typedef struct
{
  char     *version_error;
  char     *date_error;
  char     *author_error;
  gboolean  can_save;
} KeelPolicyVersionValidation;

/* A form filled with the suggestions: the next version number, today,
 * and @author (may be NULL) */
KeelPolicyVersionForm       *keel_policy_version_form_new_for     (KeelRecord                   *policy,
                                                                   const char                   *author);
void                         keel_policy_version_form_free        (KeelPolicyVersionForm        *form);
/* The version is numbers separated by dots, new in @policy and higher than
 * every version it has; the date is a real date; the author is set. */
KeelPolicyVersionValidation *keel_policy_version_form_validate    (const KeelPolicyVersionForm  *form,
                                                                   KeelRecord                   *policy);
void                         keel_policy_version_validation_free  (KeelPolicyVersionValidation  *validation);
/* Appends the version to @policy. Returns it (transfer none), or NULL with
 * @error set when the form does not validate. */
KeelRecord                  *keel_policy_add_version              (KeelRecord                   *policy,
                                                                   const KeelPolicyVersionForm  *form,
                                                                   GError                      **error);

/* Compares version numbers part by part: "1.9" < "1.10" < "2" = "2.0" */
int          keel_policy_version_compare         (const char   *a,
                                                  const char   *b);
gboolean     keel_policy_version_is_valid_number (const char   *text);
/* "1.0" when there is none; else the highest version with its last part
 * raised by one: "1.0" → "1.1", "1.9" → "1.10", "2" → "2.1" */
char        *keel_policy_suggest_version         (KeelRecord   *policy);
/* The version with the highest number (transfer none), or NULL */
KeelRecord  *keel_policy_latest_version          (KeelRecord   *policy);
/* The version in force: the highest signed version, or else the highest
 * version (a draft) (transfer none); NULL when there is none */
KeelRecord  *keel_policy_current_version         (KeelRecord   *policy);

/* TRUE when @version has an approval with both a person and a date */
gboolean     keel_policy_version_is_signed       (KeelRecord   *version);
/* FALSE with a message for the user when @version is signed */
gboolean     keel_policy_version_check_editable  (KeelRecord   *version,
                                                  GError      **error);
/* Changes an unsigned version's description; refused when signed */
gboolean     keel_policy_version_set_description (KeelRecord   *version,
                                                  const char   *description,
                                                  GError      **error);

/* TRUE when @person is a person marked top management */
gboolean     keel_policy_check_approver          (KeelRecord   *person,
                                                  GError      **error);
/* The people of @people who may sign off (transfer container) */
GPtrArray   *keel_policy_list_approvers          (GListModel   *people);
/* 12 months after @approved_on (transfer full) */
GDateTime   *keel_policy_default_next_review     (GDateTime    *approved_on);
/* Whether keel_policy_sign_off () would accept these, without signing */
gboolean     keel_policy_check_sign_off          (KeelRecord   *policy,
                                                  KeelRecord   *version,
                                                  KeelRecord   *approver,
                                                  GDateTime    *on,
                                                  GError      **error);
/* Signs @version of @policy off by @approver on @on (NULL: today).
 * Refused when the version is not @policy's, is already signed, the
 * approver is not top management, or the date is before the version's
 * date or after today. */
gboolean     keel_policy_sign_off                (KeelRecord   *policy,
                                                  KeelRecord   *version,
                                                  KeelRecord   *approver,
                                                  GDateTime    *on,
                                                  GError      **error);
/* @today: NULL for keel_date_today () */
gboolean     keel_policy_is_review_overdue       (KeelRecord   *policy,
                                                  GDateTime    *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyForm, keel_policy_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyFormValidation, keel_policy_form_validation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyVersionForm, keel_policy_version_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyVersionValidation, keel_policy_version_validation_free)

G_END_DECLS
