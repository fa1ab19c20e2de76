/* keel-sign-off.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-sign-off"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-sign-off.h"

/* SignOff: a part of a record. Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "by", KEEL_FIELD_REF, N_("Signed by"), "person", NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TOP_MANAGEMENT },
  { "on", KEEL_FIELD_DATE, N_("Signed on"), NULL, NULL, KEEL_FIELD_REQUIRED },
};

static const KeelKind kind = {
  .name = "sign-off",
  .collection = NULL,
  .id_prefix = NULL,
  .id_scheme = KEEL_ID_NONE,
  .label = N_("Sign-off"),
  .plural_label = N_("Sign-offs"),
  .get_type = keel_sign_off_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelSignOff, keel_sign_off, kind)
