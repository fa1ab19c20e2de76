/* keel-policy.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-policy-version.h"
#include "keel-policy.h"

/* Policy: a record kind of keel.json ("policies"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "title", KEEL_FIELD_STRING, N_("Title"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "summary", KEEL_FIELD_STRING, N_("Summary"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "versions", KEEL_FIELD_CHILDREN, N_("Versions"), NULL, keel_policy_version_get_type, 0 },
  { "next_review", KEEL_FIELD_DATE, N_("Next review"), NULL, NULL, 0 },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

static const KeelKind kind = {
  .name = "policy",
  .collection = "policies",
  .id_prefix = "POL",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Policy"),
  .plural_label = N_("Policies"),
  .get_type = keel_policy_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelPolicy, keel_policy, kind)
