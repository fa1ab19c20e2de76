/* test-fast-reader.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-fast-reader"

#include "config.h"

#include <string.h>

#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-json.h"
#include "keel-test-util.h"
#include "keel-workspace-private.h"

/* keel.json is read straight from the text (KeelJsonReader) when it can,
 * and through json-glib's tree otherwise and for every error. The two must
 * never disagree: for each text here, both ways either fail with the same
 * error or give a workspace that writes the same bytes. And the fast way
 * must really be taken for the files Keel writes, or this would prove
 * nothing.
 *
 * Writing too goes straight from the records to the text; every workspace
 * here must give the same bytes as through a JsonNode tree. */

static GFile *folder;

static void
assert_same_text (const char    *label,
                  KeelWorkspace *workspace)
{
  g_autoptr(GBytes) direct = keel_workspace_serialize (workspace);
  g_autoptr(GBytes) tree = _keel_workspace_serialize_tree (workspace);

  if (!g_bytes_equal (direct, tree))
    g_error ("%s: written straight and through a tree, the texts differ:\n%.*s\n---\n%.*s",
             label, (int) g_bytes_get_size (direct), (const char *) g_bytes_get_data (direct, NULL),
             (int) g_bytes_get_size (tree), (const char *) g_bytes_get_data (tree, NULL));
}

/* Loads @data both ways and compares; returns whether the fast way read it */
static gboolean
compare (const char *label,
         const char *data,
         gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(KeelWorkspace) fast = keel_workspace_new (folder);
  g_autoptr(KeelWorkspace) slow = keel_workspace_new (folder);
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) slow_error = NULL;
  gboolean fast_ok, slow_ok;
  guint before;

  before = _keel_workspace_get_fast_reads ();
  _keel_workspace_set_fast_reader (TRUE);
  fast_ok = keel_workspace_load_bytes (fast, bytes, &fast_error);
  _keel_workspace_set_fast_reader (FALSE);
  slow_ok = keel_workspace_load_bytes (slow, bytes, &slow_error);
  _keel_workspace_set_fast_reader (TRUE);

  if (fast_ok != slow_ok)
    g_error ("%s: the fast way %s, the tree %s (%s)", label,
             fast_ok ? "read it" : "failed", slow_ok ? "read it" : "failed",
             fast_ok ? slow_error->message : fast_error->message);

  if (!fast_ok)
    {
      g_assert_cmpuint (_keel_workspace_get_fast_reads (), ==, before);
      g_assert_cmpstr (fast_error->message, ==, slow_error->message);
      g_assert_true (fast_error->domain == slow_error->domain);
      g_assert_cmpint (fast_error->code, ==, slow_error->code);
      return FALSE;
    }
  else
    {
      g_autoptr(GBytes) a = keel_workspace_serialize (fast);
      g_autoptr(GBytes) b = keel_workspace_serialize (slow);

      assert_same_text (label, fast);

      if (!g_bytes_equal (a, b))
        g_error ("%s: the fast way and the tree read different workspaces:\n%.*s\n---\n%.*s",
                 label, (int) g_bytes_get_size (a), (const char *) g_bytes_get_data (a, NULL),
                 (int) g_bytes_get_size (b), (const char *) g_bytes_get_data (b, NULL));
    }

  return _keel_workspace_get_fast_reads () > before;
}

static GBytes *
full_text (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_test_new_full_workspace (folder);

  assert_same_text ("full workspace", workspace);

  return keel_workspace_serialize (workspace);
}

/* The same JSON without the white space outside texts */
static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_string = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (in_string)
        {
          g_string_append_c (out, *p);
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (out, *++p);
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p);
        }
      else if (!g_ascii_isspace (*p))
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
test_full (void)
{
  g_autoptr(GBytes) bytes = full_text ();
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *small = compact (text);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n\t", lines);

  g_assert_true (compare ("full workspace", text, strlen (text)));
  g_assert_true (compare ("full workspace, compact", small, strlen (small)));
  g_assert_true (compare ("full workspace, CR LF and tabs", crlf, strlen (crlf)));
}

static void
test_demo (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GDateTime) today = keel_date_new (KEEL_TEST_TODAY_Y, KEEL_TEST_TODAY_M,
                                              KEEL_TEST_TODAY_D);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (keel_demo_populate (workspace, today, &error));
  g_assert_no_error (error);
  assert_same_text ("demo workspace", workspace);
  bytes = keel_workspace_serialize (workspace);

  g_assert_true (compare ("demo workspace", g_bytes_get_data (bytes, NULL),
                          g_bytes_get_size (bytes)));
}

/* Small workspaces, each with one thing in it: the fast way reads the
 * valid ones itself (TRUE) or leaves them to the tree (FALSE) */
static const struct {
  const char *members;
  gboolean    fast;
} cases[] = {
  { "", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"title\": \"A\", \"target\": 1}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 0}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": -0}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": -0.0}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1e2}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1E+2}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 2.5e-7}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 0.1, \"baseline\": 0.30000000000000004}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 123456789012345678}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": -123456789012345678}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1234567890123456789}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1e400}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": 1e-400}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": \"1\"}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"target\": null, \"title\": null}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"title\": \"\"}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"status\": \"on-track\"}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"status\": \"\"}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"status\": \"on\"}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"evidence\": []}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"evidence\": [\"\", \"EVD-9\"]}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"evidence\": [1]}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": []}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [{\"date\": \"2026-01-31\", \"value\": 3}, "
    "{\"date\": \"2026-02-28\", \"value\": 4.5, \"note\": \"x\", \"extra\": {\"a\": [1, 2.5, null, true]}}]}]", TRUE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [{\"date\": \"2026-02-30\", \"value\": 3}]}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": [null]}]", FALSE },
  { "\"objectives\": [{\"id\": \"OBJ-1\", \"readings\": {}}]", FALSE },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00+02:00\", \"duration\": 90}]", TRUE },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": 90.0}]", FALSE },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"duration\": 9e1}]", FALSE },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00\"}]", FALSE },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"sign_off\": {\"by\": \"PER-1\", \"on\": \"2026-04-01\"}}]", TRUE },
  { "\"reviews\": [{\"id\": \"MR-2026-01\", \"sign_off\": []}]", FALSE },
  { "\"reviews\": [{\"id\": \"MR-26-01\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"A\", \"top_management\": true, \"review_team\": false}]", TRUE },
  { "\"people\": [{\"id\": \"PER-1\", \"top_management\": 1}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\"}, {\"id\": \"PER-1\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-0\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-4294967296\"}]", FALSE },
  { "\"people\": [{\"name\": \"no id\"}]", FALSE },
  { "\"people\": [{\"id\": null}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"id\": \"PER-2\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"a\", \"name\": \"b\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"x\": 1, \"x\": 2}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"x\": {\"y\": 1, \"y\": 2}}]", FALSE },
  { "\"people\": [{\"\\u0069d\": \"PER-1\", \"n\\u00e4me\": \"\\u00e9\\ud83d\\udee1 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}]", TRUE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"é 🛡 € ✓\"}]", TRUE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\u0000\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\ud83d\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\udee1\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\x41\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"\\u00G9\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": \"tab\there\"}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\", \"name\": 'single'}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\",}]", FALSE },
  { "\"people\": [{\"id\": \"PER-1\"},]", FALSE },
  { "\"people\": null, \"policies\": null, \"organisation\": null, \"counters\": null", TRUE },
  { "\"people\": {}", FALSE },
  { "\"organisation\": {\"name\": \"Org\", \"size_profile\": \"startup\", \"motto\": \"x\"}", TRUE },
  { "\"organisation\": []", FALSE },
  { "\"counters\": {\"PER\": 7, \"MR-2026\": 3}, \"people\": [{\"id\": \"PER-9\"}]", TRUE },
  { "\"counters\": {\"PER\": -1}", FALSE },
  { "\"counters\": {\"PER\": 4294967296}", FALSE },
  { "\"counters\": {\"PER\": 1.5}", FALSE },
  { "\"counters\": [1]", FALSE },
  { "\"future\": {\"list\": [1, -2, 3.25, \"x\", false, null, {}], \"n\": 1e3}, \"z\": []", TRUE },
  { "\"future\": 1, \"future\": 2", FALSE },
  { "\"people\": [], \"people\": []", FALSE },
  { "\"future\": 01", FALSE },
  { "\"future\": +1", FALSE },
  { "\"future\": .5", FALSE },
  { "\"future\": 1.", FALSE },
  { "\"future\": 1e", FALSE },
  { "\"future\": -", FALSE },
  { "\"future\": tru", FALSE },
  { "\"future\": nul", FALSE },
  { "\"future\": NaN", FALSE },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"keel-workspace\", \"version\": 1%s%s}\n",
                                               cases[i].members[0] ? ", " : "", cases[i].members);

      if (compare (text, text, strlen (text)) != cases[i].fast)
        g_error ("%s: expected %s", text,
                 cases[i].fast ? "the fast way to read it" : "the tree to read it");
    }

  /* As deep as keel_json_parse() allows (the workspace's own brace is the
   * first level), and one deeper */
  for (guint extra = 0; extra < 2; extra++)
    {
      guint levels = KEEL_JSON_MAX_DEPTH - 1 + extra;
      g_autofree char *open = g_strnfill (levels, '[');
      g_autofree char *close = g_strnfill (levels, ']');
      g_autofree char *text = g_strdup_printf ("{\"format\": \"keel-workspace\", \"version\": 1, "
                                               "\"future\": %s%s}", open, close);

      g_assert_true (compare (text, text, strlen (text)) == (extra == 0));
    }
}

/* Around a valid document: what JSON or Keel allows there, or not */
static void
test_edges (void)
{
  static const char * const texts[] = {
    "",
    "   \n",
    "[]",
    "{}",
    "{\"version\": 1}",
    "{\"format\": \"keel-workspace\"}",
    "{\"format\": \"other\", \"version\": 1}",
    "{\"format\": \"keel-workspace\", \"version\": 2}",
    "{\"format\": \"keel-workspace\", \"version\": 0}",
    "{\"format\": \"keel-workspace\", \"version\": \"1\"}",
    "{\"format\": \"keel-workspace\", \"version\": 1} {}",
    "{\"format\": \"keel-workspace\", \"version\": 1}x",
    "\xef\xbb\xbf{\"format\": \"keel-workspace\", \"version\": 1}",
    "{\"format\": \"keel-workspace\", \"version\": 1\x0b}",
    "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"\xc3\x28\"}",
    "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"\xed\xa0\x80\"}",
    "{\"format\": \"keel-workspace\", \"version\": 1 /* note */}",
    "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"a",
    "{\"format\": \"keel-workspace\", \"version\": 1,",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_false (compare (texts[i], texts[i], strlen (texts[i])));

  /* A NUL byte inside */
  {
    static const char with_nul[] = "{\"format\": \"keel-workspace\", \"version\": 1, \"x\": \"a\0b\"}";

    g_assert_false (compare ("NUL", with_nul, sizeof with_nul - 1));
  }
}

/* Every input the fuzzer keeps, and every crash it ever found */
static void
test_fuzz_corpus (void)
{
  const char *source = g_getenv ("KEEL_SOURCE_DIR");
  const char *dirs[] = { "corpus", "regressions" };
  guint files = 0;

  if (source == NULL)
    {
      g_test_skip ("KEEL_SOURCE_DIR is not set");
      return;
    }

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_build_filename (source, "tests", "fuzz", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
            continue;
          g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
          compare (file, contents, length);
          files++;
        }
    }

  /* The committed seeds (and regressions) at least; a local fuzzing run adds more */
  g_assert_cmpuint (files, >=, 40);
}

/* The full workspace with one edit at a random place, many times over */
static void
test_mutations (void)
{
  static const char bytes[] = "{}[],:\"\\u0-+.eE tnf1 \x01\xc3\xa9\xff/";
  g_autoptr(GBytes) full = full_text ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);
  const char *text = g_bytes_get_data (full, NULL);
  gsize length = g_bytes_get_size (full);
  /* Under sanitizers or memcheck every load is many times slower: fewer
   * rounds there (the plain run keeps them all) */
  const char *preload = g_getenv ("LD_PRELOAD");
  gboolean slow = g_getenv ("KEEL_SANITIZERS") != NULL ||
                  (preload != NULL && strstr (preload, "vgpreload") != NULL);
  guint rounds = slow ? 150 : 1500;
  guint fast = 0;

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GString) mutated = g_string_new_len (text, length);
      gsize at = g_rand_int_range (rand, 0, (gint32) length);
      char c = bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];
      g_autofree char *label = NULL;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_erase (mutated, at, 1);
          break;
        case 1:
          g_string_insert_c (mutated, at, c);
          break;
        default:
          mutated->str[at] = c;
          break;
        }

      label = g_strdup_printf ("mutation %u at byte %" G_GSIZE_FORMAT, i, at);
      fast += compare (label, mutated->str, mutated->len);
    }

  /* Many edits leave valid JSON (inside a text, or white space) */
  g_assert_cmpuint (fast, >, rounds / 15);
}

/* Nothing in it, and records with nothing set */
static void
test_empty (void)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  assert_same_text ("empty workspace", workspace);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(KeelRecord) record = g_object_new (kinds[k], NULL);
      const char * const empty[] = { NULL };

      keel_workspace_add (workspace, record);
      /* An empty list is unset */
      if (keel_record_find_field (record, "evidence") != NULL &&
          keel_record_find_field (record, "evidence")->type == KEEL_FIELD_REF_LIST)
        keel_record_set_strv (record, "evidence", empty);
    }

  assert_same_text ("records with nothing set", workspace);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  int status;

  keel_test_init (&argc, &argv);

  tmp = keel_test_make_tmpdir ();
  folder = g_file_new_for_path (tmp);

  g_test_add_func ("/keel/fast-reader/full", test_full);
  g_test_add_func ("/keel/fast-reader/demo", test_demo);
  g_test_add_func ("/keel/fast-reader/cases", test_cases);
  g_test_add_func ("/keel/fast-reader/edges", test_edges);
  g_test_add_func ("/keel/fast-reader/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/keel/fast-reader/mutations", test_mutations);
  g_test_add_func ("/keel/fast-reader/empty", test_empty);

  status = g_test_run ();

  g_clear_object (&folder);
  keel_test_rm_rf (tmp);

  return status;
}
