/* keel-risk-decision.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-risk-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-risk-decision.h"

/* RiskDecision: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "on", KEEL_FIELD_DATE, N_("Decided on"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "by", KEEL_FIELD_REF, N_("Decided by"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "decision", KEEL_FIELD_STRING, N_("Decision"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "rationale", KEEL_FIELD_STRING, N_("Rationale"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

static const KeelKind kind = {
  .name = "risk-decision",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Risk decision"),
  .plural_label = N_("Risk decisions"),
  .sort_key = "on",
  .get_type = keel_risk_decision_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelRiskDecision, keel_risk_decision, kind)
