/* keel-interested-party.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_INTERESTED_PARTY (keel_interested_party_get_type ())

G_DECLARE_FINAL_TYPE (KeelInterestedParty, keel_interested_party, KEEL, INTERESTED_PARTY, KeelRecord)

/* The feedback received last: the one with the latest date (of two on
 * the same day, the later in the list), or NULL when there is none with a
 * date. (transfer none) */
KeelRecord *keel_interested_party_get_latest_feedback      (KeelInterestedParty *self);
/* Its date, or NULL (transfer none) */
GDateTime  *keel_interested_party_get_latest_feedback_date (KeelInterestedParty *self);

G_END_DECLS
