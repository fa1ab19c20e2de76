/* keel-policies-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policies-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "keel-policy-form.h"
#include "keel-records.h"
#include "keel-window.h"

#include "keel-adaptive-layout.h"
#include "keel-policy-editor.h"
#include "keel-policy-row.h"
#include "keel-policies-page.h"
#include "keel-pages-private.h"
#include "keel-row-model.h"

struct _KeelPoliciesPage
{
  GtkWidget            parent_instance;

  KeelWorkspace       *workspace;
  KeelRowModel        *rows;
  char                *search;

  /* Template widgets */
  GtkBox              *toolbar;
  GtkSearchEntry      *search_entry;
  GtkCheckButton      *overdue_filter;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *id_column;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
};

G_DEFINE_FINAL_TYPE (KeelPoliciesPage, keel_policies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
update_actions (KeelPoliciesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", self->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete",
                                 keel_policies_page_get_selected (self) != NULL);
}

static void
update_view (KeelPoliciesPage *self)
{
  guint total = self->rows ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (total == 0)
    count = g_strdup ("");
  else if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u policy", "%u policies", total), total);
  else
    /* Translators: "3 of 12 policies", after search or filters */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u policy", "%u of %u policies", total),
                             shown, total);

  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_filter), total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0);

  update_actions (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KeelPoliciesPage *self = user_data;
  KeelPolicyRow *row = item;
  KeelRecord *policy = keel_policy_row_get_policy (row);

  if (gtk_check_button_get_active (self->overdue_filter) &&
      !keel_policy_is_review_overdue (policy, NULL))
    return FALSE;

  if (self->search != NULL)
    {
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;

      g_object_get (row, "search-text", &text, NULL);
      folded = g_utf8_casefold (text, -1);
      if (strstr (folded, self->search) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gpointer
map_row (gpointer item,
         gpointer user_data)
{
  KeelPoliciesPage *self = user_data;
  return keel_policy_row_new (item, self->workspace);
}

static void
delete_selected (KeelPoliciesPage *self)
{
  KeelRecord *selected = keel_policies_page_get_selected (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(KeelRecord) policy = NULL;
  g_autofree char *title = NULL;

  if (selected == NULL)
    return;

  /* Removing it drops the table's references: hold one until done */
  policy = g_object_ref (selected);
  title = g_strdup (keel_record_get_string (policy, "title"));
  if (title == NULL)
    title = g_strdup (keel_record_get_id (policy));

  if (KEEL_IS_WINDOW (root))
    keel_window_delete_with_undo (KEEL_WINDOW (root), policy, title);
  else
    keel_workspace_remove (self->workspace, policy, NULL);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
search_changed_cb (KeelPoliciesPage *self,
                   GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (stripped[0] != '\0')
    self->search = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (KeelPoliciesPage *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (KeelPoliciesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (KeelPoliciesPage *self)
{
  update_actions (self);
}

static void
column_view_activate_cb (KeelPoliciesPage *self,
                         guint             position,
                         GtkColumnView    *column_view)
{
  g_autoptr(KeelPolicyRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    keel_policies_page_open_editor (self, keel_policy_row_get_policy (row));
}

static void
filter_items_changed_cb (KeelPoliciesPage *self)
{
  update_view (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
page_new_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  keel_policies_page_open_editor (KEEL_POLICIES_PAGE (widget), NULL);
}

static void
page_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KeelPoliciesPage *self = KEEL_POLICIES_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
page_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  delete_selected (KEEL_POLICIES_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_policies_page_dispose (GObject *object)
{
  KeelPoliciesPage *self = (KeelPoliciesPage *)object;
  GtkWidget *child;

  keel_policies_page_set_workspace (self, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_POLICIES_PAGE);

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (keel_policies_page_parent_class)->dispose (object);
}

static void
keel_policies_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KeelPoliciesPage *self = KEEL_POLICIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_policies_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KeelPoliciesPage *self = KEEL_POLICIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      keel_policies_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_policies_page_class_init (KeelPoliciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_policies_page_dispose;
  object_class->get_property = keel_policies_page_get_property;
  object_class->set_property = keel_policies_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         KEEL_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The table's expressions name these types */
  g_type_ensure (KEEL_TYPE_POLICY);
  g_type_ensure (KEEL_TYPE_POLICY_ROW);

  _keel_pages_ensure_style ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/keel-policies-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, overdue_filter);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, id_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, KeelPoliciesPage, filter);
  gtk_widget_class_bind_template_callback (widget_class, review_classes);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, page_new_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, page_search_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, page_delete_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
keel_policies_page_init (KeelPoliciesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _keel_toolbar_layout_apply (self->toolbar);

  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->id_column, GTK_SORT_ASCENDING);

  update_view (self);
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

  return self->workspace;
}

void
keel_policies_page_set_workspace (KeelPoliciesPage *self,
                                  KeelWorkspace    *workspace)
{
  g_return_if_fail (KEEL_IS_POLICIES_PAGE (self));
  g_return_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->rows);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      GListModel *policies = keel_workspace_get_records (workspace, KEEL_TYPE_POLICY);

      self->rows = keel_row_model_new (policies, KEEL_TYPE_POLICY_ROW, map_row, self);
      gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->rows));
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    update_view (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

KeelRecord *
keel_policies_page_get_selected (KeelPoliciesPage *self)
{
  KeelPolicyRow *row;

  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);

  return row ? keel_policy_row_get_policy (row) : NULL;
}

gboolean
keel_policies_page_select (KeelPoliciesPage *self,
                           KeelRecord       *policy)
{
  GListModel *model;

  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KeelPolicyRow) row = g_list_model_get_item (model, i);

      if (keel_policy_row_get_policy (row) == policy)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

GtkWidget *
keel_policies_page_open_editor (KeelPoliciesPage *self,
                                KeelRecord       *policy)
{
  KeelPolicyEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);
  g_return_val_if_fail (!policy || KEEL_IS_POLICY (policy), NULL);

  if (self->workspace == NULL)
    return NULL;

  editor = keel_policy_editor_new (self->workspace, policy);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    _keel_editor_fit_parent (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

GListModel *
keel_policies_page_get_model (KeelPoliciesPage *self)
{
  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
