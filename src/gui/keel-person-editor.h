/* keel-person-editor.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-forms.h"
#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

#define KEEL_TYPE_PERSON_EDITOR (keel_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (KeelPersonEditor, keel_person_editor, KEEL, PERSON_EDITOR, AdwWindow)

/* Edits @person, or a new person when it is %NULL; Save adds the new person
 * to @workspace, or changes @person; Cancel and Escape change nothing */
KeelPersonEditor *keel_person_editor_new        (KeelWorkspace    *workspace,
                                                 KeelRecord       *person);
KeelRecord       *keel_person_editor_get_person (KeelPersonEditor *self);
KeelFormProblems  keel_person_editor_get_values (KeelPersonEditor *self,
                                                 KeelPersonValues *values);
gboolean          keel_person_editor_save       (KeelPersonEditor *self);

G_END_DECLS
