"""The loaded document: original text, its NFC form, the offset map and the segments.

Every later step works on the NFC text (``Source.text``) and on offsets into it; only the
reporters translate an offset back to a line and column of the *original* text, through
``Source.position``. For a .docx the "original text" is the paragraphs in reading order
(body, then footnotes, then endnotes) joined by newlines, so a line is a paragraph.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum


class SegmentKind(str, Enum):
    BODY = "body"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    TABLE = "table"


@dataclass(frozen=True)
class Segment:
    """A stretch of the NFC text: the body, one footnote, one endnote or one table.

    ``start``/``end`` are offsets into ``Source.text``. ``number`` is the footnote, endnote
    or table number (1-based); ``ref`` is the offset in the NFC text of the marker in the
    body that refers to this footnote, when known.
    """

    kind: SegmentKind
    start: int
    end: int
    number: int | None = None
    ref: int | None = None

    @property
    def where(self) -> str:
        if self.kind is SegmentKind.BODY or self.number is None:
            return self.kind.value
        return f"{self.kind.value} {self.number}"


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in characters of the original text


@dataclass(frozen=True)
class Source:
    """A document ready for parsing.

    ``original`` is the text as read (decoded, BOM removed, newlines as in the file);
    ``text`` is its NFC form; ``offsets[i]`` is the offset in ``original`` of the
    character ``text[i]`` (with one extra entry for the end of the text).
    """

    path: str
    original: str
    text: str
    offsets: tuple[int, ...]
    segments: tuple[Segment, ...]
    kind: str = "txt"  # "txt", "md" or "docx"
    # Footnote reference markers in the body, as (start, end) NFC offsets: the "[\n]" of a
    # plain-text export. The parser reads through them as if they were not there.
    markers: tuple[tuple[int, int], ...] = ()
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @staticmethod
    def build(
        path: str,
        original: str,
        segments: list[tuple[SegmentKind, int, int, int | None, int | None]] | None = None,
        kind: str = "txt",
        markers: list[tuple[int, int]] | None = None,
    ) -> Source:
        """Normalise ``original`` and build the offset map.

        ``segments`` are given as (kind, start, end, number, ref) in *original* offsets, and
        ``markers`` as (start, end) original offsets; both are translated to NFC offsets.
        Without segments, the whole text is the body.
        """
        text, offsets = normalise(original)
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(original) if ch == "\n")
        to_nfc = _inverse(offsets, len(original))
        segs: list[Segment] = []
        for k, s, e, n, r in segments or [(SegmentKind.BODY, 0, len(original), None, None)]:
            segs.append(
                Segment(k, to_nfc[s], to_nfc[e], n, None if r is None else to_nfc[r])
            )
        marks = tuple((to_nfc[s], to_nfc[e]) for s, e in markers or ())
        return Source(
            path, original, text, tuple(offsets), tuple(segs), kind, marks, tuple(starts)
        )

    # -- positions ---------------------------------------------------------------
    def original_offset(self, nfc_offset: int) -> int:
        nfc_offset = max(0, min(nfc_offset, len(self.text)))
        return self.offsets[nfc_offset]

    def position(self, nfc_offset: int) -> Position:
        """Line and column (1-based) in the original text of an NFC offset."""
        off = self.original_offset(nfc_offset)
        line = bisect.bisect_right(self._line_starts, off) - 1
        return Position(line + 1, off - self._line_starts[line] + 1)

    def end_position(self, nfc_end: int) -> Position:
        """Line and column (1-based, exclusive) of the end of a span."""
        off = self.original_offset(nfc_end)
        line = bisect.bisect_right(self._line_starts, max(off - 1, 0)) - 1
        return Position(line + 1, off - self._line_starts[line] + 1)

    def line_text(self, line: int) -> str:
        """The original text of a 1-based line, without its newline."""
        start = self._line_starts[line - 1]
        end = (
            self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.original)
        )
        return self.original[start:end].rstrip("\r")

    def segment_at(self, nfc_offset: int) -> Segment:
        for seg in self.segments:
            if seg.start <= nfc_offset < seg.end:
                return seg
        return self.segments[0] if self.segments else Segment(SegmentKind.BODY, 0, len(self.text))

    def where(self, nfc_offset: int) -> str:
        return self.segment_at(nfc_offset).where


_COMBINING = re.compile(r"[^\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]?[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def normalise(original: str) -> tuple[str, list[int]]:
    """NFC-normalise ``original`` and map each output character to its source offset.

    Only the runs of a base letter with its combining marks can change; the text between
    them is copied as it is. A composed character points at the first original character
    of its run. The map has one entry per character of the result, plus one for the end.
    """
    if unicodedata.is_normalized("NFC", original):
        return original, list(range(len(original) + 1))
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _COMBINING.finditer(original):
        i, j = m.span()
        if i > pos:
            out.append(original[pos:i])
            offsets.extend(range(pos, i))
        run = original[i:j]
        norm = unicodedata.normalize("NFC", run)
        out.append(norm)
        offsets.extend(range(i, j) if len(norm) == len(run) else [i] * len(norm))
        pos = j
    out.append(original[pos:])
    offsets.extend(range(pos, len(original)))
    offsets.append(len(original))
    text = "".join(out)
    if text != unicodedata.normalize("NFC", original):  # a script that composes otherwise
        return _normalise_by_runs(original)
    return text, offsets


def _normalise_by_runs(original: str) -> tuple[str, list[int]]:
    """The general case: cut the text into runs that start at a character of combining
    class 0 and normalise each one."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        run = original[i:j]
        norm = unicodedata.normalize("NFC", run)
        out.append(norm)
        offsets.extend(range(i, j) if len(norm) == len(run) else [i] * len(norm))
        i = j
    offsets.append(n)
    return "".join(out), offsets


def _inverse(offsets: list[int] | tuple[int, ...], original_length: int) -> list[int]:
    """For each original offset, the first NFC offset at or after it."""
    if len(offsets) == original_length + 1:  # nothing was composed: the identity
        return list(range(original_length + 1))
    inv = [0] * (original_length + 1)
    j = len(offsets) - 1
    for orig in range(original_length, -1, -1):
        while j > 0 and offsets[j - 1] >= orig:
            j -= 1
        inv[orig] = j
    return inv
