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
  { "note", KEEL_FIELD_STRING, N_("Note"), NULL, NULL, KEEL_FIELD_TITLE },
};

static const KeelKind kind = {
  .name = "reading",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Reading"),
  .plural_label = N_("Readings"),
  .sort_key = "date",
  .get_type = keel_reading_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelReading, keel_reading, kind)
