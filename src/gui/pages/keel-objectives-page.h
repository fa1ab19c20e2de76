/* keel-objectives-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-table-page.h"

G_BEGIN_DECLS

/* The Objectives page: a sortable table of the workspace's objectives with
 * search and filters, an empty state, and the objective editor.
 * Widget actions: page.new, page.search, page.delete. */

#define KEEL_TYPE_OBJECTIVES_PAGE (keel_objectives_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelObjectivesPage, keel_objectives_page, KEEL, OBJECTIVES_PAGE, KeelTablePage)

GtkWidget     *keel_objectives_page_new           (void);
KeelWorkspace *keel_objectives_page_get_workspace (KeelObjectivesPage *self);
void           keel_objectives_page_set_workspace (KeelObjectivesPage *self,
                                                   KeelWorkspace      *workspace);
/* The objective selected in the table, or NULL */
KeelRecord    *keel_objectives_page_get_selected  (KeelObjectivesPage *self);
/* Selects @objective if the filters show it; FALSE otherwise */
gboolean       keel_objectives_page_select        (KeelObjectivesPage *self,
                                                   KeelRecord         *objective);
/* Opens the editor for @objective, or for a new one when NULL, and
 * returns it (transfer none) */
GtkWidget     *keel_objectives_page_open_editor   (KeelObjectivesPage *self,
                                                   KeelRecord         *objective);
/* The objectives shown, after search and filters (transfer none) */
GListModel    *keel_objectives_page_get_model     (KeelObjectivesPage *self);

G_END_DECLS
