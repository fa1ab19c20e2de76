/* keel-improvements-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-improvements-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-improvements-page.h"

struct _KeelImprovementsPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelImprovementsPage, keel_improvements_page, KEEL_TYPE_LIST_PAGE)

/* Overdue as of today (KEEL_TODAY in tests) */
static const char *
due_style (KeelListPage *page,
           KeelRecord   *record)
{
  return keel_improvement_is_overdue (KEEL_IMPROVEMENT (record), NULL) ? "overdue" : NULL;
}

/* When the effectiveness was checked, or that a closed one still needs
 * the check */
static char *
effectiveness_text (KeelListPage *page,
                    KeelRecord   *record)
{
  if (keel_improvement_needs_effectiveness_check (KEEL_IMPROVEMENT (record)))
    return g_strdup (_("Awaiting check"));

  return keel_record_format_field (record, "effectiveness_checked_on");
}

static const char *
effectiveness_style (KeelListPage *page,
                     KeelRecord   *record)
{
  return keel_improvement_needs_effectiveness_check (KEEL_IMPROVEMENT (record)) ? "warning" : NULL;
}

static void
keel_improvements_page_class_init (KeelImprovementsPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "improvement");
  keel_list_page_class_add_column (page_class, "date");
  keel_list_page_class_add_column (page_class, "kind");
  keel_list_page_class_add_column (page_class, "description");
  keel_list_page_class_add_column (page_class, "owner");
  keel_list_page_class_add_column (page_class, "due");
  keel_list_page_class_add_column (page_class, "status");
  keel_list_page_class_add_computed_column (page_class, "check", N_("Effectiveness"),
                                            effectiveness_text, NULL);
  keel_list_page_class_set_column_style (page_class, "due", due_style);
  keel_list_page_class_set_column_style (page_class, "check", effectiveness_style);
  keel_list_page_class_add_filter (page_class, "kind");
  keel_list_page_class_add_filter (page_class, "status");
  keel_list_page_class_add_filter (page_class, "owner");
  keel_list_page_class_set_empty_state (page_class, "emblem-synchronizing-symbolic",
                                        N_("No Improvements Yet"),
                                        N_("Log incidents, nonconformities and improvements: the cause, what was corrected, and whether it worked"));
}

static void
keel_improvements_page_init (KeelImprovementsPage *self)
{
}
