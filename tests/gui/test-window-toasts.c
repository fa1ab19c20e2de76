/* test-window-toasts.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "keel-list-page.h"
#include "keel-records.h"
#include "test-window.h"

/* Toasts one after the other, faster than they slide: libadwaita 1.2
 * aborts ("show_toast: assertion failed: (!info->widget)") when a toast
 * that an urgent one pushed back is shown again before it has finished
 * sliding out. A delete's toast is urgent, and Undo takes it away. */

/* The button of the toast on top that runs @action */
static GtkWidget *
toast_button (KeelWindow *window,
              const char *action)
{
  GtkWidget *overlay = child_of (window, KEEL_TYPE_WINDOW, "toast_overlay");

  for (GtkWidget *w = gtk_widget_get_last_child (overlay); w != NULL; w = gtk_widget_get_prev_sibling (w))
    {
      if (!g_str_equal (gtk_widget_get_css_name (w), "toast") || !gtk_widget_get_can_target (w))
        continue;

      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), action) == 0)
          return c;
    }

  return NULL;
}

static void
delete_person (KeelWindow *window,
               const char *id)
{
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWidget *page = _keel_window_get_page (window, "people");

  g_assert_true (keel_list_page_select (KEEL_LIST_PAGE (page), keel_workspace_lookup (workspace, id)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  g_assert_null (keel_workspace_lookup (workspace, id));
}

typedef enum
{
  UNDO_BY_ACTION,    /* Ctrl+Z */
  UNDO_BY_BUTTON,    /* the toast's own Undo button */
} UndoBy;

/* A toast, a delete pushing it back, and Undo at once: no 500 ms wait */
static void
test_undo_at_once (Fixture       *fixture,
                   gconstpointer  data)
{
  UndoBy by = GPOINTER_TO_INT (data);
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelWorkspace *workspace = keel_window_get_workspace (window);

  _keel_window_show_page (window, "people");
  keel_gui_test_iterate (100);

  for (guint round = 0; round < 3; round++)
    {
      /* Another toast on screen, as after a save ("PER-4 added") */
      keel_window_toast (window, "Something happened");
      keel_gui_test_iterate (round * 20);

      delete_person (window, "PER-3");
      keel_gui_test_iterate (50);

      if (by == UNDO_BY_BUTTON)
        {
          GtkWidget *button = NULL;

          /* Its own button, as soon as it can be pressed: not while the
           * toast slides in */
          KEEL_GUI_TEST_WAIT_UNTIL ((button = toast_button (window, "win.undo-from-toast")) != NULL, WAIT_MS);
          KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (button), WAIT_MS);
          g_signal_emit_by_name (button, "clicked");
        }
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

      g_assert_nonnull (keel_workspace_lookup (workspace, "PER-3"));

      /* Long enough for every toast to have slid in and out */
      keel_gui_test_iterate (900);
      g_assert_nonnull (keel_workspace_lookup (workspace, "PER-3"));
    }

  /* Delete, undo, delete again and undo again, each at once */
  for (guint round = 0; round < 2; round++)
    {
      delete_person (window, "PER-3");
      keel_gui_test_iterate (30);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      g_assert_nonnull (keel_workspace_lookup (workspace, "PER-3"));
    }
  keel_gui_test_iterate (900);

  /* No Undo left on screen */
  KEEL_GUI_TEST_WAIT_UNTIL (toast_button (window, "win.undo-from-toast") == NULL, WAIT_MS);
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "undo")));
}

void
test_window_add_toast_tests (void)
{
  g_test_add ("/keel/window/undo-at-once", Fixture, GINT_TO_POINTER (UNDO_BY_ACTION),
              fixture_set_up, test_undo_at_once, fixture_tear_down);
  g_test_add ("/keel/window/undo-at-once-button", Fixture, GINT_TO_POINTER (UNDO_BY_BUTTON),
              fixture_set_up, test_undo_at_once, fixture_tear_down);
}
