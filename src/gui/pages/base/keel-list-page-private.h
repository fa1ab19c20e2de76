/* keel-list-page-private.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "keel-list-page.h"

G_BEGIN_DECLS

/* What the files of KeelListPage share: keel-list-page.c (the page, its
 * state and actions), keel-list-columns.c (columns and cells) and
 * keel-list-filters.c (search and filters). */

/* ------------------------------------------------------------------------ */
/* What a subclass declares                                                 */
/* ------------------------------------------------------------------------ */

typedef struct
{
  GType               owner;    /* the class that declared it */
  char               *key;      /* a field key, "id", or a computed column's id */
  const char         *title;    /* N_(); NULL: the field's label */
  KeelCellTextFunc    text;
  KeelCellNumberFunc  number;
  KeelCellStyleFunc   style;
} ColumnDecl;

typedef struct
{
  const char         *key;      /* an ENUM or REF field; NULL for a custom one */
  const char         *label;    /* N_(): a custom one's name */
  const char * const *choices;  /* a custom one's entries after "All" */
  KeelFilterFunc      func;
} FilterDecl;

struct _KeelListPageClassPrivate
{
  GType               owner;
  const KeelKind     *kind;
  GPtrArray          *columns;  /* ColumnDecl */
  GArray             *filters;  /* FilterDecl */
  const char         *empty_icon;
  const char         *empty_title;
  const char         *empty_description;
};

/* ------------------------------------------------------------------------ */
/* The page                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct
{
  KeelListPage       *page;
  ColumnDecl         *decl;
  const KeelField    *field;    /* NULL for id and computed columns */
} Column;

typedef struct
{
  KeelWorkspace       *workspace;
  char                *search;        /* casefolded, or NULL */
  GPtrArray           *columns;       /* Column */
  GPtrArray           *filter_drops;  /* GtkDropDown, one per FilterDecl */
  GPtrArray           *filter_values; /* GPtrArray of values, one per FilterDecl */
  guint                refresh_source;
  GHashTable          *bound;         /* the GtkListItems of the cells shown */

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSliceListModel   *slice;         /* the first rows until the first frame is drawn */
  GtkSingleSelection  *selection;
  guint                rest_id;       /* tick callback: the rest of the rows */
  guint                ticks;
  gboolean             people_pending; /* the person filters wait for the rest too */
  int                  font_line;      /* _keel_list_page_get_font_sizes(), 0 until asked */
  int                  font_char_width;

  /* Template widgets */
  GtkBox              *toolbar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  AdwButtonContent    *add_content;
  GtkWidget           *add_button;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;    /* NULL until the table is first empty or drawn */
  GtkColumnView       *column_view;
} KeelListPagePrivate;

#define DECL(self) (KEEL_LIST_PAGE_GET_CLASS (self)->decl)

KeelListPagePrivate      *_keel_list_page_get_private (KeelListPage      *self);
/* In pixels, measured once: a line of the page's font, its widest character */
void                      _keel_list_page_get_font_sizes (KeelListPage *self,
                                                          int          *line,
                                                          int          *char_width);
/* The declarations of @klass's own, copied from its parent's at first */
KeelListPageClassPrivate *_keel_list_page_class_decl  (KeelListPageClass *klass);

/* keel-list-columns.c */
ColumnDecl          *_keel_list_find_column   (KeelListPageClassPrivate *decl,
                                               const char               *key);
/* What a cell of @column shows for @record (transfer full) */
char                *_keel_list_column_text   (Column                   *column,
                                               KeelRecord               *record);
GtkColumnViewColumn *_keel_list_column_make   (Column                   *column);
/* Shows the record of @item again in its cell */
void                 _keel_list_column_update_cell (GtkListItem         *item);

/* keel-list-filters.c */
/* The GtkCustomFilter function: the filters and the search */
gboolean             _keel_list_filter_func   (gpointer                  item,
                                               gpointer                  user_data);
/* Adds the filter dropdowns to the toolbar, after the search entry */
void                 _keel_list_filters_add   (KeelListPage             *self);
/* The person filters' entries, after people came, went or were renamed */
void                 _keel_list_filters_fill_people (KeelListPage       *self);

G_END_DECLS
