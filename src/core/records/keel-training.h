/* keel-training.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_TRAINING (keel_training_get_type ())

G_DECLARE_FINAL_TYPE (KeelTraining, keel_training, KEEL, TRAINING, KeelRecord)

/* Whether a training record still shows competence (Clause 7.2) on a
 * given day. A record is valid up to and including its "expires on" day;
 * it is expiring from KEEL_TRAINING_EXPIRING_DAYS days before. */
typedef enum
{
  KEEL_TRAINING_VALID,          /* completed; no expiry, or not soon */
  KEEL_TRAINING_EXPIRING,       /* expires within the next 30 days */
  KEEL_TRAINING_EXPIRED,        /* expired before that day */
  KEEL_TRAINING_NOT_COMPLETED,  /* no completion date, or one still to come */
  KEEL_TRAINING_N_STATES
} KeelTrainingState;

#define KEEL_TRAINING_EXPIRING_DAYS 30

/* @today: the day to judge on (NULL: keel_date_today ()) */
KeelTrainingState   keel_training_get_state        (KeelTraining      *self,
                                                    GDateTime         *today);
/* Days from @today to the expiry (negative once expired); FALSE when
 * the record does not expire */
gboolean            keel_training_days_to_expiry   (KeelTraining      *self,
                                                    GDateTime         *today,
                                                    int               *days);
/* The states' labels in state order, marked with N_() and
 * NULL-terminated; translate with _() */
const char * const *keel_training_state_labels     (void);
/* "Expired 12 days ago", "Expires in 5 days", "Valid", "Not completed":
 * the state in words, translated (transfer full) */
char               *keel_training_describe_state   (KeelTraining      *self,
                                                    GDateTime         *today);

G_END_DECLS
