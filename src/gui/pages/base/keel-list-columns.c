/* keel-list-columns.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The columns of a KeelListPage: what each cell shows and how it sorts,
 * from the field's type or a computed column's functions. */

#define G_LOG_DOMAIN "keel-list-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "keel-records.h"

#include "keel-field-row.h"
#include "keel-list-page-private.h"

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */
/* ------------------------------------------------------------------------ */

static gint64
id_number (const char *id)
{
  const char *p;

  if (id == NULL)
    return 0;

  p = id + strlen (id);
  while (p > id && g_ascii_isdigit (p[-1]))
    p--;

  return g_ascii_strtoll (p, NULL, 10);
}

/* Longer text on one line of the table (the editor shows it all) */
static char *
one_line (char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *joined;

  if (text == NULL)
    return NULL;

  lines = g_strsplit_set (text, "\r\n", -1);
  g_free (text);
  joined = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", lines[i]);

  return g_string_free (joined, FALSE);
}

char *
_keel_list_column_text (Column     *column,
                        KeelRecord *record)
{
  const KeelField *field = column->field;
  char *text;

  if (column->decl->text != NULL)
    return column->decl->text (column->page, record);

  if (field == NULL)
    return g_strdup (keel_record_get_id (record));

  text = keel_field_format_display (keel_list_page_get_workspace (column->page), record, field);

  return (field->flags & KEEL_FIELD_MULTILINE) ? one_line (text) : text;
}

static double
column_number (Column     *column,
               KeelRecord *record)
{
  const KeelField *field = column->field;

  if (column->decl->number != NULL)
    return column->decl->number (column->page, record);

  if (field == NULL)
    return (double) id_number (keel_record_get_id (record));

  /* Unset values sort last */
  if (!keel_record_is_set (record, field->key))
    return INFINITY;

  switch (field->type)
    {
    case KEEL_FIELD_INT:
      return (double) keel_record_get_int (record, field->key);
    case KEEL_FIELD_DOUBLE:
      return keel_record_get_double (record, field->key);
    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
      return (double) g_date_time_to_unix (keel_record_get_date (record, field->key));
    case KEEL_FIELD_ENUM:
      return (double) keel_field_choice_index (field, keel_record_get_string (record, field->key));
    default:
      return 0;
    }
}

static gboolean
column_is_numeric (Column *column)
{
  if (column->decl->number != NULL || column->field == NULL)
    return column->decl->text == NULL || column->decl->number != NULL;

  switch (column->field->type)
    {
    case KEEL_FIELD_INT:
    case KEEL_FIELD_DOUBLE:
    case KEEL_FIELD_DATE:
    case KEEL_FIELD_DATETIME:
    case KEEL_FIELD_ENUM:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
column_is_title (Column *column)
{
  return column->field != NULL && (column->field->flags & KEEL_FIELD_TITLE);
}

static char *
text_expression_cb (GObject *item,
                    gpointer user_data)
{
  char *text = _keel_list_column_text (user_data, KEEL_RECORD (item));

  return text ? text : g_strdup ("");
}

static double
number_expression_cb (GObject *item,
                      gpointer user_data)
{
  return column_number (user_data, KEEL_RECORD (item));
}

void
_keel_list_column_update_cell (GtkListItem *item)
{
  Column *column = g_object_get_data (G_OBJECT (item), "keel-column");
  GtkWidget *label = gtk_list_item_get_child (item);
  KeelRecord *record = gtk_list_item_get_item (item);
  const char *style = g_object_get_data (G_OBJECT (label), "keel-style");
  g_autofree char *text = NULL;

  if (record == NULL)
    return;

  text = _keel_list_column_text (column, record);
  gtk_label_set_label (GTK_LABEL (label), text ? text : "");

  if (style != NULL)
    gtk_widget_remove_css_class (label, style);
  style = column->decl->style ? column->decl->style (column->page, record) : NULL;
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  g_object_set_data (G_OBJECT (label), "keel-style", (gpointer) style);

  if (column->field == NULL && column->decl->text == NULL)
    {
      /* The row (list item widget ← cell ← label) is named after the
       * record, so that assistive technology can tell and open it */
      GtkWidget *cell = gtk_widget_get_parent (label);
      GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;

      if (row != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, keel_record_get_title (record),
                                        -1);
    }
}

/* A cell cut short shows the whole of its text as tooltip */
static gboolean
cell_query_tooltip_cb (GtkLabel   *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

/* A cell cut short keeps @chars characters of the page's font: a width
 * the page measures once, rather than the label's width-chars, which has
 * Pango measure the font again at every measure of every cell */
static void
keep_chars (GtkWidget *label,
            Column    *column,
            int        chars)
{
  int char_width = 0;

  _keel_list_page_get_font_sizes (column->page, NULL, &char_width);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (label, chars * char_width, -1);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Free text may be cut short (the title column gives way first); ids,
   * names, choices, dates and numbers are shown whole, and a narrow
   * window scrolls the table sideways. Text cut short shows whole in its
   * tooltip. */
  if (column_is_title (column))
    keep_chars (label, column, 16);
  else if ((column->field != NULL && column->field->type == KEEL_FIELD_STRING) ||
           (column->field == NULL && column->decl->text != NULL && column->decl->number == NULL))
    keep_chars (label, column, 12);
  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
    }
  if (column->field == NULL && column->decl->text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  if (column->field != NULL && column->field->type != KEEL_FIELD_STRING && column_is_numeric (column))
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (item, label);
  g_object_set_data (G_OBJECT (item), "keel-column", column);
}

static void
record_changed_cb (KeelRecord  *record,
                   GtkListItem *item)
{
  _keel_list_column_update_cell (item);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Column                   *column)
{
  KeelRecord *record = gtk_list_item_get_item (item);
  KeelListPagePrivate *priv = _keel_list_page_get_private (column->page);

  _keel_list_column_update_cell (item);
  g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb), item, 0);
  g_hash_table_add (priv->bound, item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                Column                   *column)
{
  KeelRecord *record = gtk_list_item_get_item (item);

  KeelListPagePrivate *priv = _keel_list_page_get_private (column->page);

  if (record != NULL)
    g_signal_handlers_disconnect_by_func (record, record_changed_cb, item);
  g_hash_table_remove (priv->bound, item);
}

GtkColumnViewColumn *
_keel_list_column_make (Column *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;
  const char *title;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), column);

  if (column->decl->title != NULL)
    title = g_dgettext (GETTEXT_PACKAGE, column->decl->title);
  else if (column->field != NULL)
    title = keel_field_get_label (column->field);
  else
    title = C_("column", "ID");

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column_is_title (column));

  if (column_is_numeric (column))
    sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL, 0, NULL,
                                                                              G_CALLBACK (number_expression_cb),
                                                                              column, NULL)));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                             G_CALLBACK (text_expression_cb),
                                                                             column, NULL)));
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);

  return view_column;
}


/* ------------------------------------------------------------------------ */
/* Declarations                                                             */
/* ------------------------------------------------------------------------ */

KeelListPageClassPrivate *
_keel_list_page_class_decl (KeelListPageClass *klass)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  KeelListPageClassPrivate *decl = klass->decl;

  /* A class struct starts as a copy of its parent's: a subclass of a page
   * declares its own, starting from its parent's */
  if (decl == NULL || decl->owner != type)
    {
      KeelListPageClassPrivate *parent = decl;

      decl = g_new0 (KeelListPageClassPrivate, 1);
      decl->owner = type;
      decl->columns = g_ptr_array_new ();
      decl->filters = g_array_new (FALSE, TRUE, sizeof (FilterDecl));
      if (parent != NULL)
        {
          decl->kind = parent->kind;
          for (guint i = 0; i < parent->columns->len; i++)
            g_ptr_array_add (decl->columns, g_ptr_array_index (parent->columns, i));
          g_array_append_vals (decl->filters, parent->filters->data, parent->filters->len);
          decl->empty_icon = parent->empty_icon;
          decl->empty_title = parent->empty_title;
          decl->empty_description = parent->empty_description;
        }
      klass->decl = decl;
    }

  return decl;
}

ColumnDecl *
_keel_list_find_column (KeelListPageClassPrivate *decl,
                        const char               *key)
{
  for (guint i = 0; i < decl->columns->len; i++)
    {
      ColumnDecl *column = g_ptr_array_index (decl->columns, i);

      if (g_str_equal (column->key, key))
        return column;
    }

  return NULL;
}


void
keel_list_page_class_add_column (KeelListPageClass *klass,
                                 const char        *key)
{
  KeelListPageClassPrivate *decl = _keel_list_page_class_decl (klass);
  ColumnDecl *column;

  g_return_if_fail (decl->kind != NULL);
  g_return_if_fail (keel_kind_find_field (decl->kind, key) != NULL);

  column = g_new0 (ColumnDecl, 1);
  column->owner = decl->owner;
  column->key = g_strdup (key);
  g_ptr_array_add (decl->columns, column);
}

void
keel_list_page_class_add_computed_column (KeelListPageClass  *klass,
                                          const char         *id,
                                          const char         *title,
                                          KeelCellTextFunc    text,
                                          KeelCellNumberFunc  number)
{
  KeelListPageClassPrivate *decl = _keel_list_page_class_decl (klass);
  ColumnDecl *column;

  g_return_if_fail (id != NULL && title != NULL && text != NULL);

  column = g_new0 (ColumnDecl, 1);
  column->owner = decl->owner;
  column->key = g_strdup (id);
  column->title = title;
  column->text = text;
  column->number = number;
  g_ptr_array_add (decl->columns, column);
}

void
keel_list_page_class_set_column_style (KeelListPageClass *klass,
                                       const char        *key,
                                       KeelCellStyleFunc  style)
{
  KeelListPageClassPrivate *decl = _keel_list_page_class_decl (klass);
  ColumnDecl *column = _keel_list_find_column (decl, key);
  ColumnDecl *copy;

  g_return_if_fail (column != NULL);

  if (column->owner == decl->owner)
    {
      column->style = style;
      return;
    }

  /* Declarations may be shared with a parent class: change a copy */
  copy = g_memdup2 (column, sizeof *column);
  copy->owner = decl->owner;
  copy->key = g_strdup (column->key);
  copy->style = style;
  for (guint i = 0; i < decl->columns->len; i++)
    if (g_ptr_array_index (decl->columns, i) == column)
      g_ptr_array_index (decl->columns, i) = copy;
}

