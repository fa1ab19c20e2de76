/* keel-policy-editor.h
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

/* The policy editor: title, owner, summary, next review, and the version
 * history with New Version… and Sign Off…. Works on a copy of the policy;
 * Save writes it back (a new policy gets its id from the workspace),
 * Cancel discards it, sign-offs included. */

#define KEEL_TYPE_POLICY_EDITOR (keel_policy_editor_get_type ())

G_DECLARE_FINAL_TYPE (KeelPolicyEditor, keel_policy_editor, KEEL, POLICY_EDITOR, AdwWindow)

/* @policy: NULL for a new policy */
KeelPolicyEditor *keel_policy_editor_new          (KeelWorkspace    *workspace,
                                                   KeelRecord       *policy);
KeelRecord       *keel_policy_editor_get_policy   (KeelPolicyEditor *self);
KeelRecord       *keel_policy_editor_get_draft    (KeelPolicyEditor *self);
gboolean          keel_policy_editor_get_can_save (KeelPolicyEditor *self);
/* Opens "New Version…" (transfer none) */
GtkWidget        *keel_policy_editor_new_version  (KeelPolicyEditor *self);
/* Opens the editor of an unsigned version of the draft (transfer none);
 * for a signed one refuses, says why in a toast, and returns NULL */
GtkWidget        *keel_policy_editor_edit_version (KeelPolicyEditor *self,
                                                   KeelRecord       *version);
/* Opens "Sign Off…" for a version of the draft (transfer none) */
GtkWidget        *keel_policy_editor_sign_off     (KeelPolicyEditor *self,
                                                   KeelRecord       *version);
/* The draft's version numbered @number, or NULL */
KeelRecord       *keel_policy_editor_find_version (KeelPolicyEditor *self,
                                                   const char       *number);
gboolean          keel_policy_editor_save         (KeelPolicyEditor *self);

G_END_DECLS
