/* keel-workspace-backups.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-workspace"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "keel-workspace-private.h"

/* backups/ keeps the last KEEL_WORKSPACE_BACKUPS versions of keel.json:
 * before a save replaces the file, the file it replaces is kept there. */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
prune_backups (GFile *backups,
               guint  keep)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  enumerator = g_file_enumerate_children (backups, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return;

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL)
        break;
      if (g_str_has_prefix (g_file_info_get_name (info), "keel-") &&
          g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autoptr(GFile) old = g_file_get_child (backups, names->pdata[i]);
      g_file_delete (old, NULL, NULL);
    }
}

char *
_keel_workspace_timestamp_name (const char *prefix)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s%s.%06dZ.json", prefix, stamp, g_date_time_get_microsecond (now));
}

/* Keeps the current keel.json in backups/ before it is replaced. A hard link
 * costs nothing; a copy where links are not possible. */
void
_keel_workspace_backup_current (GFile *folder,
                                GFile *file)
{
  g_autoptr(GFile) backups = g_file_get_child (folder, "backups");
  g_autofree char *name = _keel_workspace_timestamp_name ("keel-");
  g_autoptr(GFile) target = g_file_get_child (backups, name);
  g_autofree char *src = g_file_get_path (file);
  g_autofree char *dst = g_file_get_path (target);

  if (g_mkdir_with_parents (g_file_peek_path (backups), 0755) != 0)
    {
      g_warning ("Cannot create %s: %s", g_file_peek_path (backups), g_strerror (errno));
      return;
    }

  /* Make room first: a save killed between the two steps must not leave
   * more than KEEL_WORKSPACE_BACKUPS files */
  prune_backups (backups, KEEL_WORKSPACE_BACKUPS - 1);

  if (link (src, dst) != 0 &&
      !g_file_copy (file, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL))
    g_warning ("Cannot keep a backup of %s", src);
}

/**
 * keel_workspace_list_backups:
 *
 * Returns: (transfer full) (element-type GFile): the backups, newest first
 */
GPtrArray *
keel_workspace_list_backups (KeelWorkspace *self)
{
  g_autoptr(GFile) backups = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (KEEL_IS_WORKSPACE (self), files);

  backups = g_file_get_child (self->folder, "backups");
  enumerator = g_file_enumerate_children (backups, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return files;

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL)
        break;
      if (g_str_has_prefix (g_file_info_get_name (info), "keel-") &&
          g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = names->len; i > 0; i--)
    g_ptr_array_add (files, g_file_get_child (backups, names->pdata[i - 1]));

  return files;
}
