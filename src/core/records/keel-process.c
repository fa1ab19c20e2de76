/* keel-process.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-process"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-process.h"

/* Process: a record kind of keel.json ("processes"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "name", KEEL_FIELD_STRING, N_("Name"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "security_step", KEEL_FIELD_STRING, N_("Security step"), NULL, NULL, KEEL_FIELD_REQUIRED },
};

KEEL_DEFINE_RECORD_TYPE (KeelProcess, keel_process, "process", "processes", "PRC", fields)
