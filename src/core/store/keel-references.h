/* keel-references.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* Where a reference sits inside a record: the part and the field key that a
 * path such as "owner", "readings[2].by" or "versions[1].approval.by" names.
 * Indexes in paths count from 1, as keel_workspace_find_references() and
 * keel_workspace_check() write them. */
gboolean    keel_reference_resolve               (KeelRecord     *record,
                                                  const char     *path,
                                                  KeelRecord    **part,
                                                  char          **key);

/* Replaces every reference to @old_id by @new_id: REF fields take the new
 * id, REF_LIST fields have the id replaced in place (or dropped where the
 * list already holds @new_id). Parts of records included. */
gboolean    keel_workspace_reassign_references   (KeelWorkspace  *self,
                                                  const char     *old_id,
                                                  const char     *new_id);

/* The values held by the fields that a list of references (from
 * keel_workspace_find_references()) names, to put them back later: undo of
 * a reassignment. */
typedef struct _KeelReferenceSnapshot KeelReferenceSnapshot;

KeelReferenceSnapshot *keel_reference_snapshot_new     (GPtrArray             *references);
void                   keel_reference_snapshot_restore (KeelReferenceSnapshot *snapshot);
void                   keel_reference_snapshot_free    (KeelReferenceSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelReferenceSnapshot, keel_reference_snapshot_free)

G_END_DECLS
