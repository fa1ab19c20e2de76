/* keel-organisation.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_ORGANISATION (keel_organisation_get_type ())

G_DECLARE_FINAL_TYPE (KeelOrganisation, keel_organisation, KEEL, ORGANISATION, KeelRecord)

G_END_DECLS
