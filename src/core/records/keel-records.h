/* keel-records.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-sign-off.h"
#include "keel-policy-version.h"
#include "keel-reading.h"
#include "keel-recurrence.h"
#include "keel-delivery.h"
#include "keel-agenda-item.h"
#include "keel-decision.h"
#include "keel-risk-decision.h"
#include "keel-feedback.h"
#include "keel-evidence-file.h"
#include "keel-organisation.h"
#include "keel-person.h"
#include "keel-policy.h"
#include "keel-objective.h"
#include "keel-communication.h"
#include "keel-review.h"
#include "keel-action.h"
#include "keel-role-assignment.h"
#include "keel-resource.h"
#include "keel-training.h"
#include "keel-improvement.h"
#include "keel-process.h"
#include "keel-audit.h"
#include "keel-evidence.h"
#include "keel-risk.h"
#include "keel-context-issue.h"
#include "keel-interested-party.h"
#include "keel-dispatch.h"
