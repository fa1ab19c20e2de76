/* keel-processes-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-processes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-processes-page.h"

struct _KeelProcessesPage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelProcessesPage, keel_processes_page, KEEL_TYPE_LIST_PAGE)

enum { COMPLETE = 1, INCOMPLETE = 2 };

static const char * const completeness_choices[] = {
  [COMPLETE - 1] = N_("Complete"),
  [INCOMPLETE - 1] = N_("Incomplete"),
  NULL,
};

/* What the process lacks, or that it is complete */
static char *
completeness_text (KeelListPage *page,
                   KeelRecord   *record)
{
  char *missing = keel_process_describe_missing (KEEL_PROCESS (record));

  return missing ? missing : g_strdup (_(completeness_choices[COMPLETE - 1]));
}

/* Incomplete first */
static double
completeness_number (KeelListPage *page,
                     KeelRecord   *record)
{
  g_autofree char *missing = keel_process_describe_missing (KEEL_PROCESS (record));

  return missing ? 0 : 1;
}

static const char *
completeness_style (KeelListPage *page,
                    KeelRecord   *record)
{
  g_autofree char *missing = keel_process_describe_missing (KEEL_PROCESS (record));

  return missing ? "error" : "dim-label";
}

static gboolean
completeness_filter (KeelListPage *page,
                     KeelRecord   *record,
                     guint         choice)
{
  g_autofree char *missing = keel_process_describe_missing (KEEL_PROCESS (record));

  return (missing == NULL) == (choice == COMPLETE);
}

static void
keel_processes_page_class_init (KeelProcessesPageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  keel_list_page_class_set_kind (page_class, "process");
  keel_list_page_class_add_column (page_class, "name");
  keel_list_page_class_add_column (page_class, "owner");
  keel_list_page_class_add_column (page_class, "security_step");
  keel_list_page_class_add_computed_column (page_class, "completeness", N_("Completeness"),
                                            completeness_text, completeness_number);
  keel_list_page_class_set_column_style (page_class, "completeness", completeness_style);
  keel_list_page_class_add_custom_filter (page_class, N_("Completeness"), completeness_choices, completeness_filter);
  keel_list_page_class_add_filter (page_class, "owner");
  keel_list_page_class_set_empty_state (page_class, "emblem-system-symbolic",
                                        N_("No Processes Yet"),
                                        N_("List the business processes — procurement, hiring, change — and the security step built into each"));
}

static void
keel_processes_page_init (KeelProcessesPage *self)
{
}
