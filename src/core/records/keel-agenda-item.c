/* keel-agenda-item.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-agenda-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-agenda-item.h"

/* AgendaItem: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice input_choices[] = {
  { "a", N_("Status of actions from previous reviews") },
  { "b", N_("Changes in external and internal issues") },
  { "c", N_("Changes in needs and expectations of interested parties") },
  { "d", N_("Information security performance") },
  { "e", N_("Feedback from interested parties") },
  { "f", N_("Risk assessment and risk treatment") },
  { "g", N_("Opportunities for continual improvement") },
  { "other", N_("Other") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Item"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "input", KEEL_FIELD_ENUM, N_("Clause 9.3.2 input"), NULL, NULL, 0, input_choices, NULL },
  { "presenter", KEEL_FIELD_REF, N_("Presenter"), "person", NULL, 0 },
  { "minutes", KEEL_FIELD_STRING, N_("Minutes"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

static const KeelKind kind = {
  .name = "agenda-item",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Agenda item"),
  .plural_label = N_("Agenda items"),
  .get_type = keel_agenda_item_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelAgendaItem, keel_agenda_item, kind)
