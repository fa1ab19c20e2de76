/* keel-version-dialog.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-version-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-gui-util.h"
#include "keel-policy-form.h"
#include "keel-records.h"

#include "keel-pages-private.h"
#include "keel-version-dialog.h"

struct _KeelVersionDialog
{
  AdwMessageDialog  parent_instance;

  KeelRecord       *policy;
  KeelRecord       *version;    /* NULL when adding */
  KeelPeopleChoice *people;
  gboolean          valid;

  AdwEntryRow      *version_row;
  AdwEntryRow      *date_row;
  AdwComboRow      *author_row;
  AdwEntryRow      *description_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (KeelVersionDialog, keel_version_dialog, ADW_TYPE_MESSAGE_DIALOG)

static KeelPolicyVersionForm *
read_form (KeelVersionDialog *self)
{
  KeelPolicyVersionForm *form = g_new0 (KeelPolicyVersionForm, 1);

  form->version = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->version_row)));
  form->date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  form->author = g_strdup (self->people ? _keel_people_choice_id (self->people, adw_combo_row_get_selected (self->author_row)) : NULL);
  form->description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));

  return form;
}

static void
update_state (KeelVersionDialog *self)
{
  g_autoptr(KeelPolicyVersionForm) form = NULL;
  g_autoptr(KeelPolicyVersionValidation) v = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  const char *version_error, *date_error, *author_error;

  if (self->policy == NULL)
    return;

  form = read_form (self);
  v = keel_policy_version_form_validate (form, self->policy);

  /* Editing keeps the number it has */
  version_error = self->version ? NULL : v->version_error;
  date_error = v->date_error;
  author_error = v->author_error;
  self->valid = version_error == NULL && date_error == NULL && author_error == NULL;

  _keel_widget_set_error (GTK_WIDGET (self->version_row), version_error != NULL);
  _keel_widget_set_error (GTK_WIDGET (self->date_row), date_error != NULL);
  _keel_widget_set_error (GTK_WIDGET (self->author_row), author_error != NULL);

  for (guint i = 0; i < 3; i++)
    {
      const char *e = i == 0 ? version_error : i == 1 ? date_error : author_error;

      if (e != NULL)
        g_string_append_printf (message, "%s%s", message->len ? "\n" : "", e);
    }

  gtk_label_set_label (self->error_label, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message->len > 0);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", self->valid);
}

static void
changed_cb (KeelVersionDialog *self)
{
  update_state (self);
}

static void
keel_version_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  KeelVersionDialog *self = KEEL_VERSION_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0)
    {
      g_autoptr(KeelPolicyVersionForm) form = read_form (self);
      g_autoptr(GError) error = NULL;

      update_state (self);
      if (!self->valid)
        return;

      if (self->version == NULL)
        {
          if (keel_policy_add_version (self->policy, form, &error) == NULL)
            g_warning ("Could not add the version: %s", error->message);
        }
      else if (keel_policy_version_check_editable (self->version, &error))
        {
          g_autoptr(GDateTime) date = keel_date_parse (g_strstrip (form->date));
          g_autofree char *description = g_strstrip (g_strdup (form->description));

          keel_record_set_date (self->version, "date", date);
          keel_record_set_string (self->version, "author", form->author);
          keel_record_set_string (self->version, "description", description);
        }
      else
        g_warning ("%s", error->message);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (keel_version_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (keel_version_dialog_parent_class)->response (dialog, response);
}

static void
keel_version_dialog_dispose (GObject *object)
{
  KeelVersionDialog *self = (KeelVersionDialog *)object;

  g_clear_object (&self->policy);
  g_clear_object (&self->version);
  g_clear_pointer (&self->people, _keel_people_choice_free);

  G_OBJECT_CLASS (keel_version_dialog_parent_class)->dispose (object);
}

static void
keel_version_dialog_class_init (KeelVersionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_version_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = keel_version_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/keel-version-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelVersionDialog, version_row);
  gtk_widget_class_bind_template_child (widget_class, KeelVersionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KeelVersionDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, KeelVersionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, KeelVersionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
keel_version_dialog_init (KeelVersionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  keel_gui_fix_button_names (GTK_WIDGET (self));

  _keel_entry_row_add_calendar (self->date_row);
  _keel_entry_row_label (self->version_row);
  _keel_entry_row_label (self->date_row);
  _keel_entry_row_label (self->description_row);
}

KeelVersionDialog *
keel_version_dialog_new (GtkWindow     *parent,
                         KeelWorkspace *workspace,
                         KeelRecord    *policy,
                         KeelRecord    *version,
                         const char    *author)
{
  g_autoptr(KeelPolicyVersionForm) form = NULL;
  KeelVersionDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);
  g_return_val_if_fail (!version || KEEL_IS_POLICY_VERSION (version), NULL);

  self = g_object_new (KEEL_TYPE_VERSION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  self->people = _keel_people_choice_new (workspace, FALSE);
  adw_combo_row_set_model (self->author_row, G_LIST_MODEL (self->people->names));

  if (version == NULL)
    {
      form = keel_policy_version_form_new_for (policy, author);
    }
  else
    {
      form = g_new0 (KeelPolicyVersionForm, 1);
      form->version = g_strdup (keel_record_get_string (version, "version"));
      form->date = _keel_date_text (keel_record_get_date (version, "date"));
      form->author = g_strdup (keel_record_get_string (version, "author"));
      form->description = g_strdup (keel_record_get_string (version, "description"));
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Version"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), _("Change this version before it is signed off."));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->version_row), FALSE);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->version_row), form->version ? form->version : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), form->date ? form->date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), form->description ? form->description : "");
  adw_combo_row_set_selected (self->author_row, _keel_people_choice_find (self->people, form->author));

  self->policy = g_object_ref (policy);
  self->version = version ? g_object_ref (version) : NULL;
  update_state (self);

  return self;
}

gboolean
keel_version_dialog_is_valid (KeelVersionDialog *self)
{
  g_return_val_if_fail (KEEL_IS_VERSION_DIALOG (self), FALSE);

  return self->valid;
}
