/* keel-editor-util.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-records.h"
#include "keel-window.h"

#include "keel-pages-private.h"

/* What the record editors (objective, policy) share: the plumbing of an
 * editor window around a form, a working copy and its original. */

static void
editor_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

guint
_keel_editor_class_setup (GtkWidgetClass              *widget_class,
                          GtkWidgetActionActivateFunc  save_activate)
{
  guint saved;

  /* ::saved (KeelRecord *record): the record as it is now in the workspace */
  saved = g_signal_new ("saved",
                        G_TYPE_FROM_CLASS (widget_class),
                        G_SIGNAL_RUN_LAST,
                        0, NULL, NULL, NULL,
                        G_TYPE_NONE, 1, KEEL_TYPE_RECORD);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activate);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, editor_cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);

  return saved;
}

KeelPeopleChoice *
_keel_editor_owner_choice (AdwComboRow   *owner_row,
                           KeelWorkspace *workspace)
{
  KeelPeopleChoice *people = _keel_people_choice_new (workspace, FALSE);

  adw_combo_row_set_model (owner_row, G_LIST_MODEL (people->names));
  if (people->ids->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (owner_row), _("Add people on the People page first"));

  return people;
}

KeelRecord *
_keel_editor_make_draft (KeelRecord     *record,
                         GType           record_type,
                         gboolean       *touched,
                         guint           n_fields,
                         AdwWindowTitle *window_title,
                         const char     *edit_title,
                         const char     *new_title)
{
  if (record == NULL)
    {
      adw_window_title_set_title (window_title, new_title);

      return g_object_new (record_type, NULL);
    }

  /* What is missing in a saved record shows at once */
  for (guint i = 0; i < n_fields; i++)
    touched[i] = TRUE;
  adw_window_title_set_title (window_title, edit_title);
  adw_window_title_set_subtitle (window_title, keel_record_get_id (record));

  return keel_record_copy (record);
}

guint
_keel_editor_field_of_row (GtkWidget * const *rows,
                           guint              n_fields,
                           GtkWidget         *row)
{
  for (guint i = 0; i < n_fields; i++)
    if (rows[i] == row)
      return i;

  return n_fields;
}

gboolean
_keel_editor_error_shown (const char *value,
                          const char *error,
                          gboolean    touched)
{
  /* An empty required field is marked only once it was touched; a value
   * that cannot be read is marked at once */
  return error != NULL && (touched || (value && value[0]));
}

const char *
_keel_editor_mark_rows (GtkWidget * const *rows,
                        char * const      *values,
                        char * const      *errors,
                        const gboolean    *touched,
                        guint              n_fields)
{
  const char *first_error = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      gboolean shown = _keel_editor_error_shown (values[i], errors[i], touched[i]);

      _keel_widget_set_error (rows[i], shown);
      gtk_widget_set_tooltip_text (rows[i], shown ? errors[i] : NULL);

      if (first_error == NULL)
        first_error = errors[i];
    }

  return first_error;
}

void
_keel_editor_show_errors (GtkLabel       *label,
                          char * const   *values,
                          char * const   *errors,
                          const gboolean *touched,
                          guint           first,
                          guint           last)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    if (_keel_editor_error_shown (values[i], errors[i], touched[i]))
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", errors[i]);

  gtk_label_set_label (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

void
_keel_editor_set_can_save (GtkWidget  *editor,
                           GtkWidget  *save_button,
                           gboolean    can_save,
                           const char *first_error)
{
  gtk_widget_action_set_enabled (editor, "editor.save", can_save);
  gtk_widget_set_tooltip_text (save_button, can_save ? _("Save (Ctrl+S)") : first_error);
}

void
_keel_editor_commit (GtkWindow     *editor,
                     guint          saved_signal,
                     KeelWorkspace *workspace,
                     KeelRecord    *record,
                     KeelRecord    *draft)
{
  g_autoptr(KeelRecord) saved = NULL;
  GtkWindow *parent;

  if (record != NULL)
    {
      keel_record_assign (record, draft);
      saved = g_object_ref (record);
    }
  else
    {
      /* The workspace gives it its id */
      keel_workspace_add (workspace, draft);
      saved = g_object_ref (draft);
    }

  g_signal_emit (editor, saved_signal, 0, saved);

  parent = gtk_window_get_transient_for (editor);
  if (record == NULL && KEEL_IS_WINDOW (parent))
    {
      /* Translators: a toast after adding, "OBJ-4 added" */
      g_autofree char *message = g_strdup_printf (_("%s added"), keel_record_get_id (saved));

      keel_window_toast (KEEL_WINDOW (parent), message);
    }

  gtk_window_close (editor);
}
