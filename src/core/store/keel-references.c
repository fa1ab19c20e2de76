/* keel-references.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-references"

#include "config.h"

#include <string.h>

#include "keel-references.h"

/* Records refer to each other by id. Before a record goes, whatever refers
 * to it is given another record to refer to, so that nothing is left
 * pointing at a record that no longer exists. */

struct _KeelReferenceSnapshot
{
  GPtrArray *entries;
};

typedef struct
{
  KeelRecord *part;
  char       *key;
  GStrv       ids;     /* REF_LIST: the list as it was */
  char       *id;      /* REF: the id as it was */
  guint       is_list : 1;
} SnapshotEntry;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
snapshot_entry_free (SnapshotEntry *entry)
{
  g_clear_object (&entry->part);
  g_free (entry->key);
  g_strfreev (entry->ids);
  g_free (entry->id);
  g_free (entry);
}

/* Splits "readings[2]" into "readings" and 2; "by" into "by" and 0 */
static gboolean
parse_segment (const char  *segment,
               char       **key,
               guint       *index)
{
  const char *bracket = strchr (segment, '[');
  guint64 number;
  char *end = NULL;

  if (bracket == NULL)
    {
      if (segment[0] == '\0')
        return FALSE;
      *key = g_strdup (segment);
      *index = 0;
      return TRUE;
    }

  if (bracket == segment || !g_ascii_isdigit (bracket[1]))
    return FALSE;

  number = g_ascii_strtoull (bracket + 1, &end, 10);
  /* g_ascii_strtoull() always sets @end */
  if (end[0] != ']' || end[1] != '\0' || number == 0 || number > G_MAXUINT)
    return FALSE;

  *key = g_strndup (segment, bracket - segment);
  *index = (guint) number;

  return TRUE;
}

static gboolean
is_reference_field (const KeelField *field)
{
  return field->type == KEEL_FIELD_REF || field->type == KEEL_FIELD_REF_LIST;
}

/* The list (that holds @old_id) with @old_id replaced by @new_id, without
 * a duplicate */
static GStrv
replace_in_list (const char * const *ids,
                 const char         *old_id,
                 const char         *new_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean has_new = g_strv_contains (ids, new_id);
  gboolean placed = FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_strcmp0 (ids[i], old_id) == 0)
        {
          if (!has_new && !placed)
            {
              g_strv_builder_add (builder, new_id);
              placed = TRUE;
            }
        }
      else
        g_strv_builder_add (builder, ids[i]);
    }

  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * keel_reference_resolve:
 * @record: a record
 * @path: a field path, as in a #KeelReference
 * @part: (out) (transfer none): the record or part that holds the field
 * @key: (out) (transfer full): the key of the field in @part
 *
 * Returns: %TRUE if @path names a reference field of @record or of one of
 *   its parts
 */
gboolean
keel_reference_resolve (KeelRecord  *record,
                        const char  *path,
                        KeelRecord **part,
                        char       **key)
{
  g_auto(GStrv) segments = NULL;
  KeelRecord *current = record;
  guint n;

  g_return_val_if_fail (KEEL_IS_RECORD (record), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (part != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  segments = g_strsplit (path, ".", -1);
  n = g_strv_length (segments);
  if (n == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = NULL;
      const KeelField *field;
      guint index;

      if (!parse_segment (segments[i], &name, &index))
        return FALSE;

      field = keel_record_find_field (current, name);
      if (field == NULL)
        return FALSE;

      if (i + 1 == n)
        {
          if (index != 0 || !is_reference_field (field))
            return FALSE;
          *part = current;
          *key = g_steal_pointer (&name);
          return TRUE;
        }

      if (field->type == KEEL_FIELD_CHILD && index == 0)
        current = keel_record_get_child (current, name);
      else if (field->type == KEEL_FIELD_CHILDREN && index > 0)
        {
          GListModel *children = G_LIST_MODEL (keel_record_get_children (current, name));
          g_autoptr(KeelRecord) child = NULL;

          if (index > g_list_model_get_n_items (children))
            return FALSE;
          child = g_list_model_get_item (children, index - 1);
          current = child;  /* the store keeps it alive */
        }
      else
        return FALSE;

      if (current == NULL)
        return FALSE;
    }

  return FALSE;
}

/**
 * keel_workspace_reassign_references:
 * @old_id: the record that is going away
 * @new_id: the record to refer to instead
 *
 * Returns: %TRUE if every reference to @old_id now refers to @new_id
 */
gboolean
keel_workspace_reassign_references (KeelWorkspace *self,
                                    const char    *old_id,
                                    const char    *new_id)
{
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GPtrArray) left = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (old_id != NULL, FALSE);
  g_return_val_if_fail (new_id != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (old_id, new_id) != 0, FALSE);

  references = keel_workspace_find_references (self, old_id);

  for (guint i = 0; i < references->len; i++)
    {
      KeelReference *reference = g_ptr_array_index (references, i);
      g_autofree char *key = NULL;
      const KeelField *field;
      KeelRecord *part = NULL;

      if (!keel_reference_resolve (reference->record, reference->field, &part, &key))
        {
          g_warning ("Cannot follow the reference %s of %s",
                     reference->field, keel_record_get_id (reference->record));
          ok = FALSE;
          continue;
        }

      field = keel_record_find_field (part, key);

      /* A single reference is found once, and it holds @old_id */
      if (field->type == KEEL_FIELD_REF)
        keel_record_set_string (part, key, new_id);
      else
        {
          const char * const *ids = keel_record_get_strv (part, key);

          /* An id listed twice shows up twice; the first pass did it (and
           * left @new_id in the list, so it is never empty) */
          if (g_strv_contains (ids, old_id))
            {
              g_auto(GStrv) replaced = replace_in_list (ids, old_id, new_id);
              keel_record_set_strv (part, key, (const char * const *) replaced);
            }
        }
    }

  left = keel_workspace_find_references (self, old_id);

  return ok && left->len == 0;
}

/**
 * keel_reference_snapshot_new:
 * @references: (element-type KeelReference): references
 *
 * Returns: (transfer full): the current values of the fields named
 */
KeelReferenceSnapshot *
keel_reference_snapshot_new (GPtrArray *references)
{
  KeelReferenceSnapshot *snapshot = g_new0 (KeelReferenceSnapshot, 1);

  snapshot->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_entry_free);

  g_return_val_if_fail (references != NULL, snapshot);

  for (guint i = 0; i < references->len; i++)
    {
      KeelReference *reference = g_ptr_array_index (references, i);
      g_autofree char *key = NULL;
      KeelRecord *part = NULL;
      const KeelField *field;
      SnapshotEntry *entry;
      gboolean seen = FALSE;

      if (!keel_reference_resolve (reference->record, reference->field, &part, &key))
        continue;

      /* The same list field shows up once per id it holds */
      for (guint j = 0; j < snapshot->entries->len && !seen; j++)
        {
          SnapshotEntry *other = g_ptr_array_index (snapshot->entries, j);
          seen = other->part == part && g_strcmp0 (other->key, key) == 0;
        }
      if (seen)
        continue;

      field = keel_record_find_field (part, key);

      entry = g_new0 (SnapshotEntry, 1);
      entry->part = g_object_ref (part);
      entry->key = g_steal_pointer (&key);
      entry->is_list = field->type == KEEL_FIELD_REF_LIST;
      if (entry->is_list)
        entry->ids = g_strdupv ((char **) keel_record_get_strv (part, entry->key));
      else
        entry->id = g_strdup (keel_record_get_string (part, entry->key));

      g_ptr_array_add (snapshot->entries, entry);
    }

  return snapshot;
}

/**
 * keel_reference_snapshot_restore:
 *
 * Puts back the values the fields held when @snapshot was taken.
 */
void
keel_reference_snapshot_restore (KeelReferenceSnapshot *snapshot)
{
  g_return_if_fail (snapshot != NULL);

  for (guint i = 0; i < snapshot->entries->len; i++)
    {
      SnapshotEntry *entry = g_ptr_array_index (snapshot->entries, i);

      if (entry->is_list)
        keel_record_set_strv (entry->part, entry->key, (const char * const *) entry->ids);
      else
        keel_record_set_string (entry->part, entry->key, entry->id);
    }
}

void
keel_reference_snapshot_free (KeelReferenceSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->entries, g_ptr_array_unref);
  g_free (snapshot);
}
