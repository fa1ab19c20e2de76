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
  { "name", KEEL_FIELD_STRING, N_("Name"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "owner", KEEL_FIELD_REF, N_("Owner"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "security_step", KEEL_FIELD_STRING, N_("Security step"), NULL, NULL, KEEL_FIELD_REQUIRED },
};

static const KeelKind kind = {
  .name = "process",
  .collection = "processes",
  .id_prefix = "PRC",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Process"),
  .plural_label = N_("Processes"),
  .sort_key = "name",
  .get_type = keel_process_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelProcess, keel_process, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

char *
keel_process_describe_missing (KeelProcess *self)
{
  gboolean no_owner, no_step;

  g_return_val_if_fail (KEEL_IS_PROCESS (self), NULL);

  no_owner = is_blank (keel_record_get_string (KEEL_RECORD (self), "owner"));
  no_step = is_blank (keel_record_get_string (KEEL_RECORD (self), "security_step"));

  if (no_owner && no_step)
    return g_strdup (_("No owner and no security step"));
  if (no_owner)
    return g_strdup (_("No owner"));
  if (no_step)
    return g_strdup (_("No security step"));

  return NULL;
}
