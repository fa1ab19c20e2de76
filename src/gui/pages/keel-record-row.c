/* keel-record-row.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-record-row"

#include "config.h"

#include "keel-records.h"

#include "keel-pages-private.h"
#include "keel-record-row.h"

typedef struct
{
  KeelRecord    *record;
  KeelWorkspace *workspace;
} KeelRecordRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KeelRecordRow, keel_record_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_WORKSPACE,
  PROP_ID,
  PROP_ID_NUMBER,
  PROP_TITLE,
  PROP_OWNER_NAME,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* The string field @key of the record, or NULL when its kind has none */
static const char *
get_field (KeelRecordRow *self,
           const char    *key)
{
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  if (keel_record_find_field (priv->record, key) == NULL)
    return NULL;

  return keel_record_get_string (priv->record, key);
}

static const char *
owner_name (KeelRecordRow *self)
{
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  return _keel_person_name (priv->workspace, get_field (self, "owner"));
}

static char *
search_text (KeelRecordRow *self)
{
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);
  const char *id = keel_record_get_id (priv->record);
  const char *title = get_field (self, "title");

  return g_strjoin ("\n", id ? id : "", title ? title : "", owner_name (self), NULL);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

/* Every read-only property, the subclass's too, may read what changed */
static void
changed_cb (KeelRecordRow *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_pspecs; i++)
    if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0)
      g_object_notify_by_pspec (G_OBJECT (self), pspecs[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_record_row_constructed (GObject *object)
{
  KeelRecordRow *self = (KeelRecordRow *)object;
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  G_OBJECT_CLASS (keel_record_row_parent_class)->constructed (object);

  g_return_if_fail (KEEL_IS_RECORD (priv->record));

  g_signal_connect_object (priv->record, "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->record, "notify::id",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  if (priv->workspace != NULL)
    g_signal_connect_object (priv->workspace, "changed",
                             G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static void
keel_record_row_finalize (GObject *object)
{
  KeelRecordRow *self = (KeelRecordRow *)object;
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  g_clear_object (&priv->record);
  g_clear_object (&priv->workspace);

  G_OBJECT_CLASS (keel_record_row_parent_class)->finalize (object);
}

static void
keel_record_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KeelRecordRow *self = KEEL_RECORD_ROW (object);
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, priv->workspace);
      break;

    case PROP_ID:
      g_value_set_string (value, keel_record_get_id (priv->record));
      break;

    case PROP_ID_NUMBER:
      g_value_set_int64 (value, _keel_id_number (keel_record_get_id (priv->record)));
      break;

    case PROP_TITLE:
      g_value_set_string (value, get_field (self, "title"));
      break;

    case PROP_OWNER_NAME:
      g_value_set_string (value, owner_name (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_take_string (value, search_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_record_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KeelRecordRow *self = KEEL_RECORD_ROW (object);
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_RECORD:
      priv->record = g_value_dup_object (value);
      break;

    case PROP_WORKSPACE:
      priv->workspace = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_record_row_class_init (KeelRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = keel_record_row_constructed;
  object_class->finalize = keel_record_row_finalize;
  object_class->get_property = keel_record_row_get_property;
  object_class->set_property = keel_record_row_set_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, KEEL_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, KEEL_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO);
  properties[PROP_ID_NUMBER] = g_param_spec_int64 ("id-number", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, RO);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, RO);
#undef RO

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
keel_record_row_init (KeelRecordRow *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

KeelRecord *
keel_record_row_get_record (KeelRecordRow *self)
{
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_ROW (self), NULL);

  return priv->record;
}

KeelWorkspace *
keel_record_row_get_workspace (KeelRecordRow *self)
{
  KeelRecordRowPrivate *priv = keel_record_row_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_ROW (self), NULL);

  return priv->workspace;
}
