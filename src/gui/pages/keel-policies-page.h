/* keel-policies-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-table-page.h"

G_BEGIN_DECLS

/* The Policies page: a sortable table of the workspace's policies with
 * search and an "overdue only" filter, an empty state, and the policy editor with its version history and sign-off.
 * Widget actions: page.new, page.search, page.delete. */

#define KEEL_TYPE_POLICIES_PAGE (keel_policies_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelPoliciesPage, keel_policies_page, KEEL, POLICIES_PAGE, KeelTablePage)

GtkWidget     *keel_policies_page_new           (void);
KeelWorkspace *keel_policies_page_get_workspace (KeelPoliciesPage *self);
void           keel_policies_page_set_workspace (KeelPoliciesPage *self,
                                                 KeelWorkspace    *workspace);
/* The policy selected in the table, or NULL */
KeelRecord    *keel_policies_page_get_selected  (KeelPoliciesPage *self);
/* Selects @policy if the filters show it; FALSE otherwise */
gboolean       keel_policies_page_select        (KeelPoliciesPage *self,
                                                 KeelRecord       *policy);
/* Opens the editor for @policy, or for a new one when NULL, and
 * returns it (transfer none) */
GtkWidget     *keel_policies_page_open_editor   (KeelPoliciesPage *self,
                                                 KeelRecord       *policy);
/* The policies shown, after search and filters (transfer none) */
GListModel    *keel_policies_page_get_model     (KeelPoliciesPage *self);

G_END_DECLS
