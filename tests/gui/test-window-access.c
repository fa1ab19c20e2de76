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
#include "keel-people-page.h"
#include "keel-preferences-window.h"
#include "test-window.h"

/* For assistive technologies: names as the labels read. */

/* What @text reads as, without the mnemonic's underscores */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '_')
        continue;
      if (*p == '_')
        p++;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
assert_named_as (GtkWidget  *widget,
                 const char *text)
{
  g_autofree char *wrong = NULL;

  g_assert_null (strchr (text, '_'));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  if (wrong != NULL)
    g_error ("the %s “%s” is named “%s”", G_OBJECT_TYPE_NAME (widget), text, wrong);
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_error ("the %s “%s” is named by its label as well", G_OBJECT_TYPE_NAME (widget), text);
}

/* A control without a visible text has a name of its own, never just
 * its class */
static void
assert_has_name (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    g_error ("a %s (%s) in a %s in a %s has no name", G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "no tooltip",
             G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
             G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));
}

/* Every button under @widget that shows a text is named by that text, as
 * seen, without the mnemonic's underscore, and once; every other button,
 * menu button and calendar has a name. Returns how many were checked. */
static guint
check_button_names (GtkWidget *widget)
{
  guint checked = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;

  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      assert_named_as (widget, gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))));
      return 1;
    }

  if (GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget)));
      g_autofree char *text = adw_button_content_get_use_underline (content)
        ? strip_mnemonic (adw_button_content_get_label (content))
        : g_strdup (adw_button_content_get_label (content));

      /* Named by the label inside, once */
      g_assert_null (strchr (text, '_'));
      if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        assert_named_as (widget, text);
      else if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("the button “%s” has no name", text);
      return 1;
    }

  if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      if (label != NULL && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)))
        {
          g_autofree char *text = strip_mnemonic (label);
          assert_named_as (widget, text);
        }
      else if (label != NULL)
        assert_named_as (widget, label);
      else
        assert_has_name (widget);

      /* Its popover is checked when it is open */
      return 1;
    }

  if ((GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))) ||
      GTK_IS_CALENDAR (widget))
    {
      assert_has_name (widget);
      checked++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += check_button_names (child);

  return checked;
}

/* The next widget after @widget in a walk of @root's tree */
static GtkWidget *
next_in_tree (GtkWidget *widget,
              GtkWidget *root)
{
  if (gtk_widget_get_first_child (widget) != NULL)
    return gtk_widget_get_first_child (widget);

  for (; widget != NULL && widget != root; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_next_sibling (widget) != NULL)
      return gtk_widget_get_next_sibling (widget);

  return NULL;
}

/* A visible window other than @window, on top of it */
static GtkWindow *
other_window (KeelWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) window && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      return l->data;

  return NULL;
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

/* Each page, each editor opened from it, and its date pickers */
static void
test_accessible_names_pages (Fixture       *fixture,
                             gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);

  for (guint i = 0; i < keel_areas_get_n_areas (); i++)
    {
      const char *id = keel_areas_get (i)->id;
      GtkWidget *page = _keel_window_get_page (window, id);
      GtkWindow *editor = NULL;
      guint n_calendars = 0;

      _keel_window_show_page (window, id);
      KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page), WAIT_MS);
      g_test_message ("%s: %u controls", id, check_button_names (page));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
      KEEL_GUI_TEST_WAIT_UNTIL ((editor = other_window (window)) != NULL, WAIT_MS);
      KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (editor)), WAIT_MS);
      g_test_message ("%s editor (%s): %u controls", id, G_OBJECT_TYPE_NAME (editor),
                      check_button_names (GTK_WIDGET (editor)));

      /* A date picker is named after its field */
      for (GtkWidget *w = GTK_WIDGET (editor); w != NULL; w = next_in_tree (w, GTK_WIDGET (editor)))
        if (GTK_IS_MENU_BUTTON (w) && gtk_widget_get_ancestor (w, ADW_TYPE_ENTRY_ROW) != NULL)
          {
            AdwPreferencesRow *row = ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (w, ADW_TYPE_ENTRY_ROW));
            g_autofree char *expected = g_strdup_printf ("Choose date for %s",
                                                         adw_preferences_row_get_title (row));

            assert_named_as (w, expected);
            n_calendars++;
          }
      g_test_message ("%s editor: %u date pickers", id, n_calendars);
      if (g_str_equal (id, "objectives") || g_str_equal (id, "policies"))
        g_assert_cmpuint (n_calendars, >=, 1);

      gtk_window_destroy (editor);
      KEEL_GUI_TEST_WAIT_UNTIL (other_window (window) == NULL, WAIT_MS);
    }
}

/* An assistive technology lists the windows at any time, and GTK 4.8
 * answers an index past the shown windows with the last toplevel, which
 * must not be a hidden one (test-atspi-windows.c): an editor that closes
 * leaves the toplevels at once, and is freed only once the main loop is
 * idle. Escape, Cancel and the window's own close button alike. */
static void
test_editor_closes_later (Fixture       *fixture,
                          gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  const char *ids[] = { "people", "objectives", "policies" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWindow *editor = NULL;
      g_autoptr(GList) toplevels = NULL;

      _keel_window_show_page (window, ids[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
      KEEL_GUI_TEST_WAIT_UNTIL ((editor = other_window (window)) != NULL, WAIT_MS);
      KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (editor)), WAIT_MS);
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

      switch (i)
        {
        case 0:
          KEEL_GUI_TEST_WAIT_UNTIL (window_is_active (editor), WAIT_MS);
          keel_gui_test_press_key (editor, GDK_KEY_Escape, 0);
          KEEL_GUI_TEST_WAIT_UNTIL (editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (editor)), WAIT_MS);
          break;
        case 1:
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
          break;
        default:
          gtk_window_close (editor);
          break;
        }

      /* Hidden and out of the toplevels, but not yet freed */
      g_test_message ("%s: the editor is %s", ids[i], editor == NULL ? "gone" : "there");
      g_assert_nonnull (editor);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
      toplevels = gtk_window_list_toplevels ();
      g_assert_null (g_list_find (toplevels, editor));

      /* Then gone */
      KEEL_GUI_TEST_WAIT_UNTIL (editor == NULL, WAIT_MS);
      g_assert_null (other_window (window));
    }
}

/* The dialogs over an editor and a page: Discard Changes? and Reassign
 * Before Deleting? name their buttons and their chooser as they read */
static void
test_accessible_names_dialogs (Fixture       *fixture,
                               gconstpointer  data)
{
  KeelWindow *window = open_workspace (fixture, two_people);
  KeelWorkspace *workspace = keel_window_get_workspace (window);
  GtkWidget *page = _keel_window_get_page (window, "people");
  KeelRecordEditor *editor = NULL;
  GtkWindow *dialog = NULL;

  _keel_window_show_page (window, "people");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  KEEL_GUI_TEST_WAIT_UNTIL ((editor = find_editor ()) != NULL, WAIT_MS);
  gtk_editable_set_text (GTK_EDITABLE (keel_record_editor_get_row (editor, "name")), "Dana Scully");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  KEEL_GUI_TEST_WAIT_UNTIL ((dialog = keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL, WAIT_MS);
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)), WAIT_MS);
  g_assert_cmpuint (check_button_names (GTK_WIDGET (dialog)), >=, 2);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  KEEL_GUI_TEST_WAIT_UNTIL (find_editor () == NULL && keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL,
                            WAIT_MS);

  /* Ben is referred to: who takes over? */
  keel_people_page_delete (KEEL_PEOPLE_PAGE (page), keel_workspace_lookup (workspace, "PER-2"));
  KEEL_GUI_TEST_WAIT_UNTIL ((dialog = keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL, WAIT_MS);
  KEEL_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)), WAIT_MS);
  g_assert_cmpuint (check_button_names (GTK_WIDGET (dialog)), >=, 3);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (dialog);
  KEEL_GUI_TEST_WAIT_UNTIL (keel_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL, WAIT_MS);
}

void
test_window_add_access_tests (void)
{
  g_test_add ("/keel/window/editor-closes-later", Fixture, NULL,
              fixture_set_up, test_editor_closes_later, fixture_tear_down);
  g_test_add ("/keel/window/accessible-names-pages", Fixture, NULL,
              fixture_set_up, test_accessible_names_pages, fixture_tear_down);
  g_test_add ("/keel/window/accessible-names", Fixture, NULL,
              fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/keel/window/accessible-names-dialogs", Fixture, NULL,
              fixture_set_up, test_accessible_names_dialogs, fixture_tear_down);
}
