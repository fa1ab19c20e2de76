/* keel-risk-editor.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record-editor.h"

G_BEGIN_DECLS

/* The editor of a risk: the generic one, with likelihood and impact held
 * to the scale of 1 to 5 on their rows and the score and level they give
 * below them, as they are typed */

#define KEEL_TYPE_RISK_EDITOR (keel_risk_editor_get_type ())

G_DECLARE_FINAL_TYPE (KeelRiskEditor, keel_risk_editor, KEEL, RISK_EDITOR, KeelRecordEditor)

/* What the score row shows: "12 · Medium", or "Not rated" */
const char *keel_risk_editor_get_score_text (KeelRiskEditor *self);

G_END_DECLS
