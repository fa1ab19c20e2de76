/* test-narrow.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A phone-sized window: every page fits 360 px, so the sidebar and the
 * page fold into one column; the editors stay usable 400 px wide. */

#include "config.h"

#include "keel-date.h"
#include "keel-list-page.h"
#include "keel-objective-editor.h"
#include "keel-objectives-page.h"
#include "keel-policies-page.h"
#include "keel-policy-editor.h"
#include "keel-window-private.h"

#include "page-test-util.h"

#define NARROW_WIDTH   360
#define NARROW_HEIGHT  640
#define EDITOR_WIDTH   400

#define CHILD(widget, Type, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), Type, name))

static void
fill (KeelWorkspace *workspace)
{
  g_autoptr(KeelRecord) o = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(KeelRecord) p = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(GDateTime) due = keel_date_new (2026, 12, 31);
  g_autoptr(GDateTime) review = keel_date_new (2026, 1, 31);
  GListStore *readings;

  keel_record_set_string (o, "title", "Cut the phishing click rate in every department to five per cent");
  keel_record_set_string (o, "description", "Monthly simulations with a two-minute lesson for everyone who clicks");
  keel_record_set_string (o, "owner", "PER-2");
  keel_record_set_string (o, "measure", "Share of staff who click the link in the monthly phishing simulation");
  keel_record_set_string (o, "unit", "%");
  keel_record_set_string (o, "direction", "lower");
  keel_record_set_double (o, "baseline", 19.4);
  keel_record_set_double (o, "target", 5);
  keel_record_set_date (o, "due", due);
  keel_record_set_string (o, "status", "on-track");
  readings = keel_record_get_children (o, "readings");
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(KeelRecord) reading = g_object_new (KEEL_TYPE_READING, NULL);
      g_autoptr(GDateTime) date = keel_date_new (2026, i, 28);

      keel_record_set_date (reading, "date", date);
      keel_record_set_double (reading, "value", 20.0 - 4 * i);
      g_list_store_append (readings, reading);
    }
  keel_workspace_add (workspace, o);

  keel_record_set_string (p, "title", "Information security policy for staff, contractors and suppliers");
  keel_record_set_string (p, "owner", "PER-2");
  keel_record_set_date (p, "next_review", review);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KeelRecord) version = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
      g_autoptr(GDateTime) date = keel_date_new (2025 + i, 3, 1);

      keel_record_set_string (version, "version", i == 0 ? "1.0" : "1.1");
      keel_record_set_date (version, "date", date);
      keel_record_set_string (version, "author", "PER-2");
      keel_record_set_string (version, "description", "Yearly review after the internal audit and the supplier assessment");
      if (i == 0)
        {
          g_autoptr(KeelRecord) approval = g_object_new (KEEL_TYPE_SIGN_OFF, NULL);

          keel_record_set_string (approval, "by", "PER-1");
          keel_record_set_date (approval, "on", date);
          keel_record_set_child (version, "approval", approval);
        }
      g_list_store_append (keel_record_get_children (p, "versions"), version);
    }
  keel_workspace_add (workspace, p);
}

/* ------------------------------------------------------------------------ */
/* Bounded waits                                                            */
/* ------------------------------------------------------------------------ */

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
wide (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 800;
}

static gboolean
painted_twice (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Waits, at most 5 s, until @window has been drawn twice: once at the
 * size it first asked for, once after the layout settled */
static void
wait_for_draw (GtkWidget *window)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong handler;

  g_assert_true (page_test_wait (mapped, window, 5000));
  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  gtk_widget_queue_draw (window);
  g_assert_true (page_test_wait (painted_twice, &frames, 5000));
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
window_ready (gpointer data)
{
  return _keel_window_get_view (KEEL_WINDOW (data)) == KEEL_WINDOW_VIEW_WORKSPACE;
}

static KeelWindow *
open_narrow_window (const char *folder,
                    const char *page)
{
  static AdwApplication *application;
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  KeelWindow *window;

  if (application == NULL)
    {
      g_autoptr(GError) error = NULL;

      application = adw_application_new ("io.github.keelisms.Keel.NarrowTest", G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
    }

  window = keel_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW_WIDTH, NARROW_HEIGHT);
  keel_window_open_folder (window, file);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (page_test_wait (window_ready, window, 5000));
  _keel_window_show_page (window, page);
  wait_for_draw (GTK_WIDGET (window));

  return window;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = -1, natural = -1;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);

  return minimum;
}

/* @widget's bounds in @ancestor's coordinates */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));

  return bounds;
}

/* Shown, unclipped, edge to edge in the narrow window */
static gboolean
spans_window (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.x >= 0 && bounds.origin.x < 1 &&
         bounds.size.width >= gtk_widget_get_width (window) - 1;
}

/* ------------------------------------------------------------------------ */
/* The pages                                                                */
/* ------------------------------------------------------------------------ */

static void
test_page_folds (gconstpointer data)
{
  const char *id = data;
  g_autofree char *folder = page_test_make_folder (fill);
  KeelWindow *window = open_narrow_window (folder, id);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *page = _keel_window_get_page (window, id);
  GtkWidget *leaflet = keel_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  int page_minimum = minimum_width (page);
  int content_minimum = minimum_width (content);
  GObject *toolbar;
  guint n_controls = 0;

  g_test_message ("%s: page needs %d px, the window's content %d px, the window is %d px wide",
                  id, page_minimum, content_minimum, gtk_widget_get_width (GTK_WIDGET (window)));

  g_assert_nonnull (page);
  g_assert_nonnull (leaflet);
  g_assert_cmpint (page_minimum, <=, NARROW_WIDTH);
  g_assert_cmpint (content_minimum, <=, NARROW_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, NARROW_WIDTH);

  /* One column: the sidebar; forward from it, the page, which spans the
   * window */
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_true (adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (page, adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))));
  g_assert_true (page_test_wait (spans_window, page, 5000));
  g_assert_cmpint (gtk_widget_get_width (page), <=, NARROW_WIDTH);

  /* The toolbar wrapped rather than cut anything off: every control is
   * on screen, inside the window */
  toolbar = gtk_widget_get_template_child (page, KEEL_IS_LIST_PAGE (page) ? KEEL_TYPE_LIST_PAGE : G_OBJECT_TYPE (page),
                                          "toolbar");
  g_assert_nonnull (toolbar);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (toolbar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (GTK_IS_LABEL (child) || !gtk_widget_get_visible (child))
        continue;

      n_controls++;
      g_assert_true (gtk_widget_get_mapped (child));
      bounds = bounds_in (child, GTK_WIDGET (window));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
      g_assert_cmpfloat (bounds.size.width, >=, 24);
    }
  g_assert_cmpuint (n_controls, >=, 3);

  /* Wide again, the sidebar comes back beside the page */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (page_test_wait (wide, window, 5000));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

/* ------------------------------------------------------------------------ */
/* The editors                                                              */
/* ------------------------------------------------------------------------ */

static GtkWidget *
present_editor (GtkWidget  *editor,
                KeelWindow *window,
                int         width)
{
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (editor), width, 720);
  gtk_window_present (GTK_WINDOW (editor));
  wait_for_draw (editor);

  return editor;
}

static KeelRecord *
first_record (KeelWindow *window,
              GType       type)
{
  GListModel *records = keel_workspace_get_records (keel_window_get_workspace (window), type);
  g_autoptr(KeelRecord) record = g_list_model_get_item (records, 0);

  g_assert_nonnull (record);

  return record;
}

static GtkWidget *
objective_editor (KeelWindow *window,
                  KeelRecord *objective)
{
  return g_object_new (KEEL_TYPE_OBJECTIVE_EDITOR,
                       "workspace", keel_window_get_workspace (window),
                       "record", objective,
                       NULL);
}

static void
test_objective_editor (void)
{
  g_autofree char *folder = page_test_make_folder (fill);
  KeelWindow *window = open_narrow_window (folder, "objectives");
  KeelRecord *objective = first_record (window, KEEL_TYPE_OBJECTIVE);
  GtkWidget *editor, *title_row, *plot, *readings;
  graphene_rect_t title, graph, list;
  int content_minimum;

  /* Narrow: the progress pane comes below the form, both full width */
  editor = present_editor (objective_editor (window, objective),
                           window, EDITOR_WIDTH);
  content_minimum = minimum_width (adw_window_get_content (ADW_WINDOW (editor)));
  g_test_message ("objective editor: needs %d px, is %d px wide",
                  content_minimum, gtk_widget_get_width (editor));
  g_assert_cmpint (content_minimum, <=, EDITOR_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (editor), <=, EDITOR_WIDTH);

  title_row = keel_record_editor_get_row (KEEL_RECORD_EDITOR (editor), "title");
  plot = keel_objective_editor_get_plot (KEEL_OBJECTIVE_EDITOR (editor));
  readings = keel_record_editor_get_section (KEEL_RECORD_EDITOR (editor), "readings");
  title = bounds_in (title_row, editor);
  graph = bounds_in (plot, editor);
  list = bounds_in (readings, editor);
  g_test_message ("title row %g,%g %gx%g; plot %g,%g %gx%g",
                  title.origin.x, title.origin.y, title.size.width, title.size.height,
                  graph.origin.x, graph.origin.y, graph.size.width, graph.size.height);
  g_assert_cmpfloat (graph.origin.y, >=, title.origin.y + title.size.height);
  g_assert_cmpfloat (graph.origin.x, <, title.origin.x + title.size.width / 2);
  g_assert_cmpfloat (title.size.width, >=, EDITOR_WIDTH - 80);
  g_assert_cmpfloat (graph.size.width, >=, EDITOR_WIDTH - 80);
  g_assert_cmpfloat (list.size.width, >=, EDITOR_WIDTH - 80);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Opened from the page, it is no wider than the window */
  editor = keel_list_page_open_editor (KEEL_LIST_PAGE (_keel_window_get_page (window, "objectives")),
                                       objective, NULL);
  g_assert_nonnull (editor);
  wait_for_draw (editor);
  g_assert_cmpint (gtk_widget_get_width (editor), <=, gtk_widget_get_width (GTK_WIDGET (window)));
  title = bounds_in (keel_record_editor_get_row (KEEL_RECORD_EDITOR (editor), "title"), editor);
  graph = bounds_in (keel_objective_editor_get_plot (KEEL_OBJECTIVE_EDITOR (editor)), editor);
  g_assert_cmpfloat (graph.origin.y, >=, title.origin.y + title.size.height);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Wide: side by side again */
  editor = present_editor (objective_editor (window, objective),
                           window, 1160);
  title = bounds_in (keel_record_editor_get_row (KEEL_RECORD_EDITOR (editor), "title"), editor);
  graph = bounds_in (keel_objective_editor_get_plot (KEEL_OBJECTIVE_EDITOR (editor)), editor);
  g_assert_cmpfloat (graph.origin.x, >=, title.origin.x + title.size.width);
  g_assert_cmpfloat (graph.origin.y, <, title.origin.y + title.size.height + 100);
  gtk_window_destroy (GTK_WINDOW (editor));

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

static void
test_policy_editor (void)
{
  g_autofree char *folder = page_test_make_folder (fill);
  KeelWindow *window = open_narrow_window (folder, "policies");
  KeelRecord *policy = first_record (window, KEEL_TYPE_POLICY);
  GtkWidget *editor;
  graphene_rect_t title;
  int content_minimum;

  editor = present_editor (g_object_new (KEEL_TYPE_POLICY_EDITOR,
                                         "workspace", keel_window_get_workspace (window),
                                         "record", policy,
                                         NULL),
                           window, EDITOR_WIDTH);
  content_minimum = minimum_width (adw_window_get_content (ADW_WINDOW (editor)));
  g_test_message ("policy editor: needs %d px, is %d px wide",
                  content_minimum, gtk_widget_get_width (editor));
  g_assert_cmpint (content_minimum, <=, EDITOR_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (editor), <=, EDITOR_WIDTH);

  title = bounds_in (keel_record_editor_get_row (KEEL_RECORD_EDITOR (editor), "title"), editor);
  g_assert_cmpfloat (title.size.width, >=, EDITOR_WIDTH - 80);
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = keel_list_page_open_editor (KEEL_LIST_PAGE (_keel_window_get_page (window, "policies")),
                                       policy, NULL);
  g_assert_nonnull (editor);
  wait_for_draw (editor);
  g_assert_cmpint (gtk_widget_get_width (editor), <=, gtk_widget_get_width (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (editor));

  page_test_close_window (window);
  page_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!page_test_init (&argc, &argv))
    return 0;

  g_test_add_data_func ("/keel/gui/narrow/objectives", "objectives", test_page_folds);
  g_test_add_data_func ("/keel/gui/narrow/policies", "policies", test_page_folds);
  g_test_add_data_func ("/keel/gui/narrow/people", "people", test_page_folds);
  g_test_add_func ("/keel/gui/narrow/objective-editor", test_objective_editor);
  g_test_add_func ("/keel/gui/narrow/policy-editor", test_policy_editor);

  return g_test_run ();
}
