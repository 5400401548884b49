"""Small helpers the text rules share: configured word lists, places, numbers in messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.rules.text.lexicon import option_pairs, option_strings
from checker.rules.text.spelling import Suspect, analyse
from checker.rules.text.syllable import parse

from checker.engine import Document
from checker.facts import Span

if TYPE_CHECKING:
    from checker.rules.text.style import Usage

LINES_SHOWN = 5  # how many other places a message lists


def suspects(doc: Document) -> tuple[Suspect, ...]:
    """The spelling analysis of this document with the configured extra word lists."""
    opt = doc.settings.option
    return analyse(
        doc.source.text,
        option_strings(opt("text.words")),
        option_strings(opt("text.allow")),
        option_pairs(opt("text.confusions")),
    )


def span(start: int, end: int) -> Span:
    return Span(start, end)


def count(n: int) -> str:
    """A count the Vietnamese way: 3.380 (the English message uses the same digits)."""
    return f"{n:,}".replace(",", ".")


def lines(doc: Document, offsets: Iterable[int], limit: int = LINES_SHOWN) -> str:
    """"19, 21, 23, …" — distinct original line numbers of some NFC offsets."""
    seen: list[int] = []
    for off in offsets:
        line = doc.source.position(off).line
        if line not in seen:
            seen.append(line)
    shown = ", ".join(str(n) for n in seen[:limit])
    return shown + (", …" if len(seen) > limit else "")


def quote(text: str) -> str:
    return f"“{text}”"


_PARTS = {"tone": ("dấu thanh", "tone mark"), "onset": ("phụ âm đầu", "initial consonant"),
          "rhyme": ("vần", "rhyme")}


def change(stated: str, suggested: str) -> tuple[str, str]:
    """What differs between two spellings of a word, in Vietnamese and English."""
    parts: list[str] = []
    for a, b in zip(stated.split(), suggested.split()):
        sa, sb = parse(a), parse(b)
        if sa.onset != sb.onset:
            parts.append("onset")
        if sa.rhyme != sb.rhyme:
            parts.append("rhyme")
        if sa.tone != sb.tone:
            parts.append("tone")
    parts = list(dict.fromkeys(parts)) or ["rhyme"]
    return (
        "khác ở " + " và ".join(_PARTS[p][0] for p in parts),
        "differs in the " + " and the ".join(_PARTS[p][1] for p in parts),
    )


WORDS_SHOWN = 6  # the minority words listed in a grouped style finding


@dataclass(frozen=True)
class Minority:
    """The places a document writes in its minority style (tone placement, i/y), ready for a
    grouped finding: their spans, the words with their counts, and the majority's examples."""

    minor: str
    major: str
    spans: tuple[Span, ...]
    first: str  # the first minority word as written
    listed: str  # "uỷ (8), hoá (7)"
    examples: str  # the majority's commonest words
    n_minor: int
    n_major: int


def minority(text: str, usage: "Usage") -> Minority | None:
    """The minority of a style usage in ``text``, or None when the document is consistent."""
    from collections import Counter

    from checker.rules.text.tokens import tokenize

    found = usage.minority()
    if found is None:
        return None
    minor, where = found
    major = next(k for k in usage.variants if k != minor)
    items = tokenize(text).items
    words = Counter(items[i].text.lower() for i in where)
    major_words = Counter(items[i].text.lower() for i in usage.of(major))
    return Minority(
        minor=minor,
        major=major,
        spans=tuple(span(items[i].start, items[i].end) for i in where),
        first=items[where[0]].text,
        listed=", ".join(f"{w} ({n})" for w, n in words.most_common(WORDS_SHOWN)),
        examples=", ".join(w for w, _ in major_words.most_common(3)),
        n_minor=len(where),
        n_major=len(usage.of(major)),
    )
