/* keel-audit.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-audit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-audit.h"
#include "keel-date.h"

/* Audit: a record kind of keel.json ("audits"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice result_choices[] = {
  { "planned", N_("Planned") },
  { "passed", N_("Passed") },
  { "minor-findings", N_("Minor findings") },
  { "major-findings", N_("Major findings") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "planned", KEEL_FIELD_DATE, N_("Planned for"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "scope", KEEL_FIELD_STRING, N_("Scope"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "auditor", KEEL_FIELD_STRING, N_("Auditor"), NULL, NULL, 0 },
  { "result", KEEL_FIELD_ENUM, N_("Result"), NULL, NULL, 0, result_choices, "planned" },
  { "findings", KEEL_FIELD_STRING, N_("Findings"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

static const KeelKind kind = {
  .name = "audit",
  .collection = "audits",
  .id_prefix = "AUD",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Audit"),
  .plural_label = N_("Audits"),
  .sort_key = "planned",
  .get_type = keel_audit_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelAudit, keel_audit, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

gboolean
keel_audit_is_overdue (KeelAudit *self,
                       GDateTime *today)
{
  GDateTime *planned;
  const char *result;
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (KEEL_IS_AUDIT (self), FALSE);

  planned = keel_record_get_date (KEEL_RECORD (self), "planned");
  result = keel_record_get_string (KEEL_RECORD (self), "result");
  if (planned == NULL || (result != NULL && strcmp (result, "planned") != 0))
    return FALSE;

  day = today != NULL ? g_date_time_ref (today) : keel_date_today ();

  return keel_date_compare (planned, day) < 0;
}
