/* keel-role-assignment.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_ROLE_ASSIGNMENT (keel_role_assignment_get_type ())

G_DECLARE_FINAL_TYPE (KeelRoleAssignment, keel_role_assignment, KEEL, ROLE_ASSIGNMENT, KeelRecord)

G_END_DECLS
