#!/bin/sh
# check-potfiles.sh — fails when po/POTFILES.in is out of step with the tree.
#
# Copyright 2026 The Keel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.sh [SOURCE_ROOT]
#
# Reports, and fails on:
#  - a file under src/ or ui/ with a translatable string (_("…"), N_("…"),
#    C_("…"), NC_("…"), g_dngettext (…) or translatable="yes") that
#    POTFILES.in does not list;
#  - a file POTFILES.in lists that does not exist;
#  - a POTFILES.in that is not sorted (LC_ALL=C), so additions merge cleanly.

set -u

top=${1:-$(dirname "$0")/..}
cd "$top" || exit 1

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
    echo "check-potfiles: $potfiles is missing" >&2
    exit 1
fi

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

# The listed files: no comments, no blank lines.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" > "$listed"

# The files that mark strings for translation. `_ ("` (GNU style, with a
# space) counts as well as `_("`.
grep -rlE --include='*.c' --include='*.h' --include='*.ui' --include='*.blp' \
    '(^|[^[:alnum:]_])(_|N_|C_|NC_) ?\("|g_dn?c?p?gettext ?\(|translatable="yes"' \
    src ui 2>/dev/null | LC_ALL=C sort -u > "$found"

status=0

missing=$(LC_ALL=C sort -u "$listed" | LC_ALL=C comm -13 - "$found")
if [ -n "$missing" ]; then
    echo "check-potfiles: these files have translatable strings but are not in $potfiles:"
    printf '  %s\n' $missing
    status=1
fi

while IFS= read -r f; do
    if [ ! -f "$f" ]; then
        echo "check-potfiles: $potfiles lists $f, which does not exist"
        status=1
    fi
done < "$listed"

if ! LC_ALL=C sort -cu "$listed" 2>/dev/null; then
    echo "check-potfiles: $potfiles is not sorted or has a duplicate; fix it with: LC_ALL=C sort -u -o $potfiles $potfiles"
    status=1
fi

if [ "$status" -eq 0 ]; then
    echo "check-potfiles: $(wc -l < "$listed") files listed, none missing"
fi
exit "$status"
