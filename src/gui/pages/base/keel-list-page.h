/* keel-list-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "keel-page.h"
#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* A page that lists one kind of record: a toolbar (search, filters, a
 * count, New), an empty state, a "no results" state and a sortable table,
 * which scrolls sideways when the window is narrow. It implements
 * KeelPage.
 *
 * A subclass's class_init only declares: the kind
 * (keel_list_page_class_set_kind), its columns by field key (cells and
 * sorting come from the field's type) or computed ones, its filters (an
 * ENUM or person field: a dropdown of the kind's choices or of people,
 * "All" first; or its own), the empty state and, if the kind needs one,
 * its editor type (a KeelRecordEditor). An id column comes first, the
 * title column expands, the table sorts by the kind's sort field at
 * first. Enter, a double click or activating a row opens the editor;
 * search matches the text of the columns shown; page.delete deletes the
 * selected record with Undo. */

#define KEEL_TYPE_LIST_PAGE (keel_list_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (KeelListPage, keel_list_page, KEEL, LIST_PAGE, GtkWidget)

/* A computed cell's text (transfer full), or NULL for none */
typedef char       *(*KeelCellTextFunc)   (KeelListPage *self,
                                           KeelRecord   *record);
/* A computed column's sort value */
typedef double      (*KeelCellNumberFunc) (KeelListPage *self,
                                           KeelRecord   *record);
/* A style class for a cell ("overdue"), or NULL */
typedef const char *(*KeelCellStyleFunc)  (KeelListPage *self,
                                           KeelRecord   *record);
/* Whether @record passes a page's own filter set to @choice (> 0: 0 is
 * "All" and passes everything without asking) */
typedef gboolean    (*KeelFilterFunc)     (KeelListPage *self,
                                           KeelRecord   *record,
                                           guint         choice);

typedef struct _KeelListPageClassPrivate KeelListPageClassPrivate;

struct _KeelListPageClass
{
  GtkWidgetClass parent_class;

  /* The editor's type, a KeelRecordEditor; the base editor by default */
  GType      editor_type;

  /* A new editor window for @record, or for a new record when NULL. The
   * default makes one of editor_type. */
  GtkWidget *(*create_editor)     (KeelListPage *self,
                                   KeelRecord   *record);
  /* Deletes @record. The default asks the window to delete it with Undo. */
  void       (*delete_record)     (KeelListPage *self,
                                   KeelRecord   *record);
  /* After the workspace was set (it may be NULL) */
  void       (*workspace_changed) (KeelListPage *self);

  /*< private >*/
  KeelListPageClassPrivate *decl;
  gpointer _reserved[8];
};

/* The declarations, for a subclass's class_init */
void           keel_list_page_class_set_kind        (KeelListPageClass  *klass,
                                                     const char         *kind_name);
/* A column showing the field @key, titled by its label */
void           keel_list_page_class_add_column      (KeelListPageClass  *klass,
                                                     const char         *key);
/* A computed column: @title marked with N_(); sorted by @number when
 * given, else by the text */
void           keel_list_page_class_add_computed_column (KeelListPageClass *klass,
                                                     const char         *id,
                                                     const char         *title,
                                                     KeelCellTextFunc    text,
                                                     KeelCellNumberFunc  number);
/* Styles the cells of column @key (a field or computed column) */
void           keel_list_page_class_set_column_style (KeelListPageClass *klass,
                                                     const char         *key,
                                                     KeelCellStyleFunc   style);
/* A dropdown filter on the ENUM or person field @key */
void           keel_list_page_class_add_filter      (KeelListPageClass  *klass,
                                                     const char         *key);
/* A dropdown filter of its own: @label names it (N_()), @choices are its
 * entries after "All" (N_(), NULL-terminated) */
void           keel_list_page_class_add_custom_filter (KeelListPageClass *klass,
                                                     const char         *label,
                                                     const char * const *choices,
                                                     KeelFilterFunc      func);
/* The empty state: an icon name, a title and a description (N_()) */
void           keel_list_page_class_set_empty_state (KeelListPageClass  *klass,
                                                     const char         *icon_name,
                                                     const char         *title,
                                                     const char         *description);

const KeelKind *keel_list_page_get_kind             (KeelListPage       *self);
KeelWorkspace  *keel_list_page_get_workspace        (KeelListPage       *self);
void            keel_list_page_set_workspace        (KeelListPage       *self,
                                                     KeelWorkspace      *workspace);
/* The record selected in the table, or NULL */
KeelRecord     *keel_list_page_get_selected         (KeelListPage       *self);
/* Selects @record if the filters show it; FALSE otherwise */
gboolean        keel_list_page_select               (KeelListPage       *self,
                                                     KeelRecord         *record);
/* Opens the editor on @record (NULL: new) with @field_key in focus;
 * returns it (transfer none), NULL without a workspace */
GtkWidget      *keel_list_page_open_editor          (KeelListPage       *self,
                                                     KeelRecord         *record,
                                                     const char         *field_key);
/* What the table shows, after search and filters (transfer none) */
GtkSingleSelection *keel_list_page_get_selection    (KeelListPage       *self);
GtkColumnView  *keel_list_page_get_column_view      (KeelListPage       *self);
GtkSearchEntry *keel_list_page_get_search_entry     (KeelListPage       *self);
/* The filter dropdowns, in the order declared */
GtkDropDown    *keel_list_page_get_filter           (KeelListPage       *self,
                                                     guint               index);
/* "3 of 12 resources", or "" when there are none */
const char     *keel_list_page_get_count_text       (KeelListPage       *self);
/* "empty", "no-results" or "list" */
const char     *keel_list_page_get_state            (KeelListPage       *self);
/* The text a cell of column @key shows for @record (transfer full) */
char           *keel_list_page_dup_cell_text        (KeelListPage       *self,
                                                     const char         *key,
                                                     KeelRecord         *record);
/* Runs the filters again, after one of the page's own changed */
void            keel_list_page_refilter             (KeelListPage       *self);

G_END_DECLS
