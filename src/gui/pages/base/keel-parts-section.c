/* keel-parts-section.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-parts-section"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "keel-field-row.h"
#include "keel-parts-section.h"

typedef struct
{
  KeelRecordEditor *editor;   /* owns the section */
  const KeelField  *field;
  const KeelKind   *part_kind;
  GListStore       *parts;
  GPtrArray        *rows;
  KeelPartNewFunc   prepare;
  KeelPartLockFunc  locked;
  KeelPartSuffixFunc suffix;
  gpointer          data;
} PartsSection;

static PartsSection *
get_section (GtkWidget *group)
{
  return g_object_get_data (G_OBJECT (group), "keel-parts-section");
}

static void
parts_section_free (gpointer data)
{
  PartsSection *ps = data;

  g_clear_object (&ps->parts);
  g_clear_pointer (&ps->rows, g_ptr_array_unref);
  g_free (ps);
}

static void rebuild (GtkWidget *group);

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
part_saved_cb (GtkWidget  *part_editor,
               KeelRecord *part,
               GtkWidget  *group)
{
  PartsSection *ps = get_section (group);

  rebuild (group);
  keel_record_editor_draft_changed (ps->editor);
}

static void
edit_clicked_cb (GtkWidget *button,
                 GtkWidget *group)
{
  keel_parts_section_edit (group, g_object_get_data (G_OBJECT (button), "keel-part"));
}

static void
add_clicked_cb (GtkWidget *button,
                GtkWidget *group)
{
  keel_parts_section_edit (group, NULL);
}

static void
remove_clicked_cb (GtkWidget *button,
                   GtkWidget *group)
{
  PartsSection *ps = get_section (group);
  KeelRecord *part = g_object_get_data (G_OBJECT (button), "keel-part");
  guint position;

  /* Only the draft changes: Cancel in the editor brings it back */
  if (g_list_store_find (ps->parts, part, &position))
    g_list_store_remove (ps->parts, position);

  rebuild (group);
  keel_record_editor_draft_changed (ps->editor);
}

static void
row_activated_cb (AdwActionRow *row,
                  GtkWidget    *group)
{
  keel_parts_section_edit (group, g_object_get_data (G_OBJECT (row), "keel-part"));
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static GtkWidget *
icon_button (const char *icon_name,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return button;
}

static void
rebuild (GtkWidget *group)
{
  PartsSection *ps = get_section (group);
  KeelWorkspace *workspace = keel_record_editor_get_workspace (ps->editor);
  const char *label = keel_kind_get_label (ps->part_kind);

  for (guint i = 0; i < ps->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (ps->rows, i));
  g_ptr_array_set_size (ps->rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ps->parts)); i++)
    {
      g_autoptr(KeelRecord) part = g_list_model_get_item (G_LIST_MODEL (ps->parts), i);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = keel_parts_section_describe (workspace, part, &subtitle);
      /* Translators: buttons of a part's row, "Edit Reading" */
      g_autofree char *edit_name = g_strdup_printf (C_("part", "Edit %s"), label);
      g_autofree char *remove_name = g_strdup_printf (C_("part", "Remove %s"), label);
      g_autofree char *lock = ps->locked ? ps->locked (part, ps->data) : NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      if (ps->suffix != NULL)
        {
          GtkWidget *extra = ps->suffix (part, ps->data);

          if (extra != NULL)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), extra);
        }

      if (lock != NULL)
        {
          /* Locked: it says why, and it cannot be changed or removed */
          GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

          gtk_widget_set_tooltip_text (icon, lock);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, lock,
                                          -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      else
        {
          GtkWidget *edit = icon_button ("document-edit-symbolic", edit_name);
          GtkWidget *remove = icon_button ("user-trash-symbolic", remove_name);

          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "keel-part", g_object_ref (part), g_object_unref);
          g_object_set_data_full (G_OBJECT (edit), "keel-part", g_object_ref (part), g_object_unref);
          g_object_set_data_full (G_OBJECT (remove), "keel-part", g_object_ref (part), g_object_unref);
          g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), group);
          g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), group);
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), group);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (ps->rows, row);
    }

  if (ps->rows->len == 0)
    {
      /* Translators: an empty list of parts, "No readings yet" */
      g_autofree char *plural = g_utf8_strdown (keel_kind_get_plural_label (ps->part_kind), -1);
      g_autofree char *none = g_strdup_printf (_("No %s yet"), plural);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), none);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (ps->rows, row);
    }
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_parts_section_new (KeelRecordEditor *editor,
                        const char       *key)
{
  KeelRecord *draft;
  const KeelField *field;
  PartsSection *ps;
  GtkWidget *group;
  GtkWidget *add;
  g_autofree char *add_name = NULL;

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (editor), NULL);

  draft = keel_record_editor_get_draft (editor);
  field = keel_record_find_field (draft, key);
  g_return_val_if_fail (field != NULL && field->type == KEEL_FIELD_CHILDREN, NULL);

  ps = g_new0 (PartsSection, 1);
  ps->editor = editor;
  ps->field = field;
  ps->part_kind = keel_kind_for_type (field->child_type ());
  ps->parts = g_object_ref (keel_record_get_children (draft, key));
  ps->rows = g_ptr_array_new ();

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, key);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), keel_field_get_label (field));
  g_object_set_data_full (G_OBJECT (group), "keel-parts-section", ps, parts_section_free);

  /* Translators: the button that adds a part, "Add Reading" */
  add_name = g_strdup_printf (C_("part", "Add %s"), keel_kind_get_label (ps->part_kind));
  add = gtk_button_new_with_label (add_name);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_name,
                                  -1);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), group);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  rebuild (group);

  return group;
}

GtkWidget *
keel_parts_section_edit (GtkWidget  *section,
                         KeelRecord *part)
{
  PartsSection *ps = get_section (section);
  GtkWidget *part_editor;

  g_return_val_if_fail (ps != NULL, NULL);

  if (part != NULL && ps->locked != NULL)
    {
      g_autofree char *lock = ps->locked (part, ps->data);

      if (lock != NULL)
        return NULL;
    }

  part_editor = g_object_new (KEEL_TYPE_RECORD_EDITOR,
                              "workspace", keel_record_editor_get_workspace (ps->editor),
                              "kind", ps->part_kind->name,
                              "record", part,
                              "parts", ps->parts,
                              "transient-for", ps->editor,
                              NULL);
  gtk_window_set_default_size (GTK_WINDOW (part_editor), 480, 480);
  g_signal_connect_object (part_editor, "saved", G_CALLBACK (part_saved_cb), section, 0);
  if (part == NULL && ps->prepare != NULL)
    ps->prepare (KEEL_RECORD_EDITOR (part_editor), ps->data);
  gtk_window_present (GTK_WINDOW (part_editor));

  return part_editor;
}

void
keel_parts_section_set_funcs (GtkWidget          *section,
                              KeelPartNewFunc     prepare,
                              KeelPartLockFunc    locked,
                              KeelPartSuffixFunc  suffix,
                              gpointer            data)
{
  PartsSection *ps = get_section (section);

  g_return_if_fail (ps != NULL);

  ps->prepare = prepare;
  ps->locked = locked;
  ps->suffix = suffix;
  ps->data = data;
  rebuild (section);
}

void
keel_parts_section_refresh (GtkWidget *section)
{
  g_return_if_fail (get_section (section) != NULL);

  rebuild (section);
}

char *
keel_parts_section_describe (KeelWorkspace  *workspace,
                             KeelRecord     *part,
                             char          **subtitle)
{
  const KeelKind *kind = keel_record_get_kind_desc (part);
  const KeelField *title_field = keel_kind_get_title_field (kind);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  char *title = NULL;

  /* The title field, then the others that read on one line */
  if (title_field != NULL && keel_record_is_set (part, title_field->key))
    title = keel_field_format_display (workspace, part, title_field);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const KeelField *field = &kind->fields[i];
      char *text;

      if (field == title_field ||
          field->type == KEEL_FIELD_CHILD || field->type == KEEL_FIELD_CHILDREN)
        continue;

      text = keel_field_format_display (workspace, part, field);
      if (text == NULL)
        continue;
      /* A longer text by its first line */
      if ((field->flags & KEEL_FIELD_MULTILINE) && strchr (text, '\n') != NULL)
        *strchr (text, '\n') = '\0';

      if (title == NULL)
        title = text;
      else
        g_ptr_array_add (texts, text);
    }
  g_ptr_array_add (texts, NULL);

  if (subtitle != NULL)
    *subtitle = g_strjoinv (" · ", (char **) texts->pdata);

  return title ? title : g_strdup ("");
}
