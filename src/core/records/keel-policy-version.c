/* keel-policy-version.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policy-version"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-sign-off.h"
#include "keel-policy-version.h"

/* PolicyVersion: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "version", KEEL_FIELD_STRING, N_("Version"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "date", KEEL_FIELD_DATE, N_("Date"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "author", KEEL_FIELD_REF, N_("Author"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "description", KEEL_FIELD_STRING, N_("Description"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "approval", KEEL_FIELD_CHILD, N_("Approval"), NULL, keel_sign_off_get_type, 0 },
};

static const KeelKind kind = {
  .name = "policy-version",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Policy version"),
  .plural_label = N_("Policy versions"),
  .get_type = keel_policy_version_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelPolicyVersion, keel_policy_version, kind)
