/* keel-dispatch.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-dispatch"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-dispatch.h"

/* Dispatch: a record kind of keel.json ("dispatches"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice method_choices[] = {
  { "email", N_("Email") },
  { "portal", N_("Portal") },
  { "manual", N_("By hand") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "sent_at", KEEL_FIELD_DATETIME, N_("Sent at"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "recipients", KEEL_FIELD_STRV, N_("To"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "method", KEEL_FIELD_ENUM, N_("How"), NULL, NULL, KEEL_FIELD_REQUIRED, method_choices, NULL },
  { "file_name", KEEL_FIELD_STRING, N_("File"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "sha256", KEEL_FIELD_STRING, N_("SHA-256"), NULL, NULL, 0 },
  { "size", KEEL_FIELD_INT, N_("Size"), NULL, NULL, 0 },
};

static const KeelKind kind = {
  .name = "dispatch",
  .collection = "dispatches",
  .id_prefix = "SNT",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Sent bundle"),
  .plural_label = N_("Sent bundles"),
  .sort_key = "sent_at",
  .get_type = keel_dispatch_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelDispatch, keel_dispatch, kind)
