/* keel-error.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEEL_ERROR (keel_error_quark ())

typedef enum
{
  KEEL_ERROR_FAILED,
  KEEL_ERROR_NOT_FOUND,       /* no keel.json, or a record that does not exist */
  KEEL_ERROR_EMPTY,           /* keel.json is empty */
  KEEL_ERROR_ENCODING,        /* not UTF-8 */
  KEEL_ERROR_SYNTAX,          /* not JSON */
  KEEL_ERROR_FORMAT,          /* JSON, but not a Keel workspace */
  KEEL_ERROR_INVALID,         /* a value of the wrong type or shape */
  KEEL_ERROR_DUPLICATE_ID,    /* two records share an id */
  KEEL_ERROR_VERSION,         /* written by a newer Keel */
  KEEL_ERROR_NOT_WRITABLE,    /* the folder cannot be written */
  KEEL_ERROR_CONFLICT,        /* someone else changed the file */
  KEEL_ERROR_NOT_EMPTY,       /* demo refuses a non-empty folder */
} KeelError;

GQuark keel_error_quark (void);

G_END_DECLS
