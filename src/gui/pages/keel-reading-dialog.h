/* keel-reading-dialog.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-record.h"

G_BEGIN_DECLS

/* Adds a reading (date, value, note) to an objective, or edits one. The
 * "save" response stays disabled until the date and value are valid; on
 * "save" the dialog writes the reading into the objective. */

#define KEEL_TYPE_READING_DIALOG (keel_reading_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KeelReadingDialog, keel_reading_dialog, KEEL, READING_DIALOG, AdwMessageDialog)

/* @reading: NULL to add a new reading to @objective */
KeelReadingDialog *keel_reading_dialog_new     (GtkWindow         *parent,
                                                KeelRecord        *objective,
                                                KeelRecord        *reading);
gboolean           keel_reading_dialog_is_valid (KeelReadingDialog *self);

G_END_DECLS
