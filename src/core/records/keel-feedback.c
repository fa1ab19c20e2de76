/* keel-feedback.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-feedback"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-feedback.h"

/* Feedback: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "on", KEEL_FIELD_DATE, N_("Received on"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "note", KEEL_FIELD_STRING, N_("Feedback"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
};

static const KeelKind kind = {
  .name = "feedback",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Feedback"),
  .plural_label = N_("Feedback"),
  .get_type = keel_feedback_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelFeedback, keel_feedback, kind)
