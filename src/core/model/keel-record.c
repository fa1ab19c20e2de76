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

#include "keel-date.h"
#include "keel-error.h"
#include "keel-record-private.h"

/* A record is a GObject whose properties are declared by a table of
 * KeelField. Every kind of record in keel.json (and every part of one, such
 * as a reading or a policy version) is a small final subclass that only
 * supplies its table; this class turns the table into GObject properties
 * and stores the values (format/keel-record-json.c reads and writes them
 * as JSON). Members of the JSON that
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

GValue *
_keel_record_lookup_value (KeelRecord       *self,
                           const char       *key,
                           KeelFieldType     type,
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
gboolean
_keel_record_store_value (KeelRecord      *self,
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

void
_keel_record_set_field (KeelRecord   *self,
                        const char   *key,
                        KeelFieldType type,
                        const GValue *value)
{
  const KeelField *field = NULL;
  GValue *slot = _keel_record_lookup_value (self, key, type, &field);
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (self);

  if (slot == NULL)
    return;

  if (_keel_record_store_value (self, field, slot, value))
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
  if (_keel_record_store_value (self, field, &priv->values[prop_id - 1], value))
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

/* ------------------------------------------------------------------------ */
/* For the codec of keel.json                                               */
/* ------------------------------------------------------------------------ */

/* The record's values in table order, read and written in place by
 * format/keel-record-json.c without notifying: nobody watches a record
 * that is being read. */
GValue *
_keel_record_get_values (KeelRecord *self)
{
  return get_priv (self)->values;
}

void
_keel_record_take_id (KeelRecord *self,
                      char       *id)
{
  KeelRecordPrivate *priv = get_priv (self);

  g_free (priv->id);
  priv->id = id;
}

/* The members no field knows, in the order they were read, or NULL */
JsonObject *
_keel_record_get_extra (KeelRecord *self)
{
  return get_priv (self)->extra;
}

void
_keel_record_take_extra (KeelRecord *self,
                         JsonObject *extra)
{
  KeelRecordPrivate *priv = get_priv (self);

  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

gboolean
_keel_record_value_is_set (const KeelField *field,
                           const GValue    *value)
{
  return value_is_set (field, value);
}

int
_keel_record_field_index (KeelRecordClass *klass,
                          const char      *key)
{
  return field_index (klass, key);
}

/* @child, just read into a CHILD field of @self, is a part of it now */
void
_keel_record_adopt (KeelRecord *self,
                    KeelRecord *child)
{
  adopt (self, child);
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
