/* keel-decision.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-decision.h"

/* Decision: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice kind_choices[] = {
  { "improvement", N_("Improvement") },
  { "change", N_("Change to the ISMS") },
  { "resource", N_("Resources") },
  { "risk", N_("Risk") },
  { "other", N_("Other") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "text", KEEL_FIELD_STRING, N_("Decision"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "kind", KEEL_FIELD_ENUM, N_("Kind"), NULL, NULL, 0, kind_choices, NULL },
  { "action", KEEL_FIELD_REF, N_("Action"), "action", NULL, 0 },
};

static const KeelKind kind = {
  .name = "decision",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Decision"),
  .plural_label = N_("Decisions"),
  .get_type = keel_decision_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelDecision, keel_decision, kind)
