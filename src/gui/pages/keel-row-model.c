/* keel-row-model.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-row-model"

#include "config.h"

#include "keel-row-model.h"

struct _KeelRowModel
{
  GObject      parent_instance;

  GListModel  *source;
  GType        row_type;
  KeelRowFunc  func;
  gpointer     user_data;
  GPtrArray   *rows;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KeelRowModel, keel_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
source_items_changed_cb (KeelRowModel *self,
                         guint         position,
                         guint         removed,
                         guint         added,
                         GListModel   *source)
{
  g_assert (position + removed <= self->rows->len);

  g_ptr_array_remove_range (self->rows, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, position + i);

      g_ptr_array_insert (self->rows, position + i, self->func (item, self->user_data));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
keel_row_model_get_item_type (GListModel *model)
{
  return KEEL_ROW_MODEL (model)->row_type;
}

static guint
keel_row_model_get_n_items (GListModel *model)
{
  return KEEL_ROW_MODEL (model)->rows->len;
}

static gpointer
keel_row_model_get_item (GListModel *model,
                         guint       position)
{
  KeelRowModel *self = KEEL_ROW_MODEL (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = keel_row_model_get_item_type;
  iface->get_n_items = keel_row_model_get_n_items;
  iface->get_item = keel_row_model_get_item;
}

static void
keel_row_model_dispose (GObject *object)
{
  KeelRowModel *self = (KeelRowModel *)object;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (keel_row_model_parent_class)->dispose (object);
}

static void
keel_row_model_class_init (KeelRowModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = keel_row_model_dispose;
}

static void
keel_row_model_init (KeelRowModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

KeelRowModel *
keel_row_model_new (GListModel  *source,
                    GType        row_type,
                    KeelRowFunc  func,
                    gpointer     user_data)
{
  KeelRowModel *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (KEEL_TYPE_ROW_MODEL, NULL);
  self->source = g_object_ref (source);
  self->row_type = row_type;
  self->func = func;
  self->user_data = user_data;

  n = g_list_model_get_n_items (source);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, i);

      g_ptr_array_add (self->rows, func (item, user_data));
    }

  g_signal_connect_object (source, "items-changed",
                           G_CALLBACK (source_items_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
