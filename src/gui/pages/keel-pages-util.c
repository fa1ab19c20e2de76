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

const char *
_keel_person_name (KeelWorkspace *workspace,
                   const char    *id)
{
  KeelRecord *person;

  if (id == NULL)
    return "";

  if (workspace != NULL &&
      (person = keel_workspace_lookup (workspace, id)) != NULL &&
      KEEL_IS_PERSON (person) &&
      keel_record_get_string (person, "name") != NULL)
    return keel_record_get_string (person, "name");

  return id;
}

gint64
_keel_id_number (const char *id)
{
  const char *p;

  if (id == NULL)
    return 0;

  p = id + strlen (id);
  while (p > id && g_ascii_isdigit (p[-1]))
    p--;

  return g_ascii_strtoll (p, NULL, 10);
}

char *
_keel_date_text (GDateTime *date)
{
  return date ? keel_date_format (date) : g_strdup ("");
}

static const char * const statuses[] = {
  "not-started", "on-track", "at-risk", "achieved", "missed", "cancelled", NULL
};

const char * const *
_keel_objective_statuses (void)
{
  return statuses;
}

const char *
_keel_objective_status_label (const char *status)
{
  if (status == NULL)
    return "";
  if (g_str_equal (status, "not-started"))
    return C_("objective status", "Not started");
  if (g_str_equal (status, "on-track"))
    return C_("objective status", "On track");
  if (g_str_equal (status, "at-risk"))
    return C_("objective status", "At risk");
  if (g_str_equal (status, "achieved"))
    return C_("objective status", "Achieved");
  if (g_str_equal (status, "missed"))
    return C_("objective status", "Missed");
  if (g_str_equal (status, "cancelled"))
    return C_("objective status", "Cancelled");
  return status;
}

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
_keel_entry_row_label (AdwEntryRow *row)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  if (delegate != NULL && title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
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

guint
_keel_people_choice_find (KeelPeopleChoice *choice,
                          const char       *id)
{
  if (id != NULL)
    for (guint i = 0; i < choice->ids->len; i++)
      if (g_str_equal (g_ptr_array_index (choice->ids, i), id))
        return i;

  return GTK_INVALID_LIST_POSITION;
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

/* The button and its calendar are named after the row's field: "Pick a
 * date for Due", not after their class */
static void
name_date_picker (AdwEntryRow *row,
                  GtkWidget   *button,
                  GtkWidget   *calendar)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autofree char *name = NULL;

  if (title == NULL || title[0] == '\0')
    name = g_strdup (_("Pick a date"));
  else
    /* Translators: the name of the button beside a date field, for screen readers */
    name = g_strdup_printf (_("Pick a date for %s"), title);

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

void
_keel_entry_row_add_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a date"));
  name_date_picker (row, button, calendar);
  g_signal_connect_object (row, "notify::title", G_CALLBACK (date_row_title_changed_cb), button, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  g_signal_connect_object (calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), row, 0);
  g_signal_connect_object (popover, "show",
                           G_CALLBACK (calendar_popover_shown_cb), row, 0);

  adw_entry_row_add_suffix (row, button);
}

void
_keel_pages_ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/keelisms/Keel/pages/keel-pages.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
