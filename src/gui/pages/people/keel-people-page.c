/* keel-people-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-people-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-gui-util.h"
#include "keel-records.h"
#include "keel-references.h"
#include "keel-window-private.h"

#include "keel-people-page.h"

/* How many places the reassign dialog lists before "and N more" */
#define MAX_REFERENCES_LISTED 8

struct _KeelPeoplePage
{
  KeelListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KeelPeoplePage, keel_people_page, KEEL_TYPE_LIST_PAGE)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static KeelWindow *
get_window (KeelPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KEEL_IS_WINDOW (root) ? KEEL_WINDOW (root) : NULL;
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
  KeelWorkspace *workspace = keel_list_page_get_workspace (KEEL_LIST_PAGE (self));
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
  GListModel *people = keel_workspace_get_records (keel_list_page_get_workspace (KEEL_LIST_PAGE (self)), KEEL_TYPE_PERSON);
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
  keel_gui_name_drop_down (GTK_DROP_DOWN (chooser), _("Reassign to"));
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
  keel_gui_fix_button_names (dialog);

  g_object_set_data_full (G_OBJECT (dialog), "person", g_object_ref (person), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "candidates", g_steal_pointer (&candidates),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "chooser", chooser);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reassign_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* KeelListPage                                                             */
/* ------------------------------------------------------------------------ */

static void
keel_people_page_delete_record (KeelListPage *page,
                                KeelRecord   *person)
{
  keel_people_page_delete (KEEL_PEOPLE_PAGE (page), person);
}

/* 1: top management, 2: the review team */
static gboolean
role_filter (KeelListPage *page,
             KeelRecord   *person,
             guint         choice)
{
  return keel_record_get_boolean (person, choice == 1 ? "top_management" : "review_team");
}

/* Both flags in one column: two columns of "Yes" under long headings took
 * the room the e-mail addresses need */
static char *
role_text (KeelListPage *page,
           KeelRecord   *person)
{
  gboolean top = keel_record_get_boolean (person, "top_management");
  gboolean team = keel_record_get_boolean (person, "review_team");

  if (top && team)
    return g_strdup (_("Top management, review team"));
  if (top)
    return g_strdup (_("Top management"));
  if (team)
    return g_strdup (_("Review team"));

  return g_strdup ("");
}

static void
keel_people_page_class_init (KeelPeoplePageClass *klass)
{
  KeelListPageClass *page_class = KEEL_LIST_PAGE_CLASS (klass);
  static const char * const roles[] = { N_("Top management"), N_("Review team"), NULL };

  page_class->delete_record = keel_people_page_delete_record;

  keel_list_page_class_set_kind (page_class, "person");
  keel_list_page_class_add_column (page_class, "name");
  keel_list_page_class_add_column (page_class, "email");
  keel_list_page_class_add_column (page_class, "job_title");
  keel_list_page_class_add_column (page_class, "department");
  keel_list_page_class_add_computed_column (page_class, "role", N_("Role"), role_text, NULL);
  keel_list_page_class_add_custom_filter (page_class, N_("Role"), roles, role_filter);
  keel_list_page_class_set_empty_state (page_class, "system-users-symbolic",
                                        N_("No People Yet"),
                                        N_("Add the people of your ISMS: top management, the review team, "
                                           "and whoever owns an objective, a policy or an action."));
}

static void
keel_people_page_init (KeelPeoplePage *self)
{
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

void
keel_people_page_delete (KeelPeoplePage *self,
                         KeelRecord     *person)
{
  g_autoptr(GPtrArray) references = NULL;
  KeelWorkspace *workspace;
  KeelWindow *window;

  g_return_if_fail (KEEL_IS_PEOPLE_PAGE (self));
  g_return_if_fail (KEEL_IS_PERSON (person));

  workspace = keel_list_page_get_workspace (KEEL_LIST_PAGE (self));
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
