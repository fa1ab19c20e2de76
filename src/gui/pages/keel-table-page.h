/* keel-table-page.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "keel-record.h"
#include "keel-workspace.h"

G_BEGIN_DECLS

/* What the record pages share: a page with a "workspace" property that
 * shows one kind of record in a sortable table, with a search entry, a
 * count, an empty state and an editor.
 *
 * A subclass's template has a GtkBox "toolbar", a GtkSearchEntry
 * "search_entry" (signals search-changed → search_changed_cb, stop-search
 * → stop_search_cb, swapped), a GtkLabel "count_label", a GtkStack
 * "stack" with the pages "empty", "no-results" and "list", and a
 * GtkColumnView "column_view"; keel_table_page_class_set_template () binds
 * them, and a template callback filter_changed_cb for the page's own
 * filters. The page builds the rest: the records (or a row of row_type
 * for each, see keel-record-row.h) → filter (the page's filters and the
 * search) → sort (by the column view's sorter) → single selection.
 *
 * Widget actions: page.new (the editor for a new record), page.search
 * (focus on the search entry), page.delete (the selected record, with
 * Undo). */

#define KEEL_TYPE_TABLE_PAGE (keel_table_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (KeelTablePage, keel_table_page, KEEL, TABLE_PAGE, GtkWidget)

struct _KeelTablePageClass
{
  GtkWidgetClass parent_class;

  /* The kind of record listed; set in class_init */
  GType        record_type;
  /* The type of the rows, a KeelRecordRow; G_TYPE_NONE: the records */
  GType        row_type;

  /* Whether @record passes the page's own filters (the search aside) */
  gboolean   (*filter)            (KeelTablePage *self,
                                   KeelRecord   *record);
  /* Whether @item (a row or record) matches @needle, casefolded and not
   * blank. The default searches a row's "search-text". */
  gboolean   (*matches)           (KeelTablePage *self,
                                   gpointer      item,
                                   const char   *needle);
  /* "12 objectives", or "3 of 12 objectives" after search and filters;
   * only asked when @total > 0 */
  char      *(*count_text)        (KeelTablePage *self,
                                   guint         shown,
                                   guint         total);
  /* A new editor window for @record, or for a new record when NULL */
  GtkWidget *(*create_editor)     (KeelTablePage *self,
                                   KeelRecord   *record);
  /* Opens an editor and returns it (transfer none). The default creates
   * one, makes it fit the window and presents it. */
  GtkWidget *(*open_editor)       (KeelTablePage *self,
                                   KeelRecord   *record);
  /* Deletes @record. The default lets the window delete it with Undo,
   * named by its title. */
  void       (*delete_record)     (KeelTablePage *self,
                                   KeelRecord   *record);
  /* After the workspace was set (it may be NULL) */
  void       (*workspace_changed) (KeelTablePage *self);
  /* After the table, count and empty state followed a change; @total is
   * the number of records, shown or not */
  void       (*view_changed)      (KeelTablePage *self,
                                   guint         total);
  /* Enables the page's actions; chain up */
  void       (*update_actions)    (KeelTablePage *self);
};

/* For a subclass's class_init: sets its template and binds the shared
 * children and callbacks in it */
void                keel_table_page_class_set_template (GtkWidgetClass *widget_class,
                                                       const char     *resource_path);

KeelWorkspace      *keel_table_page_get_workspace      (KeelTablePage   *self);
void                keel_table_page_set_workspace      (KeelTablePage   *self,
                                                       KeelWorkspace  *workspace);
/* The record selected in the table, or NULL */
KeelRecord         *keel_table_page_get_selected       (KeelTablePage   *self);
/* Selects @record if the filters show it; FALSE otherwise */
gboolean            keel_table_page_select             (KeelTablePage   *self,
                                                       KeelRecord     *record);
/* See KeelTablePageClass.open_editor; NULL without a workspace */
GtkWidget          *keel_table_page_open_editor        (KeelTablePage   *self,
                                                       KeelRecord     *record);
/* What the table shows, after search and filters (transfer none) */
GtkSingleSelection *keel_table_page_get_selection      (KeelTablePage   *self);
/* The record an item of the table shows */
KeelRecord         *keel_table_page_get_item_record    (KeelTablePage   *self,
                                                       gpointer        item);
GtkSearchEntry     *keel_table_page_get_search_entry   (KeelTablePage   *self);
/* Runs the filters again, after one of the page's own changed */
void                keel_table_page_refilter           (KeelTablePage   *self);
/* Updates the page's actions, see KeelTablePageClass.update_actions */
void                keel_table_page_update_actions     (KeelTablePage   *self);

G_END_DECLS
