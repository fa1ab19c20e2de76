/* test-window-access.c
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
#include "keel-preferences-window.h"
#include "test-window.h"

/* For assistive technologies: names as the labels read. */

/* Every button under @widget that shows a text is named by that text, as
 * seen, without the mnemonic's underscore, and once */
static guint
check_button_names (GtkWidget *widget)
{
  guint checked = 0;

  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))));
      g_autofree char *wrong = NULL;

      g_assert_null (strchr (text, '_'));
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text);
      if (wrong != NULL)
        g_error ("the button “%s” is named “%s”", text, wrong);
      if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("the button “%s” is named by its label as well", text);
      return 1;
    }

  /* A button without a text says what it does */
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("a %s (%s) has no name", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "no tooltip");
      checked++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_button_names (child);

  return checked;
}


static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  GApplication *application = G_APPLICATION (keel_gui_test_get_application ());
  KeelWindow *window = open_window (fixture);
  GtkWindow *preferences;

  /* The welcome page, and the error page and strip that wait in the window */
  g_assert_cmpint (_keel_window_get_view (window), ==, KEEL_WINDOW_VIEW_WELCOME);
  g_assert_cmpuint (check_button_names (GTK_WIDGET (window)), >=, 8);
  gtk_window_destroy (GTK_WINDOW (window));
  KEEL_GUI_TEST_WAIT_UNTIL (fixture->window == NULL, WAIT_MS);

  /* The window with a workspace, its strip up, and the preferences */
  window = open_workspace (fixture, two_people);
  g_assert_cmpuint (check_button_names (child_of (window, KEEL_TYPE_WINDOW, "strip_revealer")), ==, 1);
  g_assert_cmpuint (check_button_names (child_of (window, KEEL_TYPE_WINDOW, "sidebar_list")), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  KEEL_GUI_TEST_WAIT_UNTIL ((preferences = keel_gui_test_find_window (KEEL_TYPE_PREFERENCES_WINDOW)) != NULL,
                            WAIT_MS);
  check_button_names (GTK_WIDGET (preferences));

  /* The sidebar's rows are named as they read */
  for (guint i = 0; i < keel_areas_get_n_areas (); i++)
    {
      const char *label = _(keel_areas_get (i)->label);
      g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (sidebar_row (window, label)),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, label);

      g_assert_null (wrong);
    }
}

void
test_window_add_access_tests (void)
{
  g_test_add ("/keel/window/accessible-names", Fixture, NULL,
              fixture_set_up, test_accessible_names, fixture_tear_down);
}
