/* keel-delivery.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-delivery"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-delivery.h"

/* Delivery: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "date", KEEL_FIELD_DATE, N_("Delivered on"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "by", KEEL_FIELD_REF, N_("Delivered by"), "person", NULL, 0 },
  { "note", KEEL_FIELD_STRING, N_("Note"), NULL, NULL, KEEL_FIELD_MULTILINE | KEEL_FIELD_TITLE },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

static const KeelKind kind = {
  .name = "delivery",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Delivery"),
  .plural_label = N_("Deliveries"),
  .get_type = keel_delivery_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelDelivery, keel_delivery, kind)
