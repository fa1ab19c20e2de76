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
#include "keel-record-json.h"
#include "keel-records.h"
#include "keel-workspace.h"
#include "keel-workspace-format.h"

/* The one reader of keel.json: the text in, a snapshot of records out, in
 * one pass straight from the text (KeelJsonReader and the record codec),
 * or an error that names the file, the line and column, what was found
 * and what was expected. It refuses what JSON forbids and what a field
 * cannot hold rather than change a value. Runs on any thread. */

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
  g_clear_pointer (&snap->by_id, g_hash_table_unref);
  g_clear_pointer (&snap->counters, g_hash_table_unref);
  g_clear_pointer (&snap->extra, json_object_unref);
  g_free (snap->sha);
  g_free (snap);
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

static gboolean
read_format (KeelJsonReader *reader)
{
  const char *format = NULL;

  if (keel_json_reader_peek (reader) == KEEL_JSON_VALUE_STRING)
    {
      format = keel_json_reader_read_string (reader, NULL);
      if (format == NULL)
        return FALSE;
    }

  if (format == NULL || strcmp (format, KEEL_WORKSPACE_FORMAT) != 0)
    return keel_json_reader_refuse (reader, KEEL_ERROR_FORMAT,
                                    _("expected \"format\": \"%s\"; this is not a Keel workspace"),
                                    KEEL_WORKSPACE_FORMAT);

  return TRUE;
}

static gboolean
read_version (KeelJsonReader *reader)
{
  gboolean integer = FALSE;
  gint64 version = 0;
  double unused;

  if (keel_json_reader_peek (reader) == KEEL_JSON_VALUE_NUMBER &&
      !keel_json_reader_read_number (reader, &integer, &version, &unused))
    return FALSE;

  if (!integer || version < 1)
    return keel_json_reader_refuse (reader, KEEL_ERROR_FORMAT,
                                    _("expected \"version\": a whole number such as %d"),
                                    KEEL_WORKSPACE_VERSION);

  if (version > KEEL_WORKSPACE_VERSION)
    {
      char found[32];

      /* The number is formatted first: a translated message cannot carry
       * G_GINT64_FORMAT */
      g_snprintf (found, sizeof found, "%" G_GINT64_FORMAT, version);
      return keel_json_reader_refuse (reader, KEEL_ERROR_VERSION,
                                      _("written by a newer Keel (workspace version %s); this "
                                        "Keel reads version %d and older. Update Keel to open it."),
                                      found, KEEL_WORKSPACE_VERSION);
    }

  return TRUE;
}

static gboolean
read_counters (KeelJsonReader *reader,
               GHashTable     *counters)
{
  g_autoptr(GHashTable) names = NULL;
  const char *key;
  guint count = 0;

  if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_OBJECT)
    return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID,
                                    _("\"counters\" must be an object of whole numbers; expected an object, found %s"),
                                    keel_json_value_type_describe (keel_json_reader_peek (reader)));

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keel_json_reader_begin_object (reader);
  while (keel_json_reader_next_member (reader, &count, &key))
    {
      gboolean integer = FALSE;
      gint64 value = -1;
      double unused;

      char *name = g_strdup (key);

      /* A name twice: which one counts? Neither */
      if (!g_hash_table_add (names, name))
        return keel_json_reader_refuse_duplicate (reader, name);

      if (keel_json_reader_peek (reader) == KEEL_JSON_VALUE_NUMBER &&
          !keel_json_reader_read_number (reader, &integer, &value, &unused))
        return FALSE;

      if (!integer || value < 0 || value > G_MAXUINT32)
        {
          g_autofree char *shown = keel_json_excerpt (name);

          return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID,
                                          _("\"counters\", “%s”: expected a whole number from 0 "
                                            "to %u"), shown, G_MAXUINT32);
        }

      raise_counter (counters, g_strdup (name), (guint) value);
    }

  return !keel_json_reader_failed (reader);
}

/* Reads one list of records of @kind */
static gboolean
read_list (KeelJsonReader *reader,
           GType           type,
           GPtrArray      *list,
           GHashTable     *counters,
           GHashTable     *seen_ids,
           GHashTable     *by_id)
{
  KeelRecordClass *klass = g_type_class_peek (type);
  const KeelKind *kind = klass->kind_desc;
  guint count = 0;

  if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_ARRAY)
    return keel_json_reader_refuse (reader, KEEL_ERROR_INVALID,
                                    _("\"%s\" must be a list of records; expected a list, found %s"),
                                    klass->collection, keel_json_value_type_describe (keel_json_reader_peek (reader)));

  keel_json_reader_begin_array (reader);
  while (keel_json_reader_next_element (reader, &count))
    {
      g_autofree char *owned = NULL;
      char where_buf[96];
      const char *where = keel_record_json_name (where_buf, sizeof where_buf, klass->collection, NULL,
                                                 count, &owned);
      g_autofree char *counter_key = NULL;
      gsize start = 0;
      gsize id_offset = 0;
      KeelRecord *record;
      const char *id;
      gpointer first;
      guint64 number;

      keel_json_reader_peek (reader);
      start = keel_json_reader_get_offset (reader);
      record = keel_record_json_read (type, reader, where, &id_offset);
      if (record == NULL)
        return FALSE;
      g_ptr_array_add (list, record);

      id = keel_record_get_id (record);
      if (id == NULL)
        {
          g_autofree char *expected = keel_kind_describe_id (kind);

          return keel_json_reader_refuse_at (reader, start, KEEL_ERROR_INVALID,
                                             _("%s has no id; expected %s"), where, expected);
        }

      if (!keel_kind_parse_id (kind, id, &counter_key, &number))
        {
          g_autofree char *shown = keel_json_excerpt (id);
          g_autofree char *expected = keel_kind_describe_id (kind);

          return keel_json_reader_refuse_at (reader, id_offset, KEEL_ERROR_INVALID,
                                             _("“%s” in \"%s\" is not an id; expected %s"),
                                             shown, klass->collection, expected);
        }

      first = g_hash_table_lookup (seen_ids, id);
      if (first != NULL)
        {
          guint line, column;

          keel_json_reader_get_position (reader, GPOINTER_TO_SIZE (first) - 1, &line, &column);
          return keel_json_reader_refuse_at (reader, id_offset, KEEL_ERROR_DUPLICATE_ID,
                                             _("the id %s is used twice (first at line %u); "
                                               "expected every id to be unique"), id, line);
        }
      g_hash_table_insert (seen_ids, (gpointer) id, GSIZE_TO_POINTER (id_offset + 1));
      g_hash_table_insert (by_id, (gpointer) id, record);

      raise_counter (counters, g_steal_pointer (&counter_key), (guint) number);
    }

  return !keel_json_reader_failed (reader);
}

static KeelWorkspaceSnapshot *
read_workspace (KeelJsonReader *reader)
{
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
  /* Built here, on the reader's thread, rather than by the workspace */
  snap->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (keel_json_reader_peek (reader) != KEEL_JSON_VALUE_OBJECT)
    {
      if (keel_json_reader_peek (reader) == KEEL_JSON_VALUE_NONE)
        return (keel_json_reader_begin_object (reader), NULL);
      return (keel_json_reader_refuse (reader, KEEL_ERROR_FORMAT,
                                       _("expected a Keel workspace (a JSON object with "
                                         "\"format\": \"%s\"), found %s"),
                                       KEEL_WORKSPACE_FORMAT,
                                       keel_json_value_type_describe (keel_json_reader_peek (reader))), NULL);
    }

  keel_json_reader_begin_object (reader);
  while (keel_json_reader_next_member (reader, &count, &key))
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

      if ((seen & bit) != 0)
        return (keel_json_reader_refuse_duplicate (reader, key), NULL);
      seen |= bit;

      if (bit == SEEN_FORMAT)
        {
          if (!read_format (reader))
            return NULL;
        }
      else if (bit == SEEN_VERSION)
        {
          if (!read_version (reader))
            return NULL;
        }
      else if (bit != 0 && keel_json_reader_peek (reader) == KEEL_JSON_VALUE_NULL)
        {
          /* Same as absent */
          if (!keel_json_reader_read_null (reader))
            return NULL;
        }
      else if (bit == SEEN_ORGANISATION)
        {
          snap->organisation = (KeelOrganisation *)
            keel_record_json_read (KEEL_TYPE_ORGANISATION, reader, _("organisation"), NULL);
          if (snap->organisation == NULL)
            return NULL;
        }
      else if (bit == SEEN_COUNTERS)
        {
          if (!read_counters (reader, snap->counters))
            return NULL;
        }
      else if (k >= 0)
        {
          if (!read_list (reader, kinds[k], snap->lists[k], snap->counters, seen_ids, snap->by_id))
            return NULL;
        }
      else
        {
          /* Kept as it is */
          g_autofree char *name = NULL;
          JsonNode *node;

          if (snap->extra == NULL)
            snap->extra = json_object_new ();
          else if (json_object_has_member (snap->extra, key))
            return (keel_json_reader_refuse_duplicate (reader, key), NULL);

          name = g_strdup (key);
          node = keel_json_reader_read_node (reader);
          if (node == NULL)
            return NULL;
          json_object_set_member (snap->extra, name, node);
        }
    }

  if (!keel_json_reader_end (reader))
    return NULL;

  if ((seen & SEEN_FORMAT) == 0)
    return (keel_json_reader_refuse_at (reader, 0, KEEL_ERROR_FORMAT,
                                        _("expected \"format\": \"%s\"; this is not a Keel "
                                          "workspace"), KEEL_WORKSPACE_FORMAT), NULL);
  if ((seen & SEEN_VERSION) == 0)
    return (keel_json_reader_refuse_at (reader, 0, KEEL_ERROR_FORMAT,
                                        _("expected \"version\": a whole number such as %d"),
                                        KEEL_WORKSPACE_VERSION), NULL);

  if (snap->organisation == NULL)
    snap->organisation = g_object_new (KEEL_TYPE_ORGANISATION, NULL);

  return g_steal_pointer (&snap);
}

/**
 * keel_workspace_reader_parse:
 * @name: how to name the file in errors
 *
 * Returns: (transfer full) (nullable): what keel.json holds, or %NULL
 *   with @error set
 */
KeelWorkspaceSnapshot *
keel_workspace_reader_parse (const char  *name,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_auto(KeelJsonReader) reader = { 0 };
  KeelWorkspaceSnapshot *snap;

  keel_json_reader_init (&reader, data, length);
  snap = read_workspace (&reader);
  if (snap == NULL)
    return (keel_json_reader_propagate_error (&reader, name, error), NULL);

  snap->sha = keel_workspace_reader_fingerprint (data, length);

  return snap;
}
