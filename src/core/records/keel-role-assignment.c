/* keel-role-assignment.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-role-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-role-assignment.h"

/* RoleAssignment: a record kind of keel.json ("roles"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice raci_choices[] = {
  { "R", N_("Responsible") },
  { "A", N_("Accountable") },
  { "C", N_("Consulted") },
  { "I", N_("Informed") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "activity", KEEL_FIELD_STRING, N_("Activity"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "person", KEEL_FIELD_REF, N_("Person"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "raci", KEEL_FIELD_ENUM, N_("Responsibility"), NULL, NULL, KEEL_FIELD_REQUIRED, raci_choices, NULL },
};

static const KeelKind kind = {
  .name = "role-assignment",
  .collection = "roles",
  .id_prefix = "RACI",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Role assignment"),
  .plural_label = N_("Roles"),
  .sort_key = "activity",
  .get_type = keel_role_assignment_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelRoleAssignment, keel_role_assignment, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

/* @activity folded for comparison (transfer full) */
static char *
activity_key (const char *activity)
{
  g_autofree char *stripped = g_strstrip (g_strdup (activity != NULL ? activity : ""));

  return g_utf8_casefold (stripped, -1);
}

gboolean
keel_role_assignment_same_activity (const char *a,
                                    const char *b)
{
  g_autofree char *key_a = activity_key (a);
  g_autofree char *key_b = activity_key (b);

  return g_strcmp0 (key_a, key_b) == 0;
}

GPtrArray *
keel_role_assignment_list_accountable (GListModel *roles,
                                       const char *activity)
{
  g_autofree char *key = NULL;
  GPtrArray *people;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (roles), NULL);

  key = activity_key (activity);
  people = g_ptr_array_new ();
  n = g_list_model_get_n_items (roles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) role = g_list_model_get_item (roles, i);
      g_autofree char *role_key = NULL;
      const char *person;

      if (g_strcmp0 (keel_record_get_string (role, "raci"), "A") != 0)
        continue;
      person = keel_record_get_string (role, "person");
      if (person == NULL || g_ptr_array_find_with_equal_func (people, person, g_str_equal, NULL))
        continue;
      role_key = activity_key (keel_record_get_string (role, "activity"));
      if (g_strcmp0 (role_key, key) == 0)
        g_ptr_array_add (people, (gpointer) person);
    }

  return people;
}

guint
keel_role_assignment_count_unaccountable (GListModel *roles)
{
  g_autoptr(GHashTable) activities = NULL;
  GHashTableIter iter;
  gpointer value;
  guint count = 0;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (roles), 0);

  /* folded activity → whether someone is accountable for it */
  activities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (roles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) role = g_list_model_get_item (roles, i);
      char *key = activity_key (keel_record_get_string (role, "activity"));
      gboolean accountable = g_strcmp0 (keel_record_get_string (role, "raci"), "A") == 0
                             && keel_record_get_string (role, "person") != NULL;

      if (*key == '\0')
        {
          g_free (key);
          continue;
        }
      accountable |= GPOINTER_TO_INT (g_hash_table_lookup (activities, key));
      g_hash_table_insert (activities, key, GINT_TO_POINTER (accountable));
    }

  g_hash_table_iter_init (&iter, activities);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!GPOINTER_TO_INT (value))
      count++;

  return count;
}
