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

#if defined(__clang__)
# if __has_feature (address_sanitizer)
#  define HAVE_LSAN 1
# endif
#elif defined(__SANITIZE_ADDRESS__)
# define HAVE_LSAN 1
#endif

#ifdef HAVE_LSAN
# include <sanitizer/lsan_interface.h>
#endif

/* Feeds any bytes to the JSON reader and to the workspace loader, as if
 * they were keel.json. Besides crashes, leaks and undefined behaviour
 * (the sanitizers), it stops on:
 *   - a failure without a KEEL_ERROR, or with a message that is not UTF-8;
 *   - a workspace it read, but whose own text it cannot read back, or
 *     that does not give the same text twice (Keel must be able to open
 *     every file it writes, and write the same data the same way);
 *   - a problem message from keel_workspace_check that is not UTF-8;
 *   - any GLib warning or critical. */

static GFile *folder;

#ifdef HAVE_LSAN
/* json-glib 1.6 reads "{…} {…}" as the first document, drops the rest,
 * and leaks what it parsed of it. Until keel_json_parse refuses text after
 * the end, such input is still fuzzed, but its leaks are not counted. */
static gboolean
has_text_after_the_end (const uint8_t *data,
                        size_t         size)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  size_t i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i == size)
    return FALSE;
  if (data[i] != '{' && data[i] != '[')
    return TRUE;

  for (; i < size; i++)
    {
      if (in_string)
        {
          if (data[i] == '\\')
            i++;
          else if (data[i] == '"')
            in_string = FALSE;
        }
      else if (data[i] == '"')
        in_string = TRUE;
      else if (data[i] == '{' || data[i] == '[')
        depth++;
      else if ((data[i] == '}' || data[i] == ']') && --depth == 0)
        break;
    }

  for (i++; i < size; i++)
    if (!g_ascii_isspace (data[i]))
      return TRUE;

  return FALSE;
}
#endif

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
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Never read nor written: load_bytes only parses; check looks for
   * evidence files under it and finds none */
  folder = g_file_new_for_path ("/nonexistent/keel-fuzz");
  return 0;
}

/* Reads @data as keel.json, checks what comes back. @refused: whether
 * keel_json_parse refuses the text (found beforehand) */
static void
run_one (const uint8_t *data,
         size_t         size,
         gboolean       refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelWorkspace) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  /* The JSON reader alone */
  node = keel_json_parse ("keel.json", (const char *) data, size, &error);
  if (node == NULL)
    check_error (error);
  if ((node == NULL) != refused)
    fail ("keel_json_parse gives two answers for the same text", NULL);
  g_clear_error (&error);

  /* The workspace loader */
  bytes = g_bytes_new (data, size);
  workspace = keel_workspace_new (folder);
  if (!keel_workspace_load_bytes (workspace, bytes, &error))
    {
      check_error (error);
      return;
    }
  if (refused)
    fail ("the loader took a text that keel_json_parse refuses", NULL);

  problems = keel_workspace_check (workspace);
  for (guint i = 0; i < problems->len; i++)
    {
      KeelProblem *problem = problems->pdata[i];

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        fail ("a problem message that is not UTF-8", NULL);
    }

  /* What Keel writes, Keel reads, and writes the same way again */
  first = keel_workspace_serialize (workspace);
  again = keel_workspace_new (folder);
  if (!keel_workspace_load_bytes (again, first, &error))
    {
      g_printerr ("%s\n", error->message);
      fail ("cannot read back the text it wrote", first);
    }

  second = keel_workspace_serialize (again);
  if (!g_bytes_equal (first, second))
    {
      g_printerr ("--- second text ---\n%.*s\n", (int) MIN (g_bytes_get_size (second), 4000),
                  (const char *) g_bytes_get_data (second, NULL));
      fail ("writes the same workspace two different ways", first);
    }
}

static gboolean
is_refused (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = keel_json_parse ("keel.json", (const char *) data, size, &error);

  return node == NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  gboolean refused;
#ifdef HAVE_LSAN
  gboolean unchecked_leaks;
#endif

  if (folder == NULL)
    LLVMFuzzerInitialize (NULL, NULL);

  /* json-glib 1.6 leaks on some of its error paths (a bad \u escape, for
   * one). A refused text gives Keel no tree to leak, so leaks while
   * reading one are json-glib's and not counted; nor are those of a text
   * with more after its end (see has_text_after_the_end). A text that is
   * read runs with every leak counted. */
#ifdef HAVE_LSAN
  __lsan_disable ();
  refused = is_refused (data, size);
  __lsan_enable ();
  unchecked_leaks = refused || has_text_after_the_end (data, size);
  if (unchecked_leaks)
    __lsan_disable ();
#else
  refused = is_refused (data, size);
#endif

  run_one (data, size, refused);

#ifdef HAVE_LSAN
  if (unchecked_leaks)
    __lsan_enable ();
#endif

  return 0;
}
