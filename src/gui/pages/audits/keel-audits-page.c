/* keel-audits-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-audits-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-audits-page.h"

struct _KeelAuditsPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelAuditsPage, keel_audits_page, KEEL_TYPE_LIST_PAGE)

/* Planned for a day gone by, and still no result */
static const char *
planned_style (KeelListPage *page,
               KeelRecord   *record)
{
  return keel_audit_is_overdue (KEEL_AUDIT (record), NULL) ? "overdue" : NULL;
}

static void
keel_audits_page_class_init (KeelAuditsPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "audit");
  keel_list_page_class_add_column (page_class, "title");
  keel_list_page_class_add_column (page_class, "planned");
  keel_list_page_class_add_column (page_class, "scope");
  keel_list_page_class_add_column (page_class, "auditor");
  keel_list_page_class_add_column (page_class, "result");
  keel_list_page_class_add_column (page_class, "findings");
  keel_list_page_class_set_column_style (page_class, "planned", planned_style);
  keel_list_page_class_add_filter (page_class, "result");
  keel_list_page_class_set_empty_state (page_class, "checkbox-checked-symbolic",
                                        N_("No Audits Yet"),
                                        N_("Plan the year's internal audits, then record who audited what, the result and the findings"));
}

static void
keel_audits_page_init (KeelAuditsPage *self)
{
}
