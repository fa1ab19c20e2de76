/* keel-evidence.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-evidence-file.h"
#include "keel-evidence.h"

/* Evidence: a record kind of keel.json ("evidence"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "file", KEEL_FIELD_CHILD, N_("File"), NULL, keel_evidence_file_get_type, 0 },
  { "added_on", KEEL_FIELD_DATE, N_("Added on"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "valid_until", KEEL_FIELD_DATE, N_("Valid until"), NULL, NULL, 0 },
  { "clauses", KEEL_FIELD_STRV, N_("Clauses"), NULL, NULL, 0 },
  { "links", KEEL_FIELD_REF_LIST, N_("Linked records"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "evidence",
  .collection = "evidence",
  .id_prefix = "EVD",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Evidence item"),
  .plural_label = N_("Evidence"),
  .get_type = keel_evidence_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelEvidence, keel_evidence, kind)
