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
static const KeelChoice frequency_choices[] = {
  { "once", N_("Once") },
  { "daily", N_("Daily") },
  { "weekly", N_("Weekly") },
  { "monthly", N_("Monthly") },
  { "yearly", N_("Yearly") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "frequency", KEEL_FIELD_ENUM, N_("Frequency"), NULL, NULL, KEEL_FIELD_REQUIRED, frequency_choices, "once" },
  { "interval", KEEL_FIELD_INT, N_("Every"), NULL, NULL, 0 },
  { "start", KEEL_FIELD_DATE, N_("Starts"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "until", KEEL_FIELD_DATE, N_("Until"), NULL, NULL, 0 },
  { "count", KEEL_FIELD_INT, N_("Occurrences"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "recurrence",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Recurrence"),
  .plural_label = N_("Recurrences"),
  .get_type = keel_recurrence_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelRecurrence, keel_recurrence, kind)
