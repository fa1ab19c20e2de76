/* keel-evidence-file.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-evidence-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-evidence-file.h"

/* EvidenceFile: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "name", KEEL_FIELD_STRING, N_("Original name"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "sha256", KEEL_FIELD_STRING, N_("SHA-256"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "size", KEEL_FIELD_INT, N_("Size"), NULL, NULL, 0 },
  { "media_type", KEEL_FIELD_STRING, N_("Media type"), NULL, NULL, 0 },
  { "path", KEEL_FIELD_STRING, N_("Path in the workspace"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "evidence-file",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Evidence file"),
  .plural_label = N_("Evidence files"),
  .get_type = keel_evidence_file_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelEvidenceFile, keel_evidence_file, kind)
