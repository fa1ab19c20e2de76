/* keel-improvement.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_IMPROVEMENT (keel_improvement_get_type ())

G_DECLARE_FINAL_TYPE (KeelImprovement, keel_improvement, KEEL, IMPROVEMENT, KeelRecord)

/* Overdue: due before @today (NULL: keel_date_today ()) and not closed */
gboolean keel_improvement_is_overdue              (KeelImprovement *self,
                                                   GDateTime       *today);
/* Closed, but the effectiveness of what was done is not checked yet
 * (no check written, or no date it was checked on): Clause 10.2 d */
gboolean keel_improvement_needs_effectiveness_check (KeelImprovement *self);

G_END_DECLS
