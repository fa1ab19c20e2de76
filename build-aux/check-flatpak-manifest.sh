#!/bin/sh
# check-flatpak-manifest.sh — flatpak-builder parses the manifest cleanly.
#
# Copyright 2026 The Keel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.sh MANIFEST
#
# `flatpak-builder --show-manifest` loads the manifest the way a build would,
# without fetching anything. It exits non-zero on a syntax error but only
# warns about a misspelt property, so any output on stderr fails too.

set -u

manifest=${1:?usage: check-flatpak-manifest.sh MANIFEST}
case $manifest in
    /*) ;;
    *) manifest=$(pwd)/$manifest ;;
esac

# flatpak-builder keeps its state in .flatpak-builder/ in the current
# folder: run it in a scratch one.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
err=$scratch/stderr
cd "$scratch" || exit 1

if ! flatpak-builder --show-manifest "$manifest" > /dev/null 2> "$err"; then
    echo "check-flatpak-manifest: flatpak-builder cannot load $manifest:"
    cat "$err"
    exit 1
fi
if [ -s "$err" ]; then
    echo "check-flatpak-manifest: flatpak-builder warns about $manifest:"
    cat "$err"
    exit 1
fi
echo "check-flatpak-manifest: $manifest loads cleanly"
