/* keel-sign-off-dialog.h
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

/* Signs a policy version off: the approver is chosen among the people
 * marked top management (when there are none, the dialog says how to mark
 * one), the date defaults to today. "sign" stays disabled until
 * keel_policy_check_sign_off () accepts the choice; on "sign" the version
 * gets its approval and locks, and the policy its next review. */

#define KEEL_TYPE_SIGN_OFF_DIALOG (keel_sign_off_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KeelSignOffDialog, keel_sign_off_dialog, KEEL, SIGN_OFF_DIALOG, AdwMessageDialog)

KeelSignOffDialog *keel_sign_off_dialog_new      (GtkWindow         *parent,
                                                  KeelWorkspace     *workspace,
                                                  KeelRecord        *policy,
                                                  KeelRecord        *version);
gboolean           keel_sign_off_dialog_is_valid (KeelSignOffDialog *self);

G_END_DECLS
