/* keel-window-toasts.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-window"

/* How long a toast takes to slide in (libadwaita's SHOW_DURATION), and a
 * little more */
#define TOAST_SHOW_MS 350

#include "config.h"

#include <glib/gi18n-lib.h>

#include "keel-window-private.h"

/* The window's toasts, and the undo of a delete that its toast offers.
 *
 * libadwaita 1.2 keeps a toast that an urgent one pushes aside, and shows
 * it again once the urgent one goes; if that happens before the pushed one
 * has finished sliding out, it aborts ("show_toast: assertion failed:
 * (!info->widget)"): an Undo at once after a delete did it. So the window
 * queues its toasts itself and hands the overlay one at a time, only once
 * the one before has left the screen; an urgent toast goes to the head of
 * the queue and has the one on screen dismissed. The overlay never holds
 * two of Keel's toasts, never pushes one aside, never shows one twice.
 * Each toast is a new AdwToast, added once. */

typedef struct
{
  KeelWindow *self;
  AdwToast   *toast;
  guint       id;
} Dismissal;

static void show_next_toast (KeelWindow *self);

/* ------------------------------------------------------------------------ */
/* Dismissing                                                               */
/* ------------------------------------------------------------------------ */

static void
dismissal_free (gpointer data)
{
  Dismissal *dismissal = data;

  g_object_unref (dismissal->toast);
  g_free (dismissal);
}

static gboolean
dismiss_toast_cb (gpointer data)
{
  Dismissal *dismissal = data;

  g_ptr_array_remove (dismissal->self->dismissals, dismissal);
  adw_toast_dismiss (dismissal->toast);

  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 frees a toast twice when it is dismissed while it is still
 * sliding in: wait for the slide to end */
static void
dismiss_shown_toast (KeelWindow *self)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - self->toast_shown_at) / 1000;
  Dismissal *dismissal;

  if (elapsed_ms >= TOAST_SHOW_MS)
    {
      adw_toast_dismiss (self->toast_shown);
      return;
    }

  for (guint i = 0; i < self->dismissals->len; i++)
    if (((Dismissal *) g_ptr_array_index (self->dismissals, i))->toast == self->toast_shown)
      return;

  dismissal = g_new0 (Dismissal, 1);
  dismissal->self = self;
  dismissal->toast = g_object_ref (self->toast_shown);
  dismissal->id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (TOAST_SHOW_MS - elapsed_ms),
                                      dismiss_toast_cb, dismissal, dismissal_free);
  g_ptr_array_add (self->dismissals, dismissal);
}

/* Takes @toast away: out of the queue if it waits there, off the screen
 * if it is shown */
static void
withdraw_toast (KeelWindow *self,
                AdwToast   *toast)
{
  GList *link = g_queue_find (self->toasts, toast);

  if (link != NULL)
    {
      g_queue_delete_link (self->toasts, link);
      g_object_unref (toast);
    }
  else if (toast == self->toast_shown)
    dismiss_shown_toast (self);
}

/* ------------------------------------------------------------------------ */
/* The queue                                                                */
/* ------------------------------------------------------------------------ */

/* A toast that left is taken off the overlay when it has slid out */
static gboolean
overlay_has_toasts (KeelWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (self->toast_overlay))
      return TRUE;

  return FALSE;
}

static gboolean
overlay_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  KeelWindow *self = user_data;

  if (overlay_has_toasts (self))
    return G_SOURCE_CONTINUE;

  self->toast_tick_id = 0;
  show_next_toast (self);

  return G_SOURCE_REMOVE;
}

static void
toast_dismissed_cb (KeelWindow *self,
                    AdwToast   *toast)
{
  g_signal_handlers_disconnect_by_func (toast, toast_dismissed_cb, self);

  if (toast != self->toast_shown)
    return;

  g_clear_object (&self->toast_shown);
  g_clear_handle_id (&self->toast_ready_id, g_source_remove);
  _keel_window_update_actions (self);
  show_next_toast (self);
}

static gboolean
toast_ready_cb (gpointer data)
{
  KeelWindow *self = data;

  self->toast_ready_id = 0;
  _keel_window_update_actions (self);

  return G_SOURCE_REMOVE;
}

/* The next toast of the queue, once the overlay shows none */
static void
show_next_toast (KeelWindow *self)
{
  AdwToast *toast;

  if (self->toast_shown != NULL || self->toast_tick_id != 0 || g_queue_is_empty (self->toasts))
    return;

  /* Unmapped, the overlay does not animate: toasts go at once */
  if (overlay_has_toasts (self) && gtk_widget_get_mapped (GTK_WIDGET (self->toast_overlay)))
    {
      self->toast_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->toast_overlay),
                                                          overlay_tick_cb, self, NULL);
      return;
    }

  toast = g_queue_pop_head (self->toasts);
  self->toast_shown = g_object_ref (toast);
  self->toast_shown_at = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);

  /* Alone in the overlay: shown at once, pushing nothing aside */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_clear_handle_id (&self->toast_ready_id, g_source_remove);
  self->toast_ready_id = g_timeout_add (TOAST_SHOW_MS, toast_ready_cb, self);
  _keel_window_update_actions (self);
}

/* Shows @toast (transfer full) after those before it, or, if @urgent, at
 * once in place of the one on screen */
static void
add_toast (KeelWindow *self,
           AdwToast   *toast,
           gboolean    urgent)
{
  /* The window is going */
  if (self->toasts == NULL)
    {
      g_object_unref (toast);
      return;
    }

  if (urgent)
    {
      g_queue_push_head (self->toasts, toast);
      if (self->toast_shown != NULL)
        dismiss_shown_toast (self);
    }
  else
    g_queue_push_tail (self->toasts, toast);

  show_next_toast (self);
}

void
_keel_window_init_toasts (KeelWindow *self)
{
  self->toasts = g_queue_new ();
  self->dismissals = g_ptr_array_new ();
}

void
_keel_window_dispose_toasts (KeelWindow *self)
{
  /* A precaution: hidden first, the overlay ends its slides (libadwaita's
   * animations end when unmapped) while their toasts are still there,
   * before it frees them */
  if (self->toast_overlay != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->toast_overlay), FALSE);

  if (self->toast_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->toast_overlay), self->toast_tick_id);
      self->toast_tick_id = 0;
    }

  g_clear_handle_id (&self->toast_ready_id, g_source_remove);

  if (self->dismissals != NULL)
    {
      g_autoptr(GPtrArray) dismissals = g_steal_pointer (&self->dismissals);

      for (guint i = 0; i < dismissals->len; i++)
        g_source_remove (((Dismissal *) g_ptr_array_index (dismissals, i))->id);
    }

  if (self->toast_shown != NULL)
    g_signal_handlers_disconnect_by_func (self->toast_shown, toast_dismissed_cb, self);
  g_clear_object (&self->toast_shown);
  if (self->toasts != NULL)
    g_queue_free_full (g_steal_pointer (&self->toasts), g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Undo                                                                     */
/* ------------------------------------------------------------------------ */

static void
undo_toast_dismissed_cb (KeelWindow *self,
                         AdwToast   *toast)
{
  if (self->undo_toast == toast)
    _keel_window_clear_undo (self);
}

gboolean
_keel_window_undo_toast_ready (KeelWindow *self)
{
  return self->undo_toast != NULL && self->undo_toast == self->toast_shown && self->toast_ready_id == 0;
}

void
_keel_window_clear_undo (KeelWindow *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  g_clear_object (&self->undo_record);
  if (self->undo_destroy != NULL && self->undo_data != NULL)
    self->undo_destroy (self->undo_data);
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;

  if (toast != NULL && self->toasts != NULL)
    withdraw_toast (self, toast);

  _keel_window_update_actions (self);
}

/* Puts back the record deleted last, where it was */
void
_keel_window_undo (KeelWindow *self)
{
  g_autoptr(KeelRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  KeelUndoFunc func;
  gpointer data;
  GDestroyNotify destroy;

  if (self->undo_record == NULL || self->workspace == NULL)
    return;

  record = g_steal_pointer (&self->undo_record);
  func = self->undo_func;
  data = self->undo_data;
  destroy = self->undo_destroy;
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  toast = g_steal_pointer (&self->undo_toast);

  if (keel_workspace_lookup (self->workspace, keel_record_get_id (record)) == NULL)
    {
      keel_workspace_insert (self->workspace, record, self->undo_position);
      if (func != NULL)
        func (self->workspace, data);
    }

  if (destroy != NULL && data != NULL)
    destroy (data);

  if (toast != NULL && self->toasts != NULL)
    withdraw_toast (self, toast);

  _keel_window_update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

void
keel_window_toast (KeelWindow *self,
                   const char *message)
{
  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  add_toast (self, adw_toast_new (message), FALSE);
}

void
_keel_window_toast_urgent (KeelWindow *self,
                           const char *message)
{
  AdwToast *toast;

  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  add_toast (self, toast, TRUE);
}

void
keel_window_show_error (KeelWindow *self,
                        const char *message)
{
  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_warning ("%s", message);

  _keel_window_toast_urgent (self, message);
}

void
_keel_window_delete_with_undo_full (KeelWindow     *self,
                                    KeelRecord     *record,
                                    const char     *title,
                                    KeelUndoFunc    undo_func,
                                    gpointer        user_data,
                                    GDestroyNotify  destroy)
{
  g_autoptr(KeelRecord) keep = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  guint position = 0;

  g_return_if_fail (KEEL_IS_WINDOW (self));
  g_return_if_fail (KEEL_IS_RECORD (record));

  /* The list may hold the only reference, and the title may be the
   * record's own string */
  keep = g_object_ref (record);
  name = g_strdup (title != NULL && title[0] != '\0' ? title : keel_record_get_id (record));

  if (self->workspace == NULL || !keel_workspace_remove (self->workspace, record, &position))
    {
      if (destroy != NULL && user_data != NULL)
        destroy (user_data);
      return;
    }

  /* Only the last delete can be undone */
  _keel_window_clear_undo (self);

  self->undo_record = g_object_ref (record);
  self->undo_position = position;
  self->undo_func = undo_func;
  self->undo_data = user_data;
  self->undo_destroy = destroy;

  message = g_strdup_printf (_("“%s” deleted"), name);

  /* A new toast for each delete: the window keeps a reference to take it
   * away on Undo, the queue another */
  self->undo_toast = adw_toast_new (message);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo-from-toast");
  g_signal_connect_object (self->undo_toast, "dismissed",
                           G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  add_toast (self, g_object_ref (self->undo_toast), TRUE);

  _keel_window_update_actions (self);
}

void
keel_window_delete_with_undo (KeelWindow *self,
                              KeelRecord *record,
                              const char *title)
{
  _keel_window_delete_with_undo_full (self, record, title, NULL, NULL, NULL);
}
