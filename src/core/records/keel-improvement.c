/* keel-improvement.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-improvement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-improvement.h"

/* Improvement: a record kind of keel.json ("improvements"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice kind_choices[] = {
  { "incident", N_("Incident") },
  { "nonconformity", N_("Nonconformity") },
  { "improvement", N_("Improvement") },
  KEEL_CHOICES_END,
};

static const KeelChoice status_choices[] = {
  { "open", N_("Open") },
  { "in-progress", N_("In progress") },
  { "closed", N_("Closed") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "date", KEEL_FIELD_DATE, N_("Date"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "kind", KEEL_FIELD_ENUM, N_("Kind"), NULL, NULL, KEEL_FIELD_REQUIRED, kind_choices, NULL },
  { "description", KEEL_FIELD_STRING, N_("Description"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "root_cause", KEEL_FIELD_STRING, N_("Root cause"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "correction", KEEL_FIELD_STRING, N_("Correction"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "corrective_action", KEEL_FIELD_STRING, N_("Corrective action"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "due", KEEL_FIELD_DATE, N_("Due"), NULL, NULL, 0 },
  { "status", KEEL_FIELD_ENUM, N_("Status"), NULL, NULL, 0, status_choices, "open" },
  { "effectiveness", KEEL_FIELD_STRING, N_("Effectiveness check"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "effectiveness_checked_on", KEEL_FIELD_DATE, N_("Checked on"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "improvement",
  .collection = "improvements",
  .id_prefix = "NC",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Improvement"),
  .plural_label = N_("Improvements"),
  .sort_key = "date",
  .get_type = keel_improvement_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelImprovement, keel_improvement, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

static gboolean
is_closed (KeelImprovement *self)
{
  return g_strcmp0 (keel_record_get_string (KEEL_RECORD (self), "status"), "closed") == 0;
}

gboolean
keel_improvement_is_overdue (KeelImprovement *self,
                             GDateTime       *today)
{
  GDateTime *due;
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (KEEL_IS_IMPROVEMENT (self), FALSE);

  due = keel_record_get_date (KEEL_RECORD (self), "due");
  if (due == NULL || is_closed (self))
    return FALSE;

  day = today != NULL ? g_date_time_ref (today) : keel_date_today ();

  return keel_date_compare (due, day) < 0;
}

gboolean
keel_improvement_needs_effectiveness_check (KeelImprovement *self)
{
  g_return_val_if_fail (KEEL_IS_IMPROVEMENT (self), FALSE);

  return is_closed (self)
         && (!keel_record_is_set (KEEL_RECORD (self), "effectiveness")
             || !keel_record_is_set (KEEL_RECORD (self), "effectiveness_checked_on"));
}
