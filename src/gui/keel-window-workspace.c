/* keel-window-workspace.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-window"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-application.h"
#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-gui-util.h"
#include "keel-records.h"
#include "keel-restore.h"
#include "keel-window-private.h"

/* The window and its workspace: opening a folder, reading keel.json or
 * creating it from the welcome page or the demo, the error page when it
 * cannot be read (backups, trying again), and, while it is open, saving:
 * the save state under the page's title, the strip when a save or a
 * re-read fails, conflicts, and saving what is left when the window lets
 * the workspace go. */

static void show_strip (KeelWindow      *self,
                        KeelWindowStrip  kind,
                        const char      *message);

/* ------------------------------------------------------------------------ */
/* Flushing: saving what is unsaved of a workspace the window lets go of    */
/* ------------------------------------------------------------------------ */

typedef void (*FlushDone) (KeelWindow   *window,
                           const GError *error);

typedef struct
{
  KeelWorkspace *workspace;
  GApplication  *application;
  KeelWindow    *window;       /* weak */
  FlushDone      done;
  GError        *error;
  gulong         saving_handler;
} Flush;

static void flush_step (Flush *flush);

static void
flush_free (Flush *flush)
{
  g_clear_signal_handler (&flush->saving_handler, flush->workspace);
  g_clear_object (&flush->workspace);
  g_clear_weak_pointer (&flush->window);
  if (flush->application != NULL)
    {
      g_application_unmark_busy (flush->application);
      g_application_release (flush->application);
      g_clear_object (&flush->application);
    }
  g_clear_error (&flush->error);
  g_free (flush);
}

static void
flush_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Flush *flush = user_data;

  keel_workspace_save_finish (KEEL_WORKSPACE (object), result, &flush->error);
  flush_step (flush);
}

static void
flush_saving_cb (KeelWorkspace *workspace,
                 GParamSpec    *pspec,
                 Flush         *flush)
{
  if (keel_workspace_get_saving (workspace))
    return;

  g_clear_signal_handler (&flush->saving_handler, flush->workspace);
  flush_step (flush);
}

/* Waits for a running save, saves again while something is unsaved, and
 * stops at the first error */
static void
flush_step (Flush *flush)
{
  if (flush->error == NULL && keel_workspace_get_saving (flush->workspace))
    {
      flush->saving_handler = g_signal_connect (flush->workspace, "notify::saving",
                                                G_CALLBACK (flush_saving_cb), flush);
      return;
    }

  if (flush->error == NULL && keel_workspace_get_dirty (flush->workspace))
    {
      keel_workspace_save_async (flush->workspace, NULL, flush_saved_cb, flush);
      return;
    }

  /* Saved aside as a conflict copy: nothing is lost */
  if (g_error_matches (flush->error, KEEL_ERROR, KEEL_ERROR_CONFLICT))
    g_clear_error (&flush->error);

  if (flush->done != NULL && flush->window != NULL)
    flush->done (flush->window, flush->error);

  flush_free (flush);
}

/* Saves @workspace until nothing is unsaved, holding the application (so
 * that quitting waits for the save), then calls @done */
static void
flush_workspace (KeelWindow    *self,
                 KeelWorkspace *workspace,
                 FlushDone      done)
{
  Flush *flush = g_new0 (Flush, 1);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  flush->workspace = g_object_ref (workspace);
  flush->done = done;
  g_set_weak_pointer (&flush->window, self);

  if (application != NULL)
    {
      flush->application = g_object_ref (G_APPLICATION (application));
      g_application_hold (flush->application);
      g_application_mark_busy (flush->application);
    }

  flush_step (flush);
}

static void
background_flush_done (KeelWindow   *self,
                       const GError *error)
{
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The last changes could not be saved: %s"),
                                                  error->message);
      keel_window_show_error (self, message);
    }
}

static void
close_flush_done (KeelWindow   *self,
                  const GError *error)
{
  self->closing = FALSE;

  if (error != NULL)
    {
      /* Back, so the changes are not lost with the window */
      self->save_failed = TRUE;
      show_strip (self, KEEL_WINDOW_STRIP_SAVE_FAILED, error->message);
      _keel_window_update_save_state (self);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */
/* The strip                                                                */
/* ------------------------------------------------------------------------ */

static void
show_strip (KeelWindow      *self,
            KeelWindowStrip  kind,
            const char      *message)
{
  self->strip_kind = kind;

  if (kind == KEEL_WINDOW_STRIP_NONE)
    {
      gtk_revealer_set_reveal_child (self->strip_revealer, FALSE);
      return;
    }

  gtk_label_set_text (self->strip_label, message);
  gtk_button_set_label (self->strip_button,
                        kind == KEEL_WINDOW_STRIP_SAVE_FAILED ? _("_Retry") : _("_Reload"));
  keel_gui_fix_button_names (GTK_WIDGET (self->strip_button));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->strip_button),
                               kind == KEEL_WINDOW_STRIP_SAVE_FAILED
                                 ? _("Try to save again")
                                 : _("Read keel.json again"));
  gtk_revealer_set_reveal_child (self->strip_revealer, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Opening and reading                                                      */
/* ------------------------------------------------------------------------ */

/* The sidebar says whose ISMS it is. A reload replaces the organisation
 * object, and its binding goes with it: the pointer is a weak one. */
static void
bind_organisation (KeelWindow       *self,
                   KeelOrganisation *organisation)
{
  if (self->organisation_binding != NULL)
    {
      GBinding *binding = self->organisation_binding;

      g_clear_weak_pointer (&self->organisation_binding);
      g_binding_unbind (binding);
    }

  if (organisation == NULL)
    {
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
      return;
    }

  g_set_weak_pointer (&self->organisation_binding,
                      g_object_bind_property (organisation, "name",
                                              self->sidebar_title, "subtitle",
                                              G_BINDING_SYNC_CREATE));
}

/* The workspace is read (or has just been created): show it */
static void
attach_workspace (KeelWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  KeelOrganisation *organisation = keel_workspace_get_organisation (self->workspace);

  keel_workspace_set_autosave (self->workspace, TRUE);
  if (!keel_workspace_watch (self->workspace, &error))
    g_warning ("Changes other programs make to keel.json will not be noticed: %s",
               error->message);

  self->save_failed = FALSE;
  show_strip (self, KEEL_WINDOW_STRIP_NONE, NULL);

  bind_organisation (self, organisation);

  if (KEEL_IS_APPLICATION (application))
    keel_application_remember_folder (KEEL_APPLICATION (application),
                                      keel_workspace_get_folder (self->workspace));

  _keel_window_set_view (self, KEEL_WINDOW_VIEW_WORKSPACE);
  _keel_window_show_last_area (self);
  _keel_window_give_pages_later (self);
}

/* What the error page says: a plain sentence first, and what the reader
 * said in detail below it. The reader names a place as "FILE line L,
 * column C: what it found" or "FILE line L: what it found"; a message it
 * wrote over several lines has the plain sentence first. */
static void
split_error (KeelWindow  *self,
             const char  *message,
             char       **sentence,
             char       **detail)
{
  const char *place = strstr (message, " line ");
  const char *newline = strchr (message, '\n');
  guint line = 0;
  guint column = 0;
  int used = 0;

  if (place != NULL && (newline == NULL || place < newline))
    {
      g_autofree char *name = g_file_get_basename (keel_workspace_get_file (self->workspace));

      if (sscanf (place, " line %u, column %u: %n", &line, &column, &used) == 2 && used > 0)
        {
          *sentence = g_strdup_printf (_("There is a mistake in %s at line %u, column %u."),
                                       name, line, column);
          *detail = g_strdup (place + used);
          return;
        }

      used = 0;
      if (sscanf (place, " line %u: %n", &line, &used) == 1 && used > 0)
        {
          *sentence = g_strdup_printf (_("There is a mistake in %s at line %u."), name, line);
          *detail = g_strdup (place + used);
          return;
        }
    }

  if (newline != NULL)
    {
      *sentence = g_strndup (message, (gsize) (newline - message));
      *detail = g_strstrip (g_strdup (newline + 1));
      return;
    }

  *sentence = g_strdup (message);
  *detail = NULL;
}

static void
show_load_error (KeelWindow   *self,
                 const GError *error)
{
  g_autoptr(GPtrArray) backups = keel_workspace_list_backups (self->workspace);
  g_autofree char *sentence = NULL;
  g_autofree char *detail = NULL;
  gboolean plain_detail = g_error_matches (error, KEEL_ERROR, KEEL_ERROR_SYNTAX);

  _keel_window_ensure_error_view (self);
  g_free (self->error_message);
  self->error_message = g_strdup (error->message);

  split_error (self, error->message, &sentence, &detail);

  /* A syntax error's detail names characters and tokens ("found “"”;
   * expected “,” or “}”"): the page says in plain words what to look
   * for, and the log has the reader's words */
  if (plain_detail)
    {
      g_free (detail);
      detail = g_strdup (_("Something there is not written as JSON: look for a missing comma, "
                           "quotation mark or bracket at that place or just before it."));
    }
  /* The reader's words in a fixed-width font, to copy; plain words not */
  if (plain_detail)
    gtk_widget_remove_css_class (GTK_WIDGET (self->error_detail_label), "error-detail");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->error_detail_label), "error-detail");
  gtk_label_set_text (self->error_label, sentence);
  gtk_label_set_text (self->error_detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_detail_label), detail != NULL && detail[0] != '\0');

  /* Without a backup, the page does not speak of backups */
  self->has_backups = backups->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->backup_button), self->has_backups);
  gtk_label_set_text (self->error_advice_label,
                      self->has_backups
                        ? _("Keel has not changed the file. You can mend it in a text editor and "
                            "try again, or go back to one of the backups Keel kept.")
                        : _("Keel has not changed the file. You can mend it in a text editor and "
                            "try again, or choose another folder."));

  _keel_window_set_view (self, KEEL_WINDOW_VIEW_ERROR);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KeelWindow) self = user_data;
  KeelWorkspace *workspace = KEEL_WORKSPACE (object);
  g_autoptr(GError) error = NULL;

  if (!keel_workspace_load_finish (workspace, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || workspace != self->workspace)
        return;

      g_warning ("%s", error->message);
      show_load_error (self, error);
      return;
    }

  if (workspace != self->workspace)
    return;

  attach_workspace (self);
}

/* ------------------------------------------------------------------------ */
/* Creating a workspace from the welcome view or the demo                   */
/* ------------------------------------------------------------------------ */

/* The welcome view, if there is one, busy while a workspace is made */
static void
set_welcome_busy (KeelWindow *self,
                  gboolean    busy)
{
  if (self->welcome_view != NULL)
    keel_welcome_view_set_busy (self->welcome_view, busy);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KeelWindow) self = user_data;
  KeelWorkspace *workspace = KEEL_WORKSPACE (object);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  set_welcome_busy (self, FALSE);

  if (workspace != self->workspace)
    return;

  if (!keel_workspace_save_finish (workspace, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The workspace could not be created: %s"),
                                                  error->message);
      keel_window_show_error (self, message);

      /* Start again from an empty workspace, so a retry does not add twice */
      folder = g_object_ref (keel_workspace_get_folder (workspace));
      _keel_window_open_folder (self, folder, TRUE);
      return;
    }

  attach_workspace (self);
}

/* What the welcome page asked for, done once the folder is known to be
 * writable: the probe writes and removes a file, so it runs on a worker */
typedef enum { MAKE_CREATE, MAKE_DEMO } MakeKind;

typedef struct
{
  KeelWindow    *window;
  KeelWorkspace *workspace;   /* the one the check was asked of */
  MakeKind       kind;
  char          *organisation;
  char          *size_profile;
  char          *name;
  char          *email;
} MakeData;

static void
make_data_free (MakeData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->workspace);
  g_free (data->organisation);
  g_free (data->size_profile);
  g_free (data->name);
  g_free (data->email);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MakeData, make_data_free)

static void make_workspace (MakeData *data);
static void make_demo      (MakeData *data);

static void
folder_checked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MakeData) data = user_data;
  KeelWindow *self = data->window;
  g_autoptr(GError) error = NULL;

  if (!keel_workspace_check_writable_finish (data->workspace, result, &error))
    {
      if (data->workspace == self->workspace)
        {
          set_welcome_busy (self, FALSE);
          keel_window_show_error (self, error->message);
        }
      return;
    }

  /* Another folder was opened meanwhile, or the window closed */
  if (data->workspace != self->workspace || self->view != KEEL_WINDOW_VIEW_WELCOME)
    {
      set_welcome_busy (self, FALSE);
      return;
    }

  /* It may have appeared since the folder was opened */
  if (keel_workspace_file_exists (self->workspace))
    {
      g_autoptr(GFile) folder = g_object_ref (keel_workspace_get_folder (self->workspace));

      set_welcome_busy (self, FALSE);
      keel_window_toast (self, _("This folder has a workspace now; it was opened instead"));
      _keel_window_open_folder (self, folder, FALSE);
      return;
    }

  if (data->kind == MAKE_CREATE)
    make_workspace (g_steal_pointer (&data));
  else
    make_demo (g_steal_pointer (&data));
}

/* Checks the folder off the main thread, then goes on with @data */
static void
check_folder_then (KeelWindow *self,
                   MakeData   *data)
{
  data->window = g_object_ref (self);
  data->workspace = g_object_ref (self->workspace);
  set_welcome_busy (self, TRUE);
  keel_workspace_check_writable_async (self->workspace, self->cancellable,
                                       folder_checked_cb, data);
}

/* ------------------------------------------------------------------------ */
/* The error page                                                           */
/* ------------------------------------------------------------------------ */

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KeelWindow) self = user_data;
  KeelWorkspace *workspace = KEEL_WORKSPACE (object);
  g_autoptr(GFile) aside = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (workspace != self->workspace)
    return;

  if (!keel_workspace_restore_backup_finish (workspace, result, &aside, &error))
    {
      keel_window_show_error (self, error->message);
      return;
    }

  folder = g_object_ref (keel_workspace_get_folder (workspace));
  _keel_window_open_folder (self, folder, FALSE);

  if (aside != NULL)
    {
      g_autofree char *name = g_file_get_basename (aside);
      g_autofree char *message = g_strdup_printf (_("Backup restored. The file that could "
                                                    "not be read was kept as %s"), name);
      keel_window_toast (self, message);
    }
}

static char *
describe_backup (GFile *backup)
{
  g_autofree char *name = g_file_get_basename (backup);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  /* keel-20260331T140210.123456Z.json */
  if (g_str_has_prefix (name, "keel-") && g_str_has_suffix (name, ".json"))
    {
      g_autofree char *stamp = g_strndup (name + 5, strlen (name) - 10);
      when = g_date_time_new_from_iso8601 (stamp, NULL);
    }

  if (when == NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (backup, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        when = g_file_info_get_modification_date_time (info);
    }

  if (when == NULL)
    return g_steal_pointer (&name);

  local = g_date_time_to_local (when);
  /* Translators: a date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M:%S"));
}

static void
backup_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KeelWindow       *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "list");
  GtkListBoxRow *row;
  GFile *backup;

  if (g_strcmp0 (response, "restore") != 0 || self->workspace == NULL)
    return;

  row = gtk_list_box_get_selected_row (list);
  if (row == NULL)
    return;

  backup = g_object_get_data (G_OBJECT (row), "file");
  keel_workspace_restore_backup_async (self->workspace, backup, self->cancellable,
                                       restored_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */
/* Saving, the strip and conflicts                                          */
/* ------------------------------------------------------------------------ */

static void
workspace_state_cb (KeelWindow *self)
{
  _keel_window_update_save_state (self);
}

static void
workspace_saved_cb (KeelWindow    *self,
                    KeelWorkspace *workspace)
{
  self->save_failed = FALSE;
  if (self->strip_kind == KEEL_WINDOW_STRIP_SAVE_FAILED)
    show_strip (self, KEEL_WINDOW_STRIP_NONE, NULL);
  else if (self->strip_kind == KEEL_WINDOW_STRIP_RELOAD_FAILED)
    {
      /* keel.json was back to what Keel had read, and now holds ours */
      show_strip (self, KEEL_WINDOW_STRIP_NONE, NULL);
      keel_workspace_set_autosave (workspace, TRUE);
    }
  _keel_window_update_save_state (self);
}

static void
workspace_save_failed_cb (KeelWindow    *self,
                          const GError  *error,
                          KeelWorkspace *workspace)
{
  if (self->view != KEEL_WINDOW_VIEW_WORKSPACE)
    return;

  self->save_failed = TRUE;
  if (self->strip_kind != KEEL_WINDOW_STRIP_RELOAD_FAILED)
    show_strip (self, KEEL_WINDOW_STRIP_SAVE_FAILED, error->message);
  _keel_window_update_save_state (self);
}

static void
workspace_conflict_cb (KeelWindow    *self,
                       const char    *path,
                       const GError  *error,
                       KeelWorkspace *workspace)
{
  g_autofree char *name = path ? g_path_get_basename (path) : NULL;
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Someone else changed keel.json; your changes were kept in %s"),
                             name ? name : _("a conflict copy"));
  _keel_window_toast_urgent (self, message);
}

static void
workspace_reloaded_cb (KeelWindow    *self,
                       KeelWorkspace *workspace)
{
  /* What undo would put back belongs to the version that was replaced */
  _keel_window_clear_undo (self);

  /* The organisation is a new object too */
  bind_organisation (self, keel_workspace_get_organisation (workspace));

  if (self->strip_kind == KEEL_WINDOW_STRIP_RELOAD_FAILED)
    {
      show_strip (self, KEEL_WINDOW_STRIP_NONE, NULL);
      keel_workspace_set_autosave (workspace, TRUE);
    }
  _keel_window_update_save_state (self);
}

static void
workspace_reload_failed_cb (KeelWindow    *self,
                            const GError  *error,
                            KeelWorkspace *workspace)
{
  g_autofree char *message = NULL;

  if (self->view != KEEL_WINDOW_VIEW_WORKSPACE)
    return;

  /* Never save over a file that somebody else is in the middle of */
  keel_workspace_set_autosave (workspace, FALSE);

  message = g_strdup_printf (_("Another program changed keel.json and it cannot be read now. "
                               "Keel does not save until it can: %s"), error->message);
  show_strip (self, KEEL_WINDOW_STRIP_RELOAD_FAILED, message);
  _keel_window_update_save_state (self);
}

static void
reload_strip_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KeelWindow) self = user_data;
  KeelWorkspace *workspace = KEEL_WORKSPACE (object);
  g_autoptr(GError) error = NULL;

  if (workspace != self->workspace)
    return;

  if (!keel_workspace_load_finish (workspace, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        workspace_reload_failed_cb (self, error, workspace);
      return;
    }

  workspace_reloaded_cb (self, workspace);
  show_strip (self, KEEL_WINDOW_STRIP_NONE, NULL);
  keel_workspace_set_autosave (workspace, TRUE);
  _keel_window_update_save_state (self);
}

/* ------------------------------------------------------------------------ */
/* Private API                                                              */
/* ------------------------------------------------------------------------ */

void
_keel_window_workspace_init (KeelWindow *self)
{
  self->workspace_signals = g_signal_group_new (KEEL_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::dirty",
                                  G_CALLBACK (workspace_state_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::saving",
                                  G_CALLBACK (workspace_state_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::autosave",
                                  G_CALLBACK (workspace_state_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "saved",
                                  G_CALLBACK (workspace_saved_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "save-failed",
                                  G_CALLBACK (workspace_save_failed_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "conflict",
                                  G_CALLBACK (workspace_conflict_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "reloaded",
                                  G_CALLBACK (workspace_reloaded_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "reload-failed",
                                  G_CALLBACK (workspace_reload_failed_cb), self);
}

/* Opens @folder: the welcome page when it has no keel.json, else reads it.
 * What the workspace open until now has unsaved is saved in the background,
 * or dropped with @discard (a workspace that could not be created). */
void
_keel_window_open_folder (KeelWindow *self,
                          GFile      *folder,
                          gboolean    discard)
{
  g_autoptr(GFile) keep = g_object_ref (folder);
  gboolean retry = discard && self->view == KEEL_WINDOW_VIEW_WELCOME;

  self->discard = !!discard;
  _keel_window_detach_workspace (self);

  self->cancellable = g_cancellable_new ();
  self->workspace = keel_workspace_new (folder);
  g_signal_group_set_target (self->workspace_signals, self->workspace);

  if (!keel_workspace_file_exists (self->workspace))
    {
      KeelWelcomeView *welcome = _keel_window_get_welcome_view (self);

      /* A retry keeps what was typed */
      if (!retry)
        keel_welcome_view_reset (welcome);
      keel_welcome_view_set_busy (welcome, FALSE);
      keel_welcome_view_set_folder (welcome, folder);
      _keel_window_set_view (self, KEEL_WINDOW_VIEW_WELCOME);
      return;
    }

  _keel_window_set_view (self, KEEL_WINDOW_VIEW_LOADING);
  keel_workspace_load_async (self->workspace, self->cancellable, load_cb, g_object_ref (self));
}

/* Lets go of the workspace; what is unsaved is saved in the background,
 * unless it is to be discarded (a workspace that could not be created) */
void
_keel_window_detach_workspace (KeelWindow *self)
{
  g_autoptr(KeelWorkspace) workspace = g_steal_pointer (&self->workspace);
  gboolean discard = self->discard;

  self->discard = FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  _keel_window_clear_undo (self);
  bind_organisation (self, NULL);
  if (self->workspace_signals != NULL)
    g_signal_group_set_target (self->workspace_signals, NULL);
  _keel_window_clear_pages_workspace (self);
  show_strip (self, KEEL_WINDOW_STRIP_NONE, NULL);
  g_clear_pointer (&self->error_message, g_free);
  self->save_failed = FALSE;
  self->has_backups = FALSE;

  if (workspace == NULL)
    return;

  /* Nothing goes on behind the user's back any more */
  keel_workspace_set_autosave (workspace, FALSE);

  if (!discard && (keel_workspace_get_dirty (workspace) || keel_workspace_get_saving (workspace)))
    flush_workspace (self, workspace, background_flush_done);
}

/* The window is asked to close. Returns TRUE when it may close now; with
 * something unsaved it hides, saves, and closes itself once saved. */
gboolean
_keel_window_close_workspace (KeelWindow *self)
{
  if (!self->may_close && self->workspace != NULL &&
      (keel_workspace_get_dirty (self->workspace) || keel_workspace_get_saving (self->workspace)))
    {
      self->closing = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      flush_workspace (self, self->workspace, close_flush_done);
      return FALSE;
    }

  _keel_window_detach_workspace (self);

  return TRUE;
}

/* The welcome page's Create */
void
_keel_window_create_workspace (KeelWindow *self)
{
  MakeData *data;
  KeelWelcomeValues values;

  if (self->view != KEEL_WINDOW_VIEW_WELCOME || self->workspace == NULL)
    return;

  if (keel_welcome_view_get_values (_keel_window_get_welcome_view (self), &values) != KEEL_FORM_OK)
    return;

  data = g_new0 (MakeData, 1);
  data->kind = MAKE_CREATE;
  data->organisation = keel_text_normalize (values.organisation);
  data->size_profile = g_strdup (values.size_profile);
  data->name = keel_text_normalize (values.manager_name);
  data->email = keel_text_normalize (values.manager_email);
  check_folder_then (self, data);
}

static void
make_workspace (MakeData *data)
{
  g_autoptr(MakeData) owned = data;
  KeelWindow *self = data->window;
  g_autoptr(KeelRecord) manager = NULL;
  KeelOrganisation *org;

  org = keel_workspace_get_organisation (self->workspace);
  keel_record_set_string (KEEL_RECORD (org), "name", data->organisation);
  keel_record_set_string (KEEL_RECORD (org), "size_profile", data->size_profile);

  manager = g_object_new (KEEL_TYPE_PERSON, NULL);
  keel_record_set_string (manager, "name", data->name);
  keel_record_set_string (manager, "email", data->email);
  keel_record_set_string (manager, "job_title", _("Managing Director"));
  keel_record_set_boolean (manager, "top_management", TRUE);
  keel_record_set_boolean (manager, "review_team", TRUE);
  keel_workspace_add (self->workspace, manager);

  keel_workspace_save_async (self->workspace, self->cancellable, created_cb, g_object_ref (self));
}

/* The demo is drawn and written on a worker, into a hidden folder beside
 * the workspace's that is then moved into place (keel_demo_write), and
 * opened like any other */
static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GDateTime) today = keel_date_today ();
  g_autoptr(GError) error = NULL;

  if (keel_demo_write (task_data, today, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
demo_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MakeData) data = user_data;
  KeelWindow *self = data->window;
  GFile *folder = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_welcome_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (data->workspace == self->workspace)
        {
          g_autofree char *message = g_strdup_printf (_("The demo workspace could not be made: %s"),
                                                      error->message);

          keel_window_show_error (self, message);
        }
      return;
    }

  if (data->workspace != self->workspace)
    return;

  _keel_window_open_folder (self, folder, TRUE);
}

void
_keel_window_open_demo (KeelWindow *self)
{
  MakeData *data;

  if (self->view != KEEL_WINDOW_VIEW_WELCOME || self->workspace == NULL)
    return;

  data = g_new0 (MakeData, 1);
  data->kind = MAKE_DEMO;
  check_folder_then (self, data);
}

static void
make_demo (MakeData *data)
{
  KeelWindow *self = data->window;
  g_autoptr(GTask) task = NULL;

  set_welcome_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, demo_written_cb, data);
  g_task_set_source_tag (task, _keel_window_open_demo);
  g_task_set_task_data (task, g_object_ref (keel_workspace_get_folder (self->workspace)), g_object_unref);
  g_task_run_in_thread (task, demo_thread);
}

/* The error page's "Open a Backup…": a dialog of the backups, newest first */
void
_keel_window_choose_backup (KeelWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *list;

  if (self->workspace == NULL)
    return;

  backups = keel_workspace_list_backups (self->workspace);
  if (backups->len == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open a Backup"),
                                   _("Keel keeps the last versions of keel.json. The backup "
                                     "you choose takes its place; the file that cannot be "
                                     "read is kept beside it, unchanged."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  /* One is always chosen */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backups"),
                                  -1);

  for (guint i = 0; i < backups->len; i++)
    {
      GFile *backup = g_ptr_array_index (backups, i);
      g_autofree char *title = describe_backup (backup);
      g_autofree char *name = g_file_get_basename (backup);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
      g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (backup), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  g_object_set_data (G_OBJECT (dialog), "list", list);

  g_signal_connect_object (dialog, "response", G_CALLBACK (backup_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The error page's "Try Again" */
void
_keel_window_reload (KeelWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  if (self->workspace == NULL)
    return;

  folder = g_object_ref (keel_workspace_get_folder (self->workspace));
  _keel_window_open_folder (self, folder, FALSE);
}

/* The strip's button: save again, or read keel.json again */
void
_keel_window_retry (KeelWindow *self)
{
  if (self->workspace == NULL)
    return;

  switch (self->strip_kind)
    {
    case KEEL_WINDOW_STRIP_SAVE_FAILED:
      keel_workspace_save_async (self->workspace, NULL, NULL, NULL);
      break;

    case KEEL_WINDOW_STRIP_RELOAD_FAILED:
      keel_workspace_load_async (self->workspace, self->cancellable,
                                 reload_strip_cb, g_object_ref (self));
      break;

    case KEEL_WINDOW_STRIP_NONE:
    default:
      break;
    }
}

/* Under the page's title: how saving goes */
void
_keel_window_update_save_state (KeelWindow *self)
{
  const char *state = NULL;

  if (self->workspace == NULL || self->view != KEEL_WINDOW_VIEW_WORKSPACE)
    state = NULL;
  else if (keel_workspace_get_saving (self->workspace))
    state = _("Saving…");
  else if (self->save_failed)
    state = _("Not saved");
  else if (!keel_workspace_get_autosave (self->workspace))
    state = _("Not saving");
  else if (keel_workspace_get_dirty (self->workspace))
    state = _("Unsaved changes");
  else
    state = _("Saved");

  adw_window_title_set_subtitle (self->content_title, state);
}
