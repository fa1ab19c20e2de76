/* keel-date.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-date"

#include "config.h"

#include <string.h>

#include "keel-date.h"

/* Dates in Keel are calendar days. They are held as GDateTime at midnight
 * UTC so that comparing and adding never depends on the local zone. */

static GDateTime *today_override;

GDateTime *
keel_date_new (int year,
               int month,
               int day)
{
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/**
 * keel_date_parse:
 * @text: a date like "2026-03-31"
 *
 * Returns: (transfer full) (nullable): the day, or %NULL when @text is not
 *   exactly YYYY-MM-DD or names a day that does not exist (2026-02-30).
 */
GDateTime *
keel_date_parse (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);

  return keel_date_new (y, m, d);
}

GDateTime *
keel_date_time_parse (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || strlen (text) < 16 || text[10] != 'T')
    return NULL;

  /* A date-time must carry its offset: "2026-03-31T10:00:00+02:00" */
  if (!(g_str_has_suffix (text, "Z") || strchr (text + 10, '+') || strchr (text + 10, '-')))
    return NULL;

  utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (text, utc);
}

char *
keel_date_format (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* %Y does not pad years before 1000, which keel_date_parse() refuses */
  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (date),
                          g_date_time_get_month (date), g_date_time_get_day_of_month (date));
}

char *
keel_date_time_format (GDateTime *date_time)
{
  g_autofree char *rest = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  rest = g_date_time_format (date_time, "-%m-%dT%H:%M:%S%:z");

  return g_strdup_printf ("%04d%s", g_date_time_get_year (date_time), rest);
}

/**
 * keel_date_set_today:
 * @today: (nullable): the day to treat as today, or %NULL for the clock
 *
 * Pins "today" for everything that is evaluated as of a date: the
 * `--today` option and `KEEL_TODAY` use it, and so do tests.
 */
void
keel_date_set_today (GDateTime *today)
{
  g_clear_pointer (&today_override, g_date_time_unref);

  if (today != NULL)
    today_override = g_date_time_ref (today);
}

GDateTime *
keel_date_today (void)
{
  g_autoptr(GDateTime) now = NULL;

  if (today_override != NULL)
    return g_date_time_ref (today_override);

  now = g_date_time_new_now_local ();

  return keel_date_new (g_date_time_get_year (now),
                        g_date_time_get_month (now),
                        g_date_time_get_day_of_month (now));
}

GDateTime *
keel_date_add_months (GDateTime *date,
                      int        months)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_add_months (date, months);
}

GDateTime *
keel_date_add_days (GDateTime *date,
                    int        days)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_date_time_add_days (date, days);
}

int
keel_date_compare (GDateTime *a,
                   GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  return g_date_time_compare (a, b);
}

int
keel_date_days_between (GDateTime *from,
                        GDateTime *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  return (int) (g_date_time_difference (to, from) / G_TIME_SPAN_DAY);
}
