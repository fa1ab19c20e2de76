/* bench-bare-window.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-bare-window"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>

/* The reference for Keel's first frame: the least a libadwaita application
 * does before it shows something. An AdwApplication (registered on the
 * session bus, as Keel is) opens an AdwApplicationWindow of Keel's default
 * size with a header bar and a title, and quits after its first frame.
 *
 * The frame is taken the way Keel takes it with
 * KEEL_BENCH_EXIT_AFTER_FIRST_FRAME=1 (keel-window.c): in the frame clock's
 * "after-paint" of the first frame cycle that painted the window, after a
 * round trip to the display server (gdk_display_sync), so that the server
 * has the drawing. The time goes to stdout as
 *
 *   keel-bench-first-frame: T
 *   keel-bench-content-frame: T
 *
 * (both the same here: the window has nothing to load), T being
 * g_get_monotonic_time() in microseconds. first-frame.py, which started the
 * process, turns that into the time since it started it. */

typedef struct
{
  GtkWindow *window;
  gboolean   painted;
  gboolean   done;
} Bench;

static void
paint_cb (GdkFrameClock *clock,
          Bench         *bench)
{
  bench->painted = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now;

  if (bench->done || !bench->painted || !gtk_widget_get_mapped (GTK_WIDGET (bench->window)))
    return;

  bench->done = TRUE;
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (bench->window)));
  now = g_get_monotonic_time ();

  printf ("keel-bench-first-frame: %" G_GINT64_FORMAT "\n"
          "keel-bench-content-frame: %" G_GINT64_FORMAT "\n", now, now);
  fflush (stdout);

  g_application_quit (g_application_get_default ());
}

static void
realize_cb (GtkWidget *widget,
            Bench     *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

static void
activate_cb (GApplication *application,
             Bench        *bench)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Keel", NULL));
  gtk_box_append (GTK_BOX (box), header);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Keel");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);

  bench->window = GTK_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  Bench bench = { NULL, FALSE, FALSE };
  int status;

  app = adw_application_new ("io.github.keelisms.Keel.BenchBareWindow",
                             G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &bench);

  status = g_application_run (G_APPLICATION (app), argc, argv);

  if (!bench.done)
    {
      g_printerr ("bench-bare-window: the window was never drawn\n");
      return 1;
    }

  return status;
}
