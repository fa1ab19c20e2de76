/* keel-people-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The people of the organisation: who owns what, who is top management.
 * Deleting someone others refer to asks who takes their references over
 * first; Undo hands them back. */

#define KEEL_TYPE_PEOPLE_PAGE (keel_people_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelPeoplePage, keel_people_page, KEEL, PEOPLE_PAGE, KeelListPage)

/* Deletes @person with undo, asking first where others refer to them */
void keel_people_page_delete (KeelPeoplePage *self,
                              KeelRecord     *person);

G_END_DECLS
