/* keel-resources-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-resources-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-resources-page.h"

struct _KeelResourcesPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelResourcesPage, keel_resources_page, KEEL_TYPE_LIST_PAGE)

/* "1,200.00 EUR": the amount with its currency */
static char *
amount_text (KeelListPage *page,
             KeelRecord   *record)
{
  double amount = keel_record_get_double (record, "amount");
  const char *currency = keel_record_get_string (record, "currency");

  if (isnan (amount))
    return NULL;

  return g_strdup_printf ("%'.2f %s", amount, currency ? currency : "");
}

static double
amount_number (KeelListPage *page,
               KeelRecord   *record)
{
  double amount = keel_record_get_double (record, "amount");

  return isnan (amount) ? -INFINITY : amount;
}

static void
keel_resources_page_class_init (KeelResourcesPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "resource");
  keel_list_page_class_add_column (page_class, "item");
  keel_list_page_class_add_column (page_class, "category");
  keel_list_page_class_add_column (page_class, "owner");
  keel_list_page_class_add_computed_column (page_class, "amount", N_("Amount"), amount_text, amount_number);
  keel_list_page_class_add_column (page_class, "period");
  keel_list_page_class_add_column (page_class, "approved_on");
  keel_list_page_class_add_filter (page_class, "category");
  keel_list_page_class_set_empty_state (page_class, "package-x-generic-symbolic",
                                        N_("No Resources Yet"),
                                        N_("List the budget, people, tools and time the ISMS needs, and who approved them"));
}

static void
keel_resources_page_init (KeelResourcesPage *self)
{
}
