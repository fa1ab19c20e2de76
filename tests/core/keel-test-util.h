/* keel-test-util.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "keel-records.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* The day every core test runs on */
#define KEEL_TEST_TODAY_Y 2026
#define KEEL_TEST_TODAY_M 3
#define KEEL_TEST_TODAY_D 15

void           keel_test_init                 (int            *argc,
                                               char         ***argv);

/* Structured log messages bypass g_test_expect_message() on GLib 2.74, so
 * the core tests install their own log writer: an expected message is
 * swallowed and counted, anything else goes to the default writer (where
 * warnings are fatal). */
void           keel_test_expect_log           (const char      *domain,
                                               GLogLevelFlags   level,
                                               const char      *pattern);
void           keel_test_assert_expected_logs (void);

char          *keel_test_make_tmpdir          (void);

typedef struct
{
  char  *path;    /* a new temporary folder */
  GFile *folder;
  char  *file;    /* its keel.json, not yet written */
} KeelTestFolder;

void           keel_test_folder_init          (KeelTestFolder  *tmp);
void           keel_test_folder_clear         (KeelTestFolder  *tmp);
void           keel_test_rm_rf                (const char      *path);
char          *keel_test_read                 (const char      *path,
                                               gsize           *length);
void           keel_test_write                (const char      *path,
                                               const char      *text);
char          *keel_test_sha256_of_file       (const char      *path);
gint64         keel_test_mtime                (const char      *path);
guint          keel_test_count_entries        (const char      *folder,
                                               const char      *prefix);

gboolean       keel_test_wait_for             (gboolean        *flag,
                                               guint            timeout_ms);

void           keel_test_fill_record          (KeelRecord      *record,
                                               guint            variant);
KeelWorkspace *keel_test_new_full_workspace   (GFile           *folder);

G_END_DECLS
