/* keel-parts-section.h
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

/* The section of a record editor that lists the parts of one
 * KEEL_FIELD_CHILDREN field of the draft (a risk's decisions, a party's
 * feedback): a row per part, titled by the part's title with its other
 * short fields below, and a Remove button; Add (in the header) and
 * activating a row open an editor of the part, which writes into the
 * draft only when saved. Every change calls @changed. */

#define KEEL_TYPE_PARTS_SECTION (keel_parts_section_get_type ())

G_DECLARE_FINAL_TYPE (KeelPartsSection, keel_parts_section, KEEL, PARTS_SECTION, AdwPreferencesGroup)

typedef void (*KeelPartsSectionChanged) (KeelPartsSection *section,
                                         gpointer          user_data);

GtkWidget       *keel_parts_section_new         (KeelWorkspace           *workspace,
                                                 KeelRecord              *draft,
                                                 const char              *key,
                                                 KeelPartsSectionChanged  changed,
                                                 gpointer                 user_data);
const KeelField *keel_parts_section_get_field   (KeelPartsSection        *self);
/* The rows shown, one per part, in order */
guint            keel_parts_section_get_n_rows  (KeelPartsSection        *self);
GtkWidget       *keel_parts_section_get_row     (KeelPartsSection        *self,
                                                 guint                    index);
/* Opens the editor of part @index, or of a new part when @index is -1, as
 * the rows and Add do; returns it (transfer none) */
GtkWidget       *keel_parts_section_open_part   (KeelPartsSection        *self,
                                                 int                      index);
/* Removes part @index from the draft, as its Remove button does */
void             keel_parts_section_remove_part (KeelPartsSection        *self,
                                                 guint                    index);

G_END_DECLS
