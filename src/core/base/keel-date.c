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

/* Reads @n digits at @text as a number, or -1 */
static int
read_digits (const char *text,
             guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

/* Only "YYYY-MM-DDTHH:MM:SS" followed by Z or an offset ±HH:MM is read,
 * and the offset becomes a fixed-offset time zone: never a zone looked up
 * by name, so nothing a file says makes GLib open the time zone database. */
GDateTime *
keel_date_time_parse (const char *text)
{
  g_autoptr(GTimeZone) zone = NULL;
  int year, month, day, hour, minute, second;
  gsize n;

  if (text == NULL)
    return NULL;

  n = strlen (text);
  if (n != 20 && n != 25)
    return NULL;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return NULL;

  year = read_digits (text, 4);
  month = read_digits (text + 5, 2);
  day = read_digits (text + 8, 2);
  hour = read_digits (text + 11, 2);
  minute = read_digits (text + 14, 2);
  second = read_digits (text + 17, 2);
  if (year < 1 || month < 1 || day < 1 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59)
    return NULL;

  if (n == 20)
    {
      if (text[19] != 'Z')
        return NULL;
      zone = g_time_zone_new_utc ();
    }
  else
    {
      int offset_hours = read_digits (text + 20, 2);
      int offset_minutes = read_digits (text + 23, 2);
      int sign = text[19] == '+' ? 1 : text[19] == '-' ? -1 : 0;

      if (sign == 0 || text[22] != ':' || offset_hours < 0 || offset_hours > 23 ||
          offset_minutes < 0 || offset_minutes > 59)
        return NULL;
      zone = g_time_zone_new_offset (sign * (offset_hours * 3600 + offset_minutes * 60));
    }

  /* NULL for a day the month does not have */
  return g_date_time_new (zone, year, month, day, hour, minute, second);
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
