/* keel-field-row.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-field-row"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "keel-date.h"
#include "keel-form-util.h"
#include "keel-forms.h"
#include "keel-gui-util.h"
#include "keel-records.h"

#include "keel-field-row.h"
#include "keel-pages-private.h"

typedef struct
{
  KeelRecord          *record;
  const KeelField     *field;
  KeelFieldRowChanged  changed;
  gpointer             user_data;
  KeelFieldRowCheck    check;
  char                *error;
  /* A choice row: the value at each position (NULL: none) */
  GPtrArray           *values;
  GtkWidget           *focus;
  GtkWidget           *calendar_button;
  gboolean             loading;
} FieldRow;

static void
field_row_free (gpointer data)
{
  FieldRow *fr = data;

  g_clear_object (&fr->record);
  g_clear_pointer (&fr->values, g_ptr_array_unref);
  g_free (fr->error);
  g_free (fr);
}

static FieldRow *
get_field_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "keel-field-row");
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
set_error (FieldRow   *fr,
           const char *error)
{
  g_free (fr->error);
  fr->error = g_strdup (error);
}

static void
required_error (FieldRow *fr,
                gboolean  empty)
{
  g_autofree char *message = NULL;

  if (empty && (fr->field->flags & KEEL_FIELD_REQUIRED))
    /* Translators: %s is a field's label, "Title is required" */
    message = g_strdup_printf (_("%s is required"), keel_field_get_label (fr->field));

  set_error (fr, message);
}

static void
emit_changed (GtkWidget *row,
              FieldRow  *fr)
{
  if (fr->error == NULL && fr->check != NULL)
    set_error (fr, fr->check (fr->record, fr->field));
  if (fr->changed != NULL && !fr->loading)
    fr->changed (row, fr->user_data);
}

static gboolean
text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* Reads the typed text into the record; TRUE when it could */
static void
read_entry_text (FieldRow   *fr,
                 const char *text)
{
  const KeelField *field = fr->field;
  KeelRecord *record = fr->record;
  gboolean blank = text_is_blank (text);
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  set_error (fr, NULL);

  switch (field->type)
    {
    case KEEL_FIELD_STRING:
      if (!blank && (field->flags & KEEL_FIELD_EMAIL) && !keel_email_is_valid (text))
        {
          set_error (fr, _("Enter an email address like ana@example.org"));
          break;
        }
      keel_record_set_string (record, field->key, blank ? NULL : text);
      required_error (fr, blank);
      break;

    case KEEL_FIELD_INT:
      {
        gint64 value = 0;

        if (!blank && !g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &value, NULL))
          set_error (fr, _("Enter a whole number"));
        else
          {
            keel_record_set_int (record, field->key, value);
            required_error (fr, blank);
          }
      }
      break;

    case KEEL_FIELD_DOUBLE:
      {
        double value = NAN;

        if (!blank)
          {
            if (!keel_form_parse_number (stripped, &value))
              {
                set_error (fr, _("Enter a number like 12.5"));
                break;
              }
          }
        keel_record_set_double (record, field->key, value);
        required_error (fr, blank);
      }
      break;

    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) date = NULL;

        if (!blank)
          {
            date = field->type == KEEL_FIELD_DATE ? keel_date_parse (stripped)
                                                  : keel_date_time_parse (stripped);
            if (date == NULL)
              {
                set_error (fr, field->type == KEEL_FIELD_DATE
                               ? _("Enter a date like 2026-03-31")
                               : _("Enter a date and time like 2026-03-31T10:00:00+02:00"));
                break;
              }
          }
        keel_record_set_date (record, field->key, date);
        required_error (fr, blank);
      }
      break;

    case KEEL_FIELD_STRV:
      {
        g_auto(GStrv) parts = g_strsplit (stripped, ",", -1);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) strv = NULL;

        for (guint i = 0; parts[i] != NULL; i++)
          {
            g_strstrip (parts[i]);
            if (parts[i][0] != '\0')
              g_strv_builder_add (builder, parts[i]);
          }
        strv = g_strv_builder_end (builder);
        keel_record_set_strv (record, field->key, (const char * const *) strv);
        required_error (fr, strv[0] == NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* Entry rows: text, numbers, dates                                         */
/* ------------------------------------------------------------------------ */

static void
entry_changed_cb (AdwEntryRow *row,
                  FieldRow    *fr)
{
  if (fr->loading)
    return;
  read_entry_text (fr, gtk_editable_get_text (GTK_EDITABLE (row)));
  emit_changed (GTK_WIDGET (row), fr);
}

static GtkWidget *
entry_row_new (FieldRow *fr)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = keel_record_format_field (fr->record, fr->field->key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), keel_field_get_label (fr->field));
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  keel_gui_label_entry_row (ADW_ENTRY_ROW (row));

  if (fr->field->type == KEEL_FIELD_DATE)
    fr->calendar_button = _keel_entry_row_add_calendar (ADW_ENTRY_ROW (row));
  if (fr->field->type == KEEL_FIELD_INT || fr->field->type == KEEL_FIELD_DOUBLE)
    gtk_editable_set_alignment (GTK_EDITABLE (row), 0);

  required_error (fr, text == NULL || text[0] == '\0');
  fr->focus = row;
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), fr);

  return row;
}

/* ------------------------------------------------------------------------ */
/* Multi-line text                                                          */
/* ------------------------------------------------------------------------ */

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   GtkWidget     *row)
{
  FieldRow *fr = get_field_row (row);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (fr->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  read_entry_text (fr, text);
  emit_changed (row, fr);
}

static GtkWidget *
text_row_new (FieldRow *fr)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (keel_field_get_label (fr->field));
  GtkWidget *view = gtk_text_view_new ();
  const char *text = keel_record_get_string (fr->record, fr->field->key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), keel_field_get_label (fr->field));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "keel-text-field");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, keel_field_get_label (fr->field),
                                  -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  required_error (fr, text_is_blank (text));
  fr->focus = view;
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (buffer_changed_cb), row, 0);

  return row;
}

/* ------------------------------------------------------------------------ */
/* Choices: of the kind table, of people, of records                        */
/* ------------------------------------------------------------------------ */

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   FieldRow    *fr)
{
  guint position = adw_combo_row_get_selected (row);
  const char *value = position < fr->values->len ? g_ptr_array_index (fr->values, position) : NULL;

  if (fr->loading)
    return;
  keel_record_set_string (fr->record, fr->field->key, value);
  required_error (fr, value == NULL);
  emit_changed (GTK_WIDGET (row), fr);
}

static void
add_choice (GtkStringList *labels,
            FieldRow      *fr,
            const char    *value,
            const char    *label)
{
  gtk_string_list_append (labels, label);
  g_ptr_array_add (fr->values, g_strdup (value));
}

static void
add_records (GtkStringList *labels,
             FieldRow      *fr,
             KeelWorkspace *workspace,
             const KeelKind *kind,
             gboolean       with_id)
{
  GListModel *records = keel_workspace_get_records (workspace, keel_kind_get_gtype (kind));
  gboolean top_only = (fr->field->flags & KEEL_FIELD_TOP_MANAGEMENT) != 0;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(KeelRecord) record = g_list_model_get_item (records, i);
      g_autofree char *label = NULL;

      if (top_only && !keel_record_get_boolean (record, "top_management"))
        continue;
      if (record == fr->record)
        continue;

      if (with_id)
        label = g_strdup_printf ("%s · %s", keel_record_get_id (record), keel_record_get_title (record));
      add_choice (labels, fr, keel_record_get_id (record), with_id ? label : keel_record_get_title (record));
    }
}

static guint
find_value (FieldRow   *fr,
            const char *value)
{
  for (guint i = 0; i < fr->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (fr->values, i), value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
combo_row_new (FieldRow      *fr,
               KeelWorkspace *workspace)
{
  const KeelField *field = fr->field;
  gboolean required = (field->flags & KEEL_FIELD_REQUIRED) != 0;
  const char *value = keel_record_get_string (fr->record, field->key);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint position;

  fr->values = g_ptr_array_new_with_free_func (g_free);

  /* An optional field can be left empty; a required one without a value
   * shows that it needs one */
  if (!required && field->default_value == NULL)
    add_choice (labels, fr, NULL, C_("no choice", "None"));
  else if (value == NULL)
    add_choice (labels, fr, NULL, C_("no choice", "Not set"));

  if (field->type == KEEL_FIELD_ENUM)
    {
      for (guint i = 0; field->choices != NULL && field->choices[i].value != NULL; i++)
        add_choice (labels, fr, field->choices[i].value,
                    keel_field_choice_label (field, field->choices[i].value));
    }
  else if (workspace != NULL && field->ref_kind != NULL)
    {
      const KeelKind *kind = keel_kind_lookup (field->ref_kind);

      if (kind != NULL)
        add_records (labels, fr, workspace, kind, FALSE);
    }
  else if (workspace != NULL)
    {
      guint n_kinds;
      const KeelKind * const *kinds = keel_kinds_get_all (&n_kinds);

      /* A reference to any record: what an action comes from */
      for (guint i = 0; i < n_kinds; i++)
        if (!g_str_equal (kinds[i]->name, "person"))
          add_records (labels, fr, workspace, kinds[i], TRUE);
    }

  /* A value the lists do not know (a dangling reference) is kept */
  position = find_value (fr, value);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      add_choice (labels, fr, value, value);
      position = fr->values->len - 1;
    }

  /* A required person with one to choose from is that person */
  if (value == NULL && required && field->type == KEEL_FIELD_REF && fr->values->len == 2)
    {
      position = 1;
      keel_record_set_string (fr->record, field->key, g_ptr_array_index (fr->values, 1));
    }

  if (field->type == KEEL_FIELD_REF && field->ref_kind != NULL &&
      g_str_equal (field->ref_kind, "person") && fr->values->len <= 1)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add people on the People page first"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), keel_field_get_label (field));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  required_error (fr, g_ptr_array_index (fr->values, position) == NULL);
  fr->focus = row;
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), fr);

  return row;
}

/* ------------------------------------------------------------------------ */
/* Yes or no                                                                */
/* ------------------------------------------------------------------------ */

static void
switch_active_cb (GtkSwitch  *toggle,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  FieldRow *fr = get_field_row (row);

  if (fr->loading)
    return;
  keel_record_set_boolean (fr->record, fr->field->key, gtk_switch_get_active (toggle));
  emit_changed (row, fr);
}

static GtkWidget *
switch_row_new (FieldRow *fr)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), keel_field_get_label (fr->field));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), keel_record_get_boolean (fr->record, fr->field->key));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, keel_field_get_label (fr->field),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  fr->focus = toggle;
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (switch_active_cb), row, 0);

  return row;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_field_row_new (KeelWorkspace       *workspace,
                    KeelRecord          *record,
                    const char          *key,
                    KeelFieldRowChanged  changed,
                    gpointer             user_data)
{
  const KeelField *field;
  FieldRow *fr;
  GtkWidget *row;

  g_return_val_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (KEEL_IS_RECORD (record), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = keel_record_find_field (record, key);
  g_return_val_if_fail (field != NULL, NULL);

  fr = g_new0 (FieldRow, 1);
  fr->record = g_object_ref (record);
  fr->field = field;

  switch (field->type)
    {
    case KEEL_FIELD_STRING:
      row = (field->flags & KEEL_FIELD_MULTILINE) ? text_row_new (fr) : entry_row_new (fr);
      break;

    case KEEL_FIELD_INT:
    case KEEL_FIELD_DOUBLE:
    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
    case KEEL_FIELD_STRV:
      row = entry_row_new (fr);
      break;

    case KEEL_FIELD_ENUM:
    case KEEL_FIELD_REF:
      row = combo_row_new (fr, workspace);
      break;

    case KEEL_FIELD_BOOLEAN:
      row = switch_row_new (fr);
      break;

    case KEEL_FIELD_REF_LIST:
    case KEEL_FIELD_CHILD:
    case KEEL_FIELD_CHILDREN:
    default:
      field_row_free (fr);
      return NULL;
    }

  /* Set last: building the row does not count as a change */
  fr->changed = changed;
  fr->user_data = user_data;
  gtk_widget_set_name (row, field->key);
  g_object_set_data_full (G_OBJECT (row), "keel-field-row", fr, field_row_free);

  return row;
}

char *
keel_field_format_display (KeelWorkspace   *workspace,
                           KeelRecord      *record,
                           const KeelField *field)
{
  const char *value;
  KeelRecord *target;

  g_return_val_if_fail (KEEL_IS_RECORD (record), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  switch (field->type)
    {
    case KEEL_FIELD_ENUM:
      return g_strdup (keel_field_choice_label (field, keel_record_get_string (record, field->key)));

    case KEEL_FIELD_REF:
      value = keel_record_get_string (record, field->key);
      if (value == NULL)
        return NULL;
      if (workspace != NULL && (target = keel_workspace_lookup (workspace, value)) != NULL)
        return g_strdup (keel_record_get_title (target));
      return g_strdup (value);

    case KEEL_FIELD_BOOLEAN:
      return keel_record_get_boolean (record, field->key) ? g_strdup (_("Yes")) : NULL;

    default:
      return keel_record_format_field (record, field->key);
    }
}

const KeelField *
keel_field_row_get_field (GtkWidget *row)
{
  FieldRow *fr = get_field_row (row);

  g_return_val_if_fail (fr != NULL, NULL);

  return fr->field;
}

const char *
keel_field_row_get_error (GtkWidget *row)
{
  FieldRow *fr = get_field_row (row);

  g_return_val_if_fail (fr != NULL, NULL);

  return fr->error;
}

const char *
keel_field_row_show_error (GtkWidget *row,
                           gboolean   show)
{
  FieldRow *fr = get_field_row (row);

  g_return_val_if_fail (fr != NULL, NULL);

  if (show && fr->error != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, show ? fr->error : NULL);

  return fr->error;
}

void
keel_field_row_set_check (GtkWidget         *row,
                          KeelFieldRowCheck  check)
{
  FieldRow *fr = get_field_row (row);

  g_return_if_fail (fr != NULL);

  fr->check = check;
  if (fr->error == NULL && check != NULL)
    set_error (fr, check (fr->record, fr->field));
}

void
keel_field_row_reload (GtkWidget *row)
{
  FieldRow *fr = get_field_row (row);

  g_return_if_fail (fr != NULL);

  fr->loading = TRUE;

  if (ADW_IS_COMBO_ROW (row))
    {
      guint position = find_value (fr, keel_record_get_string (fr->record, fr->field->key));

      if (position != GTK_INVALID_LIST_POSITION)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
      required_error (fr, position == GTK_INVALID_LIST_POSITION ||
                          g_ptr_array_index (fr->values, position) == NULL);
    }
  else if (ADW_IS_ENTRY_ROW (row))
    {
      g_autofree char *text = keel_record_format_field (fr->record, fr->field->key);

      gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
      required_error (fr, text == NULL);
    }
  else if (GTK_IS_SWITCH (fr->focus))
    gtk_switch_set_active (GTK_SWITCH (fr->focus), keel_record_get_boolean (fr->record, fr->field->key));
  else if (GTK_IS_TEXT_VIEW (fr->focus))
    {
      const char *text = keel_record_get_string (fr->record, fr->field->key);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fr->focus)), text ? text : "", -1);
      required_error (fr, text_is_blank (text));
    }

  fr->loading = FALSE;
}

void
keel_field_row_focus (GtkWidget *row)
{
  FieldRow *fr = get_field_row (row);

  g_return_if_fail (fr != NULL);

  gtk_widget_grab_focus (fr->focus);
}

GtkWidget *
keel_field_row_get_calendar_button (GtkWidget *row)
{
  FieldRow *fr = get_field_row (row);

  g_return_val_if_fail (fr != NULL, NULL);

  return fr->calendar_button;
}
