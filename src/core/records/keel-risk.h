/* keel-risk.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_RISK (keel_risk_get_type ())

G_DECLARE_FINAL_TYPE (KeelRisk, keel_risk, KEEL, RISK, KeelRecord)

G_END_DECLS
