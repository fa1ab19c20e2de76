/* keel-areas.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The areas of the window's sidebar, under a heading per group. The group
 * decides where an area shows: groups in this order, the areas of a group
 * in the order of the table in keel-areas.c; a group without areas shows
 * no heading. */
typedef enum
{
  KEEL_AREA_GROUP_LEADERSHIP,
  KEEL_AREA_GROUP_SUPPORT,      /* people, resources, training, communication */
  KEEL_AREA_GROUP_OPERATIONS,
  KEEL_AREA_GROUP_IMPROVEMENT,  /* actions, improvements, audits */
  KEEL_AREA_GROUP_RISK,
  KEEL_N_AREA_GROUPS
} KeelAreaGroup;

typedef struct
{
  const char     *id;          /* stable: remembered in the "last-page" setting */
  const char     *label;       /* N_(): translate with _() */
  const char     *icon_name;
  KeelAreaGroup   group;
  GType         (*get_type) (void);
} KeelArea;

/* In the order the sidebar shows them */
guint            keel_areas_get_n_areas   (void);
const KeelArea  *keel_areas_get           (guint          position);
/* The position of the area named @id, or -1 */
int              keel_areas_find          (const char    *id);
/* The heading of @group, translated */
const char      *keel_area_group_get_label (KeelAreaGroup  group);

G_END_DECLS
