"""Footnote markers in the body and footnote texts, as a plain-text export shows them.

Word's plain-text export writes a footnote reference as "[", a line break, "]" in the body,
and each footnote text at the end on a line opening with "[�]" (the number is lost). The
loader links them into ``Source.markers`` and footnote segments; these helpers also find
the malformed ones (a marker typed "]\\n]", a label "[�" without its "]") that the loader
cannot link, so the footnote rules can name them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.source import SegmentKind, Source

MARKER = re.compile(r"\[[ \t]*\r?\n[ \t]*\]")
BAD_MARKER = re.compile(r"\][ \t]*\r?\n[ \t]*\]|\[[ \t]*\r?\n[ \t]*\[")
LABEL = re.compile(r"^\[\ufffd\]", re.MULTILINE)
BAD_LABEL = re.compile(r"^(?:\[\ufffd(?!\])|\ufffd\])", re.MULTILINE)
# "[12]" opens a footnote text only in a document that has body markers; elsewhere it is
# more likely a reference list.
NUMBER_LABEL = re.compile(r"^\[\d{1,3}\]", re.MULTILINE)
BAD_NUMBER_LABEL = re.compile(r"^\[\d{1,3}(?![\d\]])(?=[ \t])", re.MULTILINE)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    ok: bool  # well formed


@dataclass(frozen=True)
class Notes:
    markers: tuple[Mark, ...]  # in the body, in order
    labels: tuple[Mark, ...]  # footnote texts' opening labels, in order
    texts: int  # how many footnote texts (labels found, or the loader's footnote segments)


def notes(source: Source) -> Notes:
    return _notes(source.text, source.markers, _footnote_segments(source))


def _footnote_segments(source: Source) -> int:
    return sum(1 for s in source.segments if s.kind in (SegmentKind.FOOTNOTE, SegmentKind.ENDNOTE))


@lru_cache(maxsize=8)
def _notes(text: str, loaded: tuple[tuple[int, int], ...], segments: int) -> Notes:
    # A loaded marker is well formed unless its text is a damaged export marker ("]\n]").
    found = {s: Mark(s, e, BAD_MARKER.fullmatch(text, s, e) is None) for s, e in loaded}
    for m in MARKER.finditer(text):
        found.setdefault(m.start(), Mark(m.start(), m.end(), True))
    for m in BAD_MARKER.finditer(text):
        if not any(k <= m.start() < v.end for k, v in found.items()):
            found[m.start()] = Mark(m.start(), m.end(), False)
    labels = [Mark(m.start(), m.end(), True) for m in LABEL.finditer(text)]
    labels += [Mark(m.start(), m.end(), False) for m in BAD_LABEL.finditer(text)]
    if found:
        labels += [Mark(m.start(), m.end(), True) for m in NUMBER_LABEL.finditer(text)]
        labels += [Mark(m.start(), m.end(), False) for m in BAD_NUMBER_LABEL.finditer(text)]
    labels.sort(key=lambda m: m.start)
    texts = len(labels) if labels else segments
    return Notes(tuple(sorted(found.values(), key=lambda m: m.start)), tuple(labels), texts)
