/* test-policies-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-field-row.h"
#include "keel-parts-section.h"
#include "keel-policies-page.h"
#include "keel-policy-editor.h"
#include "keel-policy-form.h"
#include "keel-sign-off-dialog.h"
#include "keel-window-private.h"

#include "page-test-util.h"

#define CHILD(widget, Type, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), Type, name))

static void
pin_today (const char *text)
{
  g_autoptr(GDateTime) today = text ? keel_date_parse (text) : NULL;

  keel_date_set_today (today);
}

static guint
shown (GtkWidget *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (keel_list_page_get_selection (KEEL_LIST_PAGE (page))));
}

static KeelRecord *
shown_record (GtkWidget *page,
              guint      position)
{
  g_autoptr(KeelRecord) record = g_list_model_get_item (G_LIST_MODEL (keel_list_page_get_selection (KEEL_LIST_PAGE (page))),
                                                        position);

  /* The workspace holds it */
  return record;
}

static GtkWidget *
editor_row (GtkWidget  *editor,
            const char *key)
{
  GtkWidget *row = keel_record_editor_get_row (KEEL_RECORD_EDITOR (editor), key);

  g_assert_nonnull (row);

  return row;
}

static void
set_text (GtkWidget  *editor,
          const char *key,
          const char *text)
{
  GtkWidget *row = editor_row (editor, key);

  if (ADW_IS_ENTRY_ROW (row))
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  else
    {
      GtkWidget *view = gtk_widget_get_last_child (gtk_widget_get_first_child (row));

      while (view != NULL && !GTK_IS_TEXT_VIEW (view))
        view = gtk_widget_get_last_child (view);
      g_assert_nonnull (view);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
    }
}

static const char *
entry_text (GtkWidget  *editor,
            const char *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (editor_row (editor, key)));
}

/* The label of the choice a combo row shows */
static const char *
chosen (GtkWidget  *editor,
        const char *key)
{
  AdwComboRow *row = ADW_COMBO_ROW (editor_row (editor, key));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

static void
choose (GtkWidget  *editor,
        const char *key,
        const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (editor_row (editor, key));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_assert_not_reached ();
}

/* The editor of a kind shown, other than @other */
static GtkWidget *
shown_editor (GType      type,
              GtkWidget *other)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != other && G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
no_policy_editor (gpointer data)
{
  return shown_editor (KEEL_TYPE_POLICY_EDITOR, NULL) == NULL;
}

static KeelRecord *
policy (KeelWorkspace *workspace,
        const char    *title,
        const char    *next_review)
{
  g_autoptr(KeelRecord) p = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(GDateTime) review = next_review ? keel_date_parse (next_review) : NULL;

  keel_record_set_string (p, "title", title);
  keel_record_set_string (p, "owner", "PER-2");
  keel_record_set_date (p, "next_review", review);
  keel_workspace_add (workspace, p);

  return p;
}

static void
fill_two (KeelWorkspace *workspace)
{
  policy (workspace, "Information security policy", "2026-01-31");
  policy (workspace, "Acceptable use policy", "2026-09-30");
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* ------------------------------------------------------------------------ */

static void
test_version_and_sign_off (void)
{
  g_autofree char *folder = page_test_make_folder (NULL);
  KeelWindow *window;
  KeelWorkspace *workspace;
  GtkWidget *page, *editor, *dialog;
  KeelRecord *draft, *version, *approval, *saved;
  GListModel *approvers;
  GListModel *versions;
  GtkWidget *section;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  JsonObject *root, *stored, *stored_version;

  pin_today ("2026-03-10");
  window = page_test_open_window (folder, "policies");
  workspace = keel_window_get_workspace (window);
  page = _keel_window_get_page (window, "policies");
  g_assert_true (KEEL_IS_POLICIES_PAGE (page));

  gtk_widget_activate_action (page, "page.new", NULL);
  editor = shown_editor (KEEL_TYPE_POLICY_EDITOR, NULL);
  g_assert_nonnull (editor);
  draft = keel_record_editor_get_draft (KEEL_RECORD_EDITOR (editor));

  set_text (editor, "title", "Information security policy");
  g_assert_false (keel_record_editor_can_save (KEEL_RECORD_EDITOR (editor)));
  choose (editor, "owner", "Ben Ortiz");
  g_assert_true (keel_record_editor_can_save (KEEL_RECORD_EDITOR (editor)));

  /* New Version… suggests 1.0, today, and the owner as author */
  gtk_widget_activate_action (editor, "editor.new-version", NULL);
  dialog = shown_editor (KEEL_TYPE_RECORD_EDITOR, editor);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (entry_text (dialog, "version"), ==, "1.0");
  g_assert_cmpstr (entry_text (dialog, "date"), ==, "2026-03-10");
  g_assert_cmpstr (chosen (dialog, "author"), ==, "Ben Ortiz");
  set_text (dialog, "description", "First issue");
  g_assert_true (keel_record_editor_can_save (KEEL_RECORD_EDITOR (dialog)));
  /* A number not higher than none is fine; a malformed one is not */
  set_text (dialog, "version", "one");
  g_assert_false (keel_record_editor_can_save (KEEL_RECORD_EDITOR (dialog)));
  set_text (dialog, "version", "1.0");
  g_assert_true (keel_record_editor_save (KEEL_RECORD_EDITOR (dialog)));
  page_test_iterate (20);

  versions = G_LIST_MODEL (keel_record_get_children (draft, "versions"));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  version = keel_policy_editor_find_version (KEEL_POLICY_EDITOR (editor), "1.0");
  g_assert_nonnull (version);
  g_assert_cmpstr (keel_record_get_string (version, "author"), ==, "PER-2");
  g_assert_false (keel_policy_version_is_signed (version));

  /* Sign off: only top managers are offered, today by default */
  gtk_widget_activate_action (editor, "editor.sign-off", "s", "1.0");
  dialog = page_test_find_toplevel (KEEL_TYPE_SIGN_OFF_DIALOG);
  g_assert_nonnull (dialog);
  approvers = adw_combo_row_get_model (ADW_COMBO_ROW (CHILD (dialog, KEEL_TYPE_SIGN_OFF_DIALOG, "approver_row")));
  g_assert_cmpuint (g_list_model_get_n_items (approvers), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (approvers), 0), ==, "Ana Lima");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (dialog, KEEL_TYPE_SIGN_OFF_DIALOG, "date_row"))), ==, "2026-03-10");
  g_assert_true (keel_sign_off_dialog_is_valid (KEEL_SIGN_OFF_DIALOG (dialog)));

  /* A date before the version is refused before anything is signed */
  gtk_editable_set_text (GTK_EDITABLE (CHILD (dialog, KEEL_TYPE_SIGN_OFF_DIALOG, "date_row")), "2026-03-01");
  g_assert_false (keel_sign_off_dialog_is_valid (KEEL_SIGN_OFF_DIALOG (dialog)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign"));
  gtk_editable_set_text (GTK_EDITABLE (CHILD (dialog, KEEL_TYPE_SIGN_OFF_DIALOG, "date_row")), "2026-03-10");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign"));
  page_test_respond (dialog, "sign");
  page_test_iterate (20);

  g_assert_true (keel_policy_version_is_signed (version));
  approval = keel_record_get_child (version, "approval");
  g_assert_cmpstr (keel_record_get_string (approval, "by"), ==, "PER-1");
  g_assert_cmpstr (entry_text (editor, "next_review"), ==, "2027-03-10");

  /* Locked: the version's row says so, and editing is refused */
  section = keel_record_editor_get_section (KEEL_RECORD_EDITOR (editor), "versions");
  description = keel_parts_section_describe (keel_window_get_workspace (window), version, &subtitle);
  g_assert_cmpstr (description, ==, "1.0");
  g_assert_nonnull (strstr (subtitle, "First issue"));
  g_assert_nonnull (keel_gui_test_find_tooltip (section, "Signed versions cannot be changed; create a new version"));
  g_assert_null (keel_policy_editor_edit_version (KEEL_POLICY_EDITOR (editor), version));
  g_assert_null (shown_editor (KEEL_TYPE_RECORD_EDITOR, editor));
  g_assert_null (keel_policy_editor_sign_off (KEEL_POLICY_EDITOR (editor), version));

  /* The next version number follows */
  dialog = keel_policy_editor_new_version (KEEL_POLICY_EDITOR (editor));
  g_assert_cmpstr (entry_text (dialog, "version"), ==, "1.1");
  /* and must be higher than the last */
  set_text (dialog, "version", "0.9");
  g_assert_false (keel_record_editor_can_save (KEEL_RECORD_EDITOR (dialog)));
  keel_record_editor_close (KEEL_RECORD_EDITOR (dialog));
  page_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);

  /* Nothing is in the workspace before Save */
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_POLICY), ==, 0);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_true (page_test_wait (no_policy_editor, NULL, 2000));

  saved = keel_workspace_lookup (workspace, "POL-1");
  g_assert_nonnull (saved);
  {
    g_autofree char *review = keel_date_format (keel_record_get_date (saved, "next_review"));

    g_assert_cmpstr (review, ==, "2027-03-10");
  }
  g_assert_true (keel_policy_version_is_signed (keel_policy_current_version (saved)));
  page_test_iterate (20);
  g_assert_cmpuint (shown (page), ==, 1);

  g_assert_true (page_test_wait_saved (workspace));
  root = page_test_read_file (folder, &parser);
  stored = json_array_get_object_element (json_object_get_array_member (root, "policies"), 0);
  g_assert_cmpstr (json_object_get_string_member (stored, "id"), ==, "POL-1");
  g_assert_cmpstr (json_object_get_string_member (stored, "next_review"), ==, "2027-03-10");
  stored_version = json_array_get_object_element (json_object_get_array_member (stored, "versions"), 0);
  g_assert_cmpstr (json_object_get_string_member (stored_version, "version"), ==, "1.0");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored_version, "approval"), "by"), ==, "PER-1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (stored_version, "approval"), "on"), ==, "2026-03-10");

  page_test_close_window (window);
  page_test_remove_folder (folder);
  pin_today (NULL);
}

static void
no_top_manager (KeelWorkspace *workspace)
{
  KeelRecord *ana = keel_workspace_lookup (workspace, "PER-1");
  KeelRecord *p = policy (workspace, "Access control policy", NULL);
  g_autoptr(KeelRecord) version = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
  g_autoptr(GDateTime) date = keel_date_new (2026, 3, 1);

  keel_record_set_boolean (ana, "top_management", FALSE);
  keel_record_set_string (version, "version", "1.0");
  keel_record_set_date (version, "date", date);
  keel_record_set_string (version, "author", "PER-2");
  g_list_store_append (keel_record_get_children (p, "versions"), version);
}

static void
test_no_top_manager (void)
{
  g_autofree char *folder = page_test_make_folder (no_top_manager);
  KeelWindow *window;
  KeelWorkspace *workspace;
  GtkWidget *page, *editor, *dialog;
  KeelRecord *version;

  pin_today ("2026-03-10");
  window = page_test_open_window (folder, "policies");
  workspace = keel_window_get_workspace (window);
  page = _keel_window_get_page (window, "policies");

  editor = keel_list_page_open_editor (KEEL_LIST_PAGE (page), keel_workspace_lookup (workspace, "POL-1"), NULL);
  version = keel_policy_editor_find_version (KEEL_POLICY_EDITOR (editor), "1.0");
  g_assert_nonnull (version);

  dialog = keel_policy_editor_sign_off (KEEL_POLICY_EDITOR (editor), version);
  g_assert_nonnull (dialog);
  g_assert_false (keel_sign_off_dialog_is_valid (KEEL_SIGN_OFF_DIALOG (dialog)));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Top management"));

  /* Even forced, nothing gets signed */
  page_test_respond (dialog, "sign");
  page_test_iterate (20);
  g_assert_false (keel_policy_version_is_signed (version));

  gtk_widget_activate_action (editor, "editor.cancel", NULL);
  page_test_close_window (window);
  page_test_remove_folder (folder);
  pin_today (NULL);
}

static void
test_overdue (void)
{
  g_autofree char *folder = page_test_make_folder (fill_two);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  KeelWindow *window;
  GtkWidget *page, *view;
  GtkDropDown *review_filter;
  guint overdue_tags = 0, red_dates = 0;

  pin_today ("2026-03-10");
  window = page_test_open_window (folder, "policies");
  page = _keel_window_get_page (window, "policies");
  g_assert_cmpuint (shown (page), ==, 2);
  page_test_iterate (100);

  view = GTK_WIDGET (keel_list_page_get_column_view (KEEL_LIST_PAGE (page)));
  collect_labels (view, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_label (GTK_LABEL (label));

      if (g_strcmp0 (text, "Overdue") == 0 && gtk_widget_get_visible (label))
        overdue_tags++;
      if (gtk_widget_has_css_class (label, "error") && g_strcmp0 (text, "2026-01-31") == 0)
        red_dates++;
      /* The review that is not due yet is not marked */
      if (g_strcmp0 (text, "2026-09-30") == 0)
        g_assert_false (gtk_widget_has_css_class (label, "error"));
    }
  g_assert_cmpuint (overdue_tags, ==, 1);
  g_assert_cmpuint (red_dates, ==, 1);

  /* The "Overdue" review filter */
  review_filter = keel_list_page_get_filter (KEEL_LIST_PAGE (page), 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (review_filter)), 1), ==, "Overdue");
  gtk_drop_down_set_selected (review_filter, 1);
  g_assert_cmpuint (shown (page), ==, 1);
  g_assert_cmpstr (keel_record_get_id (shown_record (page, 0)), ==, "POL-1");
  gtk_drop_down_set_selected (review_filter, 0);
  g_assert_cmpuint (shown (page), ==, 2);

  page_test_close_window (window);
  page_test_remove_folder (folder);
  pin_today (NULL);
}

static void
test_delete_undo (void)
{
  g_autofree char *folder = page_test_make_folder (fill_two);
  KeelWindow *window = page_test_open_window (folder, "policies");
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWidget *page = _keel_window_get_page (window, "policies");
  KeelRecord *first = keel_workspace_lookup (workspace, "POL-1");

  g_assert_true (keel_list_page_select (KEEL_LIST_PAGE (page), first));
  gtk_widget_activate_action (page, "page.delete", NULL);
  g_assert_null (keel_workspace_lookup (workspace, "POL-1"));
  g_assert_cmpuint (shown (page), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (keel_workspace_lookup (workspace, "POL-1") == first);
  g_assert_cmpuint (shown (page), ==, 2);

  /* Each line shows its own policy again (put back in front of the list) */
  for (guint i = 0; i < 2; i++)
    {
      KeelRecord *record = shown_record (page, i);
      g_autofree char *title = keel_list_page_dup_cell_text (KEEL_LIST_PAGE (page), "title", record);

      g_assert_cmpstr (keel_record_get_id (record), ==, i == 0 ? "POL-1" : "POL-2");
      g_assert_cmpstr (title, ==, keel_record_get_string (record, "title"));
    }

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!page_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/keel/gui/policies/version-and-sign-off", test_version_and_sign_off);
  g_test_add_func ("/keel/gui/policies/no-top-manager", test_no_top_manager);
  g_test_add_func ("/keel/gui/policies/overdue", test_overdue);
  g_test_add_func ("/keel/gui/policies/delete-undo", test_delete_undo);

  return g_test_run ();
}
