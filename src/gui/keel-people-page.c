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

#include "keel-adaptive-layout.h"
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
  GtkWidget            parent_instance;

  KeelWorkspace       *workspace;
  GSignalGroup        *workspace_signals;

  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkCustomFilter     *filter;

  /* Template widgets */
  GtkBox              *toolbar;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *email_column;
  GtkColumnViewColumn *job_title_column;
  GtkColumnViewColumn *department_column;
  GtkColumnViewColumn *top_management_column;
  GtkColumnViewColumn *review_team_column;
};

G_DEFINE_FINAL_TYPE (KeelPeoplePage, keel_people_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static gboolean
filter_person (gpointer item,
               gpointer user_data)
{
  KeelPeoplePage *self = user_data;
  KeelRecord *person = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  static const char * const keys[] = { "name", "email", "job_title", "department" };

  if (text == NULL || text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);

  if (contains_casefolded (keel_record_get_id (person), needle))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (contains_casefolded (keel_record_get_string (person, keys[i]), needle))
      return TRUE;

  return FALSE;
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
update_stack (KeelPeoplePage *self)
{
  GListModel *records = gtk_filter_list_model_get_model (self->filter_model);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  guint n_all = records ? g_list_model_get_n_items (records) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (n_all == 0)
    count = NULL;
  else if (n_shown == n_all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_all), n_all);
  else
    /* Translators: people shown by a search, of all of them */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person", "%u of %u people", n_all),
                             n_shown, n_all);
  gtk_label_set_text (self->count_label, count ? count : "");

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 &&
           text != NULL && text[0] != '\0')
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
update_actions (KeelPeoplePage *self)
{
  gboolean has_workspace = self->workspace != NULL;
  gboolean has_selection = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", has_workspace && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", has_workspace && has_selection);
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

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
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
  guint position;

  resort (self);

  /* Show where the person is now */
  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); position++)
    {
      g_autoptr(KeelRecord) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (item == person)
        {
          keel_people_page_select (self, position);
          break;
        }
    }
}

static void
open_editor (KeelPeoplePage *self,
             KeelRecord     *person)
{
  KeelPersonEditor *editor;
  GtkRoot *root;

  if (self->workspace == NULL)
    return;

  editor = keel_person_editor_new (self->workspace, person);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (editor),
                                  gtk_window_get_application (GTK_WINDOW (root)));
    }

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
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
  KeelWindow *window = get_window (self);
  KeelRecord *heir;
  guint chosen;

  if (g_strcmp0 (response, "reassign") != 0 || self->workspace == NULL || window == NULL)
    return;

  chosen = gtk_drop_down_get_selected (chooser);
  if (candidates == NULL || chosen >= candidates->len)
    return;
  heir = g_ptr_array_index (candidates, chosen);

  /* Looked up again: something may have changed while the dialog was up */
  references = keel_workspace_find_references (self->workspace, keel_record_get_id (person));
  snapshot = keel_reference_snapshot_new (references);

  if (!keel_workspace_reassign_references (self->workspace, keel_record_get_id (person),
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
  GListModel *people = keel_workspace_get_records (self->workspace, KEEL_TYPE_PERSON);
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
search_changed_cb (KeelPeoplePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
stop_search_cb (KeelPeoplePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
activate_cb (KeelPeoplePage *self,
             guint           position)
{
  g_autoptr(KeelRecord) person = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (person != NULL)
    open_editor (self, person);
}

static void
items_changed_cb (KeelPeoplePage *self)
{
  update_stack (self);
  update_actions (self);
}

static void
selection_changed_cb (KeelPeoplePage *self)
{
  update_actions (self);
}

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
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (KEEL_PEOPLE_PAGE (widget), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (widget);
  KeelRecord *person = gtk_single_selection_get_selected_item (self->selection);

  if (person != NULL)
    keel_people_page_delete (self, person);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (widget);
  KeelRecord *person = gtk_single_selection_get_selected_item (self->selection);

  if (person != NULL)
    open_editor (self, person);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_people_page_dispose (GObject *object)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KEEL_TYPE_PEOPLE_PAGE);

  /* The template's root is not a bound child: it goes too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->workspace);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (keel_people_page_parent_class)->dispose (object);
}

static void
keel_people_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_people_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KeelPeoplePage *self = KEEL_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      keel_people_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_people_page_class_init (KeelPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_people_page_dispose;
  object_class->get_property = keel_people_page_get_property;
  object_class->set_property = keel_people_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         KEEL_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEEL_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keelisms/Keel/keel-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, id_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, name_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, email_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, job_title_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, department_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, top_management_column);
  gtk_widget_class_bind_template_child (widget_class, KeelPeoplePage, review_team_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_yes);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
keel_people_page_init (KeelPeoplePage *self)
{
  g_autoptr(GtkCustomSorter) id_sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  _keel_toolbar_layout_apply (self->toolbar);

  self->filter = gtk_custom_filter_new (filter_person, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  id_sorter = gtk_custom_sorter_new (compare_ids, NULL, NULL);
  gtk_column_view_column_set_sorter (self->id_column, GTK_SORTER (id_sorter));

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  self->workspace_signals = g_signal_group_new (KEEL_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "reloaded",
                                  G_CALLBACK (workspace_reloaded_cb), self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  keel_gui_fix_button_names (GTK_WIDGET (self));

  update_stack (self);
  update_actions (self);
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

  return self->workspace;
}

void
keel_people_page_set_workspace (KeelPeoplePage *self,
                                KeelWorkspace  *workspace)
{
  g_return_if_fail (KEEL_IS_PEOPLE_PAGE (self));
  g_return_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  g_signal_group_set_target (self->workspace_signals, workspace);
  gtk_filter_list_model_set_model (self->filter_model,
                                   workspace ? keel_workspace_get_records (workspace, KEEL_TYPE_PERSON)
                                             : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  update_stack (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
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

  return G_LIST_MODEL (self->selection);
}

void
keel_people_page_select (KeelPeoplePage *self,
                         guint           position)
{
  g_return_if_fail (KEEL_IS_PEOPLE_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

void
keel_people_page_delete (KeelPeoplePage *self,
                         KeelRecord     *person)
{
  g_autoptr(GPtrArray) references = NULL;
  KeelWindow *window;

  g_return_if_fail (KEEL_IS_PEOPLE_PAGE (self));
  g_return_if_fail (KEEL_IS_PERSON (person));

  window = get_window (self);
  if (self->workspace == NULL || window == NULL)
    return;

  references = keel_workspace_find_references (self->workspace, keel_record_get_id (person));
  if (references->len > 0)
    {
      ask_to_reassign (self, person, references);
      return;
    }

  keel_window_delete_with_undo (window, person, keel_record_get_string (person, "name"));
}
