/* keel-parts-section.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record-editor.h"

G_BEGIN_DECLS

/* The section of an editor for a field of parts (KEEL_FIELD_CHILDREN): the
 * parts of the draft, each a row with what it says (its title, then its
 * other fields), with Add, Edit and Remove. Adding or editing a part opens
 * a small editor made from the part kind's fields; the parts change in the
 * draft, saved with the record. */

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

/* An AdwPreferencesGroup for the parts @key of @editor's draft */
GtkWidget *keel_parts_section_new     (KeelRecordEditor *editor,
                                       const char       *key);
/* An editor's own rules for its parts; @data lives as long as @section */
void       keel_parts_section_set_funcs (GtkWidget         *section,
                                        KeelPartNewFunc    prepare,
                                        KeelPartLockFunc   locked,
                                        KeelPartSuffixFunc suffix,
                                        gpointer           data);
/* Shows the parts again, after code changed them */
void       keel_parts_section_refresh  (GtkWidget         *section);
/* Opens the editor of a new part (NULL) or of @part (NULL when @part is
 * locked); returns it */
GtkWidget *keel_parts_section_edit     (GtkWidget         *section,
                                        KeelRecord        *part);
/* What the row of @part says, title and subtitle (transfer full) */
char      *keel_parts_section_describe (KeelWorkspace   *workspace,
                                       KeelRecord       *part,
                                       char            **subtitle);

G_END_DECLS
