/* keel-window-private.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-welcome-view.h"
#include "keel-window.h"

G_BEGIN_DECLS

/* One window, several files:
 *   keel-window.c            the object, its template, the sidebar and the
 *                            pages
 *   keel-window-toasts.c     toasts, one at a time, and the undo of a delete
 *   keel-window-actions.c    the window's actions and their shortcuts
 *   keel-window-workspace.c  opening, creating and reading a workspace; the
 *                            welcome and error pages; saving and the strip
 *   keel-window-bench.c      the first-frame benchmark hook */

/* What the window shows */
typedef enum
{
  KEEL_WINDOW_VIEW_LOADING,
  KEEL_WINDOW_VIEW_WELCOME,    /* the folder has no keel.json */
  KEEL_WINDOW_VIEW_ERROR,      /* keel.json cannot be read */
  KEEL_WINDOW_VIEW_WORKSPACE,  /* the sidebar and the pages */
} KeelWindowView;

typedef enum
{
  KEEL_WINDOW_STRIP_NONE,
  KEEL_WINDOW_STRIP_SAVE_FAILED,    /* Retry saves again */
  KEEL_WINDOW_STRIP_RELOAD_FAILED,  /* keel.json changed on disk and cannot be read */
} KeelWindowStrip;

typedef void (*KeelUndoFunc) (KeelWorkspace *workspace,
                              gpointer       user_data);

struct _KeelWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  GtkBuilder           *welcome_builder; /* the welcome view, once made */
  KeelWelcomeView      *welcome_view;  /* NULL until a folder without keel.json is opened */
  GtkBuilder           *error_builder; /* the error view, once made */
  GtkLabel             *error_label;
  GtkLabel             *error_detail_label;
  GtkLabel             *error_advice_label;
  GtkButton            *backup_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkButton            *back_button;
  GtkRevealer          *strip_revealer;
  GtkLabel             *strip_label;
  GtkButton            *strip_button;
  GtkStack             *content_stack;
  GMenuModel           *primary_menu;  /* given to a menu button when it first opens */
  GtkMenuButton        *workspace_menu_button;

  GSettings            *settings;
  GtkWidget           **pages;         /* one per area, created when needed */
  GtkWidget           **rows;          /* one per area */
  int                   area;          /* the area shown, or -1 */

  KeelWorkspace        *workspace;
  GSignalGroup         *workspace_signals;
  GBinding             *organisation_binding;
  GCancellable         *cancellable;
  char                 *error_message;
  KeelWindowStrip       strip_kind;
  KeelWindowView        view;
  guint                 spinner_id;
  guint                 pages_id;      /* gives the hidden pages the workspace */
  guint64               pages_ready;   /* a bit per page that has it */

  /* What undo puts back */
  KeelRecord           *undo_record;
  guint                 undo_position;
  AdwToast             *undo_toast;
  KeelUndoFunc          undo_func;
  gpointer              undo_data;
  GDestroyNotify        undo_destroy;

  /* Toasts */
  GQueue               *toasts;        /* AdwToast: waiting their turn */
  AdwToast             *toast_shown;   /* in the overlay */
  gint64                toast_shown_at;
  guint                 toast_tick_id; /* waits for the overlay to be empty */
  guint                 toast_ready_id; /* until the one shown has slid in */
  GPtrArray            *dismissals;    /* toasts to dismiss once shown */

  guint                 has_backups : 1;   /* for the error page */
  guint                 save_failed : 1;
  guint                 discard : 1;     /* detach drops what is unsaved */
  guint                 closing : 1;
  guint                 may_close : 1;
};

/* keel-window.c */
void            _keel_window_set_view              (KeelWindow      *self,
                                                    KeelWindowView   view);
void            _keel_window_show_last_area        (KeelWindow      *self);
void            _keel_window_give_pages_later      (KeelWindow      *self);
void            _keel_window_clear_pages_workspace (KeelWindow      *self);
GtkWidget      *_keel_window_get_visible_page      (KeelWindow      *self);
gboolean        _keel_window_get_content_shown     (KeelWindow      *self);
void            _keel_window_show_content          (KeelWindow      *self);

/* keel-window-toasts.c */
void            _keel_window_init_toasts           (KeelWindow      *self);
void            _keel_window_dispose_toasts        (KeelWindow      *self);
/* A toast shown at once in place of the one on screen, for 10 s */
void            _keel_window_toast_urgent          (KeelWindow      *self,
                                                    const char      *message);
void            _keel_window_clear_undo            (KeelWindow      *self);
/* Whether the undo toast is on screen and done sliding in */
gboolean        _keel_window_undo_toast_ready      (KeelWindow      *self);
void            _keel_window_undo                  (KeelWindow      *self);

/* keel-window-actions.c */
void            _keel_window_class_add_actions     (GtkWidgetClass  *widget_class);
void            _keel_window_add_actions           (KeelWindow      *self);
void            _keel_window_update_actions        (KeelWindow      *self);
void            _keel_window_add_menu              (KeelWindow      *self,
                                                    GtkMenuButton   *button);

/* keel-window-workspace.c */
void            _keel_window_workspace_init        (KeelWindow      *self);
void            _keel_window_open_folder           (KeelWindow      *self,
                                                    GFile           *folder,
                                                    gboolean         discard);
void            _keel_window_detach_workspace      (KeelWindow      *self);
gboolean        _keel_window_close_workspace       (KeelWindow      *self);
void            _keel_window_create_workspace      (KeelWindow      *self);
void            _keel_window_open_demo             (KeelWindow      *self);
void            _keel_window_choose_backup         (KeelWindow      *self);
void            _keel_window_reload                (KeelWindow      *self);
void            _keel_window_retry                 (KeelWindow      *self);
void            _keel_window_update_save_state     (KeelWindow      *self);

/* keel-window-bench.c */
void            _keel_window_bench_init            (KeelWindow      *self);

/* As keel_window_delete_with_undo(), and @undo_func runs after the record
 * is back (to put back what was changed along with the delete) */
void            _keel_window_delete_with_undo_full (KeelWindow     *self,
                                                    KeelRecord     *record,
                                                    const char     *title,
                                                    KeelUndoFunc    undo_func,
                                                    gpointer        user_data,
                                                    GDestroyNotify  destroy);

/* For tests */
KeelWindowView  _keel_window_get_view              (KeelWindow     *self);
GtkWidget      *_keel_window_get_page              (KeelWindow     *self,
                                                    const char     *id);
void            _keel_window_show_page             (KeelWindow     *self,
                                                    const char     *id);
/* The id of the area shown, or NULL */
const char     *_keel_window_get_shown_area        (KeelWindow     *self);
const char     *_keel_window_get_error_message     (KeelWindow     *self);
gboolean        _keel_window_get_strip_visible     (KeelWindow     *self);
const char     *_keel_window_get_strip_message     (KeelWindow     *self);
const char     *_keel_window_get_save_state        (KeelWindow     *self);
KeelWelcomeView *_keel_window_get_welcome_view     (KeelWindow     *self);
void            _keel_window_ensure_error_view     (KeelWindow     *self);
GObject        *_keel_window_get_view_object       (KeelWindow     *self,
                                                    const char     *id);

G_END_DECLS
