/* keel-objective-row.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objective-row"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-objective-form.h"
#include "keel-records.h"

#include "keel-objective-row.h"
#include "keel-pages-private.h"

struct _KeelObjectiveRow
{
  KeelRecordRow parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelObjectiveRow, keel_objective_row, KEEL_TYPE_RECORD_ROW)

/* Besides those of KeelRecordRow */
enum {
  PROP_0,
  PROP_DUE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_PROGRESS,
  PROP_PROGRESS_TEXT,
  PROP_LAST_READING,
  PROP_LAST_VALUE,
  PROP_LAST_READING_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static double
progress (KeelObjectiveRow *self)
{
  return keel_objective_progress (keel_objective_row_get_objective (self));
}

static char *
last_reading_text (KeelObjectiveRow *self)
{
  KeelRecord *objective = keel_objective_row_get_objective (self);
  KeelRecord *reading = keel_objective_latest_reading (objective);
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  if (reading == NULL)
    return g_strdup ("");

  value = keel_objective_format_value (keel_record_get_double (reading, "value"),
                                       keel_record_get_string (objective, "unit"));
  date = _keel_date_text (keel_record_get_date (reading, "date"));

  /* Translators: the latest reading of an objective, "4.2 % on 2026-06-30" */
  return g_strdup_printf (_("%s on %s"), value, date);
}

/* ------------------------------------------------------------------------ */

static void
keel_objective_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KeelObjectiveRow *self = KEEL_OBJECTIVE_ROW (object);
  KeelRecord *o = keel_objective_row_get_objective (self);

  switch (prop_id)
    {
    case PROP_DUE:
      g_value_take_string (value, _keel_date_text (keel_record_get_date (o, "due")));
      break;

    case PROP_STATUS:
      g_value_set_string (value, keel_record_get_string (o, "status"));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, _keel_objective_status_label (keel_record_get_string (o, "status")));
      break;

    case PROP_PROGRESS:
      {
        double p = progress (self);

        /* −1 sorts the unknown before 0 % */
        g_value_set_double (value, isnan (p) ? -1.0 : p);
      }
      break;

    case PROP_PROGRESS_TEXT:
      {
        double p = progress (self);

        g_value_take_string (value, isnan (p) ? g_strdup ("—")
                                              : g_strdup_printf ("%d%%", (int) lround (p * 100)));
      }
      break;

    case PROP_LAST_READING:
      g_value_take_string (value, last_reading_text (self));
      break;

    case PROP_LAST_VALUE:
      {
        KeelRecord *reading = keel_objective_latest_reading (o);

        g_value_take_string (value, reading ? keel_objective_format_value (keel_record_get_double (reading, "value"),
                                                                           keel_record_get_string (o, "unit"))
                                            : g_strdup (""));
      }
      break;

    case PROP_LAST_READING_DATE:
      {
        KeelRecord *reading = keel_objective_latest_reading (o);

        g_value_take_string (value, _keel_date_text (reading ? keel_record_get_date (reading, "date") : NULL));
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_objective_row_class_init (KeelObjectiveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = keel_objective_row_get_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, RO);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, RO);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, RO);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, -1, 1, -1, RO);
  properties[PROP_PROGRESS_TEXT] = g_param_spec_string ("progress-text", NULL, NULL, NULL, RO);
  properties[PROP_LAST_READING] = g_param_spec_string ("last-reading", NULL, NULL, NULL, RO);
  properties[PROP_LAST_VALUE] = g_param_spec_string ("last-value", NULL, NULL, NULL, RO);
  properties[PROP_LAST_READING_DATE] = g_param_spec_string ("last-reading-date", NULL, NULL, NULL, RO);
#undef RO

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
keel_objective_row_init (KeelObjectiveRow *self)
{
}

KeelObjectiveRow *
keel_objective_row_new (KeelRecord    *objective,
                        KeelWorkspace *workspace)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);
  g_return_val_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace), NULL);

  return g_object_new (KEEL_TYPE_OBJECTIVE_ROW,
                       "record", objective,
                       "workspace", workspace,
                       NULL);
}

KeelRecord *
keel_objective_row_get_objective (KeelObjectiveRow *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_ROW (self), NULL);

  return keel_record_row_get_record (KEEL_RECORD_ROW (self));
}
