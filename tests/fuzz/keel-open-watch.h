/* keel-open-watch.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Notes every file the process opens or looks at between begin and end */
void        keel_open_watch_begin (const char *folder);
/* Returns: the first path outside the folder, or NULL */
const char *keel_open_watch_end   (void);
