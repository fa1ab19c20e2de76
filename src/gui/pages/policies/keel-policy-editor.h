/* keel-policy-editor.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record-editor.h"

G_BEGIN_DECLS

/* The policy editor: the kind's rows and its versions as a section, each
 * unsigned version with Sign Off…, each signed one locked. A new version
 * is suggested its number (the next after the highest), today and the
 * policy's owner as author. Signing happens in the draft: Cancel discards
 * it, sign-offs included. */

#define KEEL_TYPE_POLICY_EDITOR (keel_policy_editor_get_type ())

G_DECLARE_FINAL_TYPE (KeelPolicyEditor, keel_policy_editor, KEEL, POLICY_EDITOR, KeelRecordEditor)

/* Opens the editor of a new version (transfer none) */
GtkWidget        *keel_policy_editor_new_version  (KeelPolicyEditor *self);
/* Opens the editor of an unsigned version of the draft (transfer none);
 * for a signed one refuses, says why in a toast, and returns NULL */
GtkWidget        *keel_policy_editor_edit_version (KeelPolicyEditor *self,
                                                   KeelRecord       *version);
/* Opens "Sign Off…" for an unsigned version of the draft (transfer none);
 * NULL, with a toast, for a signed one */
GtkWidget        *keel_policy_editor_sign_off     (KeelPolicyEditor *self,
                                                   KeelRecord       *version);
/* The draft's version numbered @number, or NULL */
KeelRecord       *keel_policy_editor_find_version (KeelPolicyEditor *self,
                                                   const char       *number);

G_END_DECLS
