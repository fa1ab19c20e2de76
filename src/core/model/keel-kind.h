/* keel-kind.h
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The one description of a record kind. Each file of records/ declares a
 * static table of KeelField and one KeelKind; everything else — the
 * reader and writer of keel.json, the store's ids, the checks, the
 * window's tables, rows and editors, keel-cli — reads them from here and
 * never lists a kind's fields, choices, labels or id rules again. */

/* The kinds of value a record field holds. Each kind maps to one GType for
 * its GObject property and one JSON shape in keel.json. */
typedef enum
{
  KEEL_FIELD_STRING,    /* gchararray; JSON string */
  KEEL_FIELD_BOOLEAN,   /* gboolean; JSON true/false */
  KEEL_FIELD_INT,       /* gint64; JSON integer, 0 is "unset" and omitted */
  KEEL_FIELD_DOUBLE,    /* gdouble; JSON number, NaN is "unset" and omitted */
  KEEL_FIELD_DATE,      /* GDateTime (midnight UTC); JSON "2026-03-31" */
  KEEL_FIELD_DATETIME,  /* GDateTime; JSON "2026-03-31T10:00:00+02:00" */
  KEEL_FIELD_ENUM,      /* gchararray, one of the field's choices; JSON string */
  KEEL_FIELD_REF,       /* gchararray id of another record; JSON string */
  KEEL_FIELD_REF_LIST,  /* GStrv of ids; JSON array of strings */
  KEEL_FIELD_STRV,      /* GStrv; JSON array of strings */
  KEEL_FIELD_CHILD,     /* a KeelRecord (no id); JSON object */
  KEEL_FIELD_CHILDREN,  /* a GListStore of KeelRecord; JSON array of objects */
} KeelFieldType;

typedef enum
{
  KEEL_FIELD_FLAGS_NONE     = 0,
  KEEL_FIELD_REQUIRED       = 1 << 0,  /* a record without it is incomplete */
  KEEL_FIELD_MULTILINE      = 1 << 1,  /* longer text: edited in a text view */
  KEEL_FIELD_TITLE          = 1 << 2,  /* names the record in lists, toasts, references */
  KEEL_FIELD_TOP_MANAGEMENT = 1 << 3,  /* REF to a person: top management only */
  KEEL_FIELD_EMAIL          = 1 << 4,  /* STRING: an email address */
} KeelFieldFlags;

/* One choice of an ENUM field: the value stored in keel.json and its
 * label, marked for translation (translate with keel_field_choice_label()). A
 * field's choices end with KEEL_CHOICES_END. */
typedef struct
{
  const char *value;
  const char *label;
} KeelChoice;

#define KEEL_CHOICES_END { NULL, NULL }

typedef struct
{
  /* JSON key, snake_case; the GObject property is the same name with '-' */
  const char        *key;
  KeelFieldType      type;
  /* A human label, marked for translation; keel_field_get_label() translates */
  const char        *label;
  /* REF and REF_LIST: the kind of record referred to ("person"), or NULL
   * for a reference to any kind */
  const char        *ref_kind;
  /* CHILD and CHILDREN: the record type of the part */
  GType            (*child_type) (void);
  KeelFieldFlags     flags;
  /* ENUM: the allowed values with their labels, in the order lists show
   * them */
  const KeelChoice  *choices;
  /* The value a new record starts with, as keel.json writes it ("open",
   * "true"), or NULL */
  const char        *default_value;
} KeelField;

/* How a kind names its records. */
typedef enum
{
  KEEL_ID_NONE,        /* a part of a record (a reading): no id */
  KEEL_ID_SEQUENTIAL,  /* PREFIX-n: "OBJ-12", never reused */
  KEEL_ID_YEARLY,      /* PREFIX-YYYY-NN by the year of id_date_key: "MR-2026-03" */
} KeelIdScheme;

typedef struct _KeelKind KeelKind;

struct _KeelKind
{
  const char        *name;          /* "objective" */
  const char        *collection;    /* "objectives" in keel.json; NULL for a part */
  const char        *id_prefix;     /* "OBJ"; NULL for a part */
  KeelIdScheme       id_scheme;
  const char        *id_date_key;   /* KEEL_ID_YEARLY: the date field that gives the year */
  const char        *label;         /* "Objective", marked for translation */
  const char        *plural_label;  /* "Objectives", marked for translation */
  const char        *sort_key;      /* the field lists sort by at first, or NULL: by id */
  GType            (*get_type) (void);
  const KeelField   *fields;
  guint              n_fields;
};

/* The top-level kinds, in the order keel.json lists them */
const KeelKind * const *keel_kinds_get_all          (guint              *n_kinds);
/* A kind by name ("objective") or collection ("objectives"), parts too */
const KeelKind         *keel_kind_lookup            (const char         *name);
/* The kind of a record type, or NULL when @type is no record */
const KeelKind         *keel_kind_for_type          (GType               type);

GType                   keel_kind_get_gtype         (const KeelKind     *kind);
const char             *keel_kind_get_label         (const KeelKind     *kind);
const char             *keel_kind_get_plural_label  (const KeelKind     *kind);
const KeelField        *keel_kind_find_field        (const KeelKind     *kind,
                                                     const char         *key);
/* The field with KEEL_FIELD_TITLE, or NULL */
const KeelField        *keel_kind_get_title_field   (const KeelKind     *kind);
/* Fills @out with the DATE and DATETIME fields of @kind (not of its
 * parts), in table order; returns how many (at most @max) */
guint                   keel_kind_get_dated_fields  (const KeelKind     *kind,
                                                     const KeelField   **out,
                                                     guint               max);

/* Ids. The counter key is what keel.json's "counters" holds the highest
 * number under: "OBJ", or "MR-2026" for a yearly kind. */
/* Parses @id ("OBJ-12", "MR-2026-03") of @kind; FALSE when it is not one */
gboolean                keel_kind_parse_id          (const KeelKind     *kind,
                                                     const char         *id,
                                                     char              **counter_key,
                                                     guint64            *number);
/* The counter key of a new record dated @when (yearly kinds; NULL: @today) */
char                   *keel_kind_counter_key       (const KeelKind     *kind,
                                                     GDateTime          *when,
                                                     GDateTime          *today);
/* "OBJ-12" or "MR-2026-03" from a counter key and a number */
char                   *keel_kind_format_id         (const KeelKind     *kind,
                                                     const char         *counter_key,
                                                     guint64             number);
/* "an id like OBJ-1", translated, for error messages */
char                   *keel_kind_describe_id       (const KeelKind     *kind);

const char             *keel_field_get_label        (const KeelField    *field);
gboolean                keel_field_is_dated         (const KeelField    *field);
guint                   keel_field_get_n_choices    (const KeelField    *field);
/* The position of @value among the choices, or -1 */
int                     keel_field_choice_index     (const KeelField    *field,
                                                     const char         *value);
/* The translated label of @value, or NULL when it is no choice */
const char             *keel_field_choice_label     (const KeelField    *field,
                                                     const char         *value);
/* "open/in-progress/done": the values, for error messages */
char                   *keel_field_describe_choices (const KeelField    *field);
/* Whether @value is a choice of an ENUM field (NULL is: unset). No
 * allocation: the reader calls it for every value. */
gboolean                keel_field_allows           (const KeelField    *field,
                                                     const char         *value);

G_END_DECLS
