/* keel-policies-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policies-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "keel-gui-util.h"
#include "keel-policy-form.h"
#include "keel-records.h"

#include "keel-policy-editor.h"
#include "keel-policy-row.h"
#include "keel-policies-page.h"
#include "keel-pages-private.h"

struct _KeelPoliciesPage
{
  KeelListPage         parent_instance;

  /* Template widgets */
  GtkCheckButton      *overdue_filter;
  GtkColumnViewColumn *id_column;
};

G_DEFINE_FINAL_TYPE (KeelPoliciesPage, keel_policies_page, KEEL_TYPE_LIST_PAGE)

/* ------------------------------------------------------------------------ */
/* Template callbacks (formatters for the column view)                      */
/* ------------------------------------------------------------------------ */

static GStrv
review_classes (gpointer unused,
                gboolean overdue)
{
  static const char * const overdue_classes[] = { "error", "numeric", NULL };
  static const char * const normal_classes[] = { "numeric", NULL };

  return g_strdupv ((char **) (overdue ? overdue_classes : normal_classes));
}

/* ------------------------------------------------------------------------ */
/* KeelListPage                                                             */
/* ------------------------------------------------------------------------ */

static gboolean
keel_policies_page_filter (KeelListPage *page,
                           KeelRecord   *policy)
{
  KeelPoliciesPage *self = KEEL_POLICIES_PAGE (page);

  return !gtk_check_button_get_active (self->overdue_filter) ||
         keel_policy_is_review_overdue (policy, NULL);
}

static char *
keel_policies_page_count_text (KeelListPage *page,
                               guint         shown,
                               guint         total)
{
  if (shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u policy", "%u policies", total), total);

  /* Translators: "3 of 12 policies", after search or filters */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u policy", "%u of %u policies", total),
                          shown, total);
}

static GtkWidget *
keel_policies_page_create_editor (KeelListPage *page,
                                  KeelRecord   *policy)
{
  return GTK_WIDGET (keel_policy_editor_new (keel_list_page_get_workspace (page), policy));
}

static void
keel_policies_page_view_changed (KeelListPage *page,
                                 guint         total)
{
  KeelPoliciesPage *self = KEEL_POLICIES_PAGE (page);

  gtk_widget_set_visible (GTK_WIDGET (self->overdue_filter), total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (keel_list_page_get_search_entry (page)), total > 0);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_policies_page_class_init (KeelPoliciesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  page_class->record_type = KEEL_TYPE_POLICY;
  page_class->row_type = KEEL_TYPE_POLICY_ROW;
  page_class->filter = keel_policies_page_filter;
  page_class->count_text = keel_policies_page_count_text;
  page_class->create_editor = keel_policies_page_create_editor;
  page_class->view_changed = keel_policies_page_view_changed;

  /* The table's expressions name these types */
  g_type_ensure (KEEL_TYPE_POLICY);
  g_type_ensure (KEEL_TYPE_POLICY_ROW);

  _keel_pages_ensure_style ();

  keel_list_page_class_set_template (widget_class, "/io/github/keelisms/Keel/pages/keel-policies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, overdue_filter);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, id_column);
  gtk_widget_class_bind_template_callback (widget_class, review_classes);
}

static void
keel_policies_page_init (KeelPoliciesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  keel_gui_fix_button_names (GTK_WIDGET (self));

  gtk_column_view_sort_by_column (gtk_column_view_column_get_column_view (self->id_column),
                                  self->id_column, GTK_SORT_ASCENDING);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_policies_page_new (void)
{
  return g_object_new (KEEL_TYPE_POLICIES_PAGE, NULL);
}

KeelWorkspace *
keel_policies_page_get_workspace (KeelPoliciesPage *self)
{
  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);

  return keel_list_page_get_workspace (KEEL_LIST_PAGE (self));
}

void
keel_policies_page_set_workspace (KeelPoliciesPage *self,
                                  KeelWorkspace    *workspace)
{
  g_return_if_fail (KEEL_IS_POLICIES_PAGE (self));

  keel_list_page_set_workspace (KEEL_LIST_PAGE (self), workspace);
}

KeelRecord *
keel_policies_page_get_selected (KeelPoliciesPage *self)
{
  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);

  return keel_list_page_get_selected (KEEL_LIST_PAGE (self));
}

gboolean
keel_policies_page_select (KeelPoliciesPage *self,
                           KeelRecord       *policy)
{
  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), FALSE);

  return keel_list_page_select (KEEL_LIST_PAGE (self), policy);
}

GtkWidget *
keel_policies_page_open_editor (KeelPoliciesPage *self,
                                KeelRecord       *policy)
{
  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);
  g_return_val_if_fail (!policy || KEEL_IS_POLICY (policy), NULL);

  return keel_list_page_open_editor (KEEL_LIST_PAGE (self), policy);
}

GListModel *
keel_policies_page_get_model (KeelPoliciesPage *self)
{
  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);

  return G_LIST_MODEL (keel_list_page_get_selection (KEEL_LIST_PAGE (self)));
}
