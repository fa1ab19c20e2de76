/* test-registers.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "keel-date.h"
#include "keel-field-row.h"
#include "keel-list-page.h"
#include "keel-record-editor.h"
#include "keel-window-private.h"

#include "page-test-util.h"

/* The Resources and Actions registers on the generic list page and
 * record editor: add, edit, delete and undo, search, filter; and what the
 * editor must never do (lose typed work, offer no owner). */

static KeelRecord *
resource (const char *item,
          const char *category,
          double      amount)
{
  KeelRecord *record = keel_record_new_for_kind (keel_kind_lookup ("resource"));

  keel_record_set_string (record, "item", item);
  keel_record_set_string (record, "category", category);
  keel_record_set_string (record, "owner", "PER-1");
  keel_record_set_double (record, "amount", amount);
  keel_record_set_string (record, "currency", "EUR");
  return record;
}

static void
fill_resources (KeelWorkspace *workspace)
{
  g_autoptr(KeelRecord) a = resource ("Security budget", "budget", 12000);
  g_autoptr(KeelRecord) b = resource ("Laptop hardening tool", "tool", 800);

  keel_workspace_add (workspace, a);
  keel_workspace_add (workspace, b);
}

static KeelRecord *
action (const char *title,
        const char *due,
        const char *status)
{
  KeelRecord *record = keel_record_new_for_kind (keel_kind_lookup ("action"));
  g_autoptr(GDateTime) date = keel_date_parse (due);

  keel_record_set_string (record, "title", title);
  keel_record_set_string (record, "owner", "PER-2");
  keel_record_set_date (record, "due", date);
  keel_record_set_string (record, "status", status);
  return record;
}

static void
fill_actions (KeelWorkspace *workspace)
{
  g_autoptr(KeelRecord) a = action ("Patch the VPN gateway", "2026-03-01", "open");
  g_autoptr(KeelRecord) b = action ("Train the new starters", "2026-06-30", "in-progress");
  g_autoptr(KeelRecord) c = action ("Renew the certificate", "2026-01-15", "done");

  keel_workspace_add (workspace, a);
  keel_workspace_add (workspace, b);
  keel_workspace_add (workspace, c);
}

static KeelListPage *
open_page (const char  *folder,
           const char  *id,
           KeelWindow **window)
{
  *window = page_test_open_window (folder, id);

  return KEEL_LIST_PAGE (_keel_window_get_page (*window, id));
}

static KeelRecord *
lookup (KeelWindow *window,
        const char *id)
{
  return keel_workspace_lookup (keel_window_get_workspace (window), id);
}

static gboolean
editor_has_focus (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_has_focus (focus);
}

/* ------------------------------------------------------------------------ */

static void
test_resources (void)
{
  g_autofree char *folder = page_test_make_folder (fill_resources);
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "resources", &window);
  KeelRecordEditor *editor;
  KeelRecord *added;
  g_autofree char *owner = NULL;
  g_autofree char *category = NULL;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "list");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 resources");
  owner = keel_list_page_dup_cell_text (page, "owner", lookup (window, "RES-1"));
  category = keel_list_page_dup_cell_text (page, "category", lookup (window, "RES-2"));
  g_assert_cmpstr (owner, ==, "Ana Lima");
  g_assert_cmpstr (category, ==, "Tool");

  /* Add */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
  page_test_iterate (100);
  editor = KEEL_RECORD_EDITOR (page_test_find_editor ());
  g_assert_nonnull (editor);
  g_assert_false (keel_record_editor_can_save (editor));
  page_test_set_text (editor, "item", "Awareness posters");
  /* The category is required: not yet */
  g_assert_false (keel_record_editor_can_save (editor));
  page_test_choose (editor, "category", "Budget");
  page_test_set_text (editor, "amount", "not a number");
  g_assert_false (keel_record_editor_can_save (editor));
  g_assert_true (gtk_widget_has_css_class (keel_record_editor_get_row (editor, "amount"), "error"));
  page_test_set_text (editor, "amount", "350.5");
  g_assert_false (gtk_widget_has_css_class (keel_record_editor_get_row (editor, "amount"), "error"));
  page_test_set_text (editor, "approved_on", "2026-02-30");
  g_assert_false (keel_record_editor_can_save (editor));
  page_test_set_text (editor, "approved_on", "2026-02-28");
  g_assert_true (keel_record_editor_can_save (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));

  added = lookup (window, "RES-3");
  g_assert_nonnull (added);
  g_assert_cmpstr (keel_record_get_string (added, "item"), ==, "Awareness posters");
  g_assert_cmpstr (keel_record_get_string (added, "category"), ==, "budget");
  g_assert_cmpfloat (keel_record_get_double (added, "amount"), ==, 350.5);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "3 resources");

  /* Edit, opened at a field */
  editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (page, added, "amount"));
  /* (the window manager may take a while on a busy machine) */
  g_assert_true (page_test_wait (editor_has_focus, editor, 2000));
  g_assert_true (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (editor))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         keel_record_editor_get_row (editor, "amount")));
  g_assert_false (keel_record_editor_can_save (editor));
  page_test_set_text (editor, "amount", "400");
  g_assert_true (keel_record_editor_can_save (editor));
  keel_record_editor_save (editor);
  g_assert_cmpfloat (keel_record_get_double (added, "amount"), ==, 400);
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));

  /* Search matches the columns' text: a category, an owner's name */
  page_test_search (page, "tool");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 resources");
  /* (the one added has no owner) */
  page_test_search (page, "ana lima");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 of 3 resources");
  page_test_search (page, "nothing like it");
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  page_test_search (page, "");

  /* Filter by category ("All", then the choices in table order) */
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, 0), 1);
  page_test_iterate (50);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 of 3 resources");
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, 0), 0);
  page_test_iterate (50);

  /* Delete, and Undo */
  g_assert_true (keel_list_page_select (page, lookup (window, "RES-2")));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL);
  page_test_iterate (50);
  g_assert_null (lookup (window, "RES-2"));
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 resources");
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  page_test_iterate (50);
  g_assert_nonnull (lookup (window, "RES-2"));
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "3 resources");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static void
test_actions (void)
{
  g_autofree char *folder = page_test_make_folder (fill_actions);
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "actions", &window);
  KeelRecordEditor *editor;
  GtkColumnView *view;
  KeelRecord *first;

  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "3 actions");

  /* Sorted by due date at first: the earliest on top */
  first = g_list_model_get_item (G_LIST_MODEL (keel_list_page_get_selection (page)), 0);
  g_assert_cmpstr (keel_record_get_id (first), ==, "ACT-3");
  g_object_unref (first);

  /* Filter by status, then by owner */
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, 0), 1);
  page_test_iterate (50);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 actions");
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, 0), 0);
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, 1), 1);
  page_test_iterate (50);
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, 1), 2);
  page_test_iterate (50);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "3 actions");
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, 1), 0);

  page_test_search (page, "vpn");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 actions");
  page_test_search (page, "");

  /* A row opens from the keyboard (GtkColumnView::activate) */
  view = keel_list_page_get_column_view (page);
  g_signal_emit_by_name (view, "activate", 0);
  page_test_iterate (100);
  editor = KEEL_RECORD_EDITOR (page_test_find_editor ());
  g_assert_nonnull (editor);
  g_assert_true (keel_record_editor_get_record (editor) == lookup (window, "ACT-3"));

  /* Close it and mark an action done */
  keel_record_editor_cancel (editor);
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));
  editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (page, lookup (window, "ACT-1"), "status"));
  page_test_choose (editor, "status", "Done");
  page_test_set_text (editor, "closed_on", "2026-03-30");
  g_assert_true (keel_record_editor_save (editor));
  g_assert_cmpstr (keel_record_get_string (lookup (window, "ACT-1"), "status"), ==, "done");
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));

  /* Delete and undo */
  g_assert_true (keel_list_page_select (page, lookup (window, "ACT-2")));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL);
  page_test_iterate (50);
  g_assert_null (lookup (window, "ACT-2"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  page_test_iterate (50);
  g_assert_nonnull (lookup (window, "ACT-2"));

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* Overdue: due before today, not done or cancelled */
static void
test_actions_overdue (void)
{
  g_autofree char *folder = page_test_make_folder (fill_actions);
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "actions", &window);
  GtkWidget *label;
  GtkWidget *view;
  gboolean seen = FALSE;

  page_test_iterate (200);
  view = GTK_WIDGET (keel_list_page_get_column_view (page));

  /* Any label of the table styled "overdue" says ACT-1's date */
  for (GtkWidget *w = view; w != NULL; )
    {
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "overdue"))
        {
          g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (w)), ==, "2026-03-01");
          seen = TRUE;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != view && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == view ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  label = NULL;
  g_assert_true (seen);
  g_assert_null (label);

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* The editor's faults                                                      */
/* ------------------------------------------------------------------------ */

/* With exactly one person, a required owner is that person */
static void
test_one_person_owner (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "actions", &window);
  KeelRecordEditor *editor;
  GtkWidget *owner;

  gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
  page_test_iterate (100);
  editor = KEEL_RECORD_EDITOR (page_test_find_editor ());
  owner = keel_record_editor_get_row (editor, "owner");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (owner))), >=, 1);
  g_assert_cmpstr (keel_record_get_string (keel_record_editor_get_draft (editor), "owner"), ==, "PER-1");
  /* Choosing for the user is no change of the user's */
  g_assert_false (keel_record_editor_has_changes (editor));
  page_test_set_text (editor, "title", "Write the access policy");
  page_test_set_text (editor, "due", "2026-05-01");
  g_assert_true (keel_record_editor_save (editor));
  g_assert_cmpstr (keel_record_get_string (lookup (window, "ACT-1"), "owner"), ==, "PER-1");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* Escape with typed work asks; Keep editing keeps it, Discard drops it */
static void
test_escape_asks (void)
{
  g_autofree char *folder = page_test_make_folder (fill_resources);
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "resources", &window);
  KeelRecordEditor *editor;
  GtkWidget *dialog;

  editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (page, lookup (window, "RES-1"), NULL));
  page_test_iterate (100);
  page_test_set_text (editor, "item", "Security budget 2027");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  page_test_iterate (50);
  dialog = page_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (KEEL_RECORD_EDITOR (page_test_find_editor ()) == editor);
  page_test_respond (dialog, "keep");
  page_test_iterate (50);
  g_assert_true (KEEL_RECORD_EDITOR (page_test_find_editor ()) == editor);
  g_assert_cmpstr (keel_record_get_string (keel_record_editor_get_draft (editor), "item"), ==, "Security budget 2027");

  /* Closing the window asks too */
  gtk_window_close (GTK_WINDOW (editor));
  page_test_iterate (50);
  dialog = page_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  page_test_respond (dialog, "discard");
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));
  g_assert_cmpstr (keel_record_get_string (lookup (window, "RES-1"), "item"), ==, "Security budget");

  /* Without changes Escape just closes */
  editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (page, lookup (window, "RES-1"), NULL));
  page_test_iterate (50);
  g_assert_null (keel_record_editor_cancel (editor));
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_button (child, action)) != NULL)
        return found;
    }

  return NULL;
}

/* Accessible names are the visible labels: no mnemonic, no repetition */
static void
test_accessible_names (void)
{
  g_autofree char *folder = page_test_make_folder (fill_resources);
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "resources", &window);
  KeelRecordEditor *editor;

  page_test_assert_label (find_button (GTK_WIDGET (page), "page.new"), "Add Resource");

  editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (page, lookup (window, "RES-1"), NULL));
  page_test_iterate (50);
  page_test_assert_label (find_button (GTK_WIDGET (editor), "editor.save"), "Save");
  page_test_assert_label (find_button (GTK_WIDGET (editor), "editor.cancel"), "Cancel");
  page_test_assert_label (keel_field_row_get_calendar_button (keel_record_editor_get_row (editor, "approved_on")),
                "Choose date for Approved on");
  keel_record_editor_close (editor);
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static gboolean
ref_cleared (gpointer data)
{
  g_autoptr(GObject) object = g_weak_ref_get (data);

  return object == NULL;
}

/* A closed editor is hidden at once and destroyed only on idle; it leaves
 * the toplevels at once, where a hidden window would crash GTK 4.8's
 * accessibility bridge (test-atspi-windows) */
static void
test_destroy_on_idle (void)
{
  g_autofree char *folder = page_test_make_folder (fill_resources);
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "resources", &window);
  KeelRecordEditor *editor;
  GWeakRef ref;

  editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (page, lookup (window, "RES-1"), NULL));
  page_test_iterate (50);
  g_weak_ref_init (&ref, editor);
  keel_record_editor_close (editor);
  /* Still there, not shown */
  {
    g_autoptr(GObject) alive = g_weak_ref_get (&ref);

    g_assert_nonnull (alive);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (alive)));
  }
  g_assert_true (page_test_no_editor (NULL));
  g_assert_true (page_test_wait (ref_cleared, &ref, 2000));
  {
    g_autoptr(GObject) gone = g_weak_ref_get (&ref);

    g_assert_null (gone);
  }
  g_weak_ref_clear (&ref);

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) today = keel_date_new (2026, 3, 31);

  if (!page_test_init (&argc, &argv))
    return 0;

  keel_date_set_today (today);

  g_test_add_func ("/keel/registers/resources", test_resources);
  g_test_add_func ("/keel/registers/actions", test_actions);
  g_test_add_func ("/keel/registers/actions-overdue", test_actions_overdue);
  g_test_add_func ("/keel/editor/one-person-owner", test_one_person_owner);
  g_test_add_func ("/keel/editor/escape-asks", test_escape_asks);
  g_test_add_func ("/keel/editor/accessible-names", test_accessible_names);
  g_test_add_func ("/keel/editor/destroy-on-idle", test_destroy_on_idle);

  return g_test_run ();
}
