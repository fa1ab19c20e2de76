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

#include "keel-adaptive-layout.h"
#include "keel-field-row.h"
#include "keel-gui-util.h"
#include "keel-pages-private.h"
#include "keel-parts-section.h"

struct _KeelPartsSection
{
  AdwPreferencesGroup  parent_instance;

  KeelRecordEditor    *editor;   /* owns the section */
  const KeelField     *field;
  const KeelKind      *part_kind;
  GListStore          *parts;    /* in the editor's draft */
  GPtrArray           *rows;

  KeelPartNewFunc      prepare;
  KeelPartLockFunc     locked;
  KeelPartSuffixFunc   suffix;
  gpointer             data;
};

G_DEFINE_FINAL_TYPE (KeelPartsSection, keel_parts_section, ADW_TYPE_PREFERENCES_GROUP)

static void update_rows (KeelPartsSection *self);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static KeelRecord *
part_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "keel-part");
}

static void
parts_changed (KeelPartsSection *self)
{
  update_rows (self);
  keel_record_editor_draft_changed (self->editor);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
part_saved_cb (KeelRecordEditor *part_editor,
               KeelRecord       *part,
               KeelPartsSection *self)
{
  parts_changed (self);
}

static void
edit_clicked_cb (GtkButton        *button,
                 KeelPartsSection *self)
{
  keel_parts_section_edit (self, part_of (GTK_WIDGET (button)));
}

static void
add_clicked_cb (GtkButton        *button,
                KeelPartsSection *self)
{
  keel_parts_section_edit (self, NULL);
}

static void
remove_clicked_cb (GtkButton        *button,
                   KeelPartsSection *self)
{
  keel_parts_section_remove (self, part_of (GTK_WIDGET (button)));
}

static void
row_activated_cb (AdwActionRow     *row,
                  KeelPartsSection *self)
{
  keel_parts_section_edit (self, part_of (GTK_WIDGET (row)));
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */
/* ------------------------------------------------------------------------ */

static GtkWidget *
icon_button (const char *icon_name,
             const char *name,
             KeelRecord *part)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  _keel_icon_button_style (button, name);
  g_object_set_data_full (G_OBJECT (button), "keel-part", g_object_ref (part), g_object_unref);

  return button;
}

static GtkWidget *
part_row (KeelPartsSection *self,
          KeelRecord       *part)
{
  KeelWorkspace *workspace = keel_record_editor_get_workspace (self->editor);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = keel_parts_section_describe (workspace, part, &subtitle);
  g_autofree char *lock = self->locked ? self->locked (part, self->data) : NULL;
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "keel-part", g_object_ref (part), g_object_unref);

  if (self->suffix != NULL)
    {
      GtkWidget *extra = self->suffix (part, self->data);

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
      GtkWidget *edit = icon_button ("document-edit-symbolic", _("Edit"), part);
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove"), part);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
update_rows (KeelPartsSection *self)
{
  GListModel *parts = G_LIST_MODEL (self->parts);
  guint n = g_list_model_get_n_items (parts);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) part = g_list_model_get_item (parts, i);
      GtkWidget *row = part_row (self, part);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), n == 0 ? _("None yet") : NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_parts_section_dispose (GObject *object)
{
  KeelPartsSection *self = (KeelPartsSection *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (keel_parts_section_parent_class)->dispose (object);
}

static void
keel_parts_section_finalize (GObject *object)
{
  KeelPartsSection *self = (KeelPartsSection *)object;

  g_clear_object (&self->parts);

  G_OBJECT_CLASS (keel_parts_section_parent_class)->finalize (object);
}

static void
keel_parts_section_class_init (KeelPartsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = keel_parts_section_dispose;
  object_class->finalize = keel_parts_section_finalize;
}

static void
keel_parts_section_init (KeelPartsSection *self)
{
  self->rows = g_ptr_array_new ();
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_parts_section_new (KeelRecordEditor *editor,
                        const char       *key)
{
  KeelPartsSection *self;
  KeelRecord *draft;
  const KeelField *field;
  GtkWidget *content;
  GtkWidget *add;

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (editor), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  draft = keel_record_editor_get_draft (editor);
  field = keel_record_find_field (draft, key);
  g_return_val_if_fail (field != NULL && field->type == KEEL_FIELD_CHILDREN, NULL);

  self = g_object_new (KEEL_TYPE_PARTS_SECTION, NULL);
  self->editor = editor;
  self->field = field;
  self->part_kind = keel_kind_for_type (field->child_type ());
  self->parts = g_object_ref (keel_record_get_children (draft, key));

  gtk_widget_set_name (GTK_WIDGET (self), key);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), keel_field_get_label (field));

  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add"));
  add = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  keel_gui_fix_button_names (add);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);

  update_rows (self);

  return GTK_WIDGET (self);
}

const KeelField *
keel_parts_section_get_field (KeelPartsSection *self)
{
  g_return_val_if_fail (KEEL_IS_PARTS_SECTION (self), NULL);

  return self->field;
}

void
keel_parts_section_set_funcs (KeelPartsSection   *self,
                              KeelPartNewFunc     prepare,
                              KeelPartLockFunc    locked,
                              KeelPartSuffixFunc  suffix,
                              gpointer            data)
{
  g_return_if_fail (KEEL_IS_PARTS_SECTION (self));

  self->prepare = prepare;
  self->locked = locked;
  self->suffix = suffix;
  self->data = data;
  update_rows (self);
}

void
keel_parts_section_refresh (KeelPartsSection *self)
{
  g_return_if_fail (KEEL_IS_PARTS_SECTION (self));

  update_rows (self);
}

guint
keel_parts_section_get_n_rows (KeelPartsSection *self)
{
  g_return_val_if_fail (KEEL_IS_PARTS_SECTION (self), 0);

  return self->rows->len;
}

GtkWidget *
keel_parts_section_get_row (KeelPartsSection *self,
                            guint             index)
{
  g_return_val_if_fail (KEEL_IS_PARTS_SECTION (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

GtkWidget *
keel_parts_section_edit (KeelPartsSection *self,
                         KeelRecord       *part)
{
  GtkWidget *part_editor;

  g_return_val_if_fail (KEEL_IS_PARTS_SECTION (self), NULL);
  g_return_val_if_fail (part == NULL || KEEL_IS_RECORD (part), NULL);

  if (part != NULL && self->locked != NULL)
    {
      g_autofree char *lock = self->locked (part, self->data);

      if (lock != NULL)
        return NULL;
    }

  part_editor = g_object_new (KEEL_TYPE_RECORD_EDITOR,
                              "workspace", keel_record_editor_get_workspace (self->editor),
                              "kind", self->part_kind->name,
                              "record", part,
                              "parts", self->parts,
                              NULL);
  g_signal_connect_object (part_editor, "saved", G_CALLBACK (part_saved_cb), self, 0);
  if (part == NULL && self->prepare != NULL)
    self->prepare (KEEL_RECORD_EDITOR (part_editor), self->data);

  /* Over the record's editor, no larger than it */
  gtk_window_set_default_size (GTK_WINDOW (part_editor), 480, 520);
  _keel_editor_fit_parent (GTK_WINDOW (part_editor), GTK_WINDOW (self->editor));
  gtk_window_present (GTK_WINDOW (part_editor));

  return part_editor;
}

void
keel_parts_section_remove (KeelPartsSection *self,
                           KeelRecord       *part)
{
  guint position;

  g_return_if_fail (KEEL_IS_PARTS_SECTION (self));
  g_return_if_fail (KEEL_IS_RECORD (part));

  /* Only the draft changes: Cancel in the editor brings it back */
  if (!g_list_store_find (self->parts, part, &position))
    g_return_if_reached ();

  g_list_store_remove (self->parts, position);
  parts_changed (self);
}

char *
keel_parts_section_describe (KeelWorkspace  *workspace,
                             KeelRecord     *part,
                             char          **subtitle)
{
  const KeelKind *kind;
  const KeelField *title_field;
  g_autoptr(GString) shortly = g_string_new (NULL);
  g_autoptr(GString) longer = g_string_new (NULL);
  char *title = NULL;

  g_return_val_if_fail (KEEL_IS_RECORD (part), NULL);

  kind = keel_record_get_kind_desc (part);
  title_field = keel_kind_get_title_field (kind);
  if (title_field != NULL && keel_record_is_set (part, title_field->key))
    title = keel_field_format_display (workspace, part, title_field);

  /* The other fields that read on one line, then longer text by its first
   * line below them; without a title, the first field is it */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const KeelField *field = &kind->fields[i];
      g_autofree char *text = NULL;
      GString *into;

      if (field == title_field ||
          field->type == KEEL_FIELD_CHILD || field->type == KEEL_FIELD_CHILDREN)
        continue;

      text = keel_field_format_display (workspace, part, field);
      if (text == NULL || text[0] == '\0')
        continue;
      if ((field->flags & KEEL_FIELD_MULTILINE) && strchr (text, '\n') != NULL)
        *strchr (text, '\n') = '\0';

      if (title == NULL)
        {
          title = g_steal_pointer (&text);
          continue;
        }

      into = (field->flags & KEEL_FIELD_MULTILINE) ? longer : shortly;
      if (into->len > 0)
        g_string_append (into, into == shortly ? " · " : "\n");
      g_string_append (into, text);
    }

  if (shortly->len > 0 && longer->len > 0)
    g_string_append_c (shortly, '\n');
  g_string_append (shortly, longer->str);

  if (subtitle != NULL)
    *subtitle = g_strdup (shortly->str);

  return title != NULL ? title : g_strdup ("");
}
