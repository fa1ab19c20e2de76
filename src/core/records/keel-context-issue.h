/* keel-context-issue.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_CONTEXT_ISSUE (keel_context_issue_get_type ())

G_DECLARE_FINAL_TYPE (KeelContextIssue, keel_context_issue, KEEL, CONTEXT_ISSUE, KeelRecord)

G_END_DECLS
