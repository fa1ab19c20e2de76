/* keel-gui-util.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-gui-util"

#include "config.h"

#include "keel-forms.h"
#include "keel-gui-util.h"

void
keel_gui_label_entry_row (AdwEntryRow *row)
{
  GtkEditable *delegate;
  const char *title;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (delegate != NULL && title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}

void
keel_gui_set_error (GtkWidget *widget,
                    gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

char *
keel_gui_dup_text (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return keel_text_normalize (gtk_editable_get_text (editable));
}

/* @text as it reads, without the mnemonic's underscores */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '_')
        continue;
      if (*p == '_')
        p++;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* One name, @text, and no second one from a label inside */
static void
name_widget (GtkWidget  *widget,
             const char *text)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

void
keel_gui_fix_button_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GtkButton labels itself with its "label" (mnemonic included) and is
   * labelled by its label child as well: keep one name, as it reads.
   * AdwButtonContent's label names its button once the button is on
   * screen: a name given in a template would come before it. */
  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (GTK_IS_LABEL (child))
        name_widget (widget, gtk_label_get_text (GTK_LABEL (child)));
      else if (ADW_IS_BUTTON_CONTENT (child))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      if (label != NULL)
        {
          g_autofree char *text = strip_mnemonic (label);
          name_widget (widget, text);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    keel_gui_fix_button_names (child);
}

/* ------------------------------------------------------------------------ */
/* Closing a window in two steps                                            */
/* ------------------------------------------------------------------------ */

static gboolean
destroy_hidden_cb (gpointer data)
{
  GtkWindow *window = data;

  g_object_set_data (G_OBJECT (window), "keel-destroy-id", NULL);

  /* Unless it was shown again, or destroyed meanwhile */
  if (!gtk_widget_get_visible (GTK_WIDGET (window)) &&
      g_object_get_data (G_OBJECT (window), "keel-destroyed") == NULL)
    gtk_window_destroy (window);

  return G_SOURCE_REMOVE;
}

static void
window_hidden_cb (GtkWindow *window)
{
  guint id;

  if (g_object_get_data (G_OBJECT (window), "keel-destroy-id") != NULL)
    return;

  id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_hidden_cb,
                        g_object_ref (window), g_object_unref);
  g_object_set_data (G_OBJECT (window), "keel-destroy-id", GUINT_TO_POINTER (id));
}

static void
window_destroyed_cb (GtkWindow *window)
{
  g_object_set_data (G_OBJECT (window), "keel-destroyed", GINT_TO_POINTER (TRUE));
}

void
keel_gui_destroy_when_hidden (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_hide_on_close (window, TRUE);
  g_signal_connect (window, "hide", G_CALLBACK (window_hidden_cb), NULL);
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed_cb), NULL);
}
