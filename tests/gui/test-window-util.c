/* test-window-util.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "test-window.h"

const char two_people[] =
  "{\n"
  "  \"format\": \"keel-workspace\",\n"
  "  \"version\": 1,\n"
  "  \"organisation\": { \"name\": \"Acme Sailing\", \"size_profile\": \"startup\" },\n"
  "  \"people\": [\n"
  "    { \"id\": \"PER-1\", \"name\": \"Ada Lovelace\", \"email\": \"ada@acme.example\",\n"
  "      \"top_management\": true, \"review_team\": true },\n"
  "    { \"id\": \"PER-2\", \"name\": \"Ben Okafor\", \"email\": \"ben@acme.example\",\n"
  "      \"job_title\": \"Security Lead\" },\n"
  "    { \"id\": \"PER-3\", \"name\": \"Chen Wei\", \"department\": \"Engineering\" }\n"
  "  ],\n"
  "  \"policies\": [\n"
  "    { \"id\": \"POL-1\", \"title\": \"Access control\", \"owner\": \"PER-2\",\n"
  "      \"versions\": [ { \"version\": \"1.0\", \"date\": \"2026-01-10\", \"author\": \"PER-2\",\n"
  "                      \"approval\": { \"by\": \"PER-1\", \"on\": \"2026-01-12\" } } ] }\n"
  "  ]\n"
  "}\n";

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = keel_gui_test_make_folder ();
  fixture->folder = g_file_new_for_path (fixture->path);
}


void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  keel_gui_test_close_all ();
  g_assert_null (fixture->window);
  keel_gui_test_clear_expected ();
  keel_gui_test_remove_folder (fixture->path);
  g_clear_object (&fixture->folder);
  g_free (fixture->path);
}


KeelWindow *
open_window (Fixture *fixture)
{
  KeelWindow *window = keel_window_new (ADW_APPLICATION (keel_gui_test_get_application ()));

  g_set_weak_pointer (&fixture->window, window);
  keel_window_open_folder (window, fixture->folder);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}


KeelWindow *
open_workspace (Fixture    *fixture,
                const char *contents)
{
  KeelWindow *window;

  if (contents != NULL)
    keel_gui_test_write_file (fixture->path, "keel.json", contents, -1);
  window = open_window (fixture);
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);

  return window;
}


GtkWidget *
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  /* The window's views made when needed */
  if (child == NULL && KEEL_IS_WINDOW (widget))
    child = _keel_window_get_view_object (KEEL_WINDOW (widget), name);

  g_assert_nonnull (child);

  return GTK_WIDGET (child);
}


const char *
label_text (KeelWindow *window,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child_of (window, KEEL_TYPE_WINDOW, name)));
}


gboolean
is_other_window (gpointer window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l; l = l->next)
    if (l->data != window && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == window)
      return TRUE;

  return FALSE;
}


GtkListBoxRow *
sidebar_row (KeelWindow *window,
             const char *label)
{
  GtkWidget *list = child_of (window, KEEL_TYPE_WINDOW, "sidebar_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;

      box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      for (GtkWidget *child = gtk_widget_get_first_child (box);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), label) == 0)
          return GTK_LIST_BOX_ROW (row);
    }

  g_error ("no row “%s” in the sidebar", label);
  return NULL;
}


gboolean
page_has_workspace (GtkWidget     *page,
                    KeelWorkspace *expected)
{
  g_autoptr(KeelWorkspace) workspace = NULL;

  g_object_get (page, "workspace", &workspace, NULL);

  return workspace == expected;
}


gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}


KeelRecordEditor *
find_editor (void)
{
  return (KeelRecordEditor *) keel_gui_test_find_window (KEEL_TYPE_RECORD_EDITOR);
}
