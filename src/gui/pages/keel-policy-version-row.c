/* keel-policy-version-row.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policy-version-row"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-policy-form.h"
#include "keel-records.h"

#include "keel-pages-private.h"
#include "keel-policy-version-row.h"

struct _KeelPolicyVersionRow
{
  KeelRecordRow parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelPolicyVersionRow, keel_policy_version_row, KEEL_TYPE_RECORD_ROW)

/* Besides those of KeelRecordRow */
enum {
  PROP_0,
  PROP_NUMBER,
  PROP_DATE,
  PROP_AUTHOR_NAME,
  PROP_DESCRIPTION,
  PROP_APPROVAL,
  PROP_SIGNED,
  PROP_LOCK_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
approval_text (KeelPolicyVersionRow *self)
{
  KeelRecord *version = keel_policy_version_row_get_version (self);
  KeelRecord *approval = keel_record_get_child (version, "approval");
  g_autofree char *on = NULL;

  if (!keel_policy_version_is_signed (version))
    return g_strdup (_("Not signed off"));

  on = _keel_date_text (keel_record_get_date (approval, "on"));

  /* Translators: "Ana Lima on 2026-02-15" */
  return g_strdup_printf (_("%s on %s"),
                          _keel_person_name (keel_record_row_get_workspace (KEEL_RECORD_ROW (self)),
                                             keel_record_get_string (approval, "by")),
                          on);
}

static void
keel_policy_version_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KeelPolicyVersionRow *self = KEEL_POLICY_VERSION_ROW (object);
  KeelRecord *v = keel_policy_version_row_get_version (self);
  KeelWorkspace *workspace = keel_record_row_get_workspace (KEEL_RECORD_ROW (self));

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, keel_record_get_string (v, "version"));
      break;

    case PROP_DATE:
      g_value_take_string (value, _keel_date_text (keel_record_get_date (v, "date")));
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, _keel_person_name (workspace, keel_record_get_string (v, "author")));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, keel_record_get_string (v, "description"));
      break;

    case PROP_APPROVAL:
      g_value_take_string (value, approval_text (self));
      break;

    case PROP_SIGNED:
      g_value_set_boolean (value, keel_policy_version_is_signed (v));
      break;

    case PROP_LOCK_TOOLTIP:
      g_value_set_string (value, keel_policy_version_is_signed (v)
                                 ? _("Signed versions cannot be changed; create a new version")
                                 : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_policy_version_row_class_init (KeelPolicyVersionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = keel_policy_version_row_get_property;

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, RO);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, RO);
  properties[PROP_AUTHOR_NAME] = g_param_spec_string ("author-name", NULL, NULL, NULL, RO);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, RO);
  properties[PROP_APPROVAL] = g_param_spec_string ("approval", NULL, NULL, NULL, RO);
  properties[PROP_SIGNED] = g_param_spec_boolean ("signed", NULL, NULL, FALSE, RO);
  properties[PROP_LOCK_TOOLTIP] = g_param_spec_string ("lock-tooltip", NULL, NULL, NULL, RO);
#undef RO

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
keel_policy_version_row_init (KeelPolicyVersionRow *self)
{
}

KeelPolicyVersionRow *
keel_policy_version_row_new (KeelRecord    *version,
                             KeelWorkspace *workspace)
{
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), NULL);

  return g_object_new (KEEL_TYPE_POLICY_VERSION_ROW,
                       "record", version,
                       "workspace", workspace,
                       NULL);
}

KeelRecord *
keel_policy_version_row_get_version (KeelPolicyVersionRow *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION_ROW (self), NULL);

  return keel_record_row_get_record (KEEL_RECORD_ROW (self));
}
