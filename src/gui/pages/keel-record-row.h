/* keel-record-row.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* One line of a table of records (see keel-row-model.h): a record and what
 * the table shows of it, as read-only properties the column view's
 * expressions, sorters and filters read. Whenever the record changes, or
 * anything in the workspace (a person's name), every read-only property is
 * notified — a subclass's as well as these:
 *
 *   id, id-number  the record's id ("OBJ-12") and its number (12), to sort
 *   title          the record's "title" field
 *   owner-name     the name of the person in its "owner" field
 *   search-text    id, title and owner's name, one a line, for the search
 *
 * The last three are NULL or "" for a kind without such a field. A
 * subclass adds the properties its own table needs. */

#define KEEL_TYPE_RECORD_ROW (keel_record_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (KeelRecordRow, keel_record_row, KEEL, RECORD_ROW, GObject)

struct _KeelRecordRowClass
{
  GObjectClass parent_class;
};

KeelRecord    *keel_record_row_get_record    (KeelRecordRow *self);
KeelWorkspace *keel_record_row_get_workspace (KeelRecordRow *self);

G_END_DECLS
