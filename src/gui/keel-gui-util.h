/* keel-gui-util.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Names the text field inside @row after the row's title, so that assistive
 * technologies (and tests driving the window through them) find it */
void   keel_gui_label_entry_row  (AdwEntryRow *row);
/* Adds or removes the "error" style class */
void   keel_gui_set_error        (GtkWidget   *widget,
                                  gboolean     error);
/* The text of @editable without surrounding white space, or NULL if blank */
char  *keel_gui_dup_text         (GtkEditable *editable);

G_END_DECLS
