/* keel-record.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-record"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-record-private.h"

/* A record is a GObject whose properties are declared by a table of
 * KeelField. Every kind of record in keel.json (and every part of one, such
 * as a reading or a policy version) is a small final subclass that only
 * supplies its table; this class turns the table into GObject properties,
 * stores the values, and reads and writes the JSON. Members of the JSON that
 * no field knows are kept, in their order, and written back unchanged. */

typedef struct
{
  char                *id;
  GValue              *values;
  JsonObject          *extra;
  guint                n_values;

  /* "changed" goes up from a part to its record without a signal handler
   * per part: a part knows the record it is in (@parent, not a reference;
   * the record clears it when the part leaves it or the record goes), and
   * the record keeps the items of each CHILDREN store (@parts, references,
   * one array per field, NULL for the other fields) so that it knows which
   * parts left a store. A record in a workspace tells it through @watch. */
  KeelRecord          *parent;
  GPtrArray          **parts;
  KeelRecordWatchFunc  watch;
  gpointer             watch_data;
} KeelRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KeelRecord, keel_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (keel-error-quark, keel_error)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static GType
field_gtype (const KeelField *field)
{
  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
      return G_TYPE_STRING;
    case KEEL_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case KEEL_FIELD_INT:
      return G_TYPE_INT64;
    case KEEL_FIELD_DOUBLE:
      return G_TYPE_DOUBLE;
    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
      return G_TYPE_DATE_TIME;
    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      return G_TYPE_STRV;
    case KEEL_FIELD_CHILD:
      return field->child_type ();
    case KEEL_FIELD_CHILDREN:
      return G_TYPE_LIST_STORE;
    default:
      g_assert_not_reached ();
    }
}

/* Emits "changed" on @self, then on the record it is a part of, and so up;
 * then tells the workspace */
static void
emit_changed (KeelRecord *self)
{
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);

  /* A handler may let go of the last reference */
  g_object_ref (self);

  g_signal_emit (self, signals[CHANGED], 0);

  if (priv->parent != NULL)
    emit_changed (priv->parent);
  if (priv->watch != NULL)
    priv->watch (self, priv->watch_data);

  g_object_unref (self);
}

/* @child is a part of @self now */
static void
adopt (KeelRecord *self,
       KeelRecord *child)
{
  KeelRecordPrivate *child_priv = keel_record_get_instance_private (child);

  child_priv->parent = self;
}

/* @child is no longer a part of @self (if it was still ours) */
static void
release (KeelRecord *self,
         KeelRecord *child)
{
  KeelRecordPrivate *child_priv = keel_record_get_instance_private (child);

  if (child_priv->parent == self)
    child_priv->parent = NULL;
}

static void
children_changed_cb (GListModel *store,
                     guint       position,
                     guint       removed,
                     guint       added,
                     KeelRecord *self)
{
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);
  GPtrArray *parts = NULL;

  for (guint i = 0; i < priv->n_values && parts == NULL; i++)
    if (priv->parts[i] != NULL && g_value_get_object (&priv->values[i]) == (gpointer) store)
      parts = priv->parts[i];

  g_assert (parts != NULL);
  g_assert (position + removed <= parts->len);

  /* The store let go of the removed parts before telling; @parts still
   * holds them */
  for (guint i = position; i < position + removed; i++)
    release (self, g_ptr_array_index (parts, i));
  g_ptr_array_remove_range (parts, position, removed);

  for (guint i = position; i < position + added; i++)
    {
      KeelRecord *child = g_list_model_get_item (store, i);

      adopt (self, child);
      g_ptr_array_insert (parts, (int) i, child);
    }

  emit_changed (self);
}

static gboolean
value_is_set (const KeelField *field,
              const GValue    *v)
{
  switch (field->type)
    {
    case KEEL_FIELD_BOOLEAN:
      return g_value_get_boolean (v);
    case KEEL_FIELD_INT:
      return g_value_get_int64 (v) != 0;
    case KEEL_FIELD_DOUBLE:
      return !isnan (g_value_get_double (v));
    case KEEL_FIELD_CHILDREN:
      return g_list_model_get_n_items (g_value_get_object (v)) > 0;
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
    case KEEL_FIELD_CHILD:
    default:
      return g_value_peek_pointer (v) != NULL;
    }
}

static KeelRecordPrivate *
get_priv (KeelRecord *self)
{
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);

  if G_UNLIKELY (priv->values == NULL)
    {
      KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);

      priv->n_values = klass->n_fields;
      priv->values = g_new0 (GValue, MAX (1, klass->n_fields));
      priv->parts = g_new0 (GPtrArray *, MAX (1, klass->n_fields));

      for (guint i = 0; i < klass->n_fields; i++)
        {
          const KeelField *field = &klass->fields[i];

          g_value_init (&priv->values[i], field_gtype (field));

          if (field->type == KEEL_FIELD_DOUBLE)
            g_value_set_double (&priv->values[i], NAN);
          else if (field->type == KEEL_FIELD_CHILDREN)
            {
              GListStore *store = g_list_store_new (field->child_type ());

              /* Disconnected in finalize: the store may outlive us */
              g_signal_connect (store, "items-changed", G_CALLBACK (children_changed_cb), self);
              g_value_take_object (&priv->values[i], store);
              priv->parts[i] = g_ptr_array_new_with_free_func (g_object_unref);
            }
        }
    }

  return priv;
}

static int
field_index (KeelRecordClass *klass,
             const char      *key)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].key, key) == 0)
      return (int) i;

  return -1;
}

static GValue *
lookup_value (KeelRecord      *self,
              const char      *key,
              KeelFieldType    type,
              const KeelField **out_field)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);
  KeelRecordPrivate *priv = get_priv (self);
  int idx = field_index (klass, key);

  if (idx < 0)
    {
      g_critical ("A %s has no field “%s”", klass->kind, key);
      return NULL;
    }

  if (klass->fields[idx].type != type &&
      !(type == KEEL_FIELD_STRING &&
        (klass->fields[idx].type == KEEL_FIELD_ENUM ||
         klass->fields[idx].type == KEEL_FIELD_REF)) &&
      !(type == KEEL_FIELD_DATE && klass->fields[idx].type == KEEL_FIELD_DATETIME) &&
      !(type == KEEL_FIELD_STRV && klass->fields[idx].type == KEEL_FIELD_REF_LIST))
    {
      g_critical ("Field “%s” of a %s is not of the type asked for", key, klass->kind);
      return NULL;
    }

  if (out_field != NULL)
    *out_field = &klass->fields[idx];

  return &priv->values[idx];
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal (a, b);
}

/* Stores @value into @slot, normalising empty strings and lists to unset.
 * Returns TRUE if the stored value changed. */
static gboolean
store_value (KeelRecord      *self,
             const KeelField *field,
             GValue          *slot,
             const GValue    *value)
{
  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
      {
        const char *s = g_value_get_string (value);

        if (s != NULL && s[0] == '\0')
          s = NULL;
        if (field->type == KEEL_FIELD_ENUM && !keel_field_allows (field, s))
          {
            g_critical ("“%s” is not an allowed value of %s", s, field->key);
            return FALSE;
          }
        if (g_strcmp0 (s, g_value_get_string (slot)) == 0)
          return FALSE;
        g_value_set_string (slot, s);
        return TRUE;
      }

    case KEEL_FIELD_BOOLEAN:
      if (!g_value_get_boolean (slot) == !g_value_get_boolean (value))
        return FALSE;
      g_value_set_boolean (slot, g_value_get_boolean (value));
      return TRUE;

    case KEEL_FIELD_INT:
      if (g_value_get_int64 (slot) == g_value_get_int64 (value))
        return FALSE;
      g_value_set_int64 (slot, g_value_get_int64 (value));
      return TRUE;

    case KEEL_FIELD_DOUBLE:
      {
        double old = g_value_get_double (slot);
        double new = g_value_get_double (value);

        /* JSON has no infinity: keep only numbers keel.json can hold */
        if (!isfinite (new))
          new = NAN;

        if ((isnan (old) && isnan (new)) || old == new)
          return FALSE;
        g_value_set_double (slot, new);
        return TRUE;
      }

    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
      {
        GDateTime *old = g_value_get_boxed (slot);
        GDateTime *new = g_value_get_boxed (value);

        if (field->type == KEEL_FIELD_DATE && new != NULL)
          {
            /* Keep only the calendar day */
            g_autoptr(GDateTime) day = keel_date_new (g_date_time_get_year (new),
                                                      g_date_time_get_month (new),
                                                      g_date_time_get_day_of_month (new));
            if (keel_date_compare (old, day) == 0)
              return FALSE;
            g_value_set_boxed (slot, day);
            return TRUE;
          }

        if (old == new || (old != NULL && new != NULL && g_date_time_equal (old, new)))
          return FALSE;
        g_value_set_boxed (slot, new);
        return TRUE;
      }

    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      {
        const char * const *new = g_value_get_boxed (value);

        if (strv_equal (g_value_get_boxed (slot), new))
          return FALSE;
        g_value_set_boxed (slot, (new != NULL && new[0] != NULL) ? new : NULL);
        return TRUE;
      }

    case KEEL_FIELD_CHILD:
      {
        KeelRecord *old = g_value_get_object (slot);
        KeelRecord *new = g_value_get_object (value);

        if (old == new)
          return FALSE;
        if (old != NULL)
          release (self, old);
        g_value_set_object (slot, new);
        if (new != NULL)
          adopt (self, new);
        return TRUE;
      }

    case KEEL_FIELD_CHILDREN:
    default:
      g_assert_not_reached ();
    }
}

static void
set_field (KeelRecord   *self,
           const char   *key,
           KeelFieldType type,
           const GValue *value)
{
  const KeelField *field = NULL;
  GValue *slot = lookup_value (self, key, type, &field);
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);

  if (slot == NULL)
    return;

  if (store_value (self, field, slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[field - klass->fields]);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_record_field_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KeelRecord *self = KEEL_RECORD (object);
  KeelRecordPrivate *priv = get_priv (self);

  g_assert (prop_id >= 1 && prop_id <= priv->n_values);

  g_value_copy (&priv->values[prop_id - 1], value);
}

static void
keel_record_field_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KeelRecord *self = KEEL_RECORD (object);
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);
  KeelRecordPrivate *priv = get_priv (self);
  const KeelField *field;

  g_assert (prop_id >= 1 && prop_id <= priv->n_values);

  field = &klass->fields[prop_id - 1];
  if (store_value (self, field, &priv->values[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
keel_record_dispatch_properties_changed (GObject     *object,
                                         guint        n_pspecs,
                                         GParamSpec **pspecs)
{
  G_OBJECT_CLASS (keel_record_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  emit_changed (KEEL_RECORD (object));
}

static void
keel_record_finalize (GObject *object)
{
  KeelRecord *self = KEEL_RECORD (object);
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);

  /* Parts that live on are nobody's part any more */
  for (guint i = 0; i < priv->n_values; i++)
    {
      if (priv->parts[i] != NULL)
        {
          GPtrArray *parts = priv->parts[i];

          g_signal_handlers_disconnect_by_func (g_value_get_object (&priv->values[i]),
                                                children_changed_cb, self);
          for (guint j = 0; j < parts->len; j++)
            release (self, g_ptr_array_index (parts, j));
          g_ptr_array_unref (parts);
        }
      else if (klass->fields[i].type == KEEL_FIELD_CHILD && g_value_get_object (&priv->values[i]))
        release (self, g_value_get_object (&priv->values[i]));

      g_value_unset (&priv->values[i]);
    }
  g_clear_pointer (&priv->parts, g_free);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->extra, json_object_unref);
  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (keel_record_parent_class)->finalize (object);
}

static void
keel_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KeelRecord *self = KEEL_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, keel_record_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KeelRecord *self = KEEL_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      keel_record_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_record_class_init (KeelRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = keel_record_finalize;
  object_class->get_property = keel_record_get_property;
  object_class->set_property = keel_record_set_property;
  object_class->dispatch_properties_changed = keel_record_dispatch_properties_changed;

  /**
   * KeelRecord:id:
   *
   * The record's stable id ("OBJ-3"), unique per kind and never reused.
   * Parts of records (a reading, a version) have none.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KeelRecord::changed:
   *
   * Emitted after any field of the record, or of a part of it, changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
keel_record_init (KeelRecord *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * keel_record_class_install_kind:
 *
 * Called from a subclass' class_init (see KEEL_DEFINE_RECORD_TYPE):
 * installs one GObject property per field of @kind, named after the
 * field's key with '-' for '_'.
 */
void
keel_record_class_install_kind (KeelRecordClass *klass,
                                const KeelKind  *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const KeelField *fields;
  guint n_fields;

  g_return_if_fail (KEEL_IS_RECORD_CLASS (klass));
  g_return_if_fail (kind != NULL && kind->name != NULL);

  fields = kind->fields;
  n_fields = kind->n_fields;

  klass->kind_desc = kind;
  klass->kind = kind->name;
  klass->collection = kind->collection;
  klass->id_prefix = kind->id_prefix;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);

  object_class->get_property = keel_record_field_get_property;
  object_class->set_property = keel_record_field_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const KeelField *field = &fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (field->key), "_", '-');
      const char *pname = g_intern_string (name);
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec;

      switch (field->type)
        {
        case KEEL_FIELD_STRING:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_REF:
          pspec = g_param_spec_string (pname, NULL, NULL, NULL, flags);
          break;
        case KEEL_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (pname, NULL, NULL, FALSE, flags);
          break;
        case KEEL_FIELD_INT:
          pspec = g_param_spec_int64 (pname, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case KEEL_FIELD_DOUBLE:
          /* Unset is NaN in storage; the pspec default must lie in range */
          pspec = g_param_spec_double (pname, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
          break;
        case KEEL_FIELD_DATE:
        case KEEL_FIELD_DATETIME:
          pspec = g_param_spec_boxed (pname, NULL, NULL, G_TYPE_DATE_TIME, flags);
          break;
        case KEEL_FIELD_REF_LIST:
        case KEEL_FIELD_STRV:
          pspec = g_param_spec_boxed (pname, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case KEEL_FIELD_CHILD:
          pspec = g_param_spec_object (pname, NULL, NULL, field->child_type (), flags);
          break;
        case KEEL_FIELD_CHILDREN:
          pspec = g_param_spec_object (pname, NULL, NULL, G_TYPE_LIST_STORE,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        default:
          g_assert_not_reached ();
        }

      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const char *
keel_record_get_id (KeelRecord *self)
{
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  return priv->id;
}

void
keel_record_set_id (KeelRecord *self,
                    const char *id)
{
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);

  g_return_if_fail (KEEL_IS_RECORD (self));

  if (g_strcmp0 (priv->id, id) == 0)
    return;

  g_free (priv->id);
  priv->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
keel_record_get_kind (KeelRecord *self)
{
  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  return KEEL_RECORD_GET_CLASS (self)->kind;
}

/**
 * keel_record_get_kind_desc:
 *
 * Returns: (transfer none): the description of @self's kind
 */
const KeelKind *
keel_record_get_kind_desc (KeelRecord *self)
{
  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  return KEEL_RECORD_GET_CLASS (self)->kind_desc;
}

/**
 * keel_record_get_title:
 *
 * Returns: the value of the field that names @self (its kind's title
 *   field), else its id, else ""
 */
const char *
keel_record_get_title (KeelRecord *self)
{
  const KeelField *field;
  const char *title = NULL;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  field = keel_kind_get_title_field (KEEL_RECORD_GET_CLASS (self)->kind_desc);
  if (field != NULL && (field->type == KEEL_FIELD_STRING || field->type == KEEL_FIELD_ENUM))
    title = keel_record_get_string (self, field->key);
  if (title == NULL || title[0] == '\0')
    title = keel_record_get_id (self);

  return title != NULL ? title : "";
}

const KeelField *
keel_record_class_find_field (KeelRecordClass *klass,
                              const char      *key)
{
  int idx;

  g_return_val_if_fail (KEEL_IS_RECORD_CLASS (klass), NULL);

  idx = field_index (klass, key);

  return idx < 0 ? NULL : &klass->fields[idx];
}

const KeelField *
keel_record_find_field (KeelRecord *self,
                        const char *key)
{
  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  return keel_record_class_find_field (KEEL_RECORD_GET_CLASS (self), key);
}

const char *
keel_record_get_string (KeelRecord *self,
                        const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = lookup_value (self, key, KEEL_FIELD_STRING, NULL);

  return v ? g_value_get_string (v) : NULL;
}

void
keel_record_set_string (KeelRecord *self,
                        const char *key,
                        const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_field (self, key, KEEL_FIELD_STRING, &v);
}

gboolean
keel_record_get_boolean (KeelRecord *self,
                         const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), FALSE);

  v = lookup_value (self, key, KEEL_FIELD_BOOLEAN, NULL);

  return v ? g_value_get_boolean (v) : FALSE;
}

void
keel_record_set_boolean (KeelRecord *self,
                         const char *key,
                         gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  set_field (self, key, KEEL_FIELD_BOOLEAN, &v);
}

gint64
keel_record_get_int (KeelRecord *self,
                     const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), 0);

  v = lookup_value (self, key, KEEL_FIELD_INT, NULL);

  return v ? g_value_get_int64 (v) : 0;
}

void
keel_record_set_int (KeelRecord *self,
                     const char *key,
                     gint64      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  set_field (self, key, KEEL_FIELD_INT, &v);
}

/**
 * keel_record_get_double:
 *
 * Returns: the value, or NaN when it is not set
 */
double
keel_record_get_double (KeelRecord *self,
                        const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NAN);

  v = lookup_value (self, key, KEEL_FIELD_DOUBLE, NULL);

  return v ? g_value_get_double (v) : NAN;
}

void
keel_record_set_double (KeelRecord *self,
                        const char *key,
                        double      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  set_field (self, key, KEEL_FIELD_DOUBLE, &v);
}

/**
 * keel_record_get_date:
 *
 * Works for date and date-time fields.
 *
 * Returns: (transfer none) (nullable): the date
 */
GDateTime *
keel_record_get_date (KeelRecord *self,
                      const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = lookup_value (self, key, KEEL_FIELD_DATE, NULL);

  return v ? g_value_get_boxed (v) : NULL;
}

void
keel_record_set_date (KeelRecord *self,
                      const char *key,
                      GDateTime  *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_DATE_TIME);
  g_value_set_boxed (&v, value);
  set_field (self, key, KEEL_FIELD_DATE, &v);
}

const char * const *
keel_record_get_strv (KeelRecord *self,
                      const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = lookup_value (self, key, KEEL_FIELD_STRV, NULL);

  return v ? g_value_get_boxed (v) : NULL;
}

void
keel_record_set_strv (KeelRecord         *self,
                      const char         *key,
                      const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  set_field (self, key, KEEL_FIELD_STRV, &v);
}

/**
 * keel_record_get_child:
 *
 * Returns: (transfer none) (nullable): the part stored in a child field
 */
KeelRecord *
keel_record_get_child (KeelRecord *self,
                       const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = lookup_value (self, key, KEEL_FIELD_CHILD, NULL);

  return v ? g_value_get_object (v) : NULL;
}

void
keel_record_set_child (KeelRecord *self,
                       const char *key,
                       KeelRecord *child)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (KEEL_IS_RECORD (self));
  g_return_if_fail (!child || KEEL_IS_RECORD (child));

  g_value_init (&v, KEEL_TYPE_RECORD);
  g_value_set_object (&v, child);
  set_field (self, key, KEEL_FIELD_CHILD, &v);
}

/**
 * keel_record_get_children:
 *
 * Returns: (transfer none): the list of parts in a children field, never
 *   %NULL for a children field. Adding or removing items changes the record.
 */
GListStore *
keel_record_get_children (KeelRecord *self,
                          const char *key)
{
  GValue *v;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  v = lookup_value (self, key, KEEL_FIELD_CHILDREN, NULL);

  return v ? g_value_get_object (v) : NULL;
}

gboolean
keel_record_is_set (KeelRecord *self,
                    const char *key)
{
  KeelRecordClass *klass;
  KeelRecordPrivate *priv;
  const GValue *v;
  int idx;

  g_return_val_if_fail (KEEL_IS_RECORD (self), FALSE);

  klass = KEEL_RECORD_GET_CLASS (self);
  priv = get_priv (self);
  idx = field_index (klass, key);
  g_return_val_if_fail (idx >= 0, FALSE);
  v = &priv->values[idx];

  return value_is_set (&klass->fields[idx], v);
}

static char *
format_double (double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (d == 0)
    return g_strdup ("0");

  /* The shortest text that reads back as the same number */
  for (int precision = 1; precision <= 17; precision++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, fmt, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }

  /* %g gives 1e+02 for 100: whole numbers read better written out */
  if (strchr (buf, 'e') != NULL && d == floor (d) && fabs (d) < 1e15)
    g_snprintf (buf, sizeof buf, "%.0f", d);

  return g_strdup (buf);
}

/**
 * keel_record_format_field:
 *
 * Returns: (transfer full) (nullable): the field's value as a short text,
 *   as keel.json would hold it, or %NULL when it is not set
 */
char *
keel_record_format_field (KeelRecord *self,
                          const char *key)
{
  const KeelField *field;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  if (!keel_record_is_set (self, key))
    return NULL;

  field = keel_record_find_field (self, key);

  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
      return g_strdup (keel_record_get_string (self, key));
    case KEEL_FIELD_BOOLEAN:
      return g_strdup ("true");
    case KEEL_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, keel_record_get_int (self, key));
    case KEEL_FIELD_DOUBLE:
      return format_double (keel_record_get_double (self, key));
    case KEEL_FIELD_DATE:
      return keel_date_format (keel_record_get_date (self, key));
    case KEEL_FIELD_DATETIME:
      return keel_date_time_format (keel_record_get_date (self, key));
    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      return g_strjoinv (", ", (char **) keel_record_get_strv (self, key));
    case KEEL_FIELD_CHILD:
    case KEEL_FIELD_CHILDREN:
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */
/* ------------------------------------------------------------------------ */

static JsonNode *
strv_to_json (const char * const *strv)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  /* take, not init: json_node_init_array() adds a reference of its own */
  json_node_take_array (node, array);

  return node;
}

/**
 * keel_record_to_json:
 *
 * Returns: (transfer full): an object node with "id" first (if any), then
 *   the fields in table order, then the members Keel does not know.
 */
JsonNode *
keel_record_to_json (KeelRecord *self)
{
  KeelRecordClass *klass;
  KeelRecordPrivate *priv;
  JsonObject *object;
  JsonNode *result;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  klass = KEEL_RECORD_GET_CLASS (self);
  priv = get_priv (self);
  object = json_object_new ();

  if (priv->id != NULL)
    json_object_set_string_member (object, "id", priv->id);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      const GValue *v = &priv->values[i];
      JsonNode *node = NULL;

      if (!value_is_set (field, v))
        continue;

      switch (field->type)
        {
        case KEEL_FIELD_STRING:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_REF:
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_string (node, g_value_get_string (v));
          break;
        case KEEL_FIELD_BOOLEAN:
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_boolean (node, TRUE);
          break;
        case KEEL_FIELD_INT:
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_int (node, g_value_get_int64 (v));
          break;
        case KEEL_FIELD_DOUBLE:
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_double (node, g_value_get_double (v));
          break;
        case KEEL_FIELD_DATE:
        case KEEL_FIELD_DATETIME:
          {
            g_autofree char *s = field->type == KEEL_FIELD_DATE
              ? keel_date_format (g_value_get_boxed (v))
              : keel_date_time_format (g_value_get_boxed (v));
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, s);
          }
          break;
        case KEEL_FIELD_REF_LIST:
        case KEEL_FIELD_STRV:
          node = strv_to_json (g_value_get_boxed (v));
          break;
        case KEEL_FIELD_CHILD:
          node = keel_record_to_json (g_value_get_object (v));
          break;
        case KEEL_FIELD_CHILDREN:
          {
            GListModel *model = g_value_get_object (v);
            JsonArray *array = json_array_sized_new (g_list_model_get_n_items (model));

            for (guint j = 0; j < g_list_model_get_n_items (model); j++)
              {
                g_autoptr(KeelRecord) child = g_list_model_get_item (model, j);
                json_array_add_element (array, keel_record_to_json (child));
              }
            node = json_node_new (JSON_NODE_ARRAY);
            json_node_take_array (node, array);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      json_object_set_member (object, field->key, node);
    }

  if (priv->extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (priv->extra);

      for (const GList *l = members; l; l = l->next)
        if (!json_object_has_member (object, l->data))
          json_object_set_member (object, l->data,
                                  json_node_copy (json_object_get_member (priv->extra, l->data)));
    }

  result = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (result, object);

  return result;
}

/* Starts the next member of an object being written */
static void
begin_member (GString    *out,
              gboolean   *first,
              guint       depth,
              const char *key)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  keel_json_write_indent (out, depth);
  keel_json_write_string (out, key);
  g_string_append (out, ": ");
}

/**
 * _keel_record_write_json:
 * @depth: the indent of the line the record starts on
 *
 * Appends the text keel_json_write_node() gives for keel_record_to_json():
 * the same bytes, without a tree in between.
 */
void
_keel_record_write_json (KeelRecord *self,
                         GString    *out,
                         guint       depth)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);
  KeelRecordPrivate *priv = get_priv (self);
  gboolean first = TRUE;

  g_string_append_c (out, '{');

  if (priv->id != NULL)
    {
      begin_member (out, &first, depth + 1, "id");
      keel_json_write_string (out, priv->id);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      const GValue *v = &priv->values[i];

      if (!value_is_set (field, v))
        continue;

      begin_member (out, &first, depth + 1, field->key);

      switch (field->type)
        {
        case KEEL_FIELD_STRING:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_REF:
          keel_json_write_string (out, g_value_get_string (v));
          break;
        case KEEL_FIELD_BOOLEAN:
          g_string_append (out, "true");
          break;
        case KEEL_FIELD_INT:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, g_value_get_int64 (v));
          break;
        case KEEL_FIELD_DOUBLE:
          keel_json_write_double (out, g_value_get_double (v));
          break;
        case KEEL_FIELD_DATE:
        case KEEL_FIELD_DATETIME:
          {
            g_autofree char *text = field->type == KEEL_FIELD_DATE
              ? keel_date_format (g_value_get_boxed (v))
              : keel_date_time_format (g_value_get_boxed (v));
            keel_json_write_string (out, text);
          }
          break;
        case KEEL_FIELD_REF_LIST:
        case KEEL_FIELD_STRV:
          {
            const char * const *strv = g_value_get_boxed (v);

            if (strv[0] == NULL)
              {
                g_string_append (out, "[]");
                break;
              }

            g_string_append_c (out, '[');
            for (guint j = 0; strv[j] != NULL; j++)
              {
                if (j > 0)
                  g_string_append_c (out, ',');
                keel_json_write_indent (out, depth + 2);
                keel_json_write_string (out, strv[j]);
              }
            keel_json_write_indent (out, depth + 1);
            g_string_append_c (out, ']');
          }
          break;
        case KEEL_FIELD_CHILD:
          _keel_record_write_json (g_value_get_object (v), out, depth + 1);
          break;
        case KEEL_FIELD_CHILDREN:
          {
            GListModel *model = g_value_get_object (v);
            guint n = g_list_model_get_n_items (model);

            g_string_append_c (out, '[');
            for (guint j = 0; j < n; j++)
              {
                g_autoptr(KeelRecord) child = g_list_model_get_item (model, j);

                if (j > 0)
                  g_string_append_c (out, ',');
                keel_json_write_indent (out, depth + 2);
                _keel_record_write_json (child, out, depth + 2);
              }
            keel_json_write_indent (out, depth + 1);
            g_string_append_c (out, ']');
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (priv->extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, priv->extra);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          int idx;

          /* keel_record_to_json() keeps what it wrote already */
          if (priv->id != NULL && strcmp (key, "id") == 0)
            continue;
          idx = field_index (klass, key);
          if (idx >= 0 && value_is_set (&klass->fields[idx], &priv->values[idx]))
            continue;

          begin_member (out, &first, depth + 1, key);
          keel_json_write_node (member, out, depth + 1);
        }
    }

  if (first)
    {
      g_string_append_c (out, '}');
      return;
    }

  keel_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}

static const char *
json_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      {
        GType t = json_node_get_value_type (node);

        if (t == G_TYPE_STRING)
          return _("a text");
        if (t == G_TYPE_BOOLEAN)
          return _("true or false");
        return _("a number");
      }
    }
}

/* At most 120 bytes of @text, cut between characters, for quoting a value
 * in an error: a hostile file can hold a value of any size, and the
 * message must stay readable. */
static char *
excerpt (const char *text)
{
  gsize n = 0;

  while (n < 120 && text[n] != '\0')
    n++;

  if (text[n] == '\0')
    return g_strdup (text);

  while (n > 0 && ((guchar) text[n] & 0xC0) == 0x80)
    n--;

  return g_strdup_printf ("%.*s…", (int) n, text);
}

static gboolean
invalid (GError    **error,
         const char *where,
         const char *key,
         const char *expected,
         JsonNode   *found)
{
  if (found != NULL && JSON_NODE_HOLDS_VALUE (found) &&
      json_node_get_value_type (found) == G_TYPE_STRING)
    {
      g_autofree char *shown = excerpt (json_node_get_string (found));

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                   _("%s, field “%s”: expected %s, found “%s”"),
                   where, key, expected, shown);
    }
  else
    g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                 _("%s, field “%s”: expected %s, found %s"),
                 where, key, expected,
                 found ? json_type_name (found) : _("nothing"));
  return FALSE;
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static char **
strv_from_json (JsonNode *node)
{
  JsonArray *array;
  GPtrArray *strv;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  strv = g_ptr_array_new_full (json_array_get_length (array) + 1, g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!is_string_node (element))
        {
          g_ptr_array_unref (strv);
          return NULL;
        }
      g_ptr_array_add (strv, g_strdup (json_node_get_string (element)));
    }
  g_ptr_array_add (strv, NULL);

  return (char **) g_ptr_array_free (strv, FALSE);
}

static gboolean
read_field (KeelRecord      *self,
            const KeelField *field,
            GValue          *slot,
            JsonNode        *node,
            const char      *where,
            GError         **error)
{
  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_REF:
      if (!is_string_node (node))
        return invalid (error, where, field->key, _("a text"), node);
      g_value_set_string (slot, json_node_get_string (node)[0] ? json_node_get_string (node) : NULL);
      return TRUE;

    case KEEL_FIELD_ENUM:
      if (!is_string_node (node) || !keel_field_allows (field, json_node_get_string (node)))
        {
          g_autofree char *choices = keel_field_describe_choices (field);
          g_autofree char *expected = g_strdup_printf (_("one of %s"), choices);
          return invalid (error, where, field->key, expected, node);
        }
      g_value_set_string (slot, json_node_get_string (node));
      return TRUE;

    case KEEL_FIELD_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return invalid (error, where, field->key, _("true or false"), node);
      g_value_set_boolean (slot, json_node_get_boolean (node));
      return TRUE;

    case KEEL_FIELD_INT:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return invalid (error, where, field->key, _("a whole number"), node);
      g_value_set_int64 (slot, json_node_get_int (node));
      return TRUE;

    case KEEL_FIELD_DOUBLE:
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_INT64 &&
           json_node_get_value_type (node) != G_TYPE_DOUBLE))
        return invalid (error, where, field->key, _("a number"), node);
      if (!isfinite (json_node_get_double (node)))
        return invalid (error, where, field->key, _("a number of a sensible size"), node);
      g_value_set_double (slot, json_node_get_double (node));
      return TRUE;

    case KEEL_FIELD_DATE:
      {
        g_autoptr(GDateTime) date = is_string_node (node)
          ? keel_date_parse (json_node_get_string (node)) : NULL;

        if (date == NULL)
          return invalid (error, where, field->key, _("a date like 2026-03-31"), node);
        g_value_set_boxed (slot, date);
        return TRUE;
      }

    case KEEL_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) date = is_string_node (node)
          ? keel_date_time_parse (json_node_get_string (node)) : NULL;

        if (date == NULL)
          return invalid (error, where, field->key,
                          _("a date and time like 2026-03-31T10:00:00+02:00"), node);
        g_value_set_boxed (slot, date);
        return TRUE;
      }

    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      {
        g_auto(GStrv) strv = strv_from_json (node);

        if (strv == NULL)
          return invalid (error, where, field->key, _("a list of texts"), node);
        g_value_set_boxed (slot, strv[0] ? strv : NULL);
        return TRUE;
      }

    case KEEL_FIELD_CHILD:
      {
        g_autoptr(KeelRecord) child = NULL;
        g_autofree char *child_where = g_strdup_printf ("%s %s", where, field->key);

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return invalid (error, where, field->key, _("an object"), node);
        child = keel_record_new_from_json (field->child_type (), node, child_where, error);
        if (child == NULL)
          return FALSE;
        g_value_set_object (slot, child);
        adopt (self, child);
        return TRUE;
      }

    case KEEL_FIELD_CHILDREN:
      {
        GListStore *store = g_value_get_object (slot);
        JsonArray *array;
        g_autoptr(GPtrArray) items = NULL;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, where, field->key, _("a list"), node);

        array = json_node_get_array (node);
        items = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            g_autofree char *child_where = g_strdup_printf ("%s %s[%u]", where, field->key, i + 1);
            KeelRecord *child;

            if (!JSON_NODE_HOLDS_OBJECT (element))
              {
                g_autofree char *key = g_strdup_printf ("%s[%u]", field->key, i + 1);
                return invalid (error, where, key, _("an object"), element);
              }
            child = keel_record_new_from_json (field->child_type (), element, child_where, error);
            if (child == NULL)
              return FALSE;
            g_ptr_array_add (items, child);
          }

        g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                             items->pdata, items->len);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * keel_record_new_from_json:
 * @type: a KeelRecord subclass
 * @node: an object node
 * @where: how to name this record in an error ("OBJ-3", "objectives[2]")
 *
 * Reads a record. Members no field knows are kept for writing back; a
 * member of the wrong type is an error that names @where and the field.
 * The id is read but not checked here: the workspace checks ids.
 *
 * Returns: (transfer full) (nullable): the record
 */
KeelRecord *
keel_record_new_from_json (GType        type,
                           JsonNode    *node,
                           const char  *where,
                           GError     **error)
{
  g_autoptr(KeelRecord) self = NULL;
  KeelRecordClass *klass;
  KeelRecordPrivate *priv;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  g_return_val_if_fail (g_type_is_a (type, KEEL_TYPE_RECORD), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                   _("%s: expected an object, found %s"), where, json_type_name (node));
      return NULL;
    }

  self = g_object_new (type, NULL);
  klass = KEEL_RECORD_GET_CLASS (self);
  priv = get_priv (self);

  /* Fill in without notifying: nobody watches a record being read. In the
   * order of the text, which is the order unknown members are kept in. */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      int idx;

      if (klass->id_prefix != NULL && strcmp (key, "id") == 0)
        {
          if (!is_string_node (member))
            {
              invalid (error, where, "id", _("a text"), member);
              return NULL;
            }
          priv->id = g_strdup (json_node_get_string (member));
          continue;
        }

      idx = field_index (klass, key);

      if (idx < 0)
        {
          if (priv->extra == NULL)
            priv->extra = json_object_new ();
          json_object_set_member (priv->extra, key, json_node_copy (member));
          continue;
        }

      /* null means "not set", as if the member were absent */
      if (JSON_NODE_HOLDS_NULL (member))
        continue;

      if (!read_field (self, &klass->fields[idx], &priv->values[idx], member, where, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/* The fast way of keel_record_new_from_json() (see keel-record-private.h):
 * the same checks in the same terms, but any failure only stops @reader. */
static gboolean
read_field_fast (KeelRecord      *self,
                 const KeelField *field,
                 GValue          *slot,
                 KeelJsonReader  *reader)
{
  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_REF:
      {
        gsize length = 0;
        const char *text = keel_json_reader_read_string (reader, &length);

        if (text == NULL)
          return FALSE;
        g_value_set_string (slot, length > 0 ? text : NULL);
        return TRUE;
      }

    case KEEL_FIELD_ENUM:
      {
        const char *text = keel_json_reader_read_string (reader, NULL);

        if (text == NULL || !keel_field_allows (field, text))
          return keel_json_reader_fail (reader);
        g_value_set_string (slot, text);
        return TRUE;
      }

    case KEEL_FIELD_BOOLEAN:
      {
        gboolean value;

        if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_BOOLEAN ||
            !keel_json_reader_read_boolean (reader, &value))
          return keel_json_reader_fail (reader);
        g_value_set_boolean (slot, value);
        return TRUE;
      }

    case KEEL_FIELD_INT:
      {
        gint64 value;

        if (!keel_json_reader_read_int (reader, &value))
          return FALSE;
        g_value_set_int64 (slot, value);
        return TRUE;
      }

    case KEEL_FIELD_DOUBLE:
      {
        double value;

        if (!keel_json_reader_read_double (reader, &value))
          return FALSE;
        g_value_set_double (slot, value);
        return TRUE;
      }

    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
      {
        const char *text = keel_json_reader_read_string (reader, NULL);
        GDateTime *date = NULL;

        if (text != NULL)
          date = field->type == KEEL_FIELD_DATE ? keel_date_parse (text)
                                                : keel_date_time_parse (text);
        if (date == NULL)
          return keel_json_reader_fail (reader);
        g_value_take_boxed (slot, date);
        return TRUE;
      }

    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      {
        g_autoptr(GPtrArray) strv = g_ptr_array_new_with_free_func (g_free);
        guint count = 0;

        if (!keel_json_reader_begin_array (reader))
          return FALSE;
        while (keel_json_reader_next_element (reader, &count))
          {
            const char *text = keel_json_reader_read_string (reader, NULL);

            if (text == NULL)
              return FALSE;
            g_ptr_array_add (strv, g_strdup (text));
          }
        if (keel_json_reader_failed (reader))
          return FALSE;

        if (strv->len > 0)
          {
            g_ptr_array_add (strv, NULL);
            g_ptr_array_set_free_func (strv, NULL);
            g_value_take_boxed (slot, g_ptr_array_free (g_steal_pointer (&strv), FALSE));
          }
        return TRUE;
      }

    case KEEL_FIELD_CHILD:
      {
        KeelRecord *child = _keel_record_read (field->child_type (), reader);

        if (child == NULL)
          return FALSE;
        g_value_take_object (slot, child);
        adopt (self, child);
        return TRUE;
      }

    case KEEL_FIELD_CHILDREN:
      {
        g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
        GListStore *store = g_value_get_object (slot);
        guint count = 0;

        if (!keel_json_reader_begin_array (reader))
          return FALSE;
        while (keel_json_reader_next_element (reader, &count))
          {
            KeelRecord *child = _keel_record_read (field->child_type (), reader);

            if (child == NULL)
              return FALSE;
            g_ptr_array_add (items, child);
          }
        if (keel_json_reader_failed (reader))
          return FALSE;

        g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                             items->pdata, items->len);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

KeelRecord *
_keel_record_read (GType           type,
                   KeelJsonReader *reader)
{
  g_autoptr(KeelRecord) self = NULL;
  KeelRecordClass *klass;
  KeelRecordPrivate *priv;
  const char *key;
  guint64 seen = 0;
  guint count = 0;

  g_return_val_if_fail (g_type_is_a (type, KEEL_TYPE_RECORD), NULL);

  if (!keel_json_reader_begin_object (reader))
    return NULL;

  self = g_object_new (type, NULL);
  klass = KEEL_RECORD_GET_CLASS (self);
  priv = get_priv (self);

  /* A name twice in one object is an error of keel_json_parse(): a bit
   * per field tells, and the table is never that long */
  if (klass->n_fields > 64)
    return (keel_json_reader_fail (reader), NULL);

  while (keel_json_reader_next_member (reader, &count, &key))
    {
      int idx;

      if (klass->id_prefix != NULL && strcmp (key, "id") == 0)
        {
          const char *id;

          if (priv->id != NULL || keel_json_reader_peek (reader) != KEEL_JSON_VALUE_STRING)
            return (keel_json_reader_fail (reader), NULL);
          id = keel_json_reader_read_string (reader, NULL);
          if (id == NULL)
            return NULL;
          priv->id = g_strdup (id);
          continue;
        }

      idx = field_index (klass, key);

      if (idx < 0)
        {
          g_autofree char *name = g_strdup (key);
          JsonNode *member;

          if (priv->extra == NULL)
            priv->extra = json_object_new ();
          else if (json_object_has_member (priv->extra, name))
            return (keel_json_reader_fail (reader), NULL);

          member = keel_json_reader_read_node (reader);
          if (member == NULL)
            return NULL;
          json_object_set_member (priv->extra, name, member);
          continue;
        }

      if (seen & (G_GUINT64_CONSTANT (1) << idx))
        return (keel_json_reader_fail (reader), NULL);
      seen |= G_GUINT64_CONSTANT (1) << idx;

      /* null means "not set", as if the member were absent */
      if (keel_json_reader_peek (reader) == KEEL_JSON_VALUE_NULL)
        {
          if (!keel_json_reader_read_null (reader))
            return NULL;
          continue;
        }

      if (!read_field_fast (self, &klass->fields[idx], &priv->values[idx], reader))
        return (keel_json_reader_fail (reader), NULL);
    }

  if (keel_json_reader_failed (reader))
    return NULL;

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------ */
/* Values: copy, assign, compare                                            */
/* ------------------------------------------------------------------------ */

static gboolean
date_equal (GDateTime *a,
            GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
field_equal (const KeelField *field,
             const GValue    *a,
             const GValue    *b)
{
  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case KEEL_FIELD_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case KEEL_FIELD_INT:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case KEEL_FIELD_DOUBLE:
      {
        double x = g_value_get_double (a);
        double y = g_value_get_double (b);

        return (isnan (x) && isnan (y)) || x == y;
      }
    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
      return date_equal (g_value_get_boxed (a), g_value_get_boxed (b));
    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      return strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
    case KEEL_FIELD_CHILD:
      {
        KeelRecord *x = g_value_get_object (a);
        KeelRecord *y = g_value_get_object (b);

        if (x == NULL || y == NULL)
          return x == y;
        return keel_record_equal (x, y);
      }
    case KEEL_FIELD_CHILDREN:
      {
        GListModel *x = g_value_get_object (a);
        GListModel *y = g_value_get_object (b);
        guint n = g_list_model_get_n_items (x);

        if (n != g_list_model_get_n_items (y))
          return FALSE;
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(KeelRecord) p = g_list_model_get_item (x, i);
            g_autoptr(KeelRecord) q = g_list_model_get_item (y, i);

            if (!keel_record_equal (p, q))
              return FALSE;
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Copies the parts of a CHILDREN field into a new array of new records */
static GPtrArray *
copy_parts (GListModel *parts)
{
  guint n = g_list_model_get_n_items (parts);
  GPtrArray *copies = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) part = g_list_model_get_item (parts, i);

      g_ptr_array_add (copies, keel_record_copy (part));
    }

  return copies;
}

/* Gives field @i of @dst the value of @src's; TRUE when it changed */
static gboolean
assign_field (KeelRecord *dst,
              KeelRecord *src,
              guint       i)
{
  const KeelField *field = &KEEL_RECORD_GET_CLASS (dst)->fields[i];
  GValue *to = &get_priv (dst)->values[i];
  const GValue *from = &get_priv (src)->values[i];

  if (field_equal (field, to, from))
    return FALSE;

  if (field->type == KEEL_FIELD_CHILDREN)
    {
      g_autoptr(GPtrArray) copies = copy_parts (g_value_get_object (from));
      GListStore *store = g_value_get_object (to);

      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                           copies->pdata, copies->len);
      return FALSE;  /* the store tells its own change */
    }

  if (field->type == KEEL_FIELD_CHILD && g_value_get_object (from) != NULL)
    {
      g_auto(GValue) copy = G_VALUE_INIT;

      g_value_init (&copy, G_VALUE_TYPE (from));
      g_value_take_object (&copy, keel_record_copy (g_value_get_object (from)));
      return store_value (dst, field, to, &copy);
    }

  return store_value (dst, field, to, from);
}

/**
 * keel_record_copy:
 *
 * Returns: (transfer full): a deep copy, id and unknown members included
 */
KeelRecord *
keel_record_copy (KeelRecord *self)
{
  KeelRecordPrivate *priv;
  KeelRecordPrivate *copy_priv;
  KeelRecord *copy;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  priv = get_priv (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  copy_priv = get_priv (copy);
  copy_priv->id = g_strdup (priv->id);

  for (guint i = 0; i < priv->n_values; i++)
    assign_field (copy, self, i);

  if (priv->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      copy_priv->extra = json_object_new ();
      json_object_iter_init_ordered (&iter, priv->extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (copy_priv->extra, name, json_node_copy (member));
    }

  return copy;
}

/**
 * keel_record_assign:
 * @dst: the record to change
 * @src: a record of the same kind
 *
 * Gives @dst every field value of @src (parts as fresh copies), keeping
 * the id and the unknown members of @dst; notifies each property that
 * changed (which emits "changed").
 */
void
keel_record_assign (KeelRecord *dst,
                    KeelRecord *src)
{
  KeelRecordClass *klass;

  g_return_if_fail (KEEL_IS_RECORD (dst));
  g_return_if_fail (KEEL_IS_RECORD (src));
  g_return_if_fail (G_OBJECT_TYPE (dst) == G_OBJECT_TYPE (src));

  klass = KEEL_RECORD_GET_CLASS (dst);

  g_object_freeze_notify (G_OBJECT (dst));
  for (guint i = 0; i < klass->n_fields; i++)
    if (assign_field (dst, src, i))
      g_object_notify_by_pspec (G_OBJECT (dst), klass->pspecs[i]);
  g_object_thaw_notify (G_OBJECT (dst));
}

/**
 * keel_record_equal:
 *
 * Returns: whether @a and @b, of the same kind, hold the same values in
 *   every field, parts included; ids and unknown members are not compared
 */
gboolean
keel_record_equal (KeelRecord *a,
                   KeelRecord *b)
{
  KeelRecordClass *klass;

  g_return_val_if_fail (KEEL_IS_RECORD (a), FALSE);
  g_return_val_if_fail (KEEL_IS_RECORD (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  klass = KEEL_RECORD_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!field_equal (&klass->fields[i], &get_priv (a)->values[i], &get_priv (b)->values[i]))
      return FALSE;

  return TRUE;
}

/**
 * keel_record_new_for_kind:
 *
 * Returns: (transfer full): a new record of @kind whose fields hold their
 *   default values; no id yet
 */
KeelRecord *
keel_record_new_for_kind (const KeelKind *kind)
{
  KeelRecord *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (keel_kind_get_gtype (kind), NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const KeelField *field = &kind->fields[i];

      if (field->default_value == NULL)
        continue;

      switch (field->type)
        {
        case KEEL_FIELD_STRING:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_REF:
          keel_record_set_string (self, field->key, field->default_value);
          break;
        case KEEL_FIELD_BOOLEAN:
          keel_record_set_boolean (self, field->key, g_str_equal (field->default_value, "true"));
          break;
        case KEEL_FIELD_INT:
          keel_record_set_int (self, field->key, g_ascii_strtoll (field->default_value, NULL, 10));
          break;
        case KEEL_FIELD_DOUBLE:
          keel_record_set_double (self, field->key, g_ascii_strtod (field->default_value, NULL));
          break;
        case KEEL_FIELD_DATE:
        case KEEL_FIELD_DATETIME:
        case KEEL_FIELD_REF_LIST:
        case KEEL_FIELD_STRV:
        case KEEL_FIELD_CHILD:
        case KEEL_FIELD_CHILDREN:
        default:
          g_critical ("Field “%s” of a %s can't have a default", field->key, kind->name);
          break;
        }
    }

  return self;
}

/**
 * _keel_record_set_watch:
 * @func: (nullable): called after every "changed" of @self, parts included
 *
 * For the workspace holding @self: one watch per record.
 */
void
_keel_record_set_watch (KeelRecord          *self,
                        KeelRecordWatchFunc  func,
                        gpointer             data)
{
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);

  g_return_if_fail (KEEL_IS_RECORD (self));

  priv->watch = func;
  priv->watch_data = func != NULL ? data : NULL;
}

/**
 * _keel_record_unwatch:
 *
 * Removes the watch of @self if it was set with @data.
 */
void
_keel_record_unwatch (KeelRecord *self,
                      gpointer    data)
{
  KeelRecordPrivate *priv = keel_record_get_instance_private (self);

  g_return_if_fail (KEEL_IS_RECORD (self));

  if (priv->watch_data == data)
    {
      priv->watch = NULL;
      priv->watch_data = NULL;
    }
}
