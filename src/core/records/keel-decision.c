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
static const KeelField fields[] = {
  { "text", KEEL_FIELD_STRING, N_("Decision"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "kind", KEEL_FIELD_ENUM, N_("Kind"), "improvement|change|resource|risk|other", NULL, 0 },
  { "action", KEEL_FIELD_REF, N_("Action"), "action", NULL, 0 },
};

KEEL_DEFINE_RECORD_TYPE (KeelDecision, keel_decision, "decision", NULL, NULL, fields)
