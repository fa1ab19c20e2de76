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
static const KeelChoice scope_choices[] = {
  { "internal", N_("Internal") },
  { "external", N_("External") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Issue"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "scope", KEEL_FIELD_ENUM, N_("Internal or external"), NULL, NULL, KEEL_FIELD_REQUIRED, scope_choices, NULL },
  { "description", KEEL_FIELD_STRING, N_("Description"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "noted_on", KEEL_FIELD_DATE, N_("Noted on"), NULL, NULL, 0 },
  { "changed_on", KEEL_FIELD_DATE, N_("Changed on"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "context-issue",
  .collection = "context",
  .id_prefix = "CTX",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Context issue"),
  .plural_label = N_("Context issues"),
  .get_type = keel_context_issue_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelContextIssue, keel_context_issue, kind)
