/* keel-parties-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The interested parties (Clause 4.2), their needs and expectations and
 * the feedback received from them, which a management review considers
 * (Clause 9.3 c and e) */

#define KEEL_TYPE_PARTIES_PAGE (keel_parties_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelPartiesPage, keel_parties_page, KEEL, PARTIES_PAGE, KeelListPage)

G_END_DECLS
