/* keel-actions-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-actions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-date.h"

#include "keel-actions-page.h"

struct _KeelActionsPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelActionsPage, keel_actions_page, KEEL_TYPE_LIST_PAGE)

/* Overdue: due before today (KEEL_TODAY in tests) and neither done nor
 * cancelled */
static const char *
due_style (KeelListPage *page,
           KeelRecord   *record)
{
  GDateTime *due = keel_record_get_date (record, "due");
  const char *status = keel_record_get_string (record, "status");
  g_autoptr(GDateTime) today = keel_date_today ();

  if (due == NULL || g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "cancelled") == 0)
    return NULL;

  return keel_date_compare (due, today) < 0 ? "overdue" : NULL;
}

static void
keel_actions_page_class_init (KeelActionsPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "action");
  keel_list_page_class_add_column (page_class, "title");
  keel_list_page_class_add_column (page_class, "source");
  keel_list_page_class_add_column (page_class, "owner");
  keel_list_page_class_add_column (page_class, "due");
  keel_list_page_class_add_column (page_class, "status");
  keel_list_page_class_set_column_style (page_class, "due", due_style);
  keel_list_page_class_add_filter (page_class, "status");
  keel_list_page_class_add_filter (page_class, "owner");
  keel_list_page_class_set_empty_state (page_class, "object-select-symbolic",
                                        N_("No Actions Yet"),
                                        N_("Record what is to be done, by whom and by when, and where it comes from"));
}

static void
keel_actions_page_init (KeelActionsPage *self)
{
}
