"""Cut a document into the sentences the grammar is given.

A sentence ends at ".", "!", "?" or "…" followed by white space and a capital letter, an
opening bracket or quote, or at the end of a paragraph; never inside brackets. Footnote
markers are masked first, so a body sentence runs on through its "[\\n]" marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checker.source import SegmentKind, Source

_ENDERS = ".!?…"
_CHUNK = re.compile(r"\S+")
_OPENERS = "(\"“‘-–"


@dataclass(frozen=True)
class Piece:
    """A sentence: its offsets in the NFC text and its text (with markers masked)."""

    start: int
    end: int
    text: str
    segment: int  # index of the segment in Source.segments


_MD_NOTE = re.compile(r"\[\^[^\]\s]{1,12}\]:?")
_NOTE_LABEL = re.compile(r"\s*\[[^\]\n]{0,12}(?:\]:?|(?=\s))")


def masked_text(source: Source) -> str:
    """The NFC text with every footnote marker, and the label that opens each footnote
    ("[\ufffd]", "[^2]:"), replaced by spaces: the offsets stay, the numbers go."""
    notes = [s for s in source.segments if s.kind in (SegmentKind.FOOTNOTE, SegmentKind.ENDNOTE)]
    md_notes = list(_MD_NOTE.finditer(source.text)) if "[^" in source.text else []
    if not source.markers and not notes and not md_notes:
        return source.text
    chars = list(source.text)
    for m in md_notes:  # "[^2]" and "[^2]:", even when Markdown arrives as plain text (stdin)
        for i in range(m.start(), m.end()):
            chars[i] = " "
    for start, end in source.markers:
        for i in range(start, end):
            chars[i] = " "
    for seg in notes:
        label = _NOTE_LABEL.match(source.text, seg.start, seg.end)
        if label:
            for i in range(label.start(), label.end()):
                if not chars[i].isspace():
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


_KEEP_BEFORE = 12  # words kept before a figure: its label, "trong đó", "tổng số"
_KEEP_AFTER = 8  # words kept after a figure: its unit and the rest of its label
_CODE_BEFORE = 3  # before a code or a date: the type word and "số"
_CODE_AFTER = 12  # after it: "ngày ...", "của" and the issuer ("Hội đồng nhân dân tỉnh Hậu Giang")
_CODE = re.compile(r"\d[-/][A-ZĐ]|\d{1,2}/\d{1,2}/\d{4}")


def focus(text: str) -> str:
    """The sentence with the letters of words far from any number blanked out.

    Only figures carry facts; the prose far from them is replaced by spaces of the same
    length (so every offset stays true), while punctuation is kept (so brackets, quotes
    and separators still give the sentence its shape). The lexer skips the blanks at once.
    A citation code or a date needs a narrower window than a figure with its label.
    """
    chunks = [(m.start(), m.end()) for m in _CHUNK.finditer(text)]
    keep = bytearray(len(chunks))
    found = False
    for a, (s, e) in enumerate(chunks):
        chunk = text[s:e]
        if not any(c.isdigit() for c in chunk):
            continue
        found = True
        code = _CODE.search(chunk) is not None and "%" not in chunk
        before, after = (_CODE_BEFORE, _CODE_AFTER) if code else (_KEEP_BEFORE, _KEEP_AFTER)
        for i in range(max(0, a - before), min(len(chunks), a + after + 1)):
            keep[i] = 1
    if not found or all(keep):
        return text
    out = list(text)
    for i, (s, e) in enumerate(chunks):
        if not keep[i]:
            for j in range(s, e):
                if out[j].isalpha():
                    out[j] = " "
    return "".join(out)
