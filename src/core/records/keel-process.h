/* keel-process.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_TYPE_PROCESS (keel_process_get_type ())

G_DECLARE_FINAL_TYPE (KeelProcess, keel_process, KEEL, PROCESS, KeelRecord)

/* Clause 5.1 b asks for the ISMS built into each business process: a
 * process is complete with an owner and the security step built into
 * it. What it lacks, in words ("No security step"), translated; NULL when
 * it is complete (transfer full). */
char *keel_process_describe_missing (KeelProcess *self);

G_END_DECLS
