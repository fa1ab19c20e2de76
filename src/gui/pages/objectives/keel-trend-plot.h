/* keel-trend-plot.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "keel-record.h"

G_BEGIN_DECLS

/* An objective's readings over time: a line with point markers, the
 * target as a dashed line, the baseline as a dotted one, dates along the
 * bottom and values with their unit up the side. Follows the objective:
 * redraws whenever it changes. */

#define KEEL_TYPE_TREND_PLOT (keel_trend_plot_get_type ())

G_DECLARE_FINAL_TYPE (KeelTrendPlot, keel_trend_plot, KEEL, TREND_PLOT, GtkWidget)

GtkWidget  *keel_trend_plot_new           (void);
KeelRecord *keel_trend_plot_get_objective (KeelTrendPlot *self);
void        keel_trend_plot_set_objective (KeelTrendPlot *self,
                                           KeelRecord    *objective);
/* The sentence given to screen readers (transfer none) */
const char *keel_trend_plot_get_summary   (KeelTrendPlot *self);

G_END_DECLS
