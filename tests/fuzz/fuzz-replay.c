/* fuzz-replay.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-fuzz"

#include "config.h"

#include <stdio.h>

#include <glib.h>

#include "keel-fuzz.h"

/* Runs the fuzz target on files, with the normal build: every crash the
 * fuzzer found (tests/fuzz/regressions/) and the seed corpus stay tested
 * without clang. A failure aborts, as under the fuzzer.
 *
 *   fuzz-replay FILE|DIR...   prints TAP, one test per file */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);

  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_strdup (names->pdata[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  if (files->len == 0)
    {
      printf ("1..0 # SKIP no input files\n");
      return 1;
    }

  printf ("1..%u\n", files->len);
  fflush (stdout);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      if (!g_file_get_contents (files->pdata[i], &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, base, error->message);
          continue;
        }

      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      printf ("ok %u - %s (%" G_GSIZE_FORMAT " bytes)\n", i + 1, base, length);
      fflush (stdout);
    }

  return 0;
}
