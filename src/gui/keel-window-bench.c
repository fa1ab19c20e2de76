/* keel-window-bench.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-window"

#include "config.h"

#include "keel-window-private.h"

/* With KEEL_BENCH_EXIT_AFTER_FIRST_FRAME=1 (tests/bench/first-frame.py) the
 * window prints when its first frame and its first frame with the
 * workspace were drawn, as g_get_monotonic_time() in microseconds, and the
 * application quits:
 *
 *   keel-bench-first-frame: T     whatever the window shows (the loading view)
 *   keel-bench-content-frame: T   the workspace view, fully shown: the main
 *                                 stack's crossfade from the loading view is
 *                                 over, and the page's rows are drawn
 *
 * A frame counts in the frame clock's "after-paint" of a cycle that painted
 * the mapped window, after a round trip to the display server, so that the
 * server has the drawing. Pages fill their lists synchronously when they
 * get the workspace, and list views create their rows in the layout phase
 * of the same frame. */

static struct {
  gboolean painted;
  gboolean first_done;
} bench;

static void
paint_cb (KeelWindow    *self,
          GdkFrameClock *clock)
{
  bench.painted = TRUE;
}

static void
after_paint_cb (KeelWindow    *self,
                GdkFrameClock *clock)
{
  gboolean content;
  gint64 now;

  if (!bench.painted || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  bench.painted = FALSE;

  content = self->view == KEEL_WINDOW_VIEW_WORKSPACE &&
            !gtk_stack_get_transition_running (self->main_stack);
  if (bench.first_done && !content &&
      (self->view == KEEL_WINDOW_VIEW_LOADING || self->view == KEEL_WINDOW_VIEW_WORKSPACE))
    return;

  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (self)));
  now = g_get_monotonic_time ();

  if (!bench.first_done)
    {
      bench.first_done = TRUE;
      g_print ("keel-bench-first-frame: %" G_GINT64_FORMAT "\n", now);
    }

  if (content)
    g_print ("keel-bench-content-frame: %" G_GINT64_FORMAT "\n", now);
  else if (self->view != KEEL_WINDOW_VIEW_LOADING && self->view != KEEL_WINDOW_VIEW_WORKSPACE)
    g_printerr ("keel-bench: the window shows no workspace\n");
  else
    return;

  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
realize_cb (KeelWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_connect_object (clock, "paint", G_CALLBACK (paint_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_keel_window_bench_init (KeelWindow *self)
{
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
}
