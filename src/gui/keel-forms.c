/* keel-forms.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-forms"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-forms.h"

static const struct {
  const char *id;
  const char *label;
} size_profiles[] = {
  { "startup", N_("Startup") },
  { "scaleup", N_("Scale-up") },
  { "enterprise", N_("Enterprise") },
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
domain_label_is_valid (const char *label,
                       gsize       length)
{
  if (length == 0 || length > 63 || label[0] == '-' || label[length - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) label[i];

      /* Letters and digits of any script (internationalised domains), '-' */
      if (!(g_ascii_isalnum (c) || c == '-' || c >= 0x80))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * keel_text_is_blank:
 *
 * Returns: %TRUE if @text is %NULL, empty or only white space
 */
gboolean
keel_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * keel_text_normalize:
 *
 * Returns: (transfer full) (nullable): @text without white space around
 *   it, or %NULL if nothing is left
 */
char *
keel_text_normalize (const char *text)
{
  g_autofree char *copy = NULL;

  if (keel_text_is_blank (text))
    return NULL;

  copy = g_strdup (text);

  return g_strdup (g_strstrip (copy));
}

/**
 * keel_email_is_valid:
 *
 * An address looks like one when it has one "@", something before it and a
 * domain with a dot after it, and no white space. (Whether it reaches
 * anyone, only sending to it tells.)
 */
gboolean
keel_email_is_valid (const char *text)
{
  g_autofree char *email = keel_text_normalize (text);
  const char *at;
  const char *domain;
  const char *label;
  guint n_labels = 0;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }

  /* local part: no leading, trailing or doubled dot */
  if (email[0] == '.' || at[-1] == '.' || g_strstr_len (email, at - email, "..") != NULL)
    return FALSE;

  domain = at + 1;
  label = domain;
  for (const char *p = domain; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (!domain_label_is_valid (label, p - label))
            return FALSE;
          n_labels++;
          if (*p == '\0')
            {
              /* a top-level domain of two characters or more */
              if (p - label < 2)
                return FALSE;
              break;
            }
          label = p + 1;
        }
    }

  return n_labels >= 2;
}

KeelFormProblems
keel_welcome_values_check (const KeelWelcomeValues *values)
{
  KeelFormProblems problems = KEEL_FORM_OK;

  g_return_val_if_fail (values != NULL, KEEL_FORM_NEEDS_ORGANISATION);

  if (keel_text_is_blank (values->organisation))
    problems |= KEEL_FORM_NEEDS_ORGANISATION;
  if (keel_text_is_blank (values->manager_name))
    problems |= KEEL_FORM_NEEDS_NAME;
  if (keel_text_is_blank (values->manager_email))
    problems |= KEEL_FORM_NEEDS_EMAIL;
  else if (!keel_email_is_valid (values->manager_email))
    problems |= KEEL_FORM_BAD_EMAIL;

  return problems;
}

KeelFormProblems
keel_person_values_check (const KeelPersonValues *values)
{
  KeelFormProblems problems = KEEL_FORM_OK;

  g_return_val_if_fail (values != NULL, KEEL_FORM_NEEDS_NAME);

  if (keel_text_is_blank (values->name))
    problems |= KEEL_FORM_NEEDS_NAME;
  /* An email is optional for a person, but it must be one */
  if (!keel_text_is_blank (values->email) && !keel_email_is_valid (values->email))
    problems |= KEEL_FORM_BAD_EMAIL;

  return problems;
}

guint
keel_size_profile_count (void)
{
  return G_N_ELEMENTS (size_profiles);
}

const char *
keel_size_profile_id (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (size_profiles), NULL);

  return size_profiles[position].id;
}

/**
 * keel_size_profile_label:
 *
 * Returns: the translated label
 */
const char *
keel_size_profile_label (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (size_profiles), NULL);

  return _(size_profiles[position].label);
}

/**
 * keel_size_profile_position:
 *
 * Returns: the position of @id, or 0 (startup) when it is unset or unknown
 */
guint
keel_size_profile_position (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (size_profiles); i++)
    if (g_strcmp0 (size_profiles[i].id, id) == 0)
      return i;

  return 0;
}
