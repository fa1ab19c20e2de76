#!/usr/bin/python3
# check-schema.py
#
# Copyright 2026 The Keel authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Holds data/keel-workspace.schema.json against what Keel writes.

  check-schema.py sample SCHEMA SAMPLE-PROGRAM
      The schema is a valid draft 2020-12 schema; it describes every field of
      every kind exactly as the field tables say (the program prints them);
      a keel.json Keel wrote with every kind and every field set validates,
      also with unknown members forbidden; and broken copies of it do not.

  check-schema.py demo SCHEMA
      `$KEEL_CLI demo` writes a workspace, and its keel.json validates.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATE_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"

failures = []


def fail(message):
    failures.append(message)
    print("not ok:", message, file=sys.stderr)


def finish():
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        sys.exit(1)
    print("all checks passed")
    sys.exit(0)


def validator(schema):
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors_of(schema, document):
    return sorted(validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))


def strict(schema):
    """The schema with unknown members forbidden wherever members are listed."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def resolve(schema, node):
    """node with its $ref chain merged in (its own keywords win)."""
    node = dict(node)
    while "$ref" in node:
        ref = node.pop("$ref")
        assert ref.startswith("#/$defs/"), ref
        target = dict(schema["$defs"][ref[len("#/$defs/"):]])
        target.update(node)
        node = target
    return node


def def_name(node):
    ref = node.get("$ref", "")
    return ref[len("#/$defs/"):] if ref.startswith("#/$defs/") else None


# ------------------------------------------------------------------------
# The schema against the field tables
# ------------------------------------------------------------------------

def check_field(schema, kind, field, prop):
    where = "%s.%s" % (kind, field["key"])
    p = resolve(schema, prop)
    t = field["type"]

    def expect(condition, what):
        if not condition:
            fail("%s (%s): %s; the schema says %s" % (where, t, what, json.dumps(prop)))

    if t == "string":
        expect(p.get("type") == "string" and p.get("minLength") == 1, "a non-empty string")
    elif t == "enum":
        expect(p.get("type") == "string", "a string")
        expect(p.get("enum") == field["detail"].split("|"),
               "exactly the values %s, in that order" % field["detail"].split("|"))
    elif t == "boolean":
        expect(p.get("type") == "boolean", "a boolean")
    elif t == "int":
        expect(p.get("type") == "integer", "an integer")
    elif t == "double":
        expect(p.get("type") == "number", "a number")
    elif t == "date":
        expect(p.get("type") == "string" and p.get("pattern") == DATE_PATTERN
               and p.get("format") == "date", "a date with the pattern %s" % DATE_PATTERN)
    elif t == "datetime":
        expect(p.get("type") == "string" and p.get("pattern") == DATE_TIME_PATTERN,
               "a date-time with an offset")
    elif t == "ref":
        expect(p.get("type") == "string" and p.get("minLength") == 1, "an id")
    elif t in ("ref-list", "strv"):
        items = resolve(schema, p.get("items", {}))
        expect(p.get("type") == "array" and items.get("type") == "string", "an array of strings")
    elif t == "child":
        expect(def_name(prop) == field["child"], "the part %s" % field["child"])
    elif t == "children":
        expect(p.get("type") == "array" and def_name(p.get("items", {})) == field["child"],
               "an array of the part %s" % field["child"])
    else:
        fail("%s: unknown field type %s" % (where, t))


def check_kind(schema, tables, kind):
    definition = schema["$defs"].get(kind)
    if definition is None:
        fail("no $defs/%s" % kind)
        return
    info = tables["kinds"][kind]
    props = definition.get("properties", {})
    keys = [f["key"] for f in info["fields"]]
    if info["prefix"] is not None:
        keys = ["id"] + keys
        id_prop = props.get("id", {})
        if info["prefix"] == "MR":
            wanted = r"^MR-\d{4}-\d{2,}$"
        else:
            wanted = "^%s-[1-9][0-9]*$" % info["prefix"]
        if id_prop.get("pattern") != wanted or definition.get("required") != ["id"]:
            fail("%s: the id must be required with the pattern %s" % (kind, wanted))
    if list(props) != keys:
        fail("%s: the schema lists %s, the field table %s" % (kind, list(props), keys))
    if "additionalProperties" not in definition or definition["additionalProperties"] is False:
        fail("%s: unknown members must be allowed (Keel keeps them)" % kind)
    for field in info["fields"]:
        if field["key"] in props:
            check_field(schema, kind, field, props[field["key"]])


def check_against_tables(schema, tables):
    top = schema.get("properties", {})
    if top.get("format", {}).get("const") != "keel-workspace":
        fail("format must be the constant keel-workspace")
    if top.get("version", {}).get("const") != 1:
        fail("version must be the constant 1")
    if def_name(top.get("organisation", {})) != "organisation":
        fail("organisation must refer to $defs/organisation")

    expected_top = ["format", "version", "organisation"]
    for kind in tables["collections"]:
        collection = tables["kinds"][kind]["collection"]
        expected_top.append(collection)
        node = top.get(collection, {})
        if node.get("type") != "array" or def_name(node.get("items", {})) != kind:
            fail("%s must be an array of $defs/%s" % (collection, kind))
    expected_top.append("counters")
    if list(top) != expected_top:
        fail("top-level members %s, expected %s" % (list(top), expected_top))

    for kind in tables["kinds"]:
        check_kind(schema, tables, kind)

    extra = set(schema["$defs"]) - set(tables["kinds"]) - {"unknown", "date", "date-time", "reference"}
    if extra:
        fail("$defs with no kind behind them: %s" % sorted(extra))


# ------------------------------------------------------------------------
# Documents
# ------------------------------------------------------------------------

def expect_valid(schema, document, what):
    errors = errors_of(schema, document)
    for error in errors[:20]:
        fail("%s: %s at /%s" % (what, error.message, "/".join(str(p) for p in error.absolute_path)))
    if not errors:
        print("ok:", what)


def expect_invalid(schema, document, what):
    if not errors_of(schema, document):
        fail("%s: the schema accepted it" % what)
    else:
        print("ok: refused", what)


def mutations(sample):
    """Broken copies of a valid keel.json, each of which must be refused."""

    def first(collection):
        return lambda d: d[collection][0]

    cases = [
        ("an objective status outside the enum", first("objectives"), "status", "green"),
        ("a communication channel outside the enum", first("communications"), "channel", "fax"),
        ("a RACI letter in lower case", first("roles"), "raci", "r"),
        ("an impossible date", first("actions"), "due", "2026-02-30"),
        ("a date in another notation", first("actions"), "due", "31/03/2026"),
        ("a date with a time", first("actions"), "due", "2026-03-31T10:00:00+02:00"),
        ("a date-time without its offset", first("reviews"), "start", "2026-05-04T10:30:00"),
        ("a text where a number belongs", first("objectives"), "target", "high"),
        ("a fraction where a whole number belongs", first("reviews"), "duration", 1.5),
        ("a text where true/false belongs", first("people"), "top_management", "yes"),
        ("a text where a list belongs", first("reviews"), "attendees", "PER-1"),
        ("a number in a list of texts", first("evidence"), "clauses", [9.3]),
        ("an object where a list of parts belongs", first("objectives"), "readings", {}),
        ("an empty text", first("people"), "name", ""),
        ("an id with a leading zero", first("people"), "id", "PER-01"),
        ("an id of another kind", first("people"), "id", "OBJ-1"),
        ("a review id without its year", first("reviews"), "id", "MR-1"),
        ("a bad date inside a part", lambda d: d["objectives"][0]["readings"][0], "date", "2026-13-01"),
        ("an enum outside its list inside a part", lambda d: d["reviews"][0]["agenda"][0], "input", "h"),
        ("a bad date in a part of a part",
         lambda d: d["policies"][0]["versions"][0]["approval"], "on", "yesterday"),
        ("a counter that is not a whole number", lambda d: d["counters"], "PER", "2"),
        ("another format", lambda d: d, "format", "spreadsheet"),
        ("a newer version", lambda d: d, "version", 2),
        ("an object where a collection belongs", lambda d: d, "people", {}),
    ]
    for what, locate, key, value in cases:
        document = copy.deepcopy(sample)
        locate(document)[key] = value
        yield what, document

    document = copy.deepcopy(sample)
    del document["people"][0]["id"]
    yield "a record without an id", document


def run_sample(schema, program):
    Draft202012Validator.check_schema(schema)
    print("ok: the schema is a valid draft 2020-12 schema")

    tables = json.loads(subprocess.run([program, "--fields"], check=True,
                                       stdout=subprocess.PIPE).stdout)
    check_against_tables(schema, tables)
    print("ok: the schema was held against %d field tables" % len(tables["kinds"]))

    with tempfile.TemporaryDirectory(prefix="keel-schema-") as folder:
        subprocess.run([program, folder], check=True)
        with open(os.path.join(folder, "keel.json"), encoding="utf-8") as f:
            sample = json.load(f)

    # The sample really has every kind in it
    for kind in tables["collections"]:
        collection = tables["kinds"][kind]["collection"]
        if not sample.get(collection):
            fail("the sample has no %s" % collection)

    expect_valid(schema, sample, "the keel.json Keel wrote")
    expect_valid(strict(schema), sample, "the keel.json Keel wrote, with unknown members forbidden")

    # Unknown members are allowed, and only the strict schema refuses them
    document = copy.deepcopy(sample)
    document["x_future"] = {"anything": [1, None]}
    document["people"][0]["x_badge"] = "blue"
    document["objectives"][0]["readings"][0]["x_source"] = 3
    expect_valid(schema, document, "unknown members at the top, in a record and in a part")
    expect_invalid(strict(schema), document, "unknown members under the strict schema")

    for what, document in mutations(sample):
        expect_invalid(schema, document, what)


def run_demo(schema):
    cli = os.environ.get("KEEL_CLI")
    if not cli:
        fail("KEEL_CLI is not set")
        return

    with tempfile.TemporaryDirectory(prefix="keel-demo-") as parent:
        folder = os.path.join(parent, "demo")
        result = subprocess.run([cli, "--workspace", folder, "--today", "2026-03-15", "demo"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            fail("`keel-cli demo` failed (exit %d), so the demo cannot be validated: %s%s"
                 % (result.returncode, result.stdout, result.stderr))
            return

        with open(os.path.join(folder, "keel.json"), encoding="utf-8") as f:
            demo = json.load(f)

    expect_valid(schema, demo, "the demo's keel.json")
    expect_valid(strict(schema), demo, "the demo's keel.json, with unknown members forbidden")

    top = schema["properties"]
    empty = [name for name, node in top.items()
             if node.get("type") == "array" and not demo.get(name)]
    if empty:
        print("note: the demo has no", ", ".join(empty))


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("sample", "demo"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)

    with open(sys.argv[2], encoding="utf-8") as f:
        schema = json.load(f)

    if sys.argv[1] == "sample":
        if len(sys.argv) != 4:
            print(__doc__, file=sys.stderr)
            sys.exit(2)
        run_sample(schema, sys.argv[3])
    else:
        run_demo(schema)

    finish()


if __name__ == "__main__":
    main()
