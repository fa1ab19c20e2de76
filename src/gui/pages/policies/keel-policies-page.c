/* keel-policies-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-records.h"

#include "keel-policies-page.h"
#include "keel-policy-editor.h"

struct _KeelPoliciesPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelPoliciesPage, keel_policies_page, KEEL_TYPE_LIST_PAGE)

static KeelRecord *
approval_of (KeelRecord *policy)
{
  KeelRecord *version = keel_policy_current_version (policy);

  return version && keel_policy_version_is_signed (version) ? keel_record_get_child (version, "approval") : NULL;
}

/* The version in force, "1.1", or "1.2 (draft)" when none is signed */
static char *
version_text (KeelListPage *page,
              KeelRecord   *policy)
{
  KeelRecord *version = keel_policy_current_version (policy);
  const char *number = version ? keel_record_get_string (version, "version") : NULL;

  if (number == NULL)
    return NULL;
  if (keel_policy_version_is_signed (version))
    return g_strdup (number);

  /* Translators: a policy version nobody signed off yet, "1.2 (draft)" */
  return g_strdup_printf (_("%s (draft)"), number);
}

static char *
approved_by_text (KeelListPage *page,
                  KeelRecord   *policy)
{
  KeelRecord *approval = approval_of (policy);
  KeelWorkspace *workspace = keel_list_page_get_workspace (page);
  const char *id = approval ? keel_record_get_string (approval, "by") : NULL;
  KeelRecord *person;

  if (id == NULL)
    return NULL;
  if (workspace != NULL && (person = keel_workspace_lookup (workspace, id)) != NULL)
    return g_strdup (keel_record_get_title (person));

  return g_strdup (id);
}

static char *
approved_on_text (KeelListPage *page,
                  KeelRecord   *policy)
{
  KeelRecord *approval = approval_of (policy);

  return approval ? keel_record_format_field (approval, "on") : NULL;
}

static double
approved_on_number (KeelListPage *page,
                    KeelRecord   *policy)
{
  KeelRecord *approval = approval_of (policy);
  GDateTime *on = approval ? keel_record_get_date (approval, "on") : NULL;

  return on ? (double) g_date_time_to_unix (on) : -1;
}

static char *
review_text (KeelListPage *page,
             KeelRecord   *policy)
{
  return keel_policy_is_review_overdue (policy, NULL) ? g_strdup (_("Overdue")) : NULL;
}

static const char *
overdue_style (KeelListPage *page,
               KeelRecord   *policy)
{
  return keel_policy_is_review_overdue (policy, NULL) ? "error" : NULL;
}

static gboolean
overdue_filter (KeelListPage *page,
                KeelRecord   *policy,
                guint         choice)
{
  return keel_policy_is_review_overdue (policy, NULL);
}

static void
keel_policies_page_class_init (KeelPoliciesPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);
  static const char * const review_choices[] = { N_("Overdue"), NULL };

  page_class->editor_type = KEEL_TYPE_POLICY_EDITOR;

  keel_list_page_class_set_kind (page_class, "policy");
  keel_list_page_class_add_column (page_class, "title");
  keel_list_page_class_add_column (page_class, "owner");
  keel_list_page_class_add_computed_column (page_class, "version", N_("Version"), version_text, NULL);
  keel_list_page_class_add_computed_column (page_class, "approved_by", N_("Approved by"), approved_by_text, NULL);
  keel_list_page_class_add_computed_column (page_class, "approved_on", N_("Approved on"),
                                            approved_on_text, approved_on_number);
  keel_list_page_class_add_column (page_class, "next_review");
  keel_list_page_class_set_column_style (page_class, "next_review", overdue_style);
  keel_list_page_class_add_computed_column (page_class, "review", N_("Review"), review_text, NULL);
  keel_list_page_class_set_column_style (page_class, "review", overdue_style);
  keel_list_page_class_add_filter (page_class, "owner");
  keel_list_page_class_add_custom_filter (page_class, N_("Review"), review_choices, overdue_filter);
  keel_list_page_class_set_empty_state (page_class, "text-x-generic-symbolic",
                                        N_("No Policies Yet"),
                                        N_("The information security policy is approved by top management, communicated, "
                                           "and reviewed at least once a year (ISO/IEC 27001, Clause 5.2)."));
}

static void
keel_policies_page_init (KeelPoliciesPage *self)
{
}
