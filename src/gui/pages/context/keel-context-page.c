/* keel-context-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-context-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-context-page.h"

struct _KeelContextPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelContextPage, keel_context_page, KEEL_TYPE_LIST_PAGE)

static void
keel_context_page_class_init (KeelContextPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "context-issue");
  keel_list_page_class_add_column (page_class, "title");
  keel_list_page_class_add_column (page_class, "scope");
  keel_list_page_class_add_column (page_class, "noted_on");
  keel_list_page_class_add_column (page_class, "changed_on");
  keel_list_page_class_add_filter (page_class, "scope");
  keel_list_page_class_set_empty_state (page_class, "find-location-symbolic",
                                        N_("No Context Issues Yet"),
                                        N_("Note the internal and external issues that shape the ISMS, and when they change"));
}

static void
keel_context_page_init (KeelContextPage *self)
{
}
