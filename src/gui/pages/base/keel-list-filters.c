/* keel-list-filters.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The search and the filter dropdowns of a KeelListPage. */

#define G_LOG_DOMAIN "keel-list-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-field-row.h"
#include "keel-gui-util.h"
#include "keel-list-page-private.h"

static gboolean
matches_search (KeelListPage *self,
                KeelRecord   *record)
{
  KeelListPagePrivate *priv = _keel_list_page_get_private (self);

  for (guint i = 0; i < priv->columns->len; i++)
    {
      g_autofree char *text = _keel_list_column_text (g_ptr_array_index (priv->columns, i), record);
      g_autofree char *folded = NULL;

      if (text == NULL)
        continue;

      folded = g_utf8_casefold (text, -1);
      if (strstr (folded, priv->search) != NULL)
        return TRUE;
    }

  return FALSE;
}

gboolean
_keel_list_filter_func (gpointer item,
                        gpointer user_data)
{
  KeelListPage *self = user_data;
  KeelListPagePrivate *priv = _keel_list_page_get_private (self);
  KeelListPageClassPrivate *decl = DECL (self);
  KeelRecord *record = item;

  for (guint i = 0; decl->filters != NULL && i < decl->filters->len; i++)
    {
      FilterDecl *filter = &g_array_index (decl->filters, FilterDecl, i);
      guint choice = gtk_drop_down_get_selected (g_ptr_array_index (priv->filter_drops, i));
      GPtrArray *values = g_ptr_array_index (priv->filter_values, i);

      if (choice == 0 || choice == GTK_INVALID_LIST_POSITION)
        continue;

      if (filter->func != NULL)
        {
          if (!filter->func (self, record, choice))
            return FALSE;
        }
      else if (choice < values->len &&
               g_strcmp0 (keel_record_get_string (record, filter->key),
                          g_ptr_array_index (values, choice)) != 0)
        return FALSE;
    }

  if (priv->search != NULL && !matches_search (self, record))
    return FALSE;

  return TRUE;
}

/* The people, by name, after "All"; what was chosen stays chosen while
 * that person is there. Left alone when no one came, went or was renamed. */
static void
fill_person_filter (KeelListPage *self,
                    guint         index)
{
  KeelListPagePrivate *priv = _keel_list_page_get_private (self);
  GtkDropDown *drop = g_ptr_array_index (priv->filter_drops, index);
  GPtrArray *values = g_ptr_array_index (priv->filter_values, index);
  GListModel *old_labels = gtk_drop_down_get_model (drop);
  guint selected = gtk_drop_down_get_selected (drop);
  g_autofree char *chosen = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) new_values = g_ptr_array_new_with_free_func (g_free);
  gboolean same;
  guint select = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < values->len)
    chosen = g_strdup (g_ptr_array_index (values, selected));

  gtk_string_list_append (labels, C_("filter", "All"));
  g_ptr_array_add (new_values, NULL);

  if (priv->workspace != NULL)
    {
      GListModel *people = keel_workspace_get_records (priv->workspace, KEEL_TYPE_PERSON);

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(KeelRecord) person = g_list_model_get_item (people, i);

          if (g_strcmp0 (chosen, keel_record_get_id (person)) == 0)
            select = new_values->len;
          gtk_string_list_append (labels, keel_record_get_title (person));
          g_ptr_array_add (new_values, g_strdup (keel_record_get_id (person)));
        }
    }

  same = old_labels != NULL && new_values->len == values->len &&
         g_list_model_get_n_items (old_labels) == new_values->len;
  for (guint i = 1; same && i < new_values->len; i++)
    same = g_strcmp0 (g_ptr_array_index (values, i), g_ptr_array_index (new_values, i)) == 0 &&
           g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (old_labels), i),
                      gtk_string_list_get_string (labels, i)) == 0;
  if (same)
    return;

  g_ptr_array_set_size (values, 0);
  for (guint i = 0; i < new_values->len; i++)
    g_ptr_array_add (values, g_strdup (g_ptr_array_index (new_values, i)));
  gtk_drop_down_set_model (drop, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop, select);
}

void
_keel_list_filters_fill_people (KeelListPage *self)
{
  KeelListPageClassPrivate *decl = DECL (self);

  for (guint i = 0; decl->filters != NULL && i < decl->filters->len; i++)
    {
      FilterDecl *filter = &g_array_index (decl->filters, FilterDecl, i);
      const KeelField *field = filter->key ? keel_kind_find_field (decl->kind, filter->key) : NULL;

      if (field != NULL && field->type == KEEL_FIELD_REF)
        fill_person_filter (self, i);
    }
}

static void
filter_label_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* In the popover, the entries as they are */
static void
filter_entry_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkStringObject *entry = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (entry));
}

/* On the button, the filter's name while it lets everything through
 * ("Status", not "All"), else the entry chosen */
static void
filter_button_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       GtkDropDown              *drop)
{
  GListModel *entries = gtk_drop_down_get_model (drop);
  GtkStringObject *entry = gtk_list_item_get_item (item);
  g_autoptr(GObject) all = entries ? g_list_model_get_item (entries, 0) : NULL;
  const char *text = gtk_string_object_get_string (entry);

  if ((GObject *) entry == all)
    text = g_object_get_data (G_OBJECT (drop), "keel-filter-name");
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
set_factory (GtkDropDown *drop,
             gboolean     button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (filter_label_setup_cb), NULL);
  if (button)
    {
      g_signal_connect (factory, "bind", G_CALLBACK (filter_button_bind_cb), drop);
      gtk_drop_down_set_factory (drop, factory);
    }
  else
    {
      g_signal_connect (factory, "bind", G_CALLBACK (filter_entry_bind_cb), NULL);
      gtk_drop_down_set_list_factory (drop, factory);
    }
  g_object_unref (factory);
}

void
_keel_list_filters_add (KeelListPage *self)
{
  KeelListPagePrivate *priv = _keel_list_page_get_private (self);
  KeelListPageClassPrivate *decl = DECL (self);
  GtkWidget *before = GTK_WIDGET (priv->search_entry);

  for (guint i = 0; decl->filters != NULL && i < decl->filters->len; i++)
    {
      FilterDecl *filter = &g_array_index (decl->filters, FilterDecl, i);
      const KeelField *field = filter->key ? keel_kind_find_field (decl->kind, filter->key) : NULL;
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      GtkWidget *drop;

      gtk_string_list_append (labels, C_("filter", "All"));
      g_ptr_array_add (values, NULL);

      if (field != NULL && field->type == KEEL_FIELD_ENUM)
        for (guint c = 0; field->choices[c].value != NULL; c++)
          {
            gtk_string_list_append (labels, keel_field_choice_label (field, field->choices[c].value));
            g_ptr_array_add (values, g_strdup (field->choices[c].value));
          }
      else if (filter->choices != NULL)
        for (guint c = 0; filter->choices[c] != NULL; c++)
          {
            gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, filter->choices[c]));
            g_ptr_array_add (values, NULL);
          }

      name = field != NULL ? keel_field_get_label (field) : g_dgettext (GETTEXT_PACKAGE, filter->label);
      drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      g_object_set_data_full (G_OBJECT (drop), "keel-filter-name", g_strdup (name), g_free);
      keel_gui_set_tooltip_later (drop, name);
      set_factory (GTK_DROP_DOWN (drop), TRUE);
      set_factory (GTK_DROP_DOWN (drop), FALSE);
      keel_gui_name_drop_down (GTK_DROP_DOWN (drop), name);
      gtk_box_insert_child_after (priv->toolbar, drop, before);
      before = drop;

      g_ptr_array_add (priv->filter_drops, drop);
      g_ptr_array_add (priv->filter_values, values);
      g_signal_connect_object (drop, "notify::selected", G_CALLBACK (keel_list_page_refilter), self, G_CONNECT_SWAPPED);
    }
}


void
keel_list_page_class_add_filter (KeelListPageClass *klass,
                                 const char        *key)
{
  KeelListPageClassPrivate *decl = _keel_list_page_class_decl (klass);
  const KeelField *field;
  FilterDecl filter = { 0, };

  g_return_if_fail (decl->kind != NULL);
  field = keel_kind_find_field (decl->kind, key);
  g_return_if_fail (field != NULL);
  g_return_if_fail (field->type == KEEL_FIELD_ENUM ||
                    (field->type == KEEL_FIELD_REF && g_strcmp0 (field->ref_kind, "person") == 0));

  filter.key = field->key;
  g_array_append_val (decl->filters, filter);
}

void
keel_list_page_class_add_custom_filter (KeelListPageClass  *klass,
                                        const char         *label,
                                        const char * const *choices,
                                        KeelFilterFunc      func)
{
  KeelListPageClassPrivate *decl = _keel_list_page_class_decl (klass);
  FilterDecl filter = { 0, };

  g_return_if_fail (label != NULL && choices != NULL && func != NULL);

  filter.label = label;
  filter.choices = choices;
  filter.func = func;
  g_array_append_val (decl->filters, filter);
}

