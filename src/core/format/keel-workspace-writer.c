/* keel-workspace-writer.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace-writer"

#include "config.h"

#include <string.h>

#include "keel-json.h"
#include "keel-record-private.h"
#include "keel-workspace.h"
#include "keel-workspace-format.h"

/* The one writer of keel.json: the same records give the same bytes. */

JsonNode *
keel_workspace_writer_build_tree (const KeelWorkspaceContent *content)
{
  JsonObject *object = json_object_new ();
  JsonObject *counters = json_object_new ();
  g_autoptr(GList) keys = NULL;
  JsonNode *node;
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  json_object_set_string_member (object, "format", KEEL_WORKSPACE_FORMAT);
  json_object_set_int_member (object, "version", KEEL_WORKSPACE_VERSION);
  json_object_set_member (object, "organisation",
                          keel_record_to_json (KEEL_RECORD (content->organisation)));

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GTypeClass) tclass = g_type_class_ref (kinds[k]);
      GListModel *model = G_LIST_MODEL (content->stores[k]);
      guint n = g_list_model_get_n_items (model);
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
          json_array_add_element (array, keel_record_to_json (record));
        }

      json_object_set_array_member (object, KEEL_RECORD_CLASS (tclass)->collection, array);
    }

  keys = g_hash_table_get_keys (content->counters);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (const GList *l = keys; l; l = l->next)
    json_object_set_int_member (counters, l->data,
                                GPOINTER_TO_UINT (g_hash_table_lookup (content->counters, l->data)));
  json_object_set_object_member (object, "counters", counters);

  if (content->extra != NULL)
    {
      g_autoptr(GList) extra = json_object_get_members (content->extra);

      for (const GList *l = extra; l; l = l->next)
        json_object_set_member (object, l->data,
                                json_node_copy (json_object_get_member (content->extra, l->data)));
    }

  /* take, not init: json_node_init_object() adds a reference of its own */
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

/* The text of keel.json: the bytes keel_json_to_bytes() gives for
 * keel_workspace_writer_build_tree(), written straight from the records */
GBytes *
keel_workspace_writer_write_text (const KeelWorkspaceContent *content)
{
  GString *out = g_string_sized_new (64 * 1024);
  g_autoptr(GList) keys = NULL;
  const char * const *collections = keel_workspace_reader_collections ();
  gboolean first = TRUE;
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  g_string_append (out, "{");
  keel_json_write_indent (out, 1);
  g_string_append (out, "\"format\": ");
  keel_json_write_string (out, KEEL_WORKSPACE_FORMAT);
  g_string_append_c (out, ',');
  keel_json_write_indent (out, 1);
  g_string_append_printf (out, "\"version\": %d,", KEEL_WORKSPACE_VERSION);
  keel_json_write_indent (out, 1);
  g_string_append (out, "\"organisation\": ");
  _keel_record_write_json (KEEL_RECORD (content->organisation), out, 1);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = G_LIST_MODEL (content->stores[k]);
      guint n = g_list_model_get_n_items (model);

      g_string_append_c (out, ',');
      keel_json_write_indent (out, 1);
      keel_json_write_string (out, collections[k]);
      if (n == 0)
        {
          g_string_append (out, ": []");
          continue;
        }

      g_string_append (out, ": [");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);

          if (i > 0)
            g_string_append_c (out, ',');
          keel_json_write_indent (out, 2);
          _keel_record_write_json (record, out, 2);
        }
      keel_json_write_indent (out, 1);
      g_string_append_c (out, ']');
    }

  g_string_append_c (out, ',');
  keel_json_write_indent (out, 1);
  g_string_append (out, "\"counters\": {");
  keys = g_hash_table_get_keys (content->counters);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (const GList *l = keys; l; l = l->next)
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      keel_json_write_indent (out, 2);
      keel_json_write_string (out, l->data);
      g_string_append_printf (out, ": %u",
                              GPOINTER_TO_UINT (g_hash_table_lookup (content->counters, l->data)));
    }
  if (!first)
    keel_json_write_indent (out, 1);
  g_string_append_c (out, '}');

  if (content->extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, content->extra);
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          g_string_append_c (out, ',');
          keel_json_write_indent (out, 1);
          keel_json_write_string (out, key);
          g_string_append (out, ": ");
          keel_json_write_node (member, out, 1);
        }
    }

  keel_json_write_indent (out, 0);
  g_string_append (out, "}\n");

  return g_string_free_to_bytes (out);
}
