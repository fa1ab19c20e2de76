/* keel-improvements-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The improvement log (Clause 10): incidents, nonconformities and
 * improvements with their root cause, correction, corrective action,
 * owner, due date, status and the check that what was done worked */

#define KEEL_TYPE_IMPROVEMENTS_PAGE (keel_improvements_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelImprovementsPage, keel_improvements_page, KEEL, IMPROVEMENTS_PAGE, KeelListPage)

G_END_DECLS
