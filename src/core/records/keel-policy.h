/* keel-policy.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_POLICY (keel_policy_get_type ())

G_DECLARE_FINAL_TYPE (KeelPolicy, keel_policy, KEEL, POLICY, KeelRecord)

G_END_DECLS
