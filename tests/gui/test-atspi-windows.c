/* test-atspi-windows.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-atspi-windows"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "keel-gui-test.h"
#include "keel-list-page.h"
#include "keel-record-editor.h"
#include "keel-window-private.h"

/* An assistive technology lists Keel's windows over the accessibility bus
 * while editors open and close, as libatspi does: the root object's child
 * count first, then each child by index. By the time it asks for a child,
 * the window it counted may be gone.
 *
 * GTK 4.8 answers GetChildAtIndex with an index past the shown windows
 * with the last window of gtk_window_get_toplevels(), shown or not. A
 * window that is not mapped has no accessible object path, and the
 * answer fails in g_variant_new() with a critical: fatal under
 * G_DEBUG=fatal-warnings, an abort. So Keel must never leave a hidden
 * window last in that list while the main loop runs. These tests ask with
 * the count from before a window closed, on a second connection to the
 * accessibility bus, and check every answer names an object. */

#define WAIT_MS 10000
#define ROOT_PATH "/org/a11y/atspi/accessible/root"
#define ACCESSIBLE "org.a11y.atspi.Accessible"
#define CYCLES 12

static const char workspace_json[] =
  "{\n"
  "  \"format\": \"keel-workspace\",\n"
  "  \"version\": 1,\n"
  "  \"organisation\": { \"name\": \"Acme Sailing\", \"size_profile\": \"startup\" },\n"
  "  \"people\": [\n"
  "    { \"id\": \"PER-1\", \"name\": \"Ada Lovelace\", \"email\": \"ada@acme.example\",\n"
  "      \"top_management\": true, \"review_team\": true }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  char            *path;
  GFile           *folder;
  KeelWindow      *window;
  GDBusConnection *a11y;
  char            *app_name;
} Fixture;

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Call;

/* ------------------------------------------------------------------------ */
/* The accessibility bus                                                    */
/* ------------------------------------------------------------------------ */

static GDBusConnection *
connect_a11y_bus (void)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *address;
  GDBusConnection *a11y;

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus",
                                       "org.a11y.Bus", "GetAddress", NULL,
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE,
                                       WAIT_MS, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&s)", &address);

  a11y = g_dbus_connection_new_for_address_sync (address,
                                                 G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                 G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                 NULL, NULL, &error);
  g_assert_no_error (error);

  return a11y;
}

/* The unique name of this process's other connection to the bus: GTK's.
 * The bus daemon answers these calls itself, so they may block. */
static char *
find_application_name (GDBusConnection *a11y)
{
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *own = g_dbus_connection_get_unique_name (a11y);
  const char *name;

  names = g_dbus_connection_call_sync (a11y, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE,
                                       WAIT_MS, NULL, NULL);
  if (names == NULL)
    return NULL;

  g_variant_get (names, "(as)", &iter);
  while (g_variant_iter_next (iter, "&s", &name))
    {
      g_autoptr(GVariant) pid = NULL;
      guint32 value;

      if (name[0] != ':' || g_strcmp0 (name, own) == 0)
        continue;

      pid = g_dbus_connection_call_sync (a11y, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                         "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                         g_variant_new ("(s)", name), G_VARIANT_TYPE ("(u)"),
                                         G_DBUS_CALL_FLAGS_NONE, WAIT_MS, NULL, NULL);
      if (pid == NULL)
        continue;
      g_variant_get (pid, "(u)", &value);
      if (value == (guint32) getpid ())
        return g_strdup (name);
    }

  return NULL;
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Call *call = data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

/* Calls into this process: the main loop runs (and answers) until the reply */
static GVariant *
call_app (Fixture            *fixture,
          const char         *path,
          const char         *interface,
          const char         *method,
          GVariant           *parameters,
          const GVariantType *reply_type,
          GError            **error)
{
  Call call = { 0 };

  g_dbus_connection_call (fixture->a11y, fixture->app_name, path, interface, method,
                          parameters, reply_type, G_DBUS_CALL_FLAGS_NONE, WAIT_MS,
                          NULL, call_done_cb, &call);
  KEEL_GUI_TEST_WAIT_UNTIL (call.done, WAIT_MS);
  if (call.error != NULL)
    g_propagate_error (error, call.error);

  return call.reply;
}

/* GTK answers for its windows once its root is registered with the
 * accessibility registry, which its cache object shows */
static gboolean
root_registered (Fixture *fixture)
{
  g_autoptr(GVariant) reply = NULL;
  const char *xml;

  if (fixture->app_name == NULL)
    fixture->app_name = find_application_name (fixture->a11y);
  if (fixture->app_name == NULL)
    return FALSE;

  reply = call_app (fixture, "/org/a11y/atspi/cache", "org.freedesktop.DBus.Introspectable",
                    "Introspect", NULL, G_VARIANT_TYPE ("(s)"), NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(&s)", &xml);

  return strstr (xml, "org.a11y.atspi.Cache") != NULL;
}

static int
child_count (Fixture *fixture)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  reply = call_app (fixture, ROOT_PATH, "org.freedesktop.DBus.Properties", "Get",
                    g_variant_new ("(ss)", ACCESSIBLE, "ChildCount"),
                    G_VARIANT_TYPE ("(v)"), &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_int32 (value);
}

static void
assert_reference (const char *name,
                  const char *path)
{
  g_assert_nonnull (name);
  g_assert_true (g_dbus_is_unique_name (name));
  g_assert_true (g_variant_is_object_path (path));
  g_assert_cmpstr (path, !=, "/org/a11y/atspi/null");
}

static gboolean
busy_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* What an assistive technology holding @count from before does: every
 * child by index, and the list of children; each answer names an object.
 * Asked while the main loop is busy with work more urgent than idle
 * callbacks (as when it draws a frame): only that work and the answers
 * run until the answers are in, whatever the bus's timing. */
static void
list_windows (Fixture *fixture,
              int      count)
{
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GError) error = NULL;
  guint busy = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, busy_cb, NULL, NULL);
  const char *name;
  const char *path;

  for (int i = 0; i < count; i++)
    {
      g_autoptr(GVariant) child = NULL;

      child = call_app (fixture, ROOT_PATH, ACCESSIBLE, "GetChildAtIndex",
                        g_variant_new ("(i)", i), G_VARIANT_TYPE ("((so))"), &error);
      g_assert_no_error (error);
      g_variant_get (child, "((&s&o))", &name, &path);
      assert_reference (name, path);
    }

  children = call_app (fixture, ROOT_PATH, ACCESSIBLE, "GetChildren", NULL,
                       G_VARIANT_TYPE ("(a(so))"), &error);
  g_assert_no_error (error);
  g_variant_get (children, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &name, &path))
    assert_reference (name, path);

  g_source_remove (busy);
}

/* ------------------------------------------------------------------------ */
/* Fixture                                                                  */
/* ------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  KeelApplication *application = keel_gui_test_get_application ();

  fixture->path = keel_gui_test_make_folder ();
  fixture->folder = g_file_new_for_path (fixture->path);
  keel_gui_test_write_file (fixture->path, "keel.json", workspace_json, -1);

  fixture->window = keel_window_new (ADW_APPLICATION (application));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  keel_window_open_folder (fixture->window, fixture->folder);
  gtk_window_present (GTK_WINDOW (fixture->window));
  KEEL_GUI_TEST_WAIT_UNTIL (_keel_window_get_view (fixture->window) == KEEL_WINDOW_VIEW_WORKSPACE,
                            WAIT_MS);
  _keel_window_show_page (fixture->window, "resources");

  fixture->a11y = connect_a11y_bus ();
  KEEL_GUI_TEST_WAIT_UNTIL (root_registered (fixture), WAIT_MS);
  g_assert_cmpint (child_count (fixture), ==, 1);
  list_windows (fixture, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  keel_gui_test_close_all ();
  g_assert_null (fixture->window);
  g_dbus_connection_close_sync (fixture->a11y, NULL, NULL);
  g_clear_object (&fixture->a11y);
  g_clear_pointer (&fixture->app_name, g_free);
  keel_gui_test_clear_expected ();
  keel_gui_test_remove_folder (fixture->path);
  g_clear_object (&fixture->folder);
  g_free (fixture->path);
}

/* The shown editor, or NULL */
static KeelRecordEditor *
find_editor (void)
{
  return KEEL_RECORD_EDITOR (keel_gui_test_find_window (KEEL_TYPE_RECORD_EDITOR));
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_editors_close (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = _keel_window_get_page (fixture->window, "resources");

  g_assert_true (KEEL_IS_LIST_PAGE (page));

  for (guint cycle = 0; cycle < CYCLES; cycle++)
    {
      KeelRecordEditor *editor;
      int count;

      g_assert_true (gtk_widget_activate_action (page, "page.new", NULL));
      KEEL_GUI_TEST_WAIT_UNTIL ((editor = find_editor ()) != NULL, WAIT_MS);
      keel_gui_test_iterate (20);

      count = child_count (fixture);
      g_assert_cmpint (count, ==, 2);
      list_windows (fixture, count);

      /* Closed by the Cancel action (the button's and Escape's), by the
       * API, or by the window manager; then listed with the count from
       * before, right away and once idle */
      switch (cycle % 3)
        {
        case 0:
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
          break;
        case 1:
          keel_record_editor_cancel (editor);
          break;
        default:
          gtk_window_close (GTK_WINDOW (editor));
          break;
        }
      list_windows (fixture, count);
      KEEL_GUI_TEST_WAIT_UNTIL (find_editor () == NULL, WAIT_MS);
      list_windows (fixture, count);
      g_assert_cmpint (child_count (fixture), ==, 1);
    }
}

static void
test_editor_discarded (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *page = _keel_window_get_page (fixture->window, "resources");

  for (guint cycle = 0; cycle < CYCLES / 3; cycle++)
    {
      KeelRecordEditor *editor;
      AdwMessageDialog *dialog;
      GtkWidget *row;

      g_assert_true (gtk_widget_activate_action (page, "page.new", NULL));
      KEEL_GUI_TEST_WAIT_UNTIL ((editor = find_editor ()) != NULL, WAIT_MS);
      row = keel_record_editor_get_row (editor, "item");
      g_assert_true (GTK_IS_EDITABLE (row));
      gtk_editable_set_text (GTK_EDITABLE (row), "Awareness posters");

      /* Typed work: Cancel asks first, the editor stays */
      dialog = ADW_MESSAGE_DIALOG (keel_record_editor_cancel (editor));
      g_assert_nonnull (dialog);
      keel_gui_test_iterate (20);
      g_assert_cmpint (child_count (fixture), ==, 3);
      list_windows (fixture, 3);

      adw_message_dialog_response (dialog, "discard");
      gtk_window_close (GTK_WINDOW (dialog));
      list_windows (fixture, 3);
      KEEL_GUI_TEST_WAIT_UNTIL (find_editor () == NULL, WAIT_MS);
      list_windows (fixture, 3);
      g_assert_cmpint (child_count (fixture), ==, 1);
    }
}

static void
test_shortcuts_closed (Fixture       *fixture,
                       gconstpointer  data)
{
  GApplication *application = G_APPLICATION (keel_gui_test_get_application ());

  for (guint cycle = 0; cycle < CYCLES / 3; cycle++)
    {
      GtkWindow *shortcuts;

      g_action_group_activate_action (G_ACTION_GROUP (application), "shortcuts", NULL);
      KEEL_GUI_TEST_WAIT_UNTIL ((shortcuts = keel_gui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL,
                                WAIT_MS);
      g_assert_cmpint (child_count (fixture), ==, 2);
      list_windows (fixture, 2);

      gtk_window_close (shortcuts);
      list_windows (fixture, 2);
      KEEL_GUI_TEST_WAIT_UNTIL (keel_gui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW) == NULL, WAIT_MS);
      list_windows (fixture, 2);
      g_assert_cmpint (child_count (fixture), ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Accessibility over the bus, as an assistive technology sees it */
  g_setenv ("GTK_A11Y", "atspi", TRUE);

  if (!keel_gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/keel/atspi/editors-close", Fixture, NULL,
              fixture_set_up, test_editors_close, fixture_tear_down);
  g_test_add ("/keel/atspi/editor-discarded", Fixture, NULL,
              fixture_set_up, test_editor_discarded, fixture_tear_down);
  g_test_add ("/keel/atspi/shortcuts-closed", Fixture, NULL,
              fixture_set_up, test_shortcuts_closed, fixture_tear_down);

  return g_test_run ();
}
