/* keel-interested-party.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-interested-party"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-feedback.h"
#include "keel-interested-party.h"

/* InterestedParty: a record kind of keel.json ("interested_parties"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "name", KEEL_FIELD_STRING, N_("Name"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "needs", KEEL_FIELD_STRING, N_("Needs and expectations"), NULL, NULL, KEEL_FIELD_MULTILINE },
  { "feedback", KEEL_FIELD_CHILDREN, N_("Feedback"), NULL, keel_feedback_get_type, 0 },
};

static const KeelKind kind = {
  .name = "interested-party",
  .collection = "interested_parties",
  .id_prefix = "IP",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Interested party"),
  .plural_label = N_("Interested parties"),
  .get_type = keel_interested_party_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelInterestedParty, keel_interested_party, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

KeelRecord *
keel_interested_party_get_latest_feedback (KeelInterestedParty *self)
{
  GListModel *feedback;
  KeelRecord *latest = NULL;
  GDateTime *latest_on = NULL;
  guint n;

  g_return_val_if_fail (KEEL_IS_INTERESTED_PARTY (self), NULL);

  feedback = G_LIST_MODEL (keel_record_get_children (KEEL_RECORD (self), "feedback"));
  n = g_list_model_get_n_items (feedback);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) item = g_list_model_get_item (feedback, i);
      GDateTime *on = keel_record_get_date (item, "on");

      if (on != NULL && (latest_on == NULL || keel_date_compare (on, latest_on) >= 0))
        {
          latest = item;
          latest_on = on;
        }
    }

  return latest;
}

GDateTime *
keel_interested_party_get_latest_feedback_date (KeelInterestedParty *self)
{
  KeelRecord *latest;

  g_return_val_if_fail (KEEL_IS_INTERESTED_PARTY (self), NULL);

  latest = keel_interested_party_get_latest_feedback (self);

  return latest != NULL ? keel_record_get_date (latest, "on") : NULL;
}
