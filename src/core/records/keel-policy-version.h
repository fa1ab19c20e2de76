/* keel-policy-version.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_POLICY_VERSION (keel_policy_version_get_type ())

G_DECLARE_FINAL_TYPE (KeelPolicyVersion, keel_policy_version, KEEL, POLICY_VERSION, KeelRecord)

G_END_DECLS
