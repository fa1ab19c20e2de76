/* keel-risk.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-risk"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-risk-decision.h"
#include "keel-risk.h"

/* Risk: a record kind of keel.json ("risks"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice treatment_choices[] = {
  { "mitigate", N_("Mitigate") },
  { "accept", N_("Accept") },
  { "transfer", N_("Transfer") },
  { "avoid", N_("Avoid") },
  KEEL_CHOICES_END,
};

static const KeelChoice status_choices[] = {
  { "open", N_("Open") },
  { "treating", N_("Being treated") },
  { "accepted", N_("Accepted") },
  { "closed", N_("Closed") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "likelihood", KEEL_FIELD_INT, N_("Likelihood (1–5)"), NULL, NULL, 0 },
  { "impact", KEEL_FIELD_INT, N_("Impact (1–5)"), NULL, NULL, 0 },
  { "treatment", KEEL_FIELD_ENUM, N_("Treatment"), NULL, NULL, 0, treatment_choices, NULL },
  { "treatment_plan", KEEL_FIELD_STRING, N_("Treatment plan"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "status", KEEL_FIELD_ENUM, N_("Status"), NULL, NULL, 0, status_choices, "open" },
  { "decisions", KEEL_FIELD_CHILDREN, N_("Decisions"), NULL, keel_risk_decision_get_type, 0 },
};

static const KeelKind kind = {
  .name = "risk",
  .collection = "risks",
  .id_prefix = "RSK",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Risk"),
  .plural_label = N_("Risks"),
  .get_type = keel_risk_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelRisk, keel_risk, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

gboolean
keel_risk_rating_is_valid (gint64 rating)
{
  return rating >= KEEL_RISK_RATING_MIN && rating <= KEEL_RISK_RATING_MAX;
}

const char *
keel_risk_check_rating (gint64 rating)
{
  if (rating == 0 || keel_risk_rating_is_valid (rating))
    return NULL;

  return _("Enter a number from 1 to 5");
}

guint
keel_risk_get_score (KeelRisk *self)
{
  gint64 likelihood;
  gint64 impact;

  g_return_val_if_fail (KEEL_IS_RISK (self), 0);

  likelihood = keel_record_get_int (KEEL_RECORD (self), "likelihood");
  impact = keel_record_get_int (KEEL_RECORD (self), "impact");

  if (!keel_risk_rating_is_valid (likelihood) || !keel_risk_rating_is_valid (impact))
    return 0;

  return (guint) (likelihood * impact);
}

KeelRiskLevel
keel_risk_level_for_score (guint score)
{
  if (score == 0)
    return KEEL_RISK_LEVEL_NONE;
  if (score <= 4)
    return KEEL_RISK_LEVEL_LOW;
  if (score <= 12)
    return KEEL_RISK_LEVEL_MEDIUM;
  return KEEL_RISK_LEVEL_HIGH;
}

KeelRiskLevel
keel_risk_get_level (KeelRisk *self)
{
  g_return_val_if_fail (KEEL_IS_RISK (self), KEEL_RISK_LEVEL_NONE);

  return keel_risk_level_for_score (keel_risk_get_score (self));
}

const char *
keel_risk_level_get_label (KeelRiskLevel level)
{
  switch (level)
    {
    case KEEL_RISK_LEVEL_LOW:
      return _("Low");
    case KEEL_RISK_LEVEL_MEDIUM:
      return _("Medium");
    case KEEL_RISK_LEVEL_HIGH:
      return _("High");
    case KEEL_RISK_LEVEL_NONE:
    default:
      return NULL;
    }
}

const char *
keel_risk_level_to_string (KeelRiskLevel level)
{
  static const char * const names[] = { NULL, "low", "medium", "high" };

  g_return_val_if_fail (level <= KEEL_RISK_LEVEL_HIGH, NULL);

  return names[level];
}

char *
keel_risk_format_score (KeelRisk *self)
{
  guint score;

  g_return_val_if_fail (KEEL_IS_RISK (self), NULL);

  score = keel_risk_get_score (self);
  if (score == 0)
    return NULL;

  /* TRANSLATORS: a risk's score and level, as "15 · High" */
  return g_strdup_printf (_("%u · %s"), score,
                          keel_risk_level_get_label (keel_risk_level_for_score (score)));
}
