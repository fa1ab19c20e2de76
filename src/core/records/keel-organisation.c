/* keel-organisation.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-organisation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-organisation.h"

/* Organisation: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice size_profile_choices[] = {
  { "startup", N_("Startup") },
  { "scaleup", N_("Scaleup") },
  { "enterprise", N_("Enterprise") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "name", KEEL_FIELD_STRING, N_("Name"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "size_profile", KEEL_FIELD_ENUM, N_("Size profile"), NULL, NULL, 0, size_profile_choices, NULL },
  { "scope", KEEL_FIELD_STRING, N_("ISMS scope"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "strategy", KEEL_FIELD_STRING, N_("Strategy statement"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

static const KeelKind kind = {
  .name = "organisation",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Organisation"),
  .plural_label = N_("Organisations"),
  .get_type = keel_organisation_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelOrganisation, keel_organisation, kind)
