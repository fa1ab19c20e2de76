/* keel-bench-populate.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-bench"

#include "config.h"

#include "keel-date.h"
#include "keel-records.h"
#include "keel-bench-populate.h"

/* A workspace as a company builds it up over the years: people come and
 * go, objectives report monthly, communications are delivered on their
 * schedule, two management reviews a year, and a steady stream of
 * trainings, improvements, actions and evidence. Counts are proportional
 * to @records; every reference points at a record that exists. */

typedef struct
{
  GRand         *rand;
  KeelWorkspace *workspace;
  const KeelBenchShape *shape;
  guint          n_people;
  guint          n_evidence;
  guint          n_policies;
  guint          n_objectives;
  guint          n_improvements;
  guint          n_risks;
  GPtrArray     *review_ids;
  guint          added;
} Populate;

static const char *first_names[] = {
  "Amira", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
  "Kofi", "Lena", "Mateo", "Nora", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tove",
  "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoltán",
};

static const char *last_names[] = {
  "Achterberg", "Bianchi", "Castellanos", "Dubois", "Eriksen", "Fischer", "García", "Horvath",
  "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien", "Petrov",
  "Quispe", "Rossi", "Schmidt", "Tanaka", "Urbano", "Varga", "Weber", "Yilmaz", "Zeller",
};

static const char *departments[] = {
  "Engineering", "Operations", "Sales", "Finance", "People", "Legal", "Support", "Product",
};

static const char *jobs[] = {
  "Engineer", "Team lead", "Analyst", "Manager", "Director", "Specialist", "Consultant",
};

static const char *words[] = {
  "access", "review", "backup", "encryption", "supplier", "incident", "training", "awareness",
  "password", "policy", "laptop", "vulnerability", "patch", "risk", "asset", "inventory",
  "customer", "data", "retention", "logging", "monitoring", "firewall", "phishing", "vendor",
  "contract", "audit", "evidence", "control", "owner", "budget", "cloud", "account", "privilege",
  "recovery", "continuity", "test", "restore", "report", "objective", "measure", "target",
  "quarterly", "monthly", "onboarding", "offboarding", "change", "release", "approval",
  "the", "of", "and", "for", "every", "all", "new", "our", "with", "on", "before", "after",
};

static const char *courses[] = {
  "Security awareness", "Phishing simulation", "Secure coding", "GDPR basics",
  "Incident response drill", "Privileged access", "Clean desk", "Supplier security",
};

static const char *policy_titles[] = {
  "Information security policy", "Acceptable use", "Access control", "Backup",
  "Cryptography", "Incident management", "Supplier security", "Remote work",
  "Asset management", "Secure development", "Business continuity", "Data retention",
};

static char *
sentence (Populate *p,
          guint     min_words,
          guint     max_words)
{
  guint n = (guint) g_rand_int_range (p->rand, (gint32) min_words, (gint32) max_words + 1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (words))]);
    }

  if (s->len > 0)
    s->str[0] = g_ascii_toupper (s->str[0]);
  g_string_append_c (s, '.');

  return g_string_free (s, FALSE);
}

static const char *
pick (Populate    *p,
      const char **list,
      guint        n)
{
  return list[g_rand_int_range (p->rand, 0, (gint32) n)];
}

#define PICK(p, list) pick ((p), (list), G_N_ELEMENTS (list))

static char *
ref (const char *prefix,
     guint       number)
{
  return g_strdup_printf ("%s-%u", prefix, number);
}

static char *
some (Populate   *p,
      const char *prefix,
      guint       n)
{
  return ref (prefix, (guint) g_rand_int_range (p->rand, 1, (gint32) MAX (n, 1) + 1));
}

static char *
person (Populate *p)
{
  return some (p, "PER", p->n_people);
}

static GDateTime *
day_in_year (Populate *p,
             int       year)
{
  g_autoptr(GDateTime) start = keel_date_new (year, 1, 1);

  return keel_date_add_days (start, g_rand_int_range (p->rand, 0, 365));
}

static GDateTime *
any_day (Populate *p)
{
  return day_in_year (p, p->shape->first_year + g_rand_int_range (p->rand, 0, p->shape->years));
}

static void
set_text (KeelRecord *record,
          const char *key,
          char       *value)
{
  keel_record_set_string (record, key, value);
  g_free (value);
}

static void
set_day (KeelRecord *record,
         const char *key,
         GDateTime  *value)
{
  keel_record_set_date (record, key, value);
  g_date_time_unref (value);
}

static void
set_refs (KeelRecord *record,
          const char *key,
          GPtrArray  *ids)
{
  g_ptr_array_add (ids, NULL);
  keel_record_set_strv (record, key, (const char * const *) ids->pdata);
  g_ptr_array_unref (ids);
}

static GPtrArray *
some_refs (Populate   *p,
           const char *prefix,
           guint       n_records,
           guint       max)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint n = (guint) g_rand_int_range (p->rand, 0, (gint32) max + 1);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, some (p, prefix, n_records));

  return ids;
}

static void
add (Populate   *p,
     KeelRecord *record)
{
  keel_workspace_add (p->workspace, record);
  g_object_unref (record);
  p->added++;
}

static KeelRecord *
part (GType type)
{
  return g_object_new (type, NULL);
}

static void
append_part (KeelRecord *record,
             const char *key,
             KeelRecord *child)
{
  g_list_store_append (keel_record_get_children (record, key), child);
  g_object_unref (child);
}

/* ------------------------------------------------------------------------ */

static void
add_people (Populate *p)
{
  for (guint i = 0; i < p->n_people; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_PERSON);
      const char *first = PICK (p, first_names);
      const char *last = PICK (p, last_names);
      g_autofree char *login = g_strdup_printf ("%s.%u@example.com", first, i + 1);

      set_text (r, "name", g_strdup_printf ("%s %s", first, last));
      set_text (r, "email", g_utf8_strdown (login, -1));
      keel_record_set_string (r, "job_title", PICK (p, jobs));
      keel_record_set_string (r, "department", PICK (p, departments));
      keel_record_set_boolean (r, "top_management", i < 6);
      keel_record_set_boolean (r, "review_team", i < 12);
      add (p, r);
    }
}

static void
add_evidence (Populate *p)
{
  static const char *clauses[] = { "4.1", "5.1a", "5.1b", "5.1c", "5.1d", "5.1e", "5.1f",
                                   "5.1g", "5.1h", "6.2", "7.2", "7.4", "9.2", "9.3", "10.2" };

  for (guint i = 0; i < p->n_evidence; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_EVIDENCE);
      GDateTime *added = any_day (p);
      g_autoptr(GPtrArray) cl = g_ptr_array_new ();
      GPtrArray *links = g_ptr_array_new_with_free_func (g_free);

      set_text (r, "title", sentence (p, 3, 7));
      keel_record_set_date (r, "added_on", added);
      if (i % 3 == 0)
        set_day (r, "valid_until", keel_date_add_months (added, 12));
      g_date_time_unref (added);
      g_ptr_array_add (cl, (gpointer) PICK (p, clauses));
      if (i % 2)
        g_ptr_array_add (cl, (gpointer) PICK (p, clauses));
      g_ptr_array_add (cl, NULL);
      keel_record_set_strv (r, "clauses", (const char * const *) cl->pdata);
      g_ptr_array_add (links, some (p, i % 2 ? "POL" : "OBJ", i % 2 ? p->n_policies : p->n_objectives));
      set_refs (r, "links", links);
      add (p, r);
    }
}

static void
add_policies (Populate *p)
{
  for (guint i = 0; i < p->n_policies; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_POLICY);
      int since = p->shape->first_year + g_rand_int_range (p->rand, 0, MAX (1, p->shape->years / 2));
      int last = since;

      set_text (r, "title", g_strdup_printf ("%s %u", PICK (p, policy_titles), i + 1));
      set_text (r, "owner", person (p));
      set_text (r, "summary", sentence (p, 10, 30));

      for (int y = since; y < p->shape->first_year + p->shape->years; y++)
        {
          KeelRecord *v = part (KEEL_TYPE_POLICY_VERSION);
          KeelRecord *approval = part (KEEL_TYPE_SIGN_OFF);
          GDateTime *date = day_in_year (p, y);

          set_text (v, "version", g_strdup_printf ("%d.0", y - since + 1));
          keel_record_set_date (v, "date", date);
          set_text (v, "author", person (p));
          set_text (v, "description", sentence (p, 5, 15));
          set_text (approval, "by", ref ("PER", 1 + (guint) g_rand_int_range (p->rand, 0, 6)));
          set_day (approval, "on", keel_date_add_days (date, 7));
          keel_record_set_child (v, "approval", approval);
          g_object_unref (approval);
          g_date_time_unref (date);
          append_part (r, "versions", v);
          last = y;
        }

      set_day (r, "next_review", keel_date_new (last + 1, 6, 30));
      set_refs (r, "evidence", some_refs (p, "EVD", p->n_evidence, 3));
      add (p, r);
    }
}

static void
add_objectives (Populate *p)
{
  static const char *statuses[] = { "achieved", "missed", "on-track", "at-risk" };

  for (guint i = 0; i < p->n_objectives; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_OBJECTIVE);
      GDateTime *start = any_day (p);
      guint months = (guint) g_rand_int_range (p->rand, 12, 25);
      double value = g_rand_double_range (p->rand, 40, 70);

      set_text (r, "title", sentence (p, 4, 9));
      set_text (r, "description", sentence (p, 10, 25));
      set_text (r, "owner", person (p));
      set_text (r, "strategy_link", sentence (p, 3, 6));
      keel_record_set_string (r, "department", PICK (p, departments));
      set_text (r, "measure", sentence (p, 3, 6));
      keel_record_set_string (r, "unit", "%");
      keel_record_set_string (r, "direction", "higher");
      keel_record_set_double (r, "baseline", (int) value);
      keel_record_set_double (r, "target", 95);
      keel_record_set_string (r, "cadence", "monthly");
      keel_record_set_date (r, "start", start);
      set_day (r, "due", keel_date_add_months (start, (int) months));
      keel_record_set_string (r, "status", PICK (p, statuses));

      for (guint m = 1; m <= months; m++)
        {
          KeelRecord *reading = part (KEEL_TYPE_READING);

          value = MIN (100, value + g_rand_double_range (p->rand, -2, 5));
          set_day (reading, "date", keel_date_add_months (start, (int) m));
          keel_record_set_double (reading, "value", (int) (value * 10) / 10.0);
          if (m % 4 == 0)
            set_text (reading, "note", sentence (p, 3, 10));
          append_part (r, "readings", reading);
        }

      set_refs (r, "evidence", some_refs (p, "EVD", p->n_evidence, 2));
      g_date_time_unref (start);
      add (p, r);
    }
}

static void
add_communications (Populate *p,
                    guint     n)
{
  static const char *channels[] = { "email", "intranet", "meeting", "all-hands", "training", "chat" };

  for (guint i = 0; i < n; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_COMMUNICATION);
      KeelRecord *rec = part (KEEL_TYPE_RECURRENCE);
      GDateTime *start = any_day (p);
      guint count = (guint) g_rand_int_range (p->rand, 2, 23);
      gboolean monthly = g_rand_boolean (p->rand);
      g_autofree char *communicator = person (p);

      set_text (r, "topic", sentence (p, 3, 8));
      set_text (r, "message", sentence (p, 15, 40));
      keel_record_set_string (r, "communicator", communicator);
      keel_record_set_string (r, "audience", PICK (p, departments));
      keel_record_set_string (r, "channel", PICK (p, channels));
      keel_record_set_string (rec, "frequency", monthly ? "monthly" : "weekly");
      keel_record_set_int (rec, "interval", monthly ? 1 : 4);
      keel_record_set_date (rec, "start", start);
      keel_record_set_int (rec, "count", count);
      keel_record_set_child (r, "recurrence", rec);
      g_object_unref (rec);

      for (guint d = 0; d < count; d++)
        {
          KeelRecord *delivery = part (KEEL_TYPE_DELIVERY);

          set_day (delivery, "date", monthly ? keel_date_add_months (start, (int) d)
                                             : keel_date_add_days (start, (int) d * 28));
          keel_record_set_string (delivery, "by", communicator);
          if (d % 3 == 0)
            set_text (delivery, "note", sentence (p, 3, 10));
          if (d % 5 == 0)
            set_refs (delivery, "evidence", some_refs (p, "EVD", p->n_evidence, 1));
          append_part (r, "deliveries", delivery);
        }

      g_date_time_unref (start);
      add (p, r);
    }
}

static void
add_reviews (Populate *p,
             guint     n)
{
  static const char inputs[] = "abcdefg";

  for (guint i = 0; i < n; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_REVIEW);
      KeelRecord *sign_off = part (KEEL_TYPE_SIGN_OFF);
      int year = p->shape->first_year + (int) (i * (guint) p->shape->years / MAX (n, 1));
      int month = 3 + 6 * (int) (i % 2);
      g_autoptr(GDateTime) start = g_date_time_new_utc (year, month, 10 + (int) (i % 15), 10, 0, 0);
      GPtrArray *attendees = g_ptr_array_new_with_free_func (g_free);

      set_text (r, "title", g_strdup_printf ("Management review %s %d", i % 2 ? "H2" : "H1", year));
      keel_record_set_date (r, "start", start);
      keel_record_set_int (r, "duration", 120);
      keel_record_set_string (r, "location", "Board room");
      set_text (r, "chair", ref ("PER", 1));
      for (guint a = 0; a < 8; a++)
        g_ptr_array_add (attendees, ref ("PER", 1 + a));
      set_refs (r, "attendees", attendees);
      keel_record_set_string (r, "status", "signed-off");

      for (guint a = 0; a < 10; a++)
        {
          KeelRecord *item = part (KEEL_TYPE_AGENDA_ITEM);
          char input[2] = { inputs[a % 7], 0 };

          set_text (item, "title", sentence (p, 3, 8));
          keel_record_set_string (item, "input", input);
          set_text (item, "presenter", ref ("PER", 1 + a % 8));
          set_text (item, "minutes", sentence (p, 20, 60));
          append_part (r, "agenda", item);
        }

      for (guint d = 0; d < 5; d++)
        {
          KeelRecord *decision = part (KEEL_TYPE_DECISION);

          set_text (decision, "text", sentence (p, 8, 20));
          keel_record_set_string (decision, "kind", "improvement");
          append_part (r, "decisions", decision);
        }

      set_text (sign_off, "by", ref ("PER", 1));
      set_day (sign_off, "on", keel_date_add_days (start, 14));
      keel_record_set_child (r, "sign_off", sign_off);
      g_object_unref (sign_off);

      keel_workspace_add (p->workspace, r);
      g_ptr_array_add (p->review_ids, g_strdup (keel_record_get_id (r)));
      g_object_unref (r);
      p->added++;
    }
}

static void
add_actions (Populate *p,
             guint     n)
{
  static const char *statuses[] = { "done", "done", "done", "open", "in-progress", "cancelled" };

  for (guint i = 0; i < n; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_ACTION);
      GDateTime *due = any_day (p);
      const char *status = PICK (p, statuses);

      set_text (r, "title", sentence (p, 4, 10));
      set_text (r, "owner", person (p));
      keel_record_set_date (r, "due", due);
      keel_record_set_string (r, "status", status);
      switch (i % 3)
        {
        case 0:
          if (p->review_ids->len > 0)
            keel_record_set_string (r, "source", p->review_ids->pdata[i % p->review_ids->len]);
          break;
        case 1:
          set_text (r, "source", some (p, "NC", p->n_improvements));
          break;
        default:
          set_text (r, "source", some (p, "RSK", p->n_risks));
        }
      if (g_str_equal (status, "done"))
        set_day (r, "closed_on", keel_date_add_days (due, -g_rand_int_range (p->rand, 0, 30)));
      if (i % 4 == 0)
        set_text (r, "notes", sentence (p, 5, 20));
      g_date_time_unref (due);
      add (p, r);
    }
}

static void
add_small_kinds (Populate *p,
                 guint     n_roles,
                 guint     n_resources,
                 guint     n_processes,
                 guint     n_audits)
{
  static const char *racis[] = { "R", "A", "C", "I" };
  static const char *categories[] = { "budget", "people", "tool", "time" };
  static const char *results[] = { "passed", "minor-findings", "major-findings" };

  for (guint i = 0; i < n_roles; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_ROLE_ASSIGNMENT);

      set_text (r, "activity", sentence (p, 2, 5));
      set_text (r, "person", person (p));
      keel_record_set_string (r, "raci", PICK (p, racis));
      add (p, r);
    }

  for (guint i = 0; i < n_resources; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_RESOURCE);
      GDateTime *on = any_day (p);

      set_text (r, "item", sentence (p, 2, 5));
      keel_record_set_string (r, "category", PICK (p, categories));
      set_text (r, "owner", person (p));
      keel_record_set_double (r, "amount", 500 * g_rand_int_range (p->rand, 1, 200));
      keel_record_set_string (r, "currency", "EUR");
      set_text (r, "period", g_strdup_printf ("%d", g_date_time_get_year (on)));
      set_text (r, "approved_by", ref ("PER", 1 + (guint) g_rand_int_range (p->rand, 0, 6)));
      keel_record_set_date (r, "approved_on", on);
      g_date_time_unref (on);
      add (p, r);
    }

  for (guint i = 0; i < n_processes; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_PROCESS);

      set_text (r, "name", sentence (p, 2, 4));
      set_text (r, "owner", person (p));
      set_text (r, "security_step", sentence (p, 8, 20));
      add (p, r);
    }

  for (guint i = 0; i < n_audits; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_AUDIT);

      set_text (r, "title", g_strdup_printf ("Internal audit %u", i + 1));
      set_day (r, "planned", any_day (p));
      set_text (r, "scope", sentence (p, 8, 20));
      keel_record_set_string (r, "auditor", "External Audit GmbH");
      keel_record_set_string (r, "result", PICK (p, results));
      set_text (r, "findings", sentence (p, 20, 60));
      add (p, r);
    }
}

static void
add_trainings (Populate *p,
               guint     n)
{
  for (guint i = 0; i < n; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_TRAINING);
      GDateTime *done = any_day (p);

      set_text (r, "person", person (p));
      keel_record_set_string (r, "course", PICK (p, courses));
      keel_record_set_date (r, "completed_on", done);
      set_day (r, "expires_on", keel_date_add_months (done, 12));
      if (i % 4 == 0)
        set_refs (r, "evidence", some_refs (p, "EVD", p->n_evidence, 1));
      g_date_time_unref (done);
      add (p, r);
    }
}

static void
add_improvements (Populate *p)
{
  static const char *kinds[] = { "incident", "nonconformity", "improvement" };
  static const char *statuses[] = { "closed", "closed", "open", "in-progress" };

  for (guint i = 0; i < p->n_improvements; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_IMPROVEMENT);
      GDateTime *date = any_day (p);
      const char *status = PICK (p, statuses);

      keel_record_set_date (r, "date", date);
      keel_record_set_string (r, "kind", PICK (p, kinds));
      set_text (r, "description", sentence (p, 10, 30));
      set_text (r, "root_cause", sentence (p, 5, 20));
      set_text (r, "correction", sentence (p, 5, 15));
      set_text (r, "corrective_action", sentence (p, 5, 15));
      set_text (r, "owner", person (p));
      set_day (r, "due", keel_date_add_days (date, 30));
      keel_record_set_string (r, "status", status);
      if (g_str_equal (status, "closed"))
        {
          set_text (r, "effectiveness", sentence (p, 5, 15));
          set_day (r, "effectiveness_checked_on", keel_date_add_days (date, 90));
        }
      g_date_time_unref (date);
      add (p, r);
    }
}

static void
add_risks (Populate *p)
{
  static const char *treatments[] = { "mitigate", "accept", "transfer", "avoid" };
  static const char *statuses[] = { "open", "treating", "accepted", "closed" };

  for (guint i = 0; i < p->n_risks; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_RISK);
      guint n = (guint) g_rand_int_range (p->rand, 1, 5);

      set_text (r, "title", sentence (p, 4, 9));
      set_text (r, "owner", person (p));
      keel_record_set_int (r, "likelihood", g_rand_int_range (p->rand, 1, 6));
      keel_record_set_int (r, "impact", g_rand_int_range (p->rand, 1, 6));
      keel_record_set_string (r, "treatment", PICK (p, treatments));
      set_text (r, "treatment_plan", sentence (p, 10, 30));
      keel_record_set_string (r, "status", PICK (p, statuses));

      for (guint d = 0; d < n; d++)
        {
          KeelRecord *decision = part (KEEL_TYPE_RISK_DECISION);

          set_day (decision, "on", any_day (p));
          set_text (decision, "by", ref ("PER", 1 + (guint) g_rand_int_range (p->rand, 0, 6)));
          set_text (decision, "decision", sentence (p, 5, 12));
          set_text (decision, "rationale", sentence (p, 10, 25));
          append_part (r, "decisions", decision);
        }
      add (p, r);
    }
}

static void
add_context (Populate *p,
             guint     n_context,
             guint     n_parties,
             guint     n_dispatches)
{
  for (guint i = 0; i < n_context; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_CONTEXT_ISSUE);
      GDateTime *noted = any_day (p);

      set_text (r, "title", sentence (p, 3, 8));
      keel_record_set_string (r, "scope", i % 2 ? "internal" : "external");
      set_text (r, "description", sentence (p, 10, 30));
      keel_record_set_date (r, "noted_on", noted);
      set_day (r, "changed_on", keel_date_add_months (noted, 6));
      g_date_time_unref (noted);
      add (p, r);
    }

  for (guint i = 0; i < n_parties; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_INTERESTED_PARTY);
      guint n = (guint) g_rand_int_range (p->rand, 0, 11);

      set_text (r, "name", sentence (p, 1, 3));
      set_text (r, "needs", sentence (p, 10, 30));
      for (guint f = 0; f < n; f++)
        {
          KeelRecord *feedback = part (KEEL_TYPE_FEEDBACK);

          set_day (feedback, "on", any_day (p));
          set_text (feedback, "note", sentence (p, 5, 20));
          append_part (r, "feedback", feedback);
        }
      add (p, r);
    }

  for (guint i = 0; i < n_dispatches; i++)
    {
      KeelRecord *r = part (KEEL_TYPE_DISPATCH);
      g_autoptr(GDateTime) day = any_day (p);
      g_autoptr(GDateTime) at = g_date_time_add_hours (day, 9 + g_rand_int_range (p->rand, 0, 8));
      g_autofree char *seed = g_strdup_printf ("bundle %u", i);
      const char *recipients[] = { "auditor@example.org", NULL };

      keel_record_set_date (r, "sent_at", at);
      keel_record_set_strv (r, "recipients", recipients);
      keel_record_set_string (r, "method", "email");
      set_text (r, "file_name", g_strdup_printf ("evidence-bundle-%u.zip", i + 1));
      set_text (r, "sha256", g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1));
      keel_record_set_int (r, "size", g_rand_int_range (p->rand, 10000, 50000000));
      add (p, r);
    }
}

/* ------------------------------------------------------------------------ */

guint
keel_bench_populate (KeelWorkspace        *workspace,
                     const KeelBenchShape *shape)
{
  /* Shares of the records other than people, from a 200-person company's
   * ten years: most are trainings, evidence, actions and improvements */
  enum { W_POLICIES = 40, W_OBJECTIVES = 120, W_COMMUNICATIONS = 400, W_REVIEWS = 20,
         W_ACTIONS = 1600, W_ROLES = 700, W_RESOURCES = 300, W_TRAININGS = 6200,
         W_IMPROVEMENTS = 1200, W_PROCESSES = 60, W_AUDITS = 40, W_EVIDENCE = 3200,
         W_RISKS = 420, W_CONTEXT = 120, W_PARTIES = 40, W_DISPATCHES = 260 };
  const double total = W_POLICIES + W_OBJECTIVES + W_COMMUNICATIONS + W_REVIEWS + W_ACTIONS +
                       W_ROLES + W_RESOURCES + W_TRAININGS + W_IMPROVEMENTS + W_PROCESSES +
                       W_AUDITS + W_EVIDENCE + W_RISKS + W_CONTEXT + W_PARTIES + W_DISPATCHES;
  KeelOrganisation *org;
  Populate p = { 0 };
  double scale;

#define SCALED(w) ((guint) MAX (1, (w) * scale + 0.5))

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), 0);
  g_return_val_if_fail (shape->years > 0, 0);

  p.rand = g_rand_new_with_seed (shape->seed);
  p.workspace = workspace;
  p.shape = shape;
  p.review_ids = g_ptr_array_new_with_free_func (g_free);

  /* About a third of the people have left over the years, and stay on
   * record as owners of what they did */
  p.n_people = MAX (2, shape->people + shape->people * (guint) shape->years / 30);
  scale = (shape->records > p.n_people ? shape->records - p.n_people : 1) / total;

  p.n_policies = SCALED (W_POLICIES);
  p.n_objectives = SCALED (W_OBJECTIVES);
  p.n_evidence = SCALED (W_EVIDENCE);
  p.n_improvements = SCALED (W_IMPROVEMENTS);
  p.n_risks = SCALED (W_RISKS);

  org = keel_workspace_get_organisation (workspace);
  keel_record_set_string (KEEL_RECORD (org), "name", "Example Logistics GmbH");
  keel_record_set_string (KEEL_RECORD (org), "size_profile", "scaleup");
  keel_record_set_string (KEEL_RECORD (org), "scope",
                          "All products, offices and people of Example Logistics GmbH.");
  keel_record_set_string (KEEL_RECORD (org), "strategy",
                          "Grow into the leading regional freight platform, trusted with customer data.");

  add_people (&p);
  add_policies (&p);
  add_objectives (&p);
  add_communications (&p, SCALED (W_COMMUNICATIONS));
  add_reviews (&p, SCALED (W_REVIEWS));
  add_actions (&p, SCALED (W_ACTIONS));
  add_small_kinds (&p, SCALED (W_ROLES), SCALED (W_RESOURCES), SCALED (W_PROCESSES),
                   SCALED (W_AUDITS));
  add_trainings (&p, SCALED (W_TRAININGS));
  add_improvements (&p);
  add_evidence (&p);
  add_risks (&p);
  add_context (&p, SCALED (W_CONTEXT), SCALED (W_PARTIES), SCALED (W_DISPATCHES));

#undef SCALED

  g_ptr_array_unref (p.review_ids);
  g_rand_free (p.rand);

  return p.added;
}
