/* keel-application.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEEL_TYPE_APPLICATION (keel_application_get_type ())

G_DECLARE_FINAL_TYPE (KeelApplication, keel_application, KEEL, APPLICATION, AdwApplication)

KeelApplication *keel_application_new           (const char       *application_id,
                                                 GApplicationFlags flags);
GSettings       *keel_application_get_settings  (KeelApplication  *self);
GFile           *keel_application_dup_start_folder (KeelApplication *self);
void             keel_application_remember_folder  (KeelApplication *self,
                                                    GFile           *folder);

G_END_DECLS
