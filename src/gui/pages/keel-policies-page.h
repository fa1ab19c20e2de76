/* keel-policies-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "keel-workspace.h"

G_BEGIN_DECLS

#define KEEL_TYPE_POLICIES_PAGE (keel_policies_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelPoliciesPage, keel_policies_page, KEEL, POLICIES_PAGE, GtkWidget)

GtkWidget     *keel_policies_page_new           (void);
KeelWorkspace *keel_policies_page_get_workspace (KeelPoliciesPage *self);
void           keel_policies_page_set_workspace (KeelPoliciesPage *self,
                                                        KeelWorkspace *workspace);

G_END_DECLS
