/* keel-training-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-list-page.h"

G_BEGIN_DECLS

/* The training register (Clauses 7.2 and 7.3): who completed which course
 * or holds which competency, when, until when, and the evidence; whether
 * each is still valid today */

#define KEEL_TYPE_TRAINING_PAGE (keel_training_page_get_type ())

G_DECLARE_FINAL_TYPE (KeelTrainingPage, keel_training_page, KEEL, TRAINING_PAGE, KeelListPage)

G_END_DECLS
