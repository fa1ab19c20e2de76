/* keel-robust-saver.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-robust"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "keel-date.h"
#include "keel-records.h"
#include "keel-workspace.h"
#include "keel-bench-populate.h"

/* Saves a workspace over and over, so that a test can kill it at any
 * moment and check what is left on disk:
 *
 *   keel-robust-saver init --records N DIR   write a first workspace
 *   keel-robust-saver run DIR                save generation after generation
 *
 * Generation N touches the file in several places at once: the
 * organisation's strategy says "gen N" (the top of keel.json), OBJ-1 is
 * titled "gen N" and gets a reading of value N (keeping the last 40), an
 * action "gen N" is added (and the one of N-20 removed, so ids move on),
 * and the last dispatch is called "gen-N.zip" (the end of the file). A file
 * with parts of two generations is therefore easy to see.
 *
 * "ready N" is printed once loaded, then "begin N" before each call to
 * keel_workspace_save and "committed N" after it returns, each flushed. */

#define KEEP_READINGS 40
#define KEEP_ACTIONS  20

static guint64
current_generation (KeelWorkspace *workspace)
{
  const char *strategy = keel_record_get_string (KEEL_RECORD (keel_workspace_get_organisation (workspace)),
                                                 "strategy");

  if (strategy == NULL || !g_str_has_prefix (strategy, "gen "))
    return 0;

  return g_ascii_strtoull (strategy + 4, NULL, 10);
}

static KeelRecord *
last_record (KeelWorkspace *workspace,
             GType          kind)
{
  GListModel *model = keel_workspace_get_records (workspace, kind);
  guint n = g_list_model_get_n_items (model);

  return n > 0 ? g_list_model_get_item (model, n - 1) : NULL;
}

static void
make_generation (KeelWorkspace *workspace,
                 guint64        gen)
{
  g_autofree char *title = g_strdup_printf ("gen %" G_GUINT64_FORMAT, gen);
  g_autofree char *file_name = g_strdup_printf ("gen-%" G_GUINT64_FORMAT ".zip", gen);
  g_autofree char *old_title = g_strdup_printf ("gen %" G_GUINT64_FORMAT, gen - KEEP_ACTIONS);
  g_autoptr(GDateTime) epoch = keel_date_new (2026, 1, 1);
  g_autoptr(GDateTime) day = keel_date_add_days (epoch, (int) (gen % 3000));
  KeelRecord *objective = keel_workspace_lookup (workspace, "OBJ-1");
  g_autoptr(KeelRecord) dispatch = last_record (workspace, KEEL_TYPE_DISPATCH);
  GListModel *actions = keel_workspace_get_records (workspace, KEEL_TYPE_ACTION);
  GListStore *readings;
  KeelRecord *reading;
  KeelRecord *action;

  g_assert (objective != NULL);
  g_assert (dispatch != NULL);

  keel_record_set_string (KEEL_RECORD (keel_workspace_get_organisation (workspace)), "strategy", title);

  keel_record_set_string (objective, "title", title);
  readings = keel_record_get_children (objective, "readings");
  reading = g_object_new (KEEL_TYPE_READING, NULL);
  keel_record_set_date (reading, "date", day);
  keel_record_set_double (reading, "value", (double) gen);
  g_list_store_append (readings, reading);
  g_object_unref (reading);
  while (g_list_model_get_n_items (G_LIST_MODEL (readings)) > KEEP_READINGS)
    g_list_store_remove (readings, 0);

  action = g_object_new (KEEL_TYPE_ACTION, NULL);
  keel_record_set_string (action, "title", title);
  keel_record_set_string (action, "owner", "PER-1");
  keel_record_set_date (action, "due", day);
  keel_workspace_add (workspace, action);
  g_object_unref (action);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(KeelRecord) candidate = g_list_model_get_item (actions, i);

      if (g_strcmp0 (keel_record_get_string (candidate, "title"), old_title) == 0)
        {
          keel_workspace_remove (workspace, candidate, NULL);
          break;
        }
    }

  keel_record_set_string (dispatch, "file_name", file_name);
}

static int
init (const char *dir,
      guint       records)
{
  KeelBenchShape shape = { records, MAX (10, records / 60), 2020, 3, 1 };
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GError) error = NULL;

  keel_bench_populate (workspace, &shape);
  if (!keel_workspace_save (workspace, NULL, &error))
    {
      g_printerr ("keel-robust-saver: %s\n", error->message);
      return 1;
    }

  return 0;
}

static int
run (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GError) error = NULL;
  guint64 gen;

  if (!keel_workspace_load (workspace, NULL, &error))
    {
      g_printerr ("keel-robust-saver: %s\n", error->message);
      return 1;
    }

  gen = current_generation (workspace);
  printf ("ready %" G_GUINT64_FORMAT "\n", gen);
  fflush (stdout);

  for (;;)
    {
      gen++;
      make_generation (workspace, gen);

      printf ("begin %" G_GUINT64_FORMAT "\n", gen);
      fflush (stdout);

      if (!keel_workspace_save (workspace, NULL, &error))
        {
          g_printerr ("keel-robust-saver: %s\n", error->message);
          return 1;
        }

      printf ("committed %" G_GUINT64_FORMAT "\n", gen);
      fflush (stdout);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "init") && g_str_equal (argv[2], "--records"))
    return init (argv[4], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  if (argc == 3 && g_str_equal (argv[1], "run"))
    return run (argv[2]);

  g_printerr ("usage: keel-robust-saver init --records N DIR | run DIR\n");
  return 2;
}
