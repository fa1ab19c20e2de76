/* keel-gui-find.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget under @root (itself included, depth first) that
 * @match accepts, or NULL; and the usual matches */
typedef gboolean (*KeelGuiTestMatch) (GtkWidget     *widget,
                                      gconstpointer  data);
GtkWidget        *keel_gui_test_find_widget       (GtkWidget     *root,
                                                   KeelGuiTestMatch match,
                                                   gconstpointer  data);
/* ... of @type (or a subtype) */
GtkWidget        *keel_gui_test_find_type         (GtkWidget     *root,
                                                   GType          type);
/* ... whose type is named @name (GTK's private types: "GtkColumnViewCell") */
GtkWidget        *keel_gui_test_find_type_name    (GtkWidget     *root,
                                                   const char    *name);
/* ... with the tooltip @text */
GtkWidget        *keel_gui_test_find_tooltip      (GtkWidget     *root,
                                                   const char    *text);
/* ... a button that activates @action ("win.open-demo") */
GtkWidget        *keel_gui_test_find_action       (GtkWidget     *root,
                                                   const char    *action);

G_END_DECLS
