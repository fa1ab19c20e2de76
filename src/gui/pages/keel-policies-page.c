/* keel-policies-page.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-policies-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "keel-policies-page.h"

struct _KeelPoliciesPage
{
  GtkWidget      parent_instance;

  KeelWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (KeelPoliciesPage, keel_policies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
keel_policies_page_dispose (GObject *object)
{
  KeelPoliciesPage *self = (KeelPoliciesPage *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (keel_policies_page_parent_class)->dispose (object);
}

static void
keel_policies_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KeelPoliciesPage *self = KEEL_POLICIES_PAGE (object);

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
keel_policies_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KeelPoliciesPage *self = KEEL_POLICIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      keel_policies_page_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
keel_policies_page_class_init (KeelPoliciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = keel_policies_page_dispose;
  object_class->get_property = keel_policies_page_get_property;
  object_class->set_property = keel_policies_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         KEEL_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
keel_policies_page_init (KeelPoliciesPage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Coming soon"));
  gtk_widget_set_parent (status, GTK_WIDGET (self));
}

GtkWidget *
keel_policies_page_new (void)
{
  return g_object_new (KEEL_TYPE_POLICIES_PAGE, NULL);
}

KeelWorkspace *
keel_policies_page_get_workspace (KeelPoliciesPage *self)
{
  g_return_val_if_fail (KEEL_IS_POLICIES_PAGE (self), NULL);

  return self->workspace;
}

void
keel_policies_page_set_workspace (KeelPoliciesPage *self,
                                 KeelWorkspace *workspace)
{
  g_return_if_fail (KEEL_IS_POLICIES_PAGE (self));
  g_return_if_fail (!workspace || KEEL_IS_WORKSPACE (workspace));

  if (g_set_object (&self->workspace, workspace))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}
