/* keel-person-editor.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-person-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-gui-util.h"
#include "keel-person-editor.h"
#include "keel-records.h"

/* A modal form for one person. The values stay in the form until Save, so
 * Cancel (or Escape, or closing the window) leaves the person as it was. */

struct _KeelPersonEditor
{
  AdwWindow       parent_instance;

  KeelWorkspace  *workspace;
  KeelRecord     *person;     /* NULL until a new person is saved */

  AdwWindowTitle *title_widget;
  AdwEntryRow    *name_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *job_title_row;
  AdwEntryRow    *department_row;
  GtkSwitch      *top_management_switch;
  GtkSwitch      *review_team_switch;
  GtkButton      *save_button;

  guint           touched_name : 1;
};

G_DEFINE_FINAL_TYPE (KeelPersonEditor, keel_person_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
update_state (KeelPersonEditor *self)
{
  KeelPersonValues values;
  KeelFormProblems problems = keel_person_editor_get_values (self, &values);

  keel_gui_set_error (GTK_WIDGET (self->name_row),
                      self->touched_name && (problems & KEEL_FORM_NEEDS_NAME));
  keel_gui_set_error (GTK_WIDGET (self->email_row), problems & KEEL_FORM_BAD_EMAIL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", problems == KEEL_FORM_OK);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_field (KeelRecord  *person,
           const char  *key,
           const char  *text)
{
  g_autofree char *value = keel_text_normalize (text);

  keel_record_set_string (person, key, value);
}

/* ------------------------------------------------------------------------ */
/* Callbacks and actions                                                    */
/* ------------------------------------------------------------------------ */

static void
name_changed_cb (KeelPersonEditor *self)
{
  self->touched_name = TRUE;
  update_state (self);
}

static void
field_changed_cb (KeelPersonEditor *self)
{
  update_state (self);
}

static void
entry_activated_cb (KeelPersonEditor *self)
{
  keel_person_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  keel_person_editor_save (KEEL_PERSON_EDITOR (widget));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_person_editor_dispose (GObject *object)
{
  KeelPersonEditor *self = KEEL_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_PERSON_EDITOR);
  g_clear_object (&self->workspace);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (keel_person_editor_parent_class)->dispose (object);
}

static void
keel_person_editor_class_init (KeelPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_person_editor_dispose;

  /* The person was added or changed */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KEEL_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keelisms/Keel/keel-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, title_widget);
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, top_management_switch);
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, review_team_switch);
  gtk_widget_class_bind_template_child (widget_class, KeelPersonEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
keel_person_editor_init (KeelPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  keel_gui_label_entry_row (self->name_row);
  keel_gui_label_entry_row (self->email_row);
  keel_gui_label_entry_row (self->job_title_row);
  keel_gui_label_entry_row (self->department_row);
  keel_gui_fix_button_names (GTK_WIDGET (self));
  keel_gui_destroy_when_hidden (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

KeelPersonEditor *
keel_person_editor_new (KeelWorkspace *workspace,
                        KeelRecord    *person)
{
  KeelPersonEditor *self;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (person == NULL || KEEL_IS_PERSON (person), NULL);

  self = g_object_new (KEEL_TYPE_PERSON_EDITOR, NULL);
  self->workspace = g_object_ref (workspace);

  if (person != NULL)
    {
      self->person = g_object_ref (person);
      adw_window_title_set_title (self->title_widget, _("Edit Person"));
      adw_window_title_set_subtitle (self->title_widget, keel_record_get_id (person));
      set_row_text (self->name_row, keel_record_get_string (person, "name"));
      set_row_text (self->email_row, keel_record_get_string (person, "email"));
      set_row_text (self->job_title_row, keel_record_get_string (person, "job_title"));
      set_row_text (self->department_row, keel_record_get_string (person, "department"));
      gtk_switch_set_active (self->top_management_switch,
                             keel_record_get_boolean (person, "top_management"));
      gtk_switch_set_active (self->review_team_switch,
                             keel_record_get_boolean (person, "review_team"));
    }
  else
    adw_window_title_set_title (self->title_widget, _("New Person"));

  /* Filling the form is not the user's doing */
  self->touched_name = FALSE;
  update_state (self);

  return self;
}

/**
 * keel_person_editor_get_person:
 *
 * Returns: (transfer none) (nullable): the person edited, or the one
 *   added by Save
 */
KeelRecord *
keel_person_editor_get_person (KeelPersonEditor *self)
{
  g_return_val_if_fail (KEEL_IS_PERSON_EDITOR (self), NULL);

  return self->person;
}

KeelFormProblems
keel_person_editor_get_values (KeelPersonEditor *self,
                               KeelPersonValues *values)
{
  g_return_val_if_fail (KEEL_IS_PERSON_EDITOR (self), KEEL_FORM_NEEDS_NAME);
  g_return_val_if_fail (values != NULL, KEEL_FORM_NEEDS_NAME);

  values->name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  values->email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  values->job_title = gtk_editable_get_text (GTK_EDITABLE (self->job_title_row));
  values->department = gtk_editable_get_text (GTK_EDITABLE (self->department_row));
  values->top_management = gtk_switch_get_active (self->top_management_switch);
  values->review_team = gtk_switch_get_active (self->review_team_switch);

  return keel_person_values_check (values);
}

/**
 * keel_person_editor_save:
 *
 * Stores the form in the person (adding a new one to the workspace) and
 * closes the editor.
 *
 * Returns: %FALSE if the values do not do yet
 */
gboolean
keel_person_editor_save (KeelPersonEditor *self)
{
  g_autoptr(KeelRecord) added = NULL;
  KeelPersonValues values;
  KeelRecord *person;

  g_return_val_if_fail (KEEL_IS_PERSON_EDITOR (self), FALSE);

  if (keel_person_editor_get_values (self, &values) != KEEL_FORM_OK)
    {
      self->touched_name = TRUE;
      update_state (self);
      return FALSE;
    }

  person = self->person;
  if (person == NULL)
    person = added = g_object_new (KEEL_TYPE_PERSON, NULL);

  set_field (person, "name", values.name);
  set_field (person, "email", values.email);
  set_field (person, "job_title", values.job_title);
  set_field (person, "department", values.department);
  keel_record_set_boolean (person, "top_management", values.top_management);
  keel_record_set_boolean (person, "review_team", values.review_team);

  if (added != NULL)
    {
      keel_workspace_add (self->workspace, added);
      self->person = g_object_ref (added);
    }

  g_signal_emit (self, signals[SAVED], 0, self->person);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
