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
#include "keel-error.h"
#include "keel-gui-util.h"
#include "keel-policy-form.h"
#include "keel-records.h"

#include "keel-pages-private.h"
#include "keel-policy-editor.h"
#include "keel-policy-version-row.h"
#include "keel-row-model.h"
#include "keel-sign-off-dialog.h"
#include "keel-version-dialog.h"

struct _KeelPolicyEditor
{
  AdwWindow            parent_instance;

  KeelWorkspace       *workspace;
  KeelRecord          *policy;    /* the original, or NULL when new */
  KeelRecord          *draft;
  KeelPolicyForm      *form;
  KeelPeopleChoice    *people;
  KeelRowModel        *version_rows;
  gboolean             can_save;
  gboolean             loading;
  gboolean             touched[KEEL_POLICY_FORM_N_FIELDS];

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwEntryRow         *title_row;
  AdwComboRow         *owner_row;
  AdwEntryRow         *summary_row;
  AdwEntryRow         *next_review_row;
  GtkLabel            *details_error;
  GtkStack            *versions_stack;
  GtkColumnView       *versions_view;
  GtkColumnViewColumn *version_column;
  GtkSingleSelection  *versions_selection;
  GtkSortListModel    *versions_sort;

  GtkWidget           *rows[KEEL_POLICY_FORM_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (KeelPolicyEditor, keel_policy_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Template callbacks                                                       */
/* ------------------------------------------------------------------------ */

static gboolean
invert_boolean (gpointer unused,
                gboolean value)
{
  return !value;
}

static GVariant *
version_target (gpointer    unused,
                const char *number)
{
  return g_variant_ref_sink (g_variant_new_string (number ? number : ""));
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static gpointer
map_version (gpointer item,
             gpointer user_data)
{
  KeelPolicyEditor *self = user_data;
  return keel_policy_version_row_new (item, self->workspace);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  KeelRecord *va = keel_policy_version_row_get_version ((KeelPolicyVersionRow *) a);
  KeelRecord *vb = keel_policy_version_row_get_version ((KeelPolicyVersionRow *) b);
  int cmp = keel_policy_version_compare (keel_record_get_string (va, "version"),
                                         keel_record_get_string (vb, "version"));

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
load_form (KeelPolicyEditor *self)
{
  self->loading = TRUE;

  for (guint i = 0; i < KEEL_POLICY_FORM_N_FIELDS; i++)
    {
      const char *value = keel_policy_form_get (self->form, i);

      if (i == KEEL_POLICY_FORM_OWNER)
        adw_combo_row_set_selected (self->owner_row, _keel_people_choice_find (self->people, value));
      else
        gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value ? value : "");
    }

  self->loading = FALSE;
}

static void
update_state (KeelPolicyEditor *self)
{
  g_autoptr(KeelPolicyFormValidation) v = keel_policy_form_validate (self->form, self->draft);
  const char *first_error;
  guint n_versions;

  first_error = _keel_editor_mark_rows (self->rows, self->form->values, v->errors, self->touched,
                                        KEEL_POLICY_FORM_N_FIELDS);
  _keel_editor_show_errors (self->details_error, self->form->values, v->errors, self->touched,
                            0, KEEL_POLICY_FORM_N_FIELDS - 1);

  self->can_save = v->can_save;
  _keel_editor_set_can_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), v->can_save, first_error);

  n_versions = g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (self->draft, "versions")));
  gtk_stack_set_visible_child_name (self->versions_stack, n_versions > 0 ? "table" : "empty");
}

static void
toast (KeelPolicyEditor *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
entry_changed_cb (KeelPolicyEditor *self,
                  AdwEntryRow      *row)
{
  guint field = _keel_editor_field_of_row (self->rows, KEEL_POLICY_FORM_N_FIELDS, GTK_WIDGET (row));

  if (self->loading || self->form == NULL || field >= KEEL_POLICY_FORM_N_FIELDS)
    return;

  self->touched[field] = TRUE;
  if (keel_policy_form_set (self->form, field, gtk_editable_get_text (GTK_EDITABLE (row))))
    update_state (self);
}

static void
owner_changed_cb (KeelPolicyEditor *self)
{
  if (self->loading || self->form == NULL)
    return;

  self->touched[KEEL_POLICY_FORM_OWNER] = TRUE;
  if (keel_policy_form_set (self->form, KEEL_POLICY_FORM_OWNER,
                            _keel_people_choice_id (self->people, adw_combo_row_get_selected (self->owner_row))))
    update_state (self);
}

/* A sign-off moves the next review: show it in the form */
static void
draft_review_changed_cb (KeelPolicyEditor *self)
{
  g_autofree char *text = _keel_date_text (keel_record_get_date (self->draft, "next_review"));

  keel_policy_form_set (self->form, KEEL_POLICY_FORM_NEXT_REVIEW, text);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->next_review_row), text);
  self->loading = FALSE;
  update_state (self);
}

static void
draft_changed_cb (KeelPolicyEditor *self)
{
  update_state (self);
}

static void
versions_activate_cb (KeelPolicyEditor *self,
                      guint             position)
{
  g_autoptr(KeelPolicyVersionRow) row = g_list_model_get_item (G_LIST_MODEL (self->versions_selection), position);

  if (row != NULL)
    keel_policy_editor_edit_version (self, keel_policy_version_row_get_version (row));
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  keel_policy_editor_save (KEEL_POLICY_EDITOR (widget));
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
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_policy_editor_dispose (GObject *object)
{
  KeelPolicyEditor *self = (KeelPolicyEditor *)object;

  if (self->draft != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->draft, draft_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->draft, draft_review_changed_cb, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_POLICY_EDITOR);

  g_clear_object (&self->version_rows);
  g_clear_object (&self->workspace);
  g_clear_object (&self->policy);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->form, keel_policy_form_free);
  g_clear_pointer (&self->people, _keel_people_choice_free);

  G_OBJECT_CLASS (keel_policy_editor_parent_class)->dispose (object);
}

static void
keel_policy_editor_class_init (KeelPolicyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_policy_editor_dispose;

  /* KeelPolicyEditor::saved (policy), editor.save, editor.cancel */
  signals[SAVED] = _keel_editor_class_setup (widget_class, save_action);

  g_type_ensure (KEEL_TYPE_POLICY_VERSION);
  g_type_ensure (KEEL_TYPE_POLICY_VERSION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/keel-policy-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, KeelPolicyEditor, name)
  CHILD (toast_overlay);
  CHILD (window_title);
  CHILD (save_button);
  CHILD (title_row);
  CHILD (owner_row);
  CHILD (summary_row);
  CHILD (next_review_row);
  CHILD (details_error);
  CHILD (versions_stack);
  CHILD (versions_view);
  CHILD (version_column);
  CHILD (versions_selection);
  CHILD (versions_sort);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, invert_boolean);
  gtk_widget_class_bind_template_callback (widget_class, version_target);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, versions_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "editor.sign-off", "s", sign_off_action);
}

static void
keel_policy_editor_init (KeelPolicyEditor *self)
{
  g_autoptr(GtkSorter) sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  keel_gui_fix_button_names (GTK_WIDGET (self));
  keel_gui_destroy_when_hidden (GTK_WINDOW (self));

  self->rows[KEEL_POLICY_FORM_TITLE] = GTK_WIDGET (self->title_row);
  self->rows[KEEL_POLICY_FORM_OWNER] = GTK_WIDGET (self->owner_row);
  self->rows[KEEL_POLICY_FORM_SUMMARY] = GTK_WIDGET (self->summary_row);
  self->rows[KEEL_POLICY_FORM_NEXT_REVIEW] = GTK_WIDGET (self->next_review_row);

  _keel_entry_row_label (self->title_row);
  _keel_entry_row_label (self->summary_row);
  _keel_entry_row_label (self->next_review_row);
  _keel_entry_row_add_calendar (self->next_review_row);

  /* Version numbers sort as numbers: 1.9 before 1.10 */
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_versions, NULL, NULL));
  gtk_column_view_column_set_sorter (self->version_column, sorter);
  g_object_bind_property (self->versions_view, "sorter", self->versions_sort, "sorter", G_BINDING_SYNC_CREATE);
  gtk_column_view_sort_by_column (self->versions_view, self->version_column, GTK_SORT_DESCENDING);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

KeelPolicyEditor *
keel_policy_editor_new (KeelWorkspace *workspace,
                        KeelRecord    *policy)
{
  KeelPolicyEditor *self;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (!policy || KEEL_IS_POLICY (policy), NULL);

  self = g_object_new (KEEL_TYPE_POLICY_EDITOR, NULL);
  self->workspace = g_object_ref (workspace);
  self->people = _keel_editor_owner_choice (self->owner_row, workspace);
  self->policy = policy ? g_object_ref (policy) : NULL;
  self->draft = _keel_editor_make_draft (policy, KEEL_TYPE_POLICY,
                                         self->touched, KEEL_POLICY_FORM_N_FIELDS, self->window_title,
                                         _("Edit Policy"), _("New Policy"));

  self->form = keel_policy_form_new_from_record (self->draft);
  load_form (self);

  self->version_rows = keel_row_model_new (G_LIST_MODEL (keel_record_get_children (self->draft, "versions")),
                                           KEEL_TYPE_POLICY_VERSION_ROW, map_version, self);
  gtk_sort_list_model_set_model (self->versions_sort, G_LIST_MODEL (self->version_rows));

  g_signal_connect_object (self->draft, "changed",
                           G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft, "notify::next-review",
                           G_CALLBACK (draft_review_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);

  return self;
}

KeelRecord *
keel_policy_editor_get_policy (KeelPolicyEditor *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);

  return self->policy;
}

KeelRecord *
keel_policy_editor_get_draft (KeelPolicyEditor *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);

  return self->draft;
}

gboolean
keel_policy_editor_get_can_save (KeelPolicyEditor *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), FALSE);

  return self->can_save;
}

KeelRecord *
keel_policy_editor_find_version (KeelPolicyEditor *self,
                                 const char       *number)
{
  GListModel *versions;

  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);

  versions = G_LIST_MODEL (keel_record_get_children (self->draft, "versions"));
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
  KeelVersionDialog *dialog;

  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);

  /* The owner most often writes the next version */
  dialog = keel_version_dialog_new (GTK_WINDOW (self), self->workspace, self->draft, NULL,
                                    keel_policy_form_get (self->form, KEEL_POLICY_FORM_OWNER));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WIDGET (dialog);
}

GtkWidget *
keel_policy_editor_edit_version (KeelPolicyEditor *self,
                                 KeelRecord       *version)
{
  g_autoptr(GError) error = NULL;
  KeelVersionDialog *dialog;

  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), NULL);

  if (!keel_policy_version_check_editable (version, &error))
    {
      toast (self, error->message);
      return NULL;
    }

  dialog = keel_version_dialog_new (GTK_WINDOW (self), self->workspace, self->draft, version, NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WIDGET (dialog);
}

GtkWidget *
keel_policy_editor_sign_off (KeelPolicyEditor *self,
                             KeelRecord       *version)
{
  KeelSignOffDialog *dialog;

  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), NULL);
  g_return_val_if_fail (KEEL_IS_POLICY_VERSION (version), NULL);

  if (keel_policy_version_is_signed (version))
    {
      toast (self, _("This version is already signed off; create a new version"));
      return NULL;
    }

  dialog = keel_sign_off_dialog_new (GTK_WINDOW (self), self->workspace, self->draft, version);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WIDGET (dialog);
}

gboolean
keel_policy_editor_save (KeelPolicyEditor *self)
{
  g_return_val_if_fail (KEEL_IS_POLICY_EDITOR (self), FALSE);

  update_state (self);
  if (!self->can_save || !keel_policy_form_apply (self->form, self->draft))
    return FALSE;

  _keel_editor_commit (GTK_WINDOW (self), signals[SAVED], self->workspace, self->policy, self->draft);

  return TRUE;
}
