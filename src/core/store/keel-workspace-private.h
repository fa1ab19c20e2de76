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

/* For tests: read keel.json straight from the text when possible (the
 * default), or always through json-glib's tree, as before */
void  _keel_workspace_set_fast_reader (gboolean enabled);
/* How many texts were read the fast way so far */
guint _keel_workspace_get_fast_reads  (void);

/* For tests: the text of keel.json through a JsonNode tree, as
 * keel_workspace_serialize() wrote it before it wrote straight from the
 * records */
GBytes *_keel_workspace_serialize_tree (KeelWorkspace *self);

G_END_DECLS
