/* keel-preferences-window.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-forms.h"
#include "keel-gui-util.h"
#include "keel-preferences-window.h"
#include "keel-records.h"

/* The workspace's own settings: the organisation's name and size. They are
 * fields of the organisation record, so a change saves itself like any
 * other edit. */

struct _KeelPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  KeelWorkspace        *workspace;

  AdwEntryRow          *name_row;
  AdwComboRow          *size_row;

  guint                 filling : 1;
};

G_DEFINE_FINAL_TYPE (KeelPreferencesWindow, keel_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static KeelRecord *
get_organisation (KeelPreferencesWindow *self)
{
  return KEEL_RECORD (keel_workspace_get_organisation (self->workspace));
}

static void
fill (KeelPreferencesWindow *self)
{
  KeelRecord *organisation = get_organisation (self);
  const char *name = keel_record_get_string (organisation, "name");

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  adw_combo_row_set_selected (self->size_row,
                              keel_size_profile_position (keel_record_get_string (organisation,
                                                                                  "size_profile")));
  keel_gui_set_error (GTK_WIDGET (self->name_row), name == NULL);
  self->filling = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
name_changed_cb (KeelPreferencesWindow *self)
{
  g_autofree char *name = NULL;

  if (self->filling || self->workspace == NULL)
    return;

  /* An organisation needs a name: a blank one is not stored */
  name = keel_gui_dup_text (GTK_EDITABLE (self->name_row));
  keel_gui_set_error (GTK_WIDGET (self->name_row), name == NULL);
  if (name != NULL)
    keel_record_set_string (get_organisation (self), "name", name);
}

static void
size_selected_cb (KeelPreferencesWindow *self)
{
  guint position;

  if (self->filling || self->workspace == NULL)
    return;

  position = adw_combo_row_get_selected (self->size_row);
  if (position < keel_size_profile_count ())
    keel_record_set_string (get_organisation (self), "size_profile",
                            keel_size_profile_id (position));
}

static void
reloaded_cb (KeelPreferencesWindow *self)
{
  fill (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_preferences_window_dispose (GObject *object)
{
  KeelPreferencesWindow *self = KEEL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (keel_preferences_window_parent_class)->dispose (object);
}

static void
keel_preferences_window_class_init (KeelPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keelisms/Keel/keel-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KeelPreferencesWindow, size_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_selected_cb);
}

static void
keel_preferences_window_init (KeelPreferencesWindow *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < keel_size_profile_count (); i++)
    gtk_string_list_append (sizes, keel_size_profile_label (i));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));

  keel_gui_label_entry_row (self->name_row);
  self->filling = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWindow *
keel_preferences_window_new (KeelWorkspace *workspace)
{
  KeelPreferencesWindow *self;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (KEEL_TYPE_PREFERENCES_WINDOW, NULL);
  self->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "reloaded", G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);
  fill (self);

  return GTK_WINDOW (self);
}
