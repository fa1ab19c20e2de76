/* keel-role-assignment.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-role-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-role-assignment.h"

/* RoleAssignment: a record kind of keel.json ("roles"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "activity", KEEL_FIELD_STRING, N_("Activity"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "person", KEEL_FIELD_REF, N_("Person"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "raci", KEEL_FIELD_ENUM, N_("Responsibility"), "R|A|C|I", NULL, KEEL_FIELD_REQUIRED },
};

KEEL_DEFINE_RECORD_TYPE (KeelRoleAssignment, keel_role_assignment, "role-assignment", "roles", "RACI", fields)
