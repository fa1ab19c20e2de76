/* keel-objective.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_OBJECTIVE (keel_objective_get_type ())

G_DECLARE_FINAL_TYPE (KeelObjective, keel_objective, KEEL, OBJECTIVE, KeelRecord)

/* The rules of an objective, on its values. */

/* The SMART check, as an ISO/IEC 27001 auditor reads an objective
 * (Clause 6.2: objectives are measurable where practicable, monitored,
 * communicated and updated; the organisation determines what will be done,
 * by whom, by when and how results are evaluated).
 *
 * Specific    weak when the title has fewer than 4 words, or there is no
 *             description of what will change.
 * Measurable  weak when there is no measure, no unit, or no numeric target.
 * Achievable  weak when the direction (higher/lower is better) is missing;
 *             when there is no baseline to judge the target against; when
 *             the baseline already meets the target; or when the target is
 *             more than ten times, or less than a tenth of, the baseline.
 * Relevant    weak when neither a business goal (strategy link) nor a
 *             department says why the objective matters.
 * Time-bound  weak when there is no valid due date; when the due date has
 *             passed and the status is neither achieved, missed nor
 *             cancelled; or when there is no reporting cadence.
 * Each criterion reports the first weakness found, or why it is fine. */
typedef enum
{
  KEEL_SMART_SPECIFIC,
  KEEL_SMART_MEASURABLE,
  KEEL_SMART_ACHIEVABLE,
  KEEL_SMART_RELEVANT,
  KEEL_SMART_TIME_BOUND,
  KEEL_SMART_N_CRITERIA
} KeelSmartCriterion;

typedef struct
{
  gboolean ok[KEEL_SMART_N_CRITERIA];
  /* Translated, plain words: why it is weak, or what makes it fine */
  char    *reasons[KEEL_SMART_N_CRITERIA];
  guint    n_weak;
} KeelSmartCheck;

const char     *keel_smart_criterion_name           (KeelSmartCriterion       criterion);
/* @today: NULL for keel_date_today () */
KeelSmartCheck *keel_objective_smart_check          (KeelRecord              *objective,
                                                     GDateTime               *today);
void            keel_smart_check_free               (KeelSmartCheck          *check);

/* Short text for a value with its unit: "4.2 %", "12 incidents", "0.5" */
char           *keel_objective_format_value         (double                   value,
                                                     const char              *unit);
/* The reading with the latest date (transfer none), or NULL */
KeelRecord     *keel_objective_latest_reading       (KeelRecord              *objective);
/* Readings sorted by date, oldest first (transfer container) */
GPtrArray      *keel_objective_sorted_readings      (KeelRecord              *objective);

/* Progress from baseline to target, 0…1, using the latest reading:
 * (latest − baseline) / (target − baseline), clamped, which reads the
 * same whether higher or lower is better. When the baseline is not set,
 * the earliest reading stands in for it (if there are two or more).
 * When baseline equals target, 1 if the latest reading meets the target in
 * the objective's direction, else 0. NaN when there is no reading, no
 * target, nothing to measure from, or no direction to decide a tie. */
double          keel_objective_progress             (KeelRecord              *objective);

/* Once readings exist, an objective should not stay "not-started": the
 * status it should have instead ("on-track", or "achieved" when the latest
 * reading meets the target), or NULL when its status is fine as it is */
const char     *keel_objective_suggest_status       (KeelRecord              *objective);
/* Why the start and due dates do not go together, or NULL */
const char     *keel_objective_dates_error          (KeelRecord              *objective);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelSmartCheck, keel_smart_check_free)

G_END_DECLS
