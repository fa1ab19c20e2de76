/* keel-audit.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_AUDIT (keel_audit_get_type ())

G_DECLARE_FINAL_TYPE (KeelAudit, keel_audit, KEEL, AUDIT, KeelRecord)

/* Overdue: still planned (or no result), but planned for a day before @today (NULL:
 * keel_date_today ()), so its result is missing from the audit plan */
gboolean keel_audit_is_overdue (KeelAudit *self,
                                GDateTime *today);

G_END_DECLS
