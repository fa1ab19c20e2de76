/* keel-audits-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The internal audit plan and its results (Clause 9.2): what is audited,
 * when, by whom, the result and the findings */

#define KEEL_TYPE_AUDITS_PAGE (keel_audits_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelAuditsPage, keel_audits_page, KEEL, AUDITS_PAGE, KeelListPage)

G_END_DECLS
