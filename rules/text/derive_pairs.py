"""Rebuild ``viet74k-pairs.txt`` from the Viet74K list in an underthesea wheel.

Not used at run time: it documents and repeats how the shipped data file was made.
Usage (from the repository root):

    pip download --no-deps underthesea==9.5.0 -d /tmp/uts
    python -m checker.rules.text.derive_pairs /tmp/uts/underthesea-9.5.0-py3-none-any.whl

What it keeps: the entries of two or more syllables whose every syllable is a well-formed
Vietnamese syllable (so loanwords such as "a-xít" and the list's own typos drop out), lower
case, NFC, with the tone mark in the traditional place (hòa, thủy): the form the spelling rules
look words up in. What it writes: every pair of adjacent syllables of those entries, grouped
twice, so that loading is two dictionary builds and no parsing: under ``[first]`` a line
``a<TAB> b1 b2 ... `` (the syllables that follow ``a`` in some word), under ``[second]`` a line
``b<TAB>a1 a2 ...`` (the syllables that precede ``b``); under ``[common]`` the two-syllable
words of the list's common-word selection (Viet11K.txt), grouped by first syllable. See
NOTICE.txt for where the lists come from.
"""

from __future__ import annotations

import sys
import unicodedata
import zipfile
from itertools import pairwise
from pathlib import Path

from checker.rules.text.syllable import key, parse

HERE = Path(__file__).resolve().parent
MEMBER = "underthesea/corpus/data/Viet74K.txt"
COMMON = "underthesea/corpus/data/Viet11K.txt"  # the list's own selection of common words
OUTPUT = "viet74k-pairs.txt"


def derive(lines: list[str], common: list[str]) -> list[str]:
    """The lines of the data file, from the lines of Viet74K.txt and of Viet11K.txt."""
    first: dict[str, set[str]] = {}
    second: dict[str, set[str]] = {}
    for line in lines:
        entry = unicodedata.normalize("NFC", line.strip())
        parts = entry.split(" ")
        if len(parts) < 2 or any(not p or not parse(p).valid for p in parts):
            continue
        keys = [key(p) for p in parts]
        for a, b in pairwise(keys):
            first.setdefault(a, set()).add(b)
            second.setdefault(b, set()).add(a)
    frequent: dict[str, set[str]] = {}
    for line in common:
        parts = unicodedata.normalize("NFC", line.strip()).split(" ")
        if len(parts) == 2 and all(p and parse(p).valid for p in parts):
            frequent.setdefault(key(parts[0]), set()).add(key(parts[1]))
    # Rows are padded with a space at both ends: the loader searches " b " in them as is.
    out = ["[first]"]
    out.extend(f"{a}\t {' '.join(sorted(bs))} " for a, bs in sorted(first.items()))
    out.append("[second]")
    out.extend(f"{b}\t {' '.join(sorted(az))} " for b, az in sorted(second.items()))
    out.append("[common]")
    out.extend(f"{a}\t {' '.join(sorted(bs))} " for a, bs in sorted(frequent.items()))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    with zipfile.ZipFile(argv[1]) as wheel:
        text = wheel.read(MEMBER).decode("utf-8")
        common = wheel.read(COMMON).decode("utf-8")
    lines = derive(text.splitlines(), common.splitlines())
    header = (
        "# Derived from Viet74K.txt (underthesea 9.5.0, underthesea/corpus/data/); see NOTICE.txt\n"
        "# Adjacent syllable pairs of its Vietnamese entries, and the two-syllable words of\n"
        "# Viet11K.txt (its common words); made by derive_pairs.py.\n"
    )
    (HERE / OUTPUT).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} lines written to {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
