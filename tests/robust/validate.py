"""Independent checks of entente's outputs for test_robust.c.

usage: validate.py KIND PATH [NEEDLE]
KIND is json, jsonl or csv. The file must be UTF-8 and parse with Python's
own json or csv module (strict); a CSV's rows must all have the header's
width and no cell may start with = + - @ unless it is a number (formula
injection). With NEEDLE, some decoded string must contain it, which shows
that the hostile text reached the output instead of being dropped.
Exits 0 when all holds, else prints why and exits 1.
"""
import csv
import json
import sys


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)


def is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def main():
    kind, path = sys.argv[1], sys.argv[2]
    needle = sys.argv[3] if len(sys.argv) > 3 else None
    with open(path, 'rb') as f:
        text = f.read().decode('utf-8')  # raises on invalid UTF-8
    found = []
    if kind == 'json':
        found = list(strings(json.loads(text)))
    elif kind == 'jsonl':
        for line in text.splitlines():
            found += strings(json.loads(line))
    elif kind == 'csv':
        rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
        width = len(rows[0]) if rows else 0
        for n, row in enumerate(rows, 1):
            if kind == 'csv' and len(row) != width and row:
                sys.exit('%s: row %d has %d cells, the header %d' % (path, n, len(row), width))
            for cell in row:
                if cell and cell[0] in '=+-@' and not is_number(cell):
                    sys.exit('%s: row %d: a cell starts with %r' % (path, n, cell[:30]))
            found += row
    else:
        sys.exit('unknown kind ' + kind)
    if needle and not any(needle in s for s in found):
        sys.exit('%s: no string contains %r' % (path, needle))


main()
