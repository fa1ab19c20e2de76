/* keel-record-json.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-json.h"
#include "keel-record.h"

G_BEGIN_DECLS

/* A record in keel.json: read straight from a KeelJsonReader, written
 * straight into the text. The one codec of records; nothing else turns a
 * record into JSON or back. */

KeelRecord *keel_record_json_read  (GType            type,
                                    KeelJsonReader  *reader,
                                    const char      *where,
                                    gsize           *id_offset);
/* How errors name what is read until its id is: "training[12]", "OBJ-3
 * owner", "OBJ-3 readings[2]" (@index G_MAXUINT: none). Made in @buf
 * without printf, for every record and part read; in *@owned if too long. */
const char *keel_record_json_name (char            *buf,
                                   gsize            size,
                                   const char      *prefix,
                                   const char      *key,
                                   guint            index,
                                   char           **owned);
void        keel_record_json_write (KeelRecord      *self,
                                    GString         *out,
                                    guint            depth);

/* One record from a text of its own, and back: for tests and tools */
KeelRecord *keel_record_json_parse (GType            type,
                                    const char      *display_name,
                                    const char      *data,
                                    gsize            length,
                                    GError         **error);
char       *keel_record_json_to_text (KeelRecord    *self);

G_END_DECLS
