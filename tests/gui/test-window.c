/* test-window.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "keel-people-page.h"
#include "keel-preferences-window.h"
#include "keel-records.h"
#include "keel-welcome-view.h"
#include "keel-workspace-private.h"
#include "test-window.h"

/* The real KeelWindow, driven in process through its actions and widgets:
 * first run, people with undo, quitting with a save in flight, a file that
 * cannot be read, a save that fails. */

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static JsonObject *
read_keel_json (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->path, "keel.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gboolean
workspace_settled (KeelWindow *window)
{
  KeelWorkspace *workspace = keel_window_get_workspace (window);

  return workspace != NULL && !keel_workspace_get_dirty (workspace) &&
         !keel_workspace_get_saving (workspace);
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static int
position_of (GListModel *model,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KeelRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (keel_record_get_id (record), id) == 0)
        return (int) i;
    }

  return -1;
}

static int
json_position_of_person (JsonObject *root,
                         const char *name)
{
  JsonArray *people = json_object_get_array_member (root, "people");

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (person, "name", NULL), name) == 0)
        return (int) i;
    }

  return -1;
}

/* No visible label under @widget has @word in it (case aside) */
static void
assert_no_word (GtkWidget  *widget,
                const char *word)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_utf8_strdown (gtk_label_get_text (GTK_LABEL (widget)), -1);

      if (strstr (text, word) != NULL)
        g_error ("“%s” is on the page: %s", word, gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_word (child, word);
}

/* As a click on a response button: the response, then the dialog closes */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static GListModel *
shown_people (KeelPeoplePage *page)
{
  return G_LIST_MODEL (keel_list_page_get_selection (KEEL_LIST_PAGE (page)));
}

static GtkWidget *
save_button (KeelRecordEditor *editor)
{
  GtkWidget *button = keel_gui_test_find_action (GTK_WIDGET (editor), "editor.save");

  g_assert_nonnull (button);

  return button;
}

/* ------------------------------------------------------------------------ */
/* (a) First run                                                            */
/* ------------------------------------------------------------------------ */

/* At the default size the welcome page shows all of its buttons without
 * scrolling: the demo's and the other folder's, the lowest, under Create */
static void
test_welcome_fits (Fixture       *fixture,
                   gconstpointer  data)
{
  KeelWindow *window = open_window (fixture);
  const char * const actions[] = { "win.open-demo", "app.open-workspace" };

  g_assert_cmpint (_keel_window_get_view (window), ==, KEEL_WINDOW_VIEW_WELCOME);
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_height (GTK_WIDGET (window)) > 0, WAIT_MS);
  /* The default 720, less what the decorations take */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >=, 700);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 720);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = keel_gui_test_find_action (GTK_WIDGET (_keel_window_get_welcome_view (window)),
                                                  actions[i]);
      graphene_rect_t bounds;

      g_assert_nonnull (button);
      KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_height (button) > 0, WAIT_MS);
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
      g_test_message ("%s: %.0f to %.0f", actions[i], bounds.origin.y, bounds.origin.y + bounds.size.height);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
    }
}

static void
test_welcome_create (Fixture       *fixture,
                     gconstpointer  data)
{
  KeelWindow *window = open_window (fixture);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *organisation;
  JsonObject *manager;
  JsonArray *people;
  GtkWidget *view;
  GtkWidget *organisation_row;
  GtkWidget *name_row;
  GtkWidget *email_row;
  GtkWidget *size_row;
  GtkWidget *create;
  GtkWidget *page;

  g_assert_cmpint (_keel_window_get_view (window), ==, KEEL_WINDOW_VIEW_WELCOME);

  view = GTK_WIDGET (_keel_window_get_welcome_view (window));
  organisation_row = child_of (view, KEEL_TYPE_WELCOME_VIEW, "organisation_row");
  name_row = child_of (view, KEEL_TYPE_WELCOME_VIEW, "manager_name_row");
  email_row = child_of (view, KEEL_TYPE_WELCOME_VIEW, "manager_email_row");
  size_row = child_of (view, KEEL_TYPE_WELCOME_VIEW, "size_row");
  create = child_of (view, KEEL_TYPE_WELCOME_VIEW, "create_button");

  /* Nothing filled in: no Create, and no row shouts yet */
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_has_css_class (organisation_row, "error"));

  set_text (organisation_row, "Acme Sailing");
  set_text (name_row, "Grace Hopper");
  g_assert_false (gtk_widget_get_sensitive (create));

  set_text (email_row, "grace at acme");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (create));

  set_text (email_row, "grace@acme.example");
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (create));

  /* A name cleared again is an error on its row */
  set_text (name_row, "  ");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (create));
  set_text (name_row, "Grace Hopper ");
  g_assert_true (gtk_widget_get_sensitive (create));

  adw_combo_row_set_selected (ADW_COMBO_ROW (size_row), 1);

  g_signal_emit_by_name (create, "clicked");
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);

  root = read_keel_json (fixture);
  organisation = json_object_get_object_member (root, "organisation");
  g_assert_cmpstr (json_object_get_string_member (organisation, "name"), ==, "Acme Sailing");
  g_assert_cmpstr (json_object_get_string_member (organisation, "size_profile"), ==, "scaleup");

  people = json_object_get_array_member (root, "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 1);
  manager = json_array_get_object_element (people, 0);
  g_assert_cmpstr (json_object_get_string_member (manager, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (json_object_get_string_member (manager, "email"), ==, "grace@acme.example");
  g_assert_true (json_object_get_boolean_member (manager, "top_management"));
  g_assert_true (json_object_get_boolean_member (manager, "review_team"));

  /* The People page shows them */
  page = _keel_window_get_page (window, "people");
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (KEEL_PEOPLE_PAGE (page))), ==, 1);
}

/* A workspace that cannot be written is not half made: the form stays as
 * typed, nothing is on disk, and Create again makes it once */
static void
test_welcome_create_fails (Fixture       *fixture,
                           gconstpointer  data)
{
  KeelWindow *window = open_window (fixture);
  g_autofree char *file = g_build_filename (fixture->path, "keel.json", NULL);
  g_autoptr(JsonObject) root = NULL;
  GtkWidget *view = GTK_WIDGET (_keel_window_get_welcome_view (window));
  GtkWidget *create = child_of (view, KEEL_TYPE_WELCOME_VIEW, "create_button");

  keel_gui_test_expect_warning ("keel-workspace", "Cannot save*");
  keel_gui_test_expect_warning ("keel-window", "The workspace could not be created*");

  set_text (child_of (view, KEEL_TYPE_WELCOME_VIEW, "organisation_row"), "Acme Sailing");
  set_text (child_of (view, KEEL_TYPE_WELCOME_VIEW, "manager_name_row"), "Grace Hopper");
  set_text (child_of (view, KEEL_TYPE_WELCOME_VIEW, "manager_email_row"), "grace@acme.example");

  _keel_workspace_inject_write_error (keel_window_get_workspace (window), EROFS, 1);
  g_signal_emit_by_name (create, "clicked");
  KEEL_GUI_TEST_WAIT_UNTIL (keel_gui_test_count_warnings ("The workspace could not be created*") == 1,
                            WAIT_MS);
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_sensitive (create), WAIT_MS);

  g_assert_cmpint (_keel_window_get_view (window), ==, KEEL_WINDOW_VIEW_WELCOME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (view, KEEL_TYPE_WELCOME_VIEW, "organisation_row"))),
                   ==, "Acme Sailing");
  keel_gui_test_iterate (1500);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  g_signal_emit_by_name (create, "clicked");
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);
  root = read_keel_json (fixture);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), ==, 1);
  /* The first try left nothing behind, not even a used id */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "people"), 0), "id"),
                   ==, "PER-1");
}

static void
test_welcome_demo (Fixture       *fixture,
                   gconstpointer  data)
{
  KeelWindow *window = open_window (fixture);
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *evidence = NULL;

  g_assert_cmpint (_keel_window_get_view (window), ==, KEEL_WINDOW_VIEW_WELCOME);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  /* Drawn and written off the main thread: nothing of it yet when the
   * action returns */
  evidence = g_build_filename (fixture->path, "evidence", NULL);
  g_assert_false (g_file_test (evidence, G_FILE_TEST_EXISTS));
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);
  g_assert_true (g_file_test (evidence, G_FILE_TEST_IS_DIR));

  root = read_keel_json (fixture);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), >, 0);
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (root, "organisation"),
                                                   "name"));
}

/* ------------------------------------------------------------------------ */
/* (b) A person through the editor, deleted, undone                         */
/* ------------------------------------------------------------------------ */

static void
test_people_add_delete_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GListModel *people = keel_workspace_get_records (workspace, KEEL_TYPE_PERSON);
  KeelPeoplePage *page = KEEL_PEOPLE_PAGE (_keel_window_get_page (window, "people"));
  GListModel *shown = shown_people (page);
  g_autoptr(KeelRecord) person = NULL;
  g_autoptr(JsonObject) root = NULL;
  KeelRecordEditor *editor;
  GtkWidget *save;
  char *id;
  int position;

  _keel_window_show_page (window, "people");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* Ctrl+N opens the editor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  KEEL_GUI_TEST_WAIT_UNTIL ((editor = find_editor ()) != NULL, WAIT_MS);
  save = save_button (editor);
  g_assert_false (gtk_widget_get_sensitive (save));

  set_text (keel_record_editor_get_row (editor, "name"), "Dana Scully");
  g_assert_true (gtk_widget_get_sensitive (save));
  set_text (keel_record_editor_get_row (editor, "email"), "dana@");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (keel_record_editor_get_row (editor, "email"), "error"));
  set_text (keel_record_editor_get_row (editor, "email"), "dana@acme.example");
  set_text (keel_record_editor_get_row (editor, "job_title"), "Auditor");
  gtk_switch_set_active (GTK_SWITCH (keel_gui_test_find_type (keel_record_editor_get_row (editor, "review_team"), GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (gtk_widget_get_sensitive (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  KEEL_GUI_TEST_WAIT_UNTIL (find_editor () == NULL, WAIT_MS);

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 4);
  person = g_list_model_get_item (people, 3);
  g_assert_cmpstr (keel_record_get_string (person, "name"), ==, "Dana Scully");
  g_assert_cmpstr (keel_record_get_string (person, "job_title"), ==, "Auditor");
  g_assert_true (keel_record_get_boolean (person, "review_team"));
  g_assert_false (keel_record_get_boolean (person, "top_management"));
  id = g_strdup (keel_record_get_id (person));
  g_assert_cmpstr (id, ==, "PER-4");

  /* Delete Ben (the middle one, nobody refers to him but POL-1; so take
   * Chen, whom nobody refers to) */
  position = position_of (people, "PER-3");
  g_assert_cmpint (position, ==, 2);
  g_assert_true (keel_list_page_select (KEEL_LIST_PAGE (page), keel_workspace_lookup (workspace, "PER-3")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  g_assert_cmpint (position_of (people, "PER-3"), ==, -1);
  g_assert_null (keel_workspace_lookup (workspace, "PER-3"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* Ctrl+Z puts Chen back where he was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (position_of (people, "PER-3"), ==, 2);
  g_assert_nonnull (keel_workspace_lookup (workspace, "PER-3"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);

  /* And keel.json says so once saved */
  KEEL_GUI_TEST_WAIT_UNTIL (workspace_settled (window), WAIT_MS);
  g_assert_cmpstr (_keel_window_get_save_state (window), ==, "Saved");
  root = read_keel_json (fixture);
  g_assert_cmpint (json_position_of_person (root, "Chen Wei"), ==, 2);
  g_assert_cmpint (json_position_of_person (root, "Dana Scully"), ==, 3);

  g_free (id);
}

/* Deleting someone others refer to hands their references on first; undo
 * hands them back */
static void
test_people_delete_referenced (Fixture       *fixture,
                               gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  KeelPeoplePage *page = KEEL_PEOPLE_PAGE (_keel_window_get_page (window, "people"));
  KeelRecord *ben = keel_workspace_lookup (workspace, "PER-2");
  KeelRecord *policy = keel_workspace_lookup (workspace, "POL-1");
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) back = NULL;
  AdwMessageDialog *dialog;
  GtkDropDown *chooser;

  _keel_window_show_page (window, "people");
  keel_people_page_delete (page, ben);

  /* Not deleted yet: the dialog asks */
  KEEL_GUI_TEST_WAIT_UNTIL ((dialog = (AdwMessageDialog *) keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL,
                            WAIT_MS);
  g_assert_nonnull (keel_workspace_lookup (workspace, "PER-2"));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "Ben Okafor is referred to in 2 places"));

  /* Cancel changes nothing */
  respond (dialog, "cancel");
  KEEL_GUI_TEST_WAIT_UNTIL (keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL, WAIT_MS);
  g_assert_nonnull (keel_workspace_lookup (workspace, "PER-2"));
  g_assert_cmpstr (keel_record_get_string (policy, "owner"), ==, "PER-2");

  /* Reassign to Ada (PER-1): the candidates are Ada and Chen, in order */
  keel_people_page_delete (page, ben);
  KEEL_GUI_TEST_WAIT_UNTIL ((dialog = (AdwMessageDialog *) keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL,
                            WAIT_MS);
  chooser = g_object_get_data (G_OBJECT (dialog), "chooser");
  gtk_drop_down_set_selected (chooser, 0);
  respond (dialog, "reassign");

  g_assert_null (keel_workspace_lookup (workspace, "PER-2"));
  left = keel_workspace_find_references (workspace, "PER-2");
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpstr (keel_record_get_string (policy, "owner"), ==, "PER-1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (keel_workspace_lookup (workspace, "PER-2"));
  g_assert_cmpstr (keel_record_get_string (policy, "owner"), ==, "PER-2");
  back = keel_workspace_find_references (workspace, "PER-2");
  g_assert_cmpuint (back->len, ==, 2);
}

static void
test_people_search (Fixture       *fixture,
                    gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelPeoplePage *page = KEEL_PEOPLE_PAGE (_keel_window_get_page (window, "people"));
  GListModel *shown = shown_people (page);
  GtkWidget *search = GTK_WIDGET (keel_list_page_get_search_entry (KEEL_LIST_PAGE (page)));

  _keel_window_show_page (window, "people");
  g_assert_cmpstr (keel_list_page_get_state (KEEL_LIST_PAGE (page)), ==, "list");

  /* search-changed comes after a short delay */
  set_text (search, "engineering");
  KEEL_GUI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 1, WAIT_MS);

  set_text (search, "nobody-by-that-name");
  KEEL_GUI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 0, WAIT_MS);
  g_assert_cmpstr (keel_list_page_get_state (KEEL_LIST_PAGE (page)), ==, "no-results");

  set_text (search, "");
  KEEL_GUI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 3, WAIT_MS);
  g_assert_cmpstr (keel_list_page_get_state (KEEL_LIST_PAGE (page)), ==, "list");

  /* The role filter: top management is Ada alone */
  gtk_drop_down_set_selected (keel_list_page_get_filter (KEEL_LIST_PAGE (page), 0), 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpint (position_of (shown, "PER-1"), ==, 0);
  gtk_drop_down_set_selected (keel_list_page_get_filter (KEEL_LIST_PAGE (page), 0), 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
}

/* ------------------------------------------------------------------------ */
/* (c) Quit with a save in flight, start again                              */
/* ------------------------------------------------------------------------ */

static void
test_quit_saves (Fixture       *fixture,
                 gconstpointer  data)
{
  KeelApplication *application = keel_gui_test_get_application ();
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(JsonObject) root = NULL;

  keel_record_set_string (person, "name", "Eve Moneypenny");
  keel_workspace_add (workspace, person);
  g_assert_true (keel_workspace_get_dirty (workspace));

  /* Closed before the autosave: the window goes, the application waits */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_application_get_is_busy (G_APPLICATION (application)));
  KEEL_GUI_TEST_WAIT_UNTIL (fixture->window == NULL, WAIT_MS);
  g_assert_false (g_application_get_is_busy (G_APPLICATION (application)));

  root = read_keel_json (fixture);
  g_assert_cmpint (json_position_of_person (root, "Eve Moneypenny"), ==, 3);

  /* A new window on the same folder has it */
  window = open_workspace (fixture, NULL);
  g_assert_nonnull (keel_workspace_lookup (keel_window_get_workspace (window), "PER-4"));
}

/* ------------------------------------------------------------------------ */
/* (d) keel.json cannot be read                                             */
/* ------------------------------------------------------------------------ */

static const char broken[] =
  "{\n"
  "  \"format\": \"keel-workspace\",\n"
  "  \"version\": 1,\n"
  "  \"people\": [\n"
  "    { \"id\": \"PER-1\", \"name\": \"Ada\" },\n"
  "    { \"id\": \"PER-2\" \"name\": \"Ben\" }\n"
  "  ]\n"
  "}\n";

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->path, "keel.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KeelWindow *window;
  const char *message;

  keel_gui_test_expect_warning ("keel-window", "*keel.json*");
  keel_gui_test_write_file (fixture->path, "keel.json", broken, -1);
  before = keel_gui_test_sha256_of_file (file);

  window = open_window (fixture);
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_ERROR, WAIT_MS);

  /* The core's message: the file, the line, what was expected */
  message = _keel_window_get_error_message (window);
  g_test_message ("error page: %s", message);
  g_assert_nonnull (strstr (message, "keel.json"));
  g_assert_nonnull (strstr (message, "line 6"));
  g_assert_nonnull (strstr (message, "expected"));

  /* No backups: nothing to offer, and not a word of them; the other ways
   * out are there */
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "open-backup")));
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "reload")));
  g_assert_false (gtk_widget_get_visible (child_of (window, KEEL_TYPE_WINDOW, "backup_button")));
  assert_no_word (child_of (window, KEEL_TYPE_WINDOW, "error_page"), "backup");

  /* First a plain sentence with the file, the line and the column */
  g_assert_cmpstr (label_text (window, "error_label"), ==,
                   "There is a mistake in keel.json at line 6, column 21.");

  /* Trying again, and the time an autosave would take, write nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_ERROR, WAIT_MS);
  keel_gui_test_iterate (1500);

  after = keel_gui_test_sha256_of_file (file);
  g_assert_cmpstr (before, ==, after);

  gtk_window_close (GTK_WINDOW (window));
  KEEL_GUI_TEST_WAIT_UNTIL (fixture->window == NULL, WAIT_MS);
  g_free (after);
  after = keel_gui_test_sha256_of_file (file);
  g_assert_cmpstr (before, ==, after);
}

static void
test_unreadable_backup (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->path, "keel.json", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GDir) dir = NULL;
  AdwMessageDialog *dialog;
  KeelWindow *window;
  const char *name;
  gboolean found_aside = FALSE;

  keel_gui_test_expect_warning ("keel-window", "*keel.json*");
  keel_gui_test_write_file (fixture->path, "keel.json", broken, -1);
  keel_gui_test_write_file (fixture->path, "backups/keel-20260101T100000.000000Z.json",
                            two_people, -1);
  before = keel_gui_test_sha256_of_file (file);

  window = open_window (fixture);
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_ERROR, WAIT_MS);
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "open-backup")));
  g_assert_true (gtk_widget_get_visible (child_of (window, KEEL_TYPE_WINDOW, "backup_button")));
  g_assert_nonnull (strstr (label_text (window, "error_advice_label"), "backups"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-backup", NULL));
  KEEL_GUI_TEST_WAIT_UNTIL ((dialog = (AdwMessageDialog *) keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL,
                            WAIT_MS);
  respond (dialog, "restore");
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);
  g_assert_nonnull (keel_workspace_lookup (keel_window_get_workspace (window), "PER-3"));

  /* The unreadable file is kept aside, byte for byte */
  dir = g_dir_open (fixture->path, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "keel.json.unreadable-"))
      {
        g_autofree char *aside = g_build_filename (fixture->path, name, NULL);
        g_autofree char *sha = keel_gui_test_sha256_of_file (aside);

        g_assert_cmpstr (sha, ==, before);
        found_aside = TRUE;
      }
  g_assert_true (found_aside);
}

/* ------------------------------------------------------------------------ */
/* (e) A save that fails                                                    */
/* ------------------------------------------------------------------------ */

static void
test_save_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autoptr(JsonObject) root = NULL;
  GtkWidget *retry;

  keel_gui_test_expect_warning ("keel-workspace", "Cannot save*");
  _keel_workspace_inject_write_error (workspace, ENOSPC, 1);

  keel_record_set_string (person, "name", "Frank Full-Disk");
  keel_workspace_add (workspace, person);

  /* The autosave fails: the strip says why */
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_strip_visible (window), WAIT_MS);
  g_assert_cmpuint (keel_gui_test_count_warnings ("Cannot save*"), ==, 1);
  g_assert_nonnull (strstr (_keel_window_get_strip_message (window), g_strerror (ENOSPC)));
  g_assert_cmpstr (_keel_window_get_save_state (window), ==, "Not saved");
  g_assert_true (keel_workspace_get_dirty (workspace));

  root = read_keel_json (fixture);
  g_assert_cmpint (json_position_of_person (root, "Frank Full-Disk"), ==, -1);
  g_clear_pointer (&root, json_object_unref);

  /* Retry saves */
  retry = child_of (window, KEEL_TYPE_WINDOW, "strip_button");
  g_signal_emit_by_name (retry, "clicked");
  KEEL_GUI_TEST_WAIT_UNTIL (!_keel_window_get_strip_visible (window) && workspace_settled (window),
                            WAIT_MS);
  g_assert_cmpstr (_keel_window_get_save_state (window), ==, "Saved");

  root = read_keel_json (fixture);
  g_assert_cmpint (json_position_of_person (root, "Frank Full-Disk"), ==, 3);
}

/* ------------------------------------------------------------------------ */
/* Shortcuts and preferences                                                */
/* ------------------------------------------------------------------------ */

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GApplication *application = G_APPLICATION (keel_gui_test_get_application ());
  GtkWindow *shortcuts;

  open_workspace (fixture, two_people);

  /* The help overlay from the resources, the same as Ctrl+? */
  g_action_group_activate_action (G_ACTION_GROUP (application), "shortcuts", NULL);
  KEEL_GUI_TEST_WAIT_UNTIL ((shortcuts = keel_gui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL,
                            WAIT_MS);
  gtk_window_close (shortcuts);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GApplication *application = G_APPLICATION (keel_gui_test_get_application ());
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelRecord *organisation = KEEL_RECORD (keel_workspace_get_organisation (keel_window_get_workspace (window)));
  g_autoptr(JsonObject) root = NULL;
  JsonObject *saved;
  GtkWindow *preferences;
  GtkWidget *name_row;
  GtkWidget *size_row;

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  KEEL_GUI_TEST_WAIT_UNTIL ((preferences = keel_gui_test_find_window (KEEL_TYPE_PREFERENCES_WINDOW)) != NULL,
                            WAIT_MS);
  name_row = child_of (preferences, KEEL_TYPE_PREFERENCES_WINDOW, "name_row");
  size_row = child_of (preferences, KEEL_TYPE_PREFERENCES_WINDOW, "size_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Acme Sailing");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (size_row)), ==, 0);

  /* A blank name is not stored */
  set_text (name_row, "   ");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (keel_record_get_string (organisation, "name"), ==, "Acme Sailing");

  set_text (name_row, "Acme Sailing & Co ");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (size_row), 2);
  g_assert_cmpstr (keel_record_get_string (organisation, "name"), ==, "Acme Sailing & Co");
  g_assert_cmpstr (keel_record_get_string (organisation, "size_profile"), ==, "enterprise");

  /* Saved by themselves */
  KEEL_GUI_TEST_WAIT_UNTIL (workspace_settled (window), WAIT_MS);
  root = read_keel_json (fixture);
  saved = json_object_get_object_member (root, "organisation");
  g_assert_cmpstr (json_object_get_string_member (saved, "name"), ==, "Acme Sailing & Co");
  g_assert_cmpstr (json_object_get_string_member (saved, "size_profile"), ==, "enterprise");
}

/* ------------------------------------------------------------------------ */
/* Someone else changes keel.json                                           */
/* ------------------------------------------------------------------------ */

static gboolean
has_conflict_copy (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "keel.conflict-"))
      return TRUE;

  return FALSE;
}

static void
test_reload_failed (Fixture       *fixture,
                    gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  g_autofree char *file = g_build_filename (fixture->path, "keel.json", NULL);
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autofree char *garbage_sha = NULL;
  g_autofree char *after = NULL;
  g_autofree char *theirs = NULL;

  keel_gui_test_expect_warning ("keel-workspace", "*keel.json*");

  /* Another program writes something Keel cannot read */
  keel_gui_test_write_file (fixture->path, "keel.json", "{ \"format\": \"keel-workspace\", ", -1);
  garbage_sha = keel_gui_test_sha256_of_file (file);
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_strip_visible (window), WAIT_MS);
  g_assert_false (keel_workspace_get_autosave (workspace));
  g_assert_cmpstr (_keel_window_get_save_state (window), ==, "Not saving");

  /* An edit now is not saved over it */
  keel_record_set_string (person, "name", "Gus Late");
  keel_workspace_add (workspace, person);
  keel_gui_test_iterate (1500);
  after = keel_gui_test_sha256_of_file (file);
  g_assert_cmpstr (after, ==, garbage_sha);

  /* They fix it: theirs is opened, ours is kept beside it */
  theirs = g_strdup (two_people);
  *strstr (theirs, "Chen Wei") = 'K';  /* "Khen Wei": not what Keel read */
  keel_gui_test_write_file (fixture->path, "keel.json", theirs, -1);
  KEEL_GUI_TEST_WAIT_UNTIL (!_keel_window_get_strip_visible (window) && has_conflict_copy (fixture->path),
                            WAIT_MS);
  g_assert_true (keel_workspace_get_autosave (workspace));
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_PERSON), ==, 3);
  g_assert_null (keel_workspace_lookup (workspace, "PER-4"));
}

/* keel.json ends in the middle of a text: the page says so in a plain
 * sentence and in Keel's own words, never in the JSON parser's */
static void
test_unreadable_plain (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *page;
  KeelWindow *window;
  GtkWidget *detail;

  keel_gui_test_expect_warning ("keel-window", "*keel.json*");
  keel_gui_test_write_file (fixture->path, "keel.json",
                            "{\n  \"format\": \"keel-workspace\",\n  \"version\": 1,\n"
                            "  \"people\": [ { \"name\": \"Ada", -1);

  window = open_window (fixture);
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_ERROR, WAIT_MS);

  g_test_message ("error page: %s | %s", label_text (window, "error_label"),
                  label_text (window, "error_detail_label"));
  g_assert_cmpstr (label_text (window, "error_label"), ==,
                   "There is a mistake in keel.json at line 4, column 25.");

  /* The detail is the small print, selectable, and says what to look for */
  detail = child_of (window, KEEL_TYPE_WINDOW, "error_detail_label");
  g_assert_true (gtk_widget_get_visible (detail));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (detail)));
  g_assert_nonnull (strstr (label_text (window, "error_detail_label"), "quotation mark"));
  /* Plain words, not in the reader's fixed-width font */
  g_assert_false (gtk_widget_has_css_class (detail, "error-detail"));

  /* All of the page, the last button too, fits the default window */
  {
    GtkWidget *last = keel_gui_test_find_action (child_of (window, KEEL_TYPE_WINDOW, "error_page"),
                                              "win.show-in-files");
    graphene_rect_t bounds;

    g_assert_nonnull (last);
    KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_height (last) > 0, WAIT_MS);
    g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (window), &bounds));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
  }
  g_assert_false (gtk_label_get_selectable (GTK_LABEL (child_of (window, KEEL_TYPE_WINDOW, "error_label"))));

  /* Not a word of the parser's anywhere on the page */
  page = child_of (window, KEEL_TYPE_WINDOW, "error_page");
  assert_no_word (page, "scanner");
  assert_no_word (page, "unterminated");
  assert_no_word (page, "constant");
  assert_no_word (page, "parse");
}

/* A value of the wrong kind: the reader's own words, after the place */
static void
test_unreadable_invalid (Fixture       *fixture,
                         gconstpointer  data)
{
  KeelWindow *window;

  keel_gui_test_expect_warning ("keel-window", "*keel.json*");
  keel_gui_test_write_file (fixture->path, "keel.json",
                            "{\n  \"format\": \"keel-workspace\",\n  \"version\": 1,\n"
                            "  \"objectives\": [\n    {\n      \"id\": \"OBJ-1\",\n"
                            "      \"target\": \"high\"\n    }\n  ]\n}\n", -1);

  window = open_window (fixture);
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_ERROR, WAIT_MS);

  g_test_message ("error page: %s | %s", label_text (window, "error_label"),
                  label_text (window, "error_detail_label"));
  g_assert_cmpstr (label_text (window, "error_label"), ==, "There is a mistake in keel.json at line 7, column 17.");
  g_assert_nonnull (strstr (label_text (window, "error_detail_label"), "expected a number, found “high”"));
  /* The reader's words, to copy, in a fixed-width font */
  g_assert_true (gtk_widget_has_css_class (child_of (window, KEEL_TYPE_WINDOW, "error_detail_label"),
                                           "error-detail"));
  g_assert_null (strstr (label_text (window, "error_detail_label"), "keel.json"));
}

int
main (int   argc,
      char *argv[])
{
  if (!keel_gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/keel/window/welcome-fits", Fixture, NULL,
              fixture_set_up, test_welcome_fits, fixture_tear_down);
  g_test_add ("/keel/window/welcome-create", Fixture, NULL,
              fixture_set_up, test_welcome_create, fixture_tear_down);
  g_test_add ("/keel/window/welcome-create-fails", Fixture, NULL,
              fixture_set_up, test_welcome_create_fails, fixture_tear_down);
  g_test_add ("/keel/window/welcome-demo", Fixture, NULL,
              fixture_set_up, test_welcome_demo, fixture_tear_down);
  g_test_add ("/keel/window/people-add-delete-undo", Fixture, NULL,
              fixture_set_up, test_people_add_delete_undo, fixture_tear_down);
  g_test_add ("/keel/window/people-delete-referenced", Fixture, NULL,
              fixture_set_up, test_people_delete_referenced, fixture_tear_down);
  g_test_add ("/keel/window/people-search", Fixture, NULL,
              fixture_set_up, test_people_search, fixture_tear_down);
  g_test_add ("/keel/window/quit-saves", Fixture, NULL,
              fixture_set_up, test_quit_saves, fixture_tear_down);
  g_test_add ("/keel/window/unreadable", Fixture, NULL,
              fixture_set_up, test_unreadable, fixture_tear_down);
  g_test_add ("/keel/window/unreadable-backup", Fixture, NULL,
              fixture_set_up, test_unreadable_backup, fixture_tear_down);
  g_test_add ("/keel/window/save-failed", Fixture, NULL,
              fixture_set_up, test_save_failed, fixture_tear_down);
  g_test_add ("/keel/window/reload-failed", Fixture, NULL,
              fixture_set_up, test_reload_failed, fixture_tear_down);
  g_test_add ("/keel/window/shortcuts", Fixture, NULL,
              fixture_set_up, test_shortcuts_window, fixture_tear_down);
  g_test_add ("/keel/window/preferences", Fixture, NULL,
              fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/keel/window/unreadable-plain", Fixture, NULL,
              fixture_set_up, test_unreadable_plain, fixture_tear_down);
  g_test_add ("/keel/window/unreadable-invalid", Fixture, NULL,
              fixture_set_up, test_unreadable_invalid, fixture_tear_down);

  test_window_add_sidebar_tests ();
  test_window_add_access_tests ();
  test_window_add_toast_tests ();

  return g_test_run ();
}
