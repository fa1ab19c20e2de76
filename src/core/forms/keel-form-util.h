/* keel-form-util.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "keel-record.h"

G_BEGIN_DECLS

/* What the record forms (keel-objective-form.h, keel-policy-form.h) share.
 *
 * A form holds one text per field, as typed, in an array indexed by the
 * form's own field enum; its validation holds one message per field in an
 * array of the same length and counts them. These work on such arrays. */

/* Fills @values (@n_fields long, empty) with @record's fields as text:
 * @keys[i] is the record field behind values[i] */
void        keel_form_values_load   (char              **values,
                                     guint               n_fields,
                                     KeelRecord         *record,
                                     const char * const *keys);
/* Frees each of @values and sets it to NULL */
void        keel_form_values_clear  (char              **values,
                                     guint               n_fields);
/* Sets *@value to a copy of @text ("" is NULL). TRUE if it changed. */
gboolean    keel_form_value_set     (char              **value,
                                     const char         *text);
/* Records @message as the error of @field unless it has one already,
 * counting it in @n_errors */
void        keel_form_error_set     (char              **errors,
                                     guint              *n_errors,
                                     guint               field,
                                     const char         *message);

/* The date @text holds, blanks around it ignored; NULL when blank or not a
 * date (transfer full) */
GDateTime  *keel_form_parse_date    (const char         *text);

/* Reads a number as a person types it: surrounding blanks ignored, "," or
 * "." as decimal mark, no thousands separators, finite. */
gboolean    keel_form_parse_number  (const char         *text,
                                     double             *value);
G_END_DECLS
