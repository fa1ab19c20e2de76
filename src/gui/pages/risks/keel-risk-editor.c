/* keel-risk-editor.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-risk-editor"

#include "config.h"

#include "keel-field-row.h"
#include "keel-records.h"

#include "keel-risk-editor.h"

struct _KeelRiskEditor
{
  KeelRecordEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelRiskEditor, keel_risk_editor, KEEL_TYPE_RECORD_EDITOR)

static const char *
check_rating (KeelRecord      *record,
              const KeelField *field)
{
  return keel_risk_check_rating (keel_record_get_int (record, field->key));
}

static void
keel_risk_editor_constructed (GObject *object)
{
  KeelRecordEditor *editor = KEEL_RECORD_EDITOR (object);

  G_OBJECT_CLASS (keel_risk_editor_parent_class)->constructed (object);

  keel_field_row_set_check (keel_record_editor_get_row (editor, "likelihood"), check_rating);
  keel_field_row_set_check (keel_record_editor_get_row (editor, "impact"), check_rating);
  keel_record_editor_draft_changed (editor);
}

static void
keel_risk_editor_class_init (KeelRiskEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = keel_risk_editor_constructed;
  KEEL_RECORD_EDITOR_CLASS (klass)->kind_name = "risk";
}

static void
keel_risk_editor_init (KeelRiskEditor *self)
{
}
