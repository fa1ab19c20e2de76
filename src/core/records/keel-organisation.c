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
static const KeelField fields[] = {
  { "name", KEEL_FIELD_STRING, N_("Name"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "size_profile", KEEL_FIELD_ENUM, N_("Size profile"), "startup|scaleup|enterprise", NULL, 0 },
  { "scope", KEEL_FIELD_STRING, N_("ISMS scope"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "strategy", KEEL_FIELD_STRING, N_("Strategy statement"), NULL, NULL, KEEL_FIELD_MULTILINE },
};

KEEL_DEFINE_RECORD_TYPE (KeelOrganisation, keel_organisation, "organisation", NULL, NULL, fields)
