/* keel-training.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-date.h"
#include "keel-training.h"

/* Training: a record kind of keel.json ("training"). Its fields are its GObject properties and its
 * JSON members, in this order. */
static const KeelField fields[] = {
  { "person", KEEL_FIELD_REF, N_("Person"), "person", NULL, KEEL_FIELD_REQUIRED },
  { "course", KEEL_FIELD_STRING, N_("Course or competency"), NULL, NULL, KEEL_FIELD_REQUIRED | KEEL_FIELD_TITLE },
  { "completed_on", KEEL_FIELD_DATE, N_("Completed on"), NULL, NULL, 0 },
  { "expires_on", KEEL_FIELD_DATE, N_("Expires on"), NULL, NULL, 0 },
  { "evidence", KEEL_FIELD_REF_LIST, N_("Evidence"), "evidence", NULL, 0 },
};

static const KeelKind kind = {
  .name = "training",
  .collection = "training",
  .id_prefix = "TRN",
  .id_scheme = KEEL_ID_SEQUENTIAL,
  .label = N_("Training"),
  .plural_label = N_("Training"),
  .sort_key = "expires_on",
  .get_type = keel_training_get_type,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

KEEL_DEFINE_RECORD_TYPE (KeelTraining, keel_training, kind)

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */
/* ------------------------------------------------------------------------ */

static const char * const state_labels[] = {
  [KEEL_TRAINING_VALID] = N_("Valid"),
  [KEEL_TRAINING_EXPIRING] = N_("Expiring soon"),
  [KEEL_TRAINING_EXPIRED] = N_("Expired"),
  [KEEL_TRAINING_NOT_COMPLETED] = N_("Not completed"),
  [KEEL_TRAINING_N_STATES] = NULL,
};

static GDateTime *
ref_today (GDateTime *today)
{
  return today != NULL ? g_date_time_ref (today) : keel_date_today ();
}

gboolean
keel_training_days_to_expiry (KeelTraining *self,
                              GDateTime    *today,
                              int          *days)
{
  GDateTime *expires;
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (KEEL_IS_TRAINING (self), FALSE);

  expires = keel_record_get_date (KEEL_RECORD (self), "expires_on");
  if (expires == NULL)
    return FALSE;

  day = ref_today (today);
  if (days != NULL)
    *days = keel_date_days_between (day, expires);

  return TRUE;
}

KeelTrainingState
keel_training_get_state (KeelTraining *self,
                         GDateTime    *today)
{
  GDateTime *completed;
  g_autoptr(GDateTime) day = NULL;
  int days;

  g_return_val_if_fail (KEEL_IS_TRAINING (self), KEEL_TRAINING_NOT_COMPLETED);

  day = ref_today (today);
  completed = keel_record_get_date (KEEL_RECORD (self), "completed_on");
  if (completed == NULL || keel_date_compare (completed, day) > 0)
    return KEEL_TRAINING_NOT_COMPLETED;

  if (!keel_training_days_to_expiry (self, day, &days))
    return KEEL_TRAINING_VALID;

  if (days < 0)
    return KEEL_TRAINING_EXPIRED;

  return days <= KEEL_TRAINING_EXPIRING_DAYS ? KEEL_TRAINING_EXPIRING : KEEL_TRAINING_VALID;
}

const char * const *
keel_training_state_labels (void)
{
  return state_labels;
}

char *
keel_training_describe_state (KeelTraining *self,
                              GDateTime    *today)
{
  g_autoptr(GDateTime) day = NULL;
  int days = 0;

  g_return_val_if_fail (KEEL_IS_TRAINING (self), NULL);

  day = ref_today (today);
  keel_training_days_to_expiry (self, day, &days);

  switch (keel_training_get_state (self, day))
    {
    case KEEL_TRAINING_EXPIRED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expired %d day ago", "Expired %d days ago", -days), -days);

    case KEEL_TRAINING_EXPIRING:
      if (days == 0)
        return g_strdup (_("Expires today"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires in %d day", "Expires in %d days", days), days);

    case KEEL_TRAINING_VALID:
    case KEEL_TRAINING_NOT_COMPLETED:
      return g_strdup (_(state_labels[keel_training_get_state (self, day)]));

    case KEEL_TRAINING_N_STATES:
    default:
      g_assert_not_reached ();
    }
}
