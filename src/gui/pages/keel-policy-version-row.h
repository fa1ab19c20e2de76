/* keel-policy-version-row.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record-row.h"

G_BEGIN_DECLS

/* One line of a policy's version history, with the names resolved */

#define KEEL_TYPE_POLICY_VERSION_ROW (keel_policy_version_row_get_type ())

G_DECLARE_FINAL_TYPE (KeelPolicyVersionRow, keel_policy_version_row, KEEL, POLICY_VERSION_ROW, KeelRecordRow)

KeelPolicyVersionRow *keel_policy_version_row_new         (KeelRecord           *version,
                                                           KeelWorkspace        *workspace);
KeelRecord           *keel_policy_version_row_get_version (KeelPolicyVersionRow *self);

G_END_DECLS
