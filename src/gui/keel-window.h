/* keel-window.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* What the window offers its pages.
 *
 * A page is any GtkWidget with a "workspace" property (KeelWorkspace *).
 * The window sets it when a workspace is open, and forwards these actions
 * to the visible page, which installs them with
 * gtk_widget_class_install_action() if it supports them:
 *   "page.new"     Ctrl+N   create a record (open the editor)
 *   "page.search"  Ctrl+F   focus the search entry
 *   "page.delete"  Delete   delete the selected record (with undo)
 */

#define KEEL_TYPE_WINDOW (keel_window_get_type ())

G_DECLARE_FINAL_TYPE (KeelWindow, keel_window, KEEL, WINDOW, AdwApplicationWindow)

KeelWindow    *keel_window_new                (AdwApplication *application);
KeelWorkspace *keel_window_get_workspace      (KeelWindow     *self);
void           keel_window_open_folder        (KeelWindow     *self,
                                               GFile          *folder);
/* Shows a toast with @message */
void           keel_window_toast              (KeelWindow     *self,
                                               const char     *message);
/* Shows an error toast and logs it with g_warning() */
void           keel_window_show_error         (KeelWindow     *self,
                                               const char     *message);
/* Removes @record from the workspace and shows "@title deleted" with Undo;
 * Ctrl+Z (win.undo) puts it back where it was */
void           keel_window_delete_with_undo   (KeelWindow     *self,
                                               KeelRecord     *record,
                                               const char     *title);

G_END_DECLS
