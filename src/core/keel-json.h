/* keel-json.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define KEEL_JSON_MAX_DEPTH 64

void      keel_json_write          (JsonNode    *node,
                                    GString     *out);
GBytes   *keel_json_to_bytes       (JsonNode    *node);
JsonNode *keel_json_parse          (const char  *display_name,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error);
void      keel_json_offset_to_line (const char  *data,
                                    gsize        offset,
                                    guint       *line,
                                    guint       *column);

G_END_DECLS
