/* keel-risk.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_RISK (keel_risk_get_type ())

G_DECLARE_FINAL_TYPE (KeelRisk, keel_risk, KEEL, RISK, KeelRecord)

/* A risk is rated by likelihood and impact, each on a scale of 1 to 5;
 * its score is their product (1–25) and its level follows from the score:
 * low up to 4, medium up to 12, high from 15 (the products in between
 * cannot occur). An unset rating (0) gives no score and no level. */

#define KEEL_RISK_RATING_MIN 1
#define KEEL_RISK_RATING_MAX 5

typedef enum
{
  KEEL_RISK_LEVEL_NONE,    /* not rated yet */
  KEEL_RISK_LEVEL_LOW,
  KEEL_RISK_LEVEL_MEDIUM,
  KEEL_RISK_LEVEL_HIGH,
} KeelRiskLevel;

/* Whether @rating is a likelihood or impact on the scale (0, unset, is not) */
gboolean       keel_risk_rating_is_valid   (gint64         rating);
/* Why @rating (a likelihood or impact) is not acceptable, translated, or
 * NULL when it is on the scale or unset */
const char    *keel_risk_check_rating      (gint64         rating);
/* likelihood × impact, or 0 when either is unset or off the scale */
guint          keel_risk_get_score         (KeelRisk      *self);
KeelRiskLevel  keel_risk_level_for_score   (guint          score);
KeelRiskLevel  keel_risk_get_level         (KeelRisk      *self);
/* "Low", "Medium", "High", translated; NULL for KEEL_RISK_LEVEL_NONE */
const char    *keel_risk_level_get_label   (KeelRiskLevel  level);
/* "low", "medium", "high" (for style classes and --json); NULL for none */
const char    *keel_risk_level_to_string   (KeelRiskLevel  level);
/* "15 · High", translated, or NULL when the risk is not rated */
char          *keel_risk_format_score      (KeelRisk      *self);

G_END_DECLS
