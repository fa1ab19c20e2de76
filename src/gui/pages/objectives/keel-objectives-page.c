/* keel-objectives-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objectives-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-objective-editor.h"
#include "keel-objectives-page.h"

struct _KeelObjectivesPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelObjectivesPage, keel_objectives_page, KEEL_TYPE_LIST_PAGE)

static double
progress_number (KeelListPage *page,
                 KeelRecord   *objective)
{
  double progress = keel_objective_progress (objective);

  return isnan (progress) ? -1 : progress;
}

/* "40 %" of the way from baseline to target */
static char *
progress_text (KeelListPage *page,
               KeelRecord   *objective)
{
  double progress = keel_objective_progress (objective);

  if (isnan (progress))
    return NULL;

  return g_strdup_printf ("%.0f %%", progress * 100);
}

static const char *
status_style (KeelListPage *page,
              KeelRecord   *objective)
{
  const char *status = keel_record_get_string (objective, "status");

  if (g_strcmp0 (status, "at-risk") == 0)
    return "warning";
  if (g_strcmp0 (status, "missed") == 0)
    return "error";
  if (g_strcmp0 (status, "achieved") == 0)
    return "success";
  return NULL;
}

static void
keel_objectives_page_class_init (KeelObjectivesPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  page_class->editor_type = KEEL_TYPE_OBJECTIVE_EDITOR;

  keel_list_page_class_set_kind (page_class, "objective");
  keel_list_page_class_add_column (page_class, "title");
  keel_list_page_class_add_column (page_class, "owner");
  keel_list_page_class_add_computed_column (page_class, "progress", N_("Progress"), progress_text, progress_number);
  keel_list_page_class_add_column (page_class, "due");
  keel_list_page_class_add_column (page_class, "status");
  keel_list_page_class_set_column_style (page_class, "status", status_style);
  keel_list_page_class_add_filter (page_class, "status");
  keel_list_page_class_add_filter (page_class, "owner");
  keel_list_page_class_set_empty_state (page_class, "emblem-default-symbolic",
                                        N_("No Objectives Yet"),
                                        N_("Set measurable information security objectives, who owns them and by when they are due"));
}

static void
keel_objectives_page_init (KeelObjectivesPage *self)
{
}
