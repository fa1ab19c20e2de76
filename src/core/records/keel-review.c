/* keel-review.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-agenda-item.h"
#include "keel-decision.h"
#include "keel-sign-off.h"
#include "keel-review.h"

/* Review: a record kind of keel.json ("reviews"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice status_choices[] = {
  { "planned", N_("Planned") },
  { "held", N_("Held") },
  { "signed-off", N_("Signed off") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "start", KEEL_FIELD_DATETIME, N_("Starts"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "duration", KEEL_FIELD_INT, N_("Duration (minutes)"), NULL, NULL, 0 },
  { "location", KEEL_FIELD_STRING, N_("Location"), NULL, NULL, 0 },
  { "chair", KEEL_FIELD_REF, N_("Chair"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "attendees", KEEL_FIELD_REF_LIST, N_("Attendees"), "person", NULL, 0 },
  { "status", KEEL_FIELD_ENUM, N_("Status"), NULL, NULL, 0, status_choices, "planned" },
  { "agenda", KEEL_FIELD_CHILDREN, N_("Agenda"), NULL, keel_agenda_item_get_type, 0 },
  { "decisions", KEEL_FIELD_CHILDREN, N_("Decisions"), NULL, keel_decision_get_type, 0 },
  { "sign_off", KEEL_FIELD_CHILD, N_("Sign-off"), NULL, keel_sign_off_get_type, 0 },
};

static const KeelKind kind = {
  .name = "review",
  .collection = "reviews",
  .id_prefix = "MR",
  .id_scheme = KEEL_ID_YEARLY,
  .id_date_key = "start",
  .label = N_("Management review"),
  .plural_label = N_("Management reviews"),
  .sort_key = "start",
  .get_type = keel_review_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelReview, keel_review, kind)
