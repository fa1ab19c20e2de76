/* page-test-util.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-gui-find.h"
#include "keel-list-page.h"
#include "keel-record-editor.h"
#include "keel-records.h"
#include "keel-window.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* Shared by the page tests: a workspace folder, the real window on it,
 * bounded waits. */

typedef void (*PageTestFill) (KeelWorkspace *workspace);

/* gtk_test_init () and friends; TRUE when there is a display */
gboolean    page_test_init          (int           *argc,
                                     char        ***argv);
/* A new temporary folder with a keel.json holding two people (PER-1 Ana
 * Lima, top management; PER-2 Ben Ortiz) and whatever @fill adds */
char       *page_test_make_folder   (PageTestFill   fill);
/* The same with one person only (PER-1 Ana Lima) and no records else */
char       *page_test_make_one_person_folder (void);
void        page_test_remove_folder (const char    *path);
/* The window, presented, with the folder open and @page shown */
KeelWindow *page_test_open_window   (const char    *folder,
                                     const char    *page);
void        page_test_close_window  (KeelWindow    *window);
/* Runs the main loop until @check returns TRUE or @timeout_ms passes */
gboolean    page_test_wait          (gboolean     (*check) (gpointer data),
                                     gpointer       data,
                                     guint          timeout_ms);
void        page_test_iterate       (guint          ms);
/* The first visible toplevel window of @type, or NULL */
GtkWidget  *page_test_find_toplevel (GType          type);
/* Waits until @workspace has nothing left to save */
gboolean    page_test_wait_saved    (KeelWorkspace *workspace);
/* keel.json of @folder, parsed; the root object */
JsonObject *page_test_read_file     (const char    *folder,
                                     JsonParser   **parser);
KeelRecord *page_test_person        (const char    *name,
                                     gboolean       top_management);
/* Answers @dialog with @response and closes it, as its buttons do */
void        page_test_respond       (GtkWidget     *dialog,
                                     const char    *response);
/* Renders @widget as it is now; (transfer full) */
GdkTexture *page_test_render        (GtkWidget     *widget);

/* The first label under @root (itself included) showing @text, or NULL */
GtkWidget  *page_test_find_label    (GtkWidget     *root,
                                     const char    *text);
/* Fails unless @widget's accessible name is @label */
void        page_test_assert_label  (GtkWidget     *widget,
                                     const char    *label);
/* The editor window shown, or NULL */
GtkWidget  *page_test_find_editor   (void);
/* TRUE once no editor window is left: for page_test_wait () */
gboolean    page_test_no_editor     (gpointer       data);
/* Types @text into the row of @key (an entry, or a multi-line text) */
void        page_test_set_text      (KeelRecordEditor *editor,
                                     const char       *key,
                                     const char       *text);
/* Chooses the entry labelled @label in the choice row of @key */
void        page_test_choose        (KeelRecordEditor *editor,
                                     const char       *key,
                                     const char       *label);
/* Types @text into the list page's search and lets it filter */
void        page_test_search        (KeelListPage     *page,
                                     const char       *text);

G_END_DECLS
