/* keel-communication.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-communication"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-delivery.h"
#include "keel-recurrence.h"
#include "keel-communication.h"

/* Communication: a record kind of keel.json ("communications"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelChoice channel_choices[] = {
  { "email", N_("Email") },
  { "intranet", N_("Intranet") },
  { "meeting", N_("Meeting") },
  { "all-hands", N_("All-hands") },
  { "training", N_("Training") },
  { "chat", N_("Chat") },
  { "letter", N_("Letter") },
  { "other", N_("Other") },
  KEEL_CHOICES_END,
};

static const KeelField fields[] = {
  { "topic", KEEL_FIELD_STRING, N_("Topic"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "message", KEEL_FIELD_STRING, N_("Message"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "communicator", KEEL_FIELD_REF, N_("Communicator"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "audience", KEEL_FIELD_STRING, N_("Audience"), NULL, NULL, KEEL_FIELD_REQUIRED },
  { "channel", KEEL_FIELD_ENUM, N_("Channel"), NULL, NULL, KEEL_FIELD_REQUIRED, channel_choices, NULL },
  { "recurrence", KEEL_FIELD_CHILD, N_("When"), NULL, keel_recurrence_get_type, 0 },
  { "deliveries", KEEL_FIELD_CHILDREN, N_("Deliveries"), NULL, keel_delivery_get_type, 0 },
};

static const KeelKind kind = {
  .name = "communication",
  .collection = "communications",
  .id_prefix = "COM",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Communication"),
  .plural_label = N_("Communications"),
  .get_type = keel_communication_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelCommunication, keel_communication, kind)
