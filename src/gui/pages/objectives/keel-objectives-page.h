/* keel-objectives-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The information security objectives (Clause 6.2), their progress and
 * status */

#define KEEL_TYPE_OBJECTIVES_PAGE (keel_objectives_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelObjectivesPage, keel_objectives_page, KEEL, OBJECTIVES_PAGE, KeelListPage)

G_END_DECLS
