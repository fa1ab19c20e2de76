/* keel-window.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-window"

/* A workspace read faster than this appears at once: no spinner flashes
 * up, and the view does not crossfade from the loading page */
#define SPINNER_DELAY_MS 500

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-application.h"
#include "keel-areas.h"
#include "keel-gui-util.h"
#include "keel-welcome-view.h"
#include "keel-window-private.h"

/* The window shows one workspace folder: a welcome form when the folder has
 * no keel.json yet, an error page when keel.json cannot be read, and
 * otherwise the areas of the ISMS in a sidebar with the page of one beside
 * it. This file holds the object, the sidebar and the pages;
 * keel-window-private.h says where the rest is. */

G_DEFINE_FINAL_TYPE (KeelWindow, keel_window, ADW_TYPE_APPLICATION_WINDOW)

/* ------------------------------------------------------------------------ */
/* Pages                                                                    */
/* ------------------------------------------------------------------------ */

/* A page is made the first time it is shown or asked for: the window's
 * first frame builds only the page it shows */
static GtkWidget *
ensure_page (KeelWindow *self,
             guint       index)
{
  const KeelArea *area = keel_areas_get (index);

  if (self->pages[index] == NULL)
    {
      self->pages[index] = g_object_new (area->get_type (), NULL);
      gtk_stack_add_named (self->content_stack, self->pages[index], area->id);
    }

  return self->pages[index];
}

/* A page gets the workspace when it is first shown or asked for, or once
 * the window has shown the workspace: filling a page's table costs tens of
 * milliseconds, which the first frame of the workspace should not wait
 * for on pages it does not show. */
static void
give_page_workspace (KeelWindow *self,
                     guint       index)
{
  ensure_page (self, index);

  if (self->workspace == NULL || self->view != KEEL_WINDOW_VIEW_WORKSPACE ||
      (self->pages_ready & (G_GUINT64_CONSTANT (1) << index)) != 0)
    return;

  self->pages_ready |= G_GUINT64_CONSTANT (1) << index;
  g_object_set (self->pages[index], "workspace", self->workspace, NULL);
}

/* One page per turn of the main loop, so that input is not held up */
static gboolean
give_pages_cb (gpointer user_data)
{
  KeelWindow *self = user_data;

  for (guint i = 0; i < keel_areas_get_n_areas (); i++)
    if ((self->pages_ready & (G_GUINT64_CONSTANT (1) << i)) == 0)
      {
        give_page_workspace (self, i);
        return G_SOURCE_CONTINUE;
      }

  self->pages_id = 0;

  return G_SOURCE_REMOVE;
}

static gboolean
get_folded (KeelWindow *self)
{
  return adw_leaflet_get_folded (self->leaflet);
}

/* Unfolded, the sidebar shows the area on screen as selected */
static void
select_area_row (KeelWindow *self)
{
  if (get_folded (self) || self->area < 0)
    return;

  if (gtk_list_box_get_selected_row (self->sidebar_list) != GTK_LIST_BOX_ROW (self->rows[self->area]))
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->rows[self->area]));
}

static void
show_area (KeelWindow *self,
           guint       index)
{
  const KeelArea *area = keel_areas_get (index);

  give_page_workspace (self, index);
  self->area = (int) index;
  gtk_stack_set_visible_child (self->content_stack, self->pages[index]);
  adw_window_title_set_title (self->content_title, _(area->label));
  select_area_row (self);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-page", area->id);
}

static GtkWidget *
create_row (const KeelArea *area,
            guint           index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(area->label));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (area->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(area->label),
                                  -1);
  g_object_set_data (G_OBJECT (row), "keel-area", GUINT_TO_POINTER (index));

  return row;
}

static guint
row_area (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "keel-area"));
}

/* A heading above the first area of each group */
static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  KeelAreaGroup group = keel_areas_get (row_area (row))->group;
  GtkWidget *header;

  if (before != NULL && keel_areas_get (row_area (before))->group == group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_label_new (keel_area_group_get_label (group));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "sidebar-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_list_box_row_set_header (row, header);
}

static void
build_sidebar (KeelWindow *self)
{
  guint n = keel_areas_get_n_areas ();

  /* At most 64 areas: a bit each in pages_ready */
  g_assert (n <= 64);

  self->pages = g_new0 (GtkWidget *, n);
  self->rows = g_new0 (GtkWidget *, n);
  self->area = -1;

  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      self->rows[i] = create_row (keel_areas_get (i), i);
      gtk_list_box_append (self->sidebar_list, self->rows[i]);
    }
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static gboolean
spinner_delay_cb (gpointer user_data)
{
  KeelWindow *self = user_data;

  self->spinner_id = 0;
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);

  return G_SOURCE_REMOVE;
}

/* Moving through the sidebar with the keyboard (Tab, arrows) moves the
 * selection with the focus; only activating a row shows its page, so the
 * selection stays with the page on screen */
static void
sidebar_row_selected_cb (KeelWindow    *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  if (row != NULL && self->area >= 0 && row != GTK_LIST_BOX_ROW (self->rows[self->area]))
    select_area_row (self);
}

/* A click, Enter or Space on a row, or an assistive technology's "activate":
 * show the area, and its page when the window is folded */
static void
sidebar_row_activated_cb (KeelWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  show_area (self, row_area (row));
  _keel_window_show_content (self);
}

static void
back_clicked_cb (KeelWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (KeelWindow *self)
{
  /* Folded, the list shows no selection: it is a menu to go forward from */
  gtk_list_box_set_selection_mode (self->sidebar_list,
                                   get_folded (self) ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);
  select_area_row (self);
}

static void
welcome_create_cb (KeelWindow *self)
{
  _keel_window_create_workspace (self);
}

static void
strip_button_clicked_cb (KeelWindow *self)
{
  _keel_window_retry (self);
}

/* "application" is set after construction: the settings come with it */
static void
application_changed_cb (KeelWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->settings != NULL || !KEEL_IS_APPLICATION (application) ||
      keel_application_get_settings (KEEL_APPLICATION (application)) == NULL)
    return;

  self->settings = g_object_ref (keel_application_get_settings (KEEL_APPLICATION (application)));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (KeelWindow *self)
{
  int width = 0;
  int height = 0;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

/* ------------------------------------------------------------------------ */
/* GtkWindow                                                                */
/* ------------------------------------------------------------------------ */

static gboolean
keel_window_close_request (GtkWindow *window)
{
  KeelWindow *self = KEEL_WINDOW (window);

  if (self->closing)
    return TRUE;

  save_window_state (self);

  /* Saving first: the window goes from the screen at once, and for good
   * once saved */
  if (!_keel_window_close_workspace (self))
    return TRUE;

  return GTK_WINDOW_CLASS (keel_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_window_constructed (GObject *object)
{
  KeelWindow *self = KEEL_WINDOW (object);

  G_OBJECT_CLASS (keel_window_parent_class)->constructed (object);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
keel_window_dispose (GObject *object)
{
  KeelWindow *self = KEEL_WINDOW (object);

  _keel_window_detach_workspace (self);
  _keel_window_dispose_toasts (self);
  g_clear_object (&self->workspace_signals);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  g_clear_handle_id (&self->pages_id, g_source_remove);

  /* The rows and pages go with the template, the welcome and error views
   * with the stack */
  self->area = -1;
  self->welcome_view = NULL;
  g_clear_object (&self->welcome_builder);
  g_clear_object (&self->error_builder);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_WINDOW);

  G_OBJECT_CLASS (keel_window_parent_class)->dispose (object);
}

static void
keel_window_finalize (GObject *object)
{
  KeelWindow *self = KEEL_WINDOW (object);

  g_clear_pointer (&self->pages, g_free);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (keel_window_parent_class)->finalize (object);
}

static void
keel_window_class_init (KeelWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = keel_window_constructed;
  object_class->dispose = keel_window_dispose;
  object_class->finalize = keel_window_finalize;

  window_class->close_request = keel_window_close_request;

  g_type_ensure (KEEL_TYPE_WELCOME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keelisms/Keel/keel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, strip_revealer);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, strip_label);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, strip_button);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, workspace_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, strip_button_clicked_cb);

  _keel_window_class_add_actions (widget_class);
}

/* The sidebar is as wide as its header's natural width: a long
 * organisation name in the subtitle would widen it and take the room of
 * the page's columns. Its labels ellipsize past a set width instead. */
static void
limit_label_widths (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        gtk_label_set_max_width_chars (GTK_LABEL (child), 16);
      limit_label_widths (child);
    }
}

static void
keel_window_init (KeelWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limit_label_widths (GTK_WIDGET (self->sidebar_title));

  _keel_window_init_toasts (self);
  _keel_window_add_actions (self);
  _keel_window_add_menu (self, self->workspace_menu_button);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

  build_sidebar (self);

  /* The welcome and error views see to their own when made */
  keel_gui_fix_button_names (GTK_WIDGET (self->strip_revealer));
  keel_gui_set_tooltip_later (GTK_WIDGET (self->workspace_menu_button), _("Main Menu"));
  keel_gui_set_tooltip_later (GTK_WIDGET (self->back_button), _("Back"));

  _keel_window_workspace_init (self);
  _keel_window_set_view (self, KEEL_WINDOW_VIEW_LOADING);

  if (g_getenv ("KEEL_BENCH_EXIT_AFTER_FIRST_FRAME") != NULL)
    _keel_window_bench_init (self);
}

/* ------------------------------------------------------------------------ */
/* Private API                                                              */
/* ------------------------------------------------------------------------ */

void
_keel_window_set_view (KeelWindow     *self,
                       KeelWindowView  view)
{
  static const char * const names[] = { "loading", "welcome", "error", "workspace" };
  /* Leaving the loading page before its spinner showed: go straight */
  gboolean quick = self->view == KEEL_WINDOW_VIEW_LOADING &&
                   !gtk_spinner_get_spinning (self->loading_spinner);

  if (view == KEEL_WINDOW_VIEW_ERROR)
    _keel_window_ensure_error_view (self);
  else if (view == KEEL_WINDOW_VIEW_WELCOME)
    _keel_window_get_welcome_view (self);

  self->view = view;
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  if (view == KEEL_WINDOW_VIEW_LOADING)
    self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, spinner_delay_cb, self);
  gtk_stack_set_visible_child_full (self->main_stack, names[view],
                                    quick ? GTK_STACK_TRANSITION_TYPE_NONE
                                          : gtk_stack_get_transition_type (self->main_stack));
  _keel_window_update_actions (self);
  _keel_window_update_save_state (self);
}

void
_keel_window_show_last_area (KeelWindow *self)
{
  g_autofree char *last = NULL;
  int index;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-page");

  index = keel_areas_find (last);
  show_area (self, index < 0 ? 0 : (guint) index);
}

/* The other pages after the first frame */
void
_keel_window_give_pages_later (KeelWindow *self)
{
  g_clear_handle_id (&self->pages_id, g_source_remove);
  self->pages_id = g_idle_add_full (G_PRIORITY_LOW, give_pages_cb, self, NULL);
}

/* Takes the workspace from every page */
void
_keel_window_clear_pages_workspace (KeelWindow *self)
{
  g_clear_handle_id (&self->pages_id, g_source_remove);
  self->pages_ready = 0;

  for (guint i = 0; i < keel_areas_get_n_areas (); i++)
    if (self->pages[i] != NULL)
      g_object_set (self->pages[i], "workspace", NULL, NULL);
}

GtkWidget *
_keel_window_get_visible_page (KeelWindow *self)
{
  if (self->view != KEEL_WINDOW_VIEW_WORKSPACE || self->area < 0)
    return NULL;

  return self->pages[self->area];
}

/* Whether the page is on screen: always, unless the window is folded on
 * its sidebar */
gboolean
_keel_window_get_content_shown (KeelWindow *self)
{
  return !get_folded (self) ||
         adw_leaflet_get_visible_child (self->leaflet) == self->content_box;
}

void
_keel_window_show_content (KeelWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

KeelWindow *
keel_window_new (AdwApplication *application)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (KEEL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * keel_window_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace the window shows, also
 *   while it is being read or created
 */
KeelWorkspace *
keel_window_get_workspace (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  return self->workspace;
}

void
keel_window_open_folder (KeelWindow *self,
                         GFile      *folder)
{
  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->workspace != NULL && self->view == KEEL_WINDOW_VIEW_WORKSPACE &&
      g_file_equal (keel_workspace_get_folder (self->workspace), folder))
    return;

  _keel_window_open_folder (self, folder, FALSE);
}

KeelWindowView
_keel_window_get_view (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), KEEL_WINDOW_VIEW_LOADING);

  return self->view;
}

GtkWidget *
_keel_window_get_page (KeelWindow *self,
                       const char *id)
{
  int index = keel_areas_find (id);

  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  if (index < 0)
    return NULL;

  give_page_workspace (self, (guint) index);

  return self->pages[index];
}

void
_keel_window_show_page (KeelWindow *self,
                        const char *id)
{
  int index = keel_areas_find (id);

  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (index >= 0);

  show_area (self, (guint) index);
}

const char *
_keel_window_get_shown_area (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  if (self->area < 0)
    return NULL;

  return keel_areas_get ((guint) self->area)->id;
}

const char *
_keel_window_get_error_message (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  return self->error_message;
}

gboolean
_keel_window_get_strip_visible (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->strip_revealer);
}

const char *
_keel_window_get_strip_message (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->strip_label);
}

const char *
_keel_window_get_save_state (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->content_title);
}

/* A view of the main stack made from its own .ui the first time it is
 * needed: the box "NAME_box" becomes the stack's page NAME, its header
 * bar's "NAME_menu_button" gets the primary menu */
static GtkBuilder *
build_view (KeelWindow *self,
            const char *resource,
            const char *name)
{
  g_autofree char *box_id = g_strconcat (name, "_box", NULL);
  g_autofree char *menu_id = g_strconcat (name, "_menu_button", NULL);
  GtkBuilder *builder = gtk_builder_new_from_resource (resource);
  GtkWidget *box = GTK_WIDGET (gtk_builder_get_object (builder, box_id));

  _keel_window_add_menu (self, GTK_MENU_BUTTON (gtk_builder_get_object (builder, menu_id)));
  keel_gui_fix_button_names (box);
  gtk_stack_add_named (self->main_stack, box, name);

  return builder;
}

/* The welcome view, made the first time it is needed: most starts open a
 * workspace and never show it */
KeelWelcomeView *
_keel_window_get_welcome_view (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  if (self->welcome_builder != NULL || self->main_stack == NULL)
    return self->welcome_view;

  self->welcome_builder = build_view (self, "/io/github/keelisms/Keel/keel-welcome-page.ui", "welcome");
  self->welcome_view = KEEL_WELCOME_VIEW (gtk_builder_get_object (self->welcome_builder, "welcome_view"));
  g_signal_connect_object (self->welcome_view, "create", G_CALLBACK (welcome_create_cb),
                           self, G_CONNECT_SWAPPED);

  return self->welcome_view;
}

/* The error view, made the first time keel.json cannot be read */
void
_keel_window_ensure_error_view (KeelWindow *self)
{
  g_return_if_fail (KEEL_IS_WINDOW (self));

  if (self->error_builder != NULL || self->main_stack == NULL)
    return;

  self->error_builder = build_view (self, "/io/github/keelisms/Keel/keel-error-view.ui", "error");
  self->error_label = GTK_LABEL (gtk_builder_get_object (self->error_builder, "error_label"));
  self->error_detail_label = GTK_LABEL (gtk_builder_get_object (self->error_builder, "error_detail_label"));
  self->error_advice_label = GTK_LABEL (gtk_builder_get_object (self->error_builder, "error_advice_label"));
  self->backup_button = GTK_BUTTON (gtk_builder_get_object (self->error_builder, "backup_button"));
}

/* An object of the window's views made when needed (the welcome and
 * error views), by its id, or NULL: for tests, beside
 * gtk_widget_get_template_child() */
GObject *
_keel_window_get_view_object (KeelWindow *self,
                              const char *id)
{
  GObject *object = NULL;

  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  if (self->error_builder != NULL)
    object = gtk_builder_get_object (self->error_builder, id);
  if (object == NULL && self->welcome_builder != NULL)
    object = gtk_builder_get_object (self->welcome_builder, id);

  return object;
}
