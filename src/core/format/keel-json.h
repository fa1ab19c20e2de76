/* keel-json.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define KEEL_JSON_MAX_DEPTH 64

void      keel_json_write          (JsonNode    *node,
                                    GString     *out);
GBytes   *keel_json_to_bytes       (JsonNode    *node);
/* The parts of keel_json_write(), for writing without a tree */
void      keel_json_write_node     (JsonNode    *node,
                                    GString     *out,
                                    guint        depth);
void      keel_json_write_string   (GString     *out,
                                    const char  *s);
void      keel_json_write_double   (GString     *out,
                                    double       d);
void      keel_json_write_indent   (GString     *out,
                                    guint        depth);
JsonNode *keel_json_parse          (const char  *display_name,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error);
void      keel_json_offset_to_line (const char  *data,
                                    gsize        offset,
                                    guint       *line,
                                    guint       *column);

/* Reading values one at a time, straight from the text (keel-json.c) */
typedef enum
{
  KEEL_JSON_VALUE_NONE,     /* the end, or not a JSON value */
  KEEL_JSON_VALUE_OBJECT,
  KEEL_JSON_VALUE_ARRAY,
  KEEL_JSON_VALUE_STRING,
  KEEL_JSON_VALUE_NUMBER,
  KEEL_JSON_VALUE_BOOLEAN,
  KEEL_JSON_VALUE_NULL,
} KeelJsonValueType;

typedef struct
{
  /*< private >*/
  const char *start;
  const char *pos;
  const char *end;
  const char *value;    /* where the value last peeked at or read starts */
  const char *member;   /* where the name of the member last read starts */
  GString    *scratch;
  guint       depth;
  const char *where;    /* the context of refusals, borrowed */
  const char *key;
  int         error_code;
  gsize       error_offset;
  char       *message;
} KeelJsonReader;

void              keel_json_reader_init         (KeelJsonReader  *reader,
                                                 const char      *data,
                                                 gsize            length);
void              keel_json_reader_clear        (KeelJsonReader  *reader);
gboolean          keel_json_reader_refuse       (KeelJsonReader  *reader,
                                                 int              code,
                                                 const char      *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
gboolean          keel_json_reader_refuse_at    (KeelJsonReader  *reader,
                                                 gsize            offset,
                                                 int              code,
                                                 const char      *format,
                                                 ...) G_GNUC_PRINTF (4, 5);
gboolean          keel_json_reader_refuse_value (KeelJsonReader  *reader);
gboolean          keel_json_reader_refuse_duplicate (KeelJsonReader *reader,
                                                 const char      *name);
void              keel_json_reader_set_context  (KeelJsonReader  *reader,
                                                 const char      *where,
                                                 const char      *key);
gsize             keel_json_reader_get_offset   (KeelJsonReader  *reader);
gsize             keel_json_reader_get_member_offset (KeelJsonReader *reader);
gboolean          keel_json_reader_failed       (KeelJsonReader  *reader);
gboolean          keel_json_reader_propagate_error (KeelJsonReader *reader,
                                                 const char      *display_name,
                                                 GError         **error);
const char       *keel_json_value_type_describe (KeelJsonValueType type);
KeelJsonValueType keel_json_reader_peek         (KeelJsonReader  *reader);
gboolean          keel_json_reader_begin_object (KeelJsonReader  *reader);
gboolean          keel_json_reader_next_member  (KeelJsonReader  *reader,
                                                 guint           *count,
                                                 const char     **name);
gboolean          keel_json_reader_begin_array  (KeelJsonReader  *reader);
gboolean          keel_json_reader_next_element (KeelJsonReader  *reader,
                                                 guint           *count);
const char       *keel_json_reader_read_string  (KeelJsonReader  *reader,
                                                 gsize           *length);
gboolean          keel_json_reader_read_number  (KeelJsonReader  *reader,
                                                 gboolean        *integer,
                                                 gint64          *int_value,
                                                 double          *double_value);
gboolean          keel_json_reader_read_int     (KeelJsonReader  *reader,
                                                 gint64          *value);
gboolean          keel_json_reader_read_double  (KeelJsonReader  *reader,
                                                 double          *value);
gboolean          keel_json_reader_read_boolean (KeelJsonReader  *reader,
                                                 gboolean        *value);
gboolean          keel_json_reader_read_null    (KeelJsonReader  *reader);
JsonNode         *keel_json_reader_read_node    (KeelJsonReader  *reader);
gboolean          keel_json_reader_end          (KeelJsonReader  *reader);
void              keel_json_reader_get_position (KeelJsonReader  *reader,
                                                 gsize            offset,
                                                 guint           *line,
                                                 guint           *column);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeelJsonReader, keel_json_reader_clear)

char             *keel_json_excerpt             (const char      *text);

G_END_DECLS
