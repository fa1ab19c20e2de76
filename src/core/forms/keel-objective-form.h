/* keel-objective-form.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "keel-objective.h"
#include "keel-record.h"

G_BEGIN_DECLS

/* The objective editor's state, without widgets.
 *
 * The editor keeps a KeelObjectiveForm: every field as the user typed it
 * (numbers and dates stay text until they are valid). Everything the editor
 * shows about that state — which rows are in error, whether Save is
 * enabled, the SMART check — is derived from it by the pure functions
 * below, so all of it is tested without a display.
 */

typedef enum
{
  KEEL_OBJECTIVE_FORM_TITLE,
  KEEL_OBJECTIVE_FORM_DESCRIPTION,
  KEEL_OBJECTIVE_FORM_OWNER,          /* a person id, "PER-3" */
  KEEL_OBJECTIVE_FORM_STRATEGY_LINK,
  KEEL_OBJECTIVE_FORM_DEPARTMENT,
  KEEL_OBJECTIVE_FORM_MEASURE,
  KEEL_OBJECTIVE_FORM_UNIT,
  KEEL_OBJECTIVE_FORM_DIRECTION,      /* "higher" or "lower" */
  KEEL_OBJECTIVE_FORM_BASELINE,       /* a number, as typed; optional */
  KEEL_OBJECTIVE_FORM_TARGET,         /* a number, as typed */
  KEEL_OBJECTIVE_FORM_CADENCE,        /* weekly · monthly · quarterly · yearly */
  KEEL_OBJECTIVE_FORM_START,          /* YYYY-MM-DD, as typed; optional */
  KEEL_OBJECTIVE_FORM_DUE,            /* YYYY-MM-DD, as typed */
  KEEL_OBJECTIVE_FORM_STATUS,         /* not-started · on-track · … */
  KEEL_OBJECTIVE_FORM_N_FIELDS
} KeelObjectiveFormField;

typedef struct
{
  /* Indexed by KeelObjectiveFormField; NULL or "" when empty */
  char *values[KEEL_OBJECTIVE_FORM_N_FIELDS];
} KeelObjectiveForm;

typedef struct
{
  /* Per field: NULL when the value is acceptable, else a short message in
   * plain words, translated, to show on the row */
  char     *errors[KEEL_OBJECTIVE_FORM_N_FIELDS];
  guint     n_errors;
  gboolean  can_save;
} KeelObjectiveFormValidation;

KeelObjectiveForm           *keel_objective_form_new             (void);
KeelObjectiveForm           *keel_objective_form_new_from_record (KeelRecord                        *objective);
void                         keel_objective_form_free            (KeelObjectiveForm                 *form);
const char                  *keel_objective_form_field_key       (KeelObjectiveFormField             field);
const char                  *keel_objective_form_get             (const KeelObjectiveForm           *form,
                                                                  KeelObjectiveFormField             field);
/* Returns TRUE if the value changed */
gboolean                     keel_objective_form_set             (KeelObjectiveForm                 *form,
                                                                  KeelObjectiveFormField             field,
                                                                  const char                        *text);
/* Writes every field into @objective (readings and evidence untouched).
 * Returns FALSE, changing nothing, when the form does not validate. */
gboolean                     keel_objective_form_apply           (const KeelObjectiveForm           *form,
                                                                  KeelRecord                        *objective);

/* Rules (messages in plain words):
 * - title, owner, measure, target and due date are required;
 * - baseline and target are numbers ("5", "4.2", "4,2", "-1e3");
 * - start and due are real dates written YYYY-MM-DD;
 * - the due date comes after the start date;
 * - direction, cadence and status are one of their allowed values.
 * can_save is TRUE exactly when there is no error. */
KeelObjectiveFormValidation *keel_objective_form_validate        (const KeelObjectiveForm           *form);
void                         keel_objective_form_validation_free (KeelObjectiveFormValidation       *validation);

/* The SMART check (keel_objective_smart_check()) of what the form holds;
 * @today: NULL for keel_date_today () */
KeelSmartCheck *keel_objective_form_smart_check     (const KeelObjectiveForm *form,
                                                     GDateTime               *today);

/* A reading (date, value, note) as typed into the readings editor.
 * Returns TRUE when both are valid; otherwise sets the messages. */
gboolean        keel_reading_form_validate          (const char              *date_text,
                                                     const char              *value_text,
                                                     char                   **date_error,
                                                     char                   **value_error);

/* Plot layout, for the trend plot; pure arithmetic. */
typedef struct
{
  double min;     /* first tick */
  double max;     /* last tick */
  double step;    /* between ticks */
  guint  n_ticks; /* (max - min) / step + 1 */
} KeelTrendScale;

/* A "nice" axis (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering [@lo, @hi] with
 * at most @max_ticks ticks. An empty range is widened around its value. */
void            keel_trend_nice_scale               (double                   lo,
                                                     double                   hi,
                                                     guint                    max_ticks,
                                                     KeelTrendScale          *scale);
/* Maps @value from [@d0, @d1] onto [@r0, @r1]; the middle of the range when
 * the domain is empty */
double          keel_trend_map                      (double                   value,
                                                     double                   d0,
                                                     double                   d1,
                                                     double                   r0,
                                                     double                   r1);
/* Month ticks for a date axis from @first to @last: first days of months
 * inside [@first, @last], every 1, 2, 3, 6 or 12 months (multiples of 12
 * beyond) so there are at most @max_ticks; (transfer full) GDateTimes.
 * When the range holds no first day of a month, @first itself. */
GPtrArray      *keel_trend_month_ticks              (GDateTime               *first,
                                                     GDateTime               *last,
                                                     guint                    max_ticks,
                                                     guint                   *step_months);
/* The value range the plot must show: readings, target and baseline (NaN
 * ones skipped). FALSE when there is nothing at all. */
gboolean        keel_trend_value_range              (KeelRecord              *objective,
                                                     double                  *lo,
                                                     double                  *hi);
/* What the plot shows, in one sentence for screen readers:
 * "6 readings from 2026-01-31 to 2026-06-30; latest 4.2 %, target 5 %" */
char           *keel_trend_describe                 (KeelRecord              *objective);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelObjectiveForm, keel_objective_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelObjectiveFormValidation, keel_objective_form_validation_free)

G_END_DECLS
