/* keel-policy-row.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record-row.h"

G_BEGIN_DECLS

/* One line of the policies table: a policy and what the table shows of it
 * (the owner's and approver's names, the version in force, whether the
 * review is overdue) as properties. Notifies them all whenever the policy
 * or the workspace changes. */

#define KEEL_TYPE_POLICY_ROW (keel_policy_row_get_type ())

G_DECLARE_FINAL_TYPE (KeelPolicyRow, keel_policy_row, KEEL, POLICY_ROW, KeelRecordRow)

KeelPolicyRow *keel_policy_row_new        (KeelRecord    *policy,
                                           KeelWorkspace *workspace);
KeelRecord    *keel_policy_row_get_policy (KeelPolicyRow *self);

G_END_DECLS
