/* keel-interested-party.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-interested-party"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-feedback.h"
#include "keel-interested-party.h"

/* InterestedParty: a record kind of keel.json ("interested_parties"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "name", KEEL_FIELD_STRING, N_("Name"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "needs", KEEL_FIELD_STRING, N_("Needs and expectations"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "feedback", KEEL_FIELD_CHILDREN, N_("Feedback"), NULL, keel_feedback_get_type, 0 },
};

static const KeelKind kind = {
  .name = "interested-party",
  .collection = "interested_parties",
  .id_prefix = "IP",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Interested party"),
  .plural_label = N_("Interested parties"),
  .get_type = keel_interested_party_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelInterestedParty, keel_interested_party, kind)
