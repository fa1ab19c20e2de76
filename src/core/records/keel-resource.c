/* keel-resource.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-resource"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-resource.h"

/* Resource: a record kind of keel.json ("resources"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice category_choices[] = {
  { "budget", N_("Budget") },
  { "people", N_("People") },
  { "tool", N_("Tool") },
  { "time", N_("Time") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "item", KEEL_FIELD_STRING, N_("Item"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "category", KEEL_FIELD_ENUM, N_("Category"), NULL, NULL, KEEL_FIELD_REQUIRED, category_choices, NULL },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, 0 },
  { "amount", KEEL_FIELD_DOUBLE, N_("Amount"), NULL, NULL, 0 },
  { "currency", KEEL_FIELD_STRING, N_("Currency"), NULL, NULL, 0 },
  { "period", KEEL_FIELD_STRING, N_("Period"), NULL, NULL, 0 },
  { "approved_by", KEEL_FIELD_REF, N_("Approved by"), "person", NULL, 0 },
  { "approved_on", KEEL_FIELD_DATE, N_("Approved on"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "resource",
  .collection = "resources",
  .id_prefix = "RES",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Resource"),
  .plural_label = N_("Resources"),
  .get_type = keel_resource_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelResource, keel_resource, kind)
