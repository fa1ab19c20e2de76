/* keel-risks-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-risks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-records.h"
#include "keel-risk-editor.h"

#include "keel-risks-page.h"

struct _KeelRisksPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelRisksPage, keel_risks_page, KEEL_TYPE_LIST_PAGE)

/* The level filter's entries after "All", highest first */
static const char * const level_choices[] = {
  N_("High"), N_("Medium"), N_("Low"), N_("Not rated"), NULL,
};

/* "15 · High" */
static char *
score_text (KeelListPage *page,
            KeelRecord   *record)
{
  char *score = keel_risk_format_score (KEEL_RISK (record));

  return score != NULL ? score : g_strdup (_("Not rated"));
}

static double
score_number (KeelListPage *page,
              KeelRecord   *record)
{
  return keel_risk_get_score (KEEL_RISK (record));
}

static const char *
score_style (KeelListPage *page,
             KeelRecord   *record)
{
  switch (keel_risk_get_level (KEEL_RISK (record)))
    {
    case KEEL_RISK_LEVEL_HIGH:
      return "error";
    case KEEL_RISK_LEVEL_MEDIUM:
      return "warning";
    case KEEL_RISK_LEVEL_NONE:
      return "dim-label";
    case KEEL_RISK_LEVEL_LOW:
    default:
      return NULL;
    }
}

static gboolean
level_filter (KeelListPage *page,
              KeelRecord   *record,
              guint         choice)
{
  static const KeelRiskLevel levels[] = {
    KEEL_RISK_LEVEL_HIGH, KEEL_RISK_LEVEL_MEDIUM, KEEL_RISK_LEVEL_LOW, KEEL_RISK_LEVEL_NONE,
  };

  g_assert (choice >= 1 && choice <= G_N_ELEMENTS (levels));

  return keel_risk_get_level (KEEL_RISK (record)) == levels[choice - 1];
}

static void
keel_risks_page_class_init (KeelRisksPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  page_class->editor_type = KEEL_TYPE_RISK_EDITOR;
  keel_list_page_class_set_kind (page_class, "risk");
  keel_list_page_class_add_column (page_class, "title");
  keel_list_page_class_add_column (page_class, "owner");
  keel_list_page_class_add_computed_column (page_class, "score", N_("Score"), score_text, score_number);
  keel_list_page_class_set_column_style (page_class, "score", score_style);
  keel_list_page_class_add_column (page_class, "treatment");
  keel_list_page_class_add_column (page_class, "status");
  keel_list_page_class_add_filter (page_class, "treatment");
  keel_list_page_class_add_filter (page_class, "status");
  keel_list_page_class_add_custom_filter (page_class, N_("Level"), level_choices, level_filter);
  keel_list_page_class_set_empty_state (page_class, "dialog-warning-symbolic",
                                        N_("No Risks Yet"),
                                        N_("Rate each risk by likelihood and impact, choose how to treat it, and record who decided what, when and why"));
}

static void
keel_risks_page_init (KeelRisksPage *self)
{
}
