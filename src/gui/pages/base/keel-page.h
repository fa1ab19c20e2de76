/* keel-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* What the window asks of a page of its sidebar.
 *
 * A page has a "workspace" property (set by the window, NULL when none is
 * open) and a "title" for the header bar. It installs, where it supports
 * them, the widget actions the window forwards to the visible page:
 *   "page.new"     Ctrl+N   create a record (open the editor)
 *   "page.search"  Ctrl+F   focus the search entry
 *   "page.delete"  Delete   delete the selected record (with undo)
 *
 * A page never calls into the window: it activates the window's actions
 * ("win.delete-with-undo" with the record's id, "win.toast" with a message)
 * or emits signals. keel_page_open_record() opens the editor of a record
 * from anywhere (a finding, a calendar day) with a field in focus. */

#define KEEL_TYPE_PAGE (keel_page_get_type ())

G_DECLARE_INTERFACE (KeelPage, keel_page, KEEL, PAGE, GtkWidget)

struct _KeelPageInterface
{
  GTypeInterface parent_iface;

  /* Opens the editor on @record (NULL: a new one), with the row of
   * @field_key in focus (NULL: the first); returns it (transfer none) */
  GtkWidget *(*open_record) (KeelPage   *self,
                             KeelRecord *record,
                             const char *field_key);
};

KeelWorkspace *keel_page_get_workspace (KeelPage      *self);
void           keel_page_set_workspace (KeelPage      *self,
                                        KeelWorkspace *workspace);
/* The page's title, for the header bar (transfer full) */
char          *keel_page_dup_title     (KeelPage      *self);
GtkWidget     *keel_page_open_record   (KeelPage      *self,
                                        KeelRecord    *record,
                                        const char    *field_key);

/* For pages and editors: asks the window (through its actions) to show
 * @message, or to delete @record with Undo. FALSE when no window took it. */
gboolean       keel_page_toast         (GtkWidget     *widget,
                                        const char    *message);
gboolean       keel_page_delete_with_undo (GtkWidget  *widget,
                                        KeelRecord    *record);

G_END_DECLS
