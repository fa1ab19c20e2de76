/* page-test-util.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "keel-list-page.h"
#include "keel-window-private.h"

#include "page-test-util.h"

gboolean
page_test_init (int    *argc,
                char ***argv)
{
  /* Accessibility stays in-process: these tests drive the widgets */
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* Under the headless runner a display must be there: fail. Elsewhere
       * skipped, never counted as passed. */
      if (g_getenv ("KEEL_HEADLESS") != NULL)
        {
          g_print ("Bail out! no display under the headless runner\n");
          exit (1);
        }
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);

  adw_init ();

  return TRUE;
}

KeelRecord *
page_test_person (const char *name,
                  gboolean    top_management)
{
  KeelRecord *person = g_object_new (KEEL_TYPE_PERSON, NULL);

  keel_record_set_string (person, "name", name);
  keel_record_set_boolean (person, "top_management", top_management);

  return person;
}

static char *
make_folder (PageTestFill fill,
             gboolean     one_person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(KeelRecord) ana = page_test_person ("Ana Lima", TRUE);
  g_autoptr(KeelRecord) ben = page_test_person ("Ben Ortiz", FALSE);
  char *path = g_dir_make_tmp ("keel-pages-XXXXXX", &error);

  g_assert_no_error (error);

  folder = g_file_new_for_path (path);
  workspace = keel_workspace_new (folder);
  keel_record_set_string (KEEL_RECORD (keel_workspace_get_organisation (workspace)), "name", "Northwind");
  keel_workspace_add (workspace, ana);
  g_assert_cmpstr (keel_record_get_id (ana), ==, "PER-1");
  if (!one_person)
    {
      keel_workspace_add (workspace, ben);
      g_assert_cmpstr (keel_record_get_id (ben), ==, "PER-2");
    }

  if (fill != NULL)
    fill (workspace);

  keel_workspace_save (workspace, NULL, &error);
  g_assert_no_error (error);

  return path;
}

char *
page_test_make_folder (PageTestFill fill)
{
  return make_folder (fill, FALSE);
}

char *
page_test_make_one_person_folder (void)
{
  return make_folder (NULL, TRUE);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

void
page_test_remove_folder (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  remove_tree (folder);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
expired_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;

  return G_SOURCE_REMOVE;
}

gboolean
page_test_wait (gboolean (*check) (gpointer data),
                gpointer   data,
                guint      timeout_ms)
{
  gboolean expired = FALSE;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  guint timer = g_timeout_add (timeout_ms, expired_cb, &expired);
  gboolean ok;

  while (!(ok = check (data)) && !expired)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
  if (!expired)
    g_source_remove (timer);

  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
page_test_iterate (guint ms)
{
  page_test_wait (never, NULL, ms);
}

static gboolean
window_ready (gpointer data)
{
  return _keel_window_get_view (KEEL_WINDOW (data)) == KEEL_WINDOW_VIEW_WORKSPACE;
}

KeelWindow *
page_test_open_window (const char *folder,
                       const char *page)
{
  static AdwApplication *application;
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  KeelWindow *window;

  if (application == NULL)
    {
      g_autoptr(GError) error = NULL;

      application = adw_application_new ("io.github.keelisms.Keel.PagesTest", G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
    }

  window = keel_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  keel_window_open_folder (window, file);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (page_test_wait (window_ready, window, 5000));
  _keel_window_show_page (window, page);
  page_test_iterate (50);

  return window;
}

static gboolean
window_gone (gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr(GObject) object = g_weak_ref_get (ref);

  return object == NULL;
}

void
page_test_close_window (KeelWindow *window)
{
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GWeakRef ref;

  if (workspace != NULL)
    page_test_wait_saved (workspace);

  g_weak_ref_init (&ref, window);
  gtk_window_destroy (GTK_WINDOW (window));
  page_test_wait (window_gone, &ref, 2000);
  g_weak_ref_clear (&ref);
}

GtkWidget *
page_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      /* A closed editor is hidden at once and destroyed on idle */
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static gboolean
saved (gpointer data)
{
  KeelWorkspace *workspace = data;

  return !keel_workspace_get_dirty (workspace) && !keel_workspace_get_saving (workspace);
}

gboolean
page_test_wait_saved (KeelWorkspace *workspace)
{
  return page_test_wait (saved, workspace, 5000);
}

JsonObject *
page_test_read_file (const char  *folder,
                     JsonParser **parser)
{
  g_autofree char *path = g_build_filename (folder, "keel.json", NULL);
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (*parser));
}

GdkTexture *
page_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);

  /* Nothing until the widget has been drawn once: on a slow machine (a
   * sanitizer build) the first frame may not have come yet */
  for (guint i = 0; node == NULL && i < 100; i++)
    {
      g_clear_object (&snapshot);
      page_test_iterate (50);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
page_test_respond (GtkWidget  *dialog,
                   const char *response)
{
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWidget *
page_test_find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Only shown editors: a closed one is hidden and gone from the list */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (KEEL_IS_RECORD_EDITOR (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

gboolean
page_test_no_editor (gpointer data)
{
  return page_test_find_toplevel (KEEL_TYPE_RECORD_EDITOR) == NULL;
}

void
page_test_set_text (KeelRecordEditor *editor,
                    const char       *key,
                    const char       *text)
{
  GtkWidget *row = keel_record_editor_get_row (editor, key);

  g_assert_nonnull (row);
  if (GTK_IS_EDITABLE (row))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      return;
    }

  /* A multi-line field: the text view inside the row */
  for (GtkWidget *w = row; w != NULL; )
    {
      if (GTK_IS_TEXT_VIEW (w))
        {
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (w)), text, -1);
          return;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }

  g_assert_not_reached ();
}

void
page_test_choose (KeelRecordEditor *editor,
                  const char       *key,
                  const char       *label)
{
  GtkWidget *row = keel_record_editor_get_row (editor, key);
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }

  g_error ("no choice “%s” for %s", label, key);
}

void
page_test_search (KeelListPage *page,
                  const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (keel_list_page_get_search_entry (page)), text);
  page_test_iterate (300);
}

GtkWidget *
page_test_find_label (GtkWidget  *root,
                      const char *text)
{
  for (GtkWidget *w = root; w != NULL; )
    {
      if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), text) == 0)
        return w;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != root && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == root ? NULL : gtk_widget_get_next_sibling (w);
        }
    }

  return NULL;
}

void
page_test_assert_label (GtkWidget  *widget,
                        const char *label)
{
  g_autofree char *error = NULL;

  g_assert_nonnull (widget);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (error != NULL)
    g_error ("accessible label: %s", error);
}
