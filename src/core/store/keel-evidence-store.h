/* keel-evidence-store.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

#define KEEL_EVIDENCE_FOLDER "evidence"

char       *keel_evidence_path_for                (const char     *sha256,
                                                   const char     *original_name);
KeelRecord *keel_workspace_import_evidence        (KeelWorkspace  *workspace,
                                                   const char     *original_name,
                                                   GBytes         *contents,
                                                   const char     *media_type,
                                                   GError        **error);
KeelRecord *keel_workspace_import_evidence_file   (KeelWorkspace  *workspace,
                                                   GFile          *source,
                                                   GError        **error);

G_END_DECLS
