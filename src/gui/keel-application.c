/* keel-application.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-application.h"
#include "keel-date.h"
#include "keel-preferences-window.h"
#include "keel-window-private.h"
#include "keel-workspace.h"

/* The application: one instance per session (a second `keel` hands its
 * command line to the first, which raises its window), the app-wide
 * actions, and the settings the windows share. */

#define RESOURCE_BASE_PATH "/io/github/keelisms/Keel"
#define HOMEPAGE           "https://github.com/keelisms/keel"

struct _KeelApplication
{
  AdwApplication  parent_instance;

  /* NULL when the schema is not installed (an uninstalled build run by
   * hand): nothing is remembered then */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (KeelApplication, keel_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the workspace in folder DIR"), N_("DIR") },
  { NULL }
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static KeelWindow *
get_active_window (KeelApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* An editor or dialog may be the active one: look for a main window */
  if (window != NULL && !KEEL_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window == NULL || !KEEL_IS_WINDOW (window))
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (KEEL_IS_WINDOW (l->data))
          return l->data;
      return NULL;
    }

  return KEEL_WINDOW (window);
}

static KeelWindow *
ensure_window (KeelApplication *self)
{
  KeelWindow *window = get_active_window (self);

  if (window == NULL)
    {
      g_autoptr(GFile) folder = keel_application_dup_start_folder (self);

      window = keel_window_new (ADW_APPLICATION (self));
      keel_window_open_folder (window, folder);
    }

  return window;
}

static KeelWindow *
find_window_for (KeelApplication *self,
                 GFile           *folder)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      KeelWorkspace *workspace;

      if (!KEEL_IS_WINDOW (l->data))
        continue;

      workspace = keel_window_get_workspace (l->data);
      if (workspace != NULL && g_file_equal (keel_workspace_get_folder (workspace), folder))
        return l->data;
    }

  return NULL;
}

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; window size and the last "
                 "workspace will not be remembered", BASE_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KeelApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window saves what is unsaved; the application holds
   * itself until those saves are done, then quits with the last window */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  KeelApplication *self = user_data;
  const char *developers[] = { _("The Keel authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_active_window (self),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Keel"),
                        "developer-name", _("The Keel authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The leadership desk of an ISO/IEC 27001 information "
                                      "security management system: objectives, policies, "
                                      "people, reviews and the evidence that shows them."),
                        "website", HOMEPAGE,
                        "issue-url", HOMEPAGE "/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KeelApplication *self = user_data;
  KeelWindow *window = ensure_window (self);
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWindow *preferences;

  if (workspace == NULL || _keel_window_get_view (window) != KEEL_WINDOW_VIEW_WORKSPACE)
    {
      keel_window_toast (window, _("Open or create a workspace first"));
      return;
    }

  preferences = keel_preferences_window_new (workspace);
  gtk_window_set_transient_for (preferences, GTK_WINDOW (window));
  gtk_window_present (preferences);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KeelApplication *self = user_data;
  KeelWindow *window = ensure_window (self);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  /* Built when asked and destroyed when closed, not GTK's help overlay: a
   * hidden window kept among the toplevels makes GTK 4.8's accessibility
   * bridge answer an assistive tool with no object path, and crash */
  builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/keel-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (window));
  gtk_window_present (shortcuts);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  KeelApplication *self = KEEL_APPLICATION (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      KeelWindow *window = find_window_for (self, folder);

      if (window == NULL)
        {
          window = get_active_window (self);
          if (window == NULL)
            window = keel_window_new (ADW_APPLICATION (self));
          keel_window_open_folder (window, folder);
        }
      gtk_window_present (GTK_WINDOW (window));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_application_release (G_APPLICATION (self));
  g_object_unref (self);
}

static void
open_workspace_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KeelApplication *self = user_data;
  KeelWindow *window = get_active_window (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Workspace"),
                                         window ? GTK_WINDOW (window) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (window != NULL && keel_window_get_workspace (window) != NULL)
    {
      GFile *current = keel_workspace_get_folder (keel_window_get_workspace (window));
      g_autoptr(GFile) parent = g_file_get_parent (current);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }

  /* Alive while the chooser is open, even with no window */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "open-workspace", open_workspace_action },
};

/* Only shortcuts no text field uses: application accelerators act before
 * the focused widget sees the key, wherever the focus is (a header bar, an
 * open menu). The window forwards win.new and win.search to the page on
 * screen. Delete and Ctrl+Z are bindings of the window, after the focused
 * widget. */
static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.open-workspace", { "<Control>o", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.search", { "<Control>f", NULL } },
};

/* ------------------------------------------------------------------------ */
/* GApplication                                                             */
/* ------------------------------------------------------------------------ */

static int
keel_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  const char *today = g_getenv ("KEEL_TODAY");
  g_autoptr(GFile) folder = NULL;
  const char *path = NULL;

  /* Everything is evaluated as of this day: for tests and for "what will
   * the auditor see on audit day?" */
  if (today != NULL && today[0] != '\0')
    {
      g_autoptr(GDateTime) date = keel_date_parse (today);

      if (date == NULL)
        {
          g_printerr (_("KEEL_TODAY: expected a date like 2026-03-31, not “%s”\n"), today);
          return 2;
        }
      keel_date_set_today (date);
    }

  /* The workspace is read while GTK starts, rather than after */
  if (g_variant_dict_lookup (options, "workspace", "^&ay", &path) && path[0] != '\0')
    folder = g_file_new_for_commandline_arg (path);
  else
    folder = keel_application_dup_start_folder (KEEL_APPLICATION (application));
  keel_workspace_read_ahead (folder);

  return G_APPLICATION_CLASS (keel_application_parent_class)->handle_local_options (application,
                                                                                    options);
}

static void
keel_application_startup (GApplication *application)
{
  KeelApplication *self = KEEL_APPLICATION (application);
  const char *scheme = g_getenv ("KEEL_COLOR_SCHEME");

  G_APPLICATION_CLASS (keel_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);

  /* Not a setting: lets screenshots and tests pin the style */
  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_set_default_icon_name (APP_ID);
}

static int
keel_application_command_line (GApplication            *application,
                               GApplicationCommandLine *command_line)
{
  KeelApplication *self = KEEL_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GFile) folder = NULL;
  KeelWindow *window = NULL;
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "workspace", "^&ay", &path) && path[0] != '\0')
    folder = g_application_command_line_create_file_for_arg (command_line, path);
  else
    {
      const char *env = g_application_command_line_getenv (command_line, "KEEL_WORKSPACE");

      if (env != NULL && env[0] != '\0')
        folder = g_application_command_line_create_file_for_arg (command_line, env);
    }

  if (folder != NULL)
    {
      window = find_window_for (self, folder);
      if (window == NULL)
        {
          window = keel_window_new (ADW_APPLICATION (self));
          keel_window_open_folder (window, folder);
        }
    }
  else
    window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
keel_application_activate (GApplication *application)
{
  gtk_window_present (GTK_WINDOW (ensure_window (KEEL_APPLICATION (application))));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_application_dispose (GObject *object)
{
  KeelApplication *self = KEEL_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (keel_application_parent_class)->dispose (object);
}

static void
keel_application_class_init (KeelApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = keel_application_dispose;

  app_class->handle_local_options = keel_application_handle_local_options;
  app_class->startup = keel_application_startup;
  app_class->command_line = keel_application_command_line;
  app_class->activate = keel_application_activate;
}

static void
keel_application_init (KeelApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keel, the leadership desk of an ISO/IEC 27001 ISMS"));
  self->settings = settings_new ();
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

KeelApplication *
keel_application_new (const char        *application_id,
                      GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (KEEL_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* the same resources for the .Devel flavour */
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * keel_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
keel_application_get_settings (KeelApplication *self)
{
  g_return_val_if_fail (KEEL_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * keel_application_dup_start_folder:
 *
 * The folder a new window opens: `$KEEL_WORKSPACE`, else the workspace
 * opened last, else Documents/Keel.
 *
 * Returns: (transfer full): a folder
 */
GFile *
keel_application_dup_start_folder (KeelApplication *self)
{
  const char *env = g_getenv ("KEEL_WORKSPACE");

  g_return_val_if_fail (KEEL_IS_APPLICATION (self), NULL);

  if ((env == NULL || env[0] == '\0') && self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");

      if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
        return g_file_new_for_path (last);
    }

  return keel_workspace_default_folder ();
}

void
keel_application_remember_folder (KeelApplication *self,
                                  GFile           *folder)
{
  g_return_if_fail (KEEL_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->settings != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "last-workspace", g_file_peek_path (folder));
}
