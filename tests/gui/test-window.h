/* test-window.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-gui-test.h"
#include "keel-record-editor.h"
#include "keel-window-private.h"

G_BEGIN_DECLS

/* What the parts of the test-window program share: a folder per test, the
 * window opened on it, and ways to find the window's widgets. */

#define WAIT_MS 10000

/* Three people and a policy */
extern const char two_people[];

typedef struct
{
  char       *path;
  GFile      *folder;
  KeelWindow *window;
} Fixture;

void              fixture_set_up     (Fixture       *fixture,
                                      gconstpointer  data);
void              fixture_tear_down  (Fixture       *fixture,
                                      gconstpointer  data);
/* The window on the fixture's folder, shown */
KeelWindow       *open_window        (Fixture       *fixture);
/* With keel.json written from @contents (unless NULL), once it shows the
 * workspace */
KeelWindow       *open_workspace     (Fixture       *fixture,
                                      const char    *contents);
GtkWidget        *child_of           (gpointer       widget,
                                      GType          type,
                                      const char    *name);
const char       *label_text         (KeelWindow    *window,
                                      const char    *name);
gboolean          is_other_window    (gpointer       window);
GtkListBoxRow    *sidebar_row        (KeelWindow    *window,
                                      const char    *label);
gboolean          page_has_workspace (GtkWidget     *page,
                                      KeelWorkspace *expected);
gboolean          window_is_active   (gpointer       window);
/* The visible editor, or NULL: a closed one is hidden at once */
KeelRecordEditor *find_editor        (void);

/* The tests of test-window-sidebar.c, test-window-access.c and
 * test-window-toasts.c */
void              test_window_add_sidebar_tests (void);
void              test_window_add_access_tests  (void);
void              test_window_add_toast_tests   (void);

G_END_DECLS
