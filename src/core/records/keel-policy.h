/* keel-policy.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_POLICY (keel_policy_get_type ())

G_DECLARE_FINAL_TYPE (KeelPolicy, keel_policy, KEEL, POLICY, KeelRecord)

/* The rules of a policy, its versions and their sign-off.
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
/* The latest approval date of any signed version, or NULL (transfer none) */
GDateTime   *keel_policy_get_latest_approval     (KeelRecord   *policy);
/* Why @number cannot number a new version of @policy (a number of dots,
 * higher than every version it has), or NULL (transfer full) */
char        *keel_policy_new_version_error       (KeelRecord   *policy,
                                                  const char   *number);
/* Why the next review comes before the latest approval, or NULL
 * (transfer full) */
char        *keel_policy_review_error            (KeelRecord   *policy);
/* @today: NULL for keel_date_today () */
gboolean     keel_policy_is_review_overdue       (KeelRecord   *policy,
                                                  GDateTime    *today);


G_END_DECLS
