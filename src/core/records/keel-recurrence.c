/* keel-recurrence.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-recurrence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-recurrence.h"

/* Recurrence: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "frequency", KEEL_FIELD_ENUM, N_("Frequency"), "once|daily|weekly|monthly|yearly", NULL, KEEL_FIELD_REQUIRED },
  { "interval", KEEL_FIELD_INT, N_("Every"), NULL, NULL, 0 },
  { "start", KEEL_FIELD_DATE, N_("Starts"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "until", KEEL_FIELD_DATE, N_("Until"), NULL, NULL, 0 },
  { "count", KEEL_FIELD_INT, N_("Occurrences"), NULL, NULL, 0 },
};

KEEL_DEFINE_RECORD_TYPE (KeelRecurrence, keel_recurrence, "recurrence", NULL, NULL, fields)
