/* keel-record.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "keel-kind.h"

G_BEGIN_DECLS

#define KEEL_TYPE_RECORD (keel_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (KeelRecord, keel_record, KEEL, RECORD, GObject)

struct _KeelRecordClass
{
  GObjectClass parent_class;

  /* Set by keel_record_class_install_kind() from the kind's description */
  const KeelKind  *kind_desc;
  const char      *kind;        /* "objective" */
  const char      *collection;  /* "objectives"; NULL for parts of records */
  const char      *id_prefix;   /* "OBJ"; NULL for parts of records */
  const KeelField *fields;
  guint            n_fields;
  GParamSpec     **pspecs;

  /*< private >*/
  gpointer _reserved[8];
};

void              keel_record_class_install_kind   (KeelRecordClass  *klass,
                                                    const KeelKind   *kind);

/* A new record of @kind with the fields' default values, no id yet */
KeelRecord       *keel_record_new_for_kind         (const KeelKind   *kind);

const char       *keel_record_get_id               (KeelRecord       *self);
void              keel_record_set_id               (KeelRecord       *self,
                                                    const char       *id);
const char       *keel_record_get_kind             (KeelRecord       *self);
const KeelKind   *keel_record_get_kind_desc        (KeelRecord       *self);
/* The value of the kind's title field, else the id, else "" */
const char       *keel_record_get_title            (KeelRecord       *self);
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

/* A deep copy, id and unknown JSON members included */
KeelRecord       *keel_record_copy                 (KeelRecord       *self);
/* Gives @dst (same kind) every value of @src, parts as fresh copies; the
 * id of @dst is kept. Notifies only what changed. */
void              keel_record_assign               (KeelRecord       *dst,
                                                    KeelRecord       *src);
/* Whether @a and @b (same kind) hold the same values, parts included
 * (ids and unknown members not compared) */
gboolean          keel_record_equal                (KeelRecord       *a,
                                                    KeelRecord       *b);

G_END_DECLS

G_BEGIN_DECLS

/* Defines a final record type described by the KeelKind @kind_desc (a
 * static struct in the same file). Used by each file of records/; the
 * matching header uses G_DECLARE_FINAL_TYPE. */
#define KEEL_DEFINE_RECORD_TYPE(TypeName, type_name, kind_desc)                         \
  struct _##TypeName { KeelRecord parent_instance; };                                   \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, KEEL_TYPE_RECORD)                           \
  static void                                                                          \
  type_name##_class_init (TypeName##Class *klass)                                       \
  {                                                                                    \
    keel_record_class_install_kind (KEEL_RECORD_CLASS (klass), &kind_desc);             \
  }                                                                                    \
  static void                                                                          \
  type_name##_init (TypeName *self)                                                     \
  {                                                                                    \
  }

G_END_DECLS
