/* fuzz-workspace-load.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "keel-error.h"
#include "keel-json.h"
#include "keel-workspace.h"
#include "keel-fuzz.h"
#include "keel-open-watch.h"

/* Feeds any bytes to the JSON reader and to the workspace loader, as if
 * they were keel.json. Besides crashes, leaks and undefined behaviour
 * (the sanitizers), it stops on:
 *   - a failure without a KEEL_ERROR, or with a message that is not UTF-8
 *     or does not say where (the file's name, and a line for all but an
 *     empty file);
 *   - a text the JSON reader refuses that the loader reads;
 *   - the value oracle: a workspace it read whose own text it cannot read
 *     back, or reads back to other values, or writes differently the
 *     second time; or whose text json-glib, an independent reader, cannot
 *     read;
 *   - the path oracle: any file opened or looked at outside the
 *     workspace's folder while the text is loaded and checked (evidence
 *     paths come from the text; see keel-open-watch.c);
 *   - a problem message from keel_workspace_check that is not UTF-8;
 *   - any GLib warning or critical. */

static GFile *folder;
static char *folder_path;

static void
fail (const char *what,
      GBytes     *text)
{
  g_printerr ("fuzz-workspace-load: %s\n", what);
  if (text != NULL)
    g_printerr ("--- text ---\n%.*s\n", (int) MIN (g_bytes_get_size (text), 4000),
                (const char *) g_bytes_get_data (text, NULL));
  abort ();
}

static void
check_error (const GError *error)
{
  if (error == NULL || error->domain != KEEL_ERROR)
    fail ("a failure without a KEEL_ERROR", NULL);
  if (error->message == NULL || error->message[0] == '\0' ||
      !g_utf8_validate (error->message, -1, NULL))
    fail ("an error message that is empty or not UTF-8", NULL);
  if (strstr (error->message, "keel.json") == NULL)
    fail ("an error message that does not name the file", NULL);
  if (error->code != KEEL_ERROR_EMPTY && strstr (error->message, " line ") == NULL)
    fail ("an error message without a line", NULL);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* An empty folder of its own: load_bytes reads no file; the check
   * looks for evidence files, which may only ever be inside it */
  folder_path = g_dir_make_tmp ("keel-fuzz-XXXXXX", NULL);
  if (folder_path == NULL)
    fail ("no temporary folder", NULL);
  folder = g_file_new_for_path (folder_path);

  /* What GLib opens once, on first use (the charset alias table, time
   * zones), is opened here, before anything is watched */
  {
    static const char warm[] =
      "{\"format\": \"keel-workspace\", \"version\": 1, "
      "\"reviews\": [{\"id\": \"MR-2026-01\", \"start\": \"2026-03-31T10:00:00+02:00\"}], "
      "\"actions\": [{\"id\": \"ACT-1\", \"due\": \"2026-03-31\"}]}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (warm, sizeof warm - 1);
    g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GBytes) text = NULL;
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();

    g_get_charset (NULL);
    if (!keel_workspace_load_bytes (workspace, bytes, NULL))
      fail ("the warm-up workspace does not load", NULL);
    problems = keel_workspace_check (workspace);
    text = keel_workspace_serialize (workspace);
  }

  return 0;
}

static void
assert_same_values (KeelWorkspace *a,
                    KeelWorkspace *b,
                    GBytes        *text)
{
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  if (!keel_record_equal (KEEL_RECORD (keel_workspace_get_organisation (a)),
                          KEEL_RECORD (keel_workspace_get_organisation (b))))
    fail ("the organisation reads back with other values", text);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *la = keel_workspace_get_records (a, kinds[k]);
      GListModel *lb = keel_workspace_get_records (b, kinds[k]);

      if (g_list_model_get_n_items (la) != g_list_model_get_n_items (lb))
        fail ("a list reads back with another length", text);

      for (guint i = 0; i < g_list_model_get_n_items (la); i++)
        {
          g_autoptr(KeelRecord) ra = g_list_model_get_item (la, i);
          g_autoptr(KeelRecord) rb = g_list_model_get_item (lb, i);

          if (g_strcmp0 (keel_record_get_id (ra), keel_record_get_id (rb)) != 0 ||
              !keel_record_equal (ra, rb))
            fail ("a record reads back with other values", text);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonParser) parser = NULL;
  const char *outside;
  gboolean loaded;

  if (folder == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  /* The JSON reader alone */
  node = keel_json_parse ("keel.json", (const char *) data, size, &error);
  if (node == NULL)
    check_error (error);
  g_clear_error (&error);

  /* The workspace loader, and the check that follows every load */
  bytes = g_bytes_new (data, size);
  workspace = keel_workspace_new (folder);

  keel_open_watch_begin (folder_path);
  loaded = keel_workspace_load_bytes (workspace, bytes, &error);
  if (loaded)
    problems = keel_workspace_check (workspace);
  outside = keel_open_watch_end ();
  if (outside != NULL)
    {
      g_printerr ("opened or looked at: %s\n", outside);
      fail ("a file outside the workspace was opened (path oracle)", NULL);
    }

  if (!loaded)
    {
      check_error (error);
      return 0;
    }
  if (node == NULL)
    fail ("the loader took a text that keel_json_parse refuses", NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      KeelProblem *problem = problems->pdata[i];

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        fail ("a problem message that is not UTF-8", NULL);
    }

  /* The value oracle: what Keel writes, Keel reads back to the same
   * values, and writes the same way again */
  first = keel_workspace_serialize (workspace);
  again = keel_workspace_new (folder);
  if (!keel_workspace_load_bytes (again, first, &error))
    {
      g_printerr ("%s\n", error->message);
      fail ("cannot read back the text it wrote", first);
    }

  assert_same_values (workspace, again, first);

  second = keel_workspace_serialize (again);
  if (!g_bytes_equal (first, second))
    {
      g_printerr ("--- second text ---\n%.*s\n", (int) MIN (g_bytes_get_size (second), 4000),
                  (const char *) g_bytes_get_data (second, NULL));
      fail ("writes the same workspace two different ways", first);
    }

  /* and an independent reader reads it */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (first, NULL),
                                   (gssize) g_bytes_get_size (first), &error))
    {
      g_printerr ("%s\n", error->message);
      fail ("json-glib cannot read the text Keel wrote", first);
    }

  return 0;
}
