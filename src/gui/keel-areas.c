/* keel-areas.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-areas"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-actions-page.h"
#include "keel-areas.h"
#include "keel-audits-page.h"
#include "keel-context-page.h"
#include "keel-improvements-page.h"
#include "keel-objectives-page.h"
#include "keel-parties-page.h"
#include "keel-people-page.h"
#include "keel-policies-page.h"
#include "keel-processes-page.h"
#include "keel-resources-page.h"
#include "keel-risks-page.h"
#include "keel-roles-page.h"
#include "keel-training-page.h"

/* Every area of the window, one line each. A page is a GtkWidget with a
 * "workspace" property (see keel-window.h); the window creates it the
 * first time it is needed. Adding an area is adding a line here: the
 * group puts it under its heading in the sidebar. */
static const KeelArea areas[] = {
  { "objectives", N_("Objectives"), "emblem-default-symbolic", KEEL_AREA_GROUP_LEADERSHIP, keel_objectives_page_get_type },
  { "policies", N_("Policies"), "text-x-generic-symbolic", KEEL_AREA_GROUP_LEADERSHIP, keel_policies_page_get_type },
  { "people", N_("People"), "system-users-symbolic", KEEL_AREA_GROUP_SUPPORT, keel_people_page_get_type },
  { "roles", N_("Roles"), "user-info-symbolic", KEEL_AREA_GROUP_SUPPORT, keel_roles_page_get_type },
  { "resources", N_("Resources"), "package-x-generic-symbolic", KEEL_AREA_GROUP_SUPPORT, keel_resources_page_get_type },
  { "training", N_("Training"), "application-certificate-symbolic", KEEL_AREA_GROUP_SUPPORT, keel_training_page_get_type },
  { "processes", N_("Processes"), "emblem-system-symbolic", KEEL_AREA_GROUP_OPERATIONS, keel_processes_page_get_type },
  { "audits", N_("Audits"), "checkbox-checked-symbolic", KEEL_AREA_GROUP_OPERATIONS, keel_audits_page_get_type },
  { "actions", N_("Actions"), "object-select-symbolic", KEEL_AREA_GROUP_IMPROVEMENT, keel_actions_page_get_type },
  { "improvements", N_("Improvements"), "emblem-synchronizing-symbolic", KEEL_AREA_GROUP_IMPROVEMENT, keel_improvements_page_get_type },
  { "risks", N_("Risks"), "dialog-warning-symbolic", KEEL_AREA_GROUP_RISK, keel_risks_page_get_type },
  { "context", N_("Context"), "find-location-symbolic", KEEL_AREA_GROUP_RISK, keel_context_page_get_type },
  { "parties", N_("Interested Parties"), "x-office-address-book-symbolic", KEEL_AREA_GROUP_RISK, keel_parties_page_get_type },
};

static const char * const group_labels[KEEL_N_AREA_GROUPS] = {
  [KEEL_AREA_GROUP_LEADERSHIP] = N_("Leadership"),
  [KEEL_AREA_GROUP_SUPPORT] = N_("Support"),
  [KEEL_AREA_GROUP_OPERATIONS] = N_("Operations"),
  [KEEL_AREA_GROUP_IMPROVEMENT] = N_("Improvement"),
  [KEEL_AREA_GROUP_RISK] = N_("Risk and Context"),
};

/* The table sorted by group, stably */
static const KeelArea *sorted[G_N_ELEMENTS (areas)];

static void
ensure_sorted (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint n = 0;

      for (guint group = 0; group < KEEL_N_AREA_GROUPS; group++)
        for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
          if (areas[i].group == group)
            sorted[n++] = &areas[i];

      g_assert (n == G_N_ELEMENTS (areas));
      g_once_init_leave (&done, 1);
    }
}

guint
keel_areas_get_n_areas (void)
{
  return G_N_ELEMENTS (areas);
}

const KeelArea *
keel_areas_get (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (areas), NULL);

  ensure_sorted ();

  return sorted[position];
}

int
keel_areas_find (const char *id)
{
  if (id == NULL)
    return -1;

  ensure_sorted ();

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (sorted[i]->id, id) == 0)
      return (int) i;

  return -1;
}

const char *
keel_area_group_get_label (KeelAreaGroup group)
{
  g_return_val_if_fail (group < KEEL_N_AREA_GROUPS, NULL);

  return _(group_labels[group]);
}
