/* keel-actions-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The actions register: what is to be done, by whom, by when, and where it
 * comes from (a risk, an audit finding, a review) */

#define KEEL_TYPE_ACTIONS_PAGE (keel_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelActionsPage, keel_actions_page, KEEL, ACTIONS_PAGE, KeelListPage)

G_END_DECLS
