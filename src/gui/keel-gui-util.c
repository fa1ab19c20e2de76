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

/* AdwButtonContent makes its label name the button when the button
 * joins a window: from then on the button has one name, its label's */
static void
name_by_content (GtkWidget *button)
{
  AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button)));
  const char *label = adw_button_content_get_label (content);
  g_autofree char *text = NULL;

  if (label == NULL || label[0] == '\0')
    return;

  text = adw_button_content_get_use_underline (content) ? strip_mnemonic (label) : g_strdup (label);
  name_widget (button, text);
}

static void
content_button_mapped_cb (GtkWidget *button)
{
  if (ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))))
    name_by_content (button);
}

void
keel_gui_fix_button_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GtkButton labels itself with its "label" (mnemonic included) and is
   * labelled by its label child as well: keep one name, as it reads.
   * AdwButtonContent's label names its button once the button is in a
   * window, after any name given before: named again when shown. */
  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (GTK_IS_LABEL (child))
        name_widget (widget, gtk_label_get_text (GTK_LABEL (child)));
      else if (ADW_IS_BUTTON_CONTENT (child))
        {
          name_by_content (widget);
          if (g_object_get_data (G_OBJECT (widget), "keel-named-by-content") == NULL)
            {
              g_object_set_data (G_OBJECT (widget), "keel-named-by-content", GINT_TO_POINTER (TRUE));
              g_signal_connect (widget, "map", G_CALLBACK (content_button_mapped_cb), NULL);
            }
        }
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

void
keel_gui_name_drop_down (GtkDropDown *drop_down,
                         const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}

/* A tooltip waits in "keel-tooltip" until its widget is shown and drawn */
static gboolean
set_tooltip_cb (gpointer data)
{
  GtkWidget *widget = data;
  const char *text = g_object_get_data (G_OBJECT (widget), "keel-tooltip");

  if (text != NULL)
    gtk_widget_set_tooltip_text (widget, text);
  g_object_set_data (G_OBJECT (widget), "keel-tooltip", NULL);

  return G_SOURCE_REMOVE;
}

static void
tooltip_drawn_cb (GtkWidget     *widget,
                  GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, tooltip_drawn_cb, widget);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, set_tooltip_cb, g_object_ref (widget), g_object_unref);
}

static void
tooltip_mapped_cb (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, tooltip_mapped_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (tooltip_drawn_cb), widget, G_CONNECT_SWAPPED);
}

void
keel_gui_set_tooltip_later (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), "keel-tooltip", g_strdup (text), g_free);
  if (gtk_widget_get_mapped (widget))
    {
      set_tooltip_cb (widget);
      return;
    }

  g_signal_handlers_disconnect_by_func (widget, tooltip_mapped_cb, NULL);
  g_signal_connect (widget, "map", G_CALLBACK (tooltip_mapped_cb), NULL);
}
