/* keel-resources-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The resources the ISMS needs (Clause 7.1): budget, people, tools, time */

#define KEEL_TYPE_RESOURCES_PAGE (keel_resources_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelResourcesPage, keel_resources_page, KEEL, RESOURCES_PAGE, KeelListPage)

G_END_DECLS
