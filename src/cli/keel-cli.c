/* keel-cli.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-cli"

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-json.h"
#include "keel-records.h"
#include "keel-workspace.h"

/* keel-cli: argument parsing and output only. All work is in the core. */

enum {
  EXIT_DONE = 0,
  EXIT_FINDINGS = 1,
  EXIT_USAGE = 2,
  EXIT_UNREADABLE = 3,
};

typedef struct
{
  GFile *folder;
} Globals;

typedef int (*CommandFunc) (Globals  *globals,
                            int       argc,
                            char    **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *summary;
} Command;

/* Whether @c would do something to a terminal other than show a glyph:
 * C0 controls (newlines included: a value must not start a line of its
 * own), DEL, C1 controls (CSI, OSC…), and the invisible marks that
 * reorder or separate what follows (bidi overrides and isolates, line and
 * paragraph separators). */
static gboolean
is_unsafe_char (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x061c || c == 0x200e || c == 0x200f ||
         c == 0x2028 || c == 0x2029 ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Text from the workspace (or from a message quoting it) made safe for a
 * terminal: every unsafe character written as an escape (\n, \t, \x1b,
 * \u202e), and bytes that are not UTF-8 as U+FFFD. */
static char *
escape_for_terminal (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_unsafe_char (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c <= 0xff)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }

  return g_string_free (out, FALSE);
}

/* JSON text with every unsafe character that JSON lets through raw (DEL,
 * C1, bidi marks: C0 is escaped already) written as a \u escape: the same
 * JSON, safe on a terminal. They can only occur inside strings. */
static char *
escape_json_for_terminal (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));

  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x7f && is_unsafe_char (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* Prints one line made of @format and values from the workspace, each
 * value escaped */
static void G_GNUC_PRINTF (1, 2)
print_line (const char *format,
            ...)
{
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  safe = escape_for_terminal (text);
  g_print ("%s\n", safe);
}

static void
print_error (const char *message)
{
  g_autofree char *safe = escape_for_terminal (message);

  g_printerr ("keel-cli: %s\n", safe);
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  print_error (message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("\n%s", help);
    }
  return EXIT_USAGE;
}

/* Parses a command's own options; argv[0] is the command name. */
static gboolean
parse_command (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (context, error->message);
      return FALSE;
    }

  if (*argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), (*argv)[1]);
      *status = usage_error (context, message);
      return FALSE;
    }

  return TRUE;
}

static KeelWorkspace *
open_workspace (Globals *globals,
                int     *status)
{
  g_autoptr(KeelWorkspace) workspace = keel_workspace_new (globals->folder);
  g_autoptr(GError) error = NULL;

  if (!keel_workspace_load (workspace, NULL, &error))
    {
      print_error (error->message);
      *status = EXIT_UNREADABLE;
      return NULL;
    }

  return g_steal_pointer (&workspace);
}

/* ------------------------------------------------------------------------ */
/* validate                                                                 */
/* ------------------------------------------------------------------------ */

static int
cmd_validate (Globals  *globals,
              int       argc,
              char    **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean as_json = FALSE;
  guint n_errors = 0;
  guint n_kinds;
  const GType *kinds;
  int status = EXIT_DONE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Load the workspace, check it, print counts and every problem."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!parse_command (context, &argc, &argv, &status))
    return status;

  workspace = open_workspace (globals, &status);
  if (workspace == NULL)
    return status;

  kinds = keel_workspace_get_kinds (&n_kinds);
  problems = keel_workspace_check (workspace);

  for (guint i = 0; i < problems->len; i++)
    if (((KeelProblem *) problems->pdata[i])->level == KEEL_PROBLEM_ERROR)
      n_errors++;

  if (as_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *safe = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "workspace");
      json_builder_add_string_value (builder, g_file_peek_path (globals->folder));
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint k = 0; k < n_kinds; k++)
        {
          g_autoptr(GTypeClass) klass = g_type_class_ref (kinds[k]);

          json_builder_set_member_name (builder, KEEL_RECORD_CLASS (klass)->collection);
          json_builder_add_int_value (builder, keel_workspace_count (workspace, kinds[k]));
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        {
          KeelProblem *problem = problems->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "level");
          json_builder_add_string_value (builder, problem->level == KEEL_PROBLEM_ERROR ? "error" : "warning");
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, problem->id);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, problem->field);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, problem->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      keel_json_write (root, out);
      safe = escape_json_for_terminal (out->str);
      fputs (safe, stdout);
    }
  else
    {
      g_autofree char *name = g_file_get_parse_name (keel_workspace_get_file (workspace));

      print_line (_("%s: a Keel workspace"), name);
      for (guint k = 0; k < n_kinds; k++)
        {
          g_autoptr(GTypeClass) klass = g_type_class_ref (kinds[k]);

          g_print ("  %-20s %6u\n", KEEL_RECORD_CLASS (klass)->collection,
                   keel_workspace_count (workspace, kinds[k]));
        }

      for (guint i = 0; i < problems->len; i++)
        {
          KeelProblem *problem = problems->pdata[i];

          print_line ("%s: %s",
                      problem->level == KEEL_PROBLEM_ERROR ? _("error") : _("warning"),
                      problem->message);
        }

      g_print (g_dngettext (GETTEXT_PACKAGE, "%u error, ", "%u errors, ", n_errors), n_errors);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u warning\n", "%u warnings\n",
                            problems->len - n_errors), problems->len - n_errors);
    }

  return n_errors > 0 ? EXIT_FINDINGS : EXIT_DONE;
}

/* ------------------------------------------------------------------------ */
/* demo                                                                     */
/* ------------------------------------------------------------------------ */

static gboolean
folder_is_empty (GFile *folder)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info = NULL;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return TRUE;

  return !g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL;
}

static int
cmd_demo (Globals  *globals,
          int       argc,
          char    **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GDateTime) today = keel_date_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (globals->folder);
  int status = EXIT_DONE;

  g_option_context_set_summary (context,
                                _("Create a realistic demo workspace in an empty folder."));
  if (!parse_command (context, &argc, &argv, &status))
    return status;

  if (g_file_query_exists (globals->folder, NULL) &&
      g_file_query_file_type (globals->folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY &&
      !folder_is_empty (globals->folder))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s is not empty; the demo is only written into an empty or new folder"),
                         name);
      print_error (message);
      return EXIT_FINDINGS;
    }

  workspace = keel_workspace_new (globals->folder);

  if (!keel_workspace_check_writable (workspace, &error) ||
      !keel_demo_populate (workspace, today, &error) ||
      !keel_workspace_save (workspace, NULL, &error))
    {
      print_error (error->message);
      return EXIT_FINDINGS;
    }

  print_line (_("Demo workspace written to %s"), name);

  return EXIT_DONE;
}

/* ------------------------------------------------------------------------ */
/* main                                                                     */
/* ------------------------------------------------------------------------ */

static const Command commands[] = {
  { "validate", cmd_validate, N_("Load, check, print counts and every problem") },
  { "demo", cmd_demo, N_("Create a realistic demo workspace (refuses a non-empty folder)") },
};

static char *
describe_commands (void)
{
  GString *s = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "\n  %-12s %s", commands[i].name, _(commands[i].summary));

  return g_string_free (s, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace_arg = NULL;
  g_autofree char *today_arg = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  Globals globals = { NULL };
  int status;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace_arg,
      N_("The workspace folder (default: $KEEL_WORKSPACE, or Documents/Keel)"), N_("DIR") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_arg,
      N_("Evaluate everything as of this date (default: $KEEL_TODAY, or today)"), N_("YYYY-MM-DD") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("Keel, the ISMS leadership desk, for scripts."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (version)
    {
      g_print ("keel-cli %s\n", PACKAGE_VERSION);
      return EXIT_DONE;
    }

  if (today_arg == NULL && g_getenv ("KEEL_TODAY") != NULL && g_getenv ("KEEL_TODAY")[0] != '\0')
    today_arg = g_strdup (g_getenv ("KEEL_TODAY"));

  if (today_arg != NULL)
    {
      g_autoptr(GDateTime) today = keel_date_parse (today_arg);

      if (today == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("--today: expected a date like 2026-03-31, found “%s”"), today_arg);
          return usage_error (NULL, message);
        }
      keel_date_set_today (today);
    }

  if (argc < 2)
    return usage_error (context, _("no command given"));

  globals.folder = workspace_arg ? g_file_new_for_commandline_arg (workspace_arg)
                                 : keel_workspace_default_folder ();

  status = -1;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("keel-cli %s", commands[i].name);

        g_set_prgname (prgname);
        status = commands[i].run (&globals, argc - 1, argv + 1);
        break;
      }

  if (status < 0)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
      status = usage_error (context, message);
    }

  g_clear_object (&globals.folder);
  keel_date_set_today (NULL);

  return status;
}
