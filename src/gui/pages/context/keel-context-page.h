/* keel-context-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The internal and external issues relevant to the ISMS (Clause 4.1),
 * which a management review considers when they change (Clause 9.3 b) */

#define KEEL_TYPE_CONTEXT_PAGE (keel_context_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelContextPage, keel_context_page, KEEL, CONTEXT_PAGE, KeelListPage)

G_END_DECLS
