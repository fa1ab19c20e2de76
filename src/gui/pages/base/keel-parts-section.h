/* keel-parts-section.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record-editor.h"

G_BEGIN_DECLS

/* The section of a record editor for a field of parts (KEEL_FIELD_CHILDREN:
 * an objective's readings, a policy's versions, a risk's decisions, a
 * party's feedback): a row per part of the draft, titled by the part's
 * title with its other fields below, with Edit and Remove; Add in the
 * header. Adding or editing a part opens an editor made from the part
 * kind's fields, over the record's editor; the parts change only in the
 * draft, saved with the record (Cancel drops them). */

#define KEEL_TYPE_PARTS_SECTION (keel_parts_section_get_type ())

G_DECLARE_FINAL_TYPE (KeelPartsSection, keel_parts_section, KEEL, PARTS_SECTION, AdwPreferencesGroup)

/* Fills in a new part's editor before it shows (suggestions, its own
 * check) */
typedef void       (*KeelPartNewFunc)    (KeelRecordEditor *part_editor,
                                          gpointer          data);
/* Why @part cannot be changed or removed, or NULL (transfer full) */
typedef char      *(*KeelPartLockFunc)   (KeelRecord       *part,
                                          gpointer          data);
/* A widget at the end of @part's row (an action on it), or NULL */
typedef GtkWidget *(*KeelPartSuffixFunc) (KeelRecord       *part,
                                          gpointer          data);

/* The section of the parts @key of @editor's draft */
GtkWidget       *keel_parts_section_new       (KeelRecordEditor   *editor,
                                               const char         *key);
const KeelField *keel_parts_section_get_field (KeelPartsSection   *self);
/* An editor's own rules for its parts; @data lives as long as @self */
void             keel_parts_section_set_funcs (KeelPartsSection   *self,
                                               KeelPartNewFunc     prepare,
                                               KeelPartLockFunc    locked,
                                               KeelPartSuffixFunc  suffix,
                                               gpointer            data);
/* Shows the parts again, after code changed them */
void             keel_parts_section_refresh   (KeelPartsSection   *self);
/* The rows shown, one per part, in order */
guint            keel_parts_section_get_n_rows (KeelPartsSection  *self);
GtkWidget       *keel_parts_section_get_row   (KeelPartsSection   *self,
                                               guint               index);
/* Opens the editor of a new part (@part NULL) or of @part, as Add, Edit
 * and activating a row do; returns it, or NULL when @part is locked */
GtkWidget       *keel_parts_section_edit      (KeelPartsSection   *self,
                                               KeelRecord         *part);
/* Removes @part from the draft, as its Remove button does */
void             keel_parts_section_remove    (KeelPartsSection   *self,
                                               KeelRecord         *part);
/* What the row of @part says: its title, and (in @subtitle) its other
 * short fields joined by " · " with longer text by its first line below
 * (transfer full) */
char            *keel_parts_section_describe  (KeelWorkspace      *workspace,
                                               KeelRecord         *part,
                                               char              **subtitle);

G_END_DECLS
