/* keel-people-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-people-page"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-gui-util.h"
#include "keel-people-page.h"
#include "keel-person-editor.h"
#include "keel-records.h"
#include "keel-references.h"
#include "keel-window-private.h"

/* The people of the ISMS: a sortable table with search, an editor, and a
 * delete that never leaves a reference dangling: whoever is referred to
 * elsewhere hands their references to someone else first. */

#define MAX_REFERENCES_LISTED 8

struct _KeelPeoplePage
{
  KeelTablePage         parent_instance;

  GSignalGroup        *workspace_signals;

  /* Template widgets */
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *email_column;
  GtkColumnViewColumn *job_title_column;
  GtkColumnViewColumn *department_column;
  GtkColumnViewColumn *top_management_column;
  GtkColumnViewColumn *review_team_column;
};

G_DEFINE_FINAL_TYPE (KeelPeoplePage, keel_people_page, KEEL_TYPE_TABLE_PAGE)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static KeelWindow *
get_window (KeelPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KEEL_IS_WINDOW (root) ? KEEL_WINDOW (root) : NULL;
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

/* PER-2 before PER-10 */
static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const char *id_a = keel_record_get_id ((KeelRecord *) a);
  const char *id_b = keel_record_get_id ((KeelRecord *) b);
  const char *dash_a = id_a ? strrchr (id_a, '-') : NULL;
  const char *dash_b = id_b ? strrchr (id_b, '-') : NULL;
  guint64 n_a = dash_a ? g_ascii_strtoull (dash_a + 1, NULL, 10) : 0;
  guint64 n_b = dash_b ? g_ascii_strtoull (dash_b + 1, NULL, 10) : 0;

  if (n_a != n_b)
    return n_a < n_b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return gtk_ordering_from_cmpfunc (g_strcmp0 (id_a, id_b));
}

static void
resort (KeelPeoplePage *self)
{
  GtkColumnViewColumn *columns[] = {
    self->id_column, self->name_column, self->email_column, self->job_title_column,
    self->department_column, self->top_management_column, self->review_team_column,
  };

  /* Sorters do not watch the records; a changed one may belong elsewhere */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkSorter *sorter = gtk_column_view_column_get_sorter (columns[i]);

      if (sorter != NULL)
        gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }

  keel_table_page_refilter (KEEL_TABLE_PAGE (self));
}

static char *
describe_record (KeelRecord *record)
{
  const char *title = NULL;

  if (keel_record_find_field (record, "title") != NULL)
    title = keel_record_get_string (record, "title");
  else if (keel_record_find_field (record, "name") != NULL)
    title = keel_record_get_string (record, "name");

  if (title != NULL)
    /* Translators: a record id and its title, e.g. POL-3 “Access control” */
    return g_strdup_printf (_("%s “%s”"), keel_record_get_id (record), title);

  return g_strdup (keel_record_get_id (record));
}

static char *
describe_references (GPtrArray *references)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < references->len && i < MAX_REFERENCES_LISTED; i++)
    {
      KeelReference *reference = g_ptr_array_index (references, i);
      g_autofree char *record = describe_record (reference->record);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: where a person is referred to: a record, then its field */
      g_string_append_printf (text, _("%s, field %s"), record, reference->field);
    }

  if (references->len > MAX_REFERENCES_LISTED)
    {
      guint more = references->len - MAX_REFERENCES_LISTED;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "and %u more place",
                                                 "and %u more places", more), more);
    }

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                  */
/* ------------------------------------------------------------------------ */

static void
editor_saved_cb (KeelPeoplePage   *self,
                 KeelRecord       *person,
                 KeelPersonEditor *editor)
{
  GListModel *shown = keel_people_page_get_model (self);
  guint position;

  resort (self);

  /* Show where the person is now */
  for (position = 0; position < g_list_model_get_n_items (shown); position++)
    {
      g_autoptr(KeelRecord) item = g_list_model_get_item (shown, position);

      if (item == person)
        {
          keel_people_page_select (self, position);
          break;
        }
    }
}

static GtkWidget *
open_editor (KeelPeoplePage *self,
             KeelRecord     *person)
{
  KeelPersonEditor *editor;
  GtkRoot *root;

  editor = keel_person_editor_new (keel_people_page_get_workspace (self), person);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (editor),
                                  gtk_window_get_application (GTK_WINDOW (root)));
    }

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

/* ------------------------------------------------------------------------ */
/* Deleting                                                                 */
/* ------------------------------------------------------------------------ */

static void
restore_references (KeelWorkspace *workspace,
                    gpointer       user_data)
{
  keel_reference_snapshot_restore (user_data);
}

static void
reassign_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      KeelPeoplePage   *self)
{
  KeelRecord *person = g_object_get_data (G_OBJECT (dialog), "person");
  GPtrArray *candidates = g_object_get_data (G_OBJECT (dialog), "candidates");
  GtkDropDown *chooser = g_object_get_data (G_OBJECT (dialog), "chooser");
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(KeelReferenceSnapshot) snapshot = NULL;
  KeelWorkspace *workspace = keel_people_page_get_workspace (self);
  KeelWindow *window = get_window (self);
  KeelRecord *heir;
  guint chosen;

  if (g_strcmp0 (response, "reassign") != 0 || workspace == NULL || window == NULL)
    return;

  chosen = gtk_drop_down_get_selected (chooser);
  if (candidates == NULL || chosen >= candidates->len)
    return;
  heir = g_ptr_array_index (candidates, chosen);

  /* Looked up again: something may have changed while the dialog was up */
  references = keel_workspace_find_references (workspace, keel_record_get_id (person));
  snapshot = keel_reference_snapshot_new (references);

  if (!keel_workspace_reassign_references (workspace, keel_record_get_id (person),
                                           keel_record_get_id (heir)))
    {
      keel_reference_snapshot_restore (snapshot);
      keel_window_show_error (window, _("The references could not all be reassigned; "
                                        "nobody was deleted"));
      return;
    }

  _keel_window_delete_with_undo_full (window, person, keel_record_get_string (person, "name"),
                                      restore_references, g_steal_pointer (&snapshot),
                                      (GDestroyNotify) keel_reference_snapshot_free);
}

static void
ask_to_reassign (KeelPeoplePage *self,
                 KeelRecord     *person,
                 GPtrArray      *references)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *people = keel_workspace_get_records (keel_people_page_get_workspace (self), KEEL_TYPE_PERSON);
  g_autofree char *where = describe_references (references);
  g_autofree char *body = NULL;
  const char *name = keel_record_get_string (person, "name");
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *row;
  GtkWidget *chooser;

  if (name == NULL)
    name = keel_record_get_id (person);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KeelRecord) other = g_list_model_get_item (people, i);
      g_autofree char *label_text = NULL;

      if (other == person)
        continue;

      label_text = describe_record (other);
      gtk_string_list_append (names, label_text);
      g_ptr_array_add (candidates, g_object_ref (other));
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s is referred to in %u place. Choose who takes it over.",
                                       "%s is referred to in %u places. Choose who takes them over.",
                                       references->len),
                          name, references->len);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Reassign Before Deleting?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reassign", _("_Reassign and Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reassign",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  label = gtk_label_new (where);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "references");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Where they are referred to"),
                                  -1);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (_("Reassign to"));
  chooser = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_hexpand (chooser, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reassign to"),
                                  -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), chooser);
  gtk_box_append (GTK_BOX (box), row);

  if (candidates->len == 0)
    {
      GtkWidget *hint = gtk_label_new (_("There is nobody else yet: add the person who takes "
                                         "over first."));

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (box), hint);
      gtk_widget_set_sensitive (row, FALSE);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reassign", FALSE);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), "person", g_object_ref (person), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "candidates", g_steal_pointer (&candidates),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "chooser", chooser);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reassign_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Callbacks and actions                                                    */
/* ------------------------------------------------------------------------ */

static void
workspace_reloaded_cb (KeelPeoplePage *self)
{
  resort (self);
}

/* Template closures */
static char *
format_yes (gpointer unused,
            gboolean value)
{
  return g_strdup (value ? _("Yes") : "");
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KeelTablePage *page = KEEL_TABLE_PAGE (widget);
  KeelRecord *person = keel_table_page_get_selected (page);

  if (person != NULL)
    keel_table_page_open_editor (page, person);
}

/* ------------------------------------------------------------------------ */
/* KeelTablePage                                                             */
/* ------------------------------------------------------------------------ */

static gboolean
keel_people_page_matches (KeelTablePage *page,
                          gpointer      item,
                          const char   *needle)
{
  static const char * const keys[] = { "name", "email", "job_title", "department" };
  KeelRecord *person = item;

  if (contains_casefolded (keel_record_get_id (person), needle))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (contains_casefolded (keel_record_get_string (person, keys[i]), needle))
      return TRUE;

  return FALSE;
}

static char *
keel_people_page_count_text (KeelTablePage *page,
                             guint         shown,
                             guint         total)
{
  if (shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", total), total);

  /* Translators: people shown by a search, of all of them */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person", "%u of %u people", total),
                          shown, total);
}

static GtkWidget *
keel_people_page_open_editor (KeelTablePage *page,
                              KeelRecord   *person)
{
  return open_editor (KEEL_PEOPLE_PAGE (page), person);
}

static void
keel_people_page_delete_record (KeelTablePage *page,
                                KeelRecord   *person)
{
  keel_people_page_delete (KEEL_PEOPLE_PAGE (page), person);
}

static void
keel_people_page_workspace_changed (KeelTablePage *page)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (page);

  g_signal_group_set_target (self->workspace_signals, keel_table_page_get_workspace (page));
  gtk_editable_set_text (GTK_EDITABLE (keel_table_page_get_search_entry (page)), "");
}

static void
keel_people_page_update_actions (KeelTablePage *page)
{
  gboolean has_workspace = keel_table_page_get_workspace (page) != NULL;
  gboolean has_selection = keel_table_page_get_selected (page) != NULL;

  KEEL_TABLE_PAGE_CLASS (keel_people_page_parent_class)->update_actions (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "page.delete", has_workspace && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "page.edit", has_workspace && has_selection);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_people_page_dispose (GObject *object)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (object);

  g_clear_object (&self->workspace_signals);

  G_OBJECT_CLASS (keel_people_page_parent_class)->dispose (object);
}

static void
keel_people_page_class_init (KeelPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KeelTablePageClass *page_class = KEEL_TABLE_PAGE_CLASS (klass);

  object_class->dispose = keel_people_page_dispose;

  page_class->record_type = KEEL_TYPE_PERSON;
  page_class->matches = keel_people_page_matches;
  page_class->count_text = keel_people_page_count_text;
  page_class->open_editor = keel_people_page_open_editor;
  page_class->delete_record = keel_people_page_delete_record;
  page_class->workspace_changed = keel_people_page_workspace_changed;
  page_class->update_actions = keel_people_page_update_actions;

  g_type_ensure (KEEL_TYPE_PERSON);

  keel_table_page_class_set_template (widget_class, "/io/github/keelisms/Keel/keel-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, id_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, name_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, email_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, job_title_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, department_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, top_management_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, review_team_column);
  gtk_widget_class_bind_template_callback (widget_class, format_yes);

  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);
}

static void
keel_people_page_init (KeelPeoplePage *self)
{
  GtkSingleSelection *selection = keel_table_page_get_selection (KEEL_TABLE_PAGE (self));
  g_autoptr(GtkCustomSorter) id_sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Nobody is selected until someone is clicked */
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);

  id_sorter = gtk_custom_sorter_new (compare_ids, NULL, NULL);
  gtk_column_view_column_set_sorter (self->id_column, GTK_SORTER (id_sorter));

  self->workspace_signals = g_signal_group_new (KEEL_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "reloaded",
                                  G_CALLBACK (workspace_reloaded_cb), self);

  gtk_search_entry_set_key_capture_widget (keel_table_page_get_search_entry (KEEL_TABLE_PAGE (self)),
                                           GTK_WIDGET (gtk_column_view_column_get_column_view (self->id_column)));
  keel_gui_fix_button_names (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_people_page_new (void)
{
  return g_object_new (KEEL_TYPE_PEOPLE_PAGE, NULL);
}

KeelWorkspace *
keel_people_page_get_workspace (KeelPeoplePage *self)
{
  g_return_val_if_fail (KEEL_IS_PEOPLE_PAGE (self), NULL);

  return keel_table_page_get_workspace (KEEL_TABLE_PAGE (self));
}

void
keel_people_page_set_workspace (KeelPeoplePage *self,
                                KeelWorkspace  *workspace)
{
  g_return_if_fail (KEEL_IS_PEOPLE_PAGE (self));

  keel_table_page_set_workspace (KEEL_TABLE_PAGE (self), workspace);
}

/**
 * keel_people_page_get_model:
 *
 * Returns: (transfer none): the people as the table shows them
 */
GListModel *
keel_people_page_get_model (KeelPeoplePage *self)
{
  g_return_val_if_fail (KEEL_IS_PEOPLE_PAGE (self), NULL);

  return G_LIST_MODEL (keel_table_page_get_selection (KEEL_TABLE_PAGE (self)));
}

void
keel_people_page_select (KeelPeoplePage *self,
                         guint           position)
{
  g_return_if_fail (KEEL_IS_PEOPLE_PAGE (self));

  gtk_single_selection_set_selected (keel_table_page_get_selection (KEEL_TABLE_PAGE (self)), position);
}

void
keel_people_page_delete (KeelPeoplePage *self,
                         KeelRecord     *person)
{
  g_autoptr(GPtrArray) references = NULL;
  KeelWorkspace *workspace;
  KeelWindow *window;

  g_return_if_fail (KEEL_IS_PEOPLE_PAGE (self));
  g_return_if_fail (KEEL_IS_PERSON (person));

  workspace = keel_people_page_get_workspace (self);
  window = get_window (self);
  if (workspace == NULL || window == NULL)
    return;

  references = keel_workspace_find_references (workspace, keel_record_get_id (person));
  if (references->len > 0)
    {
      ask_to_reassign (self, person, references);
      return;
    }

  keel_window_delete_with_undo (window, person, keel_record_get_string (person, "name"));
}
