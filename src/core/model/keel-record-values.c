/* keel-record-values.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-record"

#include "config.h"

#include <math.h>
#include <string.h>

#include "keel-kind.h"
#include "keel-record-private.h"

/* What is done to a record's values as a whole: a new record with the
 * kind's defaults, a deep copy, assigning one record's values to another
 * (for an editor's draft) and comparing two. keel-record.c holds the
 * values themselves and their properties. */

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal (a, b);
}

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
  GValue *to = &_keel_record_get_values (dst)[i];
  const GValue *from = &_keel_record_get_values (src)[i];

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
      return _keel_record_store_value (dst, field, to, &copy);
    }

  return _keel_record_store_value (dst, field, to, from);
}

/**
 * keel_record_copy:
 *
 * Returns: (transfer full): a deep copy, id and unknown members included
 */
KeelRecord *
keel_record_copy (KeelRecord *self)
{
  KeelRecordClass *klass;
  JsonObject *extra;
  KeelRecord *copy;

  g_return_val_if_fail (KEEL_IS_RECORD (self), NULL);

  klass = KEEL_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  _keel_record_take_id (copy, g_strdup (keel_record_get_id (self)));

  for (guint i = 0; i < klass->n_fields; i++)
    assign_field (copy, self, i);

  extra = _keel_record_get_extra (self);
  if (extra != NULL)
    {
      JsonObject *copy_extra = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (copy_extra, name, json_node_copy (member));
      _keel_record_take_extra (copy, copy_extra);
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
    if (!field_equal (&klass->fields[i], &_keel_record_get_values (a)[i],
                      &_keel_record_get_values (b)[i]))
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
