"""The report's own section headings ("I.", "II.", "2.1.", "2.3.3.1. ..."), found in a Source.

A reviewer thinks in the draft's own outline ("the share in 2.1.1 is wrong"), so the
reports group findings under these headings. A Vietnamese administrative report numbers its
parts with Roman numerals ("I. KHÁI QUÁT ĐẶC ĐIỂM") and its subsections with dotted Arabic
numbers ("2.3.3.1. Nâng cao chất lượng ..."); a heading is a line of the body that starts
with such a number and then a capital letter (in Markdown, after its "#" marks or inside
"**"). A heading line often runs on into its first
sentence after a colon ("2.2.1. Công tác quy hoạch cán bộ: Công tác rà soát ..."): the
title stops at the colon.

Everything here is a pure function of the Source: no rule, no reporter state.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from checker.source import SegmentKind, Source

# The longest title kept; a heading that runs on without a colon is cut at a word.
MAX_TITLE = 90
ELLIPSIS = "…"

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN = re.compile(r"(?P<num>[IVXLC]{1,7})\.[ \t\u00a0]+(?P<title>\S.*)")
# 1. / 2.1. / 2.3.3.1. (the final dot is optional after two or more parts: "2.1 Kết quả")
_ARABIC = re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2}){1,5}\.?|\d{1,2}\.)[ \t\u00a0]+(?P<title>\S.*)")

# Markdown's heading marks ("## 2.1. ...") and emphasis ("**I. KẾT QUẢ**") around a number
_MARKDOWN = re.compile(r"^#{1,6}[ \t]+")


@dataclass(frozen=True)
class Heading:
    """One heading: where it starts (an offset into ``Source.text``), its number as written
    ("2.1.", "III."), its title, and its depth (0 for a Roman part, 1 for "1.", 2 for
    "2.1." ...)."""

    offset: int
    number: str
    title: str
    level: int

    @property
    def text(self) -> str:
        return f"{self.number} {self.title}"


def find_headings(source: Source) -> tuple[Heading, ...]:
    """Every heading of the body (tables and notes have none), in text order."""
    out: list[Heading] = []
    for start, line in _body_lines(source):
        heading = parse_heading(line)
        if heading is not None:
            number, title, level = heading
            lead = len(line) - len(line.lstrip())
            out.append(Heading(start + lead, number, title, level))
    return tuple(out)


def headings(source: Source) -> tuple[tuple[int, str], ...]:
    """(offset, heading text) pairs: the shape the reports use to label a place."""
    return tuple((h.offset, h.text) for h in find_headings(source))


def parse_heading(line: str) -> tuple[str, str, int] | None:
    """(number, title, level) when ``line`` opens a section, else None.

    >>> parse_heading("2.3.3.1. Nâng cao chất lượng công tác quy hoạch")
    ('2.3.3.1.', 'Nâng cao chất lượng công tác quy hoạch', 4)
    >>> parse_heading("2.554 đồng chí") is None
    True
    """
    line = unicodedata.normalize("NFC", line).strip().replace("\v", " ")
    line = _MARKDOWN.sub("", line).replace("**", "").replace("__", "").strip()
    m = _ROMAN.fullmatch(line)
    if m and roman_value(m["num"]) is not None:
        level, number = 0, m["num"] + "."
    else:
        m = _ARABIC.fullmatch(line)
        if not m:
            return None
        number = m["num"] if m["num"].endswith(".") else m["num"] + "."
        level = number.count(".")
    title = _title(m["title"])
    if not title or not title[0].isupper():
        return None
    return number, title, level


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral below 400, else None ("IIII", "VX" are not)."""
    total = 0
    previous = 0
    for ch in reversed(numeral):
        value = _ROMAN_VALUES[ch]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if 0 < total < 400 and to_roman(total) == numeral else None


def to_roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


def path_at(heads: tuple[Heading, ...], offset: int) -> tuple[Heading, ...]:
    """The chain of headings the text at ``offset`` stands under, outermost first
    ("III." > "2." > "2.1."); empty before the first heading."""
    index = bisect.bisect_right([h.offset for h in heads], offset)
    chain: list[Heading] = []
    for heading in heads[:index]:
        while chain and chain[-1].level >= heading.level:
            chain.pop()
        chain.append(heading)
    return tuple(chain)


def _title(text: str) -> str:
    """The heading's title: up to a colon that opens its first sentence, without the
    closing punctuation, cut at a word when long."""
    colon = re.search(r":(\s|$)", text)
    if colon:
        text = text[: colon.start()]
    text = " ".join(text.split()).rstrip(" .;,")
    if len(text) <= MAX_TITLE:
        return text
    cut = text[: MAX_TITLE - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;") + ELLIPSIS


def _body_lines(source: Source) -> list[tuple[int, str]]:
    """(NFC offset, text) of each line that starts inside a body segment."""
    text = source.text
    bodies = [s for s in source.segments if s.kind is SegmentKind.BODY]
    out: list[tuple[int, str]] = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if any(s.start <= start < s.end for s in bodies):
            out.append((start, text[start:end].rstrip("\r")))
        start = end + 1
    return out
