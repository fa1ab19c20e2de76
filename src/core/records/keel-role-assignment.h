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

/* RACI: every activity should have exactly one Accountable person. Two
 * assignments are for the same activity when their activities match
 * without regard to case or surrounding spaces. */

/* Whether @a and @b name the same activity */
gboolean   keel_role_assignment_same_activity      (const char *a,
                                                    const char *b);
/* The ids of the people accountable ("A") for @activity among @roles (a
 * list of KeelRoleAssignment), in list order, each once
 * (transfer container) */
GPtrArray *keel_role_assignment_list_accountable   (GListModel *roles,
                                                    const char *activity);
/* How many different activities in @roles have no Accountable person */
guint      keel_role_assignment_count_unaccountable (GListModel *roles);

G_END_DECLS
