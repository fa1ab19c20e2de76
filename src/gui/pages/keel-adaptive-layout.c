/* keel-adaptive-layout.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-adaptive-layout"

#include "config.h"

#include "keel-adaptive-layout.h"

/* Both layouts decide their arrangement from the width they are given,
 * in measure and in allocate alike, so the height asked for a width is
 * the height used at that width. A child hidden for want of room is made
 * child-invisible, as GtkStack does, which needs no new size request. */

#define TOOLBAR_SPACING      6
#define TOOLBAR_ROW_SPACING  6

/* ------------------------------------------------------------------------ */
/* Toolbar                                                                  */
/* ------------------------------------------------------------------------ */

typedef enum
{
  ROLE_LEAD,    /* the search entry: shrinks first */
  ROLE_FILTER,  /* between: filters */
  ROLE_SPARE,   /* between, hexpand: takes what is left, else hidden */
  ROLE_TRAIL,   /* the Add button, flush with the end */
} Role;

typedef struct
{
  GtkWidget *widget;
  Role       role;
  int        row;
  int        min;
  int        nat;
  gboolean   shown;
  int        x;
  int        y;
  int        width;
  int        height;
} Item;

static GArray *
toolbar_items (GtkWidget *toolbar)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (GtkWidget *child = gtk_widget_get_first_child (toolbar);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, ROLE_FILTER, 0, };

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &item.min, &item.nat, NULL, NULL);
      if (gtk_widget_get_hexpand (child))
        item.role = ROLE_SPARE;
      g_array_append_val (items, item);
    }

  if (items->len > 0)
    g_array_index (items, Item, 0).role = ROLE_LEAD;
  if (items->len > 1)
    g_array_index (items, Item, items->len - 1).role = ROLE_TRAIL;

  return items;
}

static gboolean
has_filters (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, Item, i).role == ROLE_FILTER)
      return TRUE;

  return FALSE;
}

/* The width the children other than the spare one need side by side:
 * in @row, or in all rows when @row is -1 */
static int
row_minimum (GArray *items,
             int     row)
{
  int width = 0;
  int n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->role == ROLE_SPARE || (row >= 0 && item->row != row))
        continue;

      width += item->min;
      n++;
    }

  return width + TOOLBAR_SPACING * MAX (n - 1, 0);
}

static gboolean
fits_one_row (GArray *items,
              int     width)
{
  return !has_filters (items) || width >= row_minimum (items, -1);
}

/* One row; or the search and the Add button above and the filters below,
 * in as many rows as they need at @width. Returns the number of rows. */
static int
assign_rows (GArray   *items,
             gboolean  one_row,
             int       width)
{
  int row = 1;
  int used = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (one_row || item->role == ROLE_LEAD || item->role == ROLE_TRAIL)
        item->row = 0;
      else if (item->role == ROLE_FILTER)
        {
          if (used > 0 && used + TOOLBAR_SPACING + item->min > width)
            {
              row++;
              used = 0;
            }
          used += (used > 0 ? TOOLBAR_SPACING : 0) + item->min;
          item->row = row;
        }
      else
        item->row = row;  /* the spare one: after the filters */
    }

  return one_row ? 1 : row + 1;
}

/* The widest filter: what the filter rows need at least */
static int
widest_filter (GArray *items)
{
  int width = 0;

  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, Item, i).role == ROLE_FILTER)
      width = MAX (width, g_array_index (items, Item, i).min);

  return width;
}

static void
grow (GArray *items,
      int     row,
      Role    role,
      int    *extra)
{
  for (guint i = 0; i < items->len && *extra > 0; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int more;

      if (item->row != row || item->role != role)
        continue;

      more = MIN (*extra, item->nat - item->min);
      item->width += more;
      *extra -= more;
    }
}

/* Places the children of @row at @y across @width; returns the row's
 * height, 0 when nothing in it is shown */
static int
arrange_row (GArray   *items,
             int       row,
             int       width,
             int       y,
             gboolean  lead_fills)
{
  int extra = width - row_minimum (items, row);
  Item *spare = NULL;
  Item *lead = NULL;
  int height = 0;
  int x = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->row != row)
        continue;

      item->shown = item->role != ROLE_SPARE;
      item->width = item->min;
      if (item->role == ROLE_SPARE && spare == NULL)
        spare = item;
      else if (item->role == ROLE_SPARE)
        item->width = 0;
      else if (item->role == ROLE_LEAD)
        lead = item;
    }

  /* Natural widths: the Add button first, then the search, then filters */
  grow (items, row, ROLE_TRAIL, &extra);
  grow (items, row, ROLE_LEAD, &extra);
  grow (items, row, ROLE_FILTER, &extra);

  if (spare != NULL && spare->nat > 0 && extra >= spare->nat + TOOLBAR_SPACING)
    {
      spare->shown = TRUE;
      spare->width = extra - TOOLBAR_SPACING;
      extra = 0;
    }
  else if (lead != NULL && lead_fills && extra > 0)
    {
      lead->width += extra;
      extra = 0;
    }

  /* Left to right; the room left over goes before the Add button */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int child_height = 0;

      if (item->row != row || !item->shown)
        continue;

      if (item->role == ROLE_TRAIL && extra > 0)
        x += extra;

      item->x = x;
      x += item->width + TOOLBAR_SPACING;

      gtk_widget_measure (item->widget, GTK_ORIENTATION_VERTICAL, item->width,
                          NULL, &child_height, NULL, NULL);
      height = MAX (height, child_height);
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->row == row && item->shown)
        {
          item->y = y;
          item->height = height;
        }
    }

  return height;
}

/* Places every child for @width; returns the height needed */
static int
arrange_toolbar (GArray *items,
                 int     width)
{
  int n_rows;
  int y = 0;
  int height = 0;

  if (fits_one_row (items, width))
    {
      assign_rows (items, TRUE, width);
      return arrange_row (items, 0, width, 0, FALSE);
    }

  /* The search and the Add button, then the filters in as many rows as
   * they take */
  n_rows = assign_rows (items, FALSE, width);
  for (int row = 0; row < n_rows; row++)
    {
      int row_height = arrange_row (items, row, width, y, row == 0);

      if (row_height > 0)
        {
          height = y + row_height;
          y = height + TOOLBAR_ROW_SPACING;
        }
    }

  return height;
}

static GtkSizeRequestMode
toolbar_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
toolbar_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  g_autoptr(GArray) items = toolbar_items (widget);
  int min_width, nat_width = 0;

  min_width = row_minimum (items, -1);
  if (has_filters (items))
    {
      assign_rows (items, FALSE, G_MAXINT / 2);
      min_width = MIN (min_width, MAX (row_minimum (items, 0), widest_filter (items)));
    }

  for (guint i = 0; i < items->len; i++)
    nat_width += g_array_index (items, Item, i).nat;
  nat_width += TOOLBAR_SPACING * MAX ((int) items->len - 1, 0);
  nat_width = MAX (nat_width, min_width);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
    }
  else
    {
      int width = for_size < 0 ? nat_width : MAX (for_size, min_width);

      *minimum = *natural = arrange_toolbar (items, width);
    }
}

static void
toolbar_allocate (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  g_autoptr(GArray) items = toolbar_items (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  arrange_toolbar (items, width);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      gtk_widget_set_child_visible (item->widget, item->shown);
      if (!item->shown)
        continue;

      gtk_widget_size_allocate (item->widget,
                                &(GtkAllocation) {
                                  rtl ? width - item->x - item->width : item->x,
                                  item->y, item->width, item->height,
                                },
                                -1);
    }
}

/* ------------------------------------------------------------------------ */
/* Panes                                                                    */
/* ------------------------------------------------------------------------ */

#define FOLD_WIDTH_KEY "keel-pane-fold-width"

static int
get_fold_width (GtkWidget *box)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), FOLD_WIDTH_KEY));
}

typedef struct
{
  GtkWidget *widget;
  gboolean   separator;
  int        x;
  int        y;
  int        width;
  int        height;
} Pane;

static GArray *
pane_items (GtkWidget *box)
{
  GArray *panes = g_array_new (FALSE, TRUE, sizeof (Pane));

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Pane pane = { child, GTK_IS_SEPARATOR (child), };

      if (gtk_widget_should_layout (child))
        g_array_append_val (panes, pane);
    }

  return panes;
}

static gboolean
side_by_side (GtkWidget *box,
              int        width)
{
  return width >= get_fold_width (box);
}

/* Places the panes for @width; returns the height needed */
static int
arrange_panes (GtkWidget *box,
               GArray    *panes,
               int        width)
{
  int height = 0;

  if (side_by_side (box, width))
    {
      int n_panes = 0;
      int room = width;
      int x = 0;

      for (guint i = 0; i < panes->len; i++)
        {
          Pane *pane = &g_array_index (panes, Pane, i);

          if (pane->separator)
            {
              gtk_widget_measure (pane->widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                  &pane->width, NULL, NULL, NULL);
              room -= pane->width;
            }
          else
            n_panes++;
        }

      for (guint i = 0; i < panes->len; i++)
        {
          Pane *pane = &g_array_index (panes, Pane, i);

          if (!pane->separator)
            {
              /* Equal shares; the last one takes what rounding left */
              pane->width = room / n_panes--;
              room -= pane->width;
              gtk_widget_measure (pane->widget, GTK_ORIENTATION_VERTICAL, pane->width,
                                  NULL, &pane->height, NULL, NULL);
              height = MAX (height, pane->height);
            }

          pane->x = x;
          pane->y = 0;
          x += pane->width;
        }

      /* Each pane runs the full height: a separator is a line down */
      for (guint i = 0; i < panes->len; i++)
        g_array_index (panes, Pane, i).height = height;
    }
  else
    {
      for (guint i = 0; i < panes->len; i++)
        {
          Pane *pane = &g_array_index (panes, Pane, i);

          pane->x = 0;
          pane->y = height;
          pane->width = width;
          if (pane->separator)
            gtk_widget_measure (pane->widget, GTK_ORIENTATION_VERTICAL, -1,
                                &pane->height, NULL, NULL, NULL);
          else
            gtk_widget_measure (pane->widget, GTK_ORIENTATION_VERTICAL, width,
                                NULL, &pane->height, NULL, NULL);
          height += pane->height;
        }
    }

  return height;
}

static GtkSizeRequestMode
pane_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pane_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  g_autoptr(GArray) panes = pane_items (widget);
  int min_width = 0, nat_width = 0;

  /* At least as wide as the widest pane, stacked; naturally side by side */
  for (guint i = 0; i < panes->len; i++)
    {
      Pane *pane = &g_array_index (panes, Pane, i);
      int child_min = 0, child_nat = 0;

      gtk_widget_measure (pane->widget, GTK_ORIENTATION_HORIZONTAL, -1,
                          &child_min, &child_nat, NULL, NULL);
      if (pane->separator)
        child_nat = child_min;
      else
        min_width = MAX (min_width, child_min);
      nat_width += child_nat;
    }
  nat_width = MAX (nat_width, get_fold_width (widget));
  nat_width = MAX (nat_width, min_width);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
    }
  else
    {
      int width = for_size < 0 ? nat_width : MAX (for_size, min_width);

      *minimum = *natural = arrange_panes (widget, panes, width);
    }
}

static void
pane_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  g_autoptr(GArray) panes = pane_items (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int needed = arrange_panes (widget, panes, width);

  for (guint i = 0; i < panes->len; i++)
    {
      Pane *pane = &g_array_index (panes, Pane, i);

      /* Side by side, the panes and the line fill the height given */
      if (side_by_side (widget, width))
        pane->height = MAX (height, needed);

      gtk_widget_size_allocate (pane->widget,
                                &(GtkAllocation) {
                                  rtl ? width - pane->x - pane->width : pane->x,
                                  pane->y, pane->width, pane->height,
                                },
                                -1);
    }
}

/* ------------------------------------------------------------------------ */
/* Internal API                                                             */
/* ------------------------------------------------------------------------ */

void
_keel_toolbar_layout_apply (GtkBox *toolbar)
{
  g_return_if_fail (GTK_IS_BOX (toolbar));

  gtk_widget_set_layout_manager (GTK_WIDGET (toolbar),
                                 gtk_custom_layout_new (toolbar_request_mode,
                                                        toolbar_measure,
                                                        toolbar_allocate));
}

void
_keel_pane_layout_apply (GtkBox *box,
                         int     fold_width)
{
  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (fold_width >= 0);

  g_object_set_data (G_OBJECT (box), FOLD_WIDTH_KEY, GINT_TO_POINTER (fold_width));
  gtk_widget_set_layout_manager (GTK_WIDGET (box),
                                 gtk_custom_layout_new (pane_request_mode,
                                                        pane_measure,
                                                        pane_allocate));
}

void
_keel_editor_fit_parent (GtkWindow *editor,
                         GtkWindow *parent)
{
  int width, height;
  int parent_width, parent_height;

  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  gtk_window_set_transient_for (editor, parent);

  /* A window's default size follows its size once shown, in the same
   * terms as the editor's own */
  gtk_window_get_default_size (parent, &parent_width, &parent_height);
  if (parent_width <= 0 || parent_height <= 0)
    return;

  gtk_window_get_default_size (editor, &width, &height);
  /* Unset (-1) stays unset: the editor's natural size */
  if (width > parent_width)
    width = parent_width;
  if (height > parent_height)
    height = parent_height;
  gtk_window_set_default_size (editor, width, height);
}
