/* keel-test-sample.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test-sample"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keel-date.h"
#include "keel-json.h"
#include "keel-test-util.h"

/* For check-schema.py:
 *   keel-test-sample FOLDER    writes a workspace with two records of every
 *                              kind and every field set into FOLDER
 *   keel-test-sample --fields  prints the field tables of every kind and
 *                              part as JSON, to hold the schema against */

static const char *
type_name (KeelFieldType type)
{
  switch (type)
    {
    case KEEL_FIELD_STRING: return "string";
    case KEEL_FIELD_BOOLEAN: return "boolean";
    case KEEL_FIELD_INT: return "int";
    case KEEL_FIELD_DOUBLE: return "double";
    case KEEL_FIELD_DATE: return "date";
    case KEEL_FIELD_DATETIME: return "datetime";
    case KEEL_FIELD_ENUM: return "enum";
    case KEEL_FIELD_REF: return "ref";
    case KEEL_FIELD_REF_LIST: return "ref-list";
    case KEEL_FIELD_STRV: return "strv";
    case KEEL_FIELD_CHILD: return "child";
    case KEEL_FIELD_CHILDREN: return "children";
    default: g_assert_not_reached ();
    }
}

static void
add_kind (JsonObject *kinds,
          GType       type)
{
  g_autoptr(GTypeClass) tclass = g_type_class_ref (type);
  KeelRecordClass *klass = KEEL_RECORD_CLASS (tclass);
  JsonObject *kind;
  JsonArray *fields;

  if (json_object_has_member (kinds, klass->kind))
    return;

  kind = json_object_new ();
  fields = json_array_new ();
  json_object_set_object_member (kinds, klass->kind, kind);

  if (klass->collection != NULL)
    json_object_set_string_member (kind, "collection", klass->collection);
  else
    json_object_set_null_member (kind, "collection");
  if (klass->id_prefix != NULL)
    json_object_set_string_member (kind, "prefix", klass->id_prefix);
  else
    json_object_set_null_member (kind, "prefix");

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      JsonObject *f = json_object_new ();

      json_object_set_string_member (f, "key", field->key);
      json_object_set_string_member (f, "type", type_name (field->type));
      json_object_set_string_member (f, "label", field->label);
      if (field->type == KEEL_FIELD_ENUM)
        {
          g_autofree char *choices = keel_field_describe_choices (field);

          json_object_set_string_member (f, "detail", g_strdelimit (choices, "/", '|'));
        }
      else if (field->ref_kind != NULL)
        json_object_set_string_member (f, "detail", field->ref_kind);
      else
        json_object_set_null_member (f, "detail");
      json_object_set_boolean_member (f, "required", (field->flags & KEEL_FIELD_REQUIRED) != 0);

      if (field->child_type != NULL)
        {
          g_autoptr(GTypeClass) cclass = g_type_class_ref (field->child_type ());

          json_object_set_string_member (f, "child", KEEL_RECORD_CLASS (cclass)->kind);
          add_kind (kinds, field->child_type ());
        }
      else
        json_object_set_null_member (f, "child");

      json_array_add_object_element (fields, f);
    }

  json_object_set_array_member (kind, "fields", fields);
}

static int
print_fields (void)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *kinds = json_object_new ();
  JsonArray *order = json_array_new ();
  guint n_kinds;
  const GType *types = keel_workspace_get_kinds (&n_kinds);
  JsonObject *top = json_object_new ();

  add_kind (kinds, KEEL_TYPE_ORGANISATION);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GTypeClass) tclass = g_type_class_ref (types[k]);

      json_array_add_string_element (order, KEEL_RECORD_CLASS (tclass)->kind);
      add_kind (kinds, types[k]);
    }

  json_object_set_array_member (top, "collections", order);
  json_object_set_object_member (top, "kinds", kinds);
  json_node_take_object (root, top);

  bytes = keel_json_to_bytes (root);
  fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);

  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FOLDER | --fields\n", argv[0]);
      return 2;
    }

  if (strcmp (argv[1], "--fields") == 0)
    return print_fields ();

  today = keel_date_new (KEEL_TEST_TODAY_Y, KEEL_TEST_TODAY_M, KEEL_TEST_TODAY_D);
  keel_date_set_today (today);

  folder = g_file_new_for_commandline_arg (argv[1]);
  workspace = keel_test_new_full_workspace (folder);

  if (!keel_workspace_save (workspace, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return EXIT_SUCCESS;
}
