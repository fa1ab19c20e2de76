/* keel-version-dialog.h
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

/* "New Version…" for a policy: the next number suggested (1.0 → 1.1),
 * today, an author, what changed. With @version, edits that unsigned
 * version's date, author and description instead. Writes into @policy on
 * the "save" response, which stays disabled while the values are invalid. */

#define KEEL_TYPE_VERSION_DIALOG (keel_version_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KeelVersionDialog, keel_version_dialog, KEEL, VERSION_DIALOG, AdwMessageDialog)

/* @author: the person id to suggest as author of a new version */
KeelVersionDialog *keel_version_dialog_new      (GtkWindow         *parent,
                                                 KeelWorkspace     *workspace,
                                                 KeelRecord        *policy,
                                                 KeelRecord        *version,
                                                 const char        *author);
gboolean           keel_version_dialog_is_valid (KeelVersionDialog *self);

G_END_DECLS
