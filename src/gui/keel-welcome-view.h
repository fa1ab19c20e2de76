/* keel-welcome-view.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-forms.h"

G_BEGIN_DECLS

#define KEEL_TYPE_WELCOME_VIEW (keel_welcome_view_get_type ())

G_DECLARE_FINAL_TYPE (KeelWelcomeView, keel_welcome_view, KEEL, WELCOME_VIEW, GtkWidget)

GtkWidget        *keel_welcome_view_new        (void);
void              keel_welcome_view_set_folder (KeelWelcomeView   *self,
                                                GFile             *folder);
/* The strings are owned by the view's fields: use them at once */
KeelFormProblems  keel_welcome_view_get_values (KeelWelcomeView   *self,
                                                KeelWelcomeValues *values);
void              keel_welcome_view_set_busy   (KeelWelcomeView   *self,
                                                gboolean           busy);
void              keel_welcome_view_reset      (KeelWelcomeView   *self);

G_END_DECLS
