/* keel-window-actions.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-window-private.h"

/* The window's actions ("win.…") and the shortcuts that are the window's
 * own. Ctrl+N and Ctrl+F are the application's accelerators (see
 * keel-application.c): they act wherever the focus is in the window, a
 * header bar included, and the main menu passes them on while it is open.
 * Delete and Ctrl+Z are bindings of the window, after the focused widget,
 * so that a text field keeps its own. */

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
set_action_enabled (KeelWindow *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
forward_to_page (KeelWindow *self,
                 const char *action)
{
  GtkWidget *page = _keel_window_get_visible_page (self);

  if (page == NULL)
    return;

  /* Folded on the sidebar: the page is not on screen yet */
  _keel_window_show_content (self);

  /* A page without the action ignores it */
  gtk_widget_activate_action (page, action, NULL);
}

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KeelWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The folder could not be shown: %s"),
                                                  error->message);
      keel_window_show_error (self, message);
    }
}

static void
show_items_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KeelWindow) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL || self->workspace == NULL)
    return;

  /* No file manager on the bus: open the folder with whatever handles it */
  g_debug ("ShowItems failed: %s", error->message);
  uri = g_file_get_uri (keel_workspace_get_folder (self->workspace));
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL,
                     show_uri_cb, g_object_ref (self));
}

/* keel.json (or the folder) in the file manager */
static void
show_in_files (KeelWindow *self)
{
  GDBusConnection *bus;
  g_autofree char *uri = NULL;
  GFile *target;
  const char *uris[2] = { NULL, NULL };

  if (self->workspace == NULL)
    return;

  target = keel_workspace_file_exists (self->workspace)
    ? keel_workspace_get_file (self->workspace)
    : keel_workspace_get_folder (self->workspace);
  uri = g_file_get_uri (target);
  uris[0] = uri;

  bus = g_application_get_dbus_connection (g_application_get_default ());
  if (bus == NULL)
    {
      g_autofree char *folder_uri = g_file_get_uri (keel_workspace_get_folder (self->workspace));
      gtk_show_uri_full (GTK_WINDOW (self), folder_uri, GDK_CURRENT_TIME, NULL,
                         show_uri_cb, g_object_ref (self));
      return;
    }

  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          show_items_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
page_new_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  forward_to_page (user_data, "page.new");
}

static void
page_search_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  forward_to_page (user_data, "page.search");
}

static void
page_delete_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KeelWindow *self = user_data;

  /* Delete means delete a record only where the page is on screen: not
   * on a sidebar folded over it */
  if (!_keel_window_get_content_shown (self))
    return;

  forward_to_page (self, "page.delete");
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  _keel_window_undo (user_data);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  _keel_window_open_demo (user_data);
}

static void
open_backup_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  _keel_window_choose_backup (user_data);
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  _keel_window_reload (user_data);
}

static void
show_in_files_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  show_in_files (user_data);
}

static const GActionEntry win_actions[] = {
  { "undo", undo_action },
  { "undo-from-toast", undo_action },
  { "new", page_new_action },
  { "search", page_search_action },
  { "delete", page_delete_action },
  { "open-demo", open_demo_action },
  { "open-backup", open_backup_action },
  { "reload", reload_action },
  { "show-in-files", show_in_files_action },
};

/* ------------------------------------------------------------------------ */
/* The main menu                                                            */
/* ------------------------------------------------------------------------ */

/* An open menu keeps the keys GTK 4.8 gives it from the window's shortcuts:
 * it closes, and the action runs */
static gboolean
menu_shortcut_cb (GtkWidget *popover,
                  GVariant  *args,
                  gpointer   user_data)
{
  const char *action = g_variant_get_string (args, NULL);

  gtk_popover_popdown (GTK_POPOVER (popover));

  return gtk_widget_activate_action (popover, action, NULL);
}

/* The application's accelerators, once it is known: when the menu first opens */
static void
menu_shown_cb (GtkWidget  *popover,
               KeelWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_auto(GStrv) actions = NULL;
  GtkEventController *controller;

  if (application == NULL || g_object_get_data (G_OBJECT (popover), "keel-accels") != NULL)
    return;

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);

  actions = gtk_application_list_action_descriptions (application);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (accels[j]);
          GtkShortcut *shortcut;

          if (trigger == NULL)
            continue;

          shortcut = gtk_shortcut_new (trigger, gtk_callback_action_new (menu_shortcut_cb, NULL, NULL));
          gtk_shortcut_set_arguments (shortcut, g_variant_new_string (actions[i]));
          gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
        }
    }

  gtk_widget_add_controller (popover, controller);
  g_object_set_data (G_OBJECT (popover), "keel-accels", controller);
}

/* ------------------------------------------------------------------------ */
/* Private API                                                              */
/* ------------------------------------------------------------------------ */

void
_keel_window_class_add_actions (GtkWidgetClass *widget_class)
{
  /* After the focused widget: a text field keeps its own Delete and Ctrl+Z */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

void
_keel_window_add_actions (KeelWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
}

/* The primary menu is built when it first opens: a menu button given a
 * menu model builds its whole popover at once, before the first frame */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  KeelWindow *self = KEEL_WINDOW (user_data);

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  g_signal_connect_object (gtk_menu_button_get_popover (button), "show",
                           G_CALLBACK (menu_shown_cb), self, 0);
}

void
_keel_window_add_menu (KeelWindow    *self,
                       GtkMenuButton *button)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_cb, self, NULL);
}

/* Which actions make sense now */
void
_keel_window_update_actions (KeelWindow *self)
{
  gboolean in_workspace = self->view == KEEL_WINDOW_VIEW_WORKSPACE;
  gboolean in_error = self->view == KEEL_WINDOW_VIEW_ERROR;

  set_action_enabled (self, "undo", in_workspace && self->undo_record != NULL);
  /* The toast's button once the toast has slid in: libadwaita 1.2 takes
   * it away at once when clicked, and a toast taken away while sliding
   * in is freed twice */
  set_action_enabled (self, "undo-from-toast",
                      in_workspace && self->undo_record != NULL && _keel_window_undo_toast_ready (self));
  set_action_enabled (self, "new", in_workspace);
  set_action_enabled (self, "search", in_workspace);
  set_action_enabled (self, "delete", in_workspace);
  set_action_enabled (self, "open-demo", self->view == KEEL_WINDOW_VIEW_WELCOME);
  set_action_enabled (self, "open-backup", in_error && self->has_backups);
  set_action_enabled (self, "reload", in_error);
  set_action_enabled (self, "show-in-files", self->workspace != NULL);
}
