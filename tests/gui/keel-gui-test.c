/* keel-gui-test.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-gui-test"

#include "config.h"

#include <dlfcn.h>

#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>

#include "keel-gui-test.h"

typedef struct
{
  char         *domain;
  char         *pattern;
  GPatternSpec *spec;
  guint         seen;
} Expected;

static GPtrArray *expected;
static KeelApplication *application;

/* ------------------------------------------------------------------------ */
/* Logging                                                                  */
/* ------------------------------------------------------------------------ */

static void
expected_free (Expected *e)
{
  g_free (e->domain);
  g_free (e->pattern);
  g_pattern_spec_free (e->spec);
  g_free (e);
}

static const char *
field_value (const GLogField *fields,
             gsize            n_fields,
             const char      *key)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, key) == 0)
      return fields[i].length < 0 ? fields[i].value : NULL;

  return NULL;
}

static GLogWriterOutput
writer_cb (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  if (expected != NULL && (log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)))
    {
      const char *domain = field_value (fields, n_fields, "GLIB_DOMAIN");
      const char *message = field_value (fields, n_fields, "MESSAGE");

      for (guint i = 0; i < expected->len && message != NULL; i++)
        {
          Expected *e = g_ptr_array_index (expected, i);

          if ((e->domain == NULL || g_strcmp0 (e->domain, domain) == 0) &&
              g_pattern_spec_match_string (e->spec, message))
            {
              e->seen++;
              g_test_message ("expected warning from %s: %s", domain ? domain : "?", message);
              return G_LOG_WRITER_HANDLED;
            }
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
keel_gui_test_expect_warning (const char *domain,
                              const char *pattern)
{
  Expected *e = g_new0 (Expected, 1);

  e->domain = g_strdup (domain);
  e->pattern = g_strdup (pattern);
  e->spec = g_pattern_spec_new (pattern);
  g_ptr_array_add (expected, e);
}

guint
keel_gui_test_count_warnings (const char *pattern)
{
  guint count = 0;

  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = g_ptr_array_index (expected, i);

      if (g_strcmp0 (e->pattern, pattern) == 0)
        count += e->seen;
    }

  return count;
}

void
keel_gui_test_clear_expected (void)
{
  g_ptr_array_set_size (expected, 0);
}

/* ------------------------------------------------------------------------ */
/* Setup and the main loop                                                  */
/* ------------------------------------------------------------------------ */

gboolean
keel_gui_test_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GPtrArray) mime_dirs = NULL;

  /* Accessibility in process: no accessibility bus needed */
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_unsetenv ("KEEL_WORKSPACE");
  g_unsetenv ("KEEL_COLOR_SCHEME");

  /* The real data folders, before the test isolates them */
  mime_dirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (mime_dirs, g_build_filename (g_get_user_data_dir (), "mime", NULL));
  for (const char * const *dir = g_get_system_data_dirs (); *dir; dir++)
    g_ptr_array_add (mime_dirs, g_build_filename (*dir, "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  expected = g_ptr_array_new_with_free_func ((GDestroyNotify) expected_free);
  g_log_set_writer_func (writer_cb, NULL, NULL);

  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("KEEL_HEADLESS"), "1") == 0)
        g_error ("KEEL_HEADLESS=1 promised a display, but %s cannot be opened",
                 g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "(no DISPLAY)");

      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  adw_init ();

  /* G_TEST_OPTION_ISOLATE_DIRS points XDG_DATA_DIRS at an empty folder
   * while each test runs. What GLib and GTK read from the system data
   * folders once and keep is read now, from the real ones: the MIME
   * database (gdk-pixbuf tells an SVG icon by it), the icon theme, the
   * settings schemas. */
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  g_free (g_content_type_guess (NULL, (const guchar *) "<svg", 4, NULL));
  gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_settings_schema_source_get_default ();
  keel_gui_test_get_application ();

  return TRUE;
}

KeelApplication *
keel_gui_test_get_application (void)
{
  if (application == NULL)
    {
      g_autoptr(GError) error = NULL;

      application = keel_application_new ("io.github.keelisms.Keel.Test",
                                          G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
    }

  return application;
}

gboolean
keel_gui_test_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
keel_gui_test_wait_for (gboolean (*condition) (gpointer),
                        gpointer   data,
                        guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick = g_timeout_add (10, keel_gui_test_tick, NULL);
  gboolean done;

  while (!(done = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);

  return done;
}

void
keel_gui_test_iterate (guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick = g_timeout_add (10, keel_gui_test_tick, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */
/* ------------------------------------------------------------------------ */

char *
keel_gui_test_make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("keel-gui-XXXXXX", &error);

  g_assert_no_error (error);

  return path;
}

void
keel_gui_test_remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        keel_gui_test_remove_folder (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

void
keel_gui_test_write_file (const char *folder,
                          const char *name,
                          const char *contents,
                          gssize      length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

char *
keel_gui_test_sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* ------------------------------------------------------------------------ */
/* Windows                                                                  */
/* ------------------------------------------------------------------------ */

GtkWindow *
keel_gui_test_find_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
no_windows (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  return toplevels == NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !g_application_get_is_busy (G_APPLICATION (application));
}

void
keel_gui_test_close_all (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);

  g_assert_true (keel_gui_test_wait_for (no_windows, NULL, 5000));

  /* Saves of workspaces let go of finish before their folders go */
  if (application != NULL)
    g_assert_true (keel_gui_test_wait_for (not_busy, NULL, 10000));
}

/* ------------------------------------------------------------------------ */
/* The keyboard                                                             */
/* ------------------------------------------------------------------------ */

typedef int (*FakeKeyEvent) (Display      *display,
                             unsigned int  keycode,
                             Bool          is_press,
                             unsigned long delay);

static FakeKeyEvent
get_fake_key_event (void)
{
  static FakeKeyEvent fake_key_event;

  /* libXtst without its development files: only the library is there */
  if (fake_key_event == NULL)
    {
      void *xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);

      g_assert_nonnull (xtst);
      fake_key_event = (FakeKeyEvent) dlsym (xtst, "XTestFakeKeyEvent");
      g_assert_nonnull (fake_key_event);
    }

  return fake_key_event;
}

static void
fake_key (Display  *xdisplay,
          KeySym    keysym,
          gboolean  press)
{
  KeyCode keycode = XKeysymToKeycode (xdisplay, keysym);

  g_assert_cmpuint (keycode, !=, 0);
  get_fake_key_event () (xdisplay, keycode, press ? True : False, CurrentTime);
}

void
keel_gui_test_press_key (GtkWindow       *window,
                         guint            keyval,
                         GdkModifierType  modifiers)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  g_assert_nonnull (surface);
  xdisplay = gdk_x11_display_get_xdisplay (display);

  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);

  if (modifiers & GDK_CONTROL_MASK)
    fake_key (xdisplay, XK_Control_L, TRUE);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (xdisplay, XK_Shift_L, TRUE);

  /* GDK's key values are X's key symbols */
  fake_key (xdisplay, keyval, TRUE);
  fake_key (xdisplay, keyval, FALSE);

  if (modifiers & GDK_SHIFT_MASK)
    fake_key (xdisplay, XK_Shift_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    fake_key (xdisplay, XK_Control_L, FALSE);

  XSync (xdisplay, False);
}
