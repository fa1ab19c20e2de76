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
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "description", KEEL_FIELD_STRING, N_("Description"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "strategy_link", KEEL_FIELD_STRING, N_("Business goal it supports"), NULL, NULL, 0 },
  { "department", KEEL_FIELD_STRING, N_("Department"), NULL, NULL, 0 },
  { "measure", KEEL_FIELD_STRING, N_("Measure"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "unit", KEEL_FIELD_STRING, N_("Unit"), NULL, NULL, 0 },
  { "direction", KEEL_FIELD_ENUM, N_("Better when"), "higher|lower", NULL, 0 },
  { "baseline", KEEL_FIELD_DOUBLE, N_("Baseline"), NULL, NULL, 0 },
  { "target", KEEL_FIELD_DOUBLE, N_("Target"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "cadence", KEEL_FIELD_ENUM, N_("Reported"), "weekly|monthly|quarterly|yearly", NULL, 0 },
  { "start", KEEL_FIELD_DATE, N_("Start"), NULL, NULL, 0 },
  { "due", KEEL_FIELD_DATE, N_("Due"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "status", KEEL_FIELD_ENUM, N_("Status"), "not-started|on-track|at-risk|achieved|missed|cancelled", NULL, 0 },
  { "readings", KEEL_FIELD_CHILDREN, N_("Readings"), NULL, keel_reading_get_type, 0 },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

KEEL_DEFINE_RECORD_TYPE (KeelObjective, keel_objective, "objective", "objectives", "OBJ", fields)
