/* keel-record.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The kinds of value a record field holds. Each kind maps to one GType for
 * its GObject property and one JSON shape in keel.json. */
typedef enum
{
  KEEL_FIELD_STRING,    /* gchararray; JSON string */
  KEEL_FIELD_BOOLEAN,   /* gboolean; JSON true/false */
  KEEL_FIELD_INT,       /* gint64; JSON integer, 0 is "unset" and omitted */
  KEEL_FIELD_DOUBLE,    /* gdouble; JSON number, NaN is "unset" and omitted */
  KEEL_FIELD_DATE,      /* GDateTime (midnight UTC); JSON "2026-03-31" */
  KEEL_FIELD_DATETIME,  /* GDateTime; JSON "2026-03-31T10:00:00+02:00" */
  KEEL_FIELD_ENUM,      /* gchararray from a fixed list; JSON string */
  KEEL_FIELD_REF,       /* gchararray id of another record; JSON string */
  KEEL_FIELD_REF_LIST,  /* GStrv of ids; JSON array of strings */
  KEEL_FIELD_STRV,      /* GStrv; JSON array of strings */
  KEEL_FIELD_CHILD,     /* a KeelRecord (no id); JSON object */
  KEEL_FIELD_CHILDREN,  /* a GListStore of KeelRecord; JSON array of objects */
} KeelFieldType;

typedef enum
{
  KEEL_FIELD_FLAGS_NONE     = 0,
  KEEL_FIELD_REQUIRED       = 1 << 0,  /* a record without it is invalid */
  KEEL_FIELD_MULTILINE      = 1 << 1,  /* a hint for editors */
} KeelFieldFlags;

typedef struct
{
  /* JSON key, snake_case; the GObject property is the same name with '-' */
  const char     *key;
  KeelFieldType   type;
  /* A human label, marked with N_() */
  const char     *label;
  /* ENUM: the allowed values, '|' separated ("open|done").
   * REF and REF_LIST: the kind of record referred to ("person"), or NULL
   * for a reference to any kind. */
  const char     *detail;
  /* CHILD and CHILDREN: the record type of the child */
  GType         (*child_type) (void);
  KeelFieldFlags  flags;
} KeelField;

#define KEEL_TYPE_RECORD (keel_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (KeelRecord, keel_record, KEEL, RECORD, GObject)

struct _KeelRecordClass
{
  GObjectClass parent_class;

  /* Set by keel_record_class_install_fields() */
  const char      *kind;        /* "objective" */
  const char      *collection;  /* "objectives"; NULL for parts of records */
  const char      *id_prefix;   /* "OBJ"; NULL for parts of records */
  const KeelField *fields;
  guint            n_fields;
  GParamSpec     **pspecs;

  /*< private >*/
  gpointer _reserved[8];
};

void              keel_record_class_install_fields (KeelRecordClass  *klass,
                                                    const char       *kind,
                                                    const char       *collection,
                                                    const char       *id_prefix,
                                                    const KeelField  *fields,
                                                    guint             n_fields);

const char       *keel_record_get_id               (KeelRecord       *self);
void              keel_record_set_id               (KeelRecord       *self,
                                                    const char       *id);
const char       *keel_record_get_kind             (KeelRecord       *self);
const KeelField  *keel_record_find_field           (KeelRecord       *self,
                                                    const char       *key);
const KeelField  *keel_record_class_find_field     (KeelRecordClass  *klass,
                                                    const char       *key);

const char       *keel_record_get_string           (KeelRecord       *self,
                                                    const char       *key);
void              keel_record_set_string           (KeelRecord       *self,
                                                    const char       *key,
                                                    const char       *value);
gboolean          keel_record_get_boolean          (KeelRecord       *self,
                                                    const char       *key);
void              keel_record_set_boolean          (KeelRecord       *self,
                                                    const char       *key,
                                                    gboolean          value);
gint64            keel_record_get_int              (KeelRecord       *self,
                                                    const char       *key);
void              keel_record_set_int              (KeelRecord       *self,
                                                    const char       *key,
                                                    gint64            value);
double            keel_record_get_double           (KeelRecord       *self,
                                                    const char       *key);
void              keel_record_set_double           (KeelRecord       *self,
                                                    const char       *key,
                                                    double            value);
GDateTime        *keel_record_get_date             (KeelRecord       *self,
                                                    const char       *key);
void              keel_record_set_date             (KeelRecord       *self,
                                                    const char       *key,
                                                    GDateTime        *value);
const char * const *keel_record_get_strv           (KeelRecord       *self,
                                                    const char       *key);
void              keel_record_set_strv             (KeelRecord       *self,
                                                    const char       *key,
                                                    const char * const *value);
KeelRecord       *keel_record_get_child            (KeelRecord       *self,
                                                    const char       *key);
void              keel_record_set_child            (KeelRecord       *self,
                                                    const char       *key,
                                                    KeelRecord       *child);
GListStore       *keel_record_get_children         (KeelRecord       *self,
                                                    const char       *key);

gboolean          keel_record_is_set               (KeelRecord       *self,
                                                    const char       *key);
char             *keel_record_format_field         (KeelRecord       *self,
                                                    const char       *key);

JsonNode         *keel_record_to_json              (KeelRecord       *self);
KeelRecord       *keel_record_new_from_json        (GType             type,
                                                    JsonNode         *node,
                                                    const char       *where,
                                                    GError          **error);
KeelRecord       *keel_record_copy                 (KeelRecord       *self);

G_END_DECLS

G_BEGIN_DECLS

/* Defines a final record type whose fields are @fields. Used by each
 * keel-<kind>.c; the matching header uses G_DECLARE_FINAL_TYPE. */
#define KEEL_DEFINE_RECORD_TYPE(TypeName, type_name, kind, collection, prefix, fields) \
  struct _##TypeName { KeelRecord parent_instance; };                                   \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, KEEL_TYPE_RECORD)                           \
  static void                                                                          \
  type_name##_class_init (TypeName##Class *klass)                                       \
  {                                                                                    \
    keel_record_class_install_fields (KEEL_RECORD_CLASS (klass), kind, collection,      \
                                      prefix, fields, G_N_ELEMENTS (fields));           \
  }                                                                                    \
  static void                                                                          \
  type_name##_init (TypeName *self)                                                     \
  {                                                                                    \
  }

G_END_DECLS
