/* keel-adaptive-layout.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Layouts that let a page or an editor get narrow (down to a phone's
 * 360 px) without a breakpoint: each replaces the layout manager of a
 * GtkBox, whose spacing and orientation then no longer apply. */

/* A page toolbar: the first child (the search entry) leads and shrinks
 * first, the last child (the Add button) trails, the children between
 * are filters. A child between that has hexpand set (the count label)
 * takes the room left over, and is hidden when that is less than its
 * natural width. When the children do not fit in one row, the toolbar
 * wraps: the search entry and the Add button above, the filters below,
 * in as many rows as they need. */
void _keel_toolbar_layout_apply (GtkBox *toolbar);

/* Panes side by side, sharing the width equally, when @box is at least
 * @fold_width wide; stacked in one column, each the full width, when it
 * is narrower. A GtkSeparator child keeps its thickness: a line between
 * the panes in either arrangement. Meant for a box in a scrolled window. */
void _keel_pane_layout_apply    (GtkBox *box,
                                 int     fold_width);

/* Makes @editor transient for @parent and, where @parent is the smaller,
 * no wider and no taller than it: on a narrow screen an editor opens at
 * the width of the window it belongs to */
void _keel_editor_fit_parent    (GtkWindow *editor,
                                 GtkWindow *parent);

G_END_DECLS
