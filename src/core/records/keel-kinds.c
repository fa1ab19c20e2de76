/* keel-kinds.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-kinds"

#include "config.h"

#include <string.h>

#include "keel-records.h"

/* The registry: every kind of record, found by name, collection or type.
 * Each kind describes itself in its own file; this one only lists them. */

static GType (*const top_level[]) (void) = {
  keel_person_get_type,
  keel_policy_get_type,
  keel_objective_get_type,
  keel_communication_get_type,
  keel_review_get_type,
  keel_action_get_type,
  keel_role_assignment_get_type,
  keel_resource_get_type,
  keel_training_get_type,
  keel_improvement_get_type,
  keel_process_get_type,
  keel_audit_get_type,
  keel_evidence_get_type,
  keel_risk_get_type,
  keel_context_issue_get_type,
  keel_interested_party_get_type,
  keel_dispatch_get_type,
};

static GType (*const parts[]) (void) = {
  keel_organisation_get_type,
  keel_sign_off_get_type,
  keel_policy_version_get_type,
  keel_reading_get_type,
  keel_recurrence_get_type,
  keel_delivery_get_type,
  keel_agenda_item_get_type,
  keel_decision_get_type,
  keel_risk_decision_get_type,
  keel_feedback_get_type,
  keel_evidence_file_get_type,
};

/**
 * keel_kinds_get_all:
 *
 * Returns: (array length=n_kinds): the kinds of keel.json's lists, in the
 *   order the file holds them
 */
const KeelKind * const *
keel_kinds_get_all (guint *n_kinds)
{
  static const KeelKind *kinds[G_N_ELEMENTS (top_level)];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (top_level); i++)
        kinds[i] = keel_kind_for_type (top_level[i] ());
      g_once_init_leave (&initialized, 1);
    }

  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (kinds);

  return kinds;
}

/**
 * keel_kind_lookup:
 * @name: a kind ("objective"), a part ("reading") or a list of keel.json
 *   ("objectives")
 *
 * Returns: (nullable): its description
 */
const KeelKind *
keel_kind_lookup (const char *name)
{
  guint n;
  const KeelKind * const *kinds = keel_kinds_get_all (&n);

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < n; i++)
    if (strcmp (kinds[i]->name, name) == 0 || strcmp (kinds[i]->collection, name) == 0)
      return kinds[i];

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const KeelKind *kind = keel_kind_for_type (parts[i] ());

      if (strcmp (kind->name, name) == 0)
        return kind;
    }

  return NULL;
}
