/* keel-record-editor.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "keel-adaptive-layout.h"
#include "keel-field-row.h"
#include "keel-gui-util.h"
#include "keel-page.h"
#include "keel-parts-section.h"
#include "keel-record-editor.h"

typedef struct
{
  KeelWorkspace       *workspace;
  KeelRecord          *record;     /* NULL: a new one */
  GListStore          *parts;      /* editing a part: the list it is in */
  char                *kind_name;
  const KeelKind      *kind;
  KeelRecord          *draft;
  KeelRecord          *baseline;   /* what the draft started as */

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *fields_box;   /* the groups of rows */
  GtkWidget           *sections_box; /* the sections, beside them when wide */
  GtkWidget           *separator;
  GPtrArray           *rows;       /* the field rows, in table order */
  GPtrArray           *sections;   /* the parts sections */
  GHashTable          *touched;    /* rows edited since they were shown */
  char                *focus_key;
  KeelRecordCheckFunc  check_func;
  gpointer             check_data;
  gboolean             can_save;
  gboolean             closing;
} KeelRecordEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KeelRecordEditor, keel_record_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_KIND,
  PROP_RECORD,
  PROP_PARTS,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
update_state (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  KeelRecordEditorClass *klass = KEEL_RECORD_EDITOR_GET_CLASS (self);
  g_autofree char *extra = NULL;
  const char *first_error = NULL;
  gboolean changed;

  for (guint i = 0; i < priv->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (priv->rows, i);
      /* A saved record's gaps show at once, a new one's once touched; a
       * value that cannot be read always */
      gboolean show = priv->record != NULL || g_hash_table_contains (priv->touched, row);
      const char *error = keel_field_row_show_error (row, show);

      if (error != NULL && first_error == NULL)
        first_error = error;
    }

  if (first_error == NULL && klass->validate != NULL)
    extra = klass->validate (self);
  if (first_error == NULL && extra == NULL && priv->check_func != NULL)
    extra = priv->check_func (self, priv->draft, priv->check_data);
  if (first_error == NULL)
    first_error = extra;

  changed = keel_record_editor_has_changes (self);
  priv->can_save = changed && first_error == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", priv->can_save);
  if (first_error != NULL)
    gtk_widget_set_tooltip_text (priv->save_button, first_error);
  else if (!changed)
    gtk_widget_set_tooltip_text (priv->save_button, _("Nothing changed yet"));
  else
    gtk_widget_set_tooltip_text (priv->save_button, _("Save (Ctrl+S)"));
}

static GtkWidget *
pane_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  return box;
}

/* A pane no wider than reads well, its visibility its child's */
static GtkWidget *
clamped (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  g_object_bind_property (child, "visible", clamp, "visible", G_BINDING_SYNC_CREATE);

  return clamp;
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void row_changed_cb (GtkWidget        *row,
                            KeelRecordEditor *self);

static void
add_field_rows (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; i < priv->kind->n_fields; i++)
    {
      const KeelField *field = &priv->kind->fields[i];
      GtkWidget *row;

      if (field->type == KEEL_FIELD_CHILDREN)
        {
          GtkWidget *section = keel_parts_section_new (self, field->key);

          g_ptr_array_add (priv->sections, section);
          keel_record_editor_add_section (self, section);
          continue;
        }

      row = keel_field_row_new (priv->workspace, priv->draft, field->key,
                                (KeelFieldRowChanged) row_changed_cb, self);
      if (row == NULL)
        continue;

      /* A multi-line field reads as a block: a group of its own */
      if (group == NULL || (field->flags & KEEL_FIELD_MULTILINE))
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          gtk_box_append (GTK_BOX (priv->fields_box), GTK_WIDGET (group));
        }

      adw_preferences_group_add (group, row);
      g_ptr_array_add (priv->rows, row);

      if (field->flags & KEEL_FIELD_MULTILINE)
        group = NULL;
    }
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
row_changed_cb (GtkWidget        *row,
                KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_hash_table_add (priv->touched, row);
  keel_record_editor_draft_changed (self);
}

static void
discard_response_cb (KeelRecordEditor *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    keel_record_editor_close (self);
}

static gboolean
close_request_cb (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  if (priv->closing)
    return FALSE;

  keel_record_editor_cancel (self);

  return TRUE;
}

static void
map_cb (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  g_autofree char *key = g_steal_pointer (&priv->focus_key);

  keel_record_editor_focus_field (self, key);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */
/* ------------------------------------------------------------------------ */

static void
editor_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  keel_record_editor_save (KEEL_RECORD_EDITOR (widget));
}

static void
editor_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  keel_record_editor_cancel (KEEL_RECORD_EDITOR (widget));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_record_editor_constructed (GObject *object)
{
  KeelRecordEditor *self = (KeelRecordEditor *)object;
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  const char *name;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (keel_record_editor_parent_class)->constructed (object);

  name = priv->kind_name ? priv->kind_name : KEEL_RECORD_EDITOR_GET_CLASS (self)->kind_name;
  if (priv->record != NULL)
    priv->kind = keel_record_get_kind_desc (priv->record);
  else if (name != NULL)
    priv->kind = keel_kind_lookup (name);
  g_return_if_fail (priv->kind != NULL);

  if (priv->record != NULL)
    {
      priv->draft = keel_record_copy (priv->record);
      /* Translators: an editor's title, "Edit Resource" */
      title = g_strdup_printf (C_("editor title", "Edit %s"), keel_kind_get_label (priv->kind));
      if (priv->parts == NULL)
        adw_window_title_set_subtitle (priv->window_title, keel_record_get_id (priv->record));
    }
  else
    {
      priv->draft = keel_record_new_for_kind (priv->kind);
      /* Translators: an editor's title, "New Resource" */
      title = g_strdup_printf (C_("editor title", "New %s"), keel_kind_get_label (priv->kind));
    }
  adw_window_title_set_title (priv->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  add_field_rows (self);

  /* What the rows chose by themselves (the only person there is as owner)
   * is where a new record starts */
  priv->baseline = priv->record != NULL ? g_object_ref (priv->record) : keel_record_copy (priv->draft);

  update_state (self);
}

static void
keel_record_editor_dispose (GObject *object)
{
  KeelRecordEditor *self = (KeelRecordEditor *)object;
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_clear_pointer (&priv->rows, g_ptr_array_unref);
  g_clear_pointer (&priv->sections, g_ptr_array_unref);
  g_clear_pointer (&priv->touched, g_hash_table_unref);

  G_OBJECT_CLASS (keel_record_editor_parent_class)->dispose (object);
}

static void
keel_record_editor_finalize (GObject *object)
{
  KeelRecordEditor *self = (KeelRecordEditor *)object;
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_clear_object (&priv->workspace);
  g_clear_object (&priv->record);
  g_clear_object (&priv->parts);
  g_clear_object (&priv->draft);
  g_clear_object (&priv->baseline);
  g_free (priv->kind_name);
  g_free (priv->focus_key);

  G_OBJECT_CLASS (keel_record_editor_parent_class)->finalize (object);
}

static void
keel_record_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KeelRecordEditor *self = KEEL_RECORD_EDITOR (object);
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, priv->workspace);
      break;

    case PROP_KIND:
      g_value_set_string (value, priv->kind ? priv->kind->name : NULL);
      break;

    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;

    case PROP_PARTS:
      g_value_set_object (value, priv->parts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_record_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KeelRecordEditor *self = KEEL_RECORD_EDITOR (object);
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      priv->workspace = g_value_dup_object (value);
      break;

    case PROP_KIND:
      priv->kind_name = g_value_dup_string (value);
      break;

    case PROP_RECORD:
      priv->record = g_value_dup_object (value);
      break;

    case PROP_PARTS:
      priv->parts = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_record_editor_class_init (KeelRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = keel_record_editor_constructed;
  object_class->dispose = keel_record_editor_dispose;
  object_class->finalize = keel_record_editor_finalize;
  object_class->get_property = keel_record_editor_get_property;
  object_class->set_property = keel_record_editor_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         KEEL_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         KEEL_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Editing a part of a record (a reading): the list of its parts, in
   * the record's draft; Save adds the new part to it */
  properties[PROP_PARTS] =
    g_param_spec_object ("parts", NULL, NULL,
                         G_TYPE_LIST_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::saved (KeelRecord *record): the record as it is now in the workspace */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KEEL_TYPE_RECORD);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, editor_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
keel_record_editor_init (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled;
  GtkWidget *panes;

  priv->rows = g_ptr_array_new ();
  priv->sections = g_ptr_array_new ();
  priv->touched = g_hash_table_new (NULL, NULL);

  priv->window_title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (priv->window_title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "editor.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  priv->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->save_button), "editor.save");
  gtk_widget_add_css_class (priv->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), priv->save_button);
  /* Accessible names are the visible labels, once, without the mnemonic */
  keel_gui_fix_button_names (header);

  /* The rows, and the sections beside them when there is room (below
   * them when narrow) */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  priv->fields_box = pane_box ();
  priv->sections_box = pane_box ();
  priv->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_visible (priv->sections_box, FALSE);
  gtk_widget_set_visible (priv->separator, FALSE);
  gtk_box_append (GTK_BOX (panes), clamped (priv->fields_box));
  gtk_box_append (GTK_BOX (panes), priv->separator);
  gtk_box_append (GTK_BOX (panes), clamped (priv->sections_box));
  _keel_pane_layout_apply (GTK_BOX (panes), 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), panes);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_record_editor_new (KeelWorkspace *workspace,
                        const char    *kind_name,
                        KeelRecord    *record)
{
  g_return_val_if_fail (KEEL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (!record || KEEL_IS_RECORD (record), NULL);
  g_return_val_if_fail (kind_name != NULL || record != NULL, NULL);

  return g_object_new (KEEL_TYPE_RECORD_EDITOR,
                       "workspace", workspace,
                       "kind", kind_name,
                       "record", record,
                       NULL);
}

KeelWorkspace *
keel_record_editor_get_workspace (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), NULL);

  return priv->workspace;
}

KeelRecord *
keel_record_editor_get_record (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), NULL);

  return priv->record;
}

KeelRecord *
keel_record_editor_get_draft (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), NULL);

  return priv->draft;
}

const KeelKind *
keel_record_editor_get_kind (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), NULL);

  return priv->kind;
}

GtkWidget *
keel_record_editor_get_row (KeelRecordEditor *self,
                            const char       *key)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; priv->rows != NULL && i < priv->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (priv->rows, i);

      if (g_str_equal (keel_field_row_get_field (row)->key, key))
        return row;
    }

  return NULL;
}

GtkWidget *
keel_record_editor_get_section (KeelRecordEditor *self,
                                const char       *key)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; priv->sections != NULL && i < priv->sections->len; i++)
    if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (priv->sections, i)), key))
      return g_ptr_array_index (priv->sections, i);

  return NULL;
}

void
keel_record_editor_add_section (KeelRecordEditor *self,
                                GtkWidget        *section)
{
  keel_record_editor_insert_section (self, section, NULL);
}

void
keel_record_editor_insert_section (KeelRecordEditor *self,
                                   GtkWidget        *section,
                                   const char       *before_key)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  GtkWidget *before = NULL;

  g_return_if_fail (KEEL_IS_RECORD_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (section));

  if (before_key != NULL)
    before = keel_record_editor_get_section (self, before_key);

  if (!ADW_IS_PREFERENCES_GROUP (section))
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), section);
      section = group;
    }

  if (before != NULL)
    gtk_box_insert_child_after (GTK_BOX (priv->sections_box), section, gtk_widget_get_prev_sibling (before));
  else
    gtk_box_append (GTK_BOX (priv->sections_box), section);
  gtk_widget_set_visible (priv->sections_box, TRUE);
  gtk_widget_set_visible (priv->separator, TRUE);
}

void
keel_record_editor_focus_field (KeelRecordEditor *self,
                                const char       *key)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  GtkWidget *row = NULL;

  g_return_if_fail (KEEL_IS_RECORD_EDITOR (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Once it shows */
      g_free (priv->focus_key);
      priv->focus_key = g_strdup (key);
      return;
    }

  if (key != NULL)
    row = keel_record_editor_get_row (self, key);
  if (row == NULL && priv->rows->len > 0)
    row = g_ptr_array_index (priv->rows, 0);
  if (row != NULL)
    keel_field_row_focus (row);
}

void
keel_record_editor_draft_changed (KeelRecordEditor *self)
{
  KeelRecordEditorClass *klass;

  g_return_if_fail (KEEL_IS_RECORD_EDITOR (self));

  klass = KEEL_RECORD_EDITOR_GET_CLASS (self);
  if (klass->draft_changed != NULL)
    klass->draft_changed (self);

  update_state (self);
}

void
keel_record_editor_set_check_func (KeelRecordEditor    *self,
                                   KeelRecordCheckFunc  func,
                                   gpointer             data)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_if_fail (KEEL_IS_RECORD_EDITOR (self));

  priv->check_func = func;
  priv->check_data = data;
  update_state (self);
}

void
keel_record_editor_reload (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_if_fail (KEEL_IS_RECORD_EDITOR (self));

  for (guint i = 0; i < priv->rows->len; i++)
    keel_field_row_reload (g_ptr_array_index (priv->rows, i));
  for (guint i = 0; i < priv->sections->len; i++)
    keel_parts_section_refresh (KEEL_PARTS_SECTION (g_ptr_array_index (priv->sections, i)));

  keel_record_editor_draft_changed (self);
}

gboolean
keel_record_editor_has_changes (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), FALSE);

  if (priv->baseline == NULL)
    return FALSE;

  return !keel_record_equal (priv->draft, priv->baseline);
}

gboolean
keel_record_editor_can_save (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), FALSE);

  return priv->can_save;
}

gboolean
keel_record_editor_save (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  g_autoptr(KeelRecord) saved = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), FALSE);

  if (priv->closing || !keel_record_editor_can_save (self))
    return FALSE;

  if (priv->parts != NULL)
    {
      /* A part: into the record's draft, saved with the record */
      if (priv->record != NULL)
        keel_record_assign (priv->record, priv->draft);
      else
        g_list_store_append (priv->parts, priv->draft);
      saved = g_object_ref (priv->record ? priv->record : priv->draft);
    }
  else if (priv->record != NULL)
    {
      keel_record_assign (priv->record, priv->draft);
      saved = g_object_ref (priv->record);
      /* Translators: a toast after saving a record, "“Laptops” saved" */
      message = g_strdup_printf (_("“%s” saved"), keel_record_get_title (saved));
    }
  else
    {
      /* The workspace gives it its id */
      saved = g_object_ref (priv->draft);
      keel_workspace_add (priv->workspace, saved);
      /* Translators: a toast after adding a record, "RES-4 added" */
      message = g_strdup_printf (_("%s added"), keel_record_get_id (saved));
    }

  g_signal_emit (self, signals[SAVED], 0, saved);

  if (message != NULL)
    keel_page_toast (GTK_WIDGET (self), message);
  keel_record_editor_close (self);

  return TRUE;
}

GtkWidget *
keel_record_editor_cancel (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);
  AdwMessageDialog *dialog;

  g_return_val_if_fail (KEEL_IS_RECORD_EDITOR (self), NULL);

  if (priv->closing)
    return NULL;

  if (!keel_record_editor_has_changes (self))
    {
      keel_record_editor_close (self);
      return NULL;
    }

  /* Typed work is never thrown away without asking */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"),
                                                       _("What you changed in this editor will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  keel_gui_fix_button_names (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WIDGET (dialog);
}

void
keel_record_editor_close (KeelRecordEditor *self)
{
  KeelRecordEditorPrivate *priv = keel_record_editor_get_instance_private (self);

  g_return_if_fail (KEEL_IS_RECORD_EDITOR (self));

  if (priv->closing)
    return;
  priv->closing = TRUE;

  /* Out of the toplevels at once, freed on idle. GTK 4.8 answers an
   * assistive tool asking for a window past the shown ones with the last
   * toplevel, and a hidden one has no accessible path: a hidden window
   * left among them crashes it. The idle's reference keeps the editor
   * alive under a dialog it still parents (destroying it again there does
   * nothing). */
  g_idle_add_full (G_PRIORITY_LOW, destroy_idle_cb, g_object_ref (self), g_object_unref);
  gtk_window_destroy (GTK_WINDOW (self));
}
