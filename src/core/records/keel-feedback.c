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
  { "note", KEEL_FIELD_STRING, N_("Feedback"), NULL, NULL, KEEL_FIELD_REQUIRED },
};

KEEL_DEFINE_RECORD_TYPE (KeelFeedback, keel_feedback, "feedback", NULL, NULL, fields)
