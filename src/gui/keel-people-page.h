/* keel-people-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-table-page.h"

G_BEGIN_DECLS

#define KEEL_TYPE_PEOPLE_PAGE (keel_people_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelPeoplePage, keel_people_page, KEEL, PEOPLE_PAGE, KeelTablePage)

GtkWidget     *keel_people_page_new           (void);
KeelWorkspace *keel_people_page_get_workspace (KeelPeoplePage *self);
void           keel_people_page_set_workspace (KeelPeoplePage *self,
                                               KeelWorkspace  *workspace);
/* The list as shown: searched and sorted */
GListModel    *keel_people_page_get_model     (KeelPeoplePage *self);
/* Selects the person at @position of the list as shown */
void           keel_people_page_select        (KeelPeoplePage *self,
                                               guint           position);
/* Deletes @person with undo, asking first where others refer to them */
void           keel_people_page_delete        (KeelPeoplePage *self,
                                               KeelRecord     *person);

G_END_DECLS
