/* keel-risk.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-risk"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-risk-decision.h"
#include "keel-risk.h"

/* Risk: a record kind of keel.json ("risks"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "likelihood", KEEL_FIELD_INT, N_("Likelihood (1–5)"), NULL, NULL, 0 },
  { "impact", KEEL_FIELD_INT, N_("Impact (1–5)"), NULL, NULL, 0 },
  { "treatment", KEEL_FIELD_ENUM, N_("Treatment"), "mitigate|accept|transfer|avoid", NULL, 0 },
  { "treatment_plan", KEEL_FIELD_STRING, N_("Treatment plan"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "status", KEEL_FIELD_ENUM, N_("Status"), "open|treating|accepted|closed", NULL, 0 },
  { "decisions", KEEL_FIELD_CHILDREN, N_("Decisions"), NULL, keel_risk_decision_get_type, 0 },
};

KEEL_DEFINE_RECORD_TYPE (KeelRisk, keel_risk, "risk", "risks", "RSK", fields)
