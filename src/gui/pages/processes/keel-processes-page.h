/* keel-processes-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The business processes with the security step built into each
 * (Clause 5.1 b), and which of them lack an owner or that step */

#define KEEL_TYPE_PROCESSES_PAGE (keel_processes_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelProcessesPage, keel_processes_page, KEEL, PROCESSES_PAGE, KeelListPage)

G_END_DECLS
