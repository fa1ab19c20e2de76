/* keel-forms.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The logic of the window's own forms, kept apart from their widgets so it
 * is tested without a display: what the values are, and what is wrong with
 * them. The widgets derive their state (rows marked with "error", the
 * button that stays insensitive) from the flags these return. */

typedef enum
{
  KEEL_FORM_OK                 = 0,
  KEEL_FORM_NEEDS_ORGANISATION = 1 << 0,  /* the organisation has no name */
  KEEL_FORM_NEEDS_NAME         = 1 << 1,  /* the person has no name */
  KEEL_FORM_NEEDS_EMAIL        = 1 << 2,  /* an email is required and empty */
  KEEL_FORM_BAD_EMAIL          = 1 << 3,  /* the email does not look like one */
} KeelFormProblems;

/* The welcome page: a new workspace and its top manager */
typedef struct
{
  const char *organisation;
  const char *size_profile;    /* "startup", "scaleup", "enterprise" */
  const char *manager_name;
  const char *manager_email;
} KeelWelcomeValues;

/* The person editor */
typedef struct
{
  const char *name;
  const char *email;
  const char *job_title;
  const char *department;
  gboolean    top_management;
  gboolean    review_team;
} KeelPersonValues;

gboolean          keel_email_is_valid          (const char              *text);
gboolean          keel_text_is_blank           (const char              *text);
char             *keel_text_normalize          (const char              *text);
KeelFormProblems  keel_welcome_values_check    (const KeelWelcomeValues *values);
KeelFormProblems  keel_person_values_check     (const KeelPersonValues  *values);

/* The size profiles, in the order the welcome page and the preferences
 * offer them */
const char       *keel_size_profile_id         (guint                    position);
const char       *keel_size_profile_label      (guint                    position);
guint             keel_size_profile_position   (const char              *id);
guint             keel_size_profile_count      (void);

G_END_DECLS
