/* keel-pages-private.h
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

/* Small helpers of the field rows and of the pages' own dialogs (the
 * sign-off dialog). */

/* Adds or removes the "error" style class */
void        _keel_widget_set_error       (GtkWidget      *widget,
                                          gboolean        error);

/* A choice of people for an AdwComboRow: names in a GtkStringList and
 * the ids beside them. @top_management_only for approvers. */
typedef struct
{
  GtkStringList *names;
  GPtrArray     *ids;
} KeelPeopleChoice;

KeelPeopleChoice *_keel_people_choice_new   (KeelWorkspace          *workspace,
                                             gboolean                top_management_only);
void              _keel_people_choice_free  (KeelPeopleChoice       *choice);
/* The id at @position, or NULL */
const char       *_keel_people_choice_id    (KeelPeopleChoice       *choice,
                                             guint                   position);

/* A flat icon button in a row, centred, named @name by its tooltip and for
 * screen readers */
void              _keel_icon_button_style   (GtkWidget              *button,
                                             const char             *name);
/* Adds a button with a calendar in a popover to a date entry row, named
 * after the row's title ("Choose date for Due"); returns the button */
GtkWidget        *_keel_entry_row_add_calendar (AdwEntryRow         *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPeopleChoice, _keel_people_choice_free)

G_END_DECLS
