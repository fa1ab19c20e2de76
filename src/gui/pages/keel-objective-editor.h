/* keel-objective-editor.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* The objective editor: a modal window over a working copy of the
 * objective. Save (Ctrl+S) writes the copy back (or adds a new objective
 * to the workspace, which gives it its id); Cancel (Escape) discards it.
 * Save stays disabled until the form is valid. */

#define KEEL_TYPE_OBJECTIVE_EDITOR (keel_objective_editor_get_type ())

G_DECLARE_FINAL_TYPE (KeelObjectiveEditor, keel_objective_editor, KEEL, OBJECTIVE_EDITOR, AdwWindow)

/* @objective: NULL for a new objective */
KeelObjectiveEditor *keel_objective_editor_new           (KeelWorkspace       *workspace,
                                                          KeelRecord          *objective);
/* The objective edited, or NULL while a new one is not saved yet */
KeelRecord          *keel_objective_editor_get_objective (KeelObjectiveEditor *self);
/* The working copy the readings and the plot show (transfer none) */
KeelRecord          *keel_objective_editor_get_draft     (KeelObjectiveEditor *self);
gboolean             keel_objective_editor_get_can_save  (KeelObjectiveEditor *self);
/* Opens the dialog to add a reading to the working copy (transfer none) */
GtkWidget           *keel_objective_editor_add_reading   (KeelObjectiveEditor *self);
/* Saves and closes; FALSE (and stays open) when the form is not valid */
gboolean             keel_objective_editor_save          (KeelObjectiveEditor *self);

G_END_DECLS
