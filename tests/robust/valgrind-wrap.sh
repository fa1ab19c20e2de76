#!/usr/bin/env bash
# tests/robust/valgrind-wrap.sh — the exe_wrapper of `meson test --setup=valgrind`.
#
# Copyright 2026 The Keel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: valgrind-wrap.sh BUILD_ROOT VALGRIND [VALGRIND-ARG…] -- PROGRAM [ARG…]
#
# Runs PROGRAM under VALGRIND when PROGRAM was built in BUILD_ROOT (a test
# program of Keel's), and runs it as it is otherwise: a test written in
# Python is declared as /usr/bin/python3 SCRIPT, and memcheck on the
# interpreter would check Python, not Keel, at many times the run time.
# The programs such a script starts are not traced either.

set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 BUILD_ROOT VALGRIND [VALGRIND-ARG…] -- PROGRAM [ARG…]" >&2
    exit 2
fi

build_root=$(realpath -- "$1")
shift

valgrind=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
    valgrind+=("$1")
    shift
done
if [ $# -lt 2 ]; then
    echo "$0: no -- PROGRAM in the command line" >&2
    exit 2
fi
shift

program=$(command -v -- "$1" || printf %s "$1")
program=$(realpath -- "$program" 2> /dev/null || printf %s "$program")

case $program in
    "$build_root"/*) exec "${valgrind[@]}" "$@" ;;
    *) exec "$@" ;;
esac
