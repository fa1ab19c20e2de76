/* keel-workspace.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "keel-organisation.h"
#include "keel-record.h"

G_BEGIN_DECLS

#define KEEL_WORKSPACE_FORMAT   "keel-workspace"
#define KEEL_WORKSPACE_VERSION  1
#define KEEL_WORKSPACE_FILE     "keel.json"
#define KEEL_WORKSPACE_BACKUPS  10

typedef enum
{
  KEEL_PROBLEM_WARNING,  /* incomplete: a required field is empty */
  KEEL_PROBLEM_ERROR,    /* broken: a reference to a missing record, a lost file */
} KeelProblemLevel;

typedef struct
{
  KeelProblemLevel  level;
  char             *id;       /* the record ("OBJ-3"), or NULL */
  char             *field;    /* the field ("owner"), or NULL */
  char             *message;  /* in plain words, translated */
} KeelProblem;

void keel_problem_free (KeelProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeelProblem, keel_problem_free)

typedef struct
{
  KeelRecord *record;    /* the top-level record that holds the reference */
  char       *field;     /* "owner", or "readings[2].by" for a part */
} KeelReference;

void keel_reference_free (KeelReference *reference);

#define KEEL_TYPE_WORKSPACE (keel_workspace_get_type ())

G_DECLARE_FINAL_TYPE (KeelWorkspace, keel_workspace, KEEL, WORKSPACE, GObject)

GFile            *keel_workspace_default_folder     (void);
const GType      *keel_workspace_get_kinds          (guint               *n_kinds);
GType             keel_workspace_kind_from_name     (const char          *name);

KeelWorkspace    *keel_workspace_new                (GFile               *folder);
GFile            *keel_workspace_get_folder         (KeelWorkspace       *self);
GFile            *keel_workspace_get_file           (KeelWorkspace       *self);
gboolean          keel_workspace_file_exists        (KeelWorkspace       *self);
gboolean          keel_workspace_check_writable     (KeelWorkspace       *self,
                                                     GError             **error);
void              keel_workspace_check_writable_async (KeelWorkspace     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          keel_workspace_check_writable_finish (KeelWorkspace    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

gboolean          keel_workspace_load               (KeelWorkspace       *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void              keel_workspace_read_ahead         (GFile               *folder);
void              keel_workspace_load_async         (KeelWorkspace       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          keel_workspace_load_finish        (KeelWorkspace       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
gboolean          keel_workspace_load_bytes         (KeelWorkspace       *self,
                                                     GBytes              *bytes,
                                                     GError             **error);

GBytes           *keel_workspace_serialize          (KeelWorkspace       *self);
gboolean          keel_workspace_save               (KeelWorkspace       *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void              keel_workspace_save_async         (KeelWorkspace       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean          keel_workspace_save_finish        (KeelWorkspace       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void              keel_workspace_set_autosave       (KeelWorkspace       *self,
                                                     gboolean             autosave);
gboolean          keel_workspace_get_autosave       (KeelWorkspace       *self);
gboolean          keel_workspace_get_dirty          (KeelWorkspace       *self);
gboolean          keel_workspace_get_saving         (KeelWorkspace       *self);
gboolean          keel_workspace_watch              (KeelWorkspace       *self,
                                                     GError             **error);
GPtrArray        *keel_workspace_list_backups       (KeelWorkspace       *self);

KeelOrganisation *keel_workspace_get_organisation   (KeelWorkspace       *self);
GListModel       *keel_workspace_get_records        (KeelWorkspace       *self,
                                                     GType                kind);
guint             keel_workspace_count              (KeelWorkspace       *self,
                                                     GType                kind);
KeelRecord       *keel_workspace_lookup             (KeelWorkspace       *self,
                                                     const char          *id);
char             *keel_workspace_next_id            (KeelWorkspace       *self,
                                                     GType                kind,
                                                     GDateTime           *when);
void              keel_workspace_add                (KeelWorkspace       *self,
                                                     KeelRecord          *record);
void              keel_workspace_insert             (KeelWorkspace       *self,
                                                     KeelRecord          *record,
                                                     guint                position);
gboolean          keel_workspace_remove             (KeelWorkspace       *self,
                                                     KeelRecord          *record,
                                                     guint               *position);
GPtrArray        *keel_workspace_find_references    (KeelWorkspace       *self,
                                                     const char          *id);
GPtrArray        *keel_workspace_check              (KeelWorkspace       *self);
void              keel_workspace_check_async        (KeelWorkspace       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray        *keel_workspace_check_finish       (KeelWorkspace       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
