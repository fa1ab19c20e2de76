/* keel-policy-form.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "keel-policy.h"
#include "keel-record.h"

G_BEGIN_DECLS

/* The forms of a policy and of a new version: what is typed, checked
 * against the rules of keel-policy.h. */

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyForm, keel_policy_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyFormValidation, keel_policy_form_validation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyVersionForm, keel_policy_version_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPolicyVersionValidation, keel_policy_version_validation_free)

G_END_DECLS
