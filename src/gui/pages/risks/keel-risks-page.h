/* keel-risks-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The risk register: each risk rated by likelihood and impact, its
 * treatment and plan, and the decisions taken on it (who, when, why) */

#define KEEL_TYPE_RISKS_PAGE (keel_risks_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelRisksPage, keel_risks_page, KEEL, RISKS_PAGE, KeelListPage)

G_END_DECLS
