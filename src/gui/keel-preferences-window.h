/* keel-preferences-window.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-workspace.h"

G_BEGIN_DECLS

#define KEEL_TYPE_PREFERENCES_WINDOW (keel_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KeelPreferencesWindow, keel_preferences_window, KEEL, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *keel_preferences_window_new (KeelWorkspace *workspace);

G_END_DECLS
