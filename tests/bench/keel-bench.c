/* keel-bench.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "keel-records.h"
#include "keel-workspace.h"
#include "keel-bench-populate.h"

/* One operation per process, so that the caller can take the peak memory
 * of exactly that operation from wait4():
 *
 *   keel-bench generate [--records N] [--people N] [--years N] [--seed N] DIR
 *   keel-bench load DIR        time keel_workspace_load
 *   keel-bench serialize DIR   load, then time keel_workspace_serialize
 *   keel-bench save DIR        load, edit one title, then time keel_workspace_save
 *
 * Each timing goes to stdout as "keel-bench-seconds: S". */

static double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static void
report (double seconds)
{
  printf ("keel-bench-seconds: %.6f\n", seconds);
  fflush (stdout);
}

static KeelWorkspace *
load (const char *dir,
      double     *seconds)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (folder);
  g_autoptr(GError) error = NULL;
  double start = now ();

  if (!keel_workspace_load (workspace, NULL, &error))
    {
      g_printerr ("keel-bench: %s\n", error->message);
      exit (EXIT_FAILURE);
    }

  if (seconds != NULL)
    *seconds = now () - start;

  return g_steal_pointer (&workspace);
}

static int
generate (int    argc,
          char **argv)
{
  KeelBenchShape shape = { KEEL_BENCH_COMPANY_RECORDS, 200, 2016, 10, 27001 };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int records = (int) shape.records, people = (int) shape.people, years = shape.years;
  int seed = (int) shape.seed;
  double start;
  guint added;
  const GOptionEntry entries[] = {
    { "records", 0, 0, G_OPTION_ARG_INT, &records, "Top-level records, roughly", "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &people, "People employed at a time", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of history", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      records < 1 || people < 1 || years < 1)
    {
      g_printerr ("keel-bench generate: %s\n",
                  error ? error->message : "expected one folder and positive numbers");
      return 2;
    }

  shape.records = (guint) records;
  shape.people = (guint) people;
  shape.years = years;
  shape.seed = (guint32) seed;

  folder = g_file_new_for_commandline_arg (argv[1]);
  workspace = keel_workspace_new (folder);
  if (keel_workspace_file_exists (workspace))
    {
      g_printerr ("keel-bench generate: %s already holds a workspace\n", argv[1]);
      return 1;
    }

  start = now ();
  added = keel_bench_populate (workspace, &shape);
  if (!keel_workspace_save (workspace, NULL, &error))
    {
      g_printerr ("keel-bench generate: %s\n", error->message);
      return 1;
    }

  bytes = keel_workspace_serialize (workspace);
  printf ("%s: %u records, %" G_GSIZE_FORMAT " bytes, generated in %.2f s\n",
          argv[1], added, g_bytes_get_size (bytes), now () - start);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KeelWorkspace) workspace = NULL;
  const char *command = argc > 1 ? argv[1] : "";
  double seconds = 0;

  if (g_str_equal (command, "generate"))
    return generate (argc - 1, argv + 1);

  if (argc != 3)
    {
      g_printerr ("usage: keel-bench generate|load|serialize|save DIR\n");
      return 2;
    }

  if (g_str_equal (command, "load"))
    {
      workspace = load (argv[2], &seconds);
      report (seconds);
    }
  else if (g_str_equal (command, "serialize"))
    {
      g_autoptr(GBytes) bytes = NULL;
      double start;

      workspace = load (argv[2], NULL);
      start = now ();
      bytes = keel_workspace_serialize (workspace);
      report (now () - start);
    }
  else if (g_str_equal (command, "save"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KeelRecord) record = NULL;
      g_autofree char *title = NULL;
      double start;

      workspace = load (argv[2], NULL);

      /* A real save follows an edit: the old file then goes to backups/ */
      record = g_list_model_get_item (keel_workspace_get_records (workspace, KEEL_TYPE_OBJECTIVE), 0);
      if (record != NULL)
        {
          title = g_strdup_printf ("Edited at %" G_GINT64_FORMAT, g_get_real_time ());
          keel_record_set_string (record, "title", title);
        }

      start = now ();
      if (!keel_workspace_save (workspace, NULL, &error))
        {
          g_printerr ("keel-bench: %s\n", error->message);
          return 1;
        }
      report (now () - start);
    }
  else
    {
      g_printerr ("keel-bench: unknown command “%s”\n", command);
      return 2;
    }

  return 0;
}
