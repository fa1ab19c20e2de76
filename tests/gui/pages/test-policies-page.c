/* test-policies-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-policies-page.h"
#include "keel-policy-editor.h"
#include "keel-policy-form.h"
#include "keel-policy-row.h"
#include "keel-policy-version-row.h"
#include "keel-sign-off-dialog.h"
#include "keel-version-dialog.h"
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
  return g_list_model_get_n_items (keel_policies_page_get_model (KEEL_POLICIES_PAGE (page)));
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
  g_autoptr(KeelPolicyVersionRow) row = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *description = NULL;
  JsonObject *root, *stored, *stored_version;

  pin_today ("2026-03-10");
  window = page_test_open_window (folder, "policies");
  workspace = keel_window_get_workspace (window);
  page = _keel_window_get_page (window, "policies");
  g_assert_true (KEEL_IS_POLICIES_PAGE (page));

  gtk_widget_activate_action (page, "page.new", NULL);
  editor = page_test_find_toplevel (KEEL_TYPE_POLICY_EDITOR);
  g_assert_nonnull (editor);
  draft = keel_policy_editor_get_draft (KEEL_POLICY_EDITOR (editor));

  gtk_editable_set_text (GTK_EDITABLE (CHILD (editor, KEEL_TYPE_POLICY_EDITOR, "title_row")), "Information security policy");
  g_assert_false (keel_policy_editor_get_can_save (KEEL_POLICY_EDITOR (editor)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (CHILD (editor, KEEL_TYPE_POLICY_EDITOR, "owner_row")), 1);
  g_assert_true (keel_policy_editor_get_can_save (KEEL_POLICY_EDITOR (editor)));

  /* New Version… suggests 1.0, today, and the owner as author */
  gtk_widget_activate_action (editor, "editor.new-version", NULL);
  dialog = page_test_find_toplevel (KEEL_TYPE_VERSION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (dialog, KEEL_TYPE_VERSION_DIALOG, "version_row"))), ==, "1.0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (dialog, KEEL_TYPE_VERSION_DIALOG, "date_row"))), ==, "2026-03-10");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (CHILD (dialog, KEEL_TYPE_VERSION_DIALOG, "author_row"))), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (CHILD (dialog, KEEL_TYPE_VERSION_DIALOG, "description_row")), "First issue");
  g_assert_true (keel_version_dialog_is_valid (KEEL_VERSION_DIALOG (dialog)));
  page_test_respond (dialog, "save");
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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (editor, KEEL_TYPE_POLICY_EDITOR, "next_review_row"))), ==, "2027-03-10");

  /* Locked: the table row says so, and editing is refused */
  row = g_list_model_get_item (G_LIST_MODEL (gtk_widget_get_template_child (editor, KEEL_TYPE_POLICY_EDITOR,
                                                                            "versions_selection")), 0);
  g_object_get (row, "description", &description, NULL);
  g_assert_cmpstr (description, ==, "First issue");
  {
    gboolean is_signed = FALSE;
    g_autofree char *tooltip = NULL;

    g_object_get (row, "signed", &is_signed, "lock-tooltip", &tooltip, NULL);
    g_assert_true (is_signed);
    g_assert_cmpstr (tooltip, ==, "Signed versions cannot be changed; create a new version");
  }
  g_assert_null (keel_policy_editor_edit_version (KEEL_POLICY_EDITOR (editor), version));
  g_assert_null (page_test_find_toplevel (KEEL_TYPE_VERSION_DIALOG));
  g_assert_null (keel_policy_editor_sign_off (KEEL_POLICY_EDITOR (editor), version));

  /* The next version number follows */
  dialog = keel_policy_editor_new_version (KEEL_POLICY_EDITOR (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (dialog, KEEL_TYPE_VERSION_DIALOG, "version_row"))), ==, "1.1");
  page_test_respond (dialog, "cancel");
  page_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);

  /* Nothing is in the workspace before Save */
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_POLICY), ==, 0);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_null (page_test_find_toplevel (KEEL_TYPE_POLICY_EDITOR));

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

  editor = keel_policies_page_open_editor (KEEL_POLICIES_PAGE (page), keel_workspace_lookup (workspace, "POL-1"));
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
  guint overdue_tags = 0, red_dates = 0;

  pin_today ("2026-03-10");
  window = page_test_open_window (folder, "policies");
  page = _keel_window_get_page (window, "policies");
  g_assert_cmpuint (shown (page), ==, 2);
  page_test_iterate (100);

  view = CHILD (page, KEEL_TYPE_POLICIES_PAGE, "column_view");
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

  /* The "Overdue only" filter */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (CHILD (page, KEEL_TYPE_POLICIES_PAGE, "overdue_filter")), TRUE);
  g_assert_cmpuint (shown (page), ==, 1);
  {
    g_autoptr(KeelPolicyRow) row = g_list_model_get_item (keel_policies_page_get_model (KEEL_POLICIES_PAGE (page)), 0);

    g_assert_cmpstr (keel_record_get_id (keel_policy_row_get_policy (row)), ==, "POL-1");
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (CHILD (page, KEEL_TYPE_POLICIES_PAGE, "overdue_filter")), FALSE);
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

  g_assert_true (keel_policies_page_select (KEEL_POLICIES_PAGE (page), first));
  gtk_widget_activate_action (page, "page.delete", NULL);
  g_assert_null (keel_workspace_lookup (workspace, "POL-1"));
  g_assert_cmpuint (shown (page), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (keel_workspace_lookup (workspace, "POL-1") == first);
  g_assert_cmpuint (shown (page), ==, 2);

  /* Each line shows its own policy again (put back in front of the list) */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KeelPolicyRow) row = g_list_model_get_item (keel_policies_page_get_model (KEEL_POLICIES_PAGE (page)), i);
      g_autofree char *id = NULL;

      g_object_get (row, "id", &id, NULL);
      g_assert_cmpstr (id, ==, i == 0 ? "POL-1" : "POL-2");
      g_assert_cmpstr (keel_record_get_id (keel_policy_row_get_policy (row)), ==, id);
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
