/* keel-record-editor.h
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

/* The editor of one record: a modal window with Cancel and Save, and a
 * row for each field of the kind (see keel-field-row.h), in table order.
 *
 * It edits a draft (a copy of the record, or a new record of the kind with
 * its defaults); Save writes the draft into the record, or adds it to the
 * workspace. Save is enabled only when the draft differs from what it
 * started as and every row is valid; errors show on their rows. Escape,
 * Cancel or closing the window with changes asks before discarding them.
 * A closed editor is hidden at once and destroyed on idle.
 *
 * A subclass (or anyone) adds sections for what is special about a kind
 * with keel_record_editor_add_section(); fields that are parts
 * (KEEL_FIELD_CHILDREN) get a section listing the parts. */

#define KEEL_TYPE_RECORD_EDITOR (keel_record_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (KeelRecordEditor, keel_record_editor, KEEL, RECORD_EDITOR, AdwWindow)

/* Why @draft cannot be saved, beyond its rows' errors, or NULL (transfer
 * full): an editor's own check, for an editor of a part */
typedef char *(*KeelRecordCheckFunc) (KeelRecordEditor *self,
                                      KeelRecord       *draft,
                                      gpointer          data);

struct _KeelRecordEditorClass
{
  AdwWindowClass parent_class;

  /* The kind edited when no "kind" is given; set in class_init */
  const char *kind_name;

  /* After the draft changed (a row, a section); chain up */
  void        (*draft_changed) (KeelRecordEditor *self);
  /* Why the draft cannot be saved beyond its rows' errors, or NULL
   * (transfer full) */
  char       *(*validate)      (KeelRecordEditor *self);
};

/* @kind_name: NULL for the class's; @record: NULL for a new record */
GtkWidget      *keel_record_editor_new          (KeelWorkspace    *workspace,
                                                 const char       *kind_name,
                                                 KeelRecord       *record);
KeelWorkspace  *keel_record_editor_get_workspace (KeelRecordEditor *self);
/* The record edited, or NULL for a new one */
KeelRecord     *keel_record_editor_get_record   (KeelRecordEditor *self);
/* The working copy the rows edit */
KeelRecord     *keel_record_editor_get_draft    (KeelRecordEditor *self);
const KeelKind *keel_record_editor_get_kind     (KeelRecordEditor *self);
/* The row of @key, or NULL */
GtkWidget      *keel_record_editor_get_row      (KeelRecordEditor *self,
                                                 const char       *key);
/* Adds @section (an AdwPreferencesGroup, or any widget, put in one) after
 * the rows and the sections before it */
void            keel_record_editor_add_section  (KeelRecordEditor *self,
                                                 GtkWidget        *section);
/* The same, before the parts section of @before_key (NULL: at the end) */
void            keel_record_editor_insert_section (KeelRecordEditor *self,
                                                   GtkWidget        *section,
                                                   const char       *before_key);
/* The section of the parts @key (see keel-parts-section.h), or NULL */
GtkWidget      *keel_record_editor_get_section  (KeelRecordEditor *self,
                                                 const char       *key);
/* Adds @func to the checks before Save (NULL: none) */
void            keel_record_editor_set_check_func (KeelRecordEditor    *self,
                                                   KeelRecordCheckFunc  func,
                                                   gpointer             data);
/* Shows the draft again after code changed it: its rows and parts */
void            keel_record_editor_reload       (KeelRecordEditor *self);
/* Puts the keyboard focus on the row of @key (NULL: the first row) */
void            keel_record_editor_focus_field  (KeelRecordEditor *self,
                                                 const char       *key);
/* For sections that changed the draft themselves */
void            keel_record_editor_draft_changed (KeelRecordEditor *self);
/* Whether the draft differs from what it started as */
gboolean        keel_record_editor_has_changes  (KeelRecordEditor *self);
/* Whether Save is enabled */
gboolean        keel_record_editor_can_save     (KeelRecordEditor *self);
/* Saves, as the Save button does; FALSE when it cannot */
gboolean        keel_record_editor_save         (KeelRecordEditor *self);
/* Closes it as Escape does: asks first when there are changes; returns
 * the question (an AdwMessageDialog, transfer none) or NULL if it closed */
GtkWidget      *keel_record_editor_cancel       (KeelRecordEditor *self);
/* Hides it now and destroys it on idle, without asking */
void            keel_record_editor_close        (KeelRecordEditor *self);

G_END_DECLS
