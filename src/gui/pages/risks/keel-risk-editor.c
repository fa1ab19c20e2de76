/* keel-risk-editor.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-risk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-field-row.h"
#include "keel-records.h"

#include "keel-risk-editor.h"

struct _KeelRiskEditor
{
  KeelRecordEditor  parent_instance;

  /* Score and level, below the ratings they follow from */
  GtkWidget        *score_row;
  GtkWidget        *score_label;
  const char       *score_style;
};

G_DEFINE_FINAL_TYPE (KeelRiskEditor, keel_risk_editor, KEEL_TYPE_RECORD_EDITOR)

static const char *
check_rating (KeelRecord      *record,
              const KeelField *field)
{
  return keel_risk_check_rating (keel_record_get_int (record, field->key));
}

static void
update_score (KeelRiskEditor *self)
{
  KeelRisk *draft = KEEL_RISK (keel_record_editor_get_draft (KEEL_RECORD_EDITOR (self)));
  g_autofree char *score = keel_risk_format_score (draft);
  const char *style = NULL;

  if (self->score_label == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (self->score_label), score ? score : _("Not rated"));

  switch (keel_risk_get_level (draft))
    {
    case KEEL_RISK_LEVEL_HIGH:
      style = "error";
      break;
    case KEEL_RISK_LEVEL_MEDIUM:
      style = "warning";
      break;
    case KEEL_RISK_LEVEL_NONE:
      style = "dim-label";
      break;
    case KEEL_RISK_LEVEL_LOW:
    default:
      break;
    }

  if (self->score_style != NULL)
    gtk_widget_remove_css_class (self->score_label, self->score_style);
  if (style != NULL)
    gtk_widget_add_css_class (self->score_label, style);
  self->score_style = style;
}

static void
keel_risk_editor_draft_changed (KeelRecordEditor *editor)
{
  KeelRecordEditorClass *parent_class = KEEL_RECORD_EDITOR_CLASS (keel_risk_editor_parent_class);

  update_score (KEEL_RISK_EDITOR (editor));

  if (parent_class->draft_changed != NULL)
    parent_class->draft_changed (editor);
}

static void
keel_risk_editor_constructed (GObject *object)
{
  KeelRiskEditor *self = KEEL_RISK_EDITOR (object);
  KeelRecordEditor *editor = KEEL_RECORD_EDITOR (object);
  GtkWidget *impact;

  G_OBJECT_CLASS (keel_risk_editor_parent_class)->constructed (object);

  keel_field_row_set_check (keel_record_editor_get_row (editor, "likelihood"), check_rating);
  impact = keel_record_editor_get_row (editor, "impact");
  keel_field_row_set_check (impact, check_rating);

  self->score_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->score_row), _("Score"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->score_row), _("Likelihood × impact"));
  self->score_label = gtk_label_new (NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->score_row), self->score_label);
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (impact)), self->score_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (impact)) + 1);

  keel_record_editor_draft_changed (editor);
}

static void
keel_risk_editor_class_init (KeelRiskEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = keel_risk_editor_constructed;
  KEEL_RECORD_EDITOR_CLASS (klass)->kind_name = "risk";
  KEEL_RECORD_EDITOR_CLASS (klass)->draft_changed = keel_risk_editor_draft_changed;
}

static void
keel_risk_editor_init (KeelRiskEditor *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

const char *
keel_risk_editor_get_score_text (KeelRiskEditor *self)
{
  g_return_val_if_fail (KEEL_IS_RISK_EDITOR (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->score_label));
}
