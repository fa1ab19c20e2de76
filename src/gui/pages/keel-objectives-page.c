/* keel-objectives-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-objectives-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "keel-gui-util.h"
#include "keel-records.h"

#include "keel-objective-editor.h"
#include "keel-objective-row.h"
#include "keel-objectives-page.h"
#include "keel-pages-private.h"

struct _KeelObjectivesPage
{
  KeelListPage         parent_instance;

  GListModel          *people;
  KeelPeopleChoice    *owners;

  /* Template widgets */
  GtkDropDown         *status_filter;
  GtkDropDown         *owner_filter;
  GtkColumnViewColumn *id_column;
};

G_DEFINE_FINAL_TYPE (KeelObjectivesPage, keel_objectives_page, KEEL_TYPE_LIST_PAGE)

/* ------------------------------------------------------------------------ */
/* Template callbacks (formatters for the column view)                      */
/* ------------------------------------------------------------------------ */

static double
progress_value (gpointer unused,
                double   progress)
{
  return CLAMP (progress, 0.0, 1.0);
}

static gboolean
progress_known (gpointer unused,
                double   progress)
{
  return progress >= 0;
}

static char *
owner_text (gpointer    unused,
            const char *name)
{
  return g_strdup (name && name[0] ? name : _("No owner"));
}

static GStrv
owner_classes (gpointer    unused,
               const char *name)
{
  static const char * const missing[] = { "warning", NULL };
  static const char * const none[] = { NULL };

  return g_strdupv ((char **) (name && name[0] ? none : missing));
}

static GStrv
status_classes (gpointer    unused,
                const char *status)
{
  static const char * const warning[] = { "warning", NULL };
  static const char * const error[] = { "error", NULL };
  static const char * const success[] = { "success", NULL };
  static const char * const none[] = { NULL };

  if (g_strcmp0 (status, "at-risk") == 0)
    return g_strdupv ((char **) warning);
  if (g_strcmp0 (status, "missed") == 0)
    return g_strdupv ((char **) error);
  if (g_strcmp0 (status, "achieved") == 0)
    return g_strdupv ((char **) success);

  return g_strdupv ((char **) none);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
rebuild_owner_filter (KeelObjectivesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected_id = NULL;
  guint selected = gtk_drop_down_get_selected (self->owner_filter);

  if (self->owners != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    selected_id = g_strdup (_keel_people_choice_id (self->owners, selected - 1));

  g_clear_pointer (&self->owners, _keel_people_choice_free);
  self->owners = _keel_people_choice_new (keel_list_page_get_workspace (KEEL_LIST_PAGE (self)), FALSE);

  gtk_string_list_append (names, _("All owners"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->owners->names)); i++)
    gtk_string_list_append (names, gtk_string_list_get_string (self->owners->names, i));

  g_signal_handlers_block_matched (self->owner_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (names));
  selected = _keel_people_choice_find (self->owners, selected_id);
  gtk_drop_down_set_selected (self->owner_filter, selected == GTK_INVALID_LIST_POSITION ? 0 : selected + 1);
  g_signal_handlers_unblock_matched (self->owner_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  keel_list_page_refilter (KEEL_LIST_PAGE (self));
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */
/* ------------------------------------------------------------------------ */

static void
people_changed_cb (KeelObjectivesPage *self)
{
  rebuild_owner_filter (self);
}

/* ------------------------------------------------------------------------ */
/* KeelListPage                                                             */
/* ------------------------------------------------------------------------ */

static gboolean
keel_objectives_page_filter (KeelListPage *page,
                             KeelRecord   *objective)
{
  KeelObjectivesPage *self = KEEL_OBJECTIVES_PAGE (page);
  guint status_pos = gtk_drop_down_get_selected (self->status_filter);
  guint owner_pos = gtk_drop_down_get_selected (self->owner_filter);

  if (status_pos > 0 && status_pos != GTK_INVALID_LIST_POSITION)
    {
      const char * const *statuses = _keel_objective_statuses ();

      if (status_pos - 1 >= g_strv_length ((char **) statuses) ||
          g_strcmp0 (statuses[status_pos - 1], keel_record_get_string (objective, "status")) != 0)
        return FALSE;
    }

  if (owner_pos > 0 && owner_pos != GTK_INVALID_LIST_POSITION && self->owners != NULL)
    {
      if (g_strcmp0 (_keel_people_choice_id (self->owners, owner_pos - 1),
                     keel_record_get_string (objective, "owner")) != 0)
        return FALSE;
    }

  return TRUE;
}

static char *
keel_objectives_page_count_text (KeelListPage *page,
                                 guint         shown,
                                 guint         total)
{
  if (shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u objective", "%u objectives", total), total);

  /* Translators: "3 of 12 objectives", after search or filters */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u objective", "%u of %u objectives", total),
                          shown, total);
}

static GtkWidget *
keel_objectives_page_create_editor (KeelListPage *page,
                                    KeelRecord   *objective)
{
  return GTK_WIDGET (keel_objective_editor_new (keel_list_page_get_workspace (page), objective));
}

static void
keel_objectives_page_workspace_changed (KeelListPage *page)
{
  KeelObjectivesPage *self = KEEL_OBJECTIVES_PAGE (page);
  KeelWorkspace *workspace = keel_list_page_get_workspace (page);

  if (self->people != NULL)
    g_signal_handlers_disconnect_by_func (self->people, people_changed_cb, self);
  g_clear_object (&self->people);

  if (workspace != NULL)
    {
      self->people = g_object_ref (keel_workspace_get_records (workspace, KEEL_TYPE_PERSON));
      g_signal_connect_object (self->people, "items-changed",
                               G_CALLBACK (people_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rebuild_owner_filter (self);
}

static void
keel_objectives_page_view_changed (KeelListPage *page,
                                   guint         total)
{
  KeelObjectivesPage *self = KEEL_OBJECTIVES_PAGE (page);

  gtk_widget_set_visible (GTK_WIDGET (self->status_filter), total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_filter), total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (keel_list_page_get_search_entry (page)), total > 0);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_objectives_page_dispose (GObject *object)
{
  KeelObjectivesPage *self = (KeelObjectivesPage *)object;

  if (self->people != NULL)
    g_signal_handlers_disconnect_by_func (self->people, people_changed_cb, self);
  g_clear_object (&self->people);
  g_clear_pointer (&self->owners, _keel_people_choice_free);

  G_OBJECT_CLASS (keel_objectives_page_parent_class)->dispose (object);
}

static void
keel_objectives_page_class_init (KeelObjectivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);

  object_class->dispose = keel_objectives_page_dispose;

  page_class->record_type = KEEL_TYPE_OBJECTIVE;
  page_class->row_type = KEEL_TYPE_OBJECTIVE_ROW;
  page_class->filter = keel_objectives_page_filter;
  page_class->count_text = keel_objectives_page_count_text;
  page_class->create_editor = keel_objectives_page_create_editor;
  page_class->workspace_changed = keel_objectives_page_workspace_changed;
  page_class->view_changed = keel_objectives_page_view_changed;

  /* The table's expressions name these types */
  g_type_ensure (KEEL_TYPE_OBJECTIVE);
  g_type_ensure (KEEL_TYPE_OBJECTIVE_ROW);

  _keel_pages_ensure_style ();

  keel_list_page_class_set_template (widget_class, "/io/github/keelisms/Keel/pages/keel-objectives-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, KeelObjectivesPage, id_column);
  gtk_widget_class_bind_template_callback (widget_class, progress_value);
  gtk_widget_class_bind_template_callback (widget_class, progress_known);
  gtk_widget_class_bind_template_callback (widget_class, owner_text);
  gtk_widget_class_bind_template_callback (widget_class, owner_classes);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
}

static void
keel_objectives_page_init (KeelObjectivesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  keel_gui_fix_button_names (GTK_WIDGET (self));

  gtk_column_view_sort_by_column (gtk_column_view_column_get_column_view (self->id_column),
                                  self->id_column, GTK_SORT_ASCENDING);

  rebuild_owner_filter (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_objectives_page_new (void)
{
  return g_object_new (KEEL_TYPE_OBJECTIVES_PAGE, NULL);
}

KeelWorkspace *
keel_objectives_page_get_workspace (KeelObjectivesPage *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);

  return keel_list_page_get_workspace (KEEL_LIST_PAGE (self));
}

void
keel_objectives_page_set_workspace (KeelObjectivesPage *self,
                                    KeelWorkspace      *workspace)
{
  g_return_if_fail (KEEL_IS_OBJECTIVES_PAGE (self));

  keel_list_page_set_workspace (KEEL_LIST_PAGE (self), workspace);
}

KeelRecord *
keel_objectives_page_get_selected (KeelObjectivesPage *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);

  return keel_list_page_get_selected (KEEL_LIST_PAGE (self));
}

gboolean
keel_objectives_page_select (KeelObjectivesPage *self,
                             KeelRecord         *objective)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), FALSE);

  return keel_list_page_select (KEEL_LIST_PAGE (self), objective);
}

GtkWidget *
keel_objectives_page_open_editor (KeelObjectivesPage *self,
                                  KeelRecord         *objective)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);
  g_return_val_if_fail (!objective || KEEL_IS_OBJECTIVE (objective), NULL);

  return keel_list_page_open_editor (KEEL_LIST_PAGE (self), objective);
}

GListModel *
keel_objectives_page_get_model (KeelObjectivesPage *self)
{
  g_return_val_if_fail (KEEL_IS_OBJECTIVES_PAGE (self), NULL);

  return G_LIST_MODEL (keel_list_page_get_selection (KEEL_LIST_PAGE (self)));
}
