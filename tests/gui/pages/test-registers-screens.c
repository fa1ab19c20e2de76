/* test-registers-screens.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keel-date.h"
#include "keel-list-page.h"
#include "keel-parts-section.h"
#include "keel-record-editor.h"
#include "keel-window-private.h"

#include "page-test-util.h"

/* The Risks, Context, Interested parties and Roles pages and the risk
 * editor with records, at the default size, 360 px wide and dark: nothing
 * outside the table's rows is cut short and no page is wider than the
 * window. With KEEL_TEST_SHOTS_DIR set, each is written there as a PNG
 * to look at. */

/* ------------------------------------------------------------------------ */
/* On screen                                                                */
/* ------------------------------------------------------------------------ */

static KeelRecord *
new_record (KeelWorkspace *workspace,
            const char    *kind,
            ...)
{
  g_autoptr(KeelRecord) record = keel_record_new_for_kind (keel_kind_lookup (kind));
  const char *key;
  va_list args;

  va_start (args, kind);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      const KeelField *field = keel_record_find_field (record, key);

      if (field->type == KEEL_FIELD_INT)
        keel_record_set_int (record, key, g_ascii_strtoll (value, NULL, 10));
      else if (field->type == KEEL_FIELD_DATE)
        {
          g_autoptr(GDateTime) date = keel_date_parse (value);

          keel_record_set_date (record, key, date);
        }
      else
        keel_record_set_string (record, key, value);
    }
  va_end (args);

  if (workspace != NULL)
    keel_workspace_add (workspace, record);

  return g_steal_pointer (&record);
}

static void
add_part (KeelRecord *record,
          const char *key,
          KeelRecord *part)
{
  g_list_store_append (keel_record_get_children (record, key), part);
  g_object_unref (part);
}

static void
fill_all (KeelWorkspace *workspace)
{
  g_autoptr(KeelRecord) risk = NULL;
  g_autoptr(KeelRecord) party = NULL;

  risk = new_record (workspace, "risk", "title", "Phishing leads to stolen credentials and a breach of customer data",
                     "owner", "PER-1", "likelihood", "4", "impact", "5", "treatment", "mitigate",
                     "treatment_plan", "Monthly phishing drills; hardware keys for everyone with admin rights",
                     "status", "treating", NULL);
  add_part (risk, "decisions",
            new_record (NULL, "risk-decision", "on", "2026-03-02", "by", "PER-1",
                        "decision", "Treat with drills and hardware keys",
                        "rationale", "A breach would cost far more than the keys and an hour a month", NULL));
  add_part (risk, "decisions",
            new_record (NULL, "risk-decision", "on", "2026-03-20", "by", "PER-2",
                        "decision", "Order forty keys", NULL));
  g_clear_object (&risk);
  risk = new_record (workspace, "risk", "title", "Laptop stolen from a car", "owner", "PER-2",
                     "likelihood", "2", "impact", "2", "treatment", "accept", "status", "accepted", NULL);
  g_clear_object (&risk);
  risk = new_record (workspace, "risk", "title", "Cloud supplier outage", "owner", "PER-2",
                     "likelihood", "3", "impact", "3", "treatment", "transfer", NULL);
  g_clear_object (&risk);
  risk = new_record (workspace, "risk", "title", "Office flood", "owner", "PER-1", NULL);

  g_object_unref (new_record (workspace, "context-issue", "title", "New data protection law with breach notice within 72 hours",
                              "scope", "external", "noted_on", "2026-01-10", "changed_on", "2026-03-15", NULL));
  g_object_unref (new_record (workspace, "context-issue", "title", "Half the staff work from home",
                              "scope", "internal", "noted_on", "2026-02-01", NULL));
  g_object_unref (new_record (workspace, "context-issue", "title", "Main customer asks for ISO 27001",
                              "scope", "external", "noted_on", "2026-02-20", NULL));

  party = new_record (workspace, "interested-party", "name", "Customers",
                      "needs", "Their data kept safe; answers to questionnaires within a day", NULL);
  add_part (party, "feedback", new_record (NULL, "feedback", "on", "2026-02-01",
                                           "note", "Want faster answers to security questionnaires", NULL));
  g_clear_object (&party);
  party = new_record (workspace, "interested-party", "name", "Data protection regulator", NULL);
  g_clear_object (&party);
  party = new_record (workspace, "interested-party", "name", "Staff and contractors", NULL);
  add_part (party, "feedback", new_record (NULL, "feedback", "on", "2024-11-05", "note", "Too many passwords", NULL));

  g_object_unref (new_record (workspace, "role-assignment", "activity", "Run the risk assessment",
                              "person", "PER-2", "raci", "R", NULL));
  g_object_unref (new_record (workspace, "role-assignment", "activity", "Run the risk assessment",
                              "person", "PER-1", "raci", "A", NULL));
  g_object_unref (new_record (workspace, "role-assignment", "activity", "Approve the information security policy",
                              "person", "PER-1", "raci", "A", NULL));
  g_object_unref (new_record (workspace, "role-assignment", "activity", "Approve the information security policy",
                              "person", "PER-2", "raci", "A", NULL));
  g_object_unref (new_record (workspace, "role-assignment", "activity", "Report incidents to the regulator",
                              "person", "PER-2", "raci", "C", NULL));
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char *dir = g_getenv ("KEEL_TEST_SHOTS_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  page_test_iterate (200);
  texture = page_test_render (widget);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (widget));
  if (dir == NULL)
    return;

  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Whether any label under @widget is cut short (an ellipsis), other than
 * the table's cells, which may be */
static GtkWidget *
find_cut_label (GtkWidget *widget,
                GtkWidget *except)
{
  if (widget == except || !gtk_widget_get_mapped (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *cut = find_cut_label (child, except);

      if (cut != NULL)
        return cut;
    }

  return NULL;
}

static void
test_on_screen (void)
{
  static const char * const pages[] = { "risks", "context", "parties", "roles" };
  static const struct { const char *name; int width; gboolean dark; } looks[] = {
    { "default", 1100, FALSE }, { "narrow", 360, FALSE }, { "dark", 1100, TRUE },
  };
  g_autofree char *folder = page_test_make_folder (fill_all);
  KeelWindow *window = page_test_open_window (folder, "risks");
  AdwLeaflet *leaflet = ADW_LEAFLET (keel_gui_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));

  for (guint l = 0; l < G_N_ELEMENTS (looks); l++)
    {
      KeelRecordEditor *editor;
      KeelPartsSection *decisions;
      GtkWidget *part;
      g_autofree char *editor_name = NULL;
      g_autofree char *part_name = NULL;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          looks[l].dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (window), looks[l].width, 720);

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", pages[p], looks[l].name);
          KeelListPage *page = KEEL_LIST_PAGE (_keel_window_get_page (window, pages[p]));
          GtkWidget *cut;

          _keel_window_show_page (window, pages[p]);
          page_test_iterate (200);
          /* Narrow, the sidebar and the page are one after the other */
          if (adw_leaflet_get_folded (leaflet) &&
              adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD))
            page_test_iterate (600);  /* the slide */
          g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
          g_assert_cmpstr (keel_list_page_get_state (page), ==, "list");
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, looks[l].width);
          shoot (GTK_WIDGET (window), name);

          cut = find_cut_label (GTK_WIDGET (page), keel_gui_test_find_type (GTK_WIDGET (keel_list_page_get_column_view (page)),
                                                                           GTK_TYPE_LIST_VIEW));
          if (cut != NULL)
            g_error ("%s: “%s” is cut short", name, gtk_label_get_label (GTK_LABEL (cut)));
        }

      editor = KEEL_RECORD_EDITOR (keel_list_page_open_editor (KEEL_LIST_PAGE (_keel_window_get_page (window, "risks")),
                                                               keel_workspace_lookup (keel_window_get_workspace (window), "RSK-1"),
                                                               NULL));
      gtk_window_set_default_size (GTK_WINDOW (editor), MIN (looks[l].width, 560), 720);
      page_test_iterate (300);
      editor_name = g_strdup_printf ("risk-editor-%s", looks[l].name);
      shoot (GTK_WIDGET (editor), editor_name);
      decisions = KEEL_PARTS_SECTION (keel_record_editor_get_section (editor, "decisions"));
      g_assert_cmpuint (keel_parts_section_get_n_rows (decisions), ==, 2);

      /* A decision's editor, over the risk's and no wider */
      {
        g_autoptr(KeelRecord) first = g_list_model_get_item (G_LIST_MODEL (keel_record_get_children (
                                                               keel_record_editor_get_draft (editor), "decisions")), 0);

        part = keel_parts_section_edit (decisions, first);
      }
      page_test_iterate (300);
      g_assert_cmpint (gtk_widget_get_width (part), <=, gtk_widget_get_width (GTK_WIDGET (editor)));
      part_name = g_strdup_printf ("risk-decision-editor-%s", looks[l].name);
      shoot (part, part_name);
      keel_record_editor_close (KEEL_RECORD_EDITOR (part));
      keel_record_editor_close (editor);
      g_assert_true (page_test_wait (page_test_no_editor, NULL, 2000));
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  page_test_close_window (window);
  page_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) today = keel_date_new (2026, 3, 31);

  if (!page_test_init (&argc, &argv))
    return 0;

  keel_date_set_today (today);

  g_test_add_func ("/keel/registers/on-screen", test_on_screen);

  return g_test_run ();
}
