/* keel-audit.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-audit.h"

/* Audit: a record kind of keel.json ("audits"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "planned", KEEL_FIELD_DATE, N_("Planned for"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "scope", KEEL_FIELD_STRING, N_("Scope"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "auditor", KEEL_FIELD_STRING, N_("Auditor"), NULL, NULL, 0 },
  { "result", KEEL_FIELD_ENUM, N_("Result"), "planned|passed|minor-findings|major-findings", NULL, 0 },
  { "findings", KEEL_FIELD_STRING, N_("Findings"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

KEEL_DEFINE_RECORD_TYPE (KeelAudit, keel_audit, "audit", "audits", "AUD", fields)
