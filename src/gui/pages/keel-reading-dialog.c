/* keel-reading-dialog.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-reading-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-gui-util.h"
#include "keel-objective-form.h"
#include "keel-records.h"

#include "keel-pages-private.h"
#include "keel-reading-dialog.h"

struct _KeelReadingDialog
{
  AdwMessageDialog  parent_instance;

  KeelRecord       *objective;
  KeelRecord       *reading;

  AdwEntryRow      *date_row;
  AdwEntryRow      *value_row;
  AdwEntryRow      *note_row;
  GtkLabel         *error_label;

  guint             valid : 1;
};

G_DEFINE_FINAL_TYPE (KeelReadingDialog, keel_reading_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ------------------------------------------------------------------------ */

static void
update_state (KeelReadingDialog *self)
{
  g_autofree char *date_error = NULL;
  g_autofree char *value_error = NULL;
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  g_autoptr(GString) message = g_string_new (NULL);

  self->valid = keel_reading_form_validate (date_text, value_text, &date_error, &value_error);

  /* Say nothing about a field not yet typed into */
  if (date_text[0] == '\0')
    g_clear_pointer (&date_error, g_free);
  if (value_text[0] == '\0')
    g_clear_pointer (&value_error, g_free);

  _keel_widget_set_error (GTK_WIDGET (self->date_row), date_error != NULL);
  _keel_widget_set_error (GTK_WIDGET (self->value_row), value_error != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_row), date_error);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_row), value_error);

  if (date_error != NULL)
    g_string_append (message, date_error);
  if (value_error != NULL)
    g_string_append_printf (message, "%s%s", message->len ? "\n" : "", value_error);

  gtk_label_set_label (self->error_label, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message->len > 0);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", self->valid);
}

static void
apply (KeelReadingDialog *self)
{
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autoptr(GDateTime) date = keel_date_parse (date_text);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  double value;

  if (!keel_form_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->value_row)), &value))
    return;

  if (self->reading == NULL)
    {
      g_autoptr(KeelRecord) reading = g_object_new (KEEL_TYPE_READING, NULL);

      keel_record_set_date (reading, "date", date);
      keel_record_set_double (reading, "value", value);
      keel_record_set_string (reading, "note", note);
      g_list_store_append (keel_record_get_children (self->objective, "readings"), reading);
    }
  else
    {
      keel_record_set_date (self->reading, "date", date);
      keel_record_set_double (self->reading, "value", value);
      keel_record_set_string (self->reading, "note", note);
    }
}

/* ------------------------------------------------------------------------ */

static void
row_changed_cb (KeelReadingDialog *self)
{
  update_state (self);
}

/* ------------------------------------------------------------------------ */

static void
keel_reading_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  KeelReadingDialog *self = KEEL_READING_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0)
    {
      update_state (self);
      if (!self->valid)
        return;
      apply (self);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (keel_reading_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (keel_reading_dialog_parent_class)->response (dialog, response);
}

static void
keel_reading_dialog_dispose (GObject *object)
{
  KeelReadingDialog *self = (KeelReadingDialog *)object;

  g_clear_object (&self->objective);
  g_clear_object (&self->reading);

  G_OBJECT_CLASS (keel_reading_dialog_parent_class)->dispose (object);
}

static void
keel_reading_dialog_class_init (KeelReadingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = keel_reading_dialog_dispose;
  dialog_class->response = keel_reading_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/keel-reading-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelReadingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KeelReadingDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, KeelReadingDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, KeelReadingDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
}

static void
keel_reading_dialog_init (KeelReadingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  keel_gui_fix_button_names (GTK_WIDGET (self));

  _keel_entry_row_add_calendar (self->date_row);
  _keel_entry_row_label (self->date_row);
  _keel_entry_row_label (self->value_row);
  _keel_entry_row_label (self->note_row);
}

KeelReadingDialog *
keel_reading_dialog_new (GtkWindow  *parent,
                         KeelRecord *objective,
                         KeelRecord *reading)
{
  KeelReadingDialog *self;
  const char *unit;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KEEL_IS_OBJECTIVE (objective), NULL);
  g_return_val_if_fail (!reading || KEEL_IS_READING (reading), NULL);

  self = g_object_new (KEEL_TYPE_READING_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->objective = g_object_ref (objective);
  self->reading = reading ? g_object_ref (reading) : NULL;

  unit = keel_record_get_string (objective, "unit");
  if (unit != NULL)
    {
      /* Translators: the title of the value field, with the unit: "Value (%)" */
      g_autofree char *title = g_strdup_printf (_("Value (%s)"), unit);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), title);
      _keel_entry_row_label (self->value_row);
    }

  if (reading != NULL)
    {
      g_autofree char *date = _keel_date_text (keel_record_get_date (reading, "date"));
      g_autofree char *value = keel_record_format_field (reading, "value");
      const char *note = keel_record_get_string (reading, "note");

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Reading"));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->value_row), value ? value : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
    }
  else
    {
      g_autoptr(GDateTime) today = keel_date_today ();
      g_autofree char *date = keel_date_format (today);

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
    }

  update_state (self);

  return self;
}

gboolean
keel_reading_dialog_is_valid (KeelReadingDialog *self)
{
  g_return_val_if_fail (KEEL_IS_READING_DIALOG (self), FALSE);

  return self->valid;
}
