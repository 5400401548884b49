"""Reading the lists a stated count introduces: a numbered list inline or in the footnote
whose marker follows the count, and a bracket of names right after it. Shared by X201
and X202; nothing here decides whether a count is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.rules.xref.metrics import Places, lower

from checker.facts import Quantity
from checker.source import Segment, SegmentKind, Source

# Units a listed count can be of: things and people, not money or time.
LISTABLE = frozenset(
    {"document", "task", "organisation", "case", "session", "person", "class", "card", "visit"}
)
EXPLICIT = ("bao gồm", "gồm có", "gồm", "như sau", "sau đây", "sau", "cụ thể", "cụ thể là", "cụ thể như sau")

_PAREN_ITEM = re.compile(r"\((\d{1,2})\)")
_LINE_ITEM = re.compile(r"(?m)^[ \t]*(\d{1,2})[.)][ \t]")
_BULLET = re.compile(r"(?m)^[ \t]*[-+•–][ \t]+\S")
_GAP = re.compile(r"^[^\S\n]*(?:[^\W\d_]+[^\S\n]*){0,4}:?[^\S\n]*$")  # a few words, a colon
_ENDERS = ".;…)”\"!?"


@dataclass(frozen=True)
class Counted:
    """Items counted in a list: how many, whether the list ran on to its end, where."""

    items: int
    complete: bool
    style: str  # "(n)", "n.", "-" or "names"
    where: str  # "inline", "footnote 11", "bracket"
    start: int
    end: int
    reliable: bool = True  # numbering consecutive from 1


def _numbered(text: str, regex: re.Pattern[str]) -> tuple[int, bool, int]:
    """(items, consecutive from 1, offset where the last item starts) of a numbered list."""
    numbers = [(int(m.group(1)), m.start()) for m in regex.finditer(text)]
    if not numbers or numbers[0][0] != 1:
        return 0, False, 0
    count, last = 0, 0
    for n, pos in numbers:
        if n == count + 1:
            count, last = n, pos
        elif n == 1 and count:
            break  # a new list starts
        else:
            return count, False, last
    return count, True, last


def count_items(text: str) -> tuple[int, str, bool, int] | None:
    """The longest list in ``text``: (items, style, consecutive, offset of last item)."""
    best: tuple[int, str, bool, int] | None = None
    for style, regex in (("(n)", _PAREN_ITEM), ("n.", _LINE_ITEM)):
        n, ok, last = _numbered(text, regex)
        if n and (best is None or n > best[0]):
            best = (n, style, ok, last)
    bullets = list(_BULLET.finditer(text))
    if len(bullets) >= 2 and (best is None or len(bullets) > best[0]):
        best = (len(bullets), "-", True, bullets[-1].start())
    return best


def _complete(text: str) -> bool:
    """Whether a list's text ends as a finished sentence (not cut mid-item)."""
    tail = text.rstrip()
    return bool(tail) and tail[-1] in _ENDERS


def introduced(source: Source, q: Quantity) -> bool:
    """Whether the count is introduced as a list ("bao gồm 12 văn bản", "gồm 3 nội dung
    sau")."""
    before = lower(source.text[max(0, q.span.start - 12) : q.span.start]).strip()
    after = lower(source.text[q.span.end : q.span.end + 30])
    return any(before.endswith(w) for w in EXPLICIT) or any(
        re.match(rf"^\s*(?:\w+\s+){{0,2}}{re.escape(w)}\b", after) for w in ("sau", "như sau", "sau đây")
    )


def footnote_list(source: Source, q: Quantity, places: Places | None = None) -> Counted | None:
    """The numbered list of the footnote whose marker follows the count."""
    places = places or Places(source)
    for seg in places.notes_between(q.span.end, q.span.end + 40):
        if seg.kind not in (SegmentKind.FOOTNOTE, SegmentKind.ENDNOTE) or seg.ref is None:
            continue
        if not _GAP.match(source.text[q.span.end : seg.ref]):
            continue
        return _in_segment(source, seg)
    return None


def _in_segment(source: Source, seg: Segment) -> Counted | None:
    text = source.text[seg.start : seg.end]
    text = re.sub(r"^\s*\[[^\]\n]{0,3}\]?", lambda m: " " * len(m.group(0)), text)
    found = count_items(text)
    if found is None:
        return None
    n, style, ok, _ = found
    return Counted(n, _complete(text), style, seg.where, seg.start, seg.end, ok)


def inline_list(source: Source, q: Quantity) -> Counted | None:
    """A numbered list right after the count and a colon, on its line or the lines after."""
    text = source.text
    line_end = text.find("\n", q.span.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[q.span.end : line_end]
    colon = re.match(r"^[^\S\n]*(?:[^\W\d_]+[^\S\n]*){0,4}:", rest)
    if colon is None:
        return None
    start = q.span.end + colon.end()
    if text[start:line_end].strip():
        region_end = line_end
        if not re.match(r"^\s*(?:\(1\)|1[.)]\s)", text[start:line_end]):
            return None
    else:  # "... gồm 3 nội dung sau:" and the items on the lines that follow
        region_end = start
        for m in re.finditer(r"[^\n]*\n?", text[line_end + 1 :]):
            line = m.group(0)
            if not re.match(r"^[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)][ \t]|[-+•–][ \t])", line):
                break
            region_end = line_end + 1 + m.end()
        if region_end == start:
            return None
    found = count_items(text[start:region_end])
    if found is None:
        return None
    n, style, ok, _ = found
    return Counted(n, _complete(text[start:region_end]), style, "inline", start, region_end, ok)


def bracket_names(source: Source, q: Quantity) -> Counted | None:
    """"03 đơn vị (A; B và C)": the names listed in the bracket right after the count.

    Items are separated by ";" when there is one, else by ","; the last item is split at
    its first "và". A bracket with a figure in it is a breakdown, not a list of names, and
    one where an item is a single word ("huyện, thị ủy") is not trusted.
    """
    text = source.text
    gap = re.match(r"^[^\S\n]*(?:[^\W\d_]+[^\S\n]*){0,3}\(", text[q.span.end : q.span.end + 60])
    if gap is None:
        return None
    open_at = q.span.end + gap.end()
    depth, i = 1, open_at
    while i < len(text) and depth:
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
        elif text[i] == "\n":
            return None
        i += 1
    if depth:
        return None
    inner = text[open_at : i - 1]
    if any(ch.isdigit() for ch in inner) or not inner.strip():
        return None
    head = lower(inner.strip())
    if head.startswith(("trong đó", "gồm", "bao gồm", "gọi tắt", "viết tắt", "cụ thể", "tức", "là")):
        return None
    sep = ";" if ";" in inner else ","
    pieces = [p.strip() for p in inner.split(sep)]
    last = re.split(r"\s+và\s+", pieces[-1], maxsplit=1)
    if len(pieces) > 1 or _parallel(pieces[0], last):
        pieces = pieces[:-1] + last
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or any(len(p.split()) < 2 for p in pieces):
        return None
    return Counted(len(pieces), True, "names", "bracket", open_at, i - 1)


def _parallel(first: str, split: list[str]) -> bool:
    """"(A và B)" is two items when both halves start alike ("Phó Giám đốc ... và Phó ...")."""
    return len(split) == 2 and split[0].split()[:1] == split[1].split()[:1]
