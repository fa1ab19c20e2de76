/* keel-reading.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-reading"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-reading.h"

/* Reading: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "date", KEEL_FIELD_DATE, N_("Date"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "value", KEEL_FIELD_DOUBLE, N_("Value"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "note", KEEL_FIELD_STRING, N_("Note"), NULL, NULL, 0 },
};

KEEL_DEFINE_RECORD_TYPE (KeelReading, keel_reading, "reading", NULL, NULL, fields)
