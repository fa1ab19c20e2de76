/* keel-sign-off.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_SIGN_OFF (keel_sign_off_get_type ())

G_DECLARE_FINAL_TYPE (KeelSignOff, keel_sign_off, KEEL, SIGN_OFF, KeelRecord)

G_END_DECLS
