/* keel-person.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_PERSON (keel_person_get_type ())

G_DECLARE_FINAL_TYPE (KeelPerson, keel_person, KEEL, PERSON, KeelRecord)

G_END_DECLS
