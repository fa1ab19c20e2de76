/* keel-restore.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-workspace.h"

G_BEGIN_DECLS

/* Puts a backup (from keel_workspace_list_backups()) back as keel.json.
 * The keel.json it replaces is first copied, byte for byte, beside it as
 * keel.json.unreadable-<timestamp>; @aside is set to that copy. Nothing is
 * touched if the backup cannot be read either. Does not load: call
 * keel_workspace_load() afterwards. */
gboolean keel_workspace_restore_backup        (KeelWorkspace        *self,
                                               GFile                *backup,
                                               GFile               **aside,
                                               GCancellable         *cancellable,
                                               GError              **error);
void     keel_workspace_restore_backup_async  (KeelWorkspace        *self,
                                               GFile                *backup,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean keel_workspace_restore_backup_finish (KeelWorkspace        *self,
                                               GAsyncResult         *result,
                                               GFile               **aside,
                                               GError              **error);

G_END_DECLS
