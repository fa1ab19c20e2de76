/* keel-pages-util.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-pages"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-records.h"

#include "keel-pages-private.h"

void
_keel_widget_set_error (GtkWidget *widget,
                        gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
_keel_icon_button_style (GtkWidget  *button,
                         const char *name)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* ------------------------------------------------------------------------ */

KeelPeopleChoice *
_keel_people_choice_new (KeelWorkspace *workspace,
                         gboolean       top_management_only)
{
  KeelPeopleChoice *choice = g_new0 (KeelPeopleChoice, 1);
  GListModel *people;

  choice->names = gtk_string_list_new (NULL);
  choice->ids = g_ptr_array_new_with_free_func (g_free);

  if (workspace == NULL)
    return choice;

  people = keel_workspace_get_records (workspace, KEEL_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KeelRecord) person = g_list_model_get_item (people, i);
      const char *name = keel_record_get_string (person, "name");

      if (top_management_only && !keel_record_get_boolean (person, "top_management"))
        continue;

      gtk_string_list_append (choice->names, name ? name : keel_record_get_id (person));
      g_ptr_array_add (choice->ids, g_strdup (keel_record_get_id (person)));
    }

  return choice;
}

void
_keel_people_choice_free (KeelPeopleChoice *choice)
{
  if (choice == NULL)
    return;

  g_clear_object (&choice->names);
  g_clear_pointer (&choice->ids, g_ptr_array_unref);
  g_free (choice);
}

const char *
_keel_people_choice_id (KeelPeopleChoice *choice,
                        guint             position)
{
  if (position >= choice->ids->len)
    return NULL;

  return g_ptr_array_index (choice->ids, position);
}

/* ------------------------------------------------------------------------ */

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
calendar_popover_shown_cb (GtkPopover  *popover,
                           AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autoptr(GDateTime) date = keel_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (date == NULL)
    date = keel_date_today ();

  g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, row);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, row);
}

/* The button and its calendar are named after the row's field: "Choose
 * date for Due", not after their class */
static void
name_date_picker (AdwEntryRow *row,
                  GtkWidget   *button,
                  GtkWidget   *calendar)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autofree char *name = NULL;

  if (title == NULL || title[0] == '\0')
    name = g_strdup (_("Choose date"));
  else
    /* Translators: the button beside a date field, "Choose date for Due" */
    name = g_strdup_printf (_("Choose date for %s"), title);

  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL && title[0] != '\0' ? title : name,
                                  -1);
}

static void
date_row_title_changed_cb (AdwEntryRow *row,
                           GParamSpec  *pspec,
                           GtkWidget   *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  name_date_picker (row, button, gtk_popover_get_child (popover));
}

GtkWidget *
_keel_entry_row_add_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  name_date_picker (row, button, calendar);
  g_signal_connect_object (row, "notify::title", G_CALLBACK (date_row_title_changed_cb), button, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  g_signal_connect_object (calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), row, 0);
  g_signal_connect_object (popover, "show",
                           G_CALLBACK (calendar_popover_shown_cb), row, 0);

  adw_entry_row_add_suffix (row, button);

  return button;
}
