/* keel-objective-row.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record-row.h"

G_BEGIN_DECLS

/* One line of the objectives table: an objective and what the table shows
 * of it that needs the workspace (the owner's name) or some computing
 * (progress, the latest reading), as properties the column view's
 * expressions, sorters and filters read. Notifies them all whenever the
 * objective or the workspace changes. */

#define KEEL_TYPE_OBJECTIVE_ROW (keel_objective_row_get_type ())

G_DECLARE_FINAL_TYPE (KeelObjectiveRow, keel_objective_row, KEEL, OBJECTIVE_ROW, KeelRecordRow)

KeelObjectiveRow *keel_objective_row_new           (KeelRecord       *objective,
                                                    KeelWorkspace    *workspace);
KeelRecord       *keel_objective_row_get_objective (KeelObjectiveRow *self);

G_END_DECLS
