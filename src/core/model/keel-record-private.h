/* keel-record-private.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

typedef void (*KeelRecordWatchFunc) (KeelRecord *record,
                                     gpointer    data);

/* For the codec of keel.json (format/keel-record-json.c) */
GValue     *_keel_record_get_values   (KeelRecord          *self);
void        _keel_record_take_id      (KeelRecord          *self,
                                       char                *id);
JsonObject *_keel_record_get_extra    (KeelRecord          *self);
void        _keel_record_take_extra   (KeelRecord          *self,
                                       JsonObject          *extra);
gboolean    _keel_record_value_is_set (const KeelField     *field,
                                       const GValue        *value);
int         _keel_record_field_index  (KeelRecordClass     *klass,
                                       const char          *key);
void        _keel_record_adopt        (KeelRecord          *self,
                                       KeelRecord          *child);

/* For keel-record-access.c: the slot of field @key, checked against
 * @type, and setting it (notifying when it changed) */
GValue     *_keel_record_lookup_value (KeelRecord          *self,
                                       const char          *key,
                                       KeelFieldType        type,
                                       const KeelField    **out_field);
void        _keel_record_set_field    (KeelRecord          *self,
                                       const char          *key,
                                       KeelFieldType        type,
                                       const GValue        *value);

/* For keel-record-values.c: stores @value in @slot, a value of @self's
 * field @field, normalising empty texts and lists to unset; TRUE if it
 * changed */
gboolean    _keel_record_store_value  (KeelRecord          *self,
                                       const KeelField     *field,
                                       GValue              *slot,
                                       const GValue        *value);

void        _keel_record_set_watch (KeelRecord          *self,
                                    KeelRecordWatchFunc  func,
                                    gpointer             data);
void        _keel_record_unwatch   (KeelRecord          *self,
                                    gpointer             data);

G_END_DECLS
