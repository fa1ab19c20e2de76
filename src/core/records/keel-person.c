/* keel-person.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-person.h"

/* Person: a record kind of keel.json ("people"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "name", KEEL_FIELD_STRING, N_("Name"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "email", KEEL_FIELD_STRING, N_("Email"), NULL, NULL, KEEL_FIELD_EMAIL },
  { "job_title", KEEL_FIELD_STRING, N_("Job title"), NULL, NULL, 0 },
  { "department", KEEL_FIELD_STRING, N_("Department"), NULL, NULL, 0 },
  { "top_management", KEEL_FIELD_BOOLEAN, N_("Top management"), NULL, NULL, 0 },
  { "review_team", KEEL_FIELD_BOOLEAN, N_("Review team member"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "person",
  .collection = "people",
  .id_prefix = "PER",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Person"),
  .plural_label = N_("People"),
  .sort_key = "name",
  .get_type = keel_person_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelPerson, keel_person, kind)
