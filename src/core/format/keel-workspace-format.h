/* keel-workspace-format.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "keel-organisation.h"

G_BEGIN_DECLS

/* keel.json as text: the reader turns it into a snapshot of records, the
 * writer turns the records back into text. Neither touches a file. */

/* What the reader found in keel.json */
typedef struct
{
  KeelOrganisation  *organisation;
  GPtrArray        **lists;      /* one per kind, in keel_workspace_get_kinds() order */
  GHashTable        *by_id;      /* id → record of the lists (both borrowed from them) */
  GHashTable        *counters;   /* counter key → last number issued */
  JsonObject        *extra;      /* top-level members Keel does not know */
  char              *sha;        /* fingerprint of the text */
} KeelWorkspaceSnapshot;

void keel_workspace_snapshot_free (KeelWorkspaceSnapshot *snap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelWorkspaceSnapshot, keel_workspace_snapshot_free)

/* What the writer writes */
typedef struct
{
  KeelOrganisation  *organisation;
  GListStore       **stores;     /* one per kind */
  GHashTable        *counters;
  JsonObject        *extra;
} KeelWorkspaceContent;

/* keel-workspace-reader.c */
KeelWorkspaceSnapshot *keel_workspace_reader_parse       (const char  *name,
                                                          const char  *data,
                                                          gsize        length,
                                                          GError     **error);
char                  *keel_workspace_reader_fingerprint (const char  *data,
                                                          gsize        length);
/* The lists of keel.json by name, in keel_workspace_get_kinds() order */
const char * const    *keel_workspace_reader_collections (void);

/* keel-workspace-writer.c */
GBytes                *keel_workspace_writer_write_text (const KeelWorkspaceContent *content);

G_END_DECLS
