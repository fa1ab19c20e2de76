/* keel-demo.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-workspace.h"

G_BEGIN_DECLS

gboolean keel_demo_populate (KeelWorkspace  *workspace,
                             GDateTime      *today,
                             GError        **error);

gboolean keel_demo_write    (GFile          *folder,
                             GDateTime      *today,
                             GError        **error);

G_END_DECLS
