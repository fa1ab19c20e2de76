/* keel-training-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-training-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-training-page.h"

struct _KeelTrainingPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelTrainingPage, keel_training_page, KEEL_TYPE_LIST_PAGE)

/* The state as of today (KEEL_TODAY in tests): "Expires in 12 days" */
static char *
validity_text (KeelListPage *page,
               KeelRecord   *record)
{
  return keel_training_describe_state (KEEL_TRAINING (record), NULL);
}

/* Expired first, the longest ago on top; then by days left; records that
 * never expire, then those not completed, last */
static double
validity_number (KeelListPage *page,
                 KeelRecord   *record)
{
  KeelTraining *training = KEEL_TRAINING (record);
  int days;

  if (keel_training_get_state (training, NULL) == KEEL_TRAINING_NOT_COMPLETED)
    return INFINITY;
  if (!keel_training_days_to_expiry (training, NULL, &days))
    return G_MAXINT;

  return days;
}

static const char *
validity_style (KeelListPage *page,
                KeelRecord   *record)
{
  switch (keel_training_get_state (KEEL_TRAINING (record), NULL))
    {
    case KEEL_TRAINING_EXPIRED:
      return "overdue";
    case KEEL_TRAINING_EXPIRING:
      return "warning";
    case KEEL_TRAINING_VALID:
    case KEEL_TRAINING_NOT_COMPLETED:
    case KEEL_TRAINING_N_STATES:
    default:
      return NULL;
    }
}

/* The filter's entries are the states, in their order */
static gboolean
validity_filter (KeelListPage *page,
                 KeelRecord   *record,
                 guint         choice)
{
  return keel_training_get_state (KEEL_TRAINING (record), NULL) == (KeelTrainingState) (choice - 1);
}

/* The titles of the evidence linked, so search finds an attendance list */
static char *
evidence_text (KeelListPage *page,
               KeelRecord   *record)
{
  KeelWorkspace *workspace = keel_list_page_get_workspace (page);
  const char * const *ids = keel_record_get_strv (record, "evidence");
  g_autoptr(GString) text = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      KeelRecord *evidence = workspace ? keel_workspace_lookup (workspace, ids[i]) : NULL;

      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append (text, ", ");
      g_string_append (text, evidence ? keel_record_get_title (evidence) : ids[i]);
    }

  return text ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
keel_training_page_class_init (KeelTrainingPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "training");
  keel_list_page_class_add_column (page_class, "person");
  keel_list_page_class_add_column (page_class, "course");
  keel_list_page_class_add_column (page_class, "completed_on");
  keel_list_page_class_add_column (page_class, "expires_on");
  keel_list_page_class_add_computed_column (page_class, "validity", N_("Validity"), validity_text, validity_number);
  keel_list_page_class_set_column_style (page_class, "validity", validity_style);
  keel_list_page_class_add_computed_column (page_class, "evidence", N_("Evidence"), evidence_text, NULL);
  keel_list_page_class_add_custom_filter (page_class, N_("Validity"), keel_training_state_labels (), validity_filter);
  keel_list_page_class_add_filter (page_class, "person");
  keel_list_page_class_set_empty_state (page_class, "application-certificate-symbolic",
                                        N_("No Training Yet"),
                                        N_("Record who completed which course or holds which competency, and until when it is valid"));
}

static void
keel_training_page_init (KeelTrainingPage *self)
{
}
