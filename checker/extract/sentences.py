"""Cut a document into the sentences the grammar is given.

A sentence ends at ".", "!", "?" or "…" followed by white space and a capital letter, an
opening bracket or quote, or at the end of a paragraph; never inside brackets. Footnote
markers are masked first, so a body sentence runs on through its "[\\n]" marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from checker.source import Source

_ENDERS = ".!?…"
_OPENERS = "(\"“‘-–"


@dataclass(frozen=True)
class Piece:
    """A sentence: its offsets in the NFC text and its text (with markers masked)."""

    start: int
    end: int
    text: str
    segment: int  # index of the segment in Source.segments


def masked_text(source: Source) -> str:
    """The NFC text with every footnote marker replaced by spaces (offsets unchanged)."""
    if not source.markers:
        return source.text
    chars = list(source.text)
    for start, end in source.markers:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def sentences(source: Source) -> Iterator[Piece]:
    text = masked_text(source)
    for index, seg in enumerate(source.segments):
        pos = seg.start
        for line in text[seg.start : seg.end].split("\n"):
            yield from _split(text, pos, pos + len(line), index)
            pos += len(line) + 1


def _split(text: str, start: int, end: int, segment: int) -> Iterator[Piece]:
    depth = 0
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
        elif ch in _ENDERS and depth == 0:
            j = i + 1
            while j < end and text[j] in _ENDERS:
                j += 1
            k = j
            while k < end and text[k] in " \t\u00a0":
                k += 1
            if k >= end or (k > j and (text[k].isupper() or text[k] in _OPENERS or text[k].isdigit())):
                piece = _piece(text, begin, j, segment)
                if piece:
                    yield piece
                begin = k
                i = k
                continue
        i += 1
    piece = _piece(text, begin, end, segment)
    if piece:
        yield piece


def _piece(text: str, start: int, end: int, segment: int) -> Piece | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Piece(start, end, text[start:end], segment)
