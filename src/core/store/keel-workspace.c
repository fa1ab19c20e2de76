/* keel-workspace.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include <string.h>

#include "keel-date.h"
#include "keel-record-private.h"
#include "keel-records.h"
#include "keel-workspace-private.h"

/* The workspace object: its properties and signals, a GListStore per kind
 * of record, and adding, inserting, removing and finding records. Loading
 * and saving are in keel-workspace-io.c (see keel-workspace-private.h). */

G_DEFINE_FINAL_TYPE (KeelWorkspace, keel_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_AUTOSAVE,
  PROP_DIRTY,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _keel_workspace_signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Kinds                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * keel_workspace_get_kinds:
 *
 * Returns: (array length=n_kinds): the record types of keel.json, in the
 *   order their lists are written
 */
const GType *
keel_workspace_get_kinds (guint *n_kinds)
{
  static GType *kinds;
  static guint n;

  if (g_once_init_enter (&kinds))
    {
      const KeelKind * const *all = keel_kinds_get_all (&n);
      GType *types = g_new (GType, n);

      for (guint i = 0; i < n; i++)
        types[i] = keel_kind_get_gtype (all[i]);
      g_once_init_leave (&kinds, types);
    }
  else
    keel_kinds_get_all (&n);

  if (n_kinds != NULL)
    *n_kinds = n;

  return kinds;
}

/**
 * keel_workspace_kind_from_name:
 * @name: a kind ("objective") or its list in keel.json ("objectives")
 *
 * Returns: the record type, or %G_TYPE_INVALID
 */
GType
keel_workspace_kind_from_name (const char *name)
{
  const KeelKind *kind;

  g_return_val_if_fail (name != NULL, G_TYPE_INVALID);

  kind = keel_kind_lookup (name);
  if (kind == NULL || kind->collection == NULL)
    return G_TYPE_INVALID;

  return keel_kind_get_gtype (kind);
}

static int
kind_index (GType kind)
{
  guint n;
  const GType *kinds = keel_workspace_get_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (kinds[i] == kind)
      return (int) i;

  return -1;
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

void
_keel_workspace_set_dirty (KeelWorkspace *self,
                           gboolean       dirty)
{
  if (self->dirty == !!dirty)
    return;

  self->dirty = !!dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

void
_keel_workspace_set_saving (KeelWorkspace *self,
                            gboolean       saving)
{
  if (self->saving == !!saving)
    return;

  self->saving = !!saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
mark_changed (KeelWorkspace *self)
{
  if (self->loading)
    return;

  self->generation++;
  _keel_workspace_set_dirty (self, TRUE);
  g_signal_emit (self, _keel_workspace_signals[SIGNAL_CHANGED], 0);

  if (self->autosave)
    _keel_workspace_schedule_autosave (self);
}

static void
record_changed_cb (KeelRecord *record,
                   gpointer    user_data)
{
  mark_changed (user_data);
}

/* The workspace hears of every change to a record it holds (parts
 * included) through the record's watch, not a signal handler per record:
 * connecting 100 000 handlers, and finalizing them, would cost more than
 * reading the records. Every record that leaves the workspace, and every
 * record still in it at dispose, is let go explicitly (unwatch_record). */
void
_keel_workspace_watch_record (KeelWorkspace *self,
                              KeelRecord    *record)
{
  _keel_record_set_watch (record, record_changed_cb, self);
}

static void
unwatch_record (KeelWorkspace *self,
                KeelRecord    *record)
{
  _keel_record_unwatch (record, self);
}

void
_keel_workspace_unwatch_all (KeelWorkspace *self)
{
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  /* Both set from init to finalize */
  unwatch_record (self, KEEL_RECORD (self->organisation));

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[k]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
          unwatch_record (self, record);
        }
    }
}

static void
store_items_changed_cb (KeelWorkspace *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  /* A load watches what it puts in (_keel_workspace_apply_snapshot) */
  if (self->loading)
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
      _keel_workspace_watch_record (self, record);
    }

  mark_changed (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_workspace_dispose (GObject *object)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  /* Records may outlive the workspace (a deleted one kept for undo) */
  _keel_workspace_unwatch_all (self);

  G_OBJECT_CLASS (keel_workspace_parent_class)->dispose (object);
}

static void
keel_workspace_finalize (GObject *object)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  /* init and constructed set all but @extra and @known_sha, and nothing
   * sets them to NULL after */
  for (guint k = 0; k < n_kinds; k++)
    g_object_unref (self->stores[k]);
  g_free (self->stores);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->counters);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self->known_sha);
  g_object_unref (self->organisation);
  g_object_unref (self->folder);
  g_object_unref (self->file);

  G_OBJECT_CLASS (keel_workspace_parent_class)->finalize (object);
}

static void
keel_workspace_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_AUTOSAVE:
      g_value_set_boolean (value, self->autosave);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_workspace_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    case PROP_AUTOSAVE:
      keel_workspace_set_autosave (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_workspace_constructed (GObject *object)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);

  G_OBJECT_CLASS (keel_workspace_parent_class)->constructed (object);

  if (self->folder == NULL)
    self->folder = keel_workspace_default_folder ();
  self->file = g_file_get_child (self->folder, KEEL_WORKSPACE_FILE);
}

static void
keel_workspace_class_init (KeelWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = keel_workspace_constructed;
  object_class->dispose = keel_workspace_dispose;
  object_class->finalize = keel_workspace_finalize;
  object_class->get_property = keel_workspace_get_property;
  object_class->set_property = keel_workspace_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTOSAVE] =
    g_param_spec_boolean ("autosave", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A record was added, removed or edited */
  _keel_workspace_signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _keel_workspace_signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The data stays in memory and the next change saves again */
  _keel_workspace_signals[SIGNAL_SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* keel.json was changed by someone else and has been read again */
  _keel_workspace_signals[SIGNAL_RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* keel.json was changed by someone else and cannot be read; nothing
   * was written over it */
  _keel_workspace_signals[SIGNAL_RELOAD_FAILED] =
    g_signal_new ("reload-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* Both sides changed: ours is in the conflict copy at the given path */
  _keel_workspace_signals[SIGNAL_CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

}

static void
keel_workspace_init (KeelWorkspace *self)
{
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  self->stores = g_new0 (GListStore *, n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      self->stores[k] = g_list_store_new (kinds[k]);
      g_signal_connect_object (self->stores[k], "items-changed",
                               G_CALLBACK (store_items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->organisation = g_object_new (KEEL_TYPE_ORGANISATION, NULL);
  _keel_workspace_watch_record (self, KEEL_RECORD (self->organisation));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * keel_workspace_default_folder:
 *
 * Returns: (transfer full): `$KEEL_WORKSPACE`, or Documents/Keel
 */
GFile *
keel_workspace_default_folder (void)
{
  const char *env = g_getenv ("KEEL_WORKSPACE");
  const char *documents;
  g_autofree char *fallback = NULL;

  if (env != NULL && env[0] != '\0')
    return g_file_new_for_commandline_arg (env);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents == NULL)
    documents = fallback = g_build_filename (g_get_home_dir (), "Documents", NULL);

  return g_file_new_build_filename (documents, "Keel", NULL);
}

KeelWorkspace *
keel_workspace_new (GFile *folder)
{
  g_return_val_if_fail (!folder || G_IS_FILE (folder), NULL);

  return g_object_new (KEEL_TYPE_WORKSPACE, "folder", folder, NULL);
}

/**
 * keel_workspace_get_folder:
 *
 * Returns: (transfer none): the workspace folder
 */
GFile *
keel_workspace_get_folder (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);

  return self->folder;
}

/**
 * keel_workspace_get_file:
 *
 * Returns: (transfer none): keel.json in the folder
 */
GFile *
keel_workspace_get_file (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);

  return self->file;
}

gboolean
keel_workspace_file_exists (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  return g_file_query_exists (self->file, NULL);
}


void
keel_workspace_set_autosave (KeelWorkspace *self,
                             gboolean       autosave)
{
  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  if (self->autosave == !!autosave)
    return;

  self->autosave = !!autosave;
  if (self->autosave && self->dirty)
    _keel_workspace_schedule_autosave (self);
  else if (!self->autosave)
    g_clear_handle_id (&self->autosave_id, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE]);
}

gboolean
keel_workspace_get_autosave (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  return self->autosave;
}

gboolean
keel_workspace_get_dirty (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  return self->dirty;
}

gboolean
keel_workspace_get_saving (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  return self->saving;
}

/**
 * keel_workspace_get_organisation:
 *
 * Returns: (transfer none): the organisation
 */
KeelOrganisation *
keel_workspace_get_organisation (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);

  return self->organisation;
}

/**
 * keel_workspace_get_records:
 * @kind: a record type from keel_workspace_get_kinds()
 *
 * Returns: (transfer none): the records of that kind, in file order
 */
GListModel *
keel_workspace_get_records (KeelWorkspace *self,
                            GType          kind)
{
  int idx;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);

  idx = kind_index (kind);
  g_return_val_if_fail (idx >= 0, NULL);

  return G_LIST_MODEL (self->stores[idx]);
}

guint
keel_workspace_count (KeelWorkspace *self,
                      GType          kind)
{
  return g_list_model_get_n_items (keel_workspace_get_records (self, kind));
}

/**
 * keel_workspace_lookup:
 *
 * Returns: (transfer none) (nullable): the record with that id
 */
KeelRecord *
keel_workspace_lookup (KeelWorkspace *self,
                       const char    *id)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * keel_workspace_next_id:
 * @when: (nullable): for reviews, the date whose year the id carries
 *
 * Hands out the next id of a kind. An id once handed out is never handed
 * out again, even if its record is deleted (the counters are saved).
 *
 * Returns: (transfer full) (nullable): the new id, or %NULL when the
 *   kind's counter is at the last number keel.json can hold (it never
 *   wraps)
 */
char *
keel_workspace_next_id (KeelWorkspace *self,
                        GType          kind,
                        GDateTime     *when)
{
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *key = NULL;
  const KeelKind *desc;
  guint64 number;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (kind_index (kind) >= 0, NULL);

  desc = keel_kind_for_type (kind);
  if (when == NULL)
    today = keel_date_today ();
  key = keel_kind_counter_key (desc, when, today);

  number = (guint64) GPOINTER_TO_UINT (g_hash_table_lookup (self->counters, key)) + 1;

  /* Never collide with a record added with an explicit id */
  for (;;)
    {
      g_autofree char *candidate = NULL;

      /* Counters never wrap: past the last number keel.json can hold, no id */
      if (number > G_MAXUINT32)
        return NULL;

      candidate = keel_kind_format_id (desc, key, number);

      if (!g_hash_table_contains (self->by_id, candidate))
        {
          g_hash_table_replace (self->counters, g_steal_pointer (&key),
                                GUINT_TO_POINTER ((guint) number));
          return g_steal_pointer (&candidate);
        }
      number++;
    }
}

/**
 * keel_workspace_insert:
 *
 * Adds a record at @position of its list, giving it an id if it has none.
 */
void
keel_workspace_insert (KeelWorkspace *self,
                       KeelRecord    *record,
                       guint          position)
{
  GListStore *store;
  int idx;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));
  g_return_if_fail (KEEL_IS_RECORD (record));

  idx = kind_index (G_OBJECT_TYPE (record));
  g_return_if_fail (idx >= 0);

  if (keel_record_get_id (record) == NULL)
    {
      const char *date_key = keel_record_get_kind_desc (record)->id_date_key;
      GDateTime *when = date_key != NULL ? keel_record_get_date (record, date_key) : NULL;
      g_autofree char *id = keel_workspace_next_id (self, G_OBJECT_TYPE (record), when);

      if (id == NULL)
        {
          g_warning ("no id left for %s: the counter of %s is at its maximum; the record is not added",
                     keel_record_get_kind_desc (record)->collection,
                     keel_record_get_kind_desc (record)->id_prefix);
          return;
        }
      keel_record_set_id (record, id);
    }
  else
    {
      g_autofree char *key = NULL;
      guint64 number;

      g_return_if_fail (!g_hash_table_contains (self->by_id, keel_record_get_id (record)));

      if (keel_kind_parse_id (keel_record_get_kind_desc (record), keel_record_get_id (record),
                              &key, &number) &&
          number > GPOINTER_TO_UINT (g_hash_table_lookup (self->counters, key)))
        g_hash_table_replace (self->counters, g_steal_pointer (&key),
                              GUINT_TO_POINTER ((guint) number));
    }

  store = self->stores[idx];
  g_hash_table_insert (self->by_id, (gpointer) keel_record_get_id (record), record);
  g_list_store_insert (store, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store))),
                       record);
}

void
keel_workspace_add (KeelWorkspace *self,
                    KeelRecord    *record)
{
  keel_workspace_insert (self, record, G_MAXUINT);
}

/**
 * keel_workspace_remove:
 * @position: (out) (optional): where it was, for undo
 *
 * Returns: %TRUE if the record was in the workspace
 */
gboolean
keel_workspace_remove (KeelWorkspace *self,
                       KeelRecord    *record,
                       guint         *position)
{
  guint pos;
  int idx;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (KEEL_IS_RECORD (record), FALSE);

  idx = kind_index (G_OBJECT_TYPE (record));
  g_return_val_if_fail (idx >= 0, FALSE);

  if (!g_list_store_find (self->stores[idx], record, &pos))
    return FALSE;

  /* Before the store lets go: it may hold the last reference */
  unwatch_record (self, record);
  g_hash_table_remove (self->by_id, keel_record_get_id (record));
  g_list_store_remove (self->stores[idx], pos);

  if (position != NULL)
    *position = pos;

  return TRUE;
}
