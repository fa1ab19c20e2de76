/* keel-parts-section.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-parts-section"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-adaptive-layout.h"
#include "keel-field-row.h"
#include "keel-record-editor.h"

#include "keel-parts-section.h"

struct _KeelPartsSection
{
  AdwPreferencesGroup      parent_instance;

  KeelWorkspace           *workspace;
  KeelRecord              *draft;
  const KeelField         *field;
  const KeelKind          *part_kind;
  KeelPartsSectionChanged  changed;
  gpointer                 user_data;

  GPtrArray               *rows;
};

G_DEFINE_FINAL_TYPE (KeelPartsSection, keel_parts_section, ADW_TYPE_PREFERENCES_GROUP)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static GListStore *
get_parts (KeelPartsSection *self)
{
  return keel_record_get_children (self->draft, self->field->key);
}

/* The part's fields other than its title: the short ones joined by " · ",
 * longer text on a line of its own */
static char *
describe_part (KeelPartsSection *self,
               KeelRecord       *part)
{
  g_autoptr(GString) shortly = g_string_new (NULL);
  g_autoptr(GString) longer = g_string_new (NULL);

  for (guint i = 0; i < self->part_kind->n_fields; i++)
    {
      const KeelField *field = &self->part_kind->fields[i];
      g_autofree char *text = NULL;
      GString *into;

      if (field->flags & KEEL_FIELD_TITLE)
        continue;
      text = keel_field_dup_display_text (self->workspace, part, field);
      if (text == NULL || text[0] == '\0')
        continue;

      into = (field->flags & KEEL_FIELD_MULTILINE) ? longer : shortly;
      if (into->len > 0)
        g_string_append (into, into == shortly ? " · " : "\n");
      g_string_append (into, text);
    }

  if (shortly->len > 0 && longer->len > 0)
    g_string_append_c (shortly, '\n');
  g_string_append (shortly, longer->str);

  return g_markup_escape_text (shortly->str, -1);
}

static void remove_clicked_cb (GtkButton        *button,
                               KeelPartsSection *self);
static void row_activated_cb  (AdwActionRow     *row,
                               KeelPartsSection *self);

static void
update_rows (KeelPartsSection *self)
{
  GListModel *parts = G_LIST_MODEL (get_parts (self));
  guint n = g_list_model_get_n_items (parts);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KeelRecord) part = g_list_model_get_item (parts, i);
      g_autofree char *title = g_markup_escape_text (keel_record_get_title (part) ?: "", -1);
      g_autofree char *subtitle = describe_part (self, part);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "keel-part-index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
      g_object_set_data (G_OBJECT (remove), "keel-part-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), n == 0 ? _("None yet") : NULL);
}

static void
parts_changed (KeelPartsSection *self)
{
  update_rows (self);
  if (self->changed != NULL)
    self->changed (self, self->user_data);
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
part_saved_cb (KeelRecordEditor *editor,
               KeelRecord       *part,
               KeelPartsSection *self)
{
  parts_changed (self);
}

static void
remove_clicked_cb (GtkButton        *button,
                   KeelPartsSection *self)
{
  keel_parts_section_remove_part (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "keel-part-index")));
}

static void
row_activated_cb (AdwActionRow     *row,
                  KeelPartsSection *self)
{
  keel_parts_section_open_part (self, (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "keel-part-index")));
}

static void
add_clicked_cb (GtkButton        *button,
                KeelPartsSection *self)
{
  keel_parts_section_open_part (self, -1);
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

  g_clear_object (&self->workspace);
  g_clear_object (&self->draft);

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
keel_parts_section_new (KeelWorkspace           *workspace,
                        KeelRecord              *draft,
                        const char              *key,
                        KeelPartsSectionChanged  changed,
                        gpointer                 user_data)
{
  KeelPartsSection *self;
  const KeelField *field;
  GtkWidget *add;
  GtkWidget *content;

  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (KEEL_IS_RECORD (draft), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = keel_record_find_field (draft, key);
  g_return_val_if_fail (field != NULL && field->type == KEEL_FIELD_CHILDREN, NULL);

  self = g_object_new (KEEL_TYPE_PARTS_SECTION, NULL);
  self->workspace = g_object_ref (workspace);
  self->draft = g_object_ref (draft);
  self->field = field;
  self->part_kind = keel_kind_for_type (field->child_type ());
  self->changed = changed;
  self->user_data = user_data;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), keel_field_get_label (field));

  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add"));
  add = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"), -1);
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
keel_parts_section_open_part (KeelPartsSection *self,
                              int               index)
{
  g_autoptr(KeelRecord) part = NULL;
  GtkWidget *editor;
  GtkRoot *root;

  g_return_val_if_fail (KEEL_IS_PARTS_SECTION (self), NULL);

  if (index >= 0)
    {
      part = g_list_model_get_item (G_LIST_MODEL (get_parts (self)), (guint) index);
      g_return_val_if_fail (part != NULL, NULL);
    }

  editor = g_object_new (KEEL_TYPE_RECORD_EDITOR,
                         "workspace", self->workspace,
                         "kind", self->part_kind->name,
                         "record", part,
                         "parts", get_parts (self),
                         NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (part_saved_cb), self, 0);

  /* Over the record's editor, no larger than it */
  gtk_window_set_default_size (GTK_WINDOW (editor), 480, 520);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    _keel_editor_fit_parent (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

void
keel_parts_section_remove_part (KeelPartsSection *self,
                                guint             index)
{
  GListStore *parts;

  g_return_if_fail (KEEL_IS_PARTS_SECTION (self));

  parts = get_parts (self);
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (parts)));

  g_list_store_remove (parts, index);
  parts_changed (self);
}
