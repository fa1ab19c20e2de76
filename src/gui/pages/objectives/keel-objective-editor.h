/* keel-objective-editor.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-objective.h"
#include "keel-record-editor.h"

G_BEGIN_DECLS

/* The objective editor: the kind's rows and readings, with the trend of
 * the readings and the SMART check as sections. Once a reading is
 * recorded, an objective "not started" moves to the status its progress
 * suggests. */

#define KEEL_TYPE_OBJECTIVE_EDITOR (keel_objective_editor_get_type ())

G_DECLARE_FINAL_TYPE (KeelObjectiveEditor, keel_objective_editor, KEEL, OBJECTIVE_EDITOR, KeelRecordEditor)

/* Opens the editor of a new reading; returns it */
GtkWidget *keel_objective_editor_add_reading   (KeelObjectiveEditor *self);
GtkWidget *keel_objective_editor_get_plot      (KeelObjectiveEditor *self);
/* The row of a SMART criterion and its icon */
GtkWidget *keel_objective_editor_get_smart_row (KeelObjectiveEditor *self,
                                                KeelSmartCriterion   criterion);
GtkWidget *keel_objective_editor_get_smart_icon (KeelObjectiveEditor *self,
                                                KeelSmartCriterion   criterion);

G_END_DECLS
