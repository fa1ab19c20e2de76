/* keel-welcome-view.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-welcome-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "keel-gui-util.h"
#include "keel-welcome-view.h"

/* What a folder without keel.json shows: a form for a new workspace (the
 * organisation and its top manager), the demo, or another folder. The
 * window does the work; the view only knows whether its values will do.
 * It emits "create" when they do and the user asks for it. */

struct _KeelWelcomeView
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;
  AdwEntryRow   *organisation_row;
  AdwComboRow   *size_row;
  AdwEntryRow   *manager_name_row;
  AdwEntryRow   *manager_email_row;
  GtkButton     *create_button;
  GtkButton     *demo_button;
  GtkButton     *choose_button;

  /* rows show their error once they have been edited */
  guint          touched_organisation : 1;
  guint          touched_name : 1;
  guint          touched_email : 1;
  guint          busy : 1;
};

G_DEFINE_FINAL_TYPE (KeelWelcomeView, keel_welcome_view, GTK_TYPE_WIDGET)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static void
update_state (KeelWelcomeView *self)
{
  KeelWelcomeValues values;
  KeelFormProblems problems = keel_welcome_view_get_values (self, &values);

  keel_gui_set_error (GTK_WIDGET (self->organisation_row),
                      self->touched_organisation && (problems & KEEL_FORM_NEEDS_ORGANISATION));
  keel_gui_set_error (GTK_WIDGET (self->manager_name_row),
                      self->touched_name && (problems & KEEL_FORM_NEEDS_NAME));
  keel_gui_set_error (GTK_WIDGET (self->manager_email_row),
                      (problems & KEEL_FORM_BAD_EMAIL) ||
                      (self->touched_email && (problems & KEEL_FORM_NEEDS_EMAIL)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            problems == KEEL_FORM_OK && !self->busy);
}

static void
try_create (KeelWelcomeView *self)
{
  KeelWelcomeValues values;

  if (self->busy || keel_welcome_view_get_values (self, &values) != KEEL_FORM_OK)
    return;

  g_signal_emit (self, signals[CREATE], 0);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */
/* ------------------------------------------------------------------------ */

static void
organisation_changed_cb (KeelWelcomeView *self)
{
  self->touched_organisation = TRUE;
  update_state (self);
}

static void
manager_name_changed_cb (KeelWelcomeView *self)
{
  self->touched_name = TRUE;
  update_state (self);
}

static void
manager_email_changed_cb (KeelWelcomeView *self)
{
  self->touched_email = TRUE;
  update_state (self);
}

static void
create_clicked_cb (KeelWelcomeView *self)
{
  try_create (self);
}

static void
entry_activated_cb (KeelWelcomeView *self)
{
  try_create (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */
/* ------------------------------------------------------------------------ */

static void
keel_welcome_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KEEL_TYPE_WELCOME_VIEW);

  /* The template's root is not a bound child: it goes too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (keel_welcome_view_parent_class)->dispose (object);
}

static void
keel_welcome_view_class_init (KeelWelcomeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_welcome_view_dispose;

  /* The values will do and the user asked for the workspace */
  signals[CREATE] =
    g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keelisms/Keel/keel-welcome-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, status_page);
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, size_row);
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, manager_name_row);
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, manager_email_row);
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, create_button);
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, demo_button);
  gtk_widget_class_bind_template_child (widget_class, KeelWelcomeView, choose_button);
  gtk_widget_class_bind_template_callback (widget_class, organisation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, manager_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, manager_email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
keel_welcome_view_init (KeelWelcomeView *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < keel_size_profile_count (); i++)
    gtk_string_list_append (sizes, keel_size_profile_label (i));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));

  keel_gui_label_entry_row (self->organisation_row);
  keel_gui_label_entry_row (self->manager_name_row);
  keel_gui_label_entry_row (self->manager_email_row);
  keel_gui_fix_button_names (GTK_WIDGET (self));

  /* Side by side they wrap rather than hold a narrow window wide */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = GTK_WIDGET (i == 0 ? self->demo_button : self->choose_button);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
        }
    }

  update_state (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

GtkWidget *
keel_welcome_view_new (void)
{
  return g_object_new (KEEL_TYPE_WELCOME_VIEW, NULL);
}

void
keel_welcome_view_set_folder (KeelWelcomeView *self,
                              GFile           *folder)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (KEEL_IS_WELCOME_VIEW (self));
  g_return_if_fail (G_IS_FILE (folder));

  name = g_file_get_parse_name (folder);
  if (g_str_has_prefix (name, g_get_home_dir ()) && name[strlen (g_get_home_dir ())] == G_DIR_SEPARATOR)
    {
      /* ~/Documents/Keel */
      char *short_name = g_strconcat ("~", name + strlen (g_get_home_dir ()), NULL);

      g_free (name);
      name = short_name;
    }
  description = g_strdup_printf (_("Set up your information security management system.\n"
                                   "Keel keeps it in %s."), name);
  adw_status_page_set_description (self->status_page, description);
}

KeelFormProblems
keel_welcome_view_get_values (KeelWelcomeView   *self,
                              KeelWelcomeValues *values)
{
  guint size;

  g_return_val_if_fail (KEEL_IS_WELCOME_VIEW (self), KEEL_FORM_NEEDS_ORGANISATION);
  g_return_val_if_fail (values != NULL, KEEL_FORM_NEEDS_ORGANISATION);

  size = adw_combo_row_get_selected (self->size_row);
  if (size >= keel_size_profile_count ())
    size = 0;

  values->organisation = gtk_editable_get_text (GTK_EDITABLE (self->organisation_row));
  values->size_profile = keel_size_profile_id (size);
  values->manager_name = gtk_editable_get_text (GTK_EDITABLE (self->manager_name_row));
  values->manager_email = gtk_editable_get_text (GTK_EDITABLE (self->manager_email_row));

  return keel_welcome_values_check (values);
}

void
keel_welcome_view_set_busy (KeelWelcomeView *self,
                            gboolean         busy)
{
  g_return_if_fail (KEEL_IS_WELCOME_VIEW (self));

  self->busy = !!busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !busy);
  update_state (self);
}

void
keel_welcome_view_reset (KeelWelcomeView *self)
{
  g_return_if_fail (KEEL_IS_WELCOME_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->manager_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->manager_email_row), "");
  adw_combo_row_set_selected (self->size_row, 0);
  self->touched_organisation = FALSE;
  self->touched_name = FALSE;
  self->touched_email = FALSE;
  self->busy = FALSE;
  keel_welcome_view_set_busy (self, FALSE);
}
