/* keel-roles-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-roles-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-roles-page.h"

struct _KeelRolesPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelRolesPage, keel_roles_page, KEEL_TYPE_LIST_PAGE)

/* The accountability filter's entry after "All" */
static const char * const accountable_choices[] = {
  N_("Nobody accountable"), NULL,
};

/* The people accountable for @record's activity (transfer container) */
static GPtrArray *
list_accountable (KeelListPage *page,
                  KeelRecord   *record)
{
  KeelWorkspace *workspace = keel_list_page_get_workspace (page);
  GListModel *roles;

  if (workspace == NULL)
    return g_ptr_array_new ();

  roles = keel_workspace_get_records (workspace, KEEL_TYPE_ROLE_ASSIGNMENT);

  return keel_role_assignment_list_accountable (roles, keel_record_get_string (record, "activity"));
}

/* Who is accountable for the activity: a name, names, or "Nobody" */
static char *
accountable_text (KeelListPage *page,
                  KeelRecord   *record)
{
  g_autoptr(GPtrArray) people = list_accountable (page, record);
  KeelWorkspace *workspace = keel_list_page_get_workspace (page);
  g_autoptr(GString) names = g_string_new (NULL);

  if (people->len == 0)
    return g_strdup (_("Nobody"));

  for (guint i = 0; i < people->len; i++)
    {
      KeelRecord *person = keel_workspace_lookup (workspace, g_ptr_array_index (people, i));

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, person ? keel_record_get_title (person) : g_ptr_array_index (people, i));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Nobody accountable is a gap; more than one blurs who answers for it */
static const char *
accountable_style (KeelListPage *page,
                   KeelRecord   *record)
{
  g_autoptr(GPtrArray) people = list_accountable (page, record);

  if (people->len == 0)
    return "error";
  if (people->len > 1)
    return "warning";
  return NULL;
}

static gboolean
accountable_filter (KeelListPage *page,
                    KeelRecord   *record,
                    guint         choice)
{
  g_autoptr(GPtrArray) people = list_accountable (page, record);

  return people->len == 0;
}

static void
keel_roles_page_class_init (KeelRolesPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "role-assignment");
  keel_list_page_class_add_column (page_class, "activity");
  keel_list_page_class_add_column (page_class, "person");
  keel_list_page_class_add_column (page_class, "raci");
  keel_list_page_class_add_computed_column (page_class, "accountable", N_("Accountable for the activity"),
                                            accountable_text, NULL);
  keel_list_page_class_set_column_style (page_class, "accountable", accountable_style);
  keel_list_page_class_add_filter (page_class, "raci");
  keel_list_page_class_add_filter (page_class, "person");
  keel_list_page_class_add_custom_filter (page_class, N_("Accountability"), accountable_choices,
                                          accountable_filter);
  keel_list_page_class_set_empty_state (page_class, "user-info-symbolic",
                                        N_("No Roles Yet"),
                                        N_("Say who is responsible, accountable, consulted and informed for each activity of the ISMS"));
}

static void
keel_roles_page_init (KeelRolesPage *self)
{
}
