/* keel-window.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-window"

/* How long a toast takes to slide in (libadwaita's SHOW_DURATION), and a
 * little more */
#define TOAST_SHOW_MS 350

/* A workspace read faster than this appears at once: no spinner flashes
 * up, and the view does not crossfade from the loading page */
#define SPINNER_DELAY_MS 500

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-actions-page.h"
#include "keel-application.h"
#include "keel-audits-page.h"
#include "keel-context-page.h"
#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-gui-util.h"
#include "keel-improvements-page.h"
#include "keel-objectives-page.h"
#include "keel-parties-page.h"
#include "keel-people-page.h"
#include "keel-policies-page.h"
#include "keel-processes-page.h"
#include "keel-records.h"
#include "keel-resources-page.h"
#include "keel-restore.h"
#include "keel-risks-page.h"
#include "keel-roles-page.h"
#include "keel-training-page.h"
#include "keel-welcome-view.h"
#include "keel-window-private.h"

/* The window shows one workspace folder: a welcome form when the folder has
 * no keel.json yet, an error page when keel.json cannot be read, and
 * otherwise the areas of the ISMS in a sidebar with the page of one beside
 * it. It owns the workspace: it turns autosave and watching on, shows how
 * saving goes, and keeps what a delete needs for undo. */

typedef struct
{
  const char *id;          /* remembered in the "last-page" setting */
  const char *title;       /* translatable */
  const char *icon_name;
  GType     (*get_type) (void);
} KeelArea;

/* The areas of the sidebar, in order. A page is a GtkWidget with a
 * "workspace" property; adding an area is adding a line. */
static const KeelArea areas[] = {
  { "objectives", N_("Objectives"), "emblem-default-symbolic", keel_objectives_page_get_type },
  { "policies", N_("Policies"), "text-x-generic-symbolic", keel_policies_page_get_type },
  { "people", N_("People"), "system-users-symbolic", keel_people_page_get_type },
  { "roles", N_("Roles"), "user-info-symbolic", keel_roles_page_get_type },
  { "training", N_("Training"), "application-certificate-symbolic", keel_training_page_get_type },
  { "actions", N_("Actions"), "object-select-symbolic", keel_actions_page_get_type },
  { "resources", N_("Resources"), "wallet-symbolic", keel_resources_page_get_type },
  { "risks", N_("Risks"), "dialog-warning-symbolic", keel_risks_page_get_type },
  { "context", N_("Context"), "find-location-symbolic", keel_context_page_get_type },
  { "parties", N_("Interested Parties"), "x-office-address-book-symbolic", keel_parties_page_get_type },
  { "improvements", N_("Improvements"), "emblem-synchronizing-symbolic", keel_improvements_page_get_type },
  { "processes", N_("Processes"), "emblem-system-symbolic", keel_processes_page_get_type },
  { "audits", N_("Audits"), "checkbox-checked-symbolic", keel_audits_page_get_type },
};

typedef enum
{
  STRIP_NONE,
  STRIP_SAVE_FAILED,    /* Retry saves again */
  STRIP_RELOAD_FAILED,  /* keel.json changed on disk and cannot be read */
} StripKind;

struct _KeelWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  KeelWelcomeView      *welcome_view;
  AdwStatusPage        *error_page;
  GtkLabel             *error_label;
  GtkButton            *backup_button;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkButton            *back_button;
  GtkRevealer          *strip_revealer;
  GtkLabel             *strip_label;
  GtkButton            *strip_button;
  GtkStack             *content_stack;

  GSettings            *settings;
  GtkWidget           **pages;         /* one per area */
  GtkWidget           **rows;          /* one per area */

  KeelWorkspace        *workspace;
  GSignalGroup         *workspace_signals;
  GBinding             *organisation_binding;
  GCancellable         *cancellable;
  char                 *error_message;
  StripKind             strip_kind;
  KeelWindowView        view;
  guint                 spinner_id;
  guint                 pages_id;      /* gives the hidden pages the workspace */
  guint                 pages_ready;   /* a bit per page that has it */

  /* What undo puts back */
  KeelRecord           *undo_record;
  guint                 undo_position;
  AdwToast             *undo_toast;
  KeelUndoFunc          undo_func;
  gpointer              undo_data;
  GDestroyNotify        undo_destroy;
  gint64                undo_shown_at;
  GPtrArray            *dismissals;    /* toasts to dismiss once shown */

  guint                 save_failed : 1;
  guint                 discard : 1;     /* detach drops what is unsaved */
  guint                 closing : 1;
  guint                 may_close : 1;
};

G_DEFINE_FINAL_TYPE (KeelWindow, keel_window, ADW_TYPE_APPLICATION_WINDOW)

static void open_folder (KeelWindow *self,
                         GFile      *folder);

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

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static GtkWidget *
visible_page (KeelWindow *self)
{
  if (self->view != KEEL_WINDOW_VIEW_WORKSPACE)
    return NULL;

  return gtk_stack_get_visible_child (self->content_stack);
}

static int
area_index (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].id, id) == 0)
      return (int) i;

  return -1;
}

static void
set_action_enabled (KeelWindow *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (KeelWindow *self)
{
  gboolean in_workspace = self->view == KEEL_WINDOW_VIEW_WORKSPACE;
  g_autoptr(GPtrArray) backups = NULL;

  if (self->view == KEEL_WINDOW_VIEW_ERROR && self->workspace != NULL)
    backups = keel_workspace_list_backups (self->workspace);

  set_action_enabled (self, "undo", in_workspace && self->undo_record != NULL);
  set_action_enabled (self, "new", in_workspace);
  set_action_enabled (self, "search", in_workspace);
  set_action_enabled (self, "delete", in_workspace);
  set_action_enabled (self, "open-demo", self->view == KEEL_WINDOW_VIEW_WELCOME);
  set_action_enabled (self, "open-backup", backups != NULL && backups->len > 0);
  set_action_enabled (self, "reload", self->view == KEEL_WINDOW_VIEW_ERROR);
  set_action_enabled (self, "show-in-files", self->workspace != NULL);
}

static void
update_save_state (KeelWindow *self)
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

static gboolean
spinner_delay_cb (gpointer user_data)
{
  KeelWindow *self = user_data;

  self->spinner_id = 0;
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);

  return G_SOURCE_REMOVE;
}

static void
set_view (KeelWindow     *self,
          KeelWindowView  view)
{
  static const char * const names[] = { "loading", "welcome", "error", "workspace" };
  /* Leaving the loading page before its spinner showed: go straight */
  gboolean quick = self->view == KEEL_WINDOW_VIEW_LOADING &&
                   !gtk_spinner_get_spinning (self->loading_spinner);

  self->view = view;
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  if (view == KEEL_WINDOW_VIEW_LOADING)
    self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, spinner_delay_cb, self);
  gtk_stack_set_visible_child_full (self->main_stack, names[view],
                                    quick ? GTK_STACK_TRANSITION_TYPE_NONE
                                          : gtk_stack_get_transition_type (self->main_stack));
  update_actions (self);
  update_save_state (self);
}

static void
show_strip (KeelWindow *self,
            StripKind   kind,
            const char *message)
{
  self->strip_kind = kind;

  if (kind == STRIP_NONE)
    {
      gtk_revealer_set_reveal_child (self->strip_revealer, FALSE);
      return;
    }

  gtk_label_set_text (self->strip_label, message);
  gtk_button_set_label (self->strip_button,
                        kind == STRIP_SAVE_FAILED ? _("_Retry") : _("_Reload"));
  keel_gui_fix_button_names (GTK_WIDGET (self->strip_button));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->strip_button),
                               kind == STRIP_SAVE_FAILED
                                 ? _("Try to save again")
                                 : _("Read keel.json again"));
  gtk_revealer_set_reveal_child (self->strip_revealer, TRUE);
}

typedef struct
{
  KeelWindow *self;
  AdwToast   *toast;
  guint       id;
} Dismissal;

static void
dismissal_free (gpointer data)
{
  Dismissal *dismissal = data;

  g_object_unref (dismissal->toast);
  g_free (dismissal);
}

static gboolean
dismiss_toast_cb (gpointer data)
{
  Dismissal *dismissal = data;

  g_ptr_array_remove (dismissal->self->dismissals, dismissal);
  adw_toast_dismiss (dismissal->toast);

  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 frees a toast twice when it is dismissed while it is still
 * sliding in: wait for the slide to end */
static void
dismiss_toast (KeelWindow *self,
               AdwToast   *toast,
               gint64      shown_at)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - shown_at) / 1000;
  Dismissal *dismissal;

  if (elapsed_ms >= TOAST_SHOW_MS)
    {
      adw_toast_dismiss (toast);
      return;
    }

  dismissal = g_new0 (Dismissal, 1);
  dismissal->self = self;
  dismissal->toast = g_object_ref (toast);
  dismissal->id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (TOAST_SHOW_MS - elapsed_ms),
                                      dismiss_toast_cb, dismissal, dismissal_free);
  g_ptr_array_add (self->dismissals, dismissal);
}

static void
clear_undo (KeelWindow *self)
{
  AdwToast *toast = g_steal_pointer (&self->undo_toast);

  g_clear_object (&self->undo_record);
  if (self->undo_destroy != NULL && self->undo_data != NULL)
    self->undo_destroy (self->undo_data);
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;

  if (toast != NULL)
    {
      dismiss_toast (self, toast, self->undo_shown_at);
      g_object_unref (toast);
    }

  update_actions (self);
}

/* A page gets the workspace when it is first shown or asked for, or once
 * the window has shown the workspace: filling a page's table costs tens of
 * milliseconds, which the first frame of the workspace should not wait
 * for on pages it does not show. */
static void
give_page_workspace (KeelWindow *self,
                     guint       index)
{
  if (self->workspace == NULL || self->view != KEEL_WINDOW_VIEW_WORKSPACE ||
      (self->pages_ready & (1u << index)) != 0)
    return;

  self->pages_ready |= 1u << index;
  g_object_set (self->pages[index], "workspace", self->workspace, NULL);
}

static gboolean
give_pages_cb (gpointer user_data)
{
  KeelWindow *self = user_data;

  self->pages_id = 0;
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    give_page_workspace (self, i);

  return G_SOURCE_REMOVE;
}

static void
show_area (KeelWindow *self,
           guint       index)
{
  g_assert (index < G_N_ELEMENTS (areas));

  give_page_workspace (self, index);
  gtk_stack_set_visible_child (self->content_stack, self->pages[index]);
  adw_window_title_set_title (self->content_title, _(areas[index].title));

  if (gtk_list_box_get_selected_row (self->sidebar_list) != GTK_LIST_BOX_ROW (self->rows[index]))
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->rows[index]));

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-page", areas[index].id);
}

static void
show_last_area (KeelWindow *self)
{
  g_autofree char *last = NULL;
  int index = -1;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-page");

  index = area_index (last);
  show_area (self, index < 0 ? 0 : (guint) index);
}

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

/* Takes the workspace from every page */
static void
clear_pages_workspace (KeelWindow *self)
{
  g_clear_handle_id (&self->pages_id, g_source_remove);
  self->pages_ready = 0;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_object_set (self->pages[i], "workspace", NULL, NULL);
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
  show_strip (self, STRIP_NONE, NULL);

  bind_organisation (self, organisation);

  if (KEEL_IS_APPLICATION (application))
    keel_application_remember_folder (KEEL_APPLICATION (application),
                                      keel_workspace_get_folder (self->workspace));

  set_view (self, KEEL_WINDOW_VIEW_WORKSPACE);
  show_last_area (self);

  /* The other pages after the first frame */
  g_clear_handle_id (&self->pages_id, g_source_remove);
  self->pages_id = g_idle_add_full (G_PRIORITY_LOW, give_pages_cb, self, NULL);
}

/* Lets go of the workspace; what is unsaved is saved in the background,
 * unless it is to be discarded (a workspace that could not be created) */
static void
detach_workspace (KeelWindow *self)
{
  g_autoptr(KeelWorkspace) workspace = g_steal_pointer (&self->workspace);
  gboolean discard = self->discard;

  self->discard = FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  clear_undo (self);
  bind_organisation (self, NULL);
  g_signal_group_set_target (self->workspace_signals, NULL);
  clear_pages_workspace (self);
  show_strip (self, STRIP_NONE, NULL);
  g_clear_pointer (&self->error_message, g_free);
  self->save_failed = FALSE;

  if (workspace == NULL)
    return;

  /* Nothing goes on behind the user's back any more */
  keel_workspace_set_autosave (workspace, FALSE);

  if (!discard && (keel_workspace_get_dirty (workspace) || keel_workspace_get_saving (workspace)))
    flush_workspace (self, workspace, background_flush_done);
}

static void
show_load_error (KeelWindow   *self,
                 const GError *error)
{
  g_free (self->error_message);
  self->error_message = g_strdup (error->message);
  gtk_label_set_text (self->error_label, error->message);
  set_view (self, KEEL_WINDOW_VIEW_ERROR);
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

static void
open_folder_full (KeelWindow *self,
                  GFile      *folder,
                  gboolean    discard)
{
  g_autoptr(GFile) keep = g_object_ref (folder);
  gboolean retry = discard && self->view == KEEL_WINDOW_VIEW_WELCOME;

  self->discard = !!discard;
  detach_workspace (self);

  self->cancellable = g_cancellable_new ();
  self->workspace = keel_workspace_new (folder);
  g_signal_group_set_target (self->workspace_signals, self->workspace);

  if (!keel_workspace_file_exists (self->workspace))
    {
      /* A retry keeps what was typed */
      if (!retry)
        keel_welcome_view_reset (self->welcome_view);
      keel_welcome_view_set_busy (self->welcome_view, FALSE);
      keel_welcome_view_set_folder (self->welcome_view, folder);
      set_view (self, KEEL_WINDOW_VIEW_WELCOME);
      return;
    }

  set_view (self, KEEL_WINDOW_VIEW_LOADING);
  keel_workspace_load_async (self->workspace, self->cancellable, load_cb, g_object_ref (self));
}

static void
open_folder (KeelWindow *self,
             GFile      *folder)
{
  open_folder_full (self, folder, FALSE);
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
/* Creating a workspace from the welcome view or the demo                   */
/* ------------------------------------------------------------------------ */

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KeelWindow) self = user_data;
  KeelWorkspace *workspace = KEEL_WORKSPACE (object);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  keel_welcome_view_set_busy (self->welcome_view, FALSE);

  if (workspace != self->workspace)
    return;

  if (!keel_workspace_save_finish (workspace, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The workspace could not be created: %s"),
                                                  error->message);
      keel_window_show_error (self, message);

      /* Start again from an empty workspace, so a retry does not add twice */
      folder = g_object_ref (keel_workspace_get_folder (workspace));
      open_folder_full (self, folder, TRUE);
      return;
    }

  attach_workspace (self);
}

static gboolean
check_folder (KeelWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!keel_workspace_check_writable (self->workspace, &error))
    {
      keel_window_show_error (self, error->message);
      return FALSE;
    }

  /* It may have appeared since the folder was opened */
  if (keel_workspace_file_exists (self->workspace))
    {
      g_autoptr(GFile) folder = g_object_ref (keel_workspace_get_folder (self->workspace));

      keel_window_toast (self, _("This folder has a workspace now; it was opened instead"));
      open_folder (self, folder);
      return FALSE;
    }

  return TRUE;
}

static void
welcome_create_cb (KeelWindow      *self,
                   KeelWelcomeView *view)
{
  g_autoptr(KeelRecord) manager = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  KeelWelcomeValues values;
  KeelOrganisation *org;

  if (self->view != KEEL_WINDOW_VIEW_WELCOME || self->workspace == NULL)
    return;

  if (keel_welcome_view_get_values (view, &values) != KEEL_FORM_OK)
    return;

  organisation = keel_text_normalize (values.organisation);
  name = keel_text_normalize (values.manager_name);
  email = keel_text_normalize (values.manager_email);

  if (!check_folder (self))
    return;

  org = keel_workspace_get_organisation (self->workspace);
  keel_record_set_string (KEEL_RECORD (org), "name", organisation);
  keel_record_set_string (KEEL_RECORD (org), "size_profile", values.size_profile);

  manager = g_object_new (KEEL_TYPE_PERSON, NULL);
  keel_record_set_string (manager, "name", name);
  keel_record_set_string (manager, "email", email);
  keel_record_set_string (manager, "job_title", _("Managing Director"));
  keel_record_set_boolean (manager, "top_management", TRUE);
  keel_record_set_boolean (manager, "review_team", TRUE);
  keel_workspace_add (self->workspace, manager);

  keel_welcome_view_set_busy (view, TRUE);
  keel_workspace_save_async (self->workspace, self->cancellable, created_cb, g_object_ref (self));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KeelWindow *self = KEEL_WINDOW (user_data);
  g_autoptr(GDateTime) today = keel_date_today ();
  g_autoptr(GError) error = NULL;

  if (self->view != KEEL_WINDOW_VIEW_WELCOME || self->workspace == NULL)
    return;

  if (!check_folder (self))
    return;

  if (!keel_demo_populate (self->workspace, today, &error))
    {
      g_autoptr(GFile) folder = g_object_ref (keel_workspace_get_folder (self->workspace));
      g_autofree char *message = g_strdup_printf (_("The demo workspace could not be made: %s"),
                                                  error->message);

      keel_window_show_error (self, message);
      /* Whatever it managed to add is dropped */
      open_folder_full (self, folder, TRUE);
      return;
    }

  keel_welcome_view_set_busy (self->welcome_view, TRUE);
  keel_workspace_save_async (self->workspace, self->cancellable, created_cb, g_object_ref (self));
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
  open_folder (self, folder);

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

static void
open_backup_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KeelWindow *self = KEEL_WINDOW (user_data);
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

  /* Newest first */
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

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  KeelWindow *self = KEEL_WINDOW (user_data);
  g_autoptr(GFile) folder = NULL;

  if (self->workspace == NULL)
    return;

  folder = g_object_ref (keel_workspace_get_folder (self->workspace));
  open_folder (self, folder);
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

static void
show_in_files_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KeelWindow *self = KEEL_WINDOW (user_data);
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
/* Saving and the error strip                                               */
/* ------------------------------------------------------------------------ */

static void
workspace_state_cb (KeelWindow *self)
{
  update_save_state (self);
}

static void
workspace_saved_cb (KeelWindow    *self,
                    KeelWorkspace *workspace)
{
  self->save_failed = FALSE;
  if (self->strip_kind == STRIP_SAVE_FAILED)
    show_strip (self, STRIP_NONE, NULL);
  else if (self->strip_kind == STRIP_RELOAD_FAILED)
    {
      /* keel.json was back to what Keel had read, and now holds ours */
      show_strip (self, STRIP_NONE, NULL);
      keel_workspace_set_autosave (workspace, TRUE);
    }
  update_save_state (self);
}

static void
workspace_save_failed_cb (KeelWindow    *self,
                          const GError  *error,
                          KeelWorkspace *workspace)
{
  if (self->view != KEEL_WINDOW_VIEW_WORKSPACE)
    return;

  self->save_failed = TRUE;
  if (self->strip_kind != STRIP_RELOAD_FAILED)
    show_strip (self, STRIP_SAVE_FAILED, error->message);
  update_save_state (self);
}

static void
workspace_conflict_cb (KeelWindow    *self,
                       const char    *path,
                       const GError  *error,
                       KeelWorkspace *workspace)
{
  g_autofree char *name = path ? g_path_get_basename (path) : NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  message = g_strdup_printf (_("Someone else changed keel.json; your changes were kept in %s"),
                             name ? name : _("a conflict copy"));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
workspace_reloaded_cb (KeelWindow    *self,
                       KeelWorkspace *workspace)
{
  /* What undo would put back belongs to the version that was replaced */
  clear_undo (self);

  /* The organisation is a new object too */
  bind_organisation (self, keel_workspace_get_organisation (workspace));

  if (self->strip_kind == STRIP_RELOAD_FAILED)
    {
      show_strip (self, STRIP_NONE, NULL);
      keel_workspace_set_autosave (workspace, TRUE);
    }
  update_save_state (self);
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
  show_strip (self, STRIP_RELOAD_FAILED, message);
  update_save_state (self);
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
  show_strip (self, STRIP_NONE, NULL);
  keel_workspace_set_autosave (workspace, TRUE);
  update_save_state (self);
}

static void
strip_button_clicked_cb (KeelWindow *self)
{
  if (self->workspace == NULL)
    return;

  switch (self->strip_kind)
    {
    case STRIP_SAVE_FAILED:
      keel_workspace_save_async (self->workspace, NULL, NULL, NULL);
      break;

    case STRIP_RELOAD_FAILED:
      keel_workspace_load_async (self->workspace, self->cancellable,
                                 reload_strip_cb, g_object_ref (self));
      break;

    case STRIP_NONE:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------ */
/* Sidebar and page actions                                                 */
/* ------------------------------------------------------------------------ */

static void
sidebar_row_selected_cb (KeelWindow    *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  int index;

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && gtk_stack_get_visible_child (self->content_stack) != self->pages[index])
    show_area (self, (guint) index);
}

static void
sidebar_row_activated_cb (KeelWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
                                   adw_leaflet_get_folded (self->leaflet)
                                     ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);

  if (!adw_leaflet_get_folded (self->leaflet))
    for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
      if (gtk_stack_get_visible_child (self->content_stack) == self->pages[i])
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->rows[i]));
}

static void
forward_to_page (KeelWindow *self,
                 const char *action)
{
  GtkWidget *page = visible_page (self);

  if (page == NULL)
    return;

  /* Folded on the sidebar: the page is not on screen yet */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet,
                                   gtk_widget_get_parent (GTK_WIDGET (self->content_stack)));

  /* A page without the action ignores it */
  gtk_widget_activate_action (page, action, NULL);
}

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

  /* Delete means delete a record only where the page has the focus: not
   * in a sidebar or in a header */
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) != gtk_widget_get_parent (GTK_WIDGET (self->content_stack)))
    return;

  forward_to_page (self, "page.delete");
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KeelWindow *self = user_data;
  g_autoptr(KeelRecord) record = NULL;
  KeelUndoFunc func;
  gpointer data;
  GDestroyNotify destroy;
  AdwToast *toast;

  if (self->undo_record == NULL || self->workspace == NULL)
    return;

  record = g_steal_pointer (&self->undo_record);
  func = self->undo_func;
  data = self->undo_data;
  destroy = self->undo_destroy;
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  toast = g_steal_pointer (&self->undo_toast);

  if (keel_workspace_lookup (self->workspace, keel_record_get_id (record)) == NULL)
    {
      keel_workspace_insert (self->workspace, record, self->undo_position);
      if (func != NULL)
        func (self->workspace, data);
    }

  if (destroy != NULL && data != NULL)
    destroy (data);

  if (toast != NULL)
    {
      dismiss_toast (self, toast, self->undo_shown_at);
      g_object_unref (toast);
    }

  update_actions (self);
}

static const GActionEntry win_actions[] = {
  { "undo", undo_action },
  { "new", page_new_action },
  { "search", page_search_action },
  { "delete", page_delete_action },
  { "open-demo", open_demo_action },
  { "open-backup", open_backup_action },
  { "reload", reload_action },
  { "show-in-files", show_in_files_action },
};

static void
undo_toast_dismissed_cb (KeelWindow *self,
                         AdwToast   *toast)
{
  if (self->undo_toast == toast)
    clear_undo (self);
}

/* ------------------------------------------------------------------------ */
/* Benchmarks                                                               */
/* ------------------------------------------------------------------------ */

/* With KEEL_BENCH_EXIT_AFTER_FIRST_FRAME=1 (tests/bench/first-frame.py) the
 * window prints when its first frame and its first frame with the
 * workspace were drawn, as g_get_monotonic_time() in microseconds, and the
 * application quits:
 *
 *   keel-bench-first-frame: T     whatever the window shows (the loading view)
 *   keel-bench-content-frame: T   the workspace view, fully shown: the main
 *                                 stack's crossfade from the loading view is
 *                                 over, and the page's rows are drawn
 *
 * A frame counts in the frame clock's "after-paint" of a cycle that painted
 * the mapped window, after a round trip to the display server, so that the
 * server has the drawing. Pages fill their lists synchronously when they
 * get the workspace, and list views create their rows in the layout phase
 * of the same frame. */

static struct {
  gboolean painted;
  gboolean first_done;
} bench;

static void
bench_paint_cb (KeelWindow    *self,
                GdkFrameClock *clock)
{
  bench.painted = TRUE;
}

static void
bench_after_paint_cb (KeelWindow    *self,
                      GdkFrameClock *clock)
{
  gboolean content;
  gint64 now;

  if (!bench.painted || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  bench.painted = FALSE;

  content = self->view == KEEL_WINDOW_VIEW_WORKSPACE &&
            !gtk_stack_get_transition_running (self->main_stack);
  if (bench.first_done && !content &&
      (self->view == KEEL_WINDOW_VIEW_LOADING || self->view == KEEL_WINDOW_VIEW_WORKSPACE))
    return;

  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (self)));
  now = g_get_monotonic_time ();

  if (!bench.first_done)
    {
      bench.first_done = TRUE;
      g_print ("keel-bench-first-frame: %" G_GINT64_FORMAT "\n", now);
    }

  if (content)
    g_print ("keel-bench-content-frame: %" G_GINT64_FORMAT "\n", now);
  else if (self->view != KEEL_WINDOW_VIEW_LOADING && self->view != KEEL_WINDOW_VIEW_WORKSPACE)
    g_printerr ("keel-bench: the window shows no workspace\n");
  else
    return;

  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
bench_realize_cb (KeelWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_connect_object (clock, "paint", G_CALLBACK (bench_paint_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (bench_after_paint_cb),
                           self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* GtkWindow                                                                */
/* ------------------------------------------------------------------------ */

static void
close_flush_done (KeelWindow   *self,
                  const GError *error)
{
  self->closing = FALSE;

  if (error != NULL)
    {
      /* Back, so the changes are not lost with the window */
      self->save_failed = TRUE;
      show_strip (self, STRIP_SAVE_FAILED, error->message);
      update_save_state (self);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
keel_window_close_request (GtkWindow *window)
{
  KeelWindow *self = KEEL_WINDOW (window);

  if (self->closing)
    return TRUE;

  save_window_state (self);

  if (!self->may_close && self->workspace != NULL &&
      (keel_workspace_get_dirty (self->workspace) || keel_workspace_get_saving (self->workspace)))
    {
      /* Gone from the screen at once, gone for good once saved */
      self->closing = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      flush_workspace (self, self->workspace, close_flush_done);
      return TRUE;
    }

  detach_workspace (self);

  return GTK_WINDOW_CLASS (keel_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

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

  detach_workspace (self);
  g_clear_object (&self->workspace_signals);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  g_clear_handle_id (&self->pages_id, g_source_remove);

  if (self->dismissals != NULL)
    {
      g_autoptr(GPtrArray) dismissals = g_steal_pointer (&self->dismissals);

      for (guint i = 0; i < dismissals->len; i++)
        g_source_remove (((Dismissal *) g_ptr_array_index (dismissals, i))->id);
    }

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
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, welcome_view);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, backup_button);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, strip_revealer);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, strip_label);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, strip_button);
  gtk_widget_class_bind_template_child (widget_class, KeelWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, welcome_create_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, strip_button_clicked_cb);

  /* After the focused widget: a text field keeps its own Delete and Ctrl+Z */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

static void
keel_window_init (KeelWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  self->dismissals = g_ptr_array_new ();
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

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

  self->pages = g_new0 (GtkWidget *, G_N_ELEMENTS (areas));
  self->rows = g_new0 (GtkWidget *, G_N_ELEMENTS (areas));

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(areas[i].title));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (areas[i].icon_name));
      gtk_box_append (GTK_BOX (box), label);

      self->rows[i] = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->rows[i]), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(areas[i].title),
                                      -1);
      gtk_list_box_append (self->sidebar_list, self->rows[i]);

      self->pages[i] = g_object_new (areas[i].get_type (), NULL);
      gtk_stack_add_named (self->content_stack, self->pages[i], areas[i].id);
    }

  /* The welcome view sees to its own */
  keel_gui_fix_button_names (GTK_WIDGET (self->error_page));

  set_view (self, KEEL_WINDOW_VIEW_LOADING);

  if (g_getenv ("KEEL_BENCH_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (bench_realize_cb), NULL);
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

  open_folder (self, folder);
}

void
keel_window_toast (KeelWindow *self,
                   const char *message)
{
  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
keel_window_show_error (KeelWindow *self,
                        const char *message)
{
  AdwToast *toast;

  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_warning ("%s", message);

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_keel_window_delete_with_undo_full (KeelWindow     *self,
                                    KeelRecord     *record,
                                    const char     *title,
                                    KeelUndoFunc    undo_func,
                                    gpointer        user_data,
                                    GDestroyNotify  destroy)
{
  g_autoptr(KeelRecord) keep = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  guint position = 0;

  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (KEEL_IS_RECORD (record));

  /* The list may hold the only reference, and the title may be the
   * record's own string */
  keep = g_object_ref (record);
  name = g_strdup (title != NULL && title[0] != '\0' ? title : keel_record_get_id (record));

  if (self->workspace == NULL || !keel_workspace_remove (self->workspace, record, &position))
    {
      if (destroy != NULL && user_data != NULL)
        destroy (user_data);
      return;
    }

  /* Only the last delete can be undone */
  clear_undo (self);

  self->undo_record = g_object_ref (record);
  self->undo_position = position;
  self->undo_func = undo_func;
  self->undo_data = user_data;
  self->undo_destroy = destroy;

  message = g_strdup_printf (_("“%s” deleted"), name);

  self->undo_toast = adw_toast_new (message);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo");
  adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_ref (self->undo_toast);
  g_signal_connect_object (self->undo_toast, "dismissed",
                           G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->undo_toast));
  g_object_unref (self->undo_toast);
  self->undo_shown_at = g_get_monotonic_time ();

  update_actions (self);
}

void
keel_window_delete_with_undo (KeelWindow *self,
                              KeelRecord *record,
                              const char *title)
{
  _keel_window_delete_with_undo_full (self, record, title, NULL, NULL, NULL);
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
  int index = area_index (id);

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
  int index = area_index (id);

  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (index >= 0);

  show_area (self, (guint) index);
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

GtkWidget *
_keel_window_get_welcome_view (KeelWindow *self)
{
  g_return_val_if_fail (KEEL_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->welcome_view);
}
