/* keel-objective-editor.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objective-editor"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-gui-util.h"
#include "keel-objective-form.h"
#include "keel-records.h"

#include "keel-adaptive-layout.h"
#include "keel-objective-editor.h"
#include "keel-pages-private.h"
#include "keel-reading-dialog.h"
#include "keel-trend-plot.h"

struct _KeelObjectiveEditor
{
  AdwWindow             parent_instance;

  KeelWorkspace        *workspace;
  KeelRecord           *objective;   /* the original, or NULL when new */
  KeelRecord           *draft;       /* the working copy */
  KeelObjectiveForm    *form;
  KeelPeopleChoice     *people;
  KeelSmartCheck       *smart;
  gboolean              can_save;
  gboolean              loading;
  gboolean              touched[KEEL_OBJECTIVE_FORM_N_FIELDS];

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  AdwEntryRow          *title_row;
  AdwEntryRow          *description_row;
  AdwComboRow          *owner_row;
  AdwEntryRow          *strategy_row;
  AdwEntryRow          *department_row;
  AdwEntryRow          *measure_row;
  AdwEntryRow          *unit_row;
  AdwComboRow          *direction_row;
  AdwEntryRow          *baseline_row;
  AdwEntryRow          *target_row;
  AdwComboRow          *cadence_row;
  AdwEntryRow          *start_row;
  AdwEntryRow          *due_row;
  AdwComboRow          *status_row;
  GtkLabel             *details_error;
  GtkLabel             *measure_error;
  GtkLabel             *timing_error;
  AdwActionRow         *smart_specific_row;
  AdwActionRow         *smart_measurable_row;
  AdwActionRow         *smart_achievable_row;
  AdwActionRow         *smart_relevant_row;
  AdwActionRow         *smart_time_bound_row;
  GtkImage             *smart_specific_icon;
  GtkImage             *smart_measurable_icon;
  GtkImage             *smart_achievable_icon;
  GtkImage             *smart_relevant_icon;
  GtkImage             *smart_time_bound_icon;
  KeelTrendPlot        *plot;
  GtkListBox           *readings_list;
  GtkBox               *panes;

  /* Indexed by KeelObjectiveFormField */
  GtkWidget            *rows[KEEL_OBJECTIVE_FORM_N_FIELDS];
};

/* Each pane gets at least a phone's width, 360 px, side by side */
#define PANES_FOLD_WIDTH 720

G_DEFINE_FINAL_TYPE (KeelObjectiveEditor, keel_objective_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The values behind the combo rows' positions; position 0 is "Not set" */
static const char * const directions[] = { NULL, "higher", "lower" };
static const char * const cadences[] = { NULL, "weekly", "monthly", "quarterly", "yearly" };
static const char * const statuses[] = {
  NULL, "not-started", "on-track", "at-risk", "achieved", "missed", "cancelled"
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static guint
choice_position (const char * const *values,
                 guint               n_values,
                 const char         *value)
{
  for (guint i = 1; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return 0;
}

static void
combo_values (KeelObjectiveFormField   field,
              const char * const     **values,
              guint                   *n_values)
{
  switch ((int) field)
    {
    case KEEL_OBJECTIVE_FORM_DIRECTION:
      *values = directions;
      *n_values = G_N_ELEMENTS (directions);
      break;
    case KEEL_OBJECTIVE_FORM_CADENCE:
      *values = cadences;
      *n_values = G_N_ELEMENTS (cadences);
      break;
    case KEEL_OBJECTIVE_FORM_STATUS:
      *values = statuses;
      *n_values = G_N_ELEMENTS (statuses);
      break;
    default:
      *values = NULL;
      *n_values = 0;
    }
}

/* Puts the form's values into the rows */
static void
load_form (KeelObjectiveEditor *self)
{
  self->loading = TRUE;

  for (guint i = 0; i < KEEL_OBJECTIVE_FORM_N_FIELDS; i++)
    {
      const char *value = keel_objective_form_get (self->form, i);
      GtkWidget *row = self->rows[i];

      if (ADW_IS_ENTRY_ROW (row))
        gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      else if (i == KEEL_OBJECTIVE_FORM_OWNER)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), _keel_people_choice_find (self->people, value));
      else
        {
          const char * const *values;
          guint n_values;

          combo_values (i, &values, &n_values);
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), choice_position (values, n_values, value));
        }
    }

  self->loading = FALSE;
}

/* The fields the plot draws follow the form as soon as they are valid */
static void
sync_draft (KeelObjectiveEditor               *self,
            const KeelObjectiveFormValidation *v)
{
  static const KeelObjectiveFormField plotted[] = {
    KEEL_OBJECTIVE_FORM_MEASURE,
    KEEL_OBJECTIVE_FORM_UNIT,
    KEEL_OBJECTIVE_FORM_DIRECTION,
    KEEL_OBJECTIVE_FORM_BASELINE,
    KEEL_OBJECTIVE_FORM_TARGET,
    KEEL_OBJECTIVE_FORM_START,
    KEEL_OBJECTIVE_FORM_DUE,
  };

  g_object_freeze_notify (G_OBJECT (self->draft));

  for (guint i = 0; i < G_N_ELEMENTS (plotted); i++)
    {
      KeelObjectiveFormField f = plotted[i];
      const char *key = keel_objective_form_field_key (f);
      const KeelField *field = keel_record_find_field (self->draft, key);
      g_autofree char *text = g_strstrip (g_strdup (keel_objective_form_get (self->form, f) ? keel_objective_form_get (self->form, f) : ""));

      if (v->errors[f] != NULL && text[0] != '\0')
        continue;

      if (field->type == KEEL_FIELD_DOUBLE)
        {
          double d = NAN;

          keel_form_parse_number (text, &d);
          keel_record_set_double (self->draft, key, d);
        }
      else if (field->type == KEEL_FIELD_DATE)
        {
          g_autoptr(GDateTime) date = keel_date_parse (text);

          keel_record_set_date (self->draft, key, date);
        }
      else
        keel_record_set_string (self->draft, key, text[0] ? text : NULL);
    }

  g_object_thaw_notify (G_OBJECT (self->draft));
}

static void
update_smart (KeelObjectiveEditor *self)
{
  AdwActionRow *rows[KEEL_SMART_N_CRITERIA] = {
    self->smart_specific_row, self->smart_measurable_row, self->smart_achievable_row,
    self->smart_relevant_row, self->smart_time_bound_row,
  };
  GtkImage *icons[KEEL_SMART_N_CRITERIA] = {
    self->smart_specific_icon, self->smart_measurable_icon, self->smart_achievable_icon,
    self->smart_relevant_icon, self->smart_time_bound_icon,
  };

  g_clear_pointer (&self->smart, keel_smart_check_free);
  self->smart = keel_objective_form_smart_check (self->form, NULL);

  for (guint i = 0; i < KEEL_SMART_N_CRITERIA; i++)
    {
      gboolean ok = self->smart->ok[i];

      adw_action_row_set_subtitle (rows[i], self->smart->reasons[i]);
      gtk_image_set_from_icon_name (icons[i], ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (icons[i]), ok ? "warning" : "success");
      gtk_widget_add_css_class (GTK_WIDGET (icons[i]), ok ? "success" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ok ? _("Fine") : _("Weak"),
                                      -1);
    }
}

/* Derives every widget's state from the form */
static void
update_state (KeelObjectiveEditor *self)
{
  g_autoptr(KeelObjectiveFormValidation) v = keel_objective_form_validate (self->form);
  char * const *values = self->form->values;
  const char *first_error;

  first_error = _keel_editor_mark_rows (self->rows, values, v->errors, self->touched,
                                        KEEL_OBJECTIVE_FORM_N_FIELDS);

  _keel_editor_show_errors (self->details_error, values, v->errors, self->touched,
                            KEEL_OBJECTIVE_FORM_TITLE, KEEL_OBJECTIVE_FORM_DEPARTMENT);
  _keel_editor_show_errors (self->measure_error, values, v->errors, self->touched,
                            KEEL_OBJECTIVE_FORM_MEASURE, KEEL_OBJECTIVE_FORM_TARGET);
  _keel_editor_show_errors (self->timing_error, values, v->errors, self->touched,
                            KEEL_OBJECTIVE_FORM_CADENCE, KEEL_OBJECTIVE_FORM_STATUS);

  self->can_save = v->can_save;
  _keel_editor_set_can_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), v->can_save, first_error);

  update_smart (self);
  sync_draft (self, v);
}

static void
edit_reading (KeelObjectiveEditor *self,
              KeelRecord          *reading)
{
  KeelReadingDialog *dialog = keel_reading_dialog_new (GTK_WINDOW (self), self->draft, reading);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reading_edit_clicked_cb (GtkWidget           *button,
                         KeelObjectiveEditor *self)
{
  edit_reading (self, g_object_get_data (G_OBJECT (button), "reading"));
}

static void
reading_row_activated_cb (AdwActionRow        *row,
                          KeelObjectiveEditor *self)
{
  edit_reading (self, g_object_get_data (G_OBJECT (row), "reading"));
}

static void
reading_delete_clicked_cb (GtkWidget           *button,
                           KeelObjectiveEditor *self)
{
  KeelRecord *reading = g_object_get_data (G_OBJECT (button), "reading");
  GListStore *readings = keel_record_get_children (self->draft, "readings");
  guint position;

  if (g_list_store_find (readings, reading, &position))
    g_list_store_remove (readings, position);
}

static GtkWidget *
create_reading_row (KeelObjectiveEditor *self,
                    KeelRecord          *reading)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *value = keel_objective_format_value (keel_record_get_double (reading, "value"),
                                                        keel_record_get_string (self->draft, "unit"));
  g_autofree char *date = _keel_date_text (keel_record_get_date (reading, "date"));
  const char *note = keel_record_get_string (reading, "note");
  g_autofree char *subtitle = note ? g_strdup_printf ("%s · %s", date, note) : g_strdup (date);
  g_autofree char *markup_value = g_markup_escape_text (value, -1);
  g_autofree char *markup_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup_value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup_subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? edit : delete;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "reading", g_object_ref (reading), g_object_unref);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  gtk_widget_set_tooltip_text (edit, _("Edit reading"));
  gtk_widget_set_tooltip_text (delete, _("Delete reading"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit reading"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete reading"), -1);
  g_object_set_data_full (G_OBJECT (row), "reading", g_object_ref (reading), g_object_unref);

  g_signal_connect_object (edit, "clicked", G_CALLBACK (reading_edit_clicked_cb), self, 0);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (reading_delete_clicked_cb), self, 0);
  g_signal_connect_object (row, "activated", G_CALLBACK (reading_row_activated_cb), self, 0);

  return row;
}

/* Newest first */
static void
rebuild_readings (KeelObjectiveEditor *self)
{
  g_autoptr(GPtrArray) sorted = keel_objective_sorted_readings (self->draft);
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->readings_list, 0)) != NULL)
    gtk_list_box_remove (self->readings_list, GTK_WIDGET (row));

  for (guint i = sorted->len; i > 0; i--)
    gtk_list_box_append (self->readings_list, create_reading_row (self, g_ptr_array_index (sorted, i - 1)));
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
entry_changed_cb (KeelObjectiveEditor *self,
                  AdwEntryRow         *row)
{
  KeelObjectiveFormField field = _keel_editor_field_of_row (self->rows, KEEL_OBJECTIVE_FORM_N_FIELDS, GTK_WIDGET (row));

  if (self->loading || self->form == NULL || field >= KEEL_OBJECTIVE_FORM_N_FIELDS)
    return;

  self->touched[field] = TRUE;
  if (keel_objective_form_set (self->form, field, gtk_editable_get_text (GTK_EDITABLE (row))))
    update_state (self);
}

static void
combo_changed_cb (KeelObjectiveEditor *self,
                  GParamSpec          *pspec,
                  AdwComboRow         *row)
{
  KeelObjectiveFormField field = _keel_editor_field_of_row (self->rows, KEEL_OBJECTIVE_FORM_N_FIELDS, GTK_WIDGET (row));
  guint position = adw_combo_row_get_selected (row);
  const char *value;

  if (self->loading || self->form == NULL || field >= KEEL_OBJECTIVE_FORM_N_FIELDS)
    return;

  if (field == KEEL_OBJECTIVE_FORM_OWNER)
    value = _keel_people_choice_id (self->people, position);
  else
    {
      const char * const *values;
      guint n_values;

      combo_values (field, &values, &n_values);
      value = position < n_values ? values[position] : NULL;
    }

  self->touched[field] = TRUE;
  if (keel_objective_form_set (self->form, field, value))
    update_state (self);
}

static void
draft_changed_cb (KeelObjectiveEditor *self)
{
  rebuild_readings (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  keel_objective_editor_save (KEEL_OBJECTIVE_EDITOR (widget));
}

static void
add_reading_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  keel_objective_editor_add_reading (KEEL_OBJECTIVE_EDITOR (widget));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_objective_editor_dispose (GObject *object)
{
  KeelObjectiveEditor *self = (KeelObjectiveEditor *)object;

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, draft_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_OBJECTIVE_EDITOR);

  g_clear_object (&self->workspace);
  g_clear_object (&self->objective);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->form, keel_objective_form_free);
  g_clear_pointer (&self->people, _keel_people_choice_free);
  g_clear_pointer (&self->smart, keel_smart_check_free);

  G_OBJECT_CLASS (keel_objective_editor_parent_class)->dispose (object);
}

static void
keel_objective_editor_class_init (KeelObjectiveEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_objective_editor_dispose;

  /* KeelObjectiveEditor::saved (objective), editor.save, editor.cancel */
  signals[SAVED] = _keel_editor_class_setup (widget_class, save_action);

  g_type_ensure (KEEL_TYPE_TREND_PLOT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/keelisms/Keel/pages/keel-objective-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, KeelObjectiveEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (title_row);
  CHILD (description_row);
  CHILD (owner_row);
  CHILD (strategy_row);
  CHILD (department_row);
  CHILD (measure_row);
  CHILD (unit_row);
  CHILD (direction_row);
  CHILD (baseline_row);
  CHILD (target_row);
  CHILD (cadence_row);
  CHILD (start_row);
  CHILD (due_row);
  CHILD (status_row);
  CHILD (details_error);
  CHILD (measure_error);
  CHILD (timing_error);
  CHILD (smart_specific_row);
  CHILD (smart_measurable_row);
  CHILD (smart_achievable_row);
  CHILD (smart_relevant_row);
  CHILD (smart_time_bound_row);
  CHILD (smart_specific_icon);
  CHILD (smart_measurable_icon);
  CHILD (smart_achievable_icon);
  CHILD (smart_relevant_icon);
  CHILD (smart_time_bound_icon);
  CHILD (plot);
  CHILD (readings_list);
  CHILD (panes);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-reading", NULL, add_reading_action);
}

static void
keel_objective_editor_init (KeelObjectiveEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  keel_gui_fix_button_names (GTK_WIDGET (self));
  keel_gui_destroy_when_hidden (GTK_WINDOW (self));

  /* The form beside its progress; narrower, one above the other */
  _keel_pane_layout_apply (self->panes, PANES_FOLD_WIDTH);

  self->rows[KEEL_OBJECTIVE_FORM_TITLE] = GTK_WIDGET (self->title_row);
  self->rows[KEEL_OBJECTIVE_FORM_DESCRIPTION] = GTK_WIDGET (self->description_row);
  self->rows[KEEL_OBJECTIVE_FORM_OWNER] = GTK_WIDGET (self->owner_row);
  self->rows[KEEL_OBJECTIVE_FORM_STRATEGY_LINK] = GTK_WIDGET (self->strategy_row);
  self->rows[KEEL_OBJECTIVE_FORM_DEPARTMENT] = GTK_WIDGET (self->department_row);
  self->rows[KEEL_OBJECTIVE_FORM_MEASURE] = GTK_WIDGET (self->measure_row);
  self->rows[KEEL_OBJECTIVE_FORM_UNIT] = GTK_WIDGET (self->unit_row);
  self->rows[KEEL_OBJECTIVE_FORM_DIRECTION] = GTK_WIDGET (self->direction_row);
  self->rows[KEEL_OBJECTIVE_FORM_BASELINE] = GTK_WIDGET (self->baseline_row);
  self->rows[KEEL_OBJECTIVE_FORM_TARGET] = GTK_WIDGET (self->target_row);
  self->rows[KEEL_OBJECTIVE_FORM_CADENCE] = GTK_WIDGET (self->cadence_row);
  self->rows[KEEL_OBJECTIVE_FORM_START] = GTK_WIDGET (self->start_row);
  self->rows[KEEL_OBJECTIVE_FORM_DUE] = GTK_WIDGET (self->due_row);
  self->rows[KEEL_OBJECTIVE_FORM_STATUS] = GTK_WIDGET (self->status_row);

  for (guint i = 0; i < KEEL_OBJECTIVE_FORM_N_FIELDS; i++)
    if (ADW_IS_ENTRY_ROW (self->rows[i]))
      _keel_entry_row_label (ADW_ENTRY_ROW (self->rows[i]));

  _keel_entry_row_add_calendar (self->start_row);
  _keel_entry_row_add_calendar (self->due_row);

  placeholder = gtk_label_new (_("No readings yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->readings_list, placeholder);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

KeelObjectiveEditor *
keel_objective_editor_new (KeelWorkspace *workspace,
                           KeelRecord    *objective)
{
  KeelObjectiveEditor *self;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (!objective || KEEL_IS_OBJECTIVE (objective), NULL);

  self = g_object_new (KEEL_TYPE_OBJECTIVE_EDITOR, NULL);
  self->workspace = g_object_ref (workspace);
  self->people = _keel_editor_owner_choice (self->owner_row, workspace);
  self->objective = objective ? g_object_ref (objective) : NULL;
  self->draft = _keel_editor_make_draft (objective, KEEL_TYPE_OBJECTIVE,
                                         self->touched, KEEL_OBJECTIVE_FORM_N_FIELDS, self->window_title,
                                         _("Edit Objective"), _("New Objective"));
  if (objective == NULL)
    keel_record_set_string (self->draft, "status", "not-started");

  self->form = keel_objective_form_new_from_record (self->draft);
  load_form (self);

  keel_trend_plot_set_objective (self->plot, self->draft);
  g_signal_connect_object (self->draft, "changed",
                           G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_readings (self);
  update_state (self);

  return self;
}

KeelRecord *
keel_objective_editor_get_objective (KeelObjectiveEditor *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), NULL);

  return self->objective;
}

KeelRecord *
keel_objective_editor_get_draft (KeelObjectiveEditor *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), NULL);

  return self->draft;
}

gboolean
keel_objective_editor_get_can_save (KeelObjectiveEditor *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), FALSE);

  return self->can_save;
}

GtkWidget *
keel_objective_editor_add_reading (KeelObjectiveEditor *self)
{
  KeelReadingDialog *dialog;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), NULL);

  dialog = keel_reading_dialog_new (GTK_WINDOW (self), self->draft, NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WIDGET (dialog);
}

gboolean
keel_objective_editor_save (KeelObjectiveEditor *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), FALSE);

  update_state (self);
  if (!self->can_save || !keel_objective_form_apply (self->form, self->draft))
    return FALSE;

  _keel_editor_commit (GTK_WINDOW (self), signals[SAVED], self->workspace, self->objective, self->draft);

  return TRUE;
}
