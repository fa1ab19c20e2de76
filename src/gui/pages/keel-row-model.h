/* keel-row-model.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A list of row objects made one for one from the items of a source list
 * (a record → the line a table shows of it), kept in step with the source.
 *
 * GtkMapListModel would do, but in GTK 4.8 it hands out a stale mapped
 * item after an insertion in front of items it has cached (an undone
 * delete of the first record shows the wrong line twice). This one makes
 * every row once, when its item arrives, and keeps it until it leaves. */

#define KEEL_TYPE_ROW_MODEL (keel_row_model_get_type ())

G_DECLARE_FINAL_TYPE (KeelRowModel, keel_row_model, KEEL, ROW_MODEL, GObject)

/* Returns a new row (transfer full) for @item (transfer none) */
typedef gpointer (*KeelRowFunc) (gpointer item,
                                 gpointer user_data);

KeelRowModel *keel_row_model_new (GListModel  *source,
                                  GType        row_type,
                                  KeelRowFunc  func,
                                  gpointer     user_data);

G_END_DECLS
