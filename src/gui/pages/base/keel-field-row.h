/* keel-field-row.h
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

/* The row that edits one field of a record, made from the field's type in
 * the kind table: text (AdwEntryRow), multi-line text (a text view in a
 * row), number, date (typed as YYYY-MM-DD or picked from a calendar),
 * choice (AdwComboRow of the field's choices), person or another record
 * (AdwComboRow by name or title), yes/no (a switch). Every edit goes
 * straight into @record (the editor's draft); what cannot be read stays
 * in the row as its error. */

typedef void (*KeelFieldRowChanged) (GtkWidget *row,
                                     gpointer   user_data);

/* The row for @key of @record, or NULL when no row edits such a field
 * (a part, a list of references) */
GtkWidget       *keel_field_row_new       (KeelWorkspace       *workspace,
                                           KeelRecord          *record,
                                           const char          *key,
                                           KeelFieldRowChanged  changed,
                                           gpointer             user_data);
const KeelField *keel_field_row_get_field (GtkWidget           *row);
/* Why the row's value is not acceptable ("Enter a date like 2026-03-31",
 * "Title is required"), or NULL */
const char      *keel_field_row_get_error (GtkWidget           *row);
/* Marks the row in error (css class "error", the error as tooltip) when
 * @show and it has one; returns its error */
const char      *keel_field_row_show_error (GtkWidget          *row,
                                           gboolean             show);
/* Shows the record's value again, after someone else changed it (not
 * reported as a change) */
void             keel_field_row_reload    (GtkWidget           *row);
/* Moves the keyboard focus into the row's entry, switch or list */
void             keel_field_row_focus     (GtkWidget           *row);
/* What a field of @record reads as in a table or a list (a choice's label,
 * a person's name, a date), or NULL when unset (transfer full) */
char            *keel_field_format_display (KeelWorkspace      *workspace,
                                           KeelRecord          *record,
                                           const KeelField     *field);

/* The date row's calendar button, for tests; NULL for other rows */
GtkWidget       *keel_field_row_get_calendar_button (GtkWidget *row);

G_END_DECLS
