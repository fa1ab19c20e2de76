/* keel-demo.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-demo"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "keel-date.h"
#include "keel-demo.h"
#include "keel-error.h"
#include "keel-evidence-store.h"
#include "keel-records.h"

/* The demo workspace: Harbourlight Software GmbH, a 40-person company that
 * builds and runs an appointment platform for clinics, two and a half years
 * into its ISMS. It holds a little of everything an auditor asks for, with
 * a few deliberate gaps for the gap view to find:
 *
 *  - the access control policy is two months past its review date;
 *  - the incident response objective has no owner;
 *  - one monthly newsletter was never sent;
 *  - one management review action is open and overdue;
 *  - one person's security training has expired, two expire soon.
 *
 * Every date is computed from @today, so the demo never goes stale, and
 * nothing else varies: the same @today always gives the same keel.json and
 * the same evidence files. The demo's content is sample data, like a sample
 * document, and stays in English; the errors it can report are translated.
 */

typedef enum
{
  CEO, CTO, COO, SEC, HR, ENG, IT, DEV, CS, DPO, SRE, SALES,
  N_PEOPLE,
  NOBODY = -1,
} Who;

enum { POL_SECURITY, POL_ACCEPTABLE_USE, POL_ACCESS, POL_SUPPLIER, N_POLICIES };
enum { OBJ_PHISHING, OBJ_PATCHING, OBJ_TRAINING, OBJ_INCIDENTS, OBJ_RESTORE, N_OBJECTIVES };
enum { RSK_RANSOMWARE, RSK_PHISHING, RSK_HOSTING, RSK_LEGACY, RSK_INSIDER, RSK_LAPTOP, N_RISKS };
enum { COM_ALL_HANDS, COM_AWARENESS, COM_NEWSLETTER, COM_POLICY_NOTICE, N_COMMUNICATIONS };
enum { AUD_INTERNAL, AUD_SURVEILLANCE, AUD_NEXT_INTERNAL, N_AUDITS };
enum { NC_INCIDENT, NC_ACCESS_REVIEW, NC_OFFBOARDING, NC_SCANNING, N_IMPROVEMENTS };
enum { MR_FIRST, MR_SECOND, MR_NEXT, N_REVIEWS };

#define N_INPUTS      7   /* Clause 9.3.2 a–g */
#define MAX_READINGS  12
#define MAX_VERSIONS  3
#define MAX_DECISIONS 4

typedef struct
{
  KeelWorkspace *workspace;
  GDateTime     *today;

  KeelRecord    *people[N_PEOPLE];
  KeelRecord    *policies[N_POLICIES];
  KeelRecord    *objectives[N_OBJECTIVES];
  KeelRecord    *risks[N_RISKS];
  KeelRecord    *communications[N_COMMUNICATIONS];
  KeelRecord    *last_delivery[N_COMMUNICATIONS];
  KeelRecord    *audits[N_AUDITS];
  KeelRecord    *improvements[N_IMPROVEMENTS];
  KeelRecord    *reviews[N_REVIEWS];
  GPtrArray     *session_training;  /* training records of the yearly session */
} Demo;

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */
/* ------------------------------------------------------------------------ */

/* Today moved by @months, then by @days */
static GDateTime *
shift (Demo *demo,
       int   months,
       int   days)
{
  g_autoptr(GDateTime) moved = keel_date_add_months (demo->today, months);

  return keel_date_add_days (moved, days);
}

/* Day @day (at most 28, so that every month has it) of the month @months
 * away from today: for things that happen on a fixed day of the month. */
static GDateTime *
day_of_month (Demo *demo,
              int   months,
              int   day)
{
  g_autoptr(GDateTime) moved = keel_date_add_months (demo->today, months);

  g_assert (day >= 1 && day <= 28);

  return keel_date_new (g_date_time_get_year (moved), g_date_time_get_month (moved), day);
}

/* The last day of the month @months away from today */
static GDateTime *
end_of_month (Demo *demo,
              int   months)
{
  g_autoptr(GDateTime) moved = keel_date_add_months (demo->today, months);
  int year = g_date_time_get_year (moved);
  int month = g_date_time_get_month (moved);

  return keel_date_new (year, month, g_date_get_days_in_month (month, year));
}

/* Meetings and audits fall on working days: Saturday and Sunday move on
 * to Monday. Takes @date. */
static GDateTime *
working_day (GDateTime *date)
{
  int day_of_week = g_date_time_get_day_of_week (date);  /* 1 Monday … 7 Sunday */
  GDateTime *moved = keel_date_add_days (date, day_of_week >= 6 ? 8 - day_of_week : 0);

  g_date_time_unref (date);

  return moved;
}

/* @date at @hour:@minute UTC. Takes @date. */
static GDateTime *
at_time (GDateTime *date,
         int        hour,
         int        minute)
{
  GDateTime *moved = g_date_time_add (date, hour * G_TIME_SPAN_HOUR + minute * G_TIME_SPAN_MINUTE);

  g_date_time_unref (date);

  return moved;
}

static char *
format_date (GDateTime *date)
{
  return keel_date_format (date);
}

/* ------------------------------------------------------------------------ */
/* Records                                                                  */
/* ------------------------------------------------------------------------ */

/* Adds @record (taking it) to the workspace, which gives it its id */
static KeelRecord *
add_record (Demo       *demo,
            KeelRecord *record)
{
  keel_workspace_add (demo->workspace, record);
  g_object_unref (record);

  return record;
}

static KeelRecord *
append_part (KeelRecord *record,
             const char *key,
             GType       type)
{
  g_autoptr(KeelRecord) part = g_object_new (type, NULL);

  g_list_store_append (keel_record_get_children (record, key), part);

  return part;
}

static KeelRecord *
set_part (KeelRecord *record,
          const char *key,
          GType       type)
{
  g_autoptr(KeelRecord) part = g_object_new (type, NULL);

  keel_record_set_child (record, key, part);

  return part;
}

static void
set_text (KeelRecord *record,
          const char *key,
          const char *value)
{
  keel_record_set_string (record, key, value);
}

/* Sets a date field, taking @date */
static void
take_date (KeelRecord *record,
           const char *key,
           GDateTime  *date)
{
  keel_record_set_date (record, key, date);
  g_date_time_unref (date);
}

static const char *
id_of (KeelRecord *record)
{
  return keel_record_get_id (record);
}

static const char *
person (Demo *demo,
        Who   who)
{
  g_assert (who >= 0 && who < N_PEOPLE);

  return id_of (demo->people[who]);
}

static const char *
name_of (Demo *demo,
         Who   who)
{
  return keel_record_get_string (demo->people[who], "name");
}

/* Appends @id to the reference list @key of @record */
static void
append_ref (KeelRecord *record,
            const char *key,
            const char *id)
{
  const char * const *old = keel_record_get_strv (record, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (old != NULL)
    g_strv_builder_addv (builder, (const char **) old);
  g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);

  keel_record_set_strv (record, key, (const char * const *) ids);
}

static void
sign (KeelRecord *record,
      const char *key,
      Demo       *demo,
      Who         by,
      GDateTime  *on)
{
  KeelRecord *sign_off = set_part (record, key, KEEL_TYPE_SIGN_OFF);

  set_text (sign_off, "by", person (demo, by));
  take_date (sign_off, "on", on);
}

/* ------------------------------------------------------------------------ */
/* Evidence                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char *title;
  const char *file_name;
  const char *media_type;
  const char *clauses;  /* space separated: "5.1a 5.2" */
} EvidenceInfo;

/* Imports @contents (taken) as the file of a new evidence record that
 * links @links, and returns the record. */
static KeelRecord *
add_evidence (Demo                *demo,
              const EvidenceInfo  *info,
              GString             *contents,
              GDateTime           *added_on,
              GDateTime           *valid_until,
              const char * const  *links,
              GError             **error)
{
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (contents);
  g_autoptr(KeelRecord) file = NULL;
  g_auto(GStrv) clauses = g_strsplit (info->clauses, " ", -1);
  KeelRecord *evidence;

  file = keel_workspace_import_evidence (demo->workspace, info->file_name, bytes,
                                         info->media_type, error);
  if (file == NULL)
    {
      g_date_time_unref (added_on);
      g_clear_pointer (&valid_until, g_date_time_unref);
      return NULL;
    }

  evidence = add_record (demo, g_object_new (KEEL_TYPE_EVIDENCE, NULL));
  set_text (evidence, "title", info->title);
  keel_record_set_child (evidence, "file", file);
  take_date (evidence, "added_on", added_on);
  if (valid_until != NULL)
    take_date (evidence, "valid_until", valid_until);
  keel_record_set_strv (evidence, "clauses", (const char * const *) clauses);
  keel_record_set_strv (evidence, "links", links);

  return evidence;
}

static cairo_status_t
append_to_string_cb (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A one-page A4 PDF of @lines drawn with cairo and Pango: the first line
 * as a heading. Dated @date (not the clock), so the same demo gives the
 * same bytes. */
static GString *
make_pdf (const char         *title,
          GDateTime          *date,
          const char * const *lines)
{
  const double width = 595.0, height = 842.0, margin = 72.0;
  g_autofree char *stamp = g_date_time_format (date, "%Y-%m-%dT00:00:00Z");
  GString *pdf = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double y = margin;

  surface = cairo_pdf_surface_create_for_stream (append_to_string_cb, pdf, width, height);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_4);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keel");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
  cr = cairo_create (surface);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) font =
        pango_font_description_from_string (i == 0 ? "Sans Bold 13" : "Sans 10.5");
      int text_height;

      pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
      pango_layout_context_changed (layout);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((width - 2 * margin) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, lines[i][0] != '\0' ? lines[i] : " ", -1);

      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, NULL, &text_height);
      y += (double) text_height / PANGO_SCALE + (i == 0 ? 10.0 : 3.0);
    }

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return pdf;
}

/* ------------------------------------------------------------------------ */
/* Organisation and people                                                  */
/* ------------------------------------------------------------------------ */

static void
add_organisation (Demo *demo)
{
  KeelRecord *organisation = KEEL_RECORD (keel_workspace_get_organisation (demo->workspace));

  set_text (organisation, "name", "Harbourlight Software GmbH");
  set_text (organisation, "size_profile", "scaleup");
  set_text (organisation, "scope",
            "The development, operation and support of the Harbourlight appointment and "
            "patient-messaging platform for clinics, run as a cloud service from EU data "
            "centres; the Hamburg office, remote workplaces, and the suppliers that host or "
            "process customer data.");
  set_text (organisation, "strategy",
            "Become the trusted scheduling platform for mid-sized clinic groups in the "
            "German-speaking market: grow recurring revenue by 40 % a year while keeping "
            "patient data safe, so that security opens enterprise tenders instead of "
            "slowing sales.");
}

static const struct
{
  const char *name;
  const char *email;
  const char *job_title;
  const char *department;
  gboolean    top_management;
  gboolean    review_team;
} people_rows[N_PEOPLE] = {
  [CEO] = { "Marta Kowalski", "marta.kowalski@harbourlight.example", "Chief Executive Officer", "Management", TRUE, TRUE },
  [CTO] = { "Jonas Weber", "jonas.weber@harbourlight.example", "Chief Technology Officer", "Management", TRUE, TRUE },
  [COO] = { "Aisha Rahman", "aisha.rahman@harbourlight.example", "Chief Operating Officer", "Management", TRUE, TRUE },
  [SEC] = { "Tomás Herrera", "tomas.herrera@harbourlight.example", "Information Security Lead", "Security", FALSE, TRUE },
  [HR] = { "Lena Fischer", "lena.fischer@harbourlight.example", "Head of People", "People", FALSE, TRUE },
  [ENG] = { "Daniel Okafor", "daniel.okafor@harbourlight.example", "Engineering Manager", "Engineering", FALSE, FALSE },
  [IT] = { "Sofia Lindqvist", "sofia.lindqvist@harbourlight.example", "IT Administrator", "Operations", FALSE, FALSE },
  [DEV] = { "Priya Nair", "priya.nair@harbourlight.example", "Senior Backend Engineer", "Engineering", FALSE, FALSE },
  [CS] = { "Felix Brandt", "felix.brandt@harbourlight.example", "Customer Success Lead", "Customer Success", FALSE, FALSE },
  [DPO] = { "Chloé Martin", "chloe.martin@harbourlight.example", "Legal Counsel and Data Protection Officer", "Legal", FALSE, TRUE },
  [SRE] = { "Kenji Watanabe", "kenji.watanabe@harbourlight.example", "Site Reliability Engineer", "Engineering", FALSE, FALSE },
  [SALES] = { "Nora Jensen", "nora.jensen@harbourlight.example", "Sales Manager", "Sales", FALSE, FALSE },
};

static void
add_people (Demo *demo)
{
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      KeelRecord *record = add_record (demo, g_object_new (KEEL_TYPE_PERSON, NULL));

      set_text (record, "name", people_rows[i].name);
      set_text (record, "email", people_rows[i].email);
      set_text (record, "job_title", people_rows[i].job_title);
      set_text (record, "department", people_rows[i].department);
      keel_record_set_boolean (record, "top_management", people_rows[i].top_management);
      keel_record_set_boolean (record, "review_team", people_rows[i].review_team);
      demo->people[i] = record;
    }
}

/* ------------------------------------------------------------------------ */
/* Policies                                                                 */
/* ------------------------------------------------------------------------ */

/* A version is written six days before the CEO approves it; @months says
 * when it was approved. */
#define APPROVAL_DAYS 6

static const struct
{
  const char *title;
  Who         owner;
  const char *summary;
  int         next_review_months;
  struct
  {
    const char *version;
    int         months;
    const char *description;
  } versions[MAX_VERSIONS];
} policy_rows[N_POLICIES] = {
  [POL_SECURITY] = {
    "Information Security Policy", SEC,
    "Top management's commitment to protect the confidentiality, integrity and "
    "availability of customer, patient and company information; the framework for "
    "objectives, roles, risk management and continual improvement.",
    6,
    { { "1.0", -30, "First issue, approved when the ISMS was established." },
      { "1.1", -18, "Yearly review: remote working and cloud hosting added." },
      { "2.0", -6, "Aligned with ISO/IEC 27001:2022; objectives framework and roles updated." } },
  },
  [POL_ACCEPTABLE_USE] = {
    "Acceptable Use Policy", IT,
    "How staff use laptops, accounts, email, chat and AI tools; what is never allowed "
    "with patient data.",
    4,
    { { "1.0", -26, "First issue." },
      { "1.1", -8, "Rules for AI assistants and personal devices added." } },
  },
  [POL_ACCESS] = {
    "Access Control Policy", CTO,
    "Least privilege, multi-factor authentication everywhere, quarterly access reviews "
    "and same-day removal of leavers' access.",
    /* Deliberately overdue: approved fourteen months ago, due two months ago */
    -2,
    { { "1.0", -14, "First issue, replacing the access section of the security policy." } },
  },
  [POL_SUPPLIER] = {
    "Supplier Security Policy", COO,
    "Security questionnaire, data processing agreement and risk rating before a supplier "
    "touches customer data; yearly review of critical suppliers.",
    9,
    { { "1.0", -20, "First issue." },
      { "1.1", -3, "Sub-processor list and exit plans for critical suppliers." } },
  },
};

static GString *
security_policy_pdf (Demo       *demo,
                     KeelRecord *policy)
{
  GListModel *versions = G_LIST_MODEL (keel_record_get_children (policy, "versions"));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KeelRecord) latest = g_list_model_get_item (versions, g_list_model_get_n_items (versions) - 1);
  KeelRecord *approval = keel_record_get_child (latest, "approval");
  g_autofree char *approved_on = format_date (keel_record_get_date (approval, "on"));
  static const char * const body[] = {
    "",
    "1. Purpose",
    "Harbourlight protects the confidentiality, integrity and availability of the",
    "information our clinic customers and their patients entrust to us.",
    "",
    "2. Scope",
    "The Harbourlight platform, its development and operation, our offices and remote",
    "workplaces, and the suppliers that host or process customer data.",
    "",
    "3. Commitments of top management",
    "- to set information security objectives that support our business strategy;",
    "- to satisfy applicable legal, regulatory and contractual requirements;",
    "- to provide the people, time and budget the ISMS needs;",
    "- to review the ISMS at planned intervals and to improve it continually.",
    "",
    "4. Responsibilities",
    "The CEO is accountable for the ISMS. The Information Security Lead runs it day to",
    "day. Every manager leads security in their area; every employee follows this policy",
    "and the topic policies, and reports incidents without delay.",
    "",
    "Version history",
    NULL
  };

  g_ptr_array_add (lines, g_strdup ("Harbourlight Software GmbH - Information Security Policy"));
  for (guint i = 0; body[i] != NULL; i++)
    g_ptr_array_add (lines, g_strdup (body[i]));

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(KeelRecord) version = g_list_model_get_item (versions, i);
      g_autofree char *date = format_date (keel_record_get_date (version, "date"));

      g_ptr_array_add (lines, g_strdup_printf ("%-6s %s  %s", keel_record_get_string (version, "version"),
                                               date, keel_record_get_string (version, "description")));
    }

  g_ptr_array_add (lines, g_strdup (""));
  g_ptr_array_add (lines, g_strdup_printf ("Version %s approved by %s, Chief Executive Officer, on %s.",
                                           keel_record_get_string (latest, "version"),
                                           name_of (demo, CEO), approved_on));
  g_ptr_array_add (lines, g_strdup_printf ("Signed: /%s/", name_of (demo, CEO)));
  g_ptr_array_add (lines, NULL);

  return make_pdf ("Information Security Policy", keel_record_get_date (approval, "on"),
                   (const char * const *) lines->pdata);
}

static gboolean
add_policies (Demo    *demo,
              GError **error)
{
  static const EvidenceInfo signed_policy = {
    "Information Security Policy 2.0, signed by the CEO",
    "information-security-policy-2.0-signed.pdf", "application/pdf", "5.1a 5.2 7.5",
  };
  KeelRecord *policy;
  KeelRecord *evidence;

  for (guint i = 0; i < N_POLICIES; i++)
    {
      policy = add_record (demo, g_object_new (KEEL_TYPE_POLICY, NULL));
      set_text (policy, "title", policy_rows[i].title);
      set_text (policy, "owner", person (demo, policy_rows[i].owner));
      set_text (policy, "summary", policy_rows[i].summary);

      for (guint v = 0; v < MAX_VERSIONS && policy_rows[i].versions[v].version != NULL; v++)
        {
          KeelRecord *version = append_part (policy, "versions", KEEL_TYPE_POLICY_VERSION);
          int months = policy_rows[i].versions[v].months;

          set_text (version, "version", policy_rows[i].versions[v].version);
          take_date (version, "date", shift (demo, months, -APPROVAL_DAYS));
          set_text (version, "author", person (demo, policy_rows[i].owner));
          set_text (version, "description", policy_rows[i].versions[v].description);
          sign (version, "approval", demo, CEO, shift (demo, months, 0));
        }

      take_date (policy, "next_review", shift (demo, policy_rows[i].next_review_months, 0));
      demo->policies[i] = policy;
    }

  policy = demo->policies[POL_SECURITY];
  evidence = add_evidence (demo, &signed_policy, security_policy_pdf (demo, policy),
                           shift (demo, policy_rows[POL_SECURITY].versions[2].months, 0),
                           g_date_time_ref (keel_record_get_date (policy, "next_review")),
                           (const char *[]) { id_of (policy), person (demo, CEO), NULL },
                           error);
  if (evidence == NULL)
    return FALSE;

  append_ref (policy, "evidence", id_of (evidence));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Objectives                                                               */
/* ------------------------------------------------------------------------ */

/* The monthly phishing simulations, oldest first: emails sent, links
 * clicked, emails reported. Their click rate is the phishing objective's
 * readings and the simulation report's content. */
static const struct
{
  int sent;
  int clicked;
  int reported;
} phishing_campaigns[MAX_READINGS] = {
  { 36, 7, 8 }, { 36, 6, 10 }, { 37, 6, 11 }, { 37, 5, 13 },
  { 38, 5, 15 }, { 38, 4, 17 }, { 39, 4, 18 }, { 39, 3, 21 },
  { 40, 3, 23 }, { 40, 3, 24 }, { 41, 2, 27 }, { 41, 2, 29 },
};

static double
click_rate (guint campaign)
{
  return round (1000.0 * phishing_campaigns[campaign].clicked / phishing_campaigns[campaign].sent) / 10.0;
}

static const struct
{
  const char *title;
  const char *description;
  Who         owner;
  const char *strategy_link;
  const char *department;
  const char *measure;
  const char *unit;
  const char *direction;
  double      baseline;
  double      target;
  const char *cadence;
  int         due_months;
  const char *status;
  guint       n_readings;
  double      readings[MAX_READINGS];  /* oldest first; none for phishing */
  const char *notes[MAX_READINGS];
} objective_rows[N_OBJECTIVES] = {
  [OBJ_PHISHING] = {
    "Cut the phishing click rate to 5 %",
    "Monthly phishing simulations with a two-minute lesson for everyone who clicks.",
    SEC, "Win enterprise tenders that ask for proof of security awareness", "Security",
    "Share of staff who click the link in the monthly phishing simulation", "%", "lower",
    19.4, 5, "monthly", 3, "on-track", MAX_READINGS, { 0 },
    { [0] = "First simulation: a fake parcel notice.",
      [5] = "New template: a fake invoice from a known supplier.",
      [10] = "Click rate below target for the first time." },
  },
  [OBJ_PATCHING] = {
    "Patch critical vulnerabilities within the SLA",
    "Critical and high findings from the vulnerability scanner fixed within 14 days.",
    ENG, "Keep the platform's 99.9 % availability promise to clinics", "Engineering",
    "Critical and high vulnerabilities fixed within 14 days", "%", "higher",
    72, 95, "monthly", 6, "on-track", 12,
    { 72, 74, 77, 80, 79, 83, 86, 88, 89, 91, 93, 94 },
    { [4] = "Dip: a framework upgrade held back three fixes.",
      [6] = "Automated dependency updates switched on." },
  },
  [OBJ_TRAINING] = {
    "Everyone trained in security and data protection",
    "Every employee completes the yearly security and data protection basics.",
    HR, "Clinic contracts require trained staff", "People",
    "Staff with valid security and data protection training", "%", "higher",
    61, 100, "quarterly", 2, "on-track", 4,
    { 68, 83, 90, 95 },
    { [1] = "After the yearly awareness session." },
  },
  [OBJ_INCIDENTS] = {
    "Contain incidents within eight hours",
    "Median time from an incident report to its containment. The owner is to be named "
    "after the on-call rota was reorganised.",
    /* Deliberately without an owner */
    NOBODY, "Keep the 24-hour breach notification promise to customers", "Engineering",
    "Median hours from an incident report to containment", "hours", "lower",
    30, 8, "quarterly", 5, "at-risk", 4,
    { 26, 19, 15, 12 },
    { [1] = "Mailbox compromise contained in six hours." },
  },
  [OBJ_RESTORE] = {
    "Prove that backups can be restored",
    "Quarterly restore tests of the production database and file store into a clean "
    "environment, each within the four-hour recovery target.",
    IT, "Keep the platform's 99.9 % availability promise to clinics", "Operations",
    "Scheduled restore tests that succeed within four hours", "%", "higher",
    50, 100, "quarterly", 2, "on-track", 4,
    { 50, 75, 100, 100 },
    { [0] = "File store restore took six hours.",
      [2] = "Restore runbook rewritten; both tests within target." },
  },
};

static GString *
phishing_report_csv (Demo *demo)
{
  GString *csv = g_string_new ("month,emails_sent,clicked,reported,click_rate_percent\n");

  for (guint i = 0; i < MAX_READINGS; i++)
    {
      g_autoptr(GDateTime) month = end_of_month (demo, (int) i - MAX_READINGS);
      g_autofree char *label = g_date_time_format (month, "%Y-%m");
      char rate[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (rate, sizeof rate, "%.1f", click_rate (i));
      g_string_append_printf (csv, "%s,%d,%d,%d,%s\n", label, phishing_campaigns[i].sent,
                              phishing_campaigns[i].clicked, phishing_campaigns[i].reported, rate);
    }

  return csv;
}

static gboolean
add_objectives (Demo    *demo,
                GError **error)
{
  static const EvidenceInfo report = {
    "Phishing simulation results, last twelve months",
    "phishing-simulation-report.csv", "text/csv", "5.1e 6.2 9.1",
  };
  KeelRecord *evidence;

  for (guint i = 0; i < N_OBJECTIVES; i++)
    {
      KeelRecord *objective = add_record (demo, g_object_new (KEEL_TYPE_OBJECTIVE, NULL));
      gboolean quarterly = g_strcmp0 (objective_rows[i].cadence, "quarterly") == 0;

      set_text (objective, "title", objective_rows[i].title);
      set_text (objective, "description", objective_rows[i].description);
      if (objective_rows[i].owner != NOBODY)
        set_text (objective, "owner", person (demo, objective_rows[i].owner));
      set_text (objective, "strategy_link", objective_rows[i].strategy_link);
      set_text (objective, "department", objective_rows[i].department);
      set_text (objective, "measure", objective_rows[i].measure);
      set_text (objective, "unit", objective_rows[i].unit);
      set_text (objective, "direction", objective_rows[i].direction);
      keel_record_set_double (objective, "baseline", objective_rows[i].baseline);
      keel_record_set_double (objective, "target", objective_rows[i].target);
      set_text (objective, "cadence", objective_rows[i].cadence);
      take_date (objective, "start", day_of_month (demo, -MAX_READINGS, 1));
      take_date (objective, "due", end_of_month (demo, objective_rows[i].due_months));
      set_text (objective, "status", objective_rows[i].status);

      /* Readings at the end of each month (or quarter) of the past year */
      for (guint r = 0; r < objective_rows[i].n_readings; r++)
        {
          KeelRecord *reading = append_part (objective, "readings", KEEL_TYPE_READING);
          int months = quarterly ? -10 + 3 * (int) r : -MAX_READINGS + (int) r;

          take_date (reading, "date", end_of_month (demo, months));
          keel_record_set_double (reading, "value",
                                  i == OBJ_PHISHING ? click_rate (r) : objective_rows[i].readings[r]);
          set_text (reading, "note", objective_rows[i].notes[r]);
        }

      demo->objectives[i] = objective;
    }

  evidence = add_evidence (demo, &report, phishing_report_csv (demo), end_of_month (demo, -1), NULL,
                           (const char *[]) { id_of (demo->objectives[OBJ_PHISHING]), NULL },
                           error);
  if (evidence == NULL)
    return FALSE;

  append_ref (demo->objectives[OBJ_PHISHING], "evidence", id_of (evidence));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Risks, context, interested parties                                       */
/* ------------------------------------------------------------------------ */

static const struct
{
  const char *title;
  Who         owner;
  int         likelihood;
  int         impact;
  const char *treatment;
  const char *plan;
  const char *status;
} risk_rows[N_RISKS] = {
  [RSK_RANSOMWARE] = { "Ransomware encrypts production data", CTO, 3, 5, "mitigate",
                       "Immutable off-site backups, endpoint detection on every laptop and server, "
                       "quarterly restore tests.", "treating" },
  [RSK_PHISHING] = { "Phishing leads to account takeover", SEC, 4, 4, "mitigate",
                     "Phishing-resistant multi-factor authentication, monthly simulations, "
                     "legacy authentication switched off.", "treating" },
  [RSK_HOSTING] = { "Outage of the hosting provider's region", COO, 2, 4, "transfer",
                    "Second EU region on standby; contractual SLA credits and business "
                    "interruption insurance.", "treating" },
  [RSK_LEGACY] = { "Legacy reporting module without multi-factor authentication", ENG, 2, 3, "accept",
                   "Module reachable only through the VPN; retired with the new reporting "
                   "service next year.", "accepted" },
  [RSK_INSIDER] = { "Support staff misuse access to patient data", CS, 2, 4, "mitigate",
                    "Just-in-time support access approved per ticket, every access logged and "
                    "reviewed monthly.", "treating" },
  [RSK_LAPTOP] = { "Laptop lost or stolen", IT, 3, 2, "mitigate",
                   "Full-disk encryption and remote wipe enforced through device management.",
                   "closed" },
};

static void
add_risks (Demo *demo)
{
  for (guint i = 0; i < N_RISKS; i++)
    {
      KeelRecord *risk = add_record (demo, g_object_new (KEEL_TYPE_RISK, NULL));

      set_text (risk, "title", risk_rows[i].title);
      set_text (risk, "owner", person (demo, risk_rows[i].owner));
      keel_record_set_int (risk, "likelihood", risk_rows[i].likelihood);
      keel_record_set_int (risk, "impact", risk_rows[i].impact);
      set_text (risk, "treatment", risk_rows[i].treatment);
      set_text (risk, "treatment_plan", risk_rows[i].plan);
      set_text (risk, "status", risk_rows[i].status);
      demo->risks[i] = risk;
    }
}

static const struct
{
  const char *title;
  const char *scope;
  const char *description;
  int         noted_months;
  int         changed_months;  /* 0: never changed */
} context_rows[] = {
  { "NIS2 obligations reach our clinic customers", "external",
    "Clinic groups fall under NIS2 in several countries and now pass supplier security "
    "requirements on to us in their contracts.", -9, -2 },
  { "Enterprise tenders require ISO/IEC 27001 certification", "external",
    "Hospital groups and larger clinic chains only invite certified suppliers to tender.",
    -20, 0 },
  { "Engineering grows from 14 to 20 people", "internal",
    "Two new team leads and a reorganised on-call rota; onboarding takes more of the "
    "security lead's time.", -6, -1 },
};

static void
add_context (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (context_rows); i++)
    {
      KeelRecord *issue = add_record (demo, g_object_new (KEEL_TYPE_CONTEXT_ISSUE, NULL));

      set_text (issue, "title", context_rows[i].title);
      set_text (issue, "scope", context_rows[i].scope);
      set_text (issue, "description", context_rows[i].description);
      take_date (issue, "noted_on", shift (demo, context_rows[i].noted_months, 0));
      if (context_rows[i].changed_months != 0)
        take_date (issue, "changed_on", shift (demo, context_rows[i].changed_months, 0));
    }
}

static const struct
{
  const char *name;
  const char *needs;
  int         feedback_months;
  const char *feedback;
} party_rows[] = {
  { "Clinic customers",
    "A certified ISMS, a data processing agreement, breach notification within 24 hours "
    "and 99.9 % availability.",
    -4, "The largest clinic group's security questionnaire came back without findings; "
        "they asked for the penetration test summary." },
  { "Employees",
    "Clear and practical rules, training that fits their role, and a simple way to report "
    "incidents.",
    -6, "Staff survey: 82 % know how to report a security incident; several asked for "
        "shorter policies." },
  { "Investors and advisory board",
    "Visibility of the top risks and of the certification status; no surprises.",
    -3, "The board asked for a one-page security summary every quarter." },
};

static void
add_interested_parties (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (party_rows); i++)
    {
      KeelRecord *party = add_record (demo, g_object_new (KEEL_TYPE_INTERESTED_PARTY, NULL));
      KeelRecord *feedback;

      set_text (party, "name", party_rows[i].name);
      set_text (party, "needs", party_rows[i].needs);
      feedback = append_part (party, "feedback", KEEL_TYPE_FEEDBACK);
      take_date (feedback, "on", shift (demo, party_rows[i].feedback_months, 0));
      set_text (feedback, "note", party_rows[i].feedback);
    }
}

/* ------------------------------------------------------------------------ */
/* Processes, roles, resources                                              */
/* ------------------------------------------------------------------------ */

static const struct
{
  const char *name;
  Who         owner;
  const char *security_step;
} process_rows[] = {
  { "Procurement of suppliers and software", COO,
    "Before a contract is signed: the supplier security questionnaire, a data processing "
    "agreement where personal data is involved, and a risk rating checked by the security lead." },
  { "Hiring and onboarding", HR,
    "Background check in proportion to the role, confidentiality agreement before the first "
    "day, security and data protection basics completed in the first week." },
  { "Engineering change", ENG,
    "Every change is peer reviewed against the secure coding checklist; changes to "
    "authentication or patient data need a threat model and the security lead's approval." },
  { "Offboarding", HR,
    "Accounts and devices are revoked on the last working day following the offboarding "
    "checklist; IT confirms removal from every SaaS tool within 24 hours." },
};

static void
add_processes (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (process_rows); i++)
    {
      KeelRecord *process = add_record (demo, g_object_new (KEEL_TYPE_PROCESS, NULL));

      set_text (process, "name", process_rows[i].name);
      set_text (process, "owner", person (demo, process_rows[i].owner));
      set_text (process, "security_step", process_rows[i].security_step);
    }
}

static const struct
{
  const char *activity;
  Who         who;
  const char *raci;
} role_rows[] = {
  { "Information security management system", CEO, "A" },
  { "Information security management system", SEC, "R" },
  { "Risk assessment and treatment plan", SEC, "R" },
  { "Risk acceptance", CEO, "A" },
  { "Incident response", SRE, "R" },
  { "Incident response", CTO, "A" },
  { "Quarterly access reviews", IT, "R" },
  { "Supplier security reviews", COO, "R" },
  { "Security awareness and training", HR, "R" },
  { "Internal audit", DPO, "R" },
  { "Secure engineering and change", ENG, "R" },
  { "Data protection impact assessments", DPO, "C" },
  { "Security incidents affecting customers", CS, "I" },
};

static void
add_roles (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_rows); i++)
    {
      KeelRecord *role = add_record (demo, g_object_new (KEEL_TYPE_ROLE_ASSIGNMENT, NULL));

      set_text (role, "activity", role_rows[i].activity);
      set_text (role, "person", person (demo, role_rows[i].who));
      set_text (role, "raci", role_rows[i].raci);
    }
}

static const struct
{
  const char *item;
  const char *category;
  Who         owner;
  double      amount;    /* NAN: none */
  const char *currency;  /* NULL for an amount that is not money */
} resource_rows[] = {
  { "Endpoint protection and device management licences", "tool", IT, 9600, "EUR" },
  { "Phishing simulation and awareness platform", "tool", SEC, 4200, "EUR" },
  { "Training: courses and certifications", "budget", HR, 6000, "EUR" },
  { "External certification audit", "budget", SEC, 11500, "EUR" },
  { "Yearly penetration test", "budget", CTO, 9000, "EUR" },
  { "Information security lead, 80 % of a full-time role", "people", CEO, NAN, NULL },
  { "Management time for reviews, exercises and training, in hours", "time", CEO, 120, NULL },
};

static void
add_resources (Demo *demo)
{
  int year = g_date_time_get_year (demo->today);
  g_autofree char *period = g_strdup_printf ("%d", year);

  for (guint i = 0; i < G_N_ELEMENTS (resource_rows); i++)
    {
      KeelRecord *resource = add_record (demo, g_object_new (KEEL_TYPE_RESOURCE, NULL));

      set_text (resource, "item", resource_rows[i].item);
      set_text (resource, "category", resource_rows[i].category);
      set_text (resource, "owner", person (demo, resource_rows[i].owner));
      keel_record_set_double (resource, "amount", resource_rows[i].amount);
      set_text (resource, "currency", resource_rows[i].currency);
      set_text (resource, "period", period);
      set_text (resource, "approved_by", person (demo, CEO));
      /* The year's budget is approved at the start of December before it */
      take_date (resource, "approved_on", keel_date_new (year - 1, 12, 1));
    }
}

/* ------------------------------------------------------------------------ */
/* Communication                                                            */
/* ------------------------------------------------------------------------ */

#define MAX_NOTES 3

static const struct
{
  const char *topic;
  const char *message;
  Who         communicator;
  const char *audience;
  const char *channel;
  const char *frequency;
  int         interval;
  int         start_months;   /* the first occurrence, relative to today */
  int         start_day;
  guint       missed_from_end;  /* 0: none; n: the n-th last past occurrence has no delivery */
  const char *notes[MAX_NOTES];  /* for the deliveries, in turn */
} communication_rows[N_COMMUNICATIONS] = {
  [COM_ALL_HANDS] = {
    "Security update at the all-hands",
    "Where we stand on our security objectives, recent incidents and what we learnt, and "
    "what we ask of everyone this quarter.",
    CEO, "All staff", "all-hands", "monthly", 3, -15, 12, 0,
    { "Presented with the security lead; questions on AI tools.",
      "Incident review of the quarter; phishing results.",
      "Objectives status and next quarter's focus." },
  },
  [COM_AWARENESS] = {
    "Yearly security and data protection training",
    "Basics of information security and data protection: phishing, passwords and "
    "multi-factor authentication, handling patient data, reporting incidents.",
    SEC, "All staff", "training", "yearly", 1, -21, 14, 0,
    { "Live session in the office and online; recording for those absent." },
  },
  [COM_NEWSLETTER] = {
    "Security newsletter",
    "One page: the month's phishing result, a tip, a policy reminder and who to ask.",
    SEC, "All staff", "email", "monthly", 1, -12, 5,
    /* Deliberately missed: one month's newsletter was never sent */
    4,
    { "Sent to all staff.", "Sent to all staff; tip on travel security.",
      "Sent to all staff; reminder of the incident hotline." },
  },
  [COM_POLICY_NOTICE] = {
    "Information security policy 2.0 published",
    "The CEO announces the new version of the information security policy and what "
    "changed; every employee confirms having read it.",
    CEO, "All staff", "intranet", "once", 0, -6, 0, 0,
    { "Published on the intranet with a read confirmation; 39 of 41 confirmed in a week." },
  },
};

static GDateTime *
occurrence (GDateTime  *start,
            const char *frequency,
            int         interval,
            guint       n)
{
  if (g_strcmp0 (frequency, "yearly") == 0)
    return keel_date_add_months (start, 12 * MAX (interval, 1) * (int) n);
  if (g_strcmp0 (frequency, "monthly") == 0)
    return keel_date_add_months (start, MAX (interval, 1) * (int) n);

  return n == 0 ? g_date_time_ref (start) : NULL;
}

static void
add_communications (Demo *demo)
{
  for (guint i = 0; i < N_COMMUNICATIONS; i++)
    {
      KeelRecord *communication = add_record (demo, g_object_new (KEEL_TYPE_COMMUNICATION, NULL));
      KeelRecord *recurrence;
      g_autoptr(GDateTime) start = NULL;
      guint n_past = 0;
      guint n_notes = 0;

      set_text (communication, "topic", communication_rows[i].topic);
      set_text (communication, "message", communication_rows[i].message);
      set_text (communication, "communicator", person (demo, communication_rows[i].communicator));
      set_text (communication, "audience", communication_rows[i].audience);
      set_text (communication, "channel", communication_rows[i].channel);

      /* The policy notice follows the approval of policy 2.0 by three days */
      start = communication_rows[i].start_day > 0
        ? day_of_month (demo, communication_rows[i].start_months, communication_rows[i].start_day)
        : shift (demo, communication_rows[i].start_months, 3);

      recurrence = set_part (communication, "recurrence", KEEL_TYPE_RECURRENCE);
      set_text (recurrence, "frequency", communication_rows[i].frequency);
      keel_record_set_int (recurrence, "interval", communication_rows[i].interval);
      keel_record_set_date (recurrence, "start", start);

      for (;; n_past++)
        {
          g_autoptr(GDateTime) when = occurrence (start, communication_rows[i].frequency,
                                                  communication_rows[i].interval, n_past);
          if (when == NULL || keel_date_compare (when, demo->today) >= 0)
            break;
        }

      while (n_notes < MAX_NOTES && communication_rows[i].notes[n_notes] != NULL)
        n_notes++;

      /* A delivery on the day of each past occurrence, but the missed one */
      for (guint n = 0; n < n_past; n++)
        {
          KeelRecord *delivery;

          if (communication_rows[i].missed_from_end != 0 &&
              n == n_past - communication_rows[i].missed_from_end)
            continue;

          delivery = append_part (communication, "deliveries", KEEL_TYPE_DELIVERY);
          take_date (delivery, "date", occurrence (start, communication_rows[i].frequency,
                                                   communication_rows[i].interval, n));
          set_text (delivery, "by", person (demo, communication_rows[i].communicator));
          set_text (delivery, "note", communication_rows[i].notes[n % n_notes]);
          demo->last_delivery[i] = delivery;
        }

      demo->communications[i] = communication;
    }
}

static GString *
all_hands_slides (Demo       *demo,
                  GDateTime  *date)
{
  g_autofree char *day = format_date (date);
  GString *md = g_string_new (NULL);

  g_string_append_printf (md, "# Security update — all-hands, %s\n\n", day);
  g_string_append_printf (md, "Presented by %s (CEO) and %s (Information Security Lead)\n\n",
                          name_of (demo, CEO), name_of (demo, SEC));
  g_string_append (md, "## Where we stand\n\n");

  for (guint i = 0; i < N_OBJECTIVES; i++)
    {
      KeelRecord *objective = demo->objectives[i];
      GListModel *readings = G_LIST_MODEL (keel_record_get_children (objective, "readings"));
      g_autoptr(KeelRecord) last = g_list_model_get_item (readings, g_list_model_get_n_items (readings) - 1);
      char value[G_ASCII_DTOSTR_BUF_SIZE];
      char target[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (value, sizeof value, "%g", keel_record_get_double (last, "value"));
      g_ascii_formatd (target, sizeof target, "%g", keel_record_get_double (objective, "target"));
      g_string_append_printf (md, "- %s: %s %s (target %s %s)\n",
                              keel_record_get_string (objective, "title"),
                              value, keel_record_get_string (objective, "unit"),
                              target, keel_record_get_string (objective, "unit"));
    }

  g_string_append (md,
                   "\n## What happened this quarter\n\n"
                   "- No incident affected customer data.\n"
                   "- The access control policy is due for its review: owners, please send comments.\n"
                   "\n## What we ask of you\n\n"
                   "- Report anything odd to security@harbourlight.example, even if unsure.\n"
                   "- Complete your yearly training before it expires.\n"
                   "- Never paste patient data into AI tools.\n"
                   "\n## Questions\n");

  return md;
}

static gboolean
add_communication_evidence (Demo    *demo,
                            GError **error)
{
  static const EvidenceInfo slides = {
    "All-hands security update, slide outline",
    "all-hands-security-update.md", "text/markdown", "5.1d 7.3 7.4",
  };
  KeelRecord *delivery = demo->last_delivery[COM_ALL_HANDS];
  GDateTime *date = keel_record_get_date (delivery, "date");
  KeelRecord *evidence;

  evidence = add_evidence (demo, &slides, all_hands_slides (demo, date), g_date_time_ref (date), NULL,
                           (const char *[]) { id_of (demo->communications[COM_ALL_HANDS]), NULL },
                           error);
  if (evidence == NULL)
    return FALSE;

  append_ref (delivery, "evidence", id_of (evidence));

  /* The policy notice delivered the signed policy itself */
  append_ref (demo->last_delivery[COM_POLICY_NOTICE], "evidence",
              keel_record_get_strv (demo->policies[POL_SECURITY], "evidence")[0]);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Training                                                                 */
/* ------------------------------------------------------------------------ */

#define BASICS "Security and data protection basics (yearly)"

/* When someone completed a course: at the last yearly session, or on
 * another day (e-learning, onboarding, an exercise). */
typedef enum { AT_SESSION, ON_DAY } When;

static const struct
{
  Who         who;
  const char *course;
  When        when;
  int         months;        /* ON_DAY: relative to today */
  int         days;
  int         valid_months;  /* 0: does not expire */
} training_rows[] = {
  { CEO, BASICS, AT_SESSION, 0, 0, 12 },
  { CTO, BASICS, AT_SESSION, 0, 0, 12 },
  { COO, BASICS, AT_SESSION, 0, 0, 12 },
  { SEC, BASICS, AT_SESSION, 0, 0, 12 },
  { HR, BASICS, AT_SESSION, 0, 0, 12 },
  { ENG, BASICS, AT_SESSION, 0, 0, 12 },
  { DPO, BASICS, AT_SESSION, 0, 0, 12 },
  /* Expiring soon: e-learning almost a year ago */
  { IT, BASICS, ON_DAY, -11, -12, 12 },
  { CS, BASICS, ON_DAY, -11, -5, 12 },
  /* A new joiner, trained in the first week */
  { SRE, BASICS, ON_DAY, -1, -20, 12 },
  /* Expired a month ago */
  { SALES, BASICS, ON_DAY, -13, 0, 12 },
  { SEC, "ISO/IEC 27001 Lead Implementer", ON_DAY, -20, 0, 36 },
  /* The leadership table-top exercise decided at the second review */
  { CEO, "Incident response table-top exercise for leadership", ON_DAY, -4, -3, 0 },
  { CTO, "Incident response table-top exercise for leadership", ON_DAY, -4, -3, 0 },
  { COO, "Incident response table-top exercise for leadership", ON_DAY, -4, -3, 0 },
};

static GString *
attendance_csv (Demo      *demo,
                GDateTime *session)
{
  g_autofree char *day = format_date (session);
  GString *csv = g_string_new ("date,course,name,email,department,attended\n");

  for (guint i = 0; i < G_N_ELEMENTS (training_rows); i++)
    {
      KeelRecord *someone;

      if (training_rows[i].when != AT_SESSION)
        continue;

      someone = demo->people[training_rows[i].who];
      g_string_append_printf (csv, "%s,%s,%s,%s,%s,yes\n", day, training_rows[i].course,
                              keel_record_get_string (someone, "name"),
                              keel_record_get_string (someone, "email"),
                              keel_record_get_string (someone, "department"));
    }

  return csv;
}

static gboolean
add_training (Demo    *demo,
              GError **error)
{
  static const EvidenceInfo attendance = {
    "Attendance list of the yearly security and data protection training",
    "security-training-attendance.csv", "text/csv", "5.1f 7.2 7.3",
  };
  KeelRecord *session_delivery = demo->last_delivery[COM_AWARENESS];
  GDateTime *session = keel_record_get_date (session_delivery, "date");
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  g_auto(GStrv) link_ids = NULL;
  KeelRecord *evidence;

  for (guint i = 0; i < G_N_ELEMENTS (training_rows); i++)
    {
      KeelRecord *training = add_record (demo, g_object_new (KEEL_TYPE_TRAINING, NULL));
      g_autoptr(GDateTime) completed = training_rows[i].when == AT_SESSION
        ? g_date_time_ref (session)
        : shift (demo, training_rows[i].months, training_rows[i].days);

      set_text (training, "person", person (demo, training_rows[i].who));
      set_text (training, "course", training_rows[i].course);
      keel_record_set_date (training, "completed_on", completed);
      if (training_rows[i].valid_months != 0)
        take_date (training, "expires_on", keel_date_add_months (completed, training_rows[i].valid_months));

      if (training_rows[i].when == AT_SESSION)
        g_ptr_array_add (demo->session_training, training);
    }

  g_strv_builder_add (links, id_of (demo->communications[COM_AWARENESS]));
  for (guint i = 0; i < demo->session_training->len; i++)
    g_strv_builder_add (links, id_of (demo->session_training->pdata[i]));
  link_ids = g_strv_builder_end (links);

  evidence = add_evidence (demo, &attendance, attendance_csv (demo, session), g_date_time_ref (session),
                           NULL, (const char * const *) link_ids, error);
  if (evidence == NULL)
    return FALSE;

  append_ref (session_delivery, "evidence", id_of (evidence));
  for (guint i = 0; i < demo->session_training->len; i++)
    append_ref (demo->session_training->pdata[i], "evidence", id_of (evidence));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Audits and improvements                                                  */
/* ------------------------------------------------------------------------ */

static const struct
{
  const char *title;
  int         months;
  const char *scope;
  const char *auditor;
  const char *result;
  const char *findings;
} audit_rows[N_AUDITS] = {
  [AUD_INTERNAL] = {
    "Internal audit of the ISMS", -9,
    "Clauses 4 to 10 and the access control, supplier and people controls; interviews with "
    "top management.",
    "Chloé Martin (Legal), supported by an external ISO/IEC 27001 auditor",
    "minor-findings",
    "Two minor nonconformities: production database access reviews were skipped for a "
    "quarter; two leavers kept SaaS accounts for ten days. One opportunity: automate "
    "dependency scanning.",
  },
  [AUD_SURVEILLANCE] = {
    "Surveillance audit by the certification body", -7,
    "The whole ISMS; leadership and commitment (Clause 5.1) in depth.",
    "Certification body, lead auditor", "passed",
    "No nonconformities. The auditor noted good evidence of leadership engagement.",
  },
  [AUD_NEXT_INTERNAL] = {
    "Internal audit of the ISMS", 3,
    "Clauses 4 to 10; incident management and change management controls.",
    "Chloé Martin (Legal)", "planned", NULL,
  },
};

static void
add_audits (Demo *demo)
{
  for (guint i = 0; i < N_AUDITS; i++)
    {
      KeelRecord *audit = add_record (demo, g_object_new (KEEL_TYPE_AUDIT, NULL));

      set_text (audit, "title", audit_rows[i].title);
      take_date (audit, "planned", working_day (shift (demo, audit_rows[i].months, 0)));
      set_text (audit, "scope", audit_rows[i].scope);
      set_text (audit, "auditor", audit_rows[i].auditor);
      set_text (audit, "result", audit_rows[i].result);
      set_text (audit, "findings", audit_rows[i].findings);
      demo->audits[i] = audit;
    }
}

static const struct
{
  gboolean    from_audit;  /* found by the internal audit, dated on its day */
  int         months;      /* from_audit: none */
  int         days;        /* from_audit: after the audit */
  const char *kind;
  const char *description;
  const char *root_cause;
  const char *correction;
  const char *corrective_action;
  Who         owner;
  int         due_months;
  const char *status;
  const char *effectiveness;
  int         checked_months;  /* 0: not yet checked */
} improvement_rows[N_IMPROVEMENTS] = {
  [NC_INCIDENT] = {
    FALSE, -7, 0, "incident",
    "A phishing email led to one compromised mailbox; the attacker sent internal phishing "
    "for two hours before the account was locked.",
    "Legacy mail protocols without multi-factor authentication were still allowed for "
    "one old shared mailbox.",
    "Password reset, sessions revoked, mail rules removed, recipients warned.",
    "Legacy authentication switched off for the whole mail tenant; shared mailboxes "
    "reviewed.",
    IT, -6, "closed",
    "No legacy sign-ins in the following three months of sign-in logs.", -3,
  },
  [NC_ACCESS_REVIEW] = {
    TRUE, 0, 0, "nonconformity",
    "Internal audit: the quarterly access review of the production database was not "
    "performed for one quarter.",
    "The review had no reminder and no deputy while its owner was on leave.",
    "Review performed late; two stale accounts removed.",
    "Quarterly reviews scheduled as recurring tasks with a named deputy.",
    CTO, -7, "closed",
    "The next two quarterly reviews were done on time.", -1,
  },
  [NC_OFFBOARDING] = {
    TRUE, 0, 0, "nonconformity",
    "Internal audit: two leavers' SaaS accounts were still active ten days after they left.",
    "The offboarding checklist listed only the central accounts, not the SaaS tools.",
    "Both accounts closed the same day.",
    "Every SaaS tool connected to single sign-on; the checklist lists the rest by owner.",
    HR, 1, "in-progress", NULL, 0,
  },
  [NC_SCANNING] = {
    TRUE, 0, 2, "improvement",
    "Scan dependencies for known vulnerabilities in every build, not only nightly.",
    NULL, NULL,
    "Add dependency scanning to the build pipeline and block releases with critical "
    "findings.",
    ENG, 2, "open", NULL, 0,
  },
};

static GString *
audit_report_txt (Demo *demo)
{
  KeelRecord *audit = demo->audits[AUD_INTERNAL];
  g_autofree char *day = format_date (keel_record_get_date (audit, "planned"));
  GString *txt = g_string_new (NULL);

  g_string_append_printf (txt, "INTERNAL AUDIT REPORT - %s\n", keel_record_get_string (audit, "title"));
  g_string_append_printf (txt, "Harbourlight Software GmbH, %s\n\n", day);
  g_string_append_printf (txt, "Auditor: %s\n", keel_record_get_string (audit, "auditor"));
  g_string_append_printf (txt, "Scope: %s\n\n", keel_record_get_string (audit, "scope"));
  g_string_append (txt, "Result: passed with minor findings\n\nFindings\n");

  for (guint i = 0; i < N_IMPROVEMENTS; i++)
    {
      KeelRecord *improvement = demo->improvements[i];

      if (!improvement_rows[i].from_audit)
        continue;

      g_string_append_printf (txt, "- %s (%s, %s): %s\n", id_of (improvement),
                              keel_record_get_string (improvement, "kind"),
                              name_of (demo, improvement_rows[i].owner),
                              keel_record_get_string (improvement, "description"));
    }

  g_string_append_printf (txt, "\nReport sent to top management: %s, %s, %s.\n",
                          name_of (demo, CEO), name_of (demo, CTO), name_of (demo, COO));

  return txt;
}

static gboolean
add_improvements (Demo    *demo,
                  GError **error)
{
  static const EvidenceInfo report = {
    "Internal audit report",
    "internal-audit-report.txt", "text/plain", "9.2 10.2",
  };
  KeelRecord *audit = demo->audits[AUD_INTERNAL];
  KeelRecord *evidence;

  for (guint i = 0; i < N_IMPROVEMENTS; i++)
    {
      KeelRecord *improvement = add_record (demo, g_object_new (KEEL_TYPE_IMPROVEMENT, NULL));

      if (improvement_rows[i].from_audit)
        take_date (improvement, "date", keel_date_add_days (keel_record_get_date (audit, "planned"),
                                                            improvement_rows[i].days));
      else
        take_date (improvement, "date", shift (demo, improvement_rows[i].months, improvement_rows[i].days));
      set_text (improvement, "kind", improvement_rows[i].kind);
      set_text (improvement, "description", improvement_rows[i].description);
      set_text (improvement, "root_cause", improvement_rows[i].root_cause);
      set_text (improvement, "correction", improvement_rows[i].correction);
      set_text (improvement, "corrective_action", improvement_rows[i].corrective_action);
      set_text (improvement, "owner", person (demo, improvement_rows[i].owner));
      take_date (improvement, "due", shift (demo, improvement_rows[i].due_months, 0));
      set_text (improvement, "status", improvement_rows[i].status);
      set_text (improvement, "effectiveness", improvement_rows[i].effectiveness);
      if (improvement_rows[i].checked_months != 0)
        take_date (improvement, "effectiveness_checked_on",
                   shift (demo, improvement_rows[i].checked_months, 0));
      demo->improvements[i] = improvement;
    }

  evidence = add_evidence (demo, &report, audit_report_txt (demo),
                           keel_date_add_days (keel_record_get_date (audit, "planned"), 5), NULL,
                           (const char *[]) { id_of (audit),
                                              id_of (demo->improvements[NC_ACCESS_REVIEW]),
                                              id_of (demo->improvements[NC_OFFBOARDING]),
                                              id_of (demo->improvements[NC_SCANNING]),
                                              NULL },
                           error);

  return evidence != NULL;
}

/* ------------------------------------------------------------------------ */
/* Management reviews                                                       */
/* ------------------------------------------------------------------------ */

/* The Clause 9.3.2 inputs, in order, and who presents each */
static const struct
{
  const char *input;
  const char *title;
  Who         presenter;
} agenda_rows[N_INPUTS] = {
  { "a", "Status of actions from previous management reviews", SEC },
  { "b", "Changes in external and internal issues relevant to the ISMS", COO },
  { "c", "Changes in needs and expectations of interested parties", DPO },
  { "d", "Feedback on information security performance: nonconformities and corrective "
         "actions, monitoring and measurement results, audit results, objectives", SEC },
  { "e", "Feedback from interested parties", COO },
  { "f", "Results of risk assessment and status of the risk treatment plan", SEC },
  { "g", "Opportunities for continual improvement", CTO },
};

typedef struct
{
  const char *text;
  const char *kind;
  /* The action it leads to, if any; dates relative to today */
  const char *action;
  Who         owner;
  int         due_months;
  int         due_days;
  const char *status;
  int         closed_months;
  int         closed_days;
  /* The risk it decides on, if any */
  int         risk;  /* -1: none */
  const char *rationale;
} DecisionRow;

/* Reviews are held every six months, three weeks after the month's start;
 * @months says which half-year. */
#define REVIEW_DAYS 21

static const struct
{
  int         months;
  const char *status;
  gboolean    signed_off;
  const char *location;
  const char *minutes[N_INPUTS];
  DecisionRow decisions[MAX_DECISIONS];
} review_rows[N_REVIEWS] = {
  [MR_FIRST] = {
    -12, "signed-off", TRUE, "Meeting room Lighthouse, Hamburg office",
    { "Four actions from the previous review: three closed; the log platform evaluation "
      "was cancelled in favour of the hosting provider's logging service. None overdue.",
      "External: enterprise tenders now require an ISO/IEC 27001 certificate. Internal: "
      "production moved to a second EU region.",
      "Clinic customers expect breach notification within 24 hours; the data processing "
      "agreement template was updated to say so.",
      "First phishing simulation: 19 % clicked, against a 5 % target; 72 % of critical "
      "patches within the SLA. One incident: a lost laptop, encrypted, no data lost. Internal audit: no major "
      "findings. Objectives reviewed one by one.",
      "Two customers praised the public security page; one asked for more detail on "
      "sub-processors.",
      "Risk register reviewed: ransomware remains the top risk; its treatment plan was "
      "approved.",
      "Repeat the phishing simulation every month; report patching from the scanner; "
      "revise the policy for the 2022 edition of the standard." },
    { { "Run the phishing simulation every month, with a short lesson for those who click",
        "improvement", "Make the phishing simulation monthly", SEC, -10, 0, "done", -10, -9, -1, NULL },
      { "Report patching within the SLA every month, straight from the vulnerability scanner",
        "improvement", "Automate the monthly patching report", ENG, -9, 0, "done", -9, -2, -1, NULL },
      { "Revise the information security policy for ISO/IEC 27001:2022",
        "change", "Revise the information security policy", SEC, -6, 7, "done", -6, 2, -1, NULL },
      { "Approve the ransomware treatment plan: immutable backups and endpoint detection",
        "risk", NULL, NOBODY, 0, 0, NULL, 0, 0, RSK_RANSOMWARE,
        "Ransomware is the top risk; the plan fits this year's budget." } },
  },
  [MR_SECOND] = {
    -6, "held", FALSE, "Meeting room Lighthouse, Hamburg office",
    { "All three actions from the previous review are closed; policy 2.0 was approved by "
      "the CEO shortly before this review.",
      "NIS2 requirements reach us through our clinic customers' contracts. Engineering "
      "grows from 14 to 20 people.",
      "Customers now ask for a yearly penetration test summary.",
      "Phishing click rate down to about 10 %; around 85 % of critical patches within the SLA. One "
      "incident: a mailbox compromised through legacy authentication, contained in six "
      "hours. Internal audit: two minor nonconformities (access reviews, offboarding). The "
      "incident response objective has had no owner since the on-call reorganisation.",
      "Staff survey: 82 % know how to report an incident; several asked for shorter "
      "policies.",
      "The legacy reporting module without multi-factor authentication: risk accepted "
      "until the module is retired. Ransomware treatment on track.",
      "A table-top incident exercise for leadership; an owner for the incident response "
      "objective; one-page policy summaries." },
    { { "Hold a table-top incident exercise with top management",
        "improvement", "Run the leadership table-top exercise", SEC, -4, 0, "done", -4, -3, -1, NULL },
      { "Publish a one-page summary of every topic policy",
        "improvement", "Write one-page policy summaries", HR, 1, 0, "in-progress", 0, 0, -1, NULL },
      /* Deliberately open and overdue */
      { "Name an owner for the incident response objective",
        "change", "Name an owner for the incident response objective", CEO, 0, -21, "open", 0, 0, -1, NULL },
      { "Accept the risk of the legacy reporting module until it is retired",
        "risk", NULL, NOBODY, 0, 0, NULL, 0, 0, RSK_LEGACY,
        "Reachable only through the VPN, few users, and retired with the new reporting "
        "service next year; rebuilding its login would cost more than the risk." } },
  },
  [MR_NEXT] = {
    0, "planned", FALSE, "Meeting room Lighthouse, Hamburg office",
    { NULL },
    { { NULL } },
  },
};

static const Who review_attendees[] = { CEO, CTO, COO, SEC, HR, DPO };

/* Not the locale's: the demo's text is the same everywhere */
static const char * const month_names[12] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static void
add_decision (Demo              *demo,
              KeelRecord        *review,
              const DecisionRow *row)
{
  KeelRecord *decision = append_part (review, "decisions", KEEL_TYPE_DECISION);
  GDateTime *held = keel_record_get_date (review, "start");

  set_text (decision, "text", row->text);
  set_text (decision, "kind", row->kind);

  if (row->action != NULL)
    {
      KeelRecord *action = add_record (demo, g_object_new (KEEL_TYPE_ACTION, NULL));

      set_text (action, "title", row->action);
      set_text (action, "owner", person (demo, row->owner));
      take_date (action, "due", shift (demo, row->due_months, row->due_days));
      set_text (action, "status", row->status);
      set_text (action, "source", id_of (review));
      if (g_strcmp0 (row->status, "done") == 0)
        take_date (action, "closed_on", shift (demo, row->closed_months, row->closed_days));
      set_text (decision, "action", id_of (action));
    }

  if (row->risk >= 0)
    {
      KeelRecord *risk_decision = append_part (demo->risks[row->risk], "decisions",
                                               KEEL_TYPE_RISK_DECISION);

      keel_record_set_date (risk_decision, "on", held);
      set_text (risk_decision, "by", person (demo, CEO));
      set_text (risk_decision, "decision", row->text);
      set_text (risk_decision, "rationale", row->rationale);
    }
}

static GString *
minutes_txt (Demo       *demo,
             KeelRecord *review)
{
  GListModel *agenda = G_LIST_MODEL (keel_record_get_children (review, "agenda"));
  GListModel *decisions = G_LIST_MODEL (keel_record_get_children (review, "decisions"));
  KeelRecord *sign_off = keel_record_get_child (review, "sign_off");
  g_autofree char *start = g_date_time_format (keel_record_get_date (review, "start"), "%Y-%m-%d %H:%M UTC");
  g_autofree char *signed_on = format_date (keel_record_get_date (sign_off, "on"));
  GString *txt = g_string_new (NULL);

  g_string_append_printf (txt, "MINUTES - %s (%s)\n", keel_record_get_string (review, "title"), id_of (review));
  g_string_append_printf (txt, "Harbourlight Software GmbH, %s, %s\n\n", start,
                          keel_record_get_string (review, "location"));
  g_string_append_printf (txt, "Chair: %s\nAttendees:", name_of (demo, CEO));
  for (guint i = 0; i < G_N_ELEMENTS (review_attendees); i++)
    g_string_append_printf (txt, "%s %s", i ? "," : "", name_of (demo, review_attendees[i]));
  g_string_append (txt, "\n\n");

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(KeelRecord) item = g_list_model_get_item (agenda, i);

      g_string_append_printf (txt, "%u. (%s) %s\n   %s\n\n", i + 1,
                              keel_record_get_string (item, "input"),
                              keel_record_get_string (item, "title"),
                              keel_record_get_string (item, "minutes"));
    }

  g_string_append (txt, "Decisions\n");
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(KeelRecord) decision = g_list_model_get_item (decisions, i);
      const char *action_id = keel_record_get_string (decision, "action");

      g_string_append_printf (txt, "- %s", keel_record_get_string (decision, "text"));
      if (action_id != NULL)
        {
          KeelRecord *action = keel_workspace_lookup (demo->workspace, action_id);
          g_autofree char *due = format_date (keel_record_get_date (action, "due"));

          g_string_append_printf (txt, " -> %s, due %s", action_id, due);
        }
      g_string_append_c (txt, '\n');
    }

  g_string_append_printf (txt, "\nSigned off by %s, Chief Executive Officer, on %s.\n",
                          name_of (demo, CEO), signed_on);

  return txt;
}

static gboolean
add_reviews (Demo    *demo,
             GError **error)
{
  static const EvidenceInfo minutes = {
    "Signed minutes of the management review",
    "management-review-minutes.txt", "text/plain", "5.1e 5.1g 5.1h 9.3",
  };
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  KeelRecord *first;
  KeelRecord *evidence;

  for (guint i = 0; i < N_REVIEWS; i++)
    {
      KeelRecord *review = g_object_new (KEEL_TYPE_REVIEW, NULL);
      g_autoptr(GStrvBuilder) attendees = g_strv_builder_new ();
      g_auto(GStrv) attendee_ids = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GDateTime) start =
        at_time (working_day (shift (demo, review_rows[i].months, REVIEW_DAYS)), 9, 0);

      /* The review's id carries the year it is held in: set the start first */
      title = g_strdup_printf ("Management review, %s %d",
                               month_names[g_date_time_get_month (start) - 1],
                               g_date_time_get_year (start));
      set_text (review, "title", title);
      keel_record_set_date (review, "start", start);
      review = add_record (demo, review);

      keel_record_set_int (review, "duration", 120);
      set_text (review, "location", review_rows[i].location);
      set_text (review, "chair", person (demo, CEO));
      for (guint a = 0; a < G_N_ELEMENTS (review_attendees); a++)
        g_strv_builder_add (attendees, person (demo, review_attendees[a]));
      attendee_ids = g_strv_builder_end (attendees);
      keel_record_set_strv (review, "attendees", (const char * const *) attendee_ids);
      set_text (review, "status", review_rows[i].status);

      for (guint a = 0; a < N_INPUTS; a++)
        {
          KeelRecord *item = append_part (review, "agenda", KEEL_TYPE_AGENDA_ITEM);

          set_text (item, "title", agenda_rows[a].title);
          set_text (item, "input", agenda_rows[a].input);
          set_text (item, "presenter", person (demo, agenda_rows[a].presenter));
          set_text (item, "minutes", review_rows[i].minutes[a]);
        }

      for (guint d = 0; d < MAX_DECISIONS && review_rows[i].decisions[d].text != NULL; d++)
        add_decision (demo, review, &review_rows[i].decisions[d]);

      if (review_rows[i].signed_off)
        sign (review, "sign_off", demo, CEO, keel_date_add_days (start, 7));

      demo->reviews[i] = review;
    }

  first = demo->reviews[MR_FIRST];
  g_ptr_array_add (links, (gpointer) id_of (first));
  for (guint d = 0; d < MAX_DECISIONS && review_rows[MR_FIRST].decisions[d].text != NULL; d++)
    if (review_rows[MR_FIRST].decisions[d].action != NULL)
      {
        g_autoptr(KeelRecord) decision =
          g_list_model_get_item (G_LIST_MODEL (keel_record_get_children (first, "decisions")), d);

        g_ptr_array_add (links, (gpointer) keel_record_get_string (decision, "action"));
      }
  g_ptr_array_add (links, NULL);

  evidence = add_evidence (demo, &minutes, minutes_txt (demo, first),
                           g_date_time_ref (keel_record_get_date (keel_record_get_child (first, "sign_off"), "on")),
                           NULL, (const char * const *) links->pdata, error);

  return evidence != NULL;
}

/* ------------------------------------------------------------------------ */
/* Dispatches                                                               */
/* ------------------------------------------------------------------------ */

static void
add_dispatches (Demo *demo)
{
  KeelRecord *audit = demo->audits[AUD_SURVEILLANCE];
  KeelRecord *dispatch = add_record (demo, g_object_new (KEEL_TYPE_DISPATCH, NULL));
  g_autoptr(GDateTime) sent_at =
    at_time (working_day (keel_date_add_days (keel_record_get_date (audit, "planned"), -14)), 14, 30);
  g_autofree char *day = format_date (sent_at);
  g_autofree char *file_name = g_strdup_printf ("harbourlight-evidence-%s.zip", day);
  g_autofree char *sha256 = NULL;

  /* The bundle itself is not part of the demo; its hash is derived from its
   * name so that it stays the same for the same day. */
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, file_name, -1);

  keel_record_set_date (dispatch, "sent_at", sent_at);
  keel_record_set_strv (dispatch, "recipients",
                        (const char *[]) { "lead.auditor@certification-body.example", NULL });
  set_text (dispatch, "method", "email");
  set_text (dispatch, "file_name", file_name);
  set_text (dispatch, "sha256", sha256);
  keel_record_set_int (dispatch, "size", 284516);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

static gboolean
workspace_is_empty (KeelWorkspace *workspace)
{
  guint n_kinds;
  const GType *kinds = keel_workspace_get_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    if (keel_workspace_count (workspace, kinds[k]) > 0)
      return FALSE;

  return TRUE;
}

/**
 * keel_demo_populate:
 * @workspace: an empty workspace
 * @today: the day the demo is written for
 *
 * Fills @workspace with the demo company's records, as of @today, and
 * copies the demo's evidence files into its folder. The workspace is not
 * saved.
 *
 * Returns: %TRUE on success; %FALSE with @error set if the workspace
 *   already holds records or an evidence file cannot be written
 */
gboolean
keel_demo_populate (KeelWorkspace  *workspace,
                    GDateTime      *today,
                    GError        **error)
{
  g_autoptr(GPtrArray) session_training = g_ptr_array_new ();
  g_autoptr(GDateTime) day = NULL;
  Demo demo = { 0 };

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!workspace_is_empty (workspace))
    {
      g_autofree char *name = g_file_get_parse_name (keel_workspace_get_folder (workspace));

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_EMPTY,
                   _("%s already holds records; the demo is only written into an empty workspace"),
                   name);
      return FALSE;
    }

  /* Calendar days only: drop any time of day */
  day = keel_date_new (g_date_time_get_year (today), g_date_time_get_month (today),
                       g_date_time_get_day_of_month (today));

  demo.workspace = workspace;
  demo.today = day;
  demo.session_training = session_training;

  add_organisation (&demo);
  add_people (&demo);
  if (!add_policies (&demo, error) ||
      !add_objectives (&demo, error))
    return FALSE;
  add_risks (&demo);
  add_context (&demo);
  add_interested_parties (&demo);
  add_processes (&demo);
  add_roles (&demo);
  add_resources (&demo);
  add_communications (&demo);
  if (!add_communication_evidence (&demo, error) ||
      !add_training (&demo, error))
    return FALSE;
  add_audits (&demo);
  if (!add_improvements (&demo, error) ||
      !add_reviews (&demo, error))
    return FALSE;
  add_dispatches (&demo);

  return TRUE;
}

/* Removes a folder this file created, and all in it; never follows a link */
static void
remove_tree (GFile *folder)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (enumerator == NULL ||
          !g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }

  g_file_delete (folder, NULL, NULL);
}

/**
 * keel_demo_write:
 * @folder: where the demo workspace goes: a new or empty folder
 * @today: the day the demo is written for
 *
 * Writes the demo workspace into a new folder beside @folder, then moves
 * it into place in one rename: a demo that is interrupted leaves no
 * half-written workspace at @folder, only a hidden folder beside it.
 *
 * Returns: %TRUE on success; %FALSE with @error set (KEEL_ERROR_NOT_EMPTY
 *   if @folder holds anything)
 */
gboolean
keel_demo_write (GFile      *folder,
                 GDateTime  *today,
                 GError    **error)
{
  g_autoptr(KeelWorkspace) workspace = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (folder);
  path = g_file_peek_path (folder);
  parent = g_file_get_parent (folder);
  if (path == NULL || parent == NULL || g_file_peek_path (parent) == NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The demo cannot be written to %s: it is not a local folder"), name);
      return FALSE;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL && g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_EMPTY,
                   _("%s is not empty; the demo is only written into an empty or new folder"),
                   name);
      return FALSE;
    }
  g_clear_pointer (&dir, g_dir_close);

  if (g_mkdir_with_parents (g_file_peek_path (parent), 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *parent_name = g_file_get_parse_name (parent);

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The demo cannot be written: %s cannot be created (%s)"),
                   parent_name, g_strerror (saved_errno));
      return FALSE;
    }

  base = g_file_get_basename (folder);
  template = g_strdup_printf ("%s/.%s.demo-XXXXXX", g_file_peek_path (parent), base);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, KEEL_ERROR, KEEL_ERROR_NOT_WRITABLE,
                   _("The demo cannot be written beside %s: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  temp = g_file_new_for_path (template);

  workspace = keel_workspace_new (temp);
  if (!keel_demo_populate (workspace, today, error) ||
      !keel_workspace_save (workspace, NULL, error))
    {
      remove_tree (temp);
      return FALSE;
    }
  g_clear_object (&workspace);

  /* rename() also takes the place of an empty folder */
  if (g_rename (template, path) != 0)
    {
      int saved_errno = errno;

      remove_tree (temp);
      g_set_error (error, KEEL_ERROR,
                   saved_errno == ENOTEMPTY || saved_errno == EEXIST
                     ? KEEL_ERROR_NOT_EMPTY : KEEL_ERROR_NOT_WRITABLE,
                   _("The demo cannot be moved into %s: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
