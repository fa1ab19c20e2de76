/* keel-sign-off-dialog.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-sign-off-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-error.h"
#include "keel-gui-util.h"
#include "keel-policy-form.h"
#include "keel-records.h"

#include "keel-pages-private.h"
#include "keel-sign-off-dialog.h"

struct _KeelSignOffDialog
{
  AdwMessageDialog  parent_instance;

  KeelWorkspace    *workspace;
  KeelRecord       *policy;
  KeelRecord       *version;
  KeelPeopleChoice *approvers;
  gboolean          valid;

  GtkWidget        *rows_box;
  AdwComboRow      *approver_row;
  AdwEntryRow      *date_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (KeelSignOffDialog, keel_sign_off_dialog, ADW_TYPE_MESSAGE_DIALOG)

static KeelRecord *
chosen_approver (KeelSignOffDialog *self)
{
  const char *id;

  if (self->approvers == NULL)
    return NULL;

  id = _keel_people_choice_id (self->approvers, adw_combo_row_get_selected (self->approver_row));

  return id ? keel_workspace_lookup (self->workspace, id) : NULL;
}

static GDateTime *
chosen_date (KeelSignOffDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));

  return keel_date_parse (text);
}

static void
update_state (KeelSignOffDialog *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  const char *message = NULL;
  gboolean bad_date = FALSE;

  if (self->policy == NULL)
    return;

  date = chosen_date (self);

  if (self->approvers->ids->len == 0)
    message = NULL;
  else if (date == NULL)
    {
      message = _("Write the date as a real date, like 2026-03-31");
      bad_date = TRUE;
    }
  else if (!keel_policy_check_sign_off (self->policy, self->version, chosen_approver (self), date, &error))
    {
      message = error->message;
      bad_date = g_error_matches (error, KEEL_ERROR, KEEL_ERROR_INVALID) && chosen_approver (self) != NULL;
    }

  self->valid = self->approvers->ids->len > 0 && message == NULL;

  _keel_widget_set_error (GTK_WIDGET (self->date_row), bad_date);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "sign", self->valid);
}

static void
changed_cb (KeelSignOffDialog *self)
{
  update_state (self);
}

static void
keel_sign_off_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  KeelSignOffDialog *self = KEEL_SIGN_OFF_DIALOG (dialog);

  if (g_strcmp0 (response, "sign") == 0)
    {
      g_autoptr(GDateTime) date = chosen_date (self);
      g_autoptr(GError) error = NULL;

      update_state (self);
      if (!self->valid)
        return;

      if (!keel_policy_sign_off (self->policy, self->version, chosen_approver (self), date, &error))
        g_warning ("Could not sign the version off: %s", error->message);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (keel_sign_off_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (keel_sign_off_dialog_parent_class)->response (dialog, response);
}

static void
keel_sign_off_dialog_dispose (GObject *object)
{
  KeelSignOffDialog *self = (KeelSignOffDialog *)object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->policy);
  g_clear_object (&self->version);
  g_clear_pointer (&self->approvers, _keel_people_choice_free);

  G_OBJECT_CLASS (keel_sign_off_dialog_parent_class)->dispose (object);
}

static void
keel_sign_off_dialog_class_init (KeelSignOffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_sign_off_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = keel_sign_off_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/keel-sign-off-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelSignOffDialog, rows_box);
  gtk_widget_class_bind_template_child (widget_class, KeelSignOffDialog, approver_row);
  gtk_widget_class_bind_template_child (widget_class, KeelSignOffDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KeelSignOffDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
keel_sign_off_dialog_init (KeelSignOffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  keel_gui_fix_button_names (GTK_WIDGET (self));

  _keel_entry_row_add_calendar (self->date_row);
  keel_gui_label_entry_row (self->date_row);
}

KeelSignOffDialog *
keel_sign_off_dialog_new (GtkWindow     *parent,
                          KeelWorkspace *workspace,
                          KeelRecord    *policy,
                          KeelRecord    *version)
{
  g_autoptr(GDateTime) today = keel_date_today ();
  g_autofree char *today_text = keel_date_format (today);
  g_autofree char *heading = NULL;
  KeelSignOffDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (KEEL_IS_POLICY (policy), NULL);
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), NULL);

  self = g_object_new (KEEL_TYPE_SIGN_OFF_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  self->workspace = g_object_ref (workspace);
  self->approvers = _keel_people_choice_new (workspace, TRUE);
  adw_combo_row_set_model (self->approver_row, G_LIST_MODEL (self->approvers->names));
  adw_combo_row_set_selected (self->approver_row, self->approvers->ids->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);

  /* Translators: the heading of the sign-off dialog, "Sign Off Version 1.1" */
  heading = g_strdup_printf (_("Sign Off Version %s"), keel_record_get_string (version, "version"));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  if (self->approvers->ids->len == 0)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("Nobody is marked as top management yet, and only top management can approve a policy. "
                                     "On the People page, open the person who approves policies (for example the CEO) "
                                     "and switch on “Top management”."));
      gtk_widget_set_visible (self->rows_box, FALSE);
    }

  self->policy = g_object_ref (policy);
  self->version = g_object_ref (version);
  update_state (self);

  return self;
}

gboolean
keel_sign_off_dialog_is_valid (KeelSignOffDialog *self)
{
  g_return_val_if_fail (KEEL_IS_SIGN_OFF_DIALOG (self), FALSE);

  return self->valid;
}
