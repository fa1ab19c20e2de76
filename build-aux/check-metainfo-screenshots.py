#!/usr/bin/python3
# check-metainfo-screenshots.py — every screenshot the metainfo names is in
# the tree.
#
# Copyright 2026 The Keel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-metainfo-screenshots.py METAINFO SOURCE_ROOT
#
# Software centres fetch the screenshots from the repository's main branch
# (https://raw.githubusercontent.com/keelisms/keel/main/PATH). `appstreamcli
# validate --no-net` cannot check them; this does: each PATH must be a PNG
# file in the source tree, so a renamed or missing screenshot fails here.

import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/keelisms/keel/main/'
PNG = b'\x89PNG\r\n\x1a\n'


def main(argv):
    if len(argv) != 3:
        print(f'usage: {argv[0]} METAINFO SOURCE_ROOT', file=sys.stderr)
        return 2
    metainfo, root = argv[1], argv[2]
    images = [image.text.strip() for image in ET.parse(metainfo).getroot().iter('image')]
    problems = []
    if not images:
        problems.append('the metainfo names no screenshot')
    for url in images:
        if not url.startswith(PREFIX):
            problems.append(f'{url}: not under {PREFIX}')
            continue
        path = f'{root}/{url[len(PREFIX):]}'
        try:
            with open(path, 'rb') as f:
                if f.read(len(PNG)) != PNG:
                    problems.append(f'{path}: not a PNG file')
        except OSError as error:
            problems.append(f'{url}: {error.strerror}: {path}')
    for problem in problems:
        print(f'FAIL: {problem}')
    if problems:
        return 1
    print(f'ok: {len(images)} screenshots, all in the tree')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
