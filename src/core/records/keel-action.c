/* keel-action.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-action"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-action.h"

/* Action: a record kind of keel.json ("actions"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice status_choices[] = {
  { "open", N_("Open") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "due", KEEL_FIELD_DATE, N_("Due"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "status", KEEL_FIELD_ENUM, N_("Status"), NULL, NULL, 0, status_choices, "open" },
  { "source", KEEL_FIELD_REF, N_("Source"), NULL, NULL, 0 },
  { "closed_on", KEEL_FIELD_DATE, N_("Closed on"), NULL, NULL, 0 },
  { "notes", KEEL_FIELD_STRING, N_("Notes"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

static const KeelKind kind = {
  .name = "action",
  .collection = "actions",
  .id_prefix = "ACT",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Action"),
  .plural_label = N_("Actions"),
  .sort_key = "due",
  .get_type = keel_action_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelAction, keel_action, kind)
