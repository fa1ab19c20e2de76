/* keel-workspace-reader.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-error.h"
#include "keel-json.h"
#include "keel-record-private.h"
#include "keel-records.h"
#include "keel-workspace.h"
#include "keel-workspace-format.h"

/* The one reader of keel.json: the text in, a snapshot of records out, or
 * an error that names the file and the line or the record. Two ways to
 * read: straight from the text (fast), and through a JsonNode tree, which
 * is also what gives every error. Runs on any thread. */

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
char *
keel_workspace_reader_fingerprint (const char *data,
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

/* Parses "PREFIX-12" (or "MR-2026-03" for reviews) into the counter key
 * ("OBJ", "MR-2026") and the number. */
gboolean
keel_workspace_reader_parse_id (const char *prefix,
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

void
keel_workspace_snapshot_free (KeelWorkspaceSnapshot *snap)
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
static KeelWorkspaceSnapshot *
parse_workspace_tree (const char  *name,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(KeelWorkspaceSnapshot) snap = g_new0 (KeelWorkspaceSnapshot, 1);
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

          if (!keel_workspace_reader_parse_id (klass->id_prefix, id, &counter_key, &number))
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

  snap->sha = keel_workspace_reader_fingerprint (data, length);

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
const char * const *
keel_workspace_reader_collections (void)
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
static KeelWorkspaceSnapshot *
read_workspace_fast (const char *data,
                     gsize       length)
{
  g_auto(KeelJsonReader) reader = { 0 };
  g_autoptr(KeelWorkspaceSnapshot) snap = g_new0 (KeelWorkspaceSnapshot, 1);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *collections = keel_workspace_reader_collections ();
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
              if (id == NULL || !keel_workspace_reader_parse_id (klass->id_prefix, id, &counter_key, &number))
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

  snap->sha = keel_workspace_reader_fingerprint (data, length);

  return g_steal_pointer (&snap);
}

/* Reads the text of keel.json into a snapshot: the fast way when it can,
 * else (and for every error) through a JsonNode tree */
KeelWorkspaceSnapshot *
keel_workspace_reader_parse (const char  *name,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  KeelWorkspaceSnapshot *snap = NULL;

  if (g_atomic_int_get (&use_fast_reader))
    snap = read_workspace_fast (data, length);

  if (snap != NULL)
    g_atomic_int_inc (&fast_reads);

  if (snap == NULL)
    snap = parse_workspace_tree (name, data, length, error);

  return snap;
}
