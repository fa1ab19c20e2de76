/* keel-trend-plot.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-trend-plot"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-objective-form.h"
#include "keel-records.h"

#include "keel-trend-plot.h"

#define MAX_Y_TICKS  6
#define MAX_X_TICKS  8
#define POINT_RADIUS 3.5
#define PAD          12.0

struct _KeelTrendPlot
{
  GtkWidget   parent_instance;

  KeelRecord *objective;
  char       *summary;
};

G_DEFINE_FINAL_TYPE (KeelTrendPlot, keel_trend_plot, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OBJECTIVE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GdkRGBA fg;
  GdkRGBA line;
  GdkRGBA target;
  GdkRGBA bg;
} Colors;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
lookup_colors (KeelTrendPlot *self,
               Colors        *colors)
{
  GtkStyleContext *style;

  /* gtk_widget_get_color () is GTK 4.10; these are the 4.8 ways */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (style, &colors->fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &colors->line))
    colors->line = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  if (!gtk_style_context_lookup_color (style, "success_color", &colors->target))
    colors->target = (GdkRGBA) { 0.15, 0.64, 0.41, 1.0 };
  if (!gtk_style_context_lookup_color (style, "view_bg_color", &colors->bg) &&
      !gtk_style_context_lookup_color (style, "window_bg_color", &colors->bg))
    colors->bg = (GdkRGBA) { 1, 1, 1, 1 };
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static PangoLayout *
make_layout (KeelTrendPlot *self,
             const char    *text,
             gboolean       bold,
             double         scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* Shows @text with its anchor (0 left/top … 1 right/bottom) at @x, @y */
static void
show_text (KeelTrendPlot *self,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         ax,
           double         ay,
           gboolean       bold,
           double         scale)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, bold, scale);
  double w, h;

  layout_size (layout, &w, &h);
  cairo_move_to (cr, round (x - ax * w), round (y - ay * h));
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (KeelTrendPlot *self,
            const char    *text,
            double         scale)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, FALSE, scale);
  double w;

  layout_size (layout, &w, NULL);

  return w;
}

static double
day_of (GDateTime *date)
{
  return (double) g_date_time_to_unix (date) / 86400.0;
}

static char *
tick_label (double value,
            double step)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int decimals = 0;

  /* As many decimals as the step needs: 0.25 → 2, 0.5 → 1, 5 → 0 */
  while (decimals < 6 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;

  g_snprintf (buf, sizeof buf, "%.*f", decimals, fabs (value) < step / 1e6 ? 0.0 : value);

  return g_strdup (buf);
}

static char *
month_label (GDateTime *date,
             gboolean   with_year)
{
  /* Translators: a month on the trend plot's date axis, strftime format */
  return g_date_time_format (date, with_year ? _("%b %Y") : _("%b"));
}

static void
update_summary (KeelTrendPlot *self)
{
  g_autofree char *summary = NULL;

  if (self->objective != NULL)
    summary = keel_trend_describe (self->objective);
  else
    summary = g_strdup (_("No readings yet"));

  if (g_strcmp0 (summary, self->summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);

  /* What a sighted reader takes from the plot, for screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Trend of the readings over time"),
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */
/* ------------------------------------------------------------------------ */

static void
draw (KeelTrendPlot *self,
      cairo_t       *cr,
      double         width,
      double         height)
{
  g_autoptr(GPtrArray) readings = NULL;
  g_autoptr(GPtrArray) x_ticks = NULL;
  g_autofree char *title = NULL;
  Colors colors;
  KeelTrendScale scale;
  const char *unit, *measure;
  double target, baseline;
  double lo, hi, x0, x1, y0, y1, first_day, last_day;
  double left = 0, title_height, last_right = -G_MAXDOUBLE;
  GDateTime *start, *due;
  guint step_months = 1;

  lookup_colors (self, &colors);

  unit = self->objective ? keel_record_get_string (self->objective, "unit") : NULL;
  measure = self->objective ? keel_record_get_string (self->objective, "measure") : NULL;
  readings = self->objective ? keel_objective_sorted_readings (self->objective)
                             : g_ptr_array_new ();

  /* Title */
  title = g_strdup (measure ? measure : _("Readings"));
  {
    g_autoptr(PangoLayout) layout = make_layout (self, title, TRUE, 1.0);

    pango_layout_set_width (layout, (int) ((width - 2 * PAD) * PANGO_SCALE));
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    layout_size (layout, NULL, &title_height);
    set_source (cr, &colors.fg, 1.0);
    cairo_move_to (cr, PAD, PAD / 2);
    pango_cairo_show_layout (cr, layout);
  }

  if (readings->len == 0)
    {
      set_source (cr, &colors.fg, 0.55);
      show_text (self, cr, _("No readings yet"), width / 2, height / 2, 0.5, 0.5, FALSE, 1.2);
      return;
    }

  target = keel_record_get_double (self->objective, "target");
  baseline = keel_record_get_double (self->objective, "baseline");
  start = keel_record_get_date (self->objective, "start");
  due = keel_record_get_date (self->objective, "due");

  /* Scales */
  if (!keel_trend_value_range (self->objective, &lo, &hi))
    return;
  keel_trend_nice_scale (lo, hi, MAX_Y_TICKS, &scale);

  first_day = day_of (keel_record_get_date (g_ptr_array_index (readings, 0), "date"));
  last_day = day_of (keel_record_get_date (g_ptr_array_index (readings, readings->len - 1), "date"));
  if (start != NULL)
    first_day = MIN (first_day, day_of (start));
  if (due != NULL)
    last_day = MAX (last_day, day_of (due));
  if (last_day - first_day < 28)
    {
      /* A single reading or a short span: show a month around it */
      double mid = (first_day + last_day) / 2;

      first_day = mid - 14;
      last_day = mid + 14;
    }

  /* Room for the y tick labels and the unit beside them */
  for (guint i = 0; i < scale.n_ticks; i++)
    {
      g_autofree char *label = tick_label (scale.min + i * scale.step, scale.step);

      left = MAX (left, text_width (self, label, 0.85));
    }

  x0 = PAD + (unit ? 22 : 0) + left + 8;
  x1 = width - PAD - 8;
  y0 = PAD / 2 + title_height + 14;
  y1 = height - PAD - 22;

  if (x1 - x0 < 40 || y1 - y0 < 40)
    return;

  /* As many month ticks as their labels have room for */
  {
    g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc ((gint64) (first_day * 86400));
    g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc ((gint64) (last_day * 86400));
    g_autofree char *widest = month_label (from, TRUE);
    guint room = (guint) ((x1 - x0) / (text_width (self, widest, 0.85) + 24));

    x_ticks = keel_trend_month_ticks (from, to, CLAMP (room, 2, MAX_X_TICKS), &step_months);
  }

  cairo_set_line_width (cr, 1.0);

  /* Horizontal grid and value labels */
  for (guint i = 0; i < scale.n_ticks; i++)
    {
      double v = scale.min + i * scale.step;
      double y = round (keel_trend_map (v, scale.min, scale.max, y1, y0)) + 0.5;
      g_autofree char *label = tick_label (v, scale.step);

      set_source (cr, &colors.fg, 0.10);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);

      set_source (cr, &colors.fg, 0.65);
      show_text (self, cr, label, x0 - 8, y, 1.0, 0.5, FALSE, 0.85);
    }

  /* The unit, turned up the side */
  if (unit != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, unit, FALSE, 0.85);
      double w, h;

      layout_size (layout, &w, &h);
      cairo_save (cr);
      cairo_move_to (cr, PAD, round ((y0 + y1) / 2 + w / 2));
      cairo_rotate (cr, -G_PI / 2);
      set_source (cr, &colors.fg, 0.65);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  /* Date axis */
  set_source (cr, &colors.fg, 0.35);
  cairo_move_to (cr, x0, round (y1) + 0.5);
  cairo_line_to (cr, x1, round (y1) + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < x_ticks->len; i++)
    {
      GDateTime *tick = g_ptr_array_index (x_ticks, i);
      double x = round (keel_trend_map (day_of (tick), first_day, last_day, x0, x1)) + 0.5;
      gboolean with_year = (i == 0 || g_date_time_get_month (tick) <= (int) step_months);
      g_autofree char *label = month_label (tick, with_year);
      double w = text_width (self, label, 0.85);
      double left_edge = CLAMP (x - w / 2, x0 - 8, width - PAD - w);

      set_source (cr, &colors.fg, 0.35);
      cairo_move_to (cr, x, round (y1) + 0.5);
      cairo_line_to (cr, x, round (y1) + 4.5);
      cairo_stroke (cr);

      /* A label that would run into the one before it is left out */
      if (left_edge < last_right + 8)
        continue;

      set_source (cr, &colors.fg, 0.65);
      show_text (self, cr, label, left_edge, y1 + 6, 0.0, 0.0, FALSE, 0.85);
      last_right = left_edge + w;
    }

  /* Baseline, dotted */
  if (!isnan (baseline))
    {
      double y = round (keel_trend_map (baseline, scale.min, scale.max, y1, y0)) + 0.5;
      static const double dots[] = { 1.0, 3.0 };

      cairo_save (cr);
      set_source (cr, &colors.fg, 0.55);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      cairo_restore (cr);

      set_source (cr, &colors.fg, 0.7);
      show_text (self, cr, _("Baseline"), x1, y + 2, 1.0, 0.0, FALSE, 0.8);
    }

  /* Target, dashed */
  if (!isnan (target))
    {
      double y = round (keel_trend_map (target, scale.min, scale.max, y1, y0)) + 0.5;
      static const double dashes[] = { 6.0, 4.0 };

      cairo_save (cr);
      set_source (cr, &colors.target, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      cairo_restore (cr);

      set_source (cr, &colors.target, 1.0);
      show_text (self, cr, _("Target"), x1, y - 2, 1.0, 1.0, TRUE, 0.8);
    }

  /* The readings: a line, then the points over it */
  cairo_save (cr);
  set_source (cr, &colors.line, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < readings->len; i++)
    {
      KeelRecord *reading = g_ptr_array_index (readings, i);
      double x = keel_trend_map (day_of (keel_record_get_date (reading, "date")), first_day, last_day, x0, x1);
      double y = keel_trend_map (keel_record_get_double (reading, "value"), scale.min, scale.max, y1, y0);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < readings->len; i++)
    {
      KeelRecord *reading = g_ptr_array_index (readings, i);
      double x = keel_trend_map (day_of (keel_record_get_date (reading, "date")), first_day, last_day, x0, x1);
      double y = keel_trend_map (keel_record_get_double (reading, "value"), scale.min, scale.max, y1, y0);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, POINT_RADIUS + 1.5, 0, 2 * G_PI);
      set_source (cr, &colors.bg, 1.0);
      cairo_fill (cr);
      cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
      set_source (cr, &colors.line, 1.0);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
objective_changed_cb (KeelTrendPlot *self)
{
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */
/* ------------------------------------------------------------------------ */

static void
keel_trend_plot_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KeelTrendPlot *self = KEEL_TREND_PLOT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
keel_trend_plot_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 520;
    }
  else
    {
      *minimum = 200;
      *natural = 260;
    }
}

static void
keel_trend_plot_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (keel_trend_plot_parent_class)->css_changed (widget, change);

  /* Dark and light styles swap the colours */
  gtk_widget_queue_draw (widget);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_trend_plot_dispose (GObject *object)
{
  KeelTrendPlot *self = (KeelTrendPlot *)object;

  if (self->objective != NULL)
    g_signal_handlers_disconnect_by_func (self->objective, objective_changed_cb, self);
  g_clear_object (&self->objective);

  G_OBJECT_CLASS (keel_trend_plot_parent_class)->dispose (object);
}

static void
keel_trend_plot_finalize (GObject *object)
{
  KeelTrendPlot *self = (KeelTrendPlot *)object;

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (keel_trend_plot_parent_class)->finalize (object);
}

static void
keel_trend_plot_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KeelTrendPlot *self = KEEL_TREND_PLOT (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      g_value_set_object (value, self->objective);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_trend_plot_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KeelTrendPlot *self = KEEL_TREND_PLOT (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      keel_trend_plot_set_objective (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_trend_plot_class_init (KeelTrendPlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_trend_plot_dispose;
  object_class->finalize = keel_trend_plot_finalize;
  object_class->get_property = keel_trend_plot_get_property;
  object_class->set_property = keel_trend_plot_set_property;

  widget_class->snapshot = keel_trend_plot_snapshot;
  widget_class->measure = keel_trend_plot_measure;
  widget_class->css_changed = keel_trend_plot_css_changed;

  properties[PROP_OBJECTIVE] =
    g_param_spec_object ("objective", NULL, NULL,
                         KEEL_TYPE_OBJECTIVE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "keeltrendplot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
keel_trend_plot_init (KeelTrendPlot *self)
{
  update_summary (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_trend_plot_new (void)
{
  return g_object_new (KEEL_TYPE_TREND_PLOT, NULL);
}

KeelRecord *
keel_trend_plot_get_objective (KeelTrendPlot *self)
{
  g_return_val_if_fail (KEEL_IS_TREND_PLOT (self), NULL);

  return self->objective;
}

void
keel_trend_plot_set_objective (KeelTrendPlot *self,
                               KeelRecord    *objective)
{
  g_return_if_fail (KEEL_IS_TREND_PLOT (self));
  g_return_if_fail (!objective || KEEL_IS_OBJECTIVE (objective));

  if (self->objective == objective)
    return;

  if (self->objective != NULL)
    g_signal_handlers_disconnect_by_func (self->objective, objective_changed_cb, self);

  g_set_object (&self->objective, objective);

  if (self->objective != NULL)
    g_signal_connect_object (self->objective, "changed",
                             G_CALLBACK (objective_changed_cb), self, G_CONNECT_SWAPPED);

  objective_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE]);
}

const char *
keel_trend_plot_get_summary (KeelTrendPlot *self)
{
  g_return_val_if_fail (KEEL_IS_TREND_PLOT (self), NULL);

  return self->summary;
}
