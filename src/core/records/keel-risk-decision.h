/* keel-risk-decision.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_RISK_DECISION (keel_risk_decision_get_type ())

G_DECLARE_FINAL_TYPE (KeelRiskDecision, keel_risk_decision, KEEL, RISK_DECISION, KeelRecord)

G_END_DECLS
