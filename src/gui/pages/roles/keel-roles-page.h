/* keel-roles-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* Roles, responsibilities and authorities (Clause 5.3) as a list of RACI
 * assignments: who is Responsible, Accountable, Consulted or Informed for
 * each activity, and which activities nobody is accountable for */

#define KEEL_TYPE_ROLES_PAGE (keel_roles_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelRolesPage, keel_roles_page, KEEL, ROLES_PAGE, KeelListPage)

G_END_DECLS
