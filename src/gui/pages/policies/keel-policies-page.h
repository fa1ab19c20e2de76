/* keel-policies-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The information security policies (Clause 5.2): the version in force,
 * who approved it and when, and whether their review is overdue */

#define KEEL_TYPE_POLICIES_PAGE (keel_policies_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelPoliciesPage, keel_policies_page, KEEL, POLICIES_PAGE, KeelListPage)

G_END_DECLS
