"""What the citation and date rules share: lines for messages, dates as written, and which
mentions of a document disagree with the others."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from checker.engine import Document
from checker.extract.citations import date_digits
from checker.facts import Date, Span
from checker.rules.citations.index import Mention

V = TypeVar("V", bound=Hashable)


def line(doc: Document, span: Span) -> int:
    """The 1-based line (a paragraph in a .docx) where a span starts."""
    return doc.source.position(span.start).line


def lines(doc: Document, mentions: Iterable[Mention], limit: int = 4) -> str:
    """"23", "23, 88", "23, 40, 88, 95, …": the distinct lines of some mentions."""
    seen = _distinct_lines(doc, mentions)
    shown = ", ".join(str(n) for n in seen[:limit])
    return shown + (", …" if len(seen) > limit else "")


def at_lines(doc: Document, mentions: Iterable[Mention]) -> tuple[str, str]:
    """Where some mentions stand, for a message: ("dòng 23, 184", "lines 23, 184")."""
    items = list(mentions)
    shown = lines(doc, items)
    plural = len(_distinct_lines(doc, items)) > 1
    return f"dòng {shown}", f"{'lines' if plural else 'line'} {shown}"


def _distinct_lines(doc: Document, mentions: Iterable[Mention]) -> list[int]:
    seen: list[int] = []
    for m in mentions:
        n = line(doc, m.span)
        if n not in seen:
            seen.append(n)
    return seen


def show_date(date: Date) -> str:
    """A date as the document writes it: "29/6/2021", "05/02/2020" for a date in words."""
    d = date_digits(date)
    return f"{d.day}/{d.month}/{d.year}"


@dataclass(frozen=True)
class Dissent(Generic[V]):
    """How the mentions of one document disagree on a value (a date, a title, a type).

    ``groups`` holds each value with its mentions, in order of first appearance;
    ``expected`` is the value most mentions give (None on a tie); ``odd`` are the
    mentions to report: those that differ from the majority, or on a tie every mention
    whose value is not the first one given.
    """

    groups: tuple[tuple[V, tuple[Mention, ...]], ...]
    expected: V | None
    odd: tuple[Mention, ...]

    def others(self, value: V) -> tuple[Mention, ...]:
        """The mentions that give another value."""
        return tuple(m for v, ms in self.groups if v != value for m in ms)


def dissent(mentions: Sequence[Mention], value_of: Callable[[Mention], V | None]) -> Dissent[V] | None:
    """The disagreement among mentions on ``value_of``; None when they agree (mentions
    whose value is None say nothing)."""
    groups: dict[V, list[Mention]] = {}
    for m in mentions:
        v = value_of(m)
        if v is not None:
            groups.setdefault(v, []).append(m)
    if len(groups) < 2:
        return None
    sizes = sorted((len(ms) for ms in groups.values()), reverse=True)
    if sizes[0] > sizes[1]:
        expected: V | None = max(groups, key=lambda v: len(groups[v]))
        keep = expected
    else:
        expected = None
        keep = next(iter(groups))
    odd = tuple(m for v, ms in groups.items() if v != keep for m in ms)
    frozen = tuple((v, tuple(ms)) for v, ms in groups.items())
    return Dissent(frozen, expected, tuple(sorted(odd, key=lambda m: m.span.start)))
