/* keel-parties-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-parties-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-records.h"

#include "keel-parties-page.h"

struct _KeelPartiesPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelPartiesPage, keel_parties_page, KEEL_TYPE_LIST_PAGE)

/* The feedback filter's entries after "All" */
static const char * const heard_choices[] = {
  N_("Heard from in the last year"), N_("Not heard from in a year"), NULL,
};

static char *
latest_feedback_text (KeelListPage *page,
                      KeelRecord   *record)
{
  GDateTime *on = keel_interested_party_get_latest_feedback_date (KEEL_INTERESTED_PARTY (record));

  return on != NULL ? keel_date_format (on) : g_strdup (C_("feedback", "Never"));
}

static double
latest_feedback_number (KeelListPage *page,
                        KeelRecord   *record)
{
  GDateTime *on = keel_interested_party_get_latest_feedback_date (KEEL_INTERESTED_PARTY (record));

  return on != NULL ? (double) g_date_time_to_unix (on) : -INFINITY;
}

/* Whether the party was heard from in the last year */
static gboolean
heard_lately (KeelRecord *record)
{
  GDateTime *on = keel_interested_party_get_latest_feedback_date (KEEL_INTERESTED_PARTY (record));
  g_autoptr(GDateTime) today = keel_date_today ();
  g_autoptr(GDateTime) year_ago = keel_date_add_months (today, -12);

  return on != NULL && keel_date_compare (on, year_ago) > 0;
}

/* Feedback more than a year old is worth asking again */
static const char *
latest_feedback_style (KeelListPage *page,
                       KeelRecord   *record)
{
  return heard_lately (record) ? NULL : "warning";
}

static gboolean
heard_filter (KeelListPage *page,
              KeelRecord   *record,
              guint         choice)
{
  return choice == 1 ? heard_lately (record) : !heard_lately (record);
}

static void
keel_parties_page_class_init (KeelPartiesPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "interested-party");
  keel_list_page_class_add_column (page_class, "name");
  keel_list_page_class_add_computed_column (page_class, "latest_feedback", N_("Latest feedback"),
                                            latest_feedback_text, latest_feedback_number);
  keel_list_page_class_set_column_style (page_class, "latest_feedback", latest_feedback_style);
  keel_list_page_class_add_custom_filter (page_class, N_("Feedback"), heard_choices, heard_filter);
  keel_list_page_class_set_empty_state (page_class, "x-office-address-book-symbolic",
                                        N_("No Interested Parties Yet"),
                                        N_("List who has a stake in the ISMS, what they need and expect, and what they tell you"));
}

static void
keel_parties_page_init (KeelPartiesPage *self)
{
}
