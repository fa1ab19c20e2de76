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
static const KeelChoice raci_choices[] = {
  { "R", N_("Responsible") },
  { "A", N_("Accountable") },
  { "C", N_("Consulted") },
  { "I", N_("Informed") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "activity", KEEL_FIELD_STRING, N_("Activity"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "person", KEEL_FIELD_REF, N_("Person"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "raci", KEEL_FIELD_ENUM, N_("Responsibility"), NULL, NULL, KEEL_FIELD_REQUIRED, raci_choices, NULL },
};

static const KeelKind kind = {
  .name = "role-assignment",
  .collection = "roles",
  .id_prefix = "RACI",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Role assignment"),
  .plural_label = N_("Roles"),
  .sort_key = "activity",
  .get_type = keel_role_assignment_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelRoleAssignment, keel_role_assignment, kind)
