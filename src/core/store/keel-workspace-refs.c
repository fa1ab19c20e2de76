/* keel-workspace-refs.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include "keel-workspace-private.h"

/* Walking the references between records: every REF and REF_LIST field of
 * every record and of its parts, with the path to it ("readings[2].by"). */

void
keel_reference_free (KeelReference *reference)
{
  if (reference == NULL)
    return;

  g_clear_object (&reference->record);
  g_free (reference->field);
  g_free (reference);
}

static void
visit_refs (KeelRecord *top,
            KeelRecord *record,
            const char *prefix,
            KeelWorkspaceVisitRef visit,
            gpointer    user_data)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      g_autofree char *path = prefix ? g_strdup_printf ("%s.%s", prefix, field->key)
                                     : g_strdup (field->key);

      switch (field->type)
        {
        case KEEL_FIELD_REF:
          if (keel_record_is_set (record, field->key))
            visit (top, record, field, path, keel_record_get_string (record, field->key), user_data);
          break;

        case KEEL_FIELD_REF_LIST:
          {
            const char * const *ids = keel_record_get_strv (record, field->key);

            for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
              visit (top, record, field, path, ids[j], user_data);
          }
          break;

        case KEEL_FIELD_CHILD:
          if (keel_record_get_child (record, field->key) != NULL)
            visit_refs (top, keel_record_get_child (record, field->key), path, visit, user_data);
          break;

        case KEEL_FIELD_CHILDREN:
          {
            GListModel *model = G_LIST_MODEL (keel_record_get_children (record, field->key));

            for (guint j = 0; j < g_list_model_get_n_items (model); j++)
              {
                g_autoptr(KeelRecord) child = g_list_model_get_item (model, j);
                g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, j + 1);

                visit_refs (top, child, child_path, visit, user_data);
              }
          }
          break;

        case KEEL_FIELD_STRING:
        case KEEL_FIELD_BOOLEAN:
        case KEEL_FIELD_INT:
        case KEEL_FIELD_DOUBLE:
        case KEEL_FIELD_DATE:
        case KEEL_FIELD_DATETIME:
        case KEEL_FIELD_ENUM:
        case KEEL_FIELD_STRV:
        default:
          break;
        }
    }
}

void
_keel_workspace_for_each_ref (KeelWorkspace         *self,
                              KeelWorkspaceVisitRef  visit,
                              gpointer               user_data)
{
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[k]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
          visit_refs (record, record, NULL, visit, user_data);
        }
    }
}

typedef struct
{
  const char *id;
  GPtrArray  *found;
} FindRefs;

static void
find_ref_cb (KeelRecord      *top,
             KeelRecord      *part,
             const KeelField *field,
             const char      *path,
             const char      *target,
             gpointer         user_data)
{
  FindRefs *find = user_data;
  KeelReference *ref;

  if (g_strcmp0 (target, find->id) != 0)
    return;

  ref = g_new0 (KeelReference, 1);
  ref->record = g_object_ref (top);
  ref->field = g_strdup (path);
  g_ptr_array_add (find->found, ref);
}

/**
 * keel_workspace_find_references:
 *
 * Returns: (transfer full) (element-type KeelReference): every place that
 *   refers to @id, so that deleting it can ask what to do with them
 */
GPtrArray *
keel_workspace_find_references (KeelWorkspace *self,
                                const char    *id)
{
  FindRefs find = { id, g_ptr_array_new_with_free_func ((GDestroyNotify) keel_reference_free) };

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), find.found);
  g_return_val_if_fail (id != NULL, find.found);

  _keel_workspace_for_each_ref (self, find_ref_cb, &find);

  return find.found;
}
