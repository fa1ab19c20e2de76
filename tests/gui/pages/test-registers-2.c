/* test-registers-2.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-list-page.h"
#include "keel-record-editor.h"
#include "keel-window-private.h"

#include "page-test-util.h"

/* The Training, Improvements, Processes and Audits registers, each from a
 * new user's workspace (one person, nothing else): the first record added
 * through the editor, more beside it, then edit, the state column and its
 * style, search, filters, delete and undo. Today is 2026-03-31. */

static KeelListPage *
open_page (const char  *folder,
           const char  *id,
           KeelWindow **window)
{
  *window = page_test_open_window (folder, id);

  return KEEL_LIST_PAGE (_keel_window_get_page (*window, id));
}

/* The next widget of @root's tree after @w, depth first */
static GtkWidget *
next_widget (GtkWidget *root,
             GtkWidget *w)
{
  if (gtk_widget_get_first_child (w) != NULL)
    return gtk_widget_get_first_child (w);

  while (w != root && gtk_widget_get_next_sibling (w) == NULL)
    w = gtk_widget_get_parent (w);

  return w == root ? NULL : gtk_widget_get_next_sibling (w);
}

/* Opens the editor for a new record with New (Ctrl+N), as a user does */
static KeelRecordEditor *
new_record (KeelListPage *page)
{
  GtkWidget *shown;
  KeelRecordEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
  page_test_iterate (100);
  shown = page_test_find_editor ();
  g_assert_nonnull (shown);
  editor = KEEL_RECORD_EDITOR (shown);
  g_assert_null (keel_record_editor_get_record (editor));
  /* Nothing typed yet: nothing to save */
  g_assert_false (keel_record_editor_can_save (editor));

  return editor;
}

static void
save (KeelRecordEditor *editor)
{
  g_assert_true (keel_record_editor_can_save (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (page_test_wait (page_test_no_editor, NULL, 10000));
  page_test_iterate (50);
}

static KeelRecordEditor *
edit (KeelListPage *page,
      KeelRecord   *record,
      const char   *key)
{
  KeelRecordEditor *editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (page, record, key));

  g_assert_nonnull (editor);
  page_test_iterate (50);
  g_assert_false (keel_record_editor_can_save (editor));

  return editor;
}

static void
filter (KeelListPage *page,
        guint         index,
        guint         choice)
{
  gtk_drop_down_set_selected (keel_list_page_get_filter (page, index), choice);
  page_test_iterate (50);
}

#define assert_count(page, count) \
  g_assert_cmpstr (keel_list_page_get_count_text (page), ==, (count))

static void
assert_cell (KeelListPage *page,
             const char   *key,
             KeelRecord   *record,
             const char   *text)
{
  g_autofree char *cell = NULL;

  g_assert_nonnull (record);
  cell = keel_list_page_dup_cell_text (page, key, record);
  g_assert_cmpstr (cell, ==, text);
}

/* The label the table shows with @text; fails when there is none */
static GtkWidget *
find_cell (KeelListPage *page,
           const char   *text)
{
  GtkWidget *view = GTK_WIDGET (keel_list_page_get_column_view (page));

  page_test_iterate (100);
  for (GtkWidget *w = view; w != NULL; w = next_widget (view, w))
    if (GTK_IS_LABEL (w) && gtk_widget_get_mapped (w) &&
        g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), text) == 0)
      return w;

  g_error ("no cell shows “%s”", text);
}

static void
assert_style (KeelListPage *page,
              const char   *text,
              const char   *style)
{
  GtkWidget *cell = find_cell (page, text);
  const char * const styles[] = { "overdue", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) == 0)
      g_assert_true (gtk_widget_has_css_class (cell, styles[i]));
    else
      g_assert_false (gtk_widget_has_css_class (cell, styles[i]));
}

/* Deletes @id (selected, then page.delete as the Delete key does), then
 * puts it back with Undo */
static void
delete_and_undo (KeelWindow   *window,
                 KeelListPage *page,
                 const char   *id,
                 const char   *count_after,
                 const char   *count_before)
{
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  KeelRecord *record = keel_workspace_lookup (workspace, id);

  g_assert_nonnull (record);
  g_assert_true (keel_list_page_select (page, record));
  gtk_widget_activate_action (GTK_WIDGET (page), "page.delete", NULL);
  /* Undo only once the toasts have settled: under valgrind, an Undo 50 ms
   * after the delete, with the editors' toasts still queued, trips
   * libadwaita 1.2 (show_toast: assertion failed: !info->widget); the
   * window's guard against it counts wall-clock time */
  page_test_iterate (500);
  g_assert_null (keel_workspace_lookup (workspace, id));
  assert_count (page, count_after);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  page_test_iterate (50);
  g_assert_true (keel_workspace_lookup (workspace, id) == record);
  assert_count (page, count_before);
}

static KeelRecord *
lookup (KeelWindow *window,
        const char *id)
{
  return keel_workspace_lookup (keel_window_get_workspace (window), id);
}

/* A record of @kind with @... (key, value) pairs of text; a value that
 * looks like a date is set as one */
static void
add (KeelWindow *window,
     const char *kind,
     ...)
{
  g_autoptr(KeelRecord) record = keel_record_new_for_kind (keel_kind_lookup (kind));
  const char *key;
  va_list args;

  va_start (args, kind);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      const KeelField *field = keel_kind_find_field (keel_kind_lookup (kind), key);

      g_assert_nonnull (field);
      if (field->type == KEEL_FIELD_DATE)
        {
          g_autoptr(GDateTime) date = keel_date_parse (value);

          g_assert_nonnull (date);
          keel_record_set_date (record, key, date);
        }
      else
        keel_record_set_string (record, key, value);
    }
  va_end (args);

  keel_workspace_add (keel_window_get_workspace (window), record);
  page_test_iterate (50);
}

/* ------------------------------------------------------------------------ */
/* Training                                                                 */
/* ------------------------------------------------------------------------ */

static void
test_training (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "training", &window);
  KeelRecordEditor *editor;
  KeelRecord *first;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");
  assert_count (page, "");

  /* The first one through the editor: the one person is chosen */
  editor = new_record (page);
  g_assert_cmpstr (keel_record_get_string (keel_record_editor_get_draft (editor), "person"), ==, "PER-1");
  page_test_set_text (editor, "course", "Phishing awareness");
  page_test_set_text (editor, "completed_on", "2026-01-12");
  page_test_set_text (editor, "expires_on", "2027-01-12");
  save (editor);

  first = lookup (window, "TRN-1");
  g_assert_nonnull (first);
  g_assert_cmpstr (keel_record_get_string (first, "course"), ==, "Phishing awareness");
  g_assert_cmpstr (keel_record_get_string (first, "person"), ==, "PER-1");
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "list");
  assert_count (page, "1 training");
  assert_cell (page, "person", first, "Ana Lima");
  assert_cell (page, "validity", first, "Valid");
  assert_style (page, "Valid", NULL);

  /* Each state, as of 2026-03-31 */
  add (window, "training", "person", "PER-1", "course", "Secure coding",
       "completed_on", "2025-04-15", "expires_on", "2026-04-15", NULL);
  add (window, "training", "person", "PER-1", "course", "First aid",
       "completed_on", "2024-03-01", "expires_on", "2026-03-01", NULL);
  add (window, "training", "person", "PER-1", "course", "Lead auditor", NULL);
  assert_count (page, "4 training");
  assert_cell (page, "validity", lookup (window, "TRN-2"), "Expires in 15 days");
  assert_cell (page, "validity", lookup (window, "TRN-3"), "Expired 30 days ago");
  assert_cell (page, "validity", lookup (window, "TRN-4"), "Not completed");
  assert_style (page, "Expires in 15 days", "warning");
  assert_style (page, "Expired 30 days ago", "overdue");
  assert_style (page, "Not completed", NULL);

  /* Edit: valid until yesterday is expired */
  editor = edit (page, lookup (window, "TRN-2"), "expires_on");
  page_test_set_text (editor, "expires_on", "2026-03-30");
  save (editor);
  assert_cell (page, "validity", lookup (window, "TRN-2"), "Expired 1 day ago");
  assert_style (page, "Expired 1 day ago", "overdue");

  /* Filter by validity (All, Valid, Expiring soon, Expired, Not completed) */
  filter (page, 0, 3);
  assert_count (page, "2 of 4 training");
  filter (page, 0, 2);
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  filter (page, 0, 4);
  assert_count (page, "1 of 4 training");
  filter (page, 0, 0);
  /* …and by person */
  filter (page, 1, 1);
  assert_count (page, "4 training");
  filter (page, 1, 0);

  /* Search: a course, the state in words */
  page_test_search (page, "secure");
  assert_count (page, "1 of 4 training");
  page_test_search (page, "expired");
  assert_count (page, "2 of 4 training");
  page_test_search (page, "no such course");
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  page_test_search (page, "");
  assert_count (page, "4 training");

  delete_and_undo (window, page, "TRN-3", "3 training", "4 training");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* Improvements                                                             */
/* ------------------------------------------------------------------------ */

static void
test_improvements (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "improvements", &window);
  KeelRecordEditor *editor;
  KeelRecord *first;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");

  editor = new_record (page);
  page_test_set_text (editor, "date", "2026-03-02");
  page_test_choose (editor, "kind", "Incident");
  page_test_set_text (editor, "description", "Phishing mail opened by a clerk");
  page_test_set_text (editor, "root_cause", "No warning on mail from outside\nNo report button");
  page_test_set_text (editor, "correction", "Password reset, mailbox checked");
  page_test_set_text (editor, "corrective_action", "Tag external mail; add a report button");
  page_test_set_text (editor, "due", "2026-03-20");
  save (editor);

  first = lookup (window, "NC-1");
  g_assert_nonnull (first);
  g_assert_cmpstr (keel_record_get_string (first, "kind"), ==, "incident");
  g_assert_cmpstr (keel_record_get_string (first, "root_cause"), ==, "No warning on mail from outside\nNo report button");
  g_assert_cmpstr (keel_record_get_string (first, "corrective_action"), ==, "Tag external mail; add a report button");
  g_assert_cmpstr (keel_record_get_string (first, "owner"), ==, "PER-1");
  g_assert_cmpstr (keel_record_get_string (first, "status"), ==, "open");
  assert_count (page, "1 improvement");
  assert_cell (page, "kind", first, "Incident");
  /* Open and due before today: overdue */
  assert_style (page, "2026-03-20", "overdue");

  add (window, "improvement", "date", "2026-02-10", "kind", "nonconformity",
       "description", "Access review skipped in January", "owner", "PER-1",
       "status", "closed", NULL);
  add (window, "improvement", "date", "2026-03-05", "kind", "improvement",
       "description", "Password manager for all staff", "owner", "PER-1",
       "due", "2026-06-30", "status", "in-progress", NULL);
  assert_count (page, "3 improvements");
  /* Closed without its effectiveness check: awaiting it */
  assert_cell (page, "check", lookup (window, "NC-2"), "Awaiting check");
  assert_style (page, "Awaiting check", "warning");
  assert_cell (page, "check", lookup (window, "NC-3"), NULL);
  assert_style (page, "2026-06-30", NULL);

  /* Edit: the check done */
  editor = edit (page, lookup (window, "NC-2"), "effectiveness");
  page_test_set_text (editor, "effectiveness", "February's review done on time");
  page_test_set_text (editor, "effectiveness_checked_on", "2026-03-25");
  save (editor);
  assert_cell (page, "check", lookup (window, "NC-2"), "2026-03-25");
  assert_style (page, "2026-03-25", NULL);

  /* Edit: the incident closed is no longer overdue, but awaits its check */
  editor = edit (page, first, "status");
  page_test_choose (editor, "status", "Closed");
  save (editor);
  assert_style (page, "2026-03-20", NULL);
  assert_cell (page, "check", first, "Awaiting check");

  /* Filter by kind, then by status */
  filter (page, 0, 1);
  assert_count (page, "1 of 3 improvements");
  filter (page, 0, 0);
  filter (page, 1, 3);
  assert_count (page, "2 of 3 improvements");
  filter (page, 1, 1);
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  filter (page, 1, 0);
  assert_count (page, "3 improvements");

  page_test_search (page, "password");
  assert_count (page, "1 of 3 improvements");
  page_test_search (page, "nonconformity");
  assert_count (page, "1 of 3 improvements");
  page_test_search (page, "awaiting");
  assert_count (page, "1 of 3 improvements");
  page_test_search (page, "");

  delete_and_undo (window, page, "NC-1", "2 improvements", "3 improvements");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* Processes                                                                */
/* ------------------------------------------------------------------------ */

static void
test_processes (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "processes", &window);
  KeelRecordEditor *editor;
  KeelRecord *first;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");

  editor = new_record (page);
  page_test_set_text (editor, "name", "Procurement");
  /* The security step is what a process is listed for: required */
  g_assert_false (keel_record_editor_can_save (editor));
  page_test_set_text (editor, "security_step", "Supplier security questionnaire before the contract");
  save (editor);

  first = lookup (window, "PRC-1");
  g_assert_nonnull (first);
  g_assert_cmpstr (keel_record_get_string (first, "owner"), ==, "PER-1");
  assert_count (page, "1 process");
  assert_cell (page, "completeness", first, "Complete");

  /* From a file: what each lacks */
  add (window, "process", "name", "Hiring", "owner", "PER-1", NULL);
  add (window, "process", "name", "Change management", NULL);
  assert_count (page, "3 processes");
  assert_cell (page, "completeness", lookup (window, "PRC-2"), "No security step");
  assert_cell (page, "completeness", lookup (window, "PRC-3"), "No owner and no security step");
  assert_style (page, "No security step", "error");
  assert_style (page, "No owner and no security step", "error");
  assert_style (page, "Complete", NULL);

  /* Filter: Complete, Incomplete */
  filter (page, 0, 2);
  assert_count (page, "2 of 3 processes");
  filter (page, 0, 1);
  assert_count (page, "1 of 3 processes");

  /* Edit: the step added, Hiring is complete */
  editor = edit (page, lookup (window, "PRC-2"), "security_step");
  page_test_set_text (editor, "security_step", "Background check before the first day");
  save (editor);
  assert_count (page, "2 of 3 processes");
  filter (page, 0, 2);
  assert_count (page, "1 of 3 processes");
  filter (page, 0, 0);

  /* …and by owner */
  filter (page, 1, 1);
  assert_count (page, "2 of 3 processes");
  filter (page, 1, 0);

  page_test_search (page, "questionnaire");
  assert_count (page, "1 of 3 processes");
  page_test_search (page, "no owner");
  assert_count (page, "1 of 3 processes");
  page_test_search (page, "");

  delete_and_undo (window, page, "PRC-3", "2 processes", "3 processes");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* Audits                                                                   */
/* ------------------------------------------------------------------------ */

static void
test_audits (void)
{
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "audits", &window);
  KeelRecordEditor *editor;
  KeelRecord *first;

  g_assert_cmpstr (keel_list_page_get_state (page), ==, "empty");

  editor = new_record (page);
  page_test_set_text (editor, "title", "ISMS internal audit 2026");
  page_test_set_text (editor, "planned", "2026-03-15");
  page_test_set_text (editor, "scope", "Clauses 4 to 10\n\nAnnex A access controls");
  page_test_set_text (editor, "auditor", "Carla Diaz");
  save (editor);

  first = lookup (window, "AUD-1");
  g_assert_nonnull (first);
  g_assert_cmpstr (keel_record_get_string (first, "result"), ==, "planned");
  assert_count (page, "1 audit");
  /* A multi-line field on one line of the table */
  assert_cell (page, "scope", first, "Clauses 4 to 10 Annex A access controls");
  /* Planned for a day gone by and still planned: overdue */
  assert_style (page, "2026-03-15", "overdue");

  add (window, "audit", "title", "Supplier audit", "planned", "2026-02-01",
       "result", "minor-findings", "findings", "Two suppliers without a signed NDA", NULL);
  add (window, "audit", "title", "Follow-up audit", "planned", "2026-09-15", NULL);
  assert_count (page, "3 audits");
  assert_style (page, "2026-02-01", NULL);
  assert_style (page, "2026-09-15", NULL);
  assert_cell (page, "result", lookup (window, "AUD-2"), "Minor findings");

  /* Edit: the audit done, no longer overdue */
  editor = edit (page, first, "result");
  page_test_choose (editor, "result", "Passed");
  page_test_set_text (editor, "findings", "No findings");
  save (editor);
  assert_cell (page, "result", first, "Passed");
  assert_style (page, "2026-03-15", NULL);

  /* Filter by result (All, Planned, Passed, Minor, Major) */
  filter (page, 0, 1);
  assert_count (page, "1 of 3 audits");
  filter (page, 0, 4);
  g_assert_cmpstr (keel_list_page_get_state (page), ==, "no-results");
  filter (page, 0, 0);

  page_test_search (page, "carla");
  assert_count (page, "1 of 3 audits");
  page_test_search (page, "nda");
  assert_count (page, "1 of 3 audits");
  page_test_search (page, "");

  delete_and_undo (window, page, "AUD-2", "2 audits", "3 audits");

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* What the screen shows                                                    */
/* ------------------------------------------------------------------------ */

/* Dates and choices show whole; text may shrink, whole in its tooltip.
 * Each filter says what it filters. Each page fits a 360 px window (the table scrolls sideways). */
static void
test_layout (void)
{
  const char *pages[] = { "training", "improvements", "processes", "audits" };
  g_autofree char *folder = page_test_make_one_person_folder ();
  KeelWindow *window;
  KeelListPage *page = open_page (folder, "improvements", &window);
  GtkWidget *kind, *owner;
  GtkStringObject *chosen;

  add (window, "improvement", "date", "2026-03-02", "kind", "incident",
       "description", "Phishing mail opened by a clerk in accounts", "owner", "PER-1",
       "due", "2026-03-20", "status", "closed", NULL);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (find_cell (page, "2026-03-20"))), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (find_cell (page, "Incident"))), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (find_cell (page, "Awaiting check"))), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (find_cell (page, "Phishing mail opened by a clerk in accounts"))),
                   ==, PANGO_ELLIPSIZE_END);
  g_assert_true (gtk_widget_get_has_tooltip (find_cell (page, "Phishing mail opened by a clerk in accounts")));
  g_assert_false (gtk_widget_get_has_tooltip (find_cell (page, "2026-03-20")));

  /* A filter that lets everything through says what it filters; once
   * set, what it is set to */
  kind = GTK_WIDGET (keel_list_page_get_filter (page, 0));
  owner = GTK_WIDGET (keel_list_page_get_filter (page, 2));
  g_assert_nonnull (page_test_find_label (kind, "Kind"));
  g_assert_nonnull (page_test_find_label (owner, "Owner"));
  filter (page, 0, 1);
  chosen = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (kind));
  g_assert_nonnull (page_test_find_label (kind, gtk_string_object_get_string (chosen)));
  g_assert_null (page_test_find_label (kind, "Kind"));
  filter (page, 0, 0);
  g_assert_nonnull (page_test_find_label (kind, "Kind"));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *shown;
      int minimum, natural;

      _keel_window_show_page (window, pages[i]);
      page_test_iterate (50);
      shown = _keel_window_get_page (window, pages[i]);
      gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      if (minimum > 360)
        g_error ("the %s page needs %d px", pages[i], minimum);
    }

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

  g_test_add_func ("/keel/registers/training", test_training);
  g_test_add_func ("/keel/registers/improvements", test_improvements);
  g_test_add_func ("/keel/registers/processes", test_processes);
  g_test_add_func ("/keel/registers/audits", test_audits);
  g_test_add_func ("/keel/registers/layout", test_layout);

  return g_test_run ();
}
