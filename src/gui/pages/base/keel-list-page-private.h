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

/* What keel-list-page.c shares with its cells (keel-list-page-cells.c)
 * and its filter dropdowns (keel-list-page-filters.c). */

/* ------------------------------------------------------------------------ */
/* What a subclass declares                                                 */
/* ------------------------------------------------------------------------ */

typedef struct
{
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
  GtkSingleSelection  *selection;

  /* Template widgets */
  GtkBox              *toolbar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  AdwButtonContent    *add_content;
  GtkWidget           *add_button;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
} KeelListPagePrivate;


#define DECL(self) (KEEL_LIST_PAGE_GET_CLASS (self)->decl)

KeelListPagePrivate *_keel_list_page_get_private          (KeelListPage *self);

/* Cells */
/* What the cell of @column shows for @record (transfer full) */
char                *_keel_list_page_column_text          (Column       *column,
                                                           KeelRecord   *record);
/* Shows the record of @item again in its cell */
void                 _keel_list_page_update_cell          (GtkListItem  *item);
/* The table's column for @column, with its cells and sorter */
GtkColumnViewColumn *_keel_list_page_make_column          (Column       *column);

/* Filters */
/* A dropdown per declared filter, after the search entry */
void                 _keel_list_page_add_filter_dropdowns (KeelListPage *self);
/* The person filters' entries, after people came, went or were renamed */
void                 _keel_list_page_fill_person_filters  (KeelListPage *self);

G_END_DECLS
