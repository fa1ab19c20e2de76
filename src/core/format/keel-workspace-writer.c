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
#include "keel-record-json.h"
#include "keel-workspace.h"
#include "keel-workspace-format.h"

/* The one writer of keel.json: the same records give the same bytes,
 * pretty-printed with two-space indents and keys in a stable order. */

/* The text of keel.json, written straight from the records: the format
 * and version, the organisation, every list in keel_workspace_get_kinds()
 * order (empty ones too), the counters sorted by key, then the top-level
 * members Keel does not know, in the order they were read. */
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
  keel_record_json_write (KEEL_RECORD (content->organisation), out, 1);

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
          keel_record_json_write (record, out, 2);
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
