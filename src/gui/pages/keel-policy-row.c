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
  GObject        parent_instance;

  KeelRecord    *policy;
  KeelWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (KeelPolicyRow, keel_policy_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_WORKSPACE,
  PROP_ID,
  PROP_ID_NUMBER,
  PROP_TITLE,
  PROP_OWNER_NAME,
  PROP_VERSION,
  PROP_APPROVED_BY,
  PROP_APPROVED_ON,
  PROP_NEXT_REVIEW,
  PROP_OVERDUE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static KeelRecord *
approval (KeelPolicyRow *self)
{
  KeelRecord *current = keel_policy_current_version (self->policy);

  if (current == NULL || !keel_policy_version_is_signed (current))
    return NULL;

  return keel_record_get_child (current, "approval");
}

static char *
version_text (KeelPolicyRow *self)
{
  KeelRecord *current = keel_policy_current_version (self->policy);
  KeelRecord *latest = keel_policy_latest_version (self->policy);

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

static void
notify_all (KeelPolicyRow *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_ID; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
changed_cb (KeelPolicyRow *self)
{
  notify_all (self);
}

/* ------------------------------------------------------------------------ */

static void
keel_policy_row_constructed (GObject *object)
{
  KeelPolicyRow *self = (KeelPolicyRow *)object;

  G_OBJECT_CLASS (keel_policy_row_parent_class)->constructed (object);

  g_return_if_fail (KEEL_IS_POLICY (self->policy));

  g_signal_connect_object (self->policy, "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->policy, "notify::id",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  if (self->workspace != NULL)
    g_signal_connect_object (self->workspace, "changed",
                             G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static void
keel_policy_row_finalize (GObject *object)
{
  KeelPolicyRow *self = (KeelPolicyRow *)object;

  g_clear_object (&self->policy);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (keel_policy_row_parent_class)->finalize (object);
}

static void
keel_policy_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KeelPolicyRow *self = KEEL_POLICY_ROW (object);
  KeelRecord *p = self->policy;

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, p);
      break;

    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_ID:
      g_value_set_string (value, keel_record_get_id (p));
      break;

    case PROP_ID_NUMBER:
      g_value_set_int64 (value, _keel_id_number (keel_record_get_id (p)));
      break;

    case PROP_TITLE:
      g_value_set_string (value, keel_record_get_string (p, "title"));
      break;

    case PROP_OWNER_NAME:
      g_value_set_string (value, _keel_person_name (self->workspace, keel_record_get_string (p, "owner")));
      break;

    case PROP_VERSION:
      g_value_take_string (value, version_text (self));
      break;

    case PROP_APPROVED_BY:
      {
        KeelRecord *a = approval (self);

        g_value_set_string (value, a ? _keel_person_name (self->workspace, keel_record_get_string (a, "by"))
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

    case PROP_SEARCH_TEXT:
      g_value_take_string (value,
                           g_strjoin ("\n",
                                      keel_record_get_id (p) ? keel_record_get_id (p) : "",
                                      keel_record_get_string (p, "title") ? keel_record_get_string (p, "title") : "",
                                      _keel_person_name (self->workspace, keel_record_get_string (p, "owner")),
                                      NULL));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_policy_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KeelPolicyRow *self = KEEL_POLICY_ROW (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      self->policy = g_value_dup_object (value);
      break;

    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_policy_row_class_init (KeelPolicyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = keel_policy_row_constructed;
  object_class->finalize = keel_policy_row_finalize;
  object_class->get_property = keel_policy_row_get_property;
  object_class->set_property = keel_policy_row_set_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, KEEL_TYPE_POLICY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, KEEL_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO);
  properties[PROP_ID_NUMBER] = g_param_spec_int64 ("id-number", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, RO);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, RO);
  properties[PROP_APPROVED_BY] = g_param_spec_string ("approved-by", NULL, NULL, NULL, RO);
  properties[PROP_APPROVED_ON] = g_param_spec_string ("approved-on", NULL, NULL, NULL, RO);
  properties[PROP_NEXT_REVIEW] = g_param_spec_string ("next-review", NULL, NULL, NULL, RO);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, RO);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, RO);
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
                       "policy", policy,
                       "workspace", workspace,
                       NULL);
}

KeelRecord *
keel_policy_row_get_policy (KeelPolicyRow *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_ROW (self), NULL);

  return self->policy;
}
