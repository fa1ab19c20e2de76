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

/* What the record pages and editors share. */

/* The name of the person @id in @workspace, else @id itself; "" for NULL */
const char *_keel_person_name            (KeelWorkspace  *workspace,
                                          const char     *id);
/* The number at the end of an id ("OBJ-12" → 12), for sorting; 0 if none */
gint64      _keel_id_number              (const char     *id);
/* "2026-03-31", or "" when unset */
char       *_keel_date_text              (GDateTime      *date);
/* The label of an objective status ("on-track" → "On track") */
const char *_keel_objective_status_label (const char     *status);
/* The objective statuses, in the order the status filter lists them */
const char * const *_keel_objective_statuses (void);
/* Adds or removes the "error" style class */
void        _keel_widget_set_error       (GtkWidget      *widget,
                                          gboolean        error);
/* Names the text field of an entry row after its title, for screen readers */
void        _keel_entry_row_label        (AdwEntryRow    *row);

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
/* The position of @id, or GTK_INVALID_LIST_POSITION */
guint             _keel_people_choice_find  (KeelPeopleChoice       *choice,
                                             const char             *id);
/* The id at @position, or NULL */
const char       *_keel_people_choice_id    (KeelPeopleChoice       *choice,
                                             guint                   position);

/* A labelled date entry row with a calendar in a popover as its suffix */
void              _keel_entry_row_add_calendar (AdwEntryRow         *row);

/* The record editors (keel-editor-util.c). An editor keeps a form (one
 * text per field), the rows that edit each field, which fields were
 * touched, a working copy ("draft") and the original record (NULL when
 * new). */

/* Installs the ::saved signal (returned), editor.save (@save_activate,
 * Ctrl+S) and editor.cancel (closes the window, Escape) */
guint             _keel_editor_class_setup  (GtkWidgetClass              *widget_class,
                                             GtkWidgetActionActivateFunc  save_activate);
/* The people to choose an owner from, set as @owner_row's model */
KeelPeopleChoice *_keel_editor_owner_choice (AdwComboRow          *owner_row,
                                             KeelWorkspace        *workspace);
/* A copy of @record to edit, with every field touched, or a new record of
 * @record_type when NULL; titles the window after which it is */
KeelRecord       *_keel_editor_make_draft   (KeelRecord           *record,
                                             GType                 record_type,
                                             gboolean             *touched,
                                             guint                 n_fields,
                                             AdwWindowTitle       *window_title,
                                             const char           *edit_title,
                                             const char           *new_title);
/* The field @row edits, or @n_fields */
guint             _keel_editor_field_of_row (GtkWidget * const    *rows,
                                             guint                 n_fields,
                                             GtkWidget            *row);
/* Whether a field's @error shows: at once when the field has a value,
 * else once it was touched */
gboolean          _keel_editor_error_shown  (const char           *value,
                                             const char           *error,
                                             gboolean              touched);
/* Marks the rows in error, with the error as tooltip; returns the first
 * error, shown or not, or NULL */
const char       *_keel_editor_mark_rows    (GtkWidget * const    *rows,
                                             char * const         *values,
                                             char * const         *errors,
                                             const gboolean       *touched,
                                             guint                 n_fields);
/* Shows the errors shown of fields @first…@last in @label, one a line;
 * hides it when there are none */
void              _keel_editor_show_errors  (GtkLabel             *label,
                                             char * const         *values,
                                             char * const         *errors,
                                             const gboolean       *touched,
                                             guint                 first,
                                             guint                 last);
/* Enables editor.save, and says on @save_button why not */
void              _keel_editor_set_can_save (GtkWidget            *editor,
                                             GtkWidget            *save_button,
                                             gboolean              can_save,
                                             const char           *first_error);
/* Writes @draft into @record, or adds it to @workspace when @record is
 * NULL (with a toast on the window), emits @saved_signal and closes
 * @editor */
void              _keel_editor_commit       (GtkWindow            *editor,
                                             guint                 saved_signal,
                                             KeelWorkspace        *workspace,
                                             KeelRecord           *record,
                                             KeelRecord           *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelPeopleChoice, _keel_people_choice_free)

G_END_DECLS
