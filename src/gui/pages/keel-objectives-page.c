/* keel-objectives-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objectives-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "keel-records.h"
#include "keel-window.h"

#include "keel-adaptive-layout.h"
#include "keel-objective-editor.h"
#include "keel-objective-row.h"
#include "keel-objectives-page.h"
#include "keel-pages-private.h"
#include "keel-row-model.h"

struct _KeelObjectivesPage
{
  GtkWidget            parent_instance;

  KeelWorkspace       *workspace;
  GListModel          *people;
  KeelRowModel        *rows;
  KeelPeopleChoice    *owners;
  char                *search;

  /* Template widgets */
  GtkBox              *toolbar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_filter;
  GtkDropDown         *owner_filter;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *id_column;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
};

G_DEFINE_FINAL_TYPE (KeelObjectivesPage, keel_objectives_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Template callbacks (formatters for the column view)                      */
/* ------------------------------------------------------------------------ */

static double
progress_value (gpointer unused,
                double   progress)
{
  return CLAMP (progress, 0.0, 1.0);
}

static gboolean
progress_known (gpointer unused,
                double   progress)
{
  return progress >= 0;
}

static char *
owner_text (gpointer    unused,
            const char *name)
{
  return g_strdup (name && name[0] ? name : _("No owner"));
}

static GStrv
owner_classes (gpointer    unused,
               const char *name)
{
  static const char * const missing[] = { "warning", NULL };
  static const char * const none[] = { NULL };

  return g_strdupv ((char **) (name && name[0] ? none : missing));
}

static GStrv
status_classes (gpointer    unused,
                const char *status)
{
  static const char * const warning[] = { "warning", NULL };
  static const char * const error[] = { "error", NULL };
  static const char * const success[] = { "success", NULL };
  static const char * const none[] = { NULL };

  if (g_strcmp0 (status, "at-risk") == 0)
    return g_strdupv ((char **) warning);
  if (g_strcmp0 (status, "missed") == 0)
    return g_strdupv ((char **) error);
  if (g_strcmp0 (status, "achieved") == 0)
    return g_strdupv ((char **) success);

  return g_strdupv ((char **) none);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
update_actions (KeelObjectivesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", self->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete",
                                 keel_objectives_page_get_selected (self) != NULL);
}

static void
update_view (KeelObjectivesPage *self)
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
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u objective", "%u objectives", total), total);
  else
    /* Translators: "3 of 12 objectives", after search or filters */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u objective", "%u of %u objectives", total),
                             shown, total);

  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->status_filter), total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_filter), total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0);

  update_actions (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KeelObjectivesPage *self = user_data;
  KeelObjectiveRow *row = item;
  KeelRecord *objective = keel_objective_row_get_objective (row);
  guint status_pos = gtk_drop_down_get_selected (self->status_filter);
  guint owner_pos = gtk_drop_down_get_selected (self->owner_filter);

  if (status_pos > 0 && status_pos != GTK_INVALID_LIST_POSITION)
    {
      const char * const *statuses = _keel_objective_statuses ();

      if (status_pos - 1 >= g_strv_length ((char **) statuses) ||
          g_strcmp0 (statuses[status_pos - 1], keel_record_get_string (objective, "status")) != 0)
        return FALSE;
    }

  if (owner_pos > 0 && owner_pos != GTK_INVALID_LIST_POSITION && self->owners != NULL)
    {
      if (g_strcmp0 (_keel_people_choice_id (self->owners, owner_pos - 1),
                     keel_record_get_string (objective, "owner")) != 0)
        return FALSE;
    }

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
  KeelObjectivesPage *self = user_data;
  return keel_objective_row_new (item, self->workspace);
}

static void
rebuild_owner_filter (KeelObjectivesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected_id = NULL;
  guint selected = gtk_drop_down_get_selected (self->owner_filter);

  if (self->owners != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    selected_id = g_strdup (_keel_people_choice_id (self->owners, selected - 1));

  g_clear_pointer (&self->owners, _keel_people_choice_free);
  self->owners = _keel_people_choice_new (self->workspace, FALSE);

  gtk_string_list_append (names, _("All owners"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->owners->names)); i++)
    gtk_string_list_append (names, gtk_string_list_get_string (self->owners->names, i));

  g_signal_handlers_block_matched (self->owner_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (names));
  selected = _keel_people_choice_find (self->owners, selected_id);
  gtk_drop_down_set_selected (self->owner_filter, selected == GTK_INVALID_LIST_POSITION ? 0 : selected + 1);
  g_signal_handlers_unblock_matched (self->owner_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
delete_selected (KeelObjectivesPage *self)
{
  KeelRecord *selected = keel_objectives_page_get_selected (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(KeelRecord) objective = NULL;
  g_autofree char *title = NULL;

  if (selected == NULL)
    return;

  /* Removing it drops the table's references: hold one until done */
  objective = g_object_ref (selected);
  title = g_strdup (keel_record_get_string (objective, "title"));
  if (title == NULL)
    title = g_strdup (keel_record_get_id (objective));

  if (KEEL_IS_WINDOW (root))
    keel_window_delete_with_undo (KEEL_WINDOW (root), objective, title);
  else
    keel_workspace_remove (self->workspace, objective, NULL);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
search_changed_cb (KeelObjectivesPage *self,
                   GtkSearchEntry     *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (stripped[0] != '\0')
    self->search = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (KeelObjectivesPage *self,
                GtkSearchEntry     *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (KeelObjectivesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (KeelObjectivesPage *self)
{
  update_actions (self);
}

static void
column_view_activate_cb (KeelObjectivesPage *self,
                         guint               position,
                         GtkColumnView      *column_view)
{
  g_autoptr(KeelObjectiveRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    keel_objectives_page_open_editor (self, keel_objective_row_get_objective (row));
}

static void
filter_items_changed_cb (KeelObjectivesPage *self)
{
  update_view (self);
}

static void
people_changed_cb (KeelObjectivesPage *self)
{
  rebuild_owner_filter (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
page_new_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  keel_objectives_page_open_editor (KEEL_OBJECTIVES_PAGE (widget), NULL);
}

static void
page_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KeelObjectivesPage *self = KEEL_OBJECTIVES_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
page_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  delete_selected (KEEL_OBJECTIVES_PAGE (widget));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_objectives_page_dispose (GObject *object)
{
  KeelObjectivesPage *self = (KeelObjectivesPage *)object;
  GtkWidget *child;

  keel_objectives_page_set_workspace (self, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_OBJECTIVES_PAGE);

  g_clear_pointer (&self->owners, _keel_people_choice_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (keel_objectives_page_parent_class)->dispose (object);
}

static void
keel_objectives_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KeelObjectivesPage *self = KEEL_OBJECTIVES_PAGE (object);

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
keel_objectives_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KeelObjectivesPage *self = KEEL_OBJECTIVES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      keel_objectives_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_objectives_page_class_init (KeelObjectivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_objectives_page_dispose;
  object_class->get_property = keel_objectives_page_get_property;
  object_class->set_property = keel_objectives_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         KEEL_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The table's expressions name these types */
  g_type_ensure (KEEL_TYPE_OBJECTIVE);
  g_type_ensure (KEEL_TYPE_OBJECTIVE_ROW);

  _keel_pages_ensure_style ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/keel-objectives-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, id_column);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, filter);
  gtk_widget_class_bind_template_callback (widget_class, progress_value);
  gtk_widget_class_bind_template_callback (widget_class, progress_known);
  gtk_widget_class_bind_template_callback (widget_class, owner_text);
  gtk_widget_class_bind_template_callback (widget_class, owner_classes);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
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
keel_objectives_page_init (KeelObjectivesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _keel_toolbar_layout_apply (self->toolbar);

  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->id_column, GTK_SORT_ASCENDING);

  rebuild_owner_filter (self);
  update_view (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_objectives_page_new (void)
{
  return g_object_new (KEEL_TYPE_OBJECTIVES_PAGE, NULL);
}

KeelWorkspace *
keel_objectives_page_get_workspace (KeelObjectivesPage *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);

  return self->workspace;
}

void
keel_objectives_page_set_workspace (KeelObjectivesPage *self,
                                    KeelWorkspace      *workspace)
{
  g_return_if_fail (KEEL_IS_OBJECTIVES_PAGE (self));
  g_return_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->people != NULL)
    g_signal_handlers_disconnect_by_func (self->people, people_changed_cb, self);
  g_clear_object (&self->people);

  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->rows);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      GListModel *objectives = keel_workspace_get_records (workspace, KEEL_TYPE_OBJECTIVE);

      self->rows = keel_row_model_new (objectives, KEEL_TYPE_OBJECTIVE_ROW, map_row, self);
      self->people = g_object_ref (keel_workspace_get_records (workspace, KEEL_TYPE_PERSON));
      g_signal_connect_object (self->people, "items-changed",
                               G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->rows));
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    {
      rebuild_owner_filter (self);
      update_view (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

KeelRecord *
keel_objectives_page_get_selected (KeelObjectivesPage *self)
{
  KeelObjectiveRow *row;

  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);

  return row ? keel_objective_row_get_objective (row) : NULL;
}

gboolean
keel_objectives_page_select (KeelObjectivesPage *self,
                             KeelRecord         *objective)
{
  GListModel *model;

  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KeelObjectiveRow) row = g_list_model_get_item (model, i);

      if (keel_objective_row_get_objective (row) == objective)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

GtkWidget *
keel_objectives_page_open_editor (KeelObjectivesPage *self,
                                  KeelRecord         *objective)
{
  KeelObjectiveEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);
  g_return_val_if_fail (!objective || KEEL_IS_OBJECTIVE (objective), NULL);

  if (self->workspace == NULL)
    return NULL;

  editor = keel_objective_editor_new (self->workspace, objective);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    _keel_editor_fit_parent (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

GListModel *
keel_objectives_page_get_model (KeelObjectivesPage *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
