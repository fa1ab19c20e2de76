/* keel-date.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *keel_date_parse          (const char  *text);
GDateTime *keel_date_time_parse     (const char  *text);
char      *keel_date_format         (GDateTime   *date);
char      *keel_date_time_format    (GDateTime   *date_time);
GDateTime *keel_date_new            (int          year,
                                     int          month,
                                     int          day);
GDateTime *keel_date_today          (void);
void       keel_date_set_today      (GDateTime   *today);
GDateTime *keel_date_add_months     (GDateTime   *date,
                                     int          months);
GDateTime *keel_date_add_days       (GDateTime   *date,
                                     int          days);
int        keel_date_compare        (GDateTime   *a,
                                     GDateTime   *b);
int        keel_date_days_between   (GDateTime   *from,
                                     GDateTime   *to);

G_END_DECLS
