/* keel-bench-populate.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "keel-workspace.h"

G_BEGIN_DECLS

/* About 15,000 records: ten years of a 200-person company */
#define KEEL_BENCH_COMPANY_RECORDS 15000

typedef struct
{
  guint   records;      /* top-level records wanted, roughly */
  guint   people;       /* people employed at any one time */
  int     first_year;   /* the first year with records */
  int     years;        /* how many years of history */
  guint32 seed;         /* the same seed gives the same workspace */
} KeelBenchShape;

/* Fills an empty @workspace with realistic, fully linked records: every
 * reference points at a record that exists. Returns the number of
 * top-level records added. */
guint keel_bench_populate (KeelWorkspace        *workspace,
                           const KeelBenchShape *shape);

G_END_DECLS
