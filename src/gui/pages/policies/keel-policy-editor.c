/* keel-policy-editor.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policy-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-records.h"

#include "keel-page.h"
#include "keel-parts-section.h"
#include "keel-policy-editor.h"
#include "keel-sign-off-dialog.h"

struct _KeelPolicyEditor
{
  KeelRecordEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelPolicyEditor, keel_policy_editor, KEEL_TYPE_RECORD_EDITOR)

static GtkWidget *
versions_section (KeelPolicyEditor *self)
{
  return keel_record_editor_get_section (KEEL_RECORD_EDITOR (self), "versions");
}

/* ------------------------------------------------------------------------ */
/* The versions section                                                     */
/* ------------------------------------------------------------------------ */

static char *
version_locked (KeelRecord *version,
                gpointer    data)
{
  g_autoptr(GError) error = NULL;

  if (keel_policy_version_check_editable (version, &error))
    return NULL;

  return g_strdup (error->message);
}

static GtkWidget *
version_suffix (KeelRecord *version,
                gpointer    data)
{
  GtkWidget *button;

  if (keel_policy_version_is_signed (version))
    return NULL;

  button = gtk_button_new_with_label (_("Sign Off…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.sign-off");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", keel_record_get_string (version, "version"));

  return button;
}

static char *
check_new_version (KeelRecordEditor *version_editor,
                   KeelRecord       *version,
                   gpointer          data)
{
  KeelRecord *policy = keel_record_editor_get_draft (KEEL_RECORD_EDITOR (data));

  return keel_policy_new_version_error (policy, keel_record_get_string (version, "version"));
}

static void
prepare_version (KeelRecordEditor *version_editor,
                 gpointer          data)
{
  KeelRecord *policy = keel_record_editor_get_draft (KEEL_RECORD_EDITOR (data));
  KeelRecord *version = keel_record_editor_get_draft (version_editor);
  g_autofree char *number = keel_policy_suggest_version (policy);
  g_autoptr(GDateTime) today = keel_date_today ();

  keel_record_set_string (version, "version", number);
  keel_record_set_date (version, "date", today);
  /* The owner most often writes the next version */
  keel_record_set_string (version, "author", keel_record_get_string (policy, "owner"));
  keel_record_editor_set_check_func (version_editor, check_new_version, data);
  keel_record_editor_reload (version_editor);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks and actions                                             */
/* ------------------------------------------------------------------------ */

static void
sign_off_response_cb (KeelPolicyEditor *self,
                      const char       *response)
{
  /* Signing changed the version and the next review */
  keel_record_editor_reload (KEEL_RECORD_EDITOR (self));
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  keel_policy_editor_new_version (KEEL_POLICY_EDITOR (widget));
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KeelPolicyEditor *self = KEEL_POLICY_EDITOR (widget);
  KeelRecord *version = keel_policy_editor_find_version (self, g_variant_get_string (parameter, NULL));

  if (version != NULL)
    keel_policy_editor_sign_off (self, version);
}

/* ------------------------------------------------------------------------ */
/* KeelRecordEditor and GObject                                             */
/* ------------------------------------------------------------------------ */

static char *
keel_policy_editor_validate (KeelRecordEditor *editor)
{
  return keel_policy_review_error (keel_record_editor_get_draft (editor));
}

static void
keel_policy_editor_constructed (GObject *object)
{
  KeelPolicyEditor *self = (KeelPolicyEditor *)object;

  G_OBJECT_CLASS (keel_policy_editor_parent_class)->constructed (object);

  keel_parts_section_set_funcs (versions_section (self),
                                prepare_version, version_locked, version_suffix,
                                self);
}

static void
keel_policy_editor_class_init (KeelPolicyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KeelRecordEditorClass *editor_class = KEEL_RECORD_EDITOR_CLASS (klass);

  object_class->constructed = keel_policy_editor_constructed;

  editor_class->kind_name = "policy";
  editor_class->validate = keel_policy_editor_validate;

  gtk_widget_class_install_action (widget_class, "editor.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "editor.sign-off", "s", sign_off_action);
}

static void
keel_policy_editor_init (KeelPolicyEditor *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

KeelRecord *
keel_policy_editor_find_version (KeelPolicyEditor *self,
                                 const char       *number)
{
  KeelRecord *draft;
  GListModel *versions;

  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);

  draft = keel_record_editor_get_draft (KEEL_RECORD_EDITOR (self));
  versions = G_LIST_MODEL (keel_record_get_children (draft, "versions"));
  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(KeelRecord) version = g_list_model_get_item (versions, i);

      if (g_strcmp0 (keel_record_get_string (version, "version"), number) == 0)
        return version;
    }

  return NULL;
}

GtkWidget *
keel_policy_editor_new_version (KeelPolicyEditor *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);

  return keel_parts_section_edit (versions_section (self), NULL);
}

GtkWidget *
keel_policy_editor_edit_version (KeelPolicyEditor *self,
                                 KeelRecord       *version)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), NULL);

  if (!keel_policy_version_check_editable (version, &error))
    {
      keel_page_toast (GTK_WIDGET (self), error->message);
      return NULL;
    }

  return keel_parts_section_edit (versions_section (self), version);
}

GtkWidget *
keel_policy_editor_sign_off (KeelPolicyEditor *self,
                             KeelRecord       *version)
{
  KeelRecordEditor *editor = KEEL_RECORD_EDITOR (self);
  KeelSignOffDialog *dialog;

  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), NULL);

  if (keel_policy_version_is_signed (version))
    {
      keel_page_toast (GTK_WIDGET (self), _("This version is already signed off; create a new version"));
      return NULL;
    }

  dialog = keel_sign_off_dialog_new (GTK_WINDOW (self), keel_record_editor_get_workspace (editor),
                                     keel_record_editor_get_draft (editor), version);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_off_response_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WIDGET (dialog);
}
