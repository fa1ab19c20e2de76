/* test-window-sidebar.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "keel-areas.h"
#include "keel-list-page.h"
#include "keel-preferences-window.h"
#include "keel-records.h"
#include "test-window.h"

/* The sidebar of areas: pages made when needed, the last one remembered,
 * the groups, the keyboard, and a narrow window. */

static void
test_areas (Fixture       *fixture,
            gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  const char *ids[] = { "objectives", "policies", "people" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *page = _keel_window_get_page (window, ids[i]);
      g_autoptr(KeelWorkspace) workspace = NULL;

      g_assert_nonnull (page);
      g_object_get (page, "workspace", &workspace, NULL);
      g_assert_true (workspace == keel_window_get_workspace (window));
    }

  g_assert_null (_keel_window_get_page (window, "nowhere"));
}


/* The last page and the last workspace are remembered; a new window opens
 * on both */
static void
test_remembers (Fixture       *fixture,
                gconstpointer  data)
{
  KeelApplication *application = keel_gui_test_get_application ();
  GSettings *settings = keel_application_get_settings (application);
  g_autoptr(GFile) start = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *last_workspace = NULL;
  KeelWindow *window = open_workspace (fixture, two_people);
  GtkWidget *content;

  g_assert_nonnull (settings);

  _keel_window_show_page (window, "people");
  last_page = g_settings_get_string (settings, "last-page");
  last_workspace = g_settings_get_string (settings, "last-workspace");
  g_assert_cmpstr (last_page, ==, "people");
  g_assert_cmpstr (last_workspace, ==, fixture->path);

  _keel_window_show_page (window, "policies");
  gtk_window_close (GTK_WINDOW (window));
  KEEL_GUI_TEST_WAIT_UNTIL (fixture->window == NULL, WAIT_MS);

  start = keel_application_dup_start_folder (application);
  g_assert_cmpstr (g_file_peek_path (start), ==, fixture->path);

  window = open_workspace (fixture, NULL);
  content = child_of (window, KEEL_TYPE_WINDOW, "content_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content)), ==, "policies");
}


/* A 360 px window folds the sidebar over the page: activating an area's
 * row shows that area's page */
static void
test_narrow_sidebar (Fixture       *fixture,
                     gconstpointer  data)
{
  KeelWindow *window = keel_window_new (ADW_APPLICATION (keel_gui_test_get_application ()));
  AdwLeaflet *leaflet = ADW_LEAFLET (child_of (window, KEEL_TYPE_WINDOW, "leaflet"));
  GtkWidget *content = child_of (window, KEEL_TYPE_WINDOW, "content_box");

  keel_gui_test_write_file (fixture->path, "keel.json", two_people, -1);
  g_set_weak_pointer (&fixture->window, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  keel_window_open_folder (window, fixture->folder);
  gtk_window_present (GTK_WINDOW (window));
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);
  KEEL_GUI_TEST_WAIT_UNTIL (adw_leaflet_get_folded (leaflet), WAIT_MS);

  _keel_window_show_page (window, "objectives");
  g_signal_emit_by_name (child_of (window, KEEL_TYPE_WINDOW, "back_button"), "clicked");
  KEEL_GUI_TEST_WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) != content, WAIT_MS);

  /* As a tap on "Policies" does */
  gtk_widget_activate (GTK_WIDGET (sidebar_row (window, "Policies")));
  KEEL_GUI_TEST_WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == content, WAIT_MS);
  g_assert_cmpstr (_keel_window_get_shown_area (window), ==, "policies");
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (child_of (window, KEEL_TYPE_WINDOW, "content_stack")))
                 == _keel_window_get_page (window, "policies"));

  /* And back, to another */
  g_signal_emit_by_name (child_of (window, KEEL_TYPE_WINDOW, "back_button"), "clicked");
  KEEL_GUI_TEST_WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) != content, WAIT_MS);
  gtk_widget_activate (GTK_WIDGET (sidebar_row (window, "People")));
  KEEL_GUI_TEST_WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == content, WAIT_MS);
  g_assert_cmpstr (_keel_window_get_shown_area (window), ==, "people");
}


/* Tab moves the focus through the sidebar's rows without changing the
 * page; Enter on a row shows its area */
static void
test_sidebar_tab (Fixture       *fixture,
                  gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  GtkWidget *menu = child_of (window, KEEL_TYPE_WINDOW, "workspace_menu_button");
  GtkListBoxRow *objectives = sidebar_row (window, "Objectives");
  GtkListBoxRow *policies = sidebar_row (window, "Policies");
  GtkListBox *list = GTK_LIST_BOX (child_of (window, KEEL_TYPE_WINDOW, "sidebar_list"));

  _keel_window_show_page (window, "objectives");
  KEEL_GUI_TEST_WAIT_UNTIL (window_is_active (window), WAIT_MS);
  g_assert_true (gtk_widget_grab_focus (menu));

  keel_gui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (objectives)), WAIT_MS);
  keel_gui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (policies)), WAIT_MS);
  keel_gui_test_iterate (100);

  g_assert_cmpstr (_keel_window_get_shown_area (window), ==, "objectives");
  g_assert_true (gtk_list_box_get_selected_row (list) == objectives);

  /* Enter is an activation */
  keel_gui_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  KEEL_GUI_TEST_WAIT_UNTIL (g_strcmp0 (_keel_window_get_shown_area (window), "policies") == 0, WAIT_MS);
  g_assert_true (gtk_list_box_get_selected_row (list) == policies);
}


/* Ctrl+N creates a record wherever the focus is: on the header bar's menu
 * button, or in the menu it opened */
static void
test_new_from_header (Fixture       *fixture,
                      gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  GtkWidget *menu = child_of (window, KEEL_TYPE_WINDOW, "workspace_menu_button");
  GtkWindow *editor = NULL;

  _keel_window_show_page (window, "people");
  KEEL_GUI_TEST_WAIT_UNTIL (window_is_active (window), WAIT_MS);

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)))),
                            WAIT_MS);
  g_assert_false (is_other_window (window));

  keel_gui_test_press_key (GTK_WINDOW (window), GDK_KEY_n, GDK_CONTROL_MASK);
  KEEL_GUI_TEST_WAIT_UNTIL (is_other_window (window), WAIT_MS);
  KEEL_GUI_TEST_WAIT_UNTIL ((editor = (GtkWindow *) find_editor ()) != NULL, WAIT_MS);
  gtk_window_destroy (editor);
  KEEL_GUI_TEST_WAIT_UNTIL (!is_other_window (window), WAIT_MS);

  /* The menu button itself */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  KEEL_GUI_TEST_WAIT_UNTIL (window_is_active (window), WAIT_MS);
  g_assert_true (gtk_widget_grab_focus (menu));
  keel_gui_test_press_key (GTK_WINDOW (window), GDK_KEY_n, GDK_CONTROL_MASK);
  KEEL_GUI_TEST_WAIT_UNTIL ((editor = (GtkWindow *) find_editor ()) != NULL, WAIT_MS);
}


/* F10 opens the primary menu, built when it first opens, with its
 * items; it is built once */
static void
test_menu_f10 (Fixture       *fixture,
               gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  GtkWidget *menu = child_of (window, KEEL_TYPE_WINDOW, "workspace_menu_button");
  GtkPopover *popover;

  KEEL_GUI_TEST_WAIT_UNTIL (window_is_active (window), WAIT_MS);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));

  keel_gui_test_press_key (GTK_WINDOW (window), GDK_KEY_F10, 0);
  KEEL_GUI_TEST_WAIT_UNTIL ((popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))) != NULL &&
                            gtk_widget_get_mapped (GTK_WIDGET (popover)), WAIT_MS);
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu)) != NULL);
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu))), >, 0);
  g_assert_nonnull (keel_gui_test_find_type_name (GTK_WIDGET (popover), "GtkModelButton"));

  /* A second time, the same popover */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  KEEL_GUI_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (popover)), WAIT_MS);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), WAIT_MS);
  g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)) == popover);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
}

/* The header bar's menu, the page's add button and its filters have
 * their tooltips once the window is drawn (they come after its first
 * frame: GTK 4.8 asks the X server where the pointer is for each; the
 * back button, shown when narrow, has its own once shown) */
static void
test_tooltips (Fixture       *fixture,
               gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  GtkWidget *menu = child_of (window, KEEL_TYPE_WINDOW, "workspace_menu_button");
  KeelListPage *page = KEEL_LIST_PAGE (_keel_window_get_page (window, "objectives"));
  GtkWidget *status = GTK_WIDGET (keel_list_page_get_filter (page, 0));

  _keel_window_show_page (window, "objectives");
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_tooltip_text (menu) != NULL, WAIT_MS);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu), ==, "Main Menu");
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_tooltip_text (status) != NULL, WAIT_MS);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (status), ==, "Status");
  g_assert_nonnull (keel_gui_test_find_tooltip (GTK_WIDGET (page), "Ctrl+N"));
}

/* The sidebar shows the areas under their groups' headings, each area
 * once, each group together */
static void
test_sidebar_groups (Fixture       *fixture,
                     gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  GtkWidget *list = child_of (window, KEEL_TYPE_WINDOW, "sidebar_list");
  guint seen_groups = 0;
  int last_group = -1;
  guint rows = 0;

  for (guint i = 0; i < keel_areas_get_n_areas (); i++)
    {
      const KeelArea *area = keel_areas_get (i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) i);
      GtkWidget *header = gtk_list_box_row_get_header (row);

      g_assert_true (row == sidebar_row (window, _(area->label)));
      g_assert_cmpint (keel_areas_find (area->id), ==, (int) i);
      g_assert_cmpint ((int) area->group, >=, last_group);

      /* A heading where a group starts, and only there */
      if ((int) area->group != last_group)
        {
          g_assert_true (GTK_IS_LABEL (header));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==,
                           keel_area_group_get_label (area->group));
          g_assert_false (seen_groups & (1u << area->group));
          seen_groups |= 1u << area->group;
        }
      else
        g_assert_null (header);

      last_group = (int) area->group;
      rows++;
    }

  g_assert_cmpuint (rows, >=, 3);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) rows));
}


/* Pages are made when they are needed: none before a workspace is open,
 * the one shown before the first frame, the others after it */
static void
test_pages_lazy (Fixture       *fixture,
                 gconstpointer  data)
{
  KeelWindow *window = keel_window_new (ADW_APPLICATION (keel_gui_test_get_application ()));
  GtkStack *stack = GTK_STACK (child_of (window, KEEL_TYPE_WINDOW, "content_stack"));
  g_autoptr(GListModel) stack_pages = NULL;

  g_set_weak_pointer (&fixture->window, window);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (stack)));

  keel_gui_test_write_file (fixture->path, "keel.json", two_people, -1);
  keel_window_open_folder (window, fixture->folder);
  gtk_window_present (GTK_WINDOW (window));
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);

  /* Right after the workspace is shown: one page */
  stack_pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  g_assert_cmpuint (g_list_model_get_n_items (stack_pages), ==, 1);

  /* The others follow, each with the workspace */
  KEEL_GUI_TEST_WAIT_UNTIL (g_list_model_get_n_items (stack_pages) == keel_areas_get_n_areas (), WAIT_MS);
  for (guint i = 0; i < keel_areas_get_n_areas (); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (stack, keel_areas_get (i)->id);

      g_assert_nonnull (page);
      KEEL_GUI_TEST_WAIT_UNTIL (page_has_workspace (page, keel_window_get_workspace (window)), WAIT_MS);
    }
}


/* Every column of @view keeps at least its natural width, and the
 * scrolled window around it reaches the last one */
static void
assert_columns_scroll (GtkWidget  *view,
                       const char *id)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *header = gtk_widget_get_first_child (view);
  double right = 0;
  guint n = 0;

  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      graphene_rect_t bounds;
      int natural;

      if (!gtk_widget_get_visible (title))
        continue;

      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_true (gtk_widget_compute_bounds (title, view, &bounds));
      g_test_message ("%s: column %u at %g, %g px wide, natural %d", id, n, bounds.origin.x,
                      bounds.size.width, natural);
      g_assert_cmpfloat (bounds.size.width, >=, natural);
      right = MAX (right, bounds.origin.x + bounds.size.width);
      n++;
    }

  g_assert_cmpuint (n, >=, 5);
  g_test_message ("%s: %g px of columns, %g px shown, %g to scroll", id, right,
                  gtk_adjustment_get_page_size (adjustment), gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (right, >, gtk_widget_get_width (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >=, right - 1);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), <=, gtk_widget_get_width (scrolled));
}

/* In a 360 px window a table keeps all its columns, each as wide as it
 * needs, and scrolls sideways to show them */
static void
test_narrow_tables (Fixture       *fixture,
                    gconstpointer  data)
{
  KeelWindow *window = keel_window_new (ADW_APPLICATION (keel_gui_test_get_application ()));
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  const char *ids[] = { "objectives", "policies", "people" };

  keel_gui_test_write_file (fixture->path, "keel.json", two_people, -1);
  g_set_weak_pointer (&fixture->window, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  keel_window_open_folder (window, fixture->folder);
  gtk_window_present (GTK_WINDOW (window));
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);

  keel_record_set_string (objective, "title", "Fewer phishing clicks");
  keel_record_set_string (objective, "owner", "PER-2");
  keel_workspace_add (keel_window_get_workspace (window), objective);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *page = _keel_window_get_page (window, ids[i]);
      GtkWidget *view = keel_gui_test_find_type (page, GTK_TYPE_COLUMN_VIEW);

      _keel_window_show_page (window, ids[i]);
      _keel_window_show_content (window);
      g_assert_nonnull (view);
      KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 0, WAIT_MS);
      keel_gui_test_iterate (100);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
      assert_columns_scroll (view, ids[i]);
    }
}

static guint
view_n_items (GtkWidget *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view))));
}

/* What a table showed in the first frame it was drawn in */
typedef struct
{
  GtkWidget *view;
  GtkWidget *page;
  gboolean   seen;
  gboolean   status_pages; /* the page had made its empty states then */
  guint      items;       /* rows it had then */
  int        row_height;
  int        view_height;
} FirstFrame;

static void
first_frame_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  GtkWidget *cell;

  if (first->seen || !gtk_widget_get_mapped (first->view))
    return;

  cell = keel_gui_test_find_type_name (first->view, "GtkColumnViewCell");
  if (cell == NULL || gtk_widget_get_height (gtk_widget_get_parent (cell)) <= 0)
    return;

  first->seen = TRUE;
  first->status_pages = keel_gui_test_find_type (first->page, ADW_TYPE_STATUS_PAGE) != NULL;
  first->items = view_n_items (first->view);
  first->row_height = gtk_widget_get_height (gtk_widget_get_parent (cell));
  first->view_height = gtk_widget_get_height (first->view);
}

static char *
long_people_json (guint n)
{
  GString *json = g_string_new ("{\n  \"format\": \"keel-workspace\",\n  \"version\": 1,\n"
                                "  \"organisation\": { \"name\": \"Acme\" },\n  \"people\": [\n");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (json, "    { \"id\": \"PER-%u\", \"name\": \"Person %03u\" }%s\n",
                            i, i, i < n ? "," : "");
  g_string_append (json, "  ]\n}\n");

  return g_string_free (json, FALSE);
}

/* A long table's first frame has only the rows the window can show, but
 * rows down to its bottom; all of them once that is drawn, without anyone
 * asking. @first_page: the table is the page a new window opens on (its
 * rows counted from the window's default height), else a page shown
 * later (from the window's height). */
static void
check_long_table (Fixture  *fixture,
                  gboolean  first_page)
{
  GSettings *settings = keel_application_get_settings (keel_gui_test_get_application ());
  g_autofree char *contents = long_people_json (150);
  FirstFrame first = { NULL, };
  KeelWindow *window;
  gulong handler;

  keel_gui_test_write_file (fixture->path, "keel.json", contents, -1);
  g_settings_set_string (settings, "last-page", first_page ? "people" : "objectives");
  window = open_window (fixture);
  first.page = _keel_window_get_page (window, "people");
  first.view = keel_gui_test_find_type (first.page, GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (first.view);
  gtk_widget_realize (GTK_WIDGET (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (first_frame_cb), &first);

  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (window) == KEEL_WINDOW_VIEW_WORKSPACE, WAIT_MS);
  if (!first_page)
    {
      g_assert_cmpstr (_keel_window_get_shown_area (window), ==, "objectives");
      _keel_window_show_page (window, "people");
    }
  KEEL_GUI_TEST_WAIT_UNTIL (first.seen, WAIT_MS);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);

  g_test_message ("first frame: %u rows of %d px in a table %d px high",
                  first.items, first.row_height, first.view_height);
  g_assert_cmpuint (first.items, <, 150);
  /* Nor did it wait for the pages of no records and no results */
  g_assert_false (first.status_pages);
  /* The column titles take a row's height */
  g_assert_cmpint ((int) first.items * first.row_height, >=, first.view_height - first.row_height);

  KEEL_GUI_TEST_WAIT_UNTIL (view_n_items (first.view) == 150, WAIT_MS);
  KEEL_GUI_TEST_WAIT_UNTIL (keel_gui_test_find_type (first.page, ADW_TYPE_STATUS_PAGE) != NULL, WAIT_MS);
  g_settings_reset (settings, "last-page");
}

static void
test_long_table (Fixture       *fixture,
                 gconstpointer  data)
{
  check_long_table (fixture, FALSE);
}

static void
test_long_table_first_page (Fixture       *fixture,
                            gconstpointer  data)
{
  check_long_table (fixture, TRUE);
}

/* The icon of each statuspage under @widget is in @theme */
static guint
check_status_icons (GtkWidget    *widget,
                    GtkIconTheme *theme)
{
  guint checked = 0;

  if (ADW_IS_STATUS_PAGE (widget) && adw_status_page_get_icon_name (ADW_STATUS_PAGE (widget)) != NULL)
    {
      const char *icon = adw_status_page_get_icon_name (ADW_STATUS_PAGE (widget));

      if (!gtk_icon_theme_has_icon (theme, icon))
        g_error ("a page shows the icon %s, not in the icon theme", icon);
      checked++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    checked += check_status_icons (child, theme);

  return checked;
}

/* Every area's icon, and the icons of its page, are in the icon theme
 * the window uses (Adwaita): none shows as a missing image */
static void
test_area_icons (Fixture       *fixture,
                 gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autofree char *theme_name = gtk_icon_theme_get_theme_name (theme);

  g_test_message ("icon theme: %s", theme_name);
  for (guint i = 0; i < keel_areas_get_n_areas (); i++)
    {
      const KeelArea *area = keel_areas_get (i);
      GtkWidget *page = _keel_window_get_page (window, area->id);

      if (!gtk_icon_theme_has_icon (theme, area->icon_name))
        g_error ("the area %s has the icon %s, not in the icon theme", area->id, area->icon_name);
      /* A page with records makes its empty state once it is drawn */
      _keel_window_show_page (window, area->id);
      KEEL_GUI_TEST_WAIT_UNTIL (check_status_icons (page, theme) >= 2, WAIT_MS);
    }
}


/* A long organisation name in the sidebar's header is cut short rather
 * than widening the sidebar at the pages' cost */
static void
test_sidebar_width (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *contents = NULL;
  GtkWidget *sidebar;
  KeelWindow *window;
  g_auto(GStrv) parts = g_strsplit (two_people, "Acme Sailing", -1);

  contents = g_strjoinv ("Harbourlight Software and Services for Clinics and Practices GmbH", parts);
  window = open_workspace (fixture, contents);
  /* The box that holds the sidebar's header and list */
  sidebar = gtk_widget_get_ancestor (child_of (window, KEEL_TYPE_WINDOW, "sidebar_list"), GTK_TYPE_BOX);
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_width (sidebar) > 0, WAIT_MS);
  keel_gui_test_iterate (100);

  g_test_message ("sidebar %d px wide", gtk_widget_get_width (sidebar));
  g_assert_cmpint (gtk_widget_get_width (sidebar), <=, 240);
}

void
test_window_add_sidebar_tests (void)
{
  g_test_add ("/keel/window/areas", Fixture, NULL,
              fixture_set_up, test_areas, fixture_tear_down);
  g_test_add ("/keel/window/remembers", Fixture, NULL,
              fixture_set_up, test_remembers, fixture_tear_down);
  g_test_add ("/keel/window/narrow-sidebar", Fixture, NULL,
              fixture_set_up, test_narrow_sidebar, fixture_tear_down);
  g_test_add ("/keel/window/sidebar-tab", Fixture, NULL,
              fixture_set_up, test_sidebar_tab, fixture_tear_down);
  g_test_add ("/keel/window/sidebar-width", Fixture, NULL,
              fixture_set_up, test_sidebar_width, fixture_tear_down);
  g_test_add ("/keel/window/sidebar-groups", Fixture, NULL,
              fixture_set_up, test_sidebar_groups, fixture_tear_down);
  g_test_add ("/keel/window/area-icons", Fixture, NULL,
              fixture_set_up, test_area_icons, fixture_tear_down);
  g_test_add ("/keel/window/pages-lazy", Fixture, NULL,
              fixture_set_up, test_pages_lazy, fixture_tear_down);
  g_test_add ("/keel/window/tooltips", Fixture, NULL,
              fixture_set_up, test_tooltips, fixture_tear_down);
  g_test_add ("/keel/window/menu-f10", Fixture, NULL,
              fixture_set_up, test_menu_f10, fixture_tear_down);
  g_test_add ("/keel/window/new-from-header", Fixture, NULL,
              fixture_set_up, test_new_from_header, fixture_tear_down);
  g_test_add ("/keel/window/narrow-tables", Fixture, NULL,
              fixture_set_up, test_narrow_tables, fixture_tear_down);
  g_test_add ("/keel/window/long-table", Fixture, NULL,
              fixture_set_up, test_long_table, fixture_tear_down);
  g_test_add ("/keel/window/long-table-first-page", Fixture, NULL,
              fixture_set_up, test_long_table_first_page, fixture_tear_down);
}
