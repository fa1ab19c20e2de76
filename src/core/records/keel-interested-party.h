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

G_END_DECLS
