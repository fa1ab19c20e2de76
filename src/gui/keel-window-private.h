/* keel-window-private.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-window.h"

G_BEGIN_DECLS

/* What the window shows */
typedef enum
{
  KEEL_WINDOW_VIEW_LOADING,
  KEEL_WINDOW_VIEW_WELCOME,    /* the folder has no keel.json */
  KEEL_WINDOW_VIEW_ERROR,      /* keel.json cannot be read */
  KEEL_WINDOW_VIEW_WORKSPACE,  /* the sidebar and the pages */
} KeelWindowView;

typedef void (*KeelUndoFunc) (KeelWorkspace *workspace,
                              gpointer       user_data);

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
const char     *_keel_window_get_error_message     (KeelWindow     *self);
gboolean        _keel_window_get_strip_visible     (KeelWindow     *self);
const char     *_keel_window_get_strip_message     (KeelWindow     *self);
const char     *_keel_window_get_save_state        (KeelWindow     *self);
GtkWidget      *_keel_window_get_welcome_view      (KeelWindow     *self);

G_END_DECLS
