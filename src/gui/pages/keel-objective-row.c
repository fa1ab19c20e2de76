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
  GObject        parent_instance;

  KeelRecord    *objective;
  KeelWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (KeelObjectiveRow, keel_objective_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OBJECTIVE,
  PROP_WORKSPACE,
  PROP_ID,
  PROP_ID_NUMBER,
  PROP_TITLE,
  PROP_OWNER_NAME,
  PROP_DUE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_PROGRESS,
  PROP_PROGRESS_TEXT,
  PROP_LAST_READING,
  PROP_LAST_VALUE,
  PROP_LAST_READING_DATE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static void
notify_all (KeelObjectiveRow *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_ID; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static double
progress (KeelObjectiveRow *self)
{
  return keel_objective_progress (self->objective);
}

static char *
last_reading_text (KeelObjectiveRow *self)
{
  KeelRecord *reading = keel_objective_latest_reading (self->objective);
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  if (reading == NULL)
    return g_strdup ("");

  value = keel_objective_format_value (keel_record_get_double (reading, "value"),
                                       keel_record_get_string (self->objective, "unit"));
  date = _keel_date_text (keel_record_get_date (reading, "date"));

  /* Translators: the latest reading of an objective, "4.2 % on 2026-06-30" */
  return g_strdup_printf (_("%s on %s"), value, date);
}

static char *
search_text (KeelObjectiveRow *self)
{
  const char *owner = keel_record_get_string (self->objective, "owner");

  return g_strjoin ("\n",
                    keel_record_get_id (self->objective) ? keel_record_get_id (self->objective) : "",
                    keel_record_get_string (self->objective, "title") ? keel_record_get_string (self->objective, "title") : "",
                    _keel_person_name (self->workspace, owner),
                    NULL);
}

/* ------------------------------------------------------------------------ */

static void
changed_cb (KeelObjectiveRow *self)
{
  notify_all (self);
}

/* ------------------------------------------------------------------------ */

static void
keel_objective_row_constructed (GObject *object)
{
  KeelObjectiveRow *self = (KeelObjectiveRow *)object;

  G_OBJECT_CLASS (keel_objective_row_parent_class)->constructed (object);

  g_return_if_fail (KEEL_IS_OBJECTIVE (self->objective));

  g_signal_connect_object (self->objective, "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->objective, "notify::id",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  if (self->workspace != NULL)
    g_signal_connect_object (self->workspace, "changed",
                             G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static void
keel_objective_row_finalize (GObject *object)
{
  KeelObjectiveRow *self = (KeelObjectiveRow *)object;

  g_clear_object (&self->objective);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (keel_objective_row_parent_class)->finalize (object);
}

static void
keel_objective_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KeelObjectiveRow *self = KEEL_OBJECTIVE_ROW (object);
  KeelRecord *o = self->objective;

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      g_value_set_object (value, o);
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_ID:
      g_value_set_string (value, keel_record_get_id (o));
      break;

    case PROP_ID_NUMBER:
      g_value_set_int64 (value, _keel_id_number (keel_record_get_id (o)));
      break;

    case PROP_TITLE:
      g_value_set_string (value, keel_record_get_string (o, "title"));
      break;

    case PROP_OWNER_NAME:
      g_value_set_string (value, _keel_person_name (self->workspace, keel_record_get_string (o, "owner")));
      break;

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

    case PROP_SEARCH_TEXT:
      g_value_take_string (value, search_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_objective_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KeelObjectiveRow *self = KEEL_OBJECTIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      self->objective = g_value_dup_object (value);
      break;

    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_objective_row_class_init (KeelObjectiveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = keel_objective_row_constructed;
  object_class->finalize = keel_objective_row_finalize;
  object_class->get_property = keel_objective_row_get_property;
  object_class->set_property = keel_objective_row_set_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_OBJECTIVE] =
    g_param_spec_object ("objective", NULL, NULL, KEEL_TYPE_OBJECTIVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, KEEL_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO);
  properties[PROP_ID_NUMBER] = g_param_spec_int64 ("id-number", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, RO);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, RO);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, RO);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, RO);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, -1, 1, -1, RO);
  properties[PROP_PROGRESS_TEXT] = g_param_spec_string ("progress-text", NULL, NULL, NULL, RO);
  properties[PROP_LAST_READING] = g_param_spec_string ("last-reading", NULL, NULL, NULL, RO);
  properties[PROP_LAST_VALUE] = g_param_spec_string ("last-value", NULL, NULL, NULL, RO);
  properties[PROP_LAST_READING_DATE] = g_param_spec_string ("last-reading-date", NULL, NULL, NULL, RO);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, RO);
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
                       "objective", objective,
                       "workspace", workspace,
                       NULL);
}

KeelRecord *
keel_objective_row_get_objective (KeelObjectiveRow *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_ROW (self), NULL);

  return self->objective;
}
