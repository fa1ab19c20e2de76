/* keel-record-private.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-json.h"
#include "keel-record.h"

G_BEGIN_DECLS

typedef void (*KeelRecordWatchFunc) (KeelRecord *record,
                                     gpointer    data);

/* Reads a record of @type straight from @reader (at an object), for the
 * workspace loader. It gives the record keel_record_new_from_json() gives
 * for the same text, or %NULL (and a failed reader) where that one would
 * fail or where it cannot be sure: the caller then reads the text again
 * the slow way, for the error message. */
KeelRecord *_keel_record_read (GType           type,
                               KeelJsonReader *reader);

void        _keel_record_write_json (KeelRecord         *self,
                                     GString            *out,
                                     guint               depth);
void        _keel_record_set_watch (KeelRecord          *self,
                                    KeelRecordWatchFunc  func,
                                    gpointer             data);
void        _keel_record_unwatch   (KeelRecord          *self,
                                    gpointer             data);

G_END_DECLS
