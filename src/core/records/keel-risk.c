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
static const KeelChoice treatment_choices[] = {
  { "mitigate", N_("Mitigate") },
  { "accept", N_("Accept") },
  { "transfer", N_("Transfer") },
  { "avoid", N_("Avoid") },
  KEEL_CHOICES_END,
};

static const KeelChoice status_choices[] = {
  { "open", N_("Open") },
  { "treating", N_("Being treated") },
  { "accepted", N_("Accepted") },
  { "closed", N_("Closed") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "likelihood", KEEL_FIELD_INT, N_("Likelihood (1–5)"), NULL, NULL, 0 },
  { "impact", KEEL_FIELD_INT, N_("Impact (1–5)"), NULL, NULL, 0 },
  { "treatment", KEEL_FIELD_ENUM, N_("Treatment"), NULL, NULL, 0, treatment_choices, NULL },
  { "treatment_plan", KEEL_FIELD_STRING, N_("Treatment plan"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "status", KEEL_FIELD_ENUM, N_("Status"), NULL, NULL, 0, status_choices, "open" },
  { "decisions", KEEL_FIELD_CHILDREN, N_("Decisions"), NULL, keel_risk_decision_get_type, 0 },
};

static const KeelKind kind = {
  .name = "risk",
  .collection = "risks",
  .id_prefix = "RSK",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Risk"),
  .plural_label = N_("Risks"),
  .get_type = keel_risk_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelRisk, keel_risk, kind)
