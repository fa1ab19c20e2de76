/* keel-gui-test.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-gui-find.h"

#include "keel-application.h"

G_BEGIN_DECLS

/* Helpers for in-process GUI tests: set up GTest and GTK, drive the main
 * loop with a deadline, expect the warnings a test provokes on purpose. */

/* g_test_init() with isolated dirs, then GTK. Returns FALSE when there is no
 * display: the test program then prints "1..0 # SKIP no display" and
 * should return 0 (or fails at once when build-aux/headless promised a
 * display: KEEL_HEADLESS=1). */
gboolean          keel_gui_test_init              (int          *argc,
                                                   char       ***argv);

/* A registered, non-unique KeelApplication for the whole program */
KeelApplication  *keel_gui_test_get_application   (void);

/* Iterates the main loop until @condition returns TRUE, at most
 * @timeout_ms; a 10 ms timer keeps the loop waking. */
gboolean          keel_gui_test_wait_for          (gboolean    (*condition) (gpointer),
                                                   gpointer      data,
                                                   guint         timeout_ms);
/* Lets pending idles and short timers run, at most @timeout_ms */
void              keel_gui_test_iterate           (guint         timeout_ms);

#define KEEL_GUI_TEST_WAIT_UNTIL(expr, timeout_ms)                                 \
  G_STMT_START {                                                                   \
    gint64 keel_deadline_ = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    guint keel_tick_ = g_timeout_add (10, keel_gui_test_tick, NULL);               \
    while (!(expr) && g_get_monotonic_time () < keel_deadline_)                    \
      g_main_context_iteration (NULL, TRUE);                                       \
    g_source_remove (keel_tick_);                                                  \
    if (!(expr))                                                                   \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,            \
                           "timed out after " #timeout_ms " ms waiting for " #expr); \
  } G_STMT_END

gboolean          keel_gui_test_tick              (gpointer      data);

/* A warning (or critical) from @domain whose message matches the glob
 * @pattern is expected: it is logged as a test message instead of failing
 * the test. Returns how many such warnings were seen so far. */
void              keel_gui_test_expect_warning    (const char   *domain,
                                                   const char   *pattern);
guint             keel_gui_test_count_warnings    (const char   *pattern);
void              keel_gui_test_clear_expected    (void);

/* A fresh temporary folder; removed with everything in it */
char             *keel_gui_test_make_folder       (void);
void              keel_gui_test_remove_folder     (const char   *path);
void              keel_gui_test_write_file        (const char   *folder,
                                                   const char   *name,
                                                   const char   *contents,
                                                   gssize        length);
char             *keel_gui_test_sha256_of_file    (const char   *path);

/* The first visible toplevel of @type, or NULL */
GtkWindow        *keel_gui_test_find_window       (GType         type);
/* Closes every window and waits until they are gone */
void              keel_gui_test_close_all         (void);

/* Presses and releases @keyval with @modifiers (Control, Shift) on the
 * keyboard of the display, as a person would, with @window given the
 * keyboard focus first: the X server's XTEST extension, under Xvfb. The
 * key goes through GTK's whole event handling, shortcuts included. Let the
 * main loop run for its effect. */
void              keel_gui_test_press_key         (GtkWindow     *window,
                                                   guint          keyval,
                                                   GdkModifierType modifiers);

G_END_DECLS
