/* test-objectives-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "keel-date.h"
#include "keel-objective-editor.h"
#include "keel-objective-form.h"
#include "keel-field-row.h"
#include "keel-objectives-page.h"
#include "keel-trend-plot.h"
#include "keel-window-private.h"

#include "page-test-util.h"

/* The row of @name ("title_row": the field title) */
static GtkWidget *
row (GtkWidget  *editor,
     const char *name)
{
  g_autofree char *key = g_strndup (name, strlen (name) - strlen ("_row"));
  GtkWidget *widget;

  if (g_str_equal (key, "strategy"))
    g_free (key), key = g_strdup ("strategy_link");
  widget = keel_record_editor_get_row (KEEL_RECORD_EDITOR (editor), key);
  g_assert_nonnull (widget);

  return widget;
}

static GtkWidget *
save_button (GtkWidget *editor)
{
  return keel_gui_test_find_action (editor, "editor.save");
}

static void
set_text (GtkWidget  *editor,
          const char *name,
          const char *text)
{
  GtkWidget *widget = row (editor, name);

  if (ADW_IS_ENTRY_ROW (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    {
      GtkWidget *view = gtk_widget_get_last_child (gtk_widget_get_first_child (widget));

      while (view != NULL && !GTK_IS_TEXT_VIEW (view))
        view = gtk_widget_get_last_child (view);
      g_assert_nonnull (view);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
    }
}

static void
set_choice (GtkWidget  *editor,
            const char *name,
            const char *label)
{
  GtkWidget *widget = row (editor, name);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
        return;
      }

  g_assert_not_reached ();
}

/* The editor shown, if any (a closed one is hidden, then destroyed) */
static GtkWidget *
shown_editor (void)
{
  GtkWidget *editor = page_test_find_toplevel (KEEL_TYPE_OBJECTIVE_EDITOR);

  return editor != NULL && gtk_widget_get_visible (editor) ? editor : NULL;
}

static gboolean
no_editor (gpointer data)
{
  return shown_editor () == NULL;
}

static void
add_reading (KeelObjectiveEditor *editor,
             const char          *date,
             const char          *value,
             const char          *note)
{
  GtkWidget *dialog = keel_objective_editor_add_reading (editor);

  g_assert_true (KEEL_IS_RECORD_EDITOR (dialog));
  set_text (dialog, "date_row", date);
  set_text (dialog, "value_row", value);
  set_text (dialog, "note_row", note);
  g_assert_true (keel_record_editor_can_save (KEEL_RECORD_EDITOR (dialog)));
  g_assert_true (keel_record_editor_save (KEEL_RECORD_EDITOR (dialog)));
}

/* A good objective in every field, typed into @editor */
static void
fill_good_objective (GtkWidget *editor)
{
  set_text (editor, "title_row", "Cut phishing clicks in Sales");
  set_text (editor, "description_row", "Monthly simulations and short training");
  set_choice (editor, "owner_row", "Ana Lima");
  set_text (editor, "strategy_row", "Win enterprise customers");
  set_text (editor, "measure_row", "Phishing simulation click rate");
  set_text (editor, "unit_row", "%");
  set_choice (editor, "direction_row", "Lower is better");
  set_text (editor, "baseline_row", "12");
  set_text (editor, "target_row", "5");
  set_choice (editor, "cadence_row", "Monthly");
  set_text (editor, "start_row", "2026-01-01");
  set_text (editor, "due_row", "2026-12-31");
}

static KeelRecord *
objective (KeelWorkspace *workspace,
           const char    *title,
           const char    *owner,
           const char    *status)
{
  g_autoptr(KeelRecord) o = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(GDateTime) due = keel_date_new (2026, 12, 31);

  keel_record_set_string (o, "title", title);
  keel_record_set_string (o, "owner", owner);
  keel_record_set_string (o, "measure", "Rate");
  keel_record_set_string (o, "unit", "%");
  keel_record_set_double (o, "target", 95);
  keel_record_set_date (o, "due", due);
  keel_record_set_string (o, "status", status);
  keel_workspace_add (workspace, o);

  return o;
}

static void
fill_three (KeelWorkspace *workspace)
{
  objective (workspace, "Patch servers within 14 days", "PER-1", "on-track");
  objective (workspace, "Cut phishing clicks in Sales", "PER-2", "at-risk");
  objective (workspace, "Train every new joiner in week one", "PER-2", "on-track");
}

static guint
shown (GtkWidget *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (keel_list_page_get_selection (KEEL_LIST_PAGE (page))));
}

typedef struct
{
  GtkWidget *page;
  guint      n;
} ShownWait;

static gboolean
shown_is (gpointer data)
{
  ShownWait *wait = data;

  return shown (wait->page) == wait->n;
}

/* The search entry waits a moment before it filters */
static gboolean
wait_shown (GtkWidget *page,
            guint      n)
{
  ShownWait wait = { page, n };

  return page_test_wait (shown_is, &wait, 2000);
}

static const char *
stack_page (GtkWidget *page)
{
  return keel_list_page_get_state (KEEL_LIST_PAGE (page));
}

/* ------------------------------------------------------------------------ */

static void
test_add_with_readings (void)
{
  g_autofree char *folder = page_test_make_folder (NULL);
  KeelWindow *window = page_test_open_window (folder, "objectives");
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWidget *page = _keel_window_get_page (window, "objectives");
  GtkWidget *editor, *status_row;
  KeelRecord *draft;
  KeelRecord *saved;
  GListModel *objectives = keel_workspace_get_records (workspace, KEEL_TYPE_OBJECTIVE);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *stored;
  JsonArray *readings;

  g_assert_true (KEEL_IS_OBJECTIVES_PAGE (page));
  g_assert_cmpstr (stack_page (page), ==, "empty");

  gtk_widget_activate_action (page, "page.new", NULL);
  editor = shown_editor ();
  g_assert_nonnull (editor);
  g_assert_false (keel_record_editor_can_save (KEEL_RECORD_EDITOR (editor)));

  fill_good_objective (editor);
  g_assert_true (keel_record_editor_can_save (KEEL_RECORD_EDITOR (editor)));
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));

  draft = keel_record_editor_get_draft (KEEL_RECORD_EDITOR (editor));
  g_assert_cmpstr (keel_record_get_string (draft, "status"), ==, "not-started");
  add_reading (KEEL_OBJECTIVE_EDITOR (editor), "2026-01-31", "9", "First simulation");
  /* Progress recorded: the status moves on from "not started", on screen too */
  g_assert_cmpstr (keel_record_get_string (draft, "status"), ==, "on-track");
  status_row = row (editor, "status_row");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (status_row))),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (status_row))),
                   ==, "On track");
  add_reading (KEEL_OBJECTIVE_EDITOR (editor), "2026-02-28", "7,5", "");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (draft, "readings"))), ==, 2);
  g_assert_cmpstr (keel_trend_plot_get_summary (KEEL_TREND_PLOT (keel_objective_editor_get_plot (KEEL_OBJECTIVE_EDITOR (editor)))),
                   ==, "2 readings from 2026-01-31 to 2026-02-28; latest 7.5 %, target 5 %");
  /* Nothing reaches the workspace before Save */
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 0);

  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_true (page_test_wait (no_editor, NULL, 2000));

  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 1);
  saved = keel_workspace_lookup (workspace, "OBJ-1");
  g_assert_nonnull (saved);
  g_assert_cmpstr (keel_record_get_string (saved, "title"), ==, "Cut phishing clicks in Sales");
  g_assert_cmpstr (keel_record_get_string (saved, "owner"), ==, "PER-1");
  g_assert_cmpstr (keel_record_get_string (saved, "direction"), ==, "lower");
  g_assert_cmpstr (keel_record_get_string (saved, "cadence"), ==, "monthly");
  g_assert_cmpfloat (keel_record_get_double (saved, "target"), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (saved, "readings"))), ==, 2);

  /* The table shows it */
  page_test_iterate (20);
  g_assert_cmpstr (stack_page (page), ==, "list");
  g_assert_cmpuint (shown (page), ==, 1);

  /* And keel.json holds it once saved */
  g_assert_true (page_test_wait_saved (workspace));
  root = page_test_read_file (folder, &parser);
  g_assert_true (json_object_has_member (root, "objectives"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "objectives")), ==, 1);
  stored = json_array_get_object_element (json_object_get_array_member (root, "objectives"), 0);
  g_assert_cmpstr (json_object_get_string_member (stored, "id"), ==, "OBJ-1");
  g_assert_cmpstr (json_object_get_string_member (stored, "due"), ==, "2026-12-31");
  g_assert_cmpfloat (json_object_get_double_member (stored, "baseline"), ==, 12);
  readings = json_object_get_array_member (stored, "readings");
  g_assert_cmpuint (json_array_get_length (readings), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (readings, 0), "date"), ==, "2026-01-31");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (readings, 1), "value"), ==, 7.5);

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static void
test_invalid_target (void)
{
  g_autofree char *folder = page_test_make_folder (NULL);
  KeelWindow *window = page_test_open_window (folder, "objectives");
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWidget *page = _keel_window_get_page (window, "objectives");
  GtkWidget *editor = keel_list_page_open_editor (KEEL_LIST_PAGE (page), NULL, NULL);
  GtkWidget *target_row = row (editor, "target_row");
  GtkWidget *save = save_button (editor);

  fill_good_objective (editor);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (target_row, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (target_row));

  set_text (editor, "target_row", "abc");
  g_assert_true (gtk_widget_has_css_class (target_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (keel_record_editor_can_save (KEEL_RECORD_EDITOR (editor)));
  /* The message shows on the row, and on Save */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (target_row), "number"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (save), "number"));

  /* Save refuses, and nothing is added */
  g_assert_false (keel_record_editor_save (KEEL_RECORD_EDITOR (editor)));
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_OBJECTIVE), ==, 0);
  g_assert_nonnull (shown_editor ());

  /* A bad date marks its own row; fixing both enables Save again */
  set_text (editor, "due_row", "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (row (editor, "due_row"), "error"));
  set_text (editor, "target_row", "4.5");
  set_text (editor, "due_row", "2026-12-31");
  g_assert_false (gtk_widget_has_css_class (target_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Cancel with typed work asks first */
  gtk_widget_activate_action (editor, "editor.cancel", NULL);
  page_test_respond (page_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "discard");
  g_assert_true (page_test_wait (no_editor, NULL, 2000));
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_OBJECTIVE), ==, 0);

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static void
test_smart_check (void)
{
  g_autofree char *folder = page_test_make_folder (NULL);
  KeelWindow *window = page_test_open_window (folder, "objectives");
  GtkWidget *page = _keel_window_get_page (window, "objectives");
  GtkWidget *editor = keel_list_page_open_editor (KEEL_LIST_PAGE (page), NULL, NULL);
  KeelObjectiveEditor *oe = KEEL_OBJECTIVE_EDITOR (editor);
  GtkWidget *specific_icon = keel_objective_editor_get_smart_icon (oe, KEEL_SMART_SPECIFIC);
  GtkWidget *relevant_icon = keel_objective_editor_get_smart_icon (oe, KEEL_SMART_RELEVANT);
  GtkWidget *specific_row = keel_objective_editor_get_smart_row (oe, KEEL_SMART_SPECIFIC);
  g_autoptr(GDateTime) today = keel_date_new (2026, 3, 1);

  keel_date_set_today (today);

  fill_good_objective (editor);
  for (guint i = 0; i < KEEL_SMART_N_CRITERIA; i++)
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (keel_objective_editor_get_smart_icon (oe, i))),
                     ==, "emblem-ok-symbolic");

  /* A weak objective: a vague title, no link to the business */
  set_text (editor, "title_row", "Security");
  set_text (editor, "strategy_row", "");
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (specific_icon)), ==, "dialog-warning-symbolic");
  g_assert_true (gtk_widget_has_css_class (specific_icon, "warning"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (specific_row)), "four words"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (relevant_icon)), ==, "dialog-warning-symbolic");
  /* Weak is advice, not an error: it can still be saved */
  g_assert_true (keel_record_editor_can_save (KEEL_RECORD_EDITOR (editor)));

  /* A department makes it relevant again */
  set_text (editor, "department_row", "Sales");
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (relevant_icon)), ==, "emblem-ok-symbolic");

  keel_date_set_today (NULL);
  keel_record_editor_close (KEEL_RECORD_EDITOR (editor));
  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static guint
count_line_pixels (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  guint n = 0;

  gdk_texture_download (texture, data, stride);

  /* Cairo ARGB32 in memory order: B G R A. The line is the accent blue. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = data + y * stride + x * 4;
        int b = p[0], g = p[1], r = p[2], a = p[3];

        if (a > 200 && b > r + 60 && b > g + 30)
          n++;
      }

  return n;
}

static guint
count_visible_pixels (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  guint n = 0;

  gdk_texture_download (texture, data, stride);
  for (int i = 0; i < width * height; i++)
    if (data[i * 4 + 3] > 0)
      n++;

  return n;
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_plot_renders (void)
{
  g_autoptr(KeelRecord) o = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(KeelRecord) empty = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  static const char *dates[] = { "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30" };
  static const double values[] = { 11, 9.5, 8, 6.2, 5.1, 4.2 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *plot = keel_trend_plot_new ();
  g_autoptr(GdkTexture) with_readings = NULL;
  g_autoptr(GdkTexture) without = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  guint line_pixels;

  keel_record_set_string (o, "measure", "Click rate");
  keel_record_set_string (o, "unit", "%");
  keel_record_set_double (o, "baseline", 12);
  keel_record_set_double (o, "target", 5);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(KeelRecord) r = g_object_new (KEEL_TYPE_READING, NULL);
      g_autoptr(GDateTime) d = keel_date_parse (dates[i]);

      keel_record_set_date (r, "date", d);
      keel_record_set_double (r, "value", values[i]);
      g_list_store_append (keel_record_get_children (o, "readings"), r);
    }
  keel_record_set_double (empty, "target", 5);
  keel_record_set_string (empty, "unit", "%");

  keel_trend_plot_set_objective (KEEL_TREND_PLOT (plot), o);
  g_assert_cmpstr (keel_trend_plot_get_summary (KEEL_TREND_PLOT (plot)), ==,
                   "6 readings from 2026-01-31 to 2026-06-30; latest 4.2 %, target 5 %");
  /* Screen readers get the same sentence */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_ROLE_IMG);
  {
    /* NULL when the label is that; else what it is */
    g_autofree char *other = gtk_test_accessible_check_property (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                  "6 readings from 2026-01-31 to 2026-06-30; latest 4.2 %, target 5 %");

    g_assert_null (other);
  }

  gtk_widget_set_size_request (plot, 520, 260);
  gtk_window_set_child (GTK_WINDOW (window), plot);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (page_test_wait (drawn, plot, 3000));
  page_test_iterate (50);

  with_readings = page_test_render (plot);
  line_pixels = count_line_pixels (with_readings);
  /* Six points and five segments 2.5 px wide: hundreds of pixels */
  g_assert_cmpuint (line_pixels, >, 300);

  /* The same plot with no readings draws no line at all */
  keel_trend_plot_set_objective (KEEL_TREND_PLOT (plot), empty);
  g_assert_cmpstr (keel_trend_plot_get_summary (KEEL_TREND_PLOT (plot)), ==, "No readings yet; target 5 %");
  page_test_iterate (30);
  without = page_test_render (plot);
  g_assert_cmpuint (count_line_pixels (without), ==, 0);
  /* …but it says so: the "No readings yet" text is drawn */
  g_assert_cmpuint (count_visible_pixels (without), >, 50);

  /* Dark style: still drawn, line still the accent colour */
  keel_trend_plot_set_objective (KEEL_TREND_PLOT (plot), o);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  page_test_iterate (50);
  dark = page_test_render (plot);
  g_assert_cmpuint (count_line_pixels (dark), >, 300);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_undo (void)
{
  g_autofree char *folder = page_test_make_folder (fill_three);
  KeelWindow *window = page_test_open_window (folder, "objectives");
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWidget *page = _keel_window_get_page (window, "objectives");
  KeelRecord *second = keel_workspace_lookup (workspace, "OBJ-2");

  g_assert_cmpuint (shown (page), ==, 3);
  g_assert_nonnull (second);
  g_assert_true (keel_list_page_select (KEEL_LIST_PAGE (page), second));
  g_assert_true (keel_list_page_get_selected (KEEL_LIST_PAGE (page)) == second);

  gtk_widget_activate_action (page, "page.delete", NULL);
  g_assert_null (keel_workspace_lookup (workspace, "OBJ-2"));
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_OBJECTIVE), ==, 2);
  g_assert_cmpuint (shown (page), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (keel_workspace_lookup (workspace, "OBJ-2") == second);
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_OBJECTIVE), ==, 3);
  g_assert_cmpuint (shown (page), ==, 3);

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static void
test_search_and_filters (void)
{
  g_autofree char *folder = page_test_make_folder (fill_three);
  KeelWindow *window = page_test_open_window (folder, "objectives");
  GtkWidget *page = _keel_window_get_page (window, "objectives");
  GtkWidget *search = GTK_WIDGET (keel_list_page_get_search_entry (KEEL_LIST_PAGE (page)));
  GtkWidget *status = GTK_WIDGET (keel_list_page_get_filter (KEEL_LIST_PAGE (page), 0));
  GtkWidget *owner = GTK_WIDGET (keel_list_page_get_filter (KEEL_LIST_PAGE (page), 1));

  g_assert_cmpuint (shown (page), ==, 3);

  /* page.search focuses the search entry */
  gtk_widget_activate_action (page, "page.search", NULL);
  page_test_iterate (20);
  g_assert_true (gtk_widget_is_focus (search) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));

  /* On the title, the id, and the owner's name */
  gtk_editable_set_text (GTK_EDITABLE (search), "PHISHING");
  g_assert_true (wait_shown (page, 1));
  gtk_editable_set_text (GTK_EDITABLE (search), "obj-3");
  g_assert_true (wait_shown (page, 1));
  gtk_editable_set_text (GTK_EDITABLE (search), "ortiz");
  g_assert_true (wait_shown (page, 2));
  gtk_editable_set_text (GTK_EDITABLE (search), "nothing like this");
  g_assert_true (wait_shown (page, 0));
  g_assert_cmpstr (stack_page (page), ==, "no-results");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_assert_true (wait_shown (page, 3));

  /* Status: on track (position 2) */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 2);
  g_assert_cmpuint (shown (page), ==, 2);
  /* and owner Ben Ortiz (position 2: after "All owners" and Ana) */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 2);
  g_assert_cmpuint (shown (page), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 0);
  g_assert_cmpuint (shown (page), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 0);
  g_assert_cmpuint (shown (page), ==, 3);

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static void
test_edit_and_cancel (void)
{
  g_autofree char *folder = page_test_make_folder (fill_three);
  KeelWindow *window = page_test_open_window (folder, "objectives");
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWidget *page = _keel_window_get_page (window, "objectives");
  KeelRecord *first = keel_workspace_lookup (workspace, "OBJ-1");
  GtkWidget *editor;

  /* Cancel leaves the objective as it was, readings included */
  editor = keel_list_page_open_editor (KEEL_LIST_PAGE (page), first, NULL);
  set_text (editor, "title_row", "Something else entirely now");
  add_reading (KEEL_OBJECTIVE_EDITOR (editor), "2026-02-01", "80", "");
  gtk_widget_activate_action (editor, "editor.cancel", NULL);
  page_test_respond (page_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "discard");
  g_assert_cmpstr (keel_record_get_string (first, "title"), ==, "Patch servers within 14 days");
  g_assert_false (keel_record_is_set (first, "readings"));

  /* Save writes into the same record, keeping its id */
  editor = keel_list_page_open_editor (KEEL_LIST_PAGE (page), first, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor, "target_row"))), ==, "95");
  set_text (editor, "title_row", "Patch critical servers within 7 days");
  add_reading (KEEL_OBJECTIVE_EDITOR (editor), "2026-02-01", "80", "");
  g_assert_true (keel_record_editor_save (KEEL_RECORD_EDITOR (editor)));
  g_assert_true (keel_workspace_lookup (workspace, "OBJ-1") == first);
  /* Progress recorded: no longer "not started" (it was "on-track") */
  g_assert_cmpstr (keel_record_get_string (first, "status"), ==, "on-track");
  g_assert_cmpstr (keel_record_get_string (first, "title"), ==, "Patch critical servers within 7 days");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (first, "readings"))), ==, 1);
  g_assert_cmpuint (keel_workspace_count (workspace, KEEL_TYPE_OBJECTIVE), ==, 3);

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!page_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/keel/gui/objectives/add-with-readings", test_add_with_readings);
  g_test_add_func ("/keel/gui/objectives/invalid-target", test_invalid_target);
  g_test_add_func ("/keel/gui/objectives/smart-check", test_smart_check);
  g_test_add_func ("/keel/gui/objectives/plot-renders", test_plot_renders);
  g_test_add_func ("/keel/gui/objectives/delete-undo", test_delete_undo);
  g_test_add_func ("/keel/gui/objectives/search-filters", test_search_and_filters);
  g_test_add_func ("/keel/gui/objectives/edit-cancel", test_edit_and_cancel);

  return g_test_run ();
}
