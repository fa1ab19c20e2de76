/* keel-workspace-private.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-workspace.h"

G_BEGIN_DECLS

/* For tests: make the next @count writes of keel.json fail as if the
 * system said @errno_code (ENOSPC for a full disk). */
void _keel_workspace_inject_write_error (KeelWorkspace *self,
                                         int            errno_code,
                                         guint          count);

G_END_DECLS
