/* test-record.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-record"

#include "config.h"

#include <math.h>
#include <string.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-json.h"
#include "keel-record-json.h"
#include "keel-test-util.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  guint notify;
  guint changed;
} Counters;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Counters   *counters)
{
  counters->notify++;
}

static void
changed_cb (KeelRecord *record,
            Counters   *counters)
{
  counters->changed++;
}

static void
count_signals (KeelRecord *record,
               const char *property,
               Counters   *counters)
{
  g_autofree char *detailed = g_strdup_printf ("notify::%s", property);

  g_signal_connect (record, detailed, G_CALLBACK (notify_cb), counters);
  g_signal_connect (record, "changed", G_CALLBACK (changed_cb), counters);
}

static char *
record_text (KeelRecord *record)
{
  return keel_record_json_to_text (record);
}

static KeelRecord *
record_from_text (GType        type,
                  const char  *text,
                  GError     **error)
{
  return keel_record_json_parse (type, "OBJ-1", text, strlen (text), error);
}

static GType
field_value_type (const KeelField *field)
{
  switch (field->type)
    {
    case KEEL_FIELD_STRING:
    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
      return G_TYPE_STRING;
    case KEEL_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case KEEL_FIELD_INT:
      return G_TYPE_INT64;
    case KEEL_FIELD_DOUBLE:
      return G_TYPE_DOUBLE;
    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
      return G_TYPE_DATE_TIME;
    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_STRV:
      return G_TYPE_STRV;
    case KEEL_FIELD_CHILD:
      return field->child_type ();
    case KEEL_FIELD_CHILDREN:
      return G_TYPE_LIST_STORE;
    default:
      g_assert_not_reached ();
    }
}

/* Checks that every field of @type (and of its parts) is a GObject
 * property of the right type; returns how many fields were seen. */
static guint
check_properties (GType type)
{
  g_autoptr(GTypeClass) tclass = g_type_class_ref (type);
  KeelRecordClass *klass = KEEL_RECORD_CLASS (tclass);
  GObjectClass *oclass = G_OBJECT_CLASS (tclass);
  g_autofree GParamSpec **all = NULL;
  guint n_all = 0;
  guint seen = 0;

  g_assert_nonnull (klass->kind);
  g_assert_cmpuint (klass->n_fields, >, 0);
  g_assert_nonnull (g_object_class_find_property (oclass, "id"));

  all = g_object_class_list_properties (oclass, &n_all);
  g_assert_cmpuint (n_all, ==, klass->n_fields + 1);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const KeelField *field = &klass->fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (field->key), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (oclass, name);

      if (pspec == NULL)
        g_error ("%s has no property %s", klass->kind, name);

      g_assert_true (g_type_is_a (pspec->value_type, field_value_type (field)));
      g_assert_true (pspec->flags & G_PARAM_READABLE);
      if (field->type != KEEL_FIELD_CHILDREN)
        g_assert_true (pspec->flags & G_PARAM_WRITABLE);
      g_assert_nonnull (field->label);
      g_assert_true (keel_record_class_find_field (klass, field->key) == field);

      if (field->type == KEEL_FIELD_ENUM)
        {
          g_assert_cmpuint (keel_field_get_n_choices (field), >, 0);
          for (guint c = 0; c < keel_field_get_n_choices (field); c++)
            g_assert_nonnull (field->choices[c].label);
          if (field->default_value != NULL)
            g_assert_true (keel_field_allows (field, field->default_value));
        }
      if (field->type == KEEL_FIELD_CHILD || field->type == KEEL_FIELD_CHILDREN)
        {
          g_assert_nonnull (field->child_type);
          seen += check_properties (field->child_type ());
        }

      seen++;
    }

  return seen;
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_properties (void)
{
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);
  g_autoptr(GHashTable) prefixes = g_hash_table_new (g_str_hash, g_str_equal);
  guint seen = 0;

  g_assert_cmpuint (n_kinds, ==, 17);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GTypeClass) tclass = g_type_class_ref (kinds[k]);
      KeelRecordClass *klass = KEEL_RECORD_CLASS (tclass);

      g_assert_true (g_type_is_a (kinds[k], KEEL_TYPE_RECORD));
      g_assert_nonnull (klass->collection);
      g_assert_nonnull (klass->id_prefix);
      g_assert_true (g_hash_table_add (prefixes, (gpointer) klass->id_prefix));
      g_assert_true (keel_workspace_kind_from_name (klass->kind) == kinds[k]);
      g_assert_true (keel_workspace_kind_from_name (klass->collection) == kinds[k]);

      seen += check_properties (kinds[k]);
    }

  seen += check_properties (KEEL_TYPE_ORGANISATION);
  g_assert_true (keel_workspace_kind_from_name ("no-such-kind") == G_TYPE_INVALID);

  /* Seventeen kinds, the organisation and the parts have well over a
   * hundred fields between them */
  g_assert_cmpuint (seen, >, 150);
}

static void
test_notify_on_change (void)
{
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(GDateTime) morning = NULL;
  g_autoptr(GDateTime) evening = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (-5 * 3600);
  g_autoptr(GDateTime) got = NULL;
  Counters title = { 0 }, target = { 0 }, due = { 0 }, evidence = { 0 }, id = { 0 };
  const char *ids[] = { "EVD-1", NULL };
  const char *empty[] = { NULL };

  count_signals (objective, "title", &title);

  keel_record_set_string (objective, "title", "Phishing click rate");
  g_assert_cmpuint (title.notify, ==, 1);
  g_assert_cmpuint (title.changed, ==, 1);

  /* The same value again: nothing */
  keel_record_set_string (objective, "title", "Phishing click rate");
  g_object_set (objective, "title", "Phishing click rate", NULL);
  g_assert_cmpuint (title.notify, ==, 1);
  g_assert_cmpuint (title.changed, ==, 1);

  /* Through the GObject property */
  g_object_set (objective, "title", "Phishing clicks", NULL);
  g_assert_cmpuint (title.notify, ==, 2);
  g_assert_cmpstr (keel_record_get_string (objective, "title"), ==, "Phishing clicks");

  /* Other fields do not notify "title" but do emit "changed" */
  keel_record_set_string (objective, "measure", "clicks per campaign");
  g_assert_cmpuint (title.notify, ==, 2);
  g_assert_cmpuint (title.changed, ==, 3);

  /* Doubles: NaN is unset, so NaN over unset is no change */
  count_signals (objective, "target", &target);
  keel_record_set_double (objective, "target", NAN);
  g_assert_cmpuint (target.notify, ==, 0);
  keel_record_set_double (objective, "target", 2.5);
  keel_record_set_double (objective, "target", 2.5);
  g_assert_cmpuint (target.notify, ==, 1);
  keel_record_set_double (objective, "target", NAN);
  g_assert_cmpuint (target.notify, ==, 2);
  keel_record_set_double (objective, "target", NAN);
  g_assert_cmpuint (target.notify, ==, 2);

  /* Dates: another time on the same day is no change */
  count_signals (objective, "due", &due);
  morning = g_date_time_new (tz, 2026, 6, 30, 8, 0, 0);
  evening = g_date_time_new (tz, 2026, 6, 30, 22, 45, 10);
  keel_record_set_date (objective, "due", morning);
  g_assert_cmpuint (due.notify, ==, 1);
  keel_record_set_date (objective, "due", evening);
  g_assert_cmpuint (due.notify, ==, 1);
  g_object_get (objective, "due", &got, NULL);
  g_assert_cmpint (g_date_time_get_day_of_month (got), ==, 30);
  keel_record_set_date (objective, "due", NULL);
  g_assert_cmpuint (due.notify, ==, 2);
  g_assert_false (keel_record_is_set (objective, "due"));

  /* Lists: an empty list over an unset one is no change */
  count_signals (objective, "evidence", &evidence);
  keel_record_set_strv (objective, "evidence", empty);
  g_assert_cmpuint (evidence.notify, ==, 0);
  keel_record_set_strv (objective, "evidence", ids);
  keel_record_set_strv (objective, "evidence", ids);
  g_assert_cmpuint (evidence.notify, ==, 1);
  keel_record_set_strv (objective, "evidence", empty);
  g_assert_cmpuint (evidence.notify, ==, 2);
  g_assert_false (keel_record_is_set (objective, "evidence"));
  g_assert_null (keel_record_get_strv (objective, "evidence"));

  /* Enums refuse values outside their list, loudly and without a change */
  keel_record_set_string (objective, "status", "on-track");
  keel_test_expect_log ("keel-record", G_LOG_LEVEL_CRITICAL, "*not an allowed value*");
  keel_record_set_string (objective, "status", "green");
  keel_test_assert_expected_logs ();
  g_assert_cmpstr (keel_record_get_string (objective, "status"), ==, "on-track");

  /* The id */
  count_signals (objective, "id", &id);
  keel_record_set_id (objective, "OBJ-4");
  keel_record_set_id (objective, "OBJ-4");
  g_assert_cmpuint (id.notify, ==, 1);
  g_assert_cmpuint (id.changed, ==, 1);

  /* Booleans and whole numbers: FALSE and 0 are unset */
  {
    g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
    g_autoptr(KeelRecord) review = g_object_new (KEEL_TYPE_REVIEW, NULL);
    Counters top = { 0 }, duration = { 0 };

    count_signals (person, "top-management", &top);
    keel_record_set_boolean (person, "top_management", FALSE);
    g_assert_cmpuint (top.notify, ==, 0);
    keel_record_set_boolean (person, "top_management", TRUE);
    keel_record_set_boolean (person, "top_management", TRUE);
    g_assert_cmpuint (top.notify, ==, 1);
    g_assert_cmpuint (top.changed, ==, 1);

    count_signals (review, "duration", &duration);
    keel_record_set_int (review, "duration", 0);
    g_assert_cmpuint (duration.notify, ==, 0);
    keel_record_set_int (review, "duration", 90);
    keel_record_set_int (review, "duration", 90);
    g_assert_cmpuint (duration.notify, ==, 1);
  }
}

static void
test_changed_by_parts (void)
{
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(KeelRecord) reading = g_object_new (KEEL_TYPE_READING, NULL);
  g_autoptr(KeelRecord) communication = g_object_new (KEEL_TYPE_COMMUNICATION, NULL);
  g_autoptr(KeelRecord) first = g_object_new (KEEL_TYPE_RECURRENCE, NULL);
  g_autoptr(KeelRecord) second = g_object_new (KEEL_TYPE_RECURRENCE, NULL);
  g_autoptr(KeelRecord) policy = g_object_new (KEEL_TYPE_POLICY, NULL);
  g_autoptr(KeelRecord) version = g_object_new (KEEL_TYPE_POLICY_VERSION, NULL);
  g_autoptr(KeelRecord) approval = g_object_new (KEEL_TYPE_SIGN_OFF, NULL);
  GListStore *readings = keel_record_get_children (objective, "readings");
  Counters objective_counts = { 0 }, communication_counts = { 0 }, policy_counts = { 0 };

  count_signals (objective, "readings", &objective_counts);

  /* A reading added to the objective changes the objective */
  g_list_store_append (readings, reading);
  g_assert_cmpuint (objective_counts.changed, ==, 1);
  g_assert_true (keel_record_is_set (objective, "readings"));

  /* and so does an edit of the reading once it is there */
  keel_record_set_double (reading, "value", 4.5);
  g_assert_cmpuint (objective_counts.changed, ==, 2);
  keel_record_set_string (reading, "note", "after the March campaign");
  g_assert_cmpuint (objective_counts.changed, ==, 3);

  /* Reading it back from JSON watches the new parts too */
  {
    g_autoptr(KeelRecord) copy = keel_record_copy (objective);
    g_autoptr(KeelRecord) copied_reading = g_list_model_get_item (
      G_LIST_MODEL (keel_record_get_children (copy, "readings")), 0);
    Counters copy_counts = { 0 };

    count_signals (copy, "readings", &copy_counts);
    keel_record_set_double (copied_reading, "value", 5.5);
    g_assert_cmpuint (copy_counts.changed, ==, 1);
    g_assert_cmpuint (objective_counts.changed, ==, 3);
  }

  /* Removing a reading changes the objective */
  g_list_store_remove (readings, 0);
  g_assert_cmpuint (objective_counts.changed, ==, 4);
  g_assert_false (keel_record_is_set (objective, "readings"));

  /* A single part: the recurrence of a communication */
  count_signals (communication, "recurrence", &communication_counts);
  keel_record_set_child (communication, "recurrence", first);
  g_assert_cmpuint (communication_counts.notify, ==, 1);
  g_assert_cmpuint (communication_counts.changed, ==, 1);
  keel_record_set_child (communication, "recurrence", first);
  g_assert_cmpuint (communication_counts.notify, ==, 1);
  keel_record_set_string (first, "frequency", "monthly");
  g_assert_cmpuint (communication_counts.changed, ==, 2);

  /* A replaced part no longer speaks for the record */
  keel_record_set_child (communication, "recurrence", second);
  g_assert_cmpuint (communication_counts.changed, ==, 3);
  keel_record_set_string (first, "frequency", "weekly");
  g_assert_cmpuint (communication_counts.changed, ==, 3);
  keel_record_set_int (second, "interval", 2);
  g_assert_cmpuint (communication_counts.changed, ==, 4);

  /* Parts of parts: the approval of a policy version */
  count_signals (policy, "versions", &policy_counts);
  keel_record_set_child (version, "approval", approval);
  g_list_store_append (keel_record_get_children (policy, "versions"), version);
  g_assert_cmpuint (policy_counts.changed, ==, 1);
  keel_record_set_string (approval, "by", "PER-1");
  g_assert_cmpuint (policy_counts.changed, ==, 2);
}

static void
test_empty_is_unset (void)
{
  g_autoptr(KeelRecord) person = g_object_new (KEEL_TYPE_PERSON, NULL);
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  Counters email = { 0 };

  count_signals (person, "email", &email);

  keel_record_set_string (person, "email", "");
  g_assert_cmpuint (email.notify, ==, 0);
  g_assert_false (keel_record_is_set (person, "email"));

  keel_record_set_string (person, "email", "a@example.org");
  g_assert_true (keel_record_is_set (person, "email"));
  g_assert_cmpuint (email.notify, ==, 1);

  keel_record_set_string (person, "email", "");
  g_assert_cmpuint (email.notify, ==, 2);
  g_assert_null (keel_record_get_string (person, "email"));
  g_assert_false (keel_record_is_set (person, "email"));
  g_assert_null (keel_record_format_field (person, "email"));

  g_object_set (person, "email", "", NULL);
  g_assert_cmpuint (email.notify, ==, 2);
  g_object_get (person, "email", &value, NULL);
  g_assert_null (value);

  /* Unset fields are not written */
  keel_record_set_string (person, "name", "Ada");
  text = record_text (person);
  g_assert_cmpstr (text, ==, "{\n  \"name\": \"Ada\"\n}\n");
}

static void
test_double_unset (void)
{
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(KeelRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *formatted = NULL;
  double value = 0;

  /* Unset from the start */
  g_assert_true (isnan (keel_record_get_double (objective, "baseline")));
  g_assert_false (keel_record_is_set (objective, "baseline"));
  g_object_get (objective, "baseline", &value, NULL);
  g_assert_true (isnan (value));

  keel_record_set_double (objective, "baseline", 0.0);
  g_assert_true (keel_record_is_set (objective, "baseline"));
  keel_record_set_double (objective, "target", 0.1);
  formatted = keel_record_format_field (objective, "target");
  g_assert_cmpstr (formatted, ==, "0.1");

  text = record_text (objective);
  g_assert_cmpstr (text, ==, "{\n  \"baseline\": 0,\n  \"target\": 0.1\n}\n");
  g_clear_pointer (&text, g_free);

  /* Shown as people write numbers */
  {
    static const struct { double value; const char *text; } shown[] = {
      { 100.0, "100" }, { 150000.0, "150000" }, { -0.0, "0" }, { 12.5, "12.5" },
      { 1e300, "1e+300" }, { 2.5e-7, "2.5e-07" }, { 0.1 + 0.2, "0.30000000000000004" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
      {
        g_autofree char *s = NULL;

        keel_record_set_double (objective, "baseline", shown[i].value);
        s = keel_record_format_field (objective, "baseline");
        g_assert_cmpstr (s, ==, shown[i].text);
      }
    keel_record_set_double (objective, "baseline", 0.0);
  }

  /* NaN is omitted */
  keel_record_set_double (objective, "baseline", NAN);
  g_assert_false (keel_record_is_set (objective, "baseline"));
  text = record_text (objective);
  g_assert_null (strstr (text, "baseline"));
  g_assert_null (strstr (text, "null"));
  g_clear_pointer (&text, g_free);

  /* JSON has no infinity: it is not a value a field can hold */
  keel_record_set_double (objective, "baseline", INFINITY);
  keel_record_set_double (objective, "target", -INFINITY);
  g_assert_false (keel_record_is_set (objective, "baseline"));
  g_assert_false (keel_record_is_set (objective, "target"));
  text = record_text (objective);
  g_assert_cmpstr (text, ==, "{}\n");

  /* and a number too large for a double is refused when read */
  back = record_from_text (KEEL_TYPE_OBJECTIVE, "{\"target\": 1e400}", &error);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  g_assert_null (back);
  g_assert_nonnull (strstr (error->message, "target"));
  g_assert_nonnull (strstr (error->message, "a number"));
  g_clear_error (&error);

  /* null reads as unset */
  back = record_from_text (KEEL_TYPE_OBJECTIVE, "{\"target\": null, \"baseline\": 3}", &error);
  g_assert_no_error (error);
  g_assert_false (keel_record_is_set (back, "target"));
  g_assert_cmpfloat (keel_record_get_double (back, "baseline"), ==, 3.0);
}

static void
test_date_keeps_day (void)
{
  g_autoptr(KeelRecord) action = g_object_new (KEEL_TYPE_ACTION, NULL);
  g_autoptr(KeelRecord) review = g_object_new (KEEL_TYPE_REVIEW, NULL);
  g_autoptr(KeelRecord) back = NULL;
  g_autoptr(GTimeZone) east = g_time_zone_new_offset (14 * 3600);
  g_autoptr(GDateTime) late = g_date_time_new (east, 2026, 3, 31, 23, 59, 59.5);
  g_autoptr(GDateTime) old = keel_date_new (999, 12, 31);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *formatted = NULL;
  GDateTime *due;

  /* A date field keeps the calendar day the caller meant, at midnight UTC */
  keel_record_set_date (action, "due", late);
  due = keel_record_get_date (action, "due");
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_get_year (due), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (due), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (due), ==, 31);
  g_assert_cmpint (g_date_time_get_hour (due), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (due), ==, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (due), ==, 0);
  formatted = keel_record_format_field (action, "due");
  g_assert_cmpstr (formatted, ==, "2026-03-31");

  /* A year before 1000 is still written as four digits, so it reads back */
  keel_record_set_date (action, "closed_on", old);
  text = record_text (action);
  g_assert_cmpstr (text, ==,
                   "{\n  \"due\": \"2026-03-31\",\n  \"closed_on\": \"0999-12-31\"\n}\n");
  back = keel_record_json_parse (KEEL_TYPE_ACTION, "ACT-1", text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpint (keel_date_compare (keel_record_get_date (back, "closed_on"), old), ==, 0);
  g_clear_pointer (&text, g_free);
  g_clear_object (&back);

  /* A date-time keeps its time and offset */
  start = g_date_time_new (east, 2026, 4, 1, 9, 30, 0);
  keel_record_set_date (review, "start", start);
  g_clear_pointer (&formatted, g_free);
  formatted = keel_record_format_field (review, "start");
  g_assert_cmpstr (formatted, ==, "2026-04-01T09:30:00+14:00");

  /* Impossible days and dates without their offset are refused */
  back = record_from_text (KEEL_TYPE_ACTION, "{\"due\": \"2026-02-30\"}", &error);
  g_assert_null (back);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“due”"));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_assert_nonnull (strstr (error->message, "a date like 2026-03-31"));
  g_clear_error (&error);

  back = record_from_text (KEEL_TYPE_REVIEW, "{\"start\": \"2026-04-01T09:30:00\"}", &error);
  g_assert_null (back);
  g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "+02:00"));
  g_clear_error (&error);
}

static void
test_copy_is_deep (void)
{
  g_autoptr(KeelRecord) objective = g_object_new (KEEL_TYPE_OBJECTIVE, NULL);
  g_autoptr(KeelRecord) source = NULL;
  g_autoptr(KeelRecord) copy = NULL;
  g_autoptr(KeelRecord) reading = NULL;
  g_autoptr(KeelRecord) copied_reading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *after = NULL;
  GListModel *readings;
  GListModel *copied_readings;

  keel_test_fill_record (objective, 0);
  keel_record_set_id (objective, "OBJ-7");

  /* With members Keel does not know, in the record and in a part */
  before = record_text (objective);
  {
    g_autofree char *with_extra = g_strdup_printf ("%.*s,\n  \"x_score\": [1, {\"a\": null}]\n}\n",
                                                   (int) (strlen (before) - 3), before);
    source = record_from_text (KEEL_TYPE_OBJECTIVE, with_extra, &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&before, g_free);
  before = record_text (source);
  g_assert_nonnull (strstr (before, "x_score"));

  copy = keel_record_copy (source);
  g_assert_nonnull (copy);
  g_assert_true (copy != source);
  g_assert_true (G_OBJECT_TYPE (copy) == KEEL_TYPE_OBJECTIVE);
  g_assert_cmpstr (keel_record_get_id (copy), ==, "OBJ-7");

  copied = record_text (copy);
  g_assert_cmpstr (copied, ==, before);

  /* The parts are copies too */
  readings = G_LIST_MODEL (keel_record_get_children (source, "readings"));
  copied_readings = G_LIST_MODEL (keel_record_get_children (copy, "readings"));
  g_assert_true (readings != copied_readings);
  g_assert_cmpuint (g_list_model_get_n_items (copied_readings), ==, 2);
  reading = g_list_model_get_item (readings, 0);
  copied_reading = g_list_model_get_item (copied_readings, 0);
  g_assert_true (reading != copied_reading);

  keel_record_set_string (copied_reading, "note", "changed in the copy");
  keel_record_set_string (copy, "title", "changed in the copy");
  g_list_store_remove (G_LIST_STORE (copied_readings), 1);

  after = record_text (source);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (readings), ==, 2);
}

static void
test_unknown_members (void)
{
  /* Members Keel does not know stay, in their order, on the record or the
   * part where they were; Keel writes its own fields first */
  const char *input =
    "{\n"
    "  \"id\": \"OBJ-1\",\n"
    "  \"zeta\": \"first unknown\",\n"
    "  \"title\": \"Fewer phishing clicks\",\n"
    "  \"alpha\": {\n"
    "    \"nested\": [1, 2.5, \"three\", null, true]\n"
    "  },\n"
    "  \"readings\": [\n"
    "    {\n"
    "      \"source\": \"phishing simulator\",\n"
    "      \"date\": \"2026-01-31\",\n"
    "      \"value\": 12,\n"
    "      \"id\": \"R-1\"\n"
    "    }\n"
    "  ],\n"
    "  \"middle\": 7\n"
    "}\n";
  const char *expected =
    "{\n"
    "  \"id\": \"OBJ-1\",\n"
    "  \"title\": \"Fewer phishing clicks\",\n"
    "  \"readings\": [\n"
    "    {\n"
    "      \"date\": \"2026-01-31\",\n"
    "      \"value\": 12,\n"
    "      \"source\": \"phishing simulator\",\n"
    "      \"id\": \"R-1\"\n"
    "    }\n"
    "  ],\n"
    "  \"zeta\": \"first unknown\",\n"
    "  \"alpha\": {\n"
    "    \"nested\": [\n"
    "      1,\n"
    "      2.5,\n"
    "      \"three\",\n"
    "      null,\n"
    "      true\n"
    "    ]\n"
    "  },\n"
    "  \"middle\": 7\n"
    "}\n";
  g_autoptr(KeelRecord) record = NULL;
  g_autoptr(KeelRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *edited = NULL;

  record = record_from_text (KEEL_TYPE_OBJECTIVE, input, &error);
  g_assert_no_error (error);
  text = record_text (record);
  g_assert_cmpstr (text, ==, expected);

  /* Editing a known field leaves them alone */
  keel_record_set_string (record, "title", "Fewer clicks");
  edited = record_text (record);
  again = record_from_text (KEEL_TYPE_OBJECTIVE, edited, &error);
  g_assert_no_error (error);
  text_again = record_text (again);
  g_assert_nonnull (strstr (text_again, "\"zeta\": \"first unknown\""));
  g_assert_nonnull (strstr (text_again, "\"source\": \"phishing simulator\""));
  g_assert_true (strstr (text_again, "zeta") < strstr (text_again, "alpha"));
  g_assert_true (strstr (text_again, "alpha") < strstr (text_again, "middle"));
}

static void
test_read_errors (void)
{
  static const struct {
    GType (*type) (void);
    const char *json;
    const char *field;
    const char *expected;
  } cases[] = {
    { keel_objective_get_type, "{\"target\": \"high\"}", "“target”", "expected a number, found “high”" },
    { keel_objective_get_type, "{\"due\": 20260331}", "“due”", "expected a date like 2026-03-31, found a number" },
    { keel_objective_get_type, "{\"readings\": {}}", "“readings”", "expected a list, found an object" },
    { keel_objective_get_type, "{\"readings\": [3]}", "“readings[1]”", "expected an object, found a number" },
    { keel_objective_get_type, "{\"readings\": [{\"value\": \"x\"}]}", "“value”", "expected a number" },
    { keel_objective_get_type, "{\"status\": \"green\"}", "“status”", "expected one of not-started/on-track" },
    { keel_objective_get_type, "{\"evidence\": \"EVD-1\"}", "“evidence”", "expected a list of texts" },
    { keel_objective_get_type, "{\"evidence\": [1]}", "“evidence”", "expected a list of texts" },
    { keel_person_get_type, "{\"top_management\": \"yes\"}", "“top_management”", "expected true or false" },
    { keel_review_get_type, "{\"duration\": 1.5}", "“duration”", "expected a whole number" },
    { keel_review_get_type, "{\"sign_off\": []}", "“sign_off”", "expected an object, found a list" },
    { keel_objective_get_type, "{\"id\": 4}", "“id”", "expected a text" },
    { keel_objective_get_type, "{\"title\": {\"en\": \"x\"}}", "“title”", "expected a text, found an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KeelRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      record = record_from_text (cases[i].type (), cases[i].json, &error);
      g_assert_null (record);
      g_assert_error (error, KEEL_ERROR, KEEL_ERROR_INVALID);
      if (strstr (error->message, "OBJ-1") == NULL ||
          strstr (error->message, cases[i].field) == NULL ||
          strstr (error->message, cases[i].expected) == NULL)
        g_error ("%s gave “%s”", cases[i].json, error->message);
    }
}

/* The names errors give what is read before its id, made without printf:
 * the same as printf would make them, a long one too */
static void
test_element_names (void)
{
  g_autofree char *long_prefix = g_strnfill (300, 'x');
  g_autofree char *expected = NULL;
  char *owned = NULL;
  char buf[32];

  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, "training", NULL, 12, &owned), ==, "training[12]");
  g_assert_null (owned);
  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, "training", NULL, 0, &owned), ==, "training[0]");
  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, "OBJ-3", "owner", G_MAXUINT, &owned), ==,
                   "OBJ-3 owner");
  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, "OBJ-3", "readings", 4294967294u, &owned), ==,
                   "OBJ-3 readings[4294967294]");
  g_assert_null (owned);

  /* Exactly full, then one more: the copy */
  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, "abcdefghijklmnopqrstuvwxyz", NULL, 123, &owned), ==,
                   "abcdefghijklmnopqrstuvwxyz[123]");
  g_assert_null (owned);
  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, "abcdefghijklmnopqrstuvwxyz", NULL, 1234, &owned), ==,
                   "abcdefghijklmnopqrstuvwxyz[1234]");
  g_assert_nonnull (owned);
  g_clear_pointer (&owned, g_free);

  expected = g_strdup_printf ("%s versions[7]", long_prefix);
  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, long_prefix, "versions", 7, &owned), ==, expected);
  g_assert_true (owned != NULL);
  g_clear_pointer (&owned, g_free);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s owner", long_prefix);
  g_assert_cmpstr (keel_record_json_name (buf, sizeof buf, long_prefix, "owner", G_MAXUINT, &owned), ==, expected);
  g_clear_pointer (&owned, g_free);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/record/properties", test_properties);
  g_test_add_func ("/keel/record/notify-on-change", test_notify_on_change);
  g_test_add_func ("/keel/record/changed-by-parts", test_changed_by_parts);
  g_test_add_func ("/keel/record/empty-is-unset", test_empty_is_unset);
  g_test_add_func ("/keel/record/double-unset", test_double_unset);
  g_test_add_func ("/keel/record/date-keeps-day", test_date_keeps_day);
  g_test_add_func ("/keel/record/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/keel/record/unknown-members", test_unknown_members);
  g_test_add_func ("/keel/record/read-errors", test_read_errors);
  g_test_add_func ("/keel/record/element-names", test_element_names);

  return g_test_run ();
}
