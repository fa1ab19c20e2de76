/* keel-policy-row.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policy-row"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-policy-form.h"
#include "keel-records.h"

#include "keel-pages-private.h"
#include "keel-policy-row.h"

struct _KeelPolicyRow
{
  KeelRecordRow parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelPolicyRow, keel_policy_row, KEEL_TYPE_RECORD_ROW)

/* Besides those of KeelRecordRow */
enum {
  PROP_0,
  PROP_VERSION,
  PROP_APPROVED_BY,
  PROP_APPROVED_ON,
  PROP_NEXT_REVIEW,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static KeelRecord *
approval (KeelPolicyRow *self)
{
  KeelRecord *current = keel_policy_current_version (keel_policy_row_get_policy (self));

  if (current == NULL || !keel_policy_version_is_signed (current))
    return NULL;

  return keel_record_get_child (current, "approval");
}

static char *
version_text (KeelPolicyRow *self)
{
  KeelRecord *policy = keel_policy_row_get_policy (self);
  KeelRecord *current = keel_policy_current_version (policy);
  KeelRecord *latest = keel_policy_latest_version (policy);

  if (current == NULL)
    return g_strdup ("");

  if (latest != current)
    /* Translators: the version in force and a newer draft, "1.0 (1.1 draft)" */
    return g_strdup_printf (_("%s (%s draft)"),
                            keel_record_get_string (current, "version"),
                            keel_record_get_string (latest, "version"));

  if (!keel_policy_version_is_signed (current))
    /* Translators: a version not signed off yet, "1.0 draft" */
    return g_strdup_printf (_("%s draft"), keel_record_get_string (current, "version"));

  return g_strdup (keel_record_get_string (current, "version"));
}

/* ------------------------------------------------------------------------ */

static void
keel_policy_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KeelPolicyRow *self = KEEL_POLICY_ROW (object);
  KeelRecord *p = keel_policy_row_get_policy (self);
  KeelWorkspace *workspace = keel_record_row_get_workspace (KEEL_RECORD_ROW (self));

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_take_string (value, version_text (self));
      break;

    case PROP_APPROVED_BY:
      {
        KeelRecord *a = approval (self);

        g_value_set_string (value, a ? _keel_person_name (workspace, keel_record_get_string (a, "by"))
                                     : _("Not signed off"));
      }
      break;

    case PROP_APPROVED_ON:
      {
        KeelRecord *a = approval (self);

        g_value_take_string (value, _keel_date_text (a ? keel_record_get_date (a, "on") : NULL));
      }
      break;

    case PROP_NEXT_REVIEW:
      g_value_take_string (value, _keel_date_text (keel_record_get_date (p, "next_review")));
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, keel_policy_is_review_overdue (p, NULL));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_policy_row_class_init (KeelPolicyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = keel_policy_row_get_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, RO);
  properties[PROP_APPROVED_BY] = g_param_spec_string ("approved-by", NULL, NULL, NULL, RO);
  properties[PROP_APPROVED_ON] = g_param_spec_string ("approved-on", NULL, NULL, NULL, RO);
  properties[PROP_NEXT_REVIEW] = g_param_spec_string ("next-review", NULL, NULL, NULL, RO);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, RO);
#undef RO

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
keel_policy_row_init (KeelPolicyRow *self)
{
}

KeelPolicyRow *
keel_policy_row_new (KeelRecord    *policy,
                     KeelWorkspace *workspace)
{
  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);
  g_return_val_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace), NULL);

  return g_object_new (KEEL_TYPE_POLICY_ROW,
                       "record", policy,
                       "workspace", workspace,
                       NULL);
}

KeelRecord *
keel_policy_row_get_policy (KeelPolicyRow *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_ROW (self), NULL);

  return keel_record_row_get_record (KEEL_RECORD_ROW (self));
}
