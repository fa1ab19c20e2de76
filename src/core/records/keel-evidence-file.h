/* keel-evidence-file.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_EVIDENCE_FILE (keel_evidence_file_get_type ())

G_DECLARE_FINAL_TYPE (KeelEvidenceFile, keel_evidence_file, KEEL, EVIDENCE_FILE, KeelRecord)

G_END_DECLS
