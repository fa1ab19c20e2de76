/* keel-gui-find.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-gui-find.h"

GtkWidget *
keel_gui_test_find_widget (GtkWidget        *root,
                           KeelGuiTestMatch  match,
                           gconstpointer     data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = keel_gui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
has_type_name (GtkWidget     *widget,
               gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), data);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
activates (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

GtkWidget *
keel_gui_test_find_type (GtkWidget *root,
                         GType      type)
{
  return keel_gui_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWidget *
keel_gui_test_find_type_name (GtkWidget  *root,
                              const char *name)
{
  return keel_gui_test_find_widget (root, has_type_name, name);
}

GtkWidget *
keel_gui_test_find_tooltip (GtkWidget  *root,
                            const char *text)
{
  return keel_gui_test_find_widget (root, has_tooltip, text);
}

GtkWidget *
keel_gui_test_find_action (GtkWidget  *root,
                           const char *action)
{
  return keel_gui_test_find_widget (root, activates, action);
}
