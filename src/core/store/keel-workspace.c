/* keel-workspace.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-json.h"
#include "keel-record-private.h"
#include "keel-records.h"
#include "keel-workspace-private.h"

/* The workspace is one folder: keel.json with every record, evidence/ with
 * attached files, backups/ with the last versions of keel.json. It holds a
 * GListStore per kind of record, notices every change to any record, and
 * saves a second after the last one: the tree is built on the main thread,
 * the text is written and the file replaced atomically on a worker thread.
 * Before replacing keel.json it checks that nobody else changed it since it
 * was read; if somebody did, ours goes beside it as a conflict copy. */

#define AUTOSAVE_DELAY_MS 1000
#define WATCH_DELAY_MS    150

struct _KeelWorkspace
{
  GObject           parent_instance;

  GFile            *folder;
  GFile            *file;
  KeelOrganisation *organisation;
  GListStore      **stores;        /* one per kind, in kinds order */
  GHashTable       *by_id;         /* id → KeelRecord (borrowed) */
  GHashTable       *counters;      /* prefix → last number issued */
  JsonObject       *extra;         /* top-level members Keel does not know */

  char             *known_sha;     /* fingerprint of keel.json as last read or written */
  GFileMonitor     *monitor;
  guint             autosave_id;
  guint             watch_id;
  guint64           generation;    /* bumped on each change */

  int               fault_errno;
  guint             fault_count;

  guint             autosave : 1;
  guint             dirty : 1;
  guint             saving : 1;
  guint             loading : 1;
  guint             recheck_after_save : 1;
};

G_DEFINE_FINAL_TYPE (KeelWorkspace, keel_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_AUTOSAVE,
  PROP_DIRTY,
  PROP_SAVING,
  N_PROPS
};

enum {
  CHANGED,
  SAVED,
  SAVE_FAILED,
  RELOADED,
  RELOAD_FAILED,
  CONFLICT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_autosave (KeelWorkspace *self);
static void save_done_cb      (GObject       *object,
                               GAsyncResult  *result,
                               gpointer       user_data);

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
  static GType kinds[17];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      kinds[0] = KEEL_TYPE_PERSON;
      kinds[1] = KEEL_TYPE_POLICY;
      kinds[2] = KEEL_TYPE_OBJECTIVE;
      kinds[3] = KEEL_TYPE_COMMUNICATION;
      kinds[4] = KEEL_TYPE_REVIEW;
      kinds[5] = KEEL_TYPE_ACTION;
      kinds[6] = KEEL_TYPE_ROLE_ASSIGNMENT;
      kinds[7] = KEEL_TYPE_RESOURCE;
      kinds[8] = KEEL_TYPE_TRAINING;
      kinds[9] = KEEL_TYPE_IMPROVEMENT;
      kinds[10] = KEEL_TYPE_PROCESS;
      kinds[11] = KEEL_TYPE_AUDIT;
      kinds[12] = KEEL_TYPE_EVIDENCE;
      kinds[13] = KEEL_TYPE_RISK;
      kinds[14] = KEEL_TYPE_CONTEXT_ISSUE;
      kinds[15] = KEEL_TYPE_INTERESTED_PARTY;
      kinds[16] = KEEL_TYPE_DISPATCH;
      g_once_init_leave (&initialized, 1);
    }

  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (kinds);

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
  guint n;
  const GType *kinds = keel_workspace_get_kinds (&n);

  g_return_val_if_fail (name != NULL, G_TYPE_INVALID);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (kinds[i]);
      KeelRecordClass *rclass = KEEL_RECORD_CLASS (klass);

      if (g_strcmp0 (rclass->kind, name) == 0 || g_strcmp0 (rclass->collection, name) == 0)
        return kinds[i];
    }

  return G_TYPE_INVALID;
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
/* Problems and references                                                  */
/* ------------------------------------------------------------------------ */

void
keel_problem_free (KeelProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->id);
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray        *problems,
             KeelProblemLevel  level,
             const char       *id,
             const char       *field,
             char             *message)
{
  KeelProblem *problem = g_new0 (KeelProblem, 1);

  problem->level = level;
  problem->id = g_strdup (id);
  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

void
keel_reference_free (KeelReference *reference)
{
  if (reference == NULL)
    return;

  g_clear_object (&reference->record);
  g_free (reference->field);
  g_free (reference);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

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

static char *
sha256_of (const char *data,
           gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static inline guint64
mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;

  return x;
}

/* A fingerprint of keel.json as we last read or wrote it, to tell whether
 * somebody else has changed the file since: 128 bits from two
 * multiply-rotate lanes over 8-byte words. Not a cryptographic hash, and
 * it need not be one: whoever can write keel.json needs no collision to
 * change it; this only has to notice a change, and costs a millisecond
 * where SHA-256 of a 36 MB file costs a tenth of a second. It never leaves
 * the process. */
static char *
fingerprint_of (const char *data,
                gsize       length)
{
  guint64 a = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ length;
  guint64 b = G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f) + length;
  guint64 word;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      memcpy (&word, data + i, 8);
      a = (a ^ word) * G_GUINT64_CONSTANT (0x87c37b91114253d5);
      a = (a << 31) | (a >> 33);
      b = (b + word) * G_GUINT64_CONSTANT (0x4cf5ad432745937f);
      b = (b << 27) | (b >> 37);
    }

  word = 0;
  memcpy (&word, data + i, length - i);
  a = mix64 (a ^ word);
  b = mix64 (b + word + a);

  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x", a, b);
}

static void
set_dirty (KeelWorkspace *self,
           gboolean       dirty)
{
  if (self->dirty == !!dirty)
    return;

  self->dirty = !!dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_saving (KeelWorkspace *self,
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
  set_dirty (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);

  if (self->autosave)
    schedule_autosave (self);
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
static void
watch_record (KeelWorkspace *self,
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

static void
unwatch_all (KeelWorkspace *self)
{
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  if (self->organisation != NULL)
    unwatch_record (self, KEEL_RECORD (self->organisation));

  for (guint k = 0; self->stores != NULL && k < n_kinds; k++)
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
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
      watch_record (self, record);
    }

  mark_changed (self);
}

/* Parses "PREFIX-12" (or "MR-2026-03" for reviews) into the counter key
 * ("OBJ", "MR-2026") and the number. */
static gboolean
parse_id (const char *prefix,
          const char *id,
          char      **counter_key,
          guint64    *number)
{
  gsize plen = strlen (prefix);
  const char *rest;
  const char *digits;
  char *end = NULL;

  if (!g_str_has_prefix (id, prefix) || id[plen] != '-')
    return FALSE;

  rest = id + plen + 1;
  digits = rest;

  if (strcmp (prefix, "MR") == 0)
    {
      /* MR-YYYY-NN */
      if (strlen (rest) < 6 || !g_ascii_isdigit (rest[0]) || !g_ascii_isdigit (rest[1]) ||
          !g_ascii_isdigit (rest[2]) || !g_ascii_isdigit (rest[3]) || rest[4] != '-')
        return FALSE;
      digits = rest + 5;
    }

  if (!g_ascii_isdigit (digits[0]))
    return FALSE;

  *number = g_ascii_strtoull (digits, &end, 10);
  if (end == NULL || *end != '\0' || *number == 0 || *number > G_MAXUINT32)
    return FALSE;

  *counter_key = g_strndup (id, (gsize) (digits - id - 1));

  return TRUE;
}

/* Finds the line of `"id": "X"` (the @nth such occurrence) in @data, so
 * errors about a record can point into the file. 0 if not found. */
static guint
line_of_id (const char *data,
            gsize       length,
            const char *id,
            guint       nth)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\"", id);
  const char *p = data;
  const char *end = data + length;
  gsize nlen = strlen (needle);

  while (p < end)
    {
      const char *hit = g_strstr_len (p, end - p, needle);
      const char *q;

      if (hit == NULL)
        break;

      q = hit;
      while (q > data && g_ascii_isspace (q[-1]))
        q--;
      if (q > data && q[-1] == ':')
        {
          q--;
          while (q > data && g_ascii_isspace (q[-1]))
            q--;
          if (q - data >= 4 && strncmp (q - 4, "\"id\"", 4) == 0 && nth-- == 0)
            {
              guint line, column;

              keel_json_offset_to_line (data, hit - data, &line, &column);
              return line;
            }
        }
      p = hit + nlen;
    }

  return 0;
}

static char *
display_name (KeelWorkspace *self)
{
  return g_file_get_parse_name (self->file);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  KeelOrganisation  *organisation;
  GPtrArray        **lists;
  GHashTable        *counters;
  JsonObject        *extra;
  char              *sha;
} Snapshot;

static void
snapshot_free (Snapshot *snap)
{
  guint n;

  keel_workspace_get_kinds (&n);

  g_clear_object (&snap->organisation);
  if (snap->lists != NULL)
    for (guint i = 0; i < n; i++)
      g_clear_pointer (&snap->lists[i], g_ptr_array_unref);
  g_free (snap->lists);
  g_clear_pointer (&snap->counters, g_hash_table_unref);
  g_clear_pointer (&snap->extra, json_object_unref);
  g_free (snap->sha);
  g_free (snap);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static gboolean
record_error (GError    **error,
              GError     *inner,
              const char *name,
              const char *data,
              gsize       length,
              const char *id,
              guint       nth)
{
  guint line = id ? line_of_id (data, length, id, nth) : 0;

  if (line > 0)
    g_set_error (error, inner->domain, inner->code,
                 _("%s line %u: %s"), name, line, inner->message);
  else
    g_set_error (error, inner->domain, inner->code,
                 _("%s: %s"), name, inner->message);
  g_error_free (inner);

  return FALSE;
}

/* Reads the text of keel.json into a snapshot through a JsonNode tree, or
 * fails with an error that names the file, and the line or the record.
 * Runs on any thread. */
static Snapshot *
parse_workspace_tree (const char  *name,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(Snapshot) snap = g_new0 (Snapshot, 1);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GList) members = NULL;
  const GType *kinds;
  JsonObject *object;
  JsonNode *node;
  guint n_kinds;

  kinds = keel_workspace_get_kinds (&n_kinds);

  root = keel_json_parse (name, data, length, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT,
                   _("%s: expected a Keel workspace (a JSON object with \"format\": \"%s\")"),
                   name, KEEL_WORKSPACE_FORMAT);
      return NULL;
    }

  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), KEEL_WORKSPACE_FORMAT) != 0)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT,
                   _("%s: expected \"format\": \"%s\"; this is not a Keel workspace"),
                   name, KEEL_WORKSPACE_FORMAT);
      return NULL;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT,
                   _("%s: expected \"version\": a whole number such as %d"),
                   name, KEEL_WORKSPACE_VERSION);
      return NULL;
    }
  if (json_node_get_int (node) > KEEL_WORKSPACE_VERSION)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      /* The number is formatted first: a translated message cannot carry
       * G_GINT64_FORMAT */
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_VERSION,
                   _("%s was written by a newer Keel (workspace version %s); this Keel reads "
                     "version %d and older. Update Keel to open it."),
                   name, found, KEEL_WORKSPACE_VERSION);
      return NULL;
    }

  snap->lists = g_new0 (GPtrArray *, n_kinds);
  snap->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  members = json_object_get_members (object);

  /* The organisation */
  node = json_object_get_member (object, "organisation");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      GError *inner = NULL;

      snap->organisation = (KeelOrganisation *)
        keel_record_new_from_json (KEEL_TYPE_ORGANISATION, node, _("organisation"), &inner);
      if (snap->organisation == NULL)
        return (record_error (error, inner, name, data, length, NULL, 0), NULL);
    }
  else
    snap->organisation = g_object_new (KEEL_TYPE_ORGANISATION, NULL);

  /* Each list of records */
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GTypeClass) tclass = g_type_class_ref (kinds[k]);
      KeelRecordClass *klass = KEEL_RECORD_CLASS (tclass);
      JsonArray *array;

      snap->lists[k] = g_ptr_array_new_with_free_func (g_object_unref);
      node = json_object_get_member (object, klass->collection);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                       _("%s: \"%s\" must be a list of records"), name, klass->collection);
          return NULL;
        }

      array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *where = NULL;
          g_autofree char *counter_key = NULL;
          GError *inner = NULL;
          KeelRecord *record;
          const char *id = NULL;
          guint64 number;

          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonNode *id_node = json_object_get_member (json_node_get_object (element), "id");

              if (id_node != NULL && JSON_NODE_HOLDS_VALUE (id_node) &&
                  json_node_get_value_type (id_node) == G_TYPE_STRING)
                id = json_node_get_string (id_node);
            }

          where = id ? g_strdup (id) : g_strdup_printf ("%s[%u]", klass->collection, i + 1);

          if (id == NULL)
            {
              g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           _("%s: %s has no id; expected an id like %s-1"),
                           name, where, klass->id_prefix);
              return NULL;
            }

          if (!parse_id (klass->id_prefix, id, &counter_key, &number))
            {
              g_autofree char *shown = excerpt (id);

              inner = g_error_new (KEEL_ERROR, KEEL_ERROR_INVALID,
                                   strcmp (klass->id_prefix, "MR") == 0
                                     ? _("“%s” in \"%s\" is not an id; expected an id like MR-2026-01")
                                     : _("“%s” in \"%s\" is not an id; expected an id like %s-1"),
                                   shown, klass->collection, klass->id_prefix);
              return (record_error (error, inner, name, data, length, id, 0), NULL);
            }

          if (g_hash_table_contains (seen, id))
            {
              guint first = line_of_id (data, length, id, 0);
              guint second = line_of_id (data, length, id, 1);

              g_set_error (error, KEEL_ERROR, KEEL_ERROR_DUPLICATE_ID,
                           _("%s line %u: the id %s is used twice (first at line %u); "
                             "expected every id to be unique"),
                           name, second, id, first);
              return NULL;
            }

          record = keel_record_new_from_json (kinds[k], element, where, &inner);
          if (record == NULL)
            return (record_error (error, inner, name, data, length, id, 0), NULL);

          g_ptr_array_add (snap->lists[k], record);
          g_hash_table_add (seen, (gpointer) keel_record_get_id (record));

          if (number > GPOINTER_TO_UINT (g_hash_table_lookup (snap->counters, counter_key)))
            g_hash_table_replace (snap->counters, g_steal_pointer (&counter_key),
                                  GUINT_TO_POINTER ((guint) number));
        }
    }

  /* Counters of ids already handed out, so that ids are never reused */
  node = json_object_get_member (object, "counters");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr(GList) keys = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                       _("%s: \"counters\" must be an object of whole numbers"), name);
          return NULL;
        }

      keys = json_object_get_members (json_node_get_object (node));
      for (const GList *l = keys; l; l = l->next)
        {
          JsonNode *value = json_object_get_member (json_node_get_object (node), l->data);

          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
              json_node_get_int (value) < 0 || json_node_get_int (value) > G_MAXUINT32)
            {
              g_set_error (error, KEEL_ERROR, KEEL_ERROR_INVALID,
                           _("%s: \"counters\", “%s”: expected a whole number"),
                           name, (const char *) l->data);
              return NULL;
            }

          if ((guint) json_node_get_int (value) >
              GPOINTER_TO_UINT (g_hash_table_lookup (snap->counters, l->data)))
            g_hash_table_replace (snap->counters, g_strdup (l->data),
                                  GUINT_TO_POINTER ((guint) json_node_get_int (value)));
        }
    }

  /* Everything else at the top is kept as it is */
  for (const GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      gboolean known = g_str_equal (key, "format") || g_str_equal (key, "version") ||
                       g_str_equal (key, "organisation") || g_str_equal (key, "counters");

      for (guint k = 0; k < n_kinds && !known; k++)
        {
          g_autoptr(GTypeClass) tclass = g_type_class_ref (kinds[k]);
          known = g_str_equal (key, KEEL_RECORD_CLASS (tclass)->collection);
        }

      if (!known)
        {
          if (snap->extra == NULL)
            snap->extra = json_object_new ();
          json_object_set_member (snap->extra, key,
                                  json_node_copy (json_object_get_member (object, key)));
        }
    }

  snap->sha = fingerprint_of (data, length);

  return g_steal_pointer (&snap);
}

/* Tests compare the two ways of reading */
static gint use_fast_reader = TRUE;
static guint fast_reads;

void
_keel_workspace_set_fast_reader (gboolean enabled)
{
  g_atomic_int_set (&use_fast_reader, !!enabled);
}

guint
_keel_workspace_get_fast_reads (void)
{
  return g_atomic_int_get (&fast_reads);
}

/* The lists of keel.json by name, in kinds order */
static const char * const *
collection_names (void)
{
  static const char **names;

  if (g_once_init_enter (&names))
    {
      guint n;
      const GType *kinds = keel_workspace_get_kinds (&n);
      const char **list = g_new0 (const char *, n + 1);

      /* The classes of static types stay: their strings with them */
      for (guint k = 0; k < n; k++)
        list[k] = KEEL_RECORD_CLASS (g_type_class_ref (kinds[k]))->collection;

      g_once_init_leave (&names, list);
    }

  return names;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeelJsonReader, keel_json_reader_clear)

enum {
  SEEN_FORMAT = 1 << 0,
  SEEN_VERSION = 1 << 1,
  SEEN_ORGANISATION = 1 << 2,
  SEEN_COUNTERS = 1 << 3,
  SEEN_LIST = 1 << 4,   /* then one bit per kind */
};

/* Keeps the highest number issued per counter key */
static void
raise_counter (GHashTable *counters,
               char       *key,
               guint       number)
{
  if (number > GPOINTER_TO_UINT (g_hash_table_lookup (counters, key)))
    g_hash_table_replace (counters, key, GUINT_TO_POINTER (number));
  else
    g_free (key);
}

/* Reads keel.json straight from the text, without a JsonNode for every
 * value: the snapshot parse_workspace_tree() gives for the same text. On
 * anything unexpected (anything parse_workspace_tree() refuses, and
 * whatever this one is not sure of) it gives up and returns %NULL; the
 * text is then read again by parse_workspace_tree(), for the error. */
static Snapshot *
read_workspace_fast (const char *data,
                     gsize       length)
{
  g_auto(KeelJsonReader) reader = { 0 };
  g_autoptr(Snapshot) snap = g_new0 (Snapshot, 1);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *collections = collection_names ();
  const GType *kinds;
  const char *key;
  guint32 seen = 0;
  guint n_kinds;
  guint count = 0;

  kinds = keel_workspace_get_kinds (&n_kinds);
  g_assert (n_kinds + 4 <= 32);

  snap->lists = g_new0 (GPtrArray *, n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    snap->lists[k] = g_ptr_array_new_with_free_func (g_object_unref);
  snap->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  keel_json_reader_init (&reader, data, length);
  if (!keel_json_reader_begin_object (&reader))
    return NULL;

  while (keel_json_reader_next_member (&reader, &count, &key))
    {
      guint32 bit = 0;
      int k = -1;

      if (strcmp (key, "format") == 0)
        bit = SEEN_FORMAT;
      else if (strcmp (key, "version") == 0)
        bit = SEEN_VERSION;
      else if (strcmp (key, "organisation") == 0)
        bit = SEEN_ORGANISATION;
      else if (strcmp (key, "counters") == 0)
        bit = SEEN_COUNTERS;
      else
        {
          for (guint i = 0; i < n_kinds && k < 0; i++)
            if (strcmp (key, collections[i]) == 0)
              k = (int) i;
          if (k >= 0)
            bit = SEEN_LIST << k;
        }

      /* A name twice: keel_json_parse() says where */
      if ((seen & bit) != 0)
        return NULL;
      seen |= bit;

      if (bit == SEEN_FORMAT)
        {
          const char *format = keel_json_reader_read_string (&reader, NULL);

          if (format == NULL || strcmp (format, KEEL_WORKSPACE_FORMAT) != 0)
            return NULL;
        }
      else if (bit == SEEN_VERSION)
        {
          gint64 version;

          if (!keel_json_reader_read_int (&reader, &version) ||
              version < 1 || version > KEEL_WORKSPACE_VERSION)
            return NULL;
        }
      else if (keel_json_reader_peek (&reader) == KEEL_JSON_VALUE_NULL && bit != 0)
        {
          /* Same as absent */
          if (!keel_json_reader_read_null (&reader))
            return NULL;
        }
      else if (bit == SEEN_ORGANISATION)
        {
          snap->organisation = (KeelOrganisation *) _keel_record_read (KEEL_TYPE_ORGANISATION,
                                                                       &reader);
          if (snap->organisation == NULL)
            return NULL;
        }
      else if (bit == SEEN_COUNTERS)
        {
          guint n = 0;

          if (!keel_json_reader_begin_object (&reader))
            return NULL;
          while (keel_json_reader_next_member (&reader, &n, &key))
            {
              char *counter_key = g_strdup (key);
              gint64 value;

              if (!keel_json_reader_read_int (&reader, &value) || value < 0 || value > G_MAXUINT32)
                {
                  g_free (counter_key);
                  return NULL;
                }
              raise_counter (snap->counters, counter_key, (guint) value);
            }
        }
      else if (k >= 0)
        {
          KeelRecordClass *klass = g_type_class_peek (kinds[k]);
          guint n = 0;

          if (!keel_json_reader_begin_array (&reader))
            return NULL;
          while (keel_json_reader_next_element (&reader, &n))
            {
              KeelRecord *record = _keel_record_read (kinds[k], &reader);
              char *counter_key = NULL;
              const char *id;
              guint64 number;

              if (record == NULL)
                return NULL;
              g_ptr_array_add (snap->lists[k], record);

              id = keel_record_get_id (record);
              if (id == NULL || !parse_id (klass->id_prefix, id, &counter_key, &number))
                return NULL;
              if (!g_hash_table_add (seen_ids, (gpointer) id))
                {
                  g_free (counter_key);
                  return NULL;
                }
              raise_counter (snap->counters, counter_key, (guint) number);
            }
        }
      else
        {
          /* Kept as it is */
          g_autofree char *name = g_strdup (key);
          JsonNode *node;

          if (snap->extra == NULL)
            snap->extra = json_object_new ();
          else if (json_object_has_member (snap->extra, name))
            return NULL;

          node = keel_json_reader_read_node (&reader);
          if (node == NULL)
            return NULL;
          json_object_set_member (snap->extra, name, node);
        }
    }

  if (!keel_json_reader_end (&reader) ||
      (seen & (SEEN_FORMAT | SEEN_VERSION)) != (SEEN_FORMAT | SEEN_VERSION))
    return NULL;

  if (snap->organisation == NULL)
    snap->organisation = g_object_new (KEEL_TYPE_ORGANISATION, NULL);

  snap->sha = fingerprint_of (data, length);

  return g_steal_pointer (&snap);
}

/* Reads the text of keel.json into a snapshot: the fast way when it can,
 * else (and for every error) through a JsonNode tree */
static Snapshot *
parse_workspace (const char  *name,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  Snapshot *snap = NULL;

  if (g_atomic_int_get (&use_fast_reader))
    snap = read_workspace_fast (data, length);

  if (snap != NULL)
    g_atomic_int_inc (&fast_reads);

  if (snap == NULL)
    snap = parse_workspace_tree (name, data, length, error);

  return snap;
}

static void
apply_snapshot (KeelWorkspace *self,
                Snapshot      *snap)
{
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  self->loading = TRUE;

  /* The records it held are let go */
  unwatch_all (self);
  g_set_object (&self->organisation, snap->organisation);
  watch_record (self, KEEL_RECORD (self->organisation));

  g_hash_table_remove_all (self->by_id);
  for (guint k = 0; k < n_kinds; k++)
    {
      GPtrArray *list = snap->lists[k];

      for (guint i = 0; i < list->len; i++)
        g_hash_table_insert (self->by_id,
                             (gpointer) keel_record_get_id (list->pdata[i]), list->pdata[i]);

      g_list_store_splice (self->stores[k], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->stores[k])),
                           list->pdata, list->len);
    }

  g_clear_pointer (&self->counters, g_hash_table_unref);
  self->counters = g_hash_table_ref (snap->counters);

  g_clear_pointer (&self->extra, json_object_unref);
  if (snap->extra != NULL)
    self->extra = json_object_ref (snap->extra);

  g_free (self->known_sha);
  self->known_sha = g_strdup (snap->sha);

  self->loading = FALSE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  set_dirty (self, FALSE);
}

static Snapshot *
read_workspace_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_FOUND,
                     _("%s does not exist; expected a Keel workspace file"), name);
      else
        g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                     _("%s cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FORMAT,
                   _("%s is not a regular file; expected a Keel workspace file"), name);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                   _("%s cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  return parse_workspace (name, contents, length, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  Snapshot *snap = read_workspace_file (task_data, cancellable, &error);

  if (snap == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snap, (GDestroyNotify) snapshot_free);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */
/* ------------------------------------------------------------------------ */

typedef struct
{
  GFile    *folder;
  GFile    *file;
  GBytes   *text;
  char     *known_sha;
  char     *new_sha;
  char     *conflict_path;
  guint64   generation;
  int       fault_errno;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->folder);
  g_clear_object (&data->file);
  g_clear_pointer (&data->text, g_bytes_unref);
  g_free (data->known_sha);
  g_free (data->new_sha);
  g_free (data->conflict_path);
  g_free (data);
}

static JsonNode *
build_tree (KeelWorkspace *self)
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
                          keel_record_to_json (KEEL_RECORD (self->organisation)));

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GTypeClass) tclass = g_type_class_ref (kinds[k]);
      GListModel *model = G_LIST_MODEL (self->stores[k]);
      guint n = g_list_model_get_n_items (model);
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
          json_array_add_element (array, keel_record_to_json (record));
        }

      json_object_set_array_member (object, KEEL_RECORD_CLASS (tclass)->collection, array);
    }

  keys = g_hash_table_get_keys (self->counters);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (const GList *l = keys; l; l = l->next)
    json_object_set_int_member (counters, l->data,
                                GPOINTER_TO_UINT (g_hash_table_lookup (self->counters, l->data)));
  json_object_set_object_member (object, "counters", counters);

  if (self->extra != NULL)
    {
      g_autoptr(GList) extra = json_object_get_members (self->extra);

      for (const GList *l = extra; l; l = l->next)
        json_object_set_member (object, l->data,
                                json_node_copy (json_object_get_member (self->extra, l->data)));
    }

  /* take, not init: json_node_init_object() adds a reference of its own */
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

/* The text of keel.json: the bytes keel_json_to_bytes (build_tree (self))
 * gives, written straight from the records */
static GBytes *
write_text (KeelWorkspace *self)
{
  GString *out = g_string_sized_new (64 * 1024);
  g_autoptr(GList) keys = NULL;
  const char * const *collections = collection_names ();
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
  _keel_record_write_json (KEEL_RECORD (self->organisation), out, 1);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[k]);
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
  keys = g_hash_table_get_keys (self->counters);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (const GList *l = keys; l; l = l->next)
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      keel_json_write_indent (out, 2);
      keel_json_write_string (out, l->data);
      g_string_append_printf (out, ": %u",
                              GPOINTER_TO_UINT (g_hash_table_lookup (self->counters, l->data)));
    }
  if (!first)
    keel_json_write_indent (out, 1);
  g_string_append_c (out, '}');

  if (self->extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, self->extra);
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

/**
 * _keel_workspace_serialize_tree:
 *
 * The text of keel.json the way it was written before write_text(),
 * through a JsonNode tree: for tests that compare the two.
 */
GBytes *
_keel_workspace_serialize_tree (KeelWorkspace *self)
{
  g_autoptr(JsonNode) root = build_tree (self);

  return keel_json_to_bytes (root);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
prune_backups (GFile *backups,
               guint  keep)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  enumerator = g_file_enumerate_children (backups, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return;

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL)
        break;
      if (g_str_has_prefix (g_file_info_get_name (info), "keel-") &&
          g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autoptr(GFile) old = g_file_get_child (backups, names->pdata[i]);
      g_file_delete (old, NULL, NULL);
    }
}

static char *
timestamp_name (const char *prefix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s%s.%06dZ.json", prefix, stamp, g_date_time_get_microsecond (now));
}

/* Keeps the current keel.json in backups/ before it is replaced. A hard link
 * costs nothing; a copy where links are not possible. */
static void
backup_current (GFile *folder,
                GFile *file)
{
  g_autoptr(GFile) backups = g_file_get_child (folder, "backups");
  g_autofree char *name = timestamp_name ("keel-");
  g_autoptr(GFile) target = g_file_get_child (backups, name);
  g_autofree char *src = g_file_get_path (file);
  g_autofree char *dst = g_file_get_path (target);

  if (g_mkdir_with_parents (g_file_peek_path (backups), 0755) != 0)
    {
      g_warning ("Cannot create %s: %s", g_file_peek_path (backups), g_strerror (errno));
      return;
    }

  /* Make room first: a save killed between the two steps must not leave
   * more than KEEL_WORKSPACE_BACKUPS files */
  prune_backups (backups, KEEL_WORKSPACE_BACKUPS - 1);

  if (link (src, dst) != 0 &&
      !g_file_copy (file, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL))
    g_warning ("Cannot keep a backup of %s", src);
}

static gboolean
write_workspace (SaveData      *data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GBytes *bytes = data->text;
  g_autofree char *name = g_file_get_parse_name (data->file);
  g_autofree char *on_disk = NULL;
  g_autofree char *disk_sha = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize disk_len = 0;
  gsize len = 0;
  const char *text = g_bytes_get_data (bytes, &len);

  if (g_mkdir_with_parents (g_file_peek_path (data->folder), 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: the folder cannot be created (%s)"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  /* Has somebody else changed the file since we read it? */
  if (g_file_get_contents (g_file_peek_path (data->file), &on_disk, &disk_len, NULL))
    disk_sha = fingerprint_of (on_disk, disk_len);

  data->new_sha = fingerprint_of (text, len);

  if (data->fault_errno != 0)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: %s"), name, g_strerror (data->fault_errno));
      return FALSE;
    }

  /* The file already holds exactly these bytes (ours, or somebody else
   * wrote the same): nothing to write and nothing in conflict */
  if (disk_sha != NULL && g_strcmp0 (disk_sha, data->new_sha) == 0)
    return TRUE;

  if (disk_sha != NULL && g_strcmp0 (disk_sha, data->known_sha) != 0)
    {
      g_autofree char *conflict_name = timestamp_name ("keel.conflict-");
      g_autoptr(GFile) conflict = g_file_get_child (data->folder, conflict_name);

      if (!g_file_set_contents_full (g_file_peek_path (conflict), text, (gssize) len,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0644, &local_error))
        {
          g_set_error (error, KEEL_ERROR, KEEL_ERROR_FAILED,
                       _("%s was changed by another program, and your changes could not be "
                         "kept beside it: %s"), name, local_error->message);
          return FALSE;
        }

      data->conflict_path = g_file_get_parse_name (conflict);
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_CONFLICT,
                   _("%s was changed by another program. Its version is now open; "
                     "your changes were kept in %s."), name, data->conflict_path);
      return FALSE;
    }

  if (disk_sha != NULL)
    backup_current (data->folder, data->file);

  if (!g_file_set_contents_full (g_file_peek_path (data->file), text, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("Cannot save %s: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_workspace (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static SaveData *
prepare_save (KeelWorkspace *self)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->folder = g_object_ref (self->folder);
  data->file = g_object_ref (self->file);
  /* On this thread, where the records live; the worker only writes */
  data->text = write_text (self);
  data->known_sha = g_strdup (self->known_sha);
  data->generation = self->generation;

  if (self->fault_count > 0)
    {
      data->fault_errno = self->fault_errno;
      self->fault_count--;
    }

  return data;
}

/* Back on the main thread after a save: clean if nothing changed meanwhile */
static void
finish_save (KeelWorkspace *self,
             SaveData      *data,
             const GError  *error)
{
  if (error == NULL)
    {
      g_free (self->known_sha);
      self->known_sha = g_strdup (data->new_sha);

      if (data->generation == self->generation)
        set_dirty (self, FALSE);

      g_signal_emit (self, signals[SAVED], 0);
    }
  else if (g_error_matches (error, KEEL_ERROR, KEEL_ERROR_CONFLICT))
    {
      g_autoptr(GError) reload_error = NULL;

      g_warning ("%s", error->message);

      if (keel_workspace_load (self, NULL, &reload_error))
        g_signal_emit (self, signals[RELOADED], 0);
      else
        g_signal_emit (self, signals[RELOAD_FAILED], 0, reload_error);

      g_signal_emit (self, signals[CONFLICT], 0, data->conflict_path, error);
    }
  else
    {
      g_warning ("%s", error->message);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
    }
}

static gboolean
autosave_cb (gpointer user_data)
{
  KeelWorkspace *self = user_data;

  self->autosave_id = 0;

  if (self->saving)
    {
      /* Try again when the running save is done */
      self->recheck_after_save = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (self->dirty)
    keel_workspace_save_async (self, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (KeelWorkspace *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_full (G_PRIORITY_DEFAULT, AUTOSAVE_DELAY_MS,
                                          autosave_cb, g_object_ref (self), g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Watching                                                                 */
/* ------------------------------------------------------------------------ */

static gboolean
watch_timeout_cb (gpointer user_data)
{
  KeelWorkspace *self = user_data;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize length = 0;

  self->watch_id = 0;

  if (self->saving)
    {
      self->recheck_after_save = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* keel.json is small next to what we just did to notice it; reading it
   * here keeps the comparison in step with the state we hold */
  if (!g_file_get_contents (g_file_peek_path (self->file), &contents, &length, NULL))
    return G_SOURCE_REMOVE;

  sha = fingerprint_of (contents, length);
  if (g_strcmp0 (sha, self->known_sha) == 0)
    return G_SOURCE_REMOVE;

  if (self->dirty)
    {
      /* Both sides changed: saving now writes ours as a conflict copy and
       * opens theirs */
      keel_workspace_save_async (self, NULL, NULL, NULL);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = display_name (self);
      g_autoptr(Snapshot) snap = parse_workspace (name, contents, length, &error);

      if (snap == NULL)
        {
          g_warning ("%s", error->message);
          g_signal_emit (self, signals[RELOAD_FAILED], 0, error);
        }
      else
        {
          apply_snapshot (self, snap);
          g_signal_emit (self, signals[RELOADED], 0);
        }
    }

  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (KeelWorkspace     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_CHANGED:
      g_clear_handle_id (&self->watch_id, g_source_remove);
      self->watch_id = g_timeout_add_full (G_PRIORITY_DEFAULT, WATCH_DELAY_MS,
                                           watch_timeout_cb, g_object_ref (self),
                                           g_object_unref);
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
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
  unwatch_all (self);

  G_OBJECT_CLASS (keel_workspace_parent_class)->dispose (object);
}

static void
keel_workspace_finalize (GObject *object)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);
  guint n_kinds;

  keel_workspace_get_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    g_clear_object (&self->stores[k]);
  g_clear_pointer (&self->stores, g_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->counters, g_hash_table_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->known_sha, g_free);
  g_clear_object (&self->organisation);
  g_clear_object (&self->folder);
  g_clear_object (&self->file);

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
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The data stays in memory and the next change saves again */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* keel.json was changed by someone else and has been read again */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* keel.json was changed by someone else and cannot be read; nothing
   * was written over it */
  signals[RELOAD_FAILED] =
    g_signal_new ("reload-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* Both sides changed: ours is in the conflict copy at the given path */
  signals[CONFLICT] =
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
  watch_record (self, KEEL_RECORD (self->organisation));
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

/**
 * keel_workspace_check_writable:
 *
 * Makes sure the folder exists and a file can be created in it, by
 * creating and removing one. (Permission bits alone say nothing to root or
 * on a read-only mount.)
 */
gboolean
keel_workspace_check_writable (KeelWorkspace  *self,
                               GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *probe = NULL;
  const char *path;
  int fd;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  path = g_file_peek_path (self->folder);
  name = g_file_get_parse_name (self->folder);

  if (path == NULL || g_mkdir_with_parents (path, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The workspace folder %s cannot be created: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  probe = g_build_filename (path, ".keel-write-test-XXXXXX", NULL);
  fd = g_mkstemp_full (probe, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The workspace folder %s is not writable: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  g_unlink (probe);

  return TRUE;
}

/**
 * keel_workspace_load:
 *
 * Reads keel.json. On failure the workspace keeps what it held and the file
 * is not touched; the error names the file and the line or record.
 */
gboolean
keel_workspace_load (KeelWorkspace  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(Snapshot) snap = NULL;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  snap = read_workspace_file (self->file, cancellable, error);
  if (snap == NULL)
    return FALSE;

  apply_snapshot (self, snap);

  return TRUE;
}

void
keel_workspace_load_async (KeelWorkspace       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, keel_workspace_load_async);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
keel_workspace_load_finish (KeelWorkspace  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_autoptr(Snapshot) snap = NULL;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  snap = g_task_propagate_pointer (G_TASK (result), error);
  if (snap == NULL)
    return FALSE;

  apply_snapshot (self, snap);

  return TRUE;
}

/**
 * keel_workspace_load_bytes:
 *
 * Reads a workspace from text in memory (for tests and fuzzing). The
 * workspace will treat the file on disk as changed by someone else.
 */
gboolean
keel_workspace_load_bytes (KeelWorkspace  *self,
                           GBytes         *bytes,
                           GError        **error)
{
  g_autoptr(Snapshot) snap = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  name = display_name (self);
  data = g_bytes_get_data (bytes, &length);
  snap = parse_workspace (name, data ? data : "", length, error);
  if (snap == NULL)
    return FALSE;

  apply_snapshot (self, snap);

  return TRUE;
}

/**
 * keel_workspace_serialize:
 *
 * Returns: (transfer full): the text keel.json would hold now
 */
GBytes *
keel_workspace_serialize (KeelWorkspace *self)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);

  return write_text (self);
}

/**
 * keel_workspace_save:
 *
 * Writes keel.json now, on this thread (for keel-cli). The previous file
 * goes to backups/; the replace is atomic.
 */
gboolean
keel_workspace_save (KeelWorkspace  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  SaveData *data;
  GError *local_error = NULL;
  gboolean ret;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  data = prepare_save (self);
  ret = write_workspace (data, cancellable, &local_error);
  finish_save (self, data, local_error);
  save_data_free (data);

  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return ret;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  KeelWorkspace *self = KEEL_WORKSPACE (object);
  g_autoptr(GTask) outer = user_data;
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (task, &error);

  set_saving (self, FALSE);
  finish_save (self, g_task_get_task_data (task), error);

  if (self->recheck_after_save)
    {
      self->recheck_after_save = FALSE;
      if (self->dirty && self->autosave)
        schedule_autosave (self);
      g_clear_handle_id (&self->watch_id, g_source_remove);
      self->watch_id = g_timeout_add_full (G_PRIORITY_DEFAULT, WATCH_DELAY_MS,
                                           watch_timeout_cb, g_object_ref (self),
                                           g_object_unref);
    }

  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

/**
 * keel_workspace_save_async:
 *
 * Builds the tree now and writes it on a worker thread. A save that starts
 * while another runs waits for it.
 */
void
keel_workspace_save_async (KeelWorkspace       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, keel_workspace_save_async);

  if (self->saving)
    {
      self->recheck_after_save = TRUE;
      g_task_return_boolean (outer, TRUE);
      g_object_unref (outer);
      return;
    }

  set_saving (self, TRUE);
  g_clear_handle_id (&self->autosave_id, g_source_remove);

  inner = g_task_new (self, NULL, save_done_cb, outer);
  g_task_set_task_data (inner, prepare_save (self), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
keel_workspace_save_finish (KeelWorkspace  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
    schedule_autosave (self);
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
 * keel_workspace_watch:
 *
 * Starts watching keel.json for changes made by other programs.
 */
gboolean
keel_workspace_watch (KeelWorkspace  *self,
                      GError        **error)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), FALSE);

  if (self->monitor != NULL)
    return TRUE;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return FALSE;

  g_file_monitor_set_rate_limit (self->monitor, 100);
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);

  return TRUE;
}

/**
 * keel_workspace_list_backups:
 *
 * Returns: (transfer full) (element-type GFile): the backups, newest first
 */
GPtrArray *
keel_workspace_list_backups (KeelWorkspace *self)
{
  g_autoptr(GFile) backups = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), files);

  backups = g_file_get_child (self->folder, "backups");
  enumerator = g_file_enumerate_children (backups, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return files;

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL)
        break;
      if (g_str_has_prefix (g_file_info_get_name (info), "keel-") &&
          g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = names->len; i > 0; i--)
    g_ptr_array_add (files, g_file_get_child (backups, names->pdata[i - 1]));

  return files;
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
 * Returns: (transfer full): the new id
 */
char *
keel_workspace_next_id (KeelWorkspace *self,
                        GType          kind,
                        GDateTime     *when)
{
  g_autoptr(GTypeClass) tclass = NULL;
  g_autofree char *key = NULL;
  KeelRecordClass *klass;
  guint number;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (kind_index (kind) >= 0, NULL);

  tclass = g_type_class_ref (kind);
  klass = KEEL_RECORD_CLASS (tclass);

  if (strcmp (klass->id_prefix, "MR") == 0)
    {
      g_autoptr(GDateTime) today = when ? g_date_time_ref (when) : keel_date_today ();
      key = g_strdup_printf ("MR-%04d", g_date_time_get_year (today));
    }
  else
    key = g_strdup (klass->id_prefix);

  number = GPOINTER_TO_UINT (g_hash_table_lookup (self->counters, key)) + 1;

  /* Never collide with a record added with an explicit id */
  for (;;)
    {
      g_autofree char *candidate = strcmp (klass->id_prefix, "MR") == 0
        ? g_strdup_printf ("%s-%02u", key, number)
        : g_strdup_printf ("%s-%u", key, number);

      if (!g_hash_table_contains (self->by_id, candidate))
        {
          g_hash_table_replace (self->counters, g_steal_pointer (&key), GUINT_TO_POINTER (number));
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
      GDateTime *when = KEEL_IS_REVIEW (record) ? keel_record_get_date (record, "start") : NULL;
      g_autofree char *id = keel_workspace_next_id (self, G_OBJECT_TYPE (record), when);
      keel_record_set_id (record, id);
    }
  else
    {
      KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (record);
      g_autofree char *key = NULL;
      guint64 number;

      g_return_if_fail (!g_hash_table_contains (self->by_id, keel_record_get_id (record)));

      if (parse_id (klass->id_prefix, keel_record_get_id (record), &key, &number) &&
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

typedef void (*VisitRef) (KeelRecord      *top,
                          KeelRecord      *part,
                          const KeelField *field,
                          const char      *path,
                          const char      *target,
                          gpointer         user_data);

static void
visit_refs (KeelRecord *top,
            KeelRecord *record,
            const char *prefix,
            VisitRef    visit,
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

static void
for_each_record (KeelWorkspace *self,
                 VisitRef       visit,
                 gpointer       user_data)
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

  for_each_record (self, find_ref_cb, &find);

  return find.found;
}

typedef struct
{
  KeelWorkspace *self;
  GPtrArray     *problems;
} Check;

static void
check_ref_cb (KeelRecord      *top,
              KeelRecord      *part,
              const KeelField *field,
              const char      *path,
              const char      *target,
              gpointer         user_data)
{
  Check *check = user_data;
  KeelRecord *found = g_hash_table_lookup (check->self->by_id, target);

  if (found == NULL)
    add_problem (check->problems, KEEL_PROBLEM_ERROR, keel_record_get_id (top), path,
                 g_strdup_printf (_("%s, field “%s”: refers to %s, which does not exist"),
                                  keel_record_get_id (top), path, target));
  else if (field->ref_kind != NULL && g_strcmp0 (keel_record_get_kind (found), field->ref_kind) != 0)
    add_problem (check->problems, KEEL_PROBLEM_ERROR, keel_record_get_id (top), path,
                 g_strdup_printf (_("%s, field “%s”: refers to %s, which is a %s, not a %s"),
                                  keel_record_get_id (top), path, target,
                                  keel_record_get_kind (found), field->ref_kind));
}

static void
check_required (GPtrArray  *problems,
                KeelRecord *top,
                KeelRecord *record,
                const char *prefix)
{
  KeelRecordClass *klass = KEEL_RECORD_GET_CLASS (record);
  const char *id = keel_record_get_id (top);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      g_autofree char *path = prefix ? g_strdup_printf ("%s.%s", prefix, field->key)
                                     : g_strdup (field->key);

      if ((field->flags & KEEL_FIELD_REQUIRED) && !keel_record_is_set (record, field->key))
        add_problem (problems, KEEL_PROBLEM_WARNING, id, path,
                     g_strdup_printf (_("%s: “%s” (%s) is empty"),
                                      id ? id : _("organisation"), path, _(field->label)));

      if (field->type == KEEL_FIELD_CHILD && keel_record_get_child (record, field->key))
        check_required (problems, top, keel_record_get_child (record, field->key), path);

      if (field->type == KEEL_FIELD_CHILDREN)
        {
          GListModel *model = G_LIST_MODEL (keel_record_get_children (record, field->key));

          for (guint j = 0; j < g_list_model_get_n_items (model); j++)
            {
              g_autoptr(KeelRecord) child = g_list_model_get_item (model, j);
              g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, j + 1);

              check_required (problems, top, child, child_path);
            }
        }
    }
}

static void
check_evidence_files (KeelWorkspace *self,
                      GPtrArray     *problems)
{
  GListModel *model = keel_workspace_get_records (self, KEEL_TYPE_EVIDENCE);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KeelRecord) evidence = g_list_model_get_item (model, i);
      KeelRecord *file = keel_record_get_child (evidence, "file");
      const char *sha;
      const char *path;
      g_autofree char *full = NULL;

      if (file == NULL)
        continue;

      sha = keel_record_get_string (file, "sha256");
      path = keel_record_get_string (file, "path");
      if (path == NULL)
        continue;

      full = g_build_filename (g_file_peek_path (self->folder), path, NULL);
      if (!g_file_test (full, G_FILE_TEST_IS_REGULAR))
        add_problem (problems, KEEL_PROBLEM_ERROR, keel_record_get_id (evidence), "file",
                     g_strdup_printf (_("%s: the evidence file %s is missing"),
                                      keel_record_get_id (evidence), path));
      else if (sha != NULL)
        {
          g_autofree char *contents = NULL;
          g_autofree char *actual = NULL;
          gsize length = 0;

          if (g_file_get_contents (full, &contents, &length, NULL))
            actual = sha256_of (contents, length);
          if (g_strcmp0 (actual, sha) != 0)
            add_problem (problems, KEEL_PROBLEM_ERROR, keel_record_get_id (evidence), "file",
                         g_strdup_printf (_("%s: the evidence file %s does not match its "
                                            "SHA-256; it was changed or damaged"),
                                          keel_record_get_id (evidence), path));
        }
    }
}

/**
 * keel_workspace_check:
 *
 * Looks for what is broken (references to records that do not exist,
 * evidence files missing or changed) and what is incomplete (required
 * fields left empty).
 *
 * Returns: (transfer full) (element-type KeelProblem): the problems, errors
 *   first, each in file order
 */
GPtrArray *
keel_workspace_check (KeelWorkspace *self)
{
  Check check = { self, g_ptr_array_new_with_free_func ((GDestroyNotify) keel_problem_free) };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) keel_problem_free);
  guint n_kinds;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), check.problems);

  keel_workspace_get_kinds (&n_kinds);

  for_each_record (self, check_ref_cb, &check);
  check_evidence_files (self, check.problems);

  check_required (warnings, KEEL_RECORD (self->organisation), KEEL_RECORD (self->organisation), NULL);
  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[k]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);
          check_required (warnings, record, record, NULL);
        }
    }

  g_ptr_array_extend_and_steal (check.problems, g_steal_pointer (&warnings));

  return check.problems;
}

void
_keel_workspace_inject_write_error (KeelWorkspace *self,
                                    int            errno_code,
                                    guint          count)
{
  g_return_if_fail (KEEL_IS_WORKSPACE (self));

  self->fault_errno = errno_code;
  self->fault_count = count;
}
