/* keel-workspace-private.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "keel-workspace.h"
#include "keel-workspace-format.h"

G_BEGIN_DECLS

/* The workspace is one folder: keel.json with every record, evidence/ with
 * attached files, backups/ with the last versions of keel.json. It holds a
 * GListStore per kind of record, notices every change to any record, and
 * saves a second after the last one: the text is built on the main thread,
 * written and the file replaced atomically on a worker thread. Before
 * replacing keel.json it checks that nobody else changed it since it was
 * read; if somebody did, ours goes beside it as a conflict copy.
 *
 * One class over several files: keel-workspace.c (the object and its
 * record lists), keel-workspace-io.c (loading and saving),
 * keel-workspace-backups.c, keel-workspace-watch.c (noticing other
 * programs' changes) and keel-workspace-refs.c (walking references). */

struct _KeelWorkspace
{
  GObject           parent_instance;

  GFile            *folder;
  GFile            *file;
  KeelOrganisation *organisation;
  GListStore      **stores;        /* one per kind, in kinds order */
  GHashTable       *by_id;         /* id → KeelRecord (borrowed) */
  GHashTable       *counters;      /* prefix → last number issued */
  JsonObject       *extra;         /* top-level members Keel does not know */

  char             *known_sha;     /* fingerprint of keel.json as last read or written */
  GFileMonitor     *monitor;
  guint             autosave_id;
  guint             watch_id;
  guint64           generation;    /* bumped on each change */

  int               fault_errno;
  guint             fault_count;

  guint             autosave : 1;
  guint             dirty : 1;
  guint             saving : 1;
  guint             loading : 1;
  guint             recheck_after_save : 1;
  guint             rereading : 1;     /* keel.json is being read again */
  guint             reread_again : 1;  /* and changed again meanwhile */
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_SAVED,
  SIGNAL_SAVE_FAILED,
  SIGNAL_RELOADED,
  SIGNAL_RELOAD_FAILED,
  SIGNAL_CONFLICT,
  N_SIGNALS
};

extern guint _keel_workspace_signals[N_SIGNALS];

/* keel-workspace.c */
void     _keel_workspace_set_dirty         (KeelWorkspace         *self,
                                            gboolean               dirty);
void     _keel_workspace_set_saving        (KeelWorkspace         *self,
                                            gboolean               saving);
void     _keel_workspace_watch_record      (KeelWorkspace         *self,
                                            KeelRecord            *record);
void     _keel_workspace_unwatch_all       (KeelWorkspace         *self);

/* keel-workspace-io.c */
void     _keel_workspace_schedule_autosave (KeelWorkspace         *self);
void     _keel_workspace_apply_snapshot    (KeelWorkspace         *self,
                                            KeelWorkspaceSnapshot *snap);

/* keel-workspace-watch.c */
void     _keel_workspace_schedule_watch    (KeelWorkspace         *self);

/* keel-workspace-backups.c */
char    *_keel_workspace_timestamp_name    (const char            *prefix);
char    *_keel_workspace_backup_keep       (const char            *folder,
                                            const char            *file,
                                            GError               **error);
void     _keel_workspace_backup_forget     (const char            *folder,
                                            const char            *name);
void     _keel_workspace_backup_rotate     (const char            *folder);
void     _keel_workspace_backup_tidy       (const char            *folder,
                                            const char            *file);

/* keel-workspace-refs.c: calls @visit for every reference in every record */
typedef void (*KeelWorkspaceVisitRef) (KeelRecord      *top,
                                       KeelRecord      *part,
                                       const KeelField *field,
                                       const char      *path,
                                       const char      *target,
                                       gpointer         user_data);

void     _keel_workspace_for_each_ref      (KeelWorkspace         *self,
                                            KeelWorkspaceVisitRef  visit,
                                            gpointer               user_data);

/* For tests: make the next @count writes of keel.json fail as if the
 * system said @errno_code (ENOSPC for a full disk). */
void _keel_workspace_inject_write_error (KeelWorkspace *self,
                                         int            errno_code,
                                         guint          count);

G_END_DECLS
