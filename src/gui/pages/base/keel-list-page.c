/* keel-list-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-list-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-adaptive-layout.h"
#include "keel-field-row.h"
#include "keel-gui-util.h"
#include "keel-list-page-private.h"
#include "keel-record-editor.h"

/* GTK 4.8's list views make a row for up to 200 items whatever their
 * height, each cell from its factory: about half a millisecond a row for
 * a six-column table. The first time a page is filled its table gets as
 * many rows as the window's height can show, and the rest once that frame
 * is drawn, so that the window's first frame with data waits only for
 * what it shows. A row is a line of the page's font (its ascent and
 * descent, no more than a label's line) and CELL_PADDING (Adwaita pads a
 * cell 8 pixels above and below); above the rows are the header bar, the
 * page's toolbar (CHROME_HEIGHT at least) and the column titles, a row's
 * height again. The people of the person filters wait for that frame
 * too: a drop-down makes a row in its popover for each of them. */
#define CELL_PADDING 16
#define CHROME_HEIGHT 92
#define FIRST_ROWS 40

static void keel_list_page_iface_init (KeelPageInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (KeelListPage, keel_list_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (KeelListPage)
                                  G_IMPLEMENT_INTERFACE (KEEL_TYPE_PAGE, keel_list_page_iface_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_TITLE,
  N_PROPS
};

KeelListPagePrivate *
_keel_list_page_get_private (KeelListPage *self)
{
  return keel_list_page_get_instance_private (self);
}

/* ------------------------------------------------------------------------ */
/* The first fill                                                           */
/* ------------------------------------------------------------------------ */

/* The pages for no records and for no results, made the first time one
 * is needed or once the first frame with the table is drawn: that frame
 * does without them */
static void
ensure_status_pages (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  KeelListPageClassPrivate *decl = DECL (self);
  const char *plural = keel_kind_get_plural_label (decl->kind);
  AdwStatusPage *no_results;
  GtkWidget *add;

  if (priv->empty_page != NULL)
    return;

  add = gtk_button_new_with_label (_("Add the First One"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "page.new");
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");

  priv->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (priv->empty_page, decl->empty_icon);
  adw_status_page_set_title (priv->empty_page,
                             decl->empty_title ? g_dgettext (GETTEXT_PACKAGE, decl->empty_title) : plural);
  adw_status_page_set_description (priv->empty_page,
                                   decl->empty_description ? g_dgettext (GETTEXT_PACKAGE, decl->empty_description) : NULL);
  adw_status_page_set_child (priv->empty_page, add);
  keel_gui_fix_button_names (add);
  gtk_stack_add_named (priv->stack, GTK_WIDGET (priv->empty_page), "empty");

  no_results = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (no_results, "edit-find-symbolic");
  adw_status_page_set_title (no_results, _("No Results"));
  adw_status_page_set_description (no_results, _("Try other words or another filter"));
  gtk_stack_add_named (priv->stack, GTK_WIDGET (no_results), "no-results");
}

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

  if (priv->people_pending)
    {
      priv->people_pending = FALSE;
      _keel_list_filters_fill_people (self);
    }
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
  ensure_status_pages (self);

  return G_SOURCE_REMOVE;
}

static int
tallest_monitor (GdkDisplay *display)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  int height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height;
}

/* The height of a line of the page's font (its ascent and descent, no
 * more than a label's line) and the width of its widest character, in
 * pixels: measured once, Pango measures by shaping a sample text */
void
_keel_list_page_get_font_sizes (KeelListPage *self,
                                int          *line,
                                int          *char_width)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  if (priv->font_line == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      priv->font_line = MAX (1, PANGO_PIXELS_FLOOR (pango_font_metrics_get_ascent (metrics) +
                                                     pango_font_metrics_get_descent (metrics)));
      priv->font_char_width = MAX (1, PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                                              pango_font_metrics_get_approximate_digit_width (metrics))));
      pango_font_metrics_unref (metrics);
    }

  if (line != NULL)
    *line = priv->font_line;
  if (char_width != NULL)
    *char_width = priv->font_char_width;
}

/* The first workspace: the rows the window can show now, the rest after */
static void
limit_first_fill (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;
  guint rows = FIRST_ROWS;

  /* A window not yet laid out will have its default height, or the
   * tallest monitor's if it is to be maximized */
  if (height <= 0 && GTK_IS_WINDOW (root))
    {
      int width = 0;

      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      if (gtk_window_is_maximized (GTK_WINDOW (root)) || gtk_window_is_fullscreen (GTK_WINDOW (root)))
        height = MAX (height, tallest_monitor (gtk_widget_get_display (GTK_WIDGET (root))));
    }
  if (height > 0)
    {
      int line = 0;
      int row;

      _keel_list_page_get_font_sizes (self, &line, NULL);
      row = line + CELL_PADDING;
      rows = (guint) MAX (height - CHROME_HEIGHT - row, 0) / (guint) row + 1;
    }

  gtk_slice_list_model_set_size (priv->slice, rows);
  priv->ticks = 0;
  priv->rest_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), rest_tick_cb, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* State                                                                    */
/* ------------------------------------------------------------------------ */

static void
update_view (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GListModel *records = gtk_filter_list_model_get_model (priv->filter_model);
  guint total = records ? g_list_model_get_n_items (records) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model));
  g_autofree char *plural = g_utf8_strdown (keel_kind_get_plural_label (DECL (self)->kind), -1);
  g_autofree char *count = NULL;

  /* Before a workspace there is nothing to say yet */
  if (records != NULL && (total == 0 || shown == 0))
    {
      ensure_status_pages (self);
      gtk_stack_set_visible_child_name (priv->stack, total == 0 ? "empty" : "no-results");
    }
  else
    gtk_stack_set_visible_child_name (priv->stack, "list");

  if (total > 0 && shown < total)
    /* Translators: "3 of 12 resources" */
    count = g_strdup_printf (C_("count", "%u of %u %s"), shown, total, plural);
  else if (total == 1)
    {
      g_autofree char *singular = g_utf8_strdown (keel_kind_get_label (DECL (self)->kind), -1);

      /* Translators: "1 resource" */
      count = g_strdup_printf (C_("count", "1 %s"), singular);
    }
  else if (total > 0)
    /* Translators: "12 resources" */
    count = g_strdup_printf (C_("count", "%u %s"), total, plural);
  gtk_label_set_label (priv->count_label, count ? count : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", priv->workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete",
                                 keel_list_page_get_selected (self) != NULL);
}


/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
search_changed_cb (KeelListPage   *self,
                   GtkSearchEntry *entry)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

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
column_view_activate_cb (KeelListPage  *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  g_autoptr(KeelRecord) record = g_list_model_get_item (G_LIST_MODEL (priv->selection), position);

  if (record != NULL)
    keel_list_page_open_editor (self, record, NULL);
}

static void
selection_changed_cb (KeelListPage *self)
{
  update_view (self);
}

static gboolean
refresh_cb (gpointer data)
{
  KeelListPage *self = data;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  GHashTableIter iter;
  gpointer item;

  priv->refresh_source = 0;

  /* A cell may show what another record holds: a person's name, a value
   * computed from the other records of the kind */
  g_hash_table_iter_init (&iter, priv->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    _keel_list_column_update_cell (item);

  /* Someone came, went or was renamed */
  _keel_list_filters_fill_people (self);

  /* An edit may move a record in or out of the filters, or in the order */
  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (priv->column_view), GTK_SORTER_CHANGE_DIFFERENT);

  return G_SOURCE_REMOVE;
}

static void
workspace_changed_cb (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  if (priv->refresh_source == 0)
    priv->refresh_source = g_idle_add (refresh_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
page_new_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  keel_list_page_open_editor (KEEL_LIST_PAGE (widget), NULL, NULL);
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
/* Default implementations and KeelPage                                     */
/* ------------------------------------------------------------------------ */

static GtkWidget *
keel_list_page_real_create_editor (KeelListPage *self,
                                   KeelRecord   *record)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GType type = KEEL_LIST_PAGE_GET_CLASS (self)->editor_type;

  return g_object_new (type != G_TYPE_INVALID ? type : KEEL_TYPE_RECORD_EDITOR,
                       "workspace", priv->workspace,
                       "kind", DECL (self)->kind->name,
                       "record", record,
                       NULL);
}

static void
keel_list_page_real_delete_record (KeelListPage *self,
                                   KeelRecord   *record)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  if (!keel_page_delete_with_undo (GTK_WIDGET (self), record))
    keel_workspace_remove (priv->workspace, record, NULL);
}

static GtkWidget *
keel_list_page_open_record (KeelPage   *page,
                            KeelRecord *record,
                            const char *field_key)
{
  return keel_list_page_open_editor (KEEL_LIST_PAGE (page), record, field_key);
}

static void
keel_list_page_iface_init (KeelPageInterface *iface)
{
  iface->open_record = keel_list_page_open_record;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_list_page_constructed (GObject *object)
{
  KeelListPage *self = (KeelListPage *)object;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  KeelListPageClassPrivate *decl = DECL (self);
  const char *label = keel_kind_get_label (decl->kind);
  const char *plural = keel_kind_get_plural_label (decl->kind);
  GtkColumnViewColumn *sort_column = NULL;
  GtkColumnViewColumn *first_column = NULL;
  g_autofree char *add = NULL;
  g_autofree char *search = NULL;

  G_OBJECT_CLASS (keel_list_page_parent_class)->constructed (object);

  /* Translators: the button that adds a record, "Add Resource" */
  add = g_strdup_printf (C_("add button", "Add %s"), label);
  adw_button_content_set_label (priv->add_content, add);
  /* Named as it reads, once */
  keel_gui_fix_button_names (priv->add_button);
  keel_gui_set_tooltip_later (priv->add_button, _("Ctrl+N"));
  /* The page's title says what is searched; "Search Interested parties"
   * would not fit a narrow window */
  search = g_strdup (C_("search entry", "Search"));
  g_object_set (priv->search_entry, "placeholder-text", search, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plural,
                                  -1);

  /* The id first, then what the class declared */
  for (guint i = 0; i < decl->columns->len; i++)
    {
      Column *column = g_new0 (Column, 1);
      GtkColumnViewColumn *view_column;

      column->page = self;
      column->decl = g_ptr_array_index (decl->columns, i);
      column->field = keel_kind_find_field (decl->kind, column->decl->key);
      g_ptr_array_add (priv->columns, column);

      view_column = _keel_list_column_make (column);
      gtk_column_view_append_column (priv->column_view, view_column);
      if (decl->kind->sort_key != NULL && g_str_equal (column->decl->key, decl->kind->sort_key))
        sort_column = view_column;
      if (i == 0)
        first_column = view_column;
      g_object_unref (view_column);
    }

  _keel_list_filters_add (self);
  _keel_toolbar_layout_apply (priv->toolbar);

  gtk_sort_list_model_set_sorter (priv->sort_model, gtk_column_view_get_sorter (priv->column_view));
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
  /* By the kind's sort field, else by id */
  if (sort_column == NULL)
    sort_column = first_column;
  gtk_column_view_sort_by_column (priv->column_view, sort_column, GTK_SORT_ASCENDING);

  g_signal_connect_object (priv->filter_model, "items-changed",
                           G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  update_view (self);
}

static void
keel_list_page_dispose (GObject *object)
{
  KeelListPage *self = (KeelListPage *)object;
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  if (priv->rest_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->rest_id);
      priv->rest_id = 0;
    }
  if (priv->workspace != NULL)
    g_signal_handlers_disconnect_by_data (priv->workspace, self);
  g_signal_handlers_disconnect_by_data (priv->filter_model, self);
  g_signal_handlers_disconnect_by_data (priv->selection, self);
  gtk_custom_filter_set_filter_func (priv->filter, NULL, NULL, NULL);
  gtk_filter_list_model_set_model (priv->filter_model, NULL);

  /* The template's root holds everything else. (GTK 4.8's
   * gtk_widget_dispose_template() looks for the template in the class of
   * the instance, a subclass without one: not called.) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

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
  g_clear_pointer (&priv->columns, g_ptr_array_unref);
  g_clear_pointer (&priv->filter_drops, g_ptr_array_unref);
  g_clear_pointer (&priv->filter_values, g_ptr_array_unref);
  g_clear_pointer (&priv->bound, g_hash_table_unref);

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

    case PROP_TITLE:
      g_value_set_string (value, keel_kind_get_plural_label (DECL (self)->kind));
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

  klass->create_editor = keel_list_page_real_create_editor;
  klass->delete_record = keel_list_page_real_delete_record;

  g_object_class_override_property (object_class, PROP_WORKSPACE, "workspace");
  g_object_class_override_property (object_class, PROP_TITLE, "title");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/base/keel-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, KeelListPage, toolbar);
  gtk_widget_class_bind_template_child_private (widget_class, KeelListPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, KeelListPage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, KeelListPage, add_button);
  gtk_widget_class_bind_template_child_private (widget_class, KeelListPage, add_content);
  gtk_widget_class_bind_template_child_private (widget_class, KeelListPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, KeelListPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

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

  gtk_widget_init_template (GTK_WIDGET (self));

  priv->columns = g_ptr_array_new_with_free_func (g_free);
  priv->filter_drops = g_ptr_array_new ();
  priv->filter_values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  priv->bound = g_hash_table_new (NULL, NULL);

  priv->filter = gtk_custom_filter_new (_keel_list_filter_func, self, NULL);
  priv->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (priv->filter)));
  priv->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (priv->filter_model)), NULL);
  priv->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (priv->sort_model)), 0, G_MAXUINT);
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->slice)));
}

/* ------------------------------------------------------------------------ */
/* Declarations                                                             */
/* ------------------------------------------------------------------------ */

void
keel_list_page_class_set_kind (KeelListPageClass *klass,
                               const char        *kind_name)
{
  KeelListPageClassPrivate *decl = _keel_list_page_class_decl (klass);
  ColumnDecl *id_column;

  g_return_if_fail (kind_name != NULL);

  decl->kind = keel_kind_lookup (kind_name);
  g_return_if_fail (decl->kind != NULL);

  id_column = g_new0 (ColumnDecl, 1);
  id_column->owner = decl->owner;
  id_column->key = g_strdup ("id");
  g_ptr_array_insert (decl->columns, 0, id_column);
}

void
keel_list_page_class_set_empty_state (KeelListPageClass *klass,
                                      const char        *icon_name,
                                      const char        *title,
                                      const char        *description)
{
  KeelListPageClassPrivate *decl = _keel_list_page_class_decl (klass);

  decl->empty_icon = icon_name;
  decl->empty_title = title;
  decl->empty_description = description;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

const KeelKind *
keel_list_page_get_kind (KeelListPage *self)
{
  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return DECL (self)->kind;
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
  KeelListPageClassPrivate *decl;

  g_return_if_fail (KEEL_IS_LIST_PAGE (self));
  g_return_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace));

  if (priv->workspace == workspace)
    return;

  klass = KEEL_LIST_PAGE_GET_CLASS (self);
  decl = klass->decl;

  show_all_rows (self);
  if (priv->workspace == NULL && workspace != NULL)
    limit_first_fill (self);

  if (priv->workspace != NULL)
    g_signal_handlers_disconnect_by_data (priv->workspace, self);
  gtk_filter_list_model_set_model (priv->filter_model, NULL);
  g_set_object (&priv->workspace, workspace);

  /* The first time, after the first frame (see show_all_rows) */
  if (priv->rest_id != 0)
    priv->people_pending = TRUE;
  else
    _keel_list_filters_fill_people (self);

  if (workspace != NULL)
    {
      gtk_filter_list_model_set_model (priv->filter_model,
                                       keel_workspace_get_records (workspace, keel_kind_get_gtype (decl->kind)));
      g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (klass->workspace_changed != NULL)
    klass->workspace_changed (self);

  update_view (self);

  g_object_notify (G_OBJECT (self), "workspace");
}

KeelRecord *
keel_list_page_get_selected (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (priv->selection);
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

      if (item == (GObject *) record)
        {
          gtk_single_selection_set_selected (priv->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

GtkWidget *
keel_list_page_open_editor (KeelListPage *self,
                            KeelRecord   *record,
                            const char   *field_key)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);
  GtkRoot *root;
  GtkWidget *editor;

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (!record || KEEL_IS_RECORD (record), NULL);

  if (priv->workspace == NULL)
    return NULL;

  editor = KEEL_LIST_PAGE_GET_CLASS (self)->create_editor (self, record);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    _keel_editor_fit_parent (GTK_WINDOW (editor), GTK_WINDOW (root));
  if (KEEL_IS_RECORD_EDITOR (editor))
    keel_record_editor_focus_field (KEEL_RECORD_EDITOR (editor), field_key);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
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

GtkColumnView *
keel_list_page_get_column_view (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return priv->column_view;
}

GtkSearchEntry *
keel_list_page_get_search_entry (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return priv->search_entry;
}

GtkDropDown *
keel_list_page_get_filter (KeelListPage *self,
                           guint         index)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (index < priv->filter_drops->len, NULL);

  return g_ptr_array_index (priv->filter_drops, index);
}

const char *
keel_list_page_get_count_text (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return gtk_label_get_label (priv->count_label);
}

const char *
keel_list_page_get_state (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (priv->stack);
}

char *
keel_list_page_dup_cell_text (KeelListPage *self,
                              const char   *key,
                              KeelRecord   *record)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (KEEL_IS_RECORD (record), NULL);

  for (guint i = 0; i < priv->columns->len; i++)
    {
      Column *column = g_ptr_array_index (priv->columns, i);

      if (g_str_equal (column->decl->key, key))
        return _keel_list_column_text (column, record);
    }

  return NULL;
}

void
keel_list_page_refilter (KeelListPage *self)
{
  KeelListPagePrivate *priv = keel_list_page_get_instance_private (self);

  g_return_if_fail (KEEL_IS_LIST_PAGE (self));

  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_DIFFERENT);
}
