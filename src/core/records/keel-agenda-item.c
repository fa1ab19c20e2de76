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
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Item"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "input", KEEL_FIELD_ENUM, N_("Clause 9.3.2 input"), "a|b|c|d|e|f|g|other", NULL, 0 },
  { "presenter", KEEL_FIELD_REF, N_("Presenter"), "person", NULL, 0 },
  { "minutes", KEEL_FIELD_STRING, N_("Minutes"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

KEEL_DEFINE_RECORD_TYPE (KeelAgendaItem, keel_agenda_item, "agenda-item", NULL, NULL, fields)
