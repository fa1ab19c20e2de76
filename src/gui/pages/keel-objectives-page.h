/* keel-objectives-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "keel-workspace.h"

G_BEGIN_DECLS

#define KEEL_TYPE_OBJECTIVES_PAGE (keel_objectives_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelObjectivesPage, keel_objectives_page, KEEL, OBJECTIVES_PAGE, GtkWidget)

GtkWidget     *keel_objectives_page_new           (void);
KeelWorkspace *keel_objectives_page_get_workspace (KeelObjectivesPage *self);
void           keel_objectives_page_set_workspace (KeelObjectivesPage *self,
                                                          KeelWorkspace *workspace);

G_END_DECLS
