/* keel-objective.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objective"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-reading.h"
#include "keel-objective.h"

/* Objective: a record kind of keel.json ("objectives"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice direction_choices[] = {
  { "higher", N_("Higher is better") },
  { "lower", N_("Lower is better") },
  KEEL_CHOICES_END,
};

static const KeelChoice cadence_choices[] = {
  { "weekly", N_("Weekly") },
  { "monthly", N_("Monthly") },
  { "quarterly", N_("Quarterly") },
  { "yearly", N_("Yearly") },
  KEEL_CHOICES_END,
};

static const KeelChoice status_choices[] = {
  { "not-started", N_("Not started") },
  { "on-track", N_("On track") },
  { "at-risk", N_("At risk") },
  { "achieved", N_("Achieved") },
  { "missed", N_("Missed") },
  { "cancelled", N_("Cancelled") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "description", KEEL_FIELD_STRING, N_("Description"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "strategy_link", KEEL_FIELD_STRING, N_("Business goal it supports"), NULL, NULL, 0 },
  { "department", KEEL_FIELD_STRING, N_("Department"), NULL, NULL, 0 },
  { "measure", KEEL_FIELD_STRING, N_("Measure"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "unit", KEEL_FIELD_STRING, N_("Unit"), NULL, NULL, 0 },
  { "direction", KEEL_FIELD_ENUM, N_("Better when"), NULL, NULL, 0, direction_choices, "higher" },
  { "baseline", KEEL_FIELD_DOUBLE, N_("Baseline"), NULL, NULL, 0 },
  { "target", KEEL_FIELD_DOUBLE, N_("Target"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "cadence", KEEL_FIELD_ENUM, N_("Reported"), NULL, NULL, 0, cadence_choices, "monthly" },
  { "start", KEEL_FIELD_DATE, N_("Start"), NULL, NULL, 0 },
  { "due", KEEL_FIELD_DATE, N_("Due"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "status", KEEL_FIELD_ENUM, N_("Status"), NULL, NULL, 0, status_choices, "not-started" },
  { "readings", KEEL_FIELD_CHILDREN, N_("Readings"), NULL, keel_reading_get_type, 0 },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

static const KeelKind kind = {
  .name = "objective",
  .collection = "objectives",
  .id_prefix = "OBJ",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Objective"),
  .plural_label = N_("Objectives"),
  .sort_key = "due",
  .get_type = keel_objective_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelObjective, keel_objective, kind)
