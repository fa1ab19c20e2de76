/* test-registers-3.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-list-page.h"
#include "keel-parts-section.h"
#include "keel-record-editor.h"
#include "keel-risk-editor.h"
#include "keel-window-private.h"

#include "page-test-util.h"

/* The Risks, Context, Interested parties and Roles registers, each from a
 * fresh workspace with one person, everything entered through the
 * editors: add, edit, delete and undo, search, filter, and the cells the
 * page computes (a risk's score and level, a party's latest feedback, who
 * is accountable for an activity); parts (a risk's decisions, a party's
 * feedback) added in the editor's parts section. */

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

/* page.new, as the Add button does: the new editor */
static KeelRecordEditor *
open_new (KeelListPage *page)
{
  GtkWidget *editor;

  g_assert_null (page_test_find_editor ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL));
  page_test_iterate (100);
  editor = page_test_find_editor ();
  g_assert_nonnull (editor);
  g_assert_null (keel_record_editor_get_record (KEEL_RECORD_EDITOR (editor)));

  return KEEL_RECORD_EDITOR (editor);
}

static KeelRecordEditor *
open_record (KeelListPage *page,
             KeelRecord   *record)
{
  GtkWidget *editor;

  g_assert_nonnull (record);
  editor = keel_list_page_open_editor (page, record, NULL);
  g_assert_nonnull (editor);
  page_test_iterate (100);

  return KEEL_RECORD_EDITOR (editor);
}

/* Saves through the Save action and waits for the editor to go */
static void
save (KeelRecordEditor *editor)
{
  g_assert_true (keel_record_editor_can_save (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));
}

static void
set_filter (KeelListPage *page,
            guint         index,
            guint         choice)
{
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, index), choice);
  page_test_iterate (50);
}

static void
assert_cell (KeelListPage *page,
             const char   *key,
             KeelRecord   *record,
             const char   *text)
{
  g_autofree char *shown = keel_list_page_dup_cell_text (page, key, record);

  g_assert_cmpstr (shown, ==, text);
}

/* The table's label showing @text, or NULL */
static GtkWidget *
find_cell (KeelListPage *page,
           const char   *text)
{
  page_test_iterate (100);

  return page_test_find_label (GTK_WIDGET (keel_list_page_get_column_view (page)), text);
}

static void
assert_cell_style (KeelListPage *page,
                   const char   *text,
                   const char   *style)
{
  GtkWidget *label = find_cell (page, text);

  g_assert_nonnull (label);
  if (style != NULL)
    g_assert_true (gtk_widget_has_css_class (label, style));
  else
    g_assert_false (gtk_widget_has_css_class (label, "error") || gtk_widget_has_css_class (label, "warning"));
}

/* Deletes @record through page.delete, then undoes it */
static void
delete_and_undo (KeelWindow   *window,
                 KeelListPage *page,
                 const char   *id,
                 const char   *count_after,
                 const char   *count_before)
{
  g_assert_true (keel_list_page_select (page, lookup (window, id)));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL);
  page_test_iterate (50);
  g_assert_null (lookup (window, id));
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, count_after);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  page_test_iterate (50);
  g_assert_nonnull (lookup (window, id));
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, count_before);
}

/* A part added through the parts section of @editor's @key */
static KeelPartsSection *
get_section (KeelRecordEditor *editor,
             const char       *key)
{
  GtkWidget *section = keel_record_editor_get_section (editor, key);

  g_assert_nonnull (section);
  g_assert_true (gtk_widget_is_ancestor (section, GTK_WIDGET (editor)));

  return KEEL_PARTS_SECTION (section);
}

static KeelRecordEditor *
open_new_part (KeelPartsSection *section)
{
  GtkWidget *part = keel_parts_section_edit (section, NULL);

  page_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (part));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (part)) ==
                 GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (section))));

  return KEEL_RECORD_EDITOR (part);
}

/* The editor of a part open over @editor, or NULL */
static KeelRecordEditor *
find_part_editor (KeelRecordEditor *editor)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KEEL_IS_RECORD_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (editor))
        return KEEL_RECORD_EDITOR (window);
    }

  return NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
save_part (KeelRecordEditor *part)
{
  g_assert_true (keel_record_editor_can_save (part));
  g_object_add_weak_pointer (G_OBJECT (part), (gpointer *) &part);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (part), "editor.save", NULL));
  /* Closed at once, destroyed on idle */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (part)));
  g_assert_true (page_test_wait (pointer_cleared, &part, 2000));
}

/* The first button under @root whose tooltip is @tooltip or whose
 * content says @tooltip, or NULL */
static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child))
        {
          GtkWidget *content = gtk_button_get_child (GTK_BUTTON (child));

          if (g_strcmp0 (gtk_widget_get_tooltip_text (child), text) == 0 ||
              (ADW_IS_BUTTON_CONTENT (content) &&
               g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (content)), text) == 0))
            return child;
        }
      if ((found = find_button_labelled (child, text)) != NULL)
        return found;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Risks                                                                    */
/* ------------------------------------------------------------------------ */

static void
add_risk (KeelListPage *page,
          const char   *title,
          const char   *likelihood,
          const char   *impact,
          const char   *treatment)
{
  KeelRecordEditor *editor = open_new (page);

  page_test_set_text (editor, "title", title);
  if (likelihood != NULL)
    page_test_set_text (editor, "likelihood", likelihood);
  if (impact != NULL)
    page_test_set_text (editor, "impact", impact);
  if (treatment != NULL)
    page_test_choose (editor, "treatment", treatment);
  save (editor);
}

static void
test_risks (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "risks", &window);
  KeelRecordEditor *editor;
  KeelRecord *phishing;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");

  /* A rating off the scale is an error on its row, and blocks Save */
  editor = open_new (page);
  g_assert_cmpstr (keel_risk_editor_get_score_text (KEEL_RISK_EDITOR (editor)), ==, "Not rated");
  page_test_set_text (editor, "title", "Phishing leads to stolen credentials");
  /* The one person there is owns it */
  g_assert_cmpstr (keel_record_get_string (keel_record_editor_get_draft (editor), "owner"), ==, "PER-1");
  page_test_set_text (editor, "likelihood", "6");
  g_assert_false (keel_record_editor_can_save (editor));
  g_assert_true (gtk_widget_has_css_class (keel_record_editor_get_row (editor, "likelihood"), "error"));
  page_test_set_text (editor, "likelihood", "4");
  g_assert_false (gtk_widget_has_css_class (keel_record_editor_get_row (editor, "likelihood"), "error"));
  page_test_set_text (editor, "impact", "-2");
  g_assert_true (gtk_widget_has_css_class (keel_record_editor_get_row (editor, "impact"), "error"));
  page_test_set_text (editor, "impact", "5");
  g_assert_cmpstr (keel_risk_editor_get_score_text (KEEL_RISK_EDITOR (editor)), ==, "20 · High");
  page_test_choose (editor, "treatment", "Mitigate");
  page_test_set_text (editor, "treatment_plan", "Phishing drills every month; hardware keys for admins");
  save (editor);

  phishing = lookup (window, "RSK-1");
  g_assert_nonnull (phishing);
  g_assert_cmpint (keel_record_get_int (phishing, "likelihood"), ==, 4);
  g_assert_cmpstr (keel_record_get_string (phishing, "status"), ==, "open");
  g_assert_cmpstr (keel_record_get_string (phishing, "treatment_plan"), ==,
                   "Phishing drills every month; hardware keys for admins");

  add_risk (page, "Laptop stolen from a car", "2", "2", "Accept");
  add_risk (page, "Cloud supplier outage", NULL, NULL, "Transfer");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "3 risks");

  /* Score and level, computed; styled by level */
  assert_cell (page, "score", phishing, "20 · High");
  assert_cell (page, "score", lookup (window, "RSK-2"), "4 · Low");
  assert_cell (page, "score", lookup (window, "RSK-3"), "Not rated");
  assert_cell_style (page, "Not rated", "dim-label");
  assert_cell (page, "owner", phishing, "Ana Lima");
  assert_cell (page, "treatment", lookup (window, "RSK-3"), "Transfer");
  assert_cell_style (page, "20 · High", "error");
  assert_cell_style (page, "4 · Low", NULL);

  /* Edit: a lower impact is a lower score, at once in the table; a
   * decision (who, when, why) added in the parts section */
  editor = open_record (page, phishing);
  {
    KeelPartsSection *decisions = get_section (editor, "decisions");
    KeelRecordEditor *part;
    g_autoptr(KeelRecord) decision = NULL;
    g_autofree char *on = NULL;

    g_assert_cmpuint (keel_parts_section_get_n_rows (decisions), ==, 0);
    g_assert_cmpstr (keel_risk_editor_get_score_text (KEEL_RISK_EDITOR (editor)), ==, "20 · High");
    page_test_set_text (editor, "impact", "3");
    g_assert_cmpstr (keel_risk_editor_get_score_text (KEEL_RISK_EDITOR (editor)), ==, "12 · Medium");
    page_test_choose (editor, "status", "Being treated");

    part = open_new_part (decisions);
    g_assert_cmpstr (keel_record_get_string (keel_record_editor_get_draft (part), "by"), ==, "PER-1");
    g_assert_false (keel_record_editor_can_save (part));
    page_test_set_text (part, "decision", "Treat with drills and hardware keys");
    page_test_set_text (part, "on", "2026-03-02");
    page_test_set_text (part, "rationale", "Cheaper than one breach");
    save_part (part);

    /* In the draft, not yet in the risk */
    g_assert_cmpuint (keel_parts_section_get_n_rows (decisions), ==, 1);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (keel_parts_section_get_row (decisions, 0))),
                     ==, "Treat with drills and hardware keys");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (keel_parts_section_get_row (decisions, 0))),
                     ==, "2026-03-02 · Ana Lima\nCheaper than one breach");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (phishing, "decisions"))), ==, 0);
    save (editor);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (phishing, "decisions"))), ==, 1);
    decision = g_list_model_get_item (G_LIST_MODEL (keel_record_get_children (phishing, "decisions")), 0);
    g_assert_cmpstr (keel_record_get_string (decision, "by"), ==, "PER-1");
    g_assert_cmpstr (keel_record_get_string (decision, "rationale"), ==, "Cheaper than one breach");
    on = keel_record_format_field (decision, "on");
    g_assert_cmpstr (on, ==, "2026-03-02");
  }
  assert_cell (page, "score", phishing, "12 · Medium");
  assert_cell_style (page, "12 · Medium", "warning");
  assert_cell (page, "status", phishing, "Being treated");

  /* Search over the columns shown, the owner's name included */
  page_test_search (page, "laptop");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 risks");
  page_test_search (page, "ana lima");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "3 risks");
  page_test_search (page, "medium");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 risks");
  page_test_search (page, "earthquake");
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  page_test_search (page, "");

  /* Filters: treatment, status, level ("All" first) */
  set_filter (page, 0, 2);  /* Accept */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 risks");
  set_filter (page, 0, 0);
  set_filter (page, 1, 2);  /* Being treated */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 risks");
  set_filter (page, 1, 1);  /* Open */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 of 3 risks");
  set_filter (page, 1, 0);
  set_filter (page, 2, 1);  /* High */
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  set_filter (page, 2, 2);  /* Medium */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 risks");
  g_assert_true (keel_list_page_select (page, phishing));
  set_filter (page, 2, 4);  /* Not rated */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 risks");
  g_assert_false (keel_list_page_select (page, phishing));
  set_filter (page, 2, 0);

  delete_and_undo (window, page, "RSK-2", "2 risks", "3 risks");
  assert_cell (page, "score", lookup (window, "RSK-2"), "4 · Low");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* A part's editor writes into the draft only: cancelling the record's
 * editor keeps the decision out; a removed decision goes on Save */
static void
test_risk_decisions_draft (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "risks", &window);
  KeelRecordEditor *editor;
  KeelPartsSection *decisions;
  KeelRecordEditor *part;
  KeelRecord *risk;
  GtkWidget *dialog;

  add_risk (page, "Ransomware on the file server", "3", "5", "Mitigate");
  risk = lookup (window, "RSK-1");

  /* Added, then the record's editor cancelled: asks, and nothing stays */
  editor = open_record (page, risk);
  decisions = get_section (editor, "decisions");
  g_assert_false (keel_record_editor_has_changes (editor));
  part = open_new_part (decisions);
  page_test_set_text (part, "decision", "Accept for now");
  page_test_set_text (part, "on", "2026-03-10");
  save_part (part);
  g_assert_true (keel_record_editor_has_changes (editor));
  g_assert_true (keel_record_editor_can_save (editor));
  dialog = keel_record_editor_cancel (editor);
  g_assert_nonnull (dialog);
  page_test_respond (dialog, "discard");
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (risk, "decisions"))), ==, 0);

  /* Two kept, one edited through its row, then one removed */
  editor = open_record (page, risk);
  decisions = get_section (editor, "decisions");
  part = open_new_part (decisions);
  page_test_set_text (part, "decision", "Buy offline backups");
  page_test_set_text (part, "on", "2026-03-11");
  save_part (part);
  part = open_new_part (decisions);
  page_test_set_text (part, "decision", "Isolate the server");
  page_test_set_text (part, "on", "2026-03-12");
  save_part (part);
  save (editor);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (risk, "decisions"))), ==, 2);

  editor = open_record (page, risk);
  decisions = get_section (editor, "decisions");
  g_assert_cmpuint (keel_parts_section_get_n_rows (decisions), ==, 2);
  g_signal_emit_by_name (keel_parts_section_get_row (decisions, 1), "activated");
  page_test_iterate (100);
  part = find_part_editor (editor);
  g_assert_nonnull (keel_record_editor_get_record (part));
  page_test_set_text (part, "decision", "Isolate the server from the office network");
  save_part (part);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (keel_parts_section_get_row (decisions, 1))),
                   ==, "Isolate the server from the office network");
  /* The row's Remove button, and the section's Add, say what they do */
  page_test_assert_label (find_button_labelled (keel_parts_section_get_row (decisions, 0), "Remove"), "Remove");
  page_test_assert_label (find_button_labelled (GTK_WIDGET (decisions), "Add"), "Add");
  g_signal_emit_by_name (find_button_labelled (keel_parts_section_get_row (decisions, 0), "Remove"), "clicked");
  page_test_iterate (50);
  g_assert_cmpuint (keel_parts_section_get_n_rows (decisions), ==, 1);
  save (editor);
  {
    g_autoptr(KeelRecord) kept = g_list_model_get_item (G_LIST_MODEL (keel_record_get_children (risk, "decisions")), 0);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (risk, "decisions"))), ==, 1);
    g_assert_cmpstr (keel_record_get_string (kept, "decision"), ==, "Isolate the server from the office network");
  }

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* Context                                                                  */
/* ------------------------------------------------------------------------ */

static void
add_issue (KeelListPage *page,
           const char   *title,
           const char   *scope,
           const char   *noted_on)
{
  KeelRecordEditor *editor = open_new (page);

  page_test_set_text (editor, "title", title);
  g_assert_false (keel_record_editor_can_save (editor));  /* the scope is required */
  page_test_choose (editor, "scope", scope);
  page_test_set_text (editor, "noted_on", noted_on);
  save (editor);
}

static void
test_context (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "context", &window);
  KeelRecordEditor *editor;
  KeelRecord *law;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");
  add_issue (page, "New data protection law", "External", "2026-01-10");
  add_issue (page, "Half the staff work from home", "Internal", "2026-02-01");
  add_issue (page, "Main customer asks for ISO 27001", "External", "2026-02-20");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "3 context issues");

  law = lookup (window, "CTX-1");
  g_assert_nonnull (law);
  g_assert_cmpstr (keel_record_get_string (law, "scope"), ==, "external");
  assert_cell (page, "scope", law, "External");
  assert_cell (page, "noted_on", law, "2026-01-10");
  assert_cell (page, "changed_on", law, NULL);

  /* Edit: a date that does not exist is refused, a real one kept */
  editor = open_record (page, law);
  page_test_set_text (editor, "description", "In force from July; breach notice within 72 hours");
  page_test_set_text (editor, "changed_on", "2026-02-31");
  g_assert_false (keel_record_editor_can_save (editor));
  page_test_set_text (editor, "changed_on", "2026-03-15");
  save (editor);
  assert_cell (page, "changed_on", law, "2026-03-15");
  g_assert_cmpstr (keel_record_get_string (law, "description"), ==, "In force from July; breach notice within 72 hours");

  page_test_search (page, "iso");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 context issues");
  page_test_search (page, "internal");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 context issues");
  page_test_search (page, "");

  set_filter (page, 0, 1);  /* Internal */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 3 context issues");
  set_filter (page, 0, 2);  /* External */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 of 3 context issues");
  set_filter (page, 0, 0);

  delete_and_undo (window, page, "CTX-2", "2 context issues", "3 context issues");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* Interested parties                                                       */
/* ------------------------------------------------------------------------ */

static void
add_feedback (KeelPartsSection *section,
              const char       *on,
              const char       *note)
{
  KeelRecordEditor *part = open_new_part (section);

  page_test_set_text (part, "note", note);
  page_test_set_text (part, "on", on);
  save_part (part);
}

static void
test_parties (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "parties", &window);
  KeelRecordEditor *editor;
  KeelPartsSection *feedback;
  KeelRecord *customers;
  KeelRecord *regulator;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");

  /* Customers, heard from twice: the later date is the latest feedback */
  editor = open_new (page);
  page_test_set_text (editor, "name", "Customers");
  page_test_set_text (editor, "needs", "Their data kept safe; answers within a day");
  feedback = get_section (editor, "feedback");
  add_feedback (feedback, "2026-02-01", "Want faster answers to security questionnaires");
  add_feedback (feedback, "2025-01-10", "Asked for our certificate");
  g_assert_cmpuint (keel_parts_section_get_n_rows (feedback), ==, 2);
  save (editor);

  editor = open_new (page);
  page_test_set_text (editor, "name", "Data protection regulator");
  save (editor);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 interested parties");

  customers = lookup (window, "IP-1");
  regulator = lookup (window, "IP-2");
  g_assert_nonnull (customers);
  g_assert_nonnull (regulator);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (customers, "feedback"))), ==, 2);
  assert_cell (page, "latest_feedback", customers, "2026-02-01");
  assert_cell_style (page, "2026-02-01", NULL);
  assert_cell (page, "latest_feedback", regulator, "Never");
  assert_cell_style (page, "Never", "warning");

  /* Heard from in the last year (today is 2026-03-31), or not */
  set_filter (page, 0, 1);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 2 interested parties");
  g_assert_true (keel_list_page_select (page, customers));
  set_filter (page, 0, 2);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 2 interested parties");
  g_assert_true (keel_list_page_select (page, regulator));
  set_filter (page, 0, 0);

  /* Edit: the recent feedback removed, the latest is the old one and the
   * filter follows */
  editor = open_record (page, customers);
  feedback = get_section (editor, "feedback");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (keel_parts_section_get_row (feedback, 0))),
                   ==, "Want faster answers to security questionnaires");
  {
    g_autoptr(KeelRecord) first = g_list_model_get_item (G_LIST_MODEL (keel_record_get_children (
                                                           keel_record_editor_get_draft (editor), "feedback")), 0);

    keel_parts_section_remove (feedback, first);
  }
  save (editor);
  assert_cell (page, "latest_feedback", customers, "2025-01-10");
  assert_cell_style (page, "2025-01-10", "warning");
  set_filter (page, 0, 1);
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  set_filter (page, 0, 0);

  /* Feedback for the regulator, through its editor's Add button */
  editor = open_record (page, regulator);
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (get_section (editor, "feedback")), "Add"), "clicked");
  page_test_iterate (100);
  {
    KeelRecordEditor *part = find_part_editor (editor);

    g_assert_nonnull (part);
    g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (adw_header_bar_get_title_widget (
                       ADW_HEADER_BAR (keel_gui_test_find_type (GTK_WIDGET (part), ADW_TYPE_HEADER_BAR))))),
                     ==, "New Feedback");
    page_test_set_text (part, "note", "Audit announced for the autumn");
    page_test_set_text (part, "on", "2026-03-20");
    save_part (part);
  }
  save (editor);
  assert_cell (page, "latest_feedback", regulator, "2026-03-20");
  g_assert_nonnull (find_cell (page, "2026-03-20"));

  page_test_search (page, "regulator");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 2 interested parties");
  page_test_search (page, "2025-01");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 2 interested parties");
  page_test_search (page, "");

  delete_and_undo (window, page, "IP-1", "1 interested party", "2 interested parties");
  assert_cell (page, "latest_feedback", lookup (window, "IP-1"), "2025-01-10");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* Roles                                                                    */
/* ------------------------------------------------------------------------ */

static void
add_role (KeelListPage *page,
          const char   *activity,
          const char   *person,
          const char   *raci)
{
  KeelRecordEditor *editor = open_new (page);

  page_test_set_text (editor, "activity", activity);
  if (person != NULL)
    page_test_choose (editor, "person", person);
  g_assert_false (keel_record_editor_can_save (editor));  /* the letter is required */
  page_test_choose (editor, "raci", raci);
  save (editor);
}

static void
test_roles (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelWorkspace *workspace;
  KeelListPage *page = open_page (folder, "roles", &window);
  g_autoptr(KeelRecord) ben = page_test_person ("Ben Ortiz", FALSE);
  KeelRecordEditor *editor;

  workspace = keel_window_get_workspace (window);
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");

  /* Responsible only: nobody is accountable */
  add_role (page, "Run the risk assessment", NULL, "Responsible");
  g_assert_cmpstr (keel_record_get_string (lookup (window, "RACI-1"), "person"), ==, "PER-1");
  assert_cell (page, "raci", lookup (window, "RACI-1"), "Responsible");
  assert_cell (page, "person", lookup (window, "RACI-1"), "Ana Lima");
  assert_cell (page, "accountable", lookup (window, "RACI-1"), "Nobody");
  assert_cell_style (page, "Nobody", "error");
  set_filter (page, 2, 1);  /* Nobody accountable */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 role assignment");
  set_filter (page, 2, 0);

  /* Ana accountable too: one, for every row of the activity (the
   * activity matched without regard to case) */
  add_role (page, "run the risk assessment", NULL, "Accountable");
  assert_cell (page, "accountable", lookup (window, "RACI-1"), "Ana Lima");
  assert_cell (page, "accountable", lookup (window, "RACI-2"), "Ana Lima");
  g_assert_null (find_cell (page, "Nobody"));
  set_filter (page, 2, 1);
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  set_filter (page, 2, 0);

  /* A second person joins and is made accountable as well: more than one */
  keel_workspace_add (workspace, ben);
  g_assert_cmpstr (keel_record_get_id (ben), ==, "PER-2");
  page_test_iterate (100);
  add_role (page, "Run the risk assessment", "Ben Ortiz", "Accountable");
  assert_cell (page, "accountable", lookup (window, "RACI-1"), "Ana Lima, Ben Ortiz");
  assert_cell_style (page, "Ana Lima, Ben Ortiz", "warning");

  add_role (page, "Approve the policies", "Ben Ortiz", "Consulted");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "4 roles");

  /* Edit: Ben is only consulted after all; back to one accountable */
  editor = open_record (page, lookup (window, "RACI-3"));
  page_test_choose (editor, "raci", "Consulted");
  save (editor);
  assert_cell (page, "accountable", lookup (window, "RACI-1"), "Ana Lima");
  assert_cell_style (page, "Ana Lima", NULL);
  assert_cell (page, "accountable", lookup (window, "RACI-4"), "Nobody");

  /* Filters: the letter, the person, missing accountability */
  set_filter (page, 0, 3);  /* Consulted */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 of 4 roles");
  set_filter (page, 0, 0);
  set_filter (page, 1, 2);  /* Ben Ortiz */
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 of 4 roles");
  set_filter (page, 1, 0);
  set_filter (page, 2, 1);
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 4 roles");
  g_assert_true (keel_list_page_select (page, lookup (window, "RACI-4")));
  set_filter (page, 2, 0);

  page_test_search (page, "policies");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 4 roles");
  page_test_search (page, "ben");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "2 of 4 roles");
  /* The accountable column is searched too */
  page_test_search (page, "nobody");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "1 of 4 roles");
  page_test_search (page, "");

  /* Deleting Ana's A leaves nobody accountable; Undo restores it */
  g_assert_true (keel_list_page_select (page, lookup (window, "RACI-2")));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL);
  page_test_iterate (100);
  g_assert_null (lookup (window, "RACI-2"));
  assert_cell (page, "accountable", lookup (window, "RACI-1"), "Nobody");
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  page_test_iterate (100);
  g_assert_nonnull (lookup (window, "RACI-2"));
  assert_cell (page, "accountable", lookup (window, "RACI-1"), "Ana Lima");
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, "4 roles");

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

  g_test_add_func ("/keel/registers/risks", test_risks);
  g_test_add_func ("/keel/registers/risk-decisions-draft", test_risk_decisions_draft);
  g_test_add_func ("/keel/registers/context", test_context);
  g_test_add_func ("/keel/registers/parties", test_parties);
  g_test_add_func ("/keel/registers/roles", test_roles);

  return g_test_run ();
}
