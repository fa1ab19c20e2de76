/* keel-context-issue.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-context-issue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-context-issue.h"

/* ContextIssue: a record kind of keel.json ("context"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Issue"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "scope", KEEL_FIELD_ENUM, N_("Internal or external"), "internal|external", NULL, KEEL_FIELD_REQUIRED },
  { "description", KEEL_FIELD_STRING, N_("Description"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "noted_on", KEEL_FIELD_DATE, N_("Noted on"), NULL, NULL, 0 },
  { "changed_on", KEEL_FIELD_DATE, N_("Changed on"), NULL, NULL, 0 },
};

KEEL_DEFINE_RECORD_TYPE (KeelContextIssue, keel_context_issue, "context-issue", "context", "CTX", fields)
