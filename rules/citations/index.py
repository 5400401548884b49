"""The citation index: every cited document with all its mentions.

A document is known by its number and code, whatever the separators and leading zeros
("28-KLTW" and "28-KL/TW", "05-ĐA/TU" and "5-ĐA/TU" are one document). A mention by a
number alone ("Nghị quyết 26", "Đề án số 01") joins the document of the same type and
number when exactly one is cited with a code; otherwise it stands as a document of its own,
without a code. Building the index is one pass over the references plus one over the short
mentions: the citation rules compare mentions within a document, never all pairs.

``citation_index`` is a pure function of the facts, for the rules, ``rasoat facts`` and the
HTML report.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.extract.citations import CodeParts, code_parts
from checker.facts import Date, Facts, Reference, Span
from checker.source import Source


@dataclass(frozen=True)
class Mention:
    """One place where a document is cited, with what that place says of it."""

    reference: int  # id of the Reference fact
    span: Span
    text: str  # "Kế hoạch số 37-KH/TU"
    doc_type: str  # the type word, lower case: "kế hoạch"
    number: str | None  # as written: "05"
    raw_code: str | None  # the number and code as written: "37-KH/TU"; None for "Đề án 01"
    date: Date | None  # the Date fact of "ngày 29/6/2021", when the citation gives one
    issuer: str | None
    title: str | None
    short: bool = False  # cited by its number alone and joined to a coded document

    @property
    def parts(self) -> CodeParts | None:
        return code_parts(self.raw_code)

    @property
    def day(self) -> tuple[int, int, int] | None:
        """The date as (year, month, day), for comparing; None without a full date."""
        d = self.date
        if d is None or d.day is None or d.month is None or d.year is None:
            return None
        return (d.year, d.month, d.day)


@dataclass(frozen=True)
class CitedDocument:
    """A document and every mention of it, in text order.

    ``doc_type`` and ``code`` are the forms most mentions use (a well-formed code before a
    malformed one); ``number`` is the number as that code writes it.
    """

    key: str
    doc_type: str
    number: str | None
    code: str | None
    mentions: tuple[Mention, ...]

    @property
    def label(self) -> str:
        """How a message names the document: "Kế hoạch số 37-KH/TU"."""
        word = self.doc_type[:1].upper() + self.doc_type[1:]
        return f"{word} số {self.code or self.number or ''}".strip()

    @property
    def dates(self) -> tuple[tuple[int, int, int], ...]:
        """The distinct dates its mentions give, in order of first appearance."""
        seen: dict[tuple[int, int, int], None] = {}
        for m in self.mentions:
            if m.day is not None:
                seen.setdefault(m.day)
        return tuple(seen)


def citation_index(facts: Facts) -> list[CitedDocument]:
    """Every cited document of a document's facts, in order of first mention.

    Several rules ask for the index of the same facts; the last few are kept (facts are
    immutable, and hashing them costs far less than building the index again).
    """
    return list(_index(facts))


@lru_cache(maxsize=4)
def _index(facts: Facts) -> tuple[CitedDocument, ...]:
    coded: dict[str, list[Mention]] = {}
    bare: dict[tuple[str, int], list[Mention]] = {}
    for ref in facts.of(Reference):
        mention = _mention(facts, ref)
        parts = mention.parts
        if parts is not None:
            coded.setdefault(parts.key, []).append(mention)
        elif ref.number is not None and ref.number.isdigit():
            bare.setdefault((ref.doc_type, int(ref.number)), []).append(mention)
    by_type_number: dict[tuple[str, int], set[str]] = {}
    for key, mentions in coded.items():
        for m in mentions:
            parts = m.parts
            assert parts is not None
            by_type_number.setdefault((m.doc_type, int(parts.number)), set()).add(key)
    documents: dict[str, list[Mention]] = dict(coded)
    for (doc_type, number), mentions in bare.items():
        targets = by_type_number.get((doc_type, number), set())
        if len(targets) == 1:
            key = next(iter(targets))
            documents[key] = documents[key] + [_as_short(m) for m in mentions]
        else:
            documents[f"{doc_type}:{number}"] = mentions
    out = [_document(key, sorted(ms, key=lambda m: m.span.start)) for key, ms in documents.items()]
    out.sort(key=lambda d: d.mentions[0].span.start)
    return tuple(out)


def _mention(facts: Facts, ref: Reference) -> Mention:
    date = facts.get(ref.date)
    return Mention(
        reference=ref.id,
        span=ref.span,
        text=ref.text,
        doc_type=ref.doc_type,
        number=ref.number,
        raw_code=ref.raw_code if code_parts(ref.raw_code) is not None else None,
        date=date if isinstance(date, Date) else None,
        issuer=ref.issuer,
        title=ref.title,
    )


def _as_short(m: Mention) -> Mention:
    return dataclasses.replace(m, short=True)


def _document(key: str, mentions: list[Mention]) -> CitedDocument:
    doc_type = Counter(m.doc_type for m in mentions).most_common(1)[0][0]
    codes: Counter[str] = Counter(
        m.raw_code
        for m in mentions
        if m.raw_code is not None and (p := m.parts) is not None and p.defect is None
    )
    if not codes:
        codes = Counter(m.raw_code for m in mentions if m.raw_code is not None)
    code = _most_common_first(codes, [m.raw_code for m in mentions])
    parts = code_parts(code)
    number = parts.number if parts is not None else mentions[0].number
    return CitedDocument(key, doc_type, number, code, tuple(mentions))


def _most_common_first(counts: Counter[str], order: list[str | None]) -> str | None:
    """The most common value; among equals, the one that comes first in ``order``."""
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in order if v is not None and counts.get(v) == top)


def index_json(source: Source, documents: list[CitedDocument]) -> list[dict[str, Any]]:
    """The index as JSON data for ``rasoat facts`` and the HTML report: each document with
    its mentions, each placed by line and column in the original file."""
    out: list[dict[str, Any]] = []
    for d in documents:
        mentions = []
        for m in d.mentions:
            pos = source.position(m.span.start)
            mentions.append(
                {
                    "line": pos.line,
                    "column": pos.column,
                    "where": source.where(m.span.start),
                    "text": m.text,
                    "code": m.raw_code,
                    "date": _iso(m.day),
                    "date_text": m.date.text if m.date is not None else None,
                    "issuer": m.issuer,
                    "title": m.title,
                    "short": m.short,
                }
            )
        out.append(
            {
                "type": d.doc_type,
                "number": d.number,
                "code": d.code,
                "label": d.label,
                "dates": [_iso(day) for day in d.dates],
                "mentions": mentions,
            }
        )
    return out


def _iso(day: tuple[int, int, int] | None) -> str | None:
    return None if day is None else f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}"
