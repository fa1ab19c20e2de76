/* keel-agenda-item.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_AGENDA_ITEM (keel_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (KeelAgendaItem, keel_agenda_item, KEEL, AGENDA_ITEM, KeelRecord)

G_END_DECLS
