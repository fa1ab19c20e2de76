/* keel-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-page"

#include "config.h"

#include "keel-page.h"
#include "keel-window.h"

G_DEFINE_INTERFACE (KeelPage, keel_page, GTK_TYPE_WIDGET)

static void
keel_page_default_init (KeelPageInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("workspace", NULL, NULL,
                         KEEL_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)));
  g_object_interface_install_property (iface,
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)));
}

KeelWorkspace *
keel_page_get_workspace (KeelPage *self)
{
  g_autoptr(KeelWorkspace) workspace = NULL;

  g_return_val_if_fail (KEEL_IS_PAGE (self), NULL);

  g_object_get (self, "workspace", &workspace, NULL);

  /* The page holds it */
  return workspace;
}

void
keel_page_set_workspace (KeelPage      *self,
                         KeelWorkspace *workspace)
{
  g_return_if_fail (KEEL_IS_PAGE (self));

  g_object_set (self, "workspace", workspace, NULL);
}

char *
keel_page_dup_title (KeelPage *self)
{
  char *title = NULL;

  g_return_val_if_fail (KEEL_IS_PAGE (self), NULL);

  g_object_get (self, "title", &title, NULL);

  return title;
}

GtkWidget *
keel_page_open_record (KeelPage   *self,
                       KeelRecord *record,
                       const char *field_key)
{
  g_return_val_if_fail (KEEL_IS_PAGE (self), NULL);
  g_return_val_if_fail (!record || KEEL_IS_RECORD (record), NULL);

  if (KEEL_PAGE_GET_IFACE (self)->open_record == NULL)
    return NULL;

  return KEEL_PAGE_GET_IFACE (self)->open_record (self, record, field_key);
}

/* The window's actions "win.toast" (s) and "win.delete-with-undo" (s: an
 * id) are how a page speaks to it. Until every window offers them, a
 * KeelWindow without them is asked through its public API. */

gboolean
keel_page_toast (GtkWidget  *widget,
                 const char *message)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (gtk_widget_activate_action (widget, "win.toast", "s", message))
    return TRUE;

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root) && !KEEL_IS_WINDOW (root))
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  if (KEEL_IS_WINDOW (root))
    {
      keel_window_toast (KEEL_WINDOW (root), message);
      return TRUE;
    }

  return FALSE;
}

gboolean
keel_page_delete_with_undo (GtkWidget  *widget,
                            KeelRecord *record)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KEEL_IS_RECORD (record), FALSE);

  if (gtk_widget_activate_action (widget, "win.delete-with-undo", "s", keel_record_get_id (record)))
    return TRUE;

  root = gtk_widget_get_root (widget);
  if (KEEL_IS_WINDOW (root))
    {
      g_autoptr(KeelRecord) keep = g_object_ref (record);
      g_autofree char *title = g_strdup (keel_record_get_title (record));

      keel_window_delete_with_undo (KEEL_WINDOW (root), keep, title);
      return TRUE;
    }

  return FALSE;
}
