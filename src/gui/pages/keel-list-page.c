/* keel-list-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-list-page"

#include "config.h"

#include <string.h>

#include "keel-window.h"

#include "keel-adaptive-layout.h"
#include "keel-list-page.h"
#include "keel-record-row.h"
#include "keel-row-model.h"

/* GTK 4.8's list views make a row for up to 200 items whatever their
 * height, each cell from its builder template: about a millisecond a row
 * for a seven-column table. The first time a page is filled its table
 * gets as many rows as the window's height could show, were they all
 * MIN_ROW_HEIGHT high (FIRST_ROWS before the window has a size), and the
 * rest once that frame is drawn, so that the window's first frame with
 * data waits only for what it shows. */
#define MIN_ROW_HEIGHT 24
#define FIRST_ROWS 40

typedef struct
{
  KeelWorkspace       *workspace;
  KeelRowModel        *rows;          /* when the class has a row type */
  char                *search;        /* casefolded, or NULL */

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSliceListModel   *slice;         /* FIRST_ROWS until the first frame is drawn */
  GtkSingleSelection  *selection;
  guint                rest_id;       /* tick callback: the rest of the rows */
  guint                ticks;

  /* Template widgets, bound by keel_list_page_class_set_template () */
  GtkBox              *toolbar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
} KeelListPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KeelListPage, keel_list_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
show_all_rows (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  if (priv->rest_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->rest_id);
      priv->rest_id = 0;
    }

  if (gtk_slice_list_model_get_size (priv->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (priv->slice, G_MAXUINT);
}

/* A frame's tick comes before its layout and drawing: at the second, the
 * first frame with the rows is on screen */
static gboolean
rest_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  KeelListPage *self = KEEL_LIST_PAGE (widget);
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  if (++priv->ticks < 2)
    return G_SOURCE_CONTINUE;

  priv->rest_id = 0;
  show_all_rows (self);

  return G_SOURCE_REMOVE;
}

static gboolean
has_rows (KeelListPageClass *klass)
{
  return klass->row_type != G_TYPE_INVALID && klass->row_type != G_TYPE_NONE;
}

static void
update_view (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  KeelListPageClass *klass = KEEL_LIST_PAGE_GET_CLASS (self);
  GListModel *records = gtk_filter_list_model_get_model (priv->filter_model);
  guint total = records ? g_list_model_get_n_items (records) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model));
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (priv->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (priv->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (priv->stack, "list");

  if (total > 0)
    count = klass->count_text (self, shown, total);
  gtk_label_set_label (priv->count_label, count ? count : "");

  if (klass->view_changed != NULL)
    klass->view_changed (self, total);

  keel_list_page_update_actions (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KeelListPage *self = user_data;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  KeelListPageClass *klass = KEEL_LIST_PAGE_GET_CLASS (self);

  if (klass->filter != NULL && !klass->filter (self, keel_list_page_get_item_record (self, item)))
    return FALSE;

  if (priv->search != NULL && !klass->matches (self, item, priv->search))
    return FALSE;

  return TRUE;
}

static gpointer
map_row (gpointer item,
         gpointer user_data)
{
  KeelListPage *self = user_data;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  return g_object_new (KEEL_LIST_PAGE_GET_CLASS (self)->row_type,
                       "record", item,
                       "workspace", priv->workspace,
                       NULL);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
search_changed_cb (KeelListPage   *self,
                   GtkSearchEntry *entry)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&priv->search, g_free);
  if (stripped[0] != '\0')
    priv->search = g_utf8_casefold (stripped, -1);

  keel_list_page_refilter (self);
}

static void
stop_search_cb (KeelListPage   *self,
                GtkSearchEntry *entry)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static void
filter_changed_cb (KeelListPage *self)
{
  keel_list_page_refilter (self);
}

static void
column_view_activate_cb (KeelListPage  *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (priv->selection), position);

  if (item != NULL)
    keel_list_page_open_editor (self, keel_list_page_get_item_record (self, item));
}

static void
selection_changed_cb (KeelListPage *self)
{
  keel_list_page_update_actions (self);
}

static void
filter_items_changed_cb (KeelListPage *self)
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
  keel_list_page_open_editor (KEEL_LIST_PAGE (widget), NULL);
}

static void
page_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (KEEL_LIST_PAGE (widget));

  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static void
page_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KeelListPage *self = KEEL_LIST_PAGE (widget);
  KeelRecord *selected = keel_list_page_get_selected (self);

  if (selected != NULL)
    KEEL_LIST_PAGE_GET_CLASS (self)->delete_record (self, selected);
}

/* ------------------------------------------------------------------------ */
/* Default implementations                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
keel_list_page_real_matches (KeelListPage *self,
                             gpointer      item,
                             const char   *needle)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  g_object_get (item, "search-text", &text, NULL);
  folded = g_utf8_casefold (text, -1);

  return strstr (folded, needle) != NULL;
}

static GtkWidget *
keel_list_page_real_open_editor (KeelListPage *self,
                                 KeelRecord   *record)
{
  GtkWidget *editor = KEEL_LIST_PAGE_GET_CLASS (self)->create_editor (self, record);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    _keel_editor_fit_parent (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
keel_list_page_real_delete_record (KeelListPage *self,
                                   KeelRecord   *selected)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(KeelRecord) record = NULL;
  g_autofree char *title = NULL;

  /* Removing it drops the table's references: hold one until done */
  record = g_object_ref (selected);
  title = g_strdup (keel_record_get_string (record, "title"));
  if (title == NULL)
    title = g_strdup (keel_record_get_id (record));

  if (KEEL_IS_WINDOW (root))
    keel_window_delete_with_undo (KEEL_WINDOW (root), record, title);
  else
    keel_workspace_remove (priv->workspace, record, NULL);
}

static void
keel_list_page_real_update_actions (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", priv->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete",
                                 keel_list_page_get_selected (self) != NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_list_page_constructed (GObject *object)
{
  KeelListPage *self = (KeelListPage *)object;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  G_OBJECT_CLASS (keel_list_page_parent_class)->constructed (object);

  /* The subclass's template is in place now */
  _keel_toolbar_layout_apply (priv->toolbar);

  gtk_sort_list_model_set_sorter (priv->sort_model, gtk_column_view_get_sorter (priv->column_view));
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));

  g_signal_connect_object (priv->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  update_view (self);
}

static void
keel_list_page_dispose (GObject *object)
{
  KeelListPage *self = (KeelListPage *)object;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GtkWidget *child;

  /* No more updates of widgets on the way out */
  if (priv->rest_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->rest_id);
      priv->rest_id = 0;
    }
  g_signal_handlers_disconnect_by_data (priv->filter_model, self);
  g_signal_handlers_disconnect_by_data (priv->selection, self);
  gtk_custom_filter_set_filter_func (priv->filter, NULL, NULL, NULL);
  gtk_filter_list_model_set_model (priv->filter_model, NULL);

  /* The template's root is not a bound child: it goes too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  g_clear_object (&priv->rows);
  g_clear_object (&priv->workspace);
  g_clear_pointer (&priv->search, g_free);

  G_OBJECT_CLASS (keel_list_page_parent_class)->dispose (object);
}

static void
keel_list_page_finalize (GObject *object)
{
  KeelListPage *self = (KeelListPage *)object;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_clear_object (&priv->selection);
  g_clear_object (&priv->slice);
  g_clear_object (&priv->sort_model);
  g_clear_object (&priv->filter_model);
  g_clear_object (&priv->filter);

  G_OBJECT_CLASS (keel_list_page_parent_class)->finalize (object);
}

static void
keel_list_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KeelListPage *self = KEEL_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, keel_list_page_get_workspace (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_list_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KeelListPage *self = KEEL_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      keel_list_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_list_page_class_init (KeelListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = keel_list_page_constructed;
  object_class->dispose = keel_list_page_dispose;
  object_class->finalize = keel_list_page_finalize;
  object_class->get_property = keel_list_page_get_property;
  object_class->set_property = keel_list_page_set_property;

  klass->row_type = G_TYPE_NONE;
  klass->matches = keel_list_page_real_matches;
  klass->open_editor = keel_list_page_real_open_editor;
  klass->delete_record = keel_list_page_real_delete_record;
  klass->update_actions = keel_list_page_real_update_actions;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         KEEL_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, page_new_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, page_search_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, page_delete_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
keel_list_page_init (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  /* The column view gets them once the subclass's template is there */
  priv->filter = gtk_custom_filter_new (filter_func, self, NULL);
  priv->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (priv->filter)));
  priv->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (priv->filter_model)), NULL);
  priv->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (priv->sort_model)), 0, G_MAXUINT);
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->slice)));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

void
keel_list_page_class_set_template (GtkWidgetClass *widget_class,
                                   const char     *resource_path)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), KEEL_TYPE_LIST_PAGE));

  gtk_widget_class_set_template_from_resource (widget_class, resource_path);

#define CHILD(name) \
  gtk_widget_class_bind_template_child_full (widget_class, #name, FALSE, \
                                             G_PRIVATE_OFFSET (KeelListPage, name))
  CHILD (toolbar);
  CHILD (search_entry);
  CHILD (count_label);
  CHILD (stack);
  CHILD (column_view);
#undef CHILD

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

KeelWorkspace *
keel_list_page_get_workspace (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return priv->workspace;
}

void
keel_list_page_set_workspace (KeelListPage  *self,
                              KeelWorkspace *workspace)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  KeelListPageClass *klass;

  g_return_if_fail (KEEL_IS_LIST_PAGE (self));
  g_return_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace));

  if (priv->workspace == workspace)
    return;

  klass = KEEL_LIST_PAGE_GET_CLASS (self);

  show_all_rows (self);
  if (priv->workspace == NULL && workspace != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

      gtk_slice_list_model_set_size (priv->slice, height > 0 ? (guint) height / MIN_ROW_HEIGHT + 1 : FIRST_ROWS);
      priv->ticks = 0;
      priv->rest_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), rest_tick_cb, NULL, NULL);
    }

  gtk_filter_list_model_set_model (priv->filter_model, NULL);
  g_clear_object (&priv->rows);
  g_set_object (&priv->workspace, workspace);

  if (workspace != NULL)
    {
      GListModel *records = keel_workspace_get_records (workspace, klass->record_type);

      if (has_rows (klass))
        {
          priv->rows = keel_row_model_new (records, klass->row_type, map_row, self);
          records = G_LIST_MODEL (priv->rows);
        }
      gtk_filter_list_model_set_model (priv->filter_model, records);
    }

  if (klass->workspace_changed != NULL)
    klass->workspace_changed (self);

  update_view (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

KeelRecord *
keel_list_page_get_selected (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  gpointer item;

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  item = gtk_single_selection_get_selected_item (priv->selection);

  return item ? keel_list_page_get_item_record (self, item) : NULL;
}

gboolean
keel_list_page_select (KeelListPage *self,
                       KeelRecord   *record)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GListModel *model;

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), FALSE);

  show_all_rows (self);

  model = G_LIST_MODEL (priv->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (keel_list_page_get_item_record (self, item) == record)
        {
          gtk_single_selection_set_selected (priv->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

GtkWidget *
keel_list_page_open_editor (KeelListPage *self,
                            KeelRecord   *record)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (!record || G_TYPE_CHECK_INSTANCE_TYPE (record, KEEL_LIST_PAGE_GET_CLASS (self)->record_type), NULL);

  if (priv->workspace == NULL)
    return NULL;

  return KEEL_LIST_PAGE_GET_CLASS (self)->open_editor (self, record);
}

GtkSingleSelection *
keel_list_page_get_selection (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  /* All of them, for whoever asks */
  show_all_rows (self);

  return priv->selection;
}

KeelRecord *
keel_list_page_get_item_record (KeelListPage *self,
                                gpointer      item)
{
  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  if (KEEL_IS_RECORD_ROW (item))
    return keel_record_row_get_record (item);

  return item;
}

GtkSearchEntry *
keel_list_page_get_search_entry (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return priv->search_entry;
}

void
keel_list_page_refilter (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_if_fail (KEEL_IS_LIST_PAGE (self));

  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
keel_list_page_update_actions (KeelListPage *self)
{
  g_return_if_fail (KEEL_IS_LIST_PAGE (self));

  KEEL_LIST_PAGE_GET_CLASS (self)->update_actions (self);
}
