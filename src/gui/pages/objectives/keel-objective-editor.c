/* keel-objective-editor.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objective-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-field-row.h"
#include "keel-objective-editor.h"
#include "keel-parts-section.h"
#include "keel-trend-plot.h"

struct _KeelObjectiveEditor
{
  KeelRecordEditor  parent_instance;

  GtkWidget        *plot;
  GtkWidget        *smart_rows[KEEL_SMART_N_CRITERIA];
  GtkWidget        *smart_icons[KEEL_SMART_N_CRITERIA];
  guint             n_readings;
};

G_DEFINE_FINAL_TYPE (KeelObjectiveEditor, keel_objective_editor, KEEL_TYPE_RECORD_EDITOR)

static void
update_smart (KeelObjectiveEditor *self)
{
  KeelRecord *draft = keel_record_editor_get_draft (KEEL_RECORD_EDITOR (self));
  g_autoptr(KeelSmartCheck) check = keel_objective_smart_check (draft, NULL);

  for (guint i = 0; i < KEEL_SMART_N_CRITERIA; i++)
    {
      GtkWidget *icon = self->smart_icons[i];
      gboolean ok = check->ok[i];

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->smart_rows[i]), check->reasons[i]);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_widget_remove_css_class (icon, ok ? "warning" : "success");
      gtk_widget_add_css_class (icon, ok ? "success" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ok ? _("Fine") : _("Weak"),
                                      -1);
    }
}

/* ------------------------------------------------------------------------ */
/* KeelRecordEditor                                                         */
/* ------------------------------------------------------------------------ */

static void
keel_objective_editor_draft_changed (KeelRecordEditor *editor)
{
  KeelObjectiveEditor *self = KEEL_OBJECTIVE_EDITOR (editor);
  KeelRecord *draft = keel_record_editor_get_draft (editor);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (draft, "readings")));
  const char *suggested;

  /* Progress recorded: "not started" no longer says what is going on */
  if (n > self->n_readings && (suggested = keel_objective_suggest_status (draft)) != NULL)
    {
      keel_record_set_string (draft, "status", suggested);
      keel_field_row_reload (keel_record_editor_get_row (editor, "status"));
    }
  self->n_readings = n;

  keel_trend_plot_set_objective (KEEL_TREND_PLOT (self->plot), NULL);
  keel_trend_plot_set_objective (KEEL_TREND_PLOT (self->plot), draft);
  update_smart (self);
}

static char *
keel_objective_editor_validate (KeelRecordEditor *editor)
{
  return g_strdup (keel_objective_dates_error (keel_record_editor_get_draft (editor)));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_objective_editor_constructed (GObject *object)
{
  KeelObjectiveEditor *self = (KeelObjectiveEditor *)object;
  KeelRecordEditor *editor = KEEL_RECORD_EDITOR (self);
  KeelRecord *draft;
  GtkWidget *group;

  G_OBJECT_CLASS (keel_objective_editor_parent_class)->constructed (object);

  draft = keel_record_editor_get_draft (editor);
  self->n_readings = g_list_model_get_n_items (G_LIST_MODEL (keel_record_get_children (draft, "readings")));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Trend"));
  self->plot = keel_trend_plot_new ();
  gtk_widget_set_size_request (self->plot, -1, 180);
  keel_trend_plot_set_objective (KEEL_TREND_PLOT (self->plot), draft);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->plot);
  /* The trend first, the readings it draws below it */
  keel_record_editor_insert_section (editor, group, "readings");

  /* Advice, not errors: a weak objective can still be saved */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("SMART Check"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("How an auditor reads this objective (ISO/IEC 27001, 6.2)"));
  for (guint i = 0; i < KEEL_SMART_N_CRITERIA; i++)
    {
      self->smart_rows[i] = adw_action_row_new ();
      self->smart_icons[i] = gtk_image_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->smart_rows[i]), keel_smart_criterion_name (i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->smart_rows[i]), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->smart_rows[i]), self->smart_icons[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->smart_rows[i]);
    }
  keel_record_editor_add_section (editor, group);

  update_smart (self);
}

static void
keel_objective_editor_class_init (KeelObjectiveEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KeelRecordEditorClass *editor_class = KEEL_RECORD_EDITOR_CLASS (klass);

  object_class->constructed = keel_objective_editor_constructed;

  editor_class->kind_name = "objective";
  editor_class->draft_changed = keel_objective_editor_draft_changed;
  editor_class->validate = keel_objective_editor_validate;
}

static void
keel_objective_editor_init (KeelObjectiveEditor *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_objective_editor_add_reading (KeelObjectiveEditor *self)
{
  GtkWidget *section;

  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), NULL);

  section = keel_record_editor_get_section (KEEL_RECORD_EDITOR (self), "readings");

  return keel_parts_section_edit (section, NULL);
}

GtkWidget *
keel_objective_editor_get_plot (KeelObjectiveEditor *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), NULL);

  return self->plot;
}

GtkWidget *
keel_objective_editor_get_smart_row (KeelObjectiveEditor *self,
                                     KeelSmartCriterion   criterion)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), NULL);
  g_return_val_if_fail (criterion < KEEL_SMART_N_CRITERIA, NULL);

  return self->smart_rows[criterion];
}

GtkWidget *
keel_objective_editor_get_smart_icon (KeelObjectiveEditor *self,
                                      KeelSmartCriterion   criterion)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVE_EDITOR (self), NULL);
  g_return_val_if_fail (criterion < KEEL_SMART_N_CRITERIA, NULL);

  return self->smart_icons[criterion];
}
