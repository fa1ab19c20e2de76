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
/* GTK 4.8 names a button that has a "label" twice over ("_Create Create")
 * for assistive technologies. Gives every such button under @widget one
 * accessible name, its label's text. Call again after changing a button's
 * label. */
void   keel_gui_fix_button_names (GtkWidget   *widget);
/* Names @drop_down, and the button inside it that GTK 4.8 shows
 * assistive technologies as well, @name */
void   keel_gui_name_drop_down   (GtkDropDown *drop_down,
                                  const char  *name);
/* Adds or removes the "error" style class */
void   keel_gui_set_error        (GtkWidget   *widget,
                                  gboolean     error);
/* Gives @widget the tooltip @text once it is shown and its window has
 * drawn it (at once if it is shown): GTK 4.8 asks the display where the
 * pointer is whenever a shown widget gets a tooltip, a round trip to an X
 * server each, which a window's first frame need not wait for. */
void   keel_gui_set_tooltip_later (GtkWidget  *widget,
                                   const char *text);
/* The text of @editable without surrounding white space, or NULL if blank */
char  *keel_gui_dup_text         (GtkEditable *editable);

G_END_DECLS
