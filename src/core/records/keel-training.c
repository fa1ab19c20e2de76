/* keel-training.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-training.h"

/* Training: a record kind of keel.json ("training"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "person", KEEL_FIELD_REF, N_("Person"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "course", KEEL_FIELD_STRING, N_("Course or competency"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "completed_on", KEEL_FIELD_DATE, N_("Completed on"), NULL, NULL, 0 },
  { "expires_on", KEEL_FIELD_DATE, N_("Expires on"), NULL, NULL, 0 },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

static const KeelKind kind = {
  .name = "training",
  .collection = "training",
  .id_prefix = "TRN",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Training record"),
  .plural_label = N_("Training"),
  .sort_key = "expires_on",
  .get_type = keel_training_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelTraining, keel_training, kind)
