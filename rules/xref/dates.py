"""The report's own date, as an interval, for the rules that measure spans against it.

The date comes from the settings (``--report-date``) when given; otherwise from the header
("Hậu Giang, ngày 05 tháng 02 năm 2024"): a full date when the day and month are filled in,
the whole year when they are left blank for the signature ("ngày      tháng     năm 2023").
A report cannot cite a document issued after itself, so when only the year is known the
interval starts no earlier than the latest date the report cites within that year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.engine import Document
from checker.facts import Date, Term

HEADER_LINES = 15  # the place-and-date line stands in the first lines of a report


@dataclass(frozen=True)
class ReportDate:
    """The report's date: exactly known (``first == last``) or somewhere in an interval."""

    first: dt.date
    last: dt.date
    source_vi: str  # how it was found, for evidence
    source_en: str

    @property
    def exact(self) -> bool:
        return self.first == self.last

    @property
    def year(self) -> int:
        return self.last.year


def report_date(doc: Document) -> ReportDate | None:
    if doc.settings.report_date is not None:
        d = doc.settings.report_date
        return ReportDate(d, d, f"ngày báo cáo {vn(d)}", f"report date {d:%Y-%m-%d}")
    header = _header(doc)
    if header is None:
        return None
    if header.exact:
        return header
    cited = [_as_date(f) for f in doc.facts.of(Date) if not _in_header(doc, f)]
    within = [d for d in cited if d is not None and header.first <= d <= header.last]
    if not within:
        return header
    latest = max(within)
    return ReportDate(
        latest,
        header.last,
        f"{header.source_vi}, sau văn bản được trích dẫn ngày {vn(latest)}",
        f"{header.source_en}, after the cited document of {latest:%Y-%m-%d}",
    )


def _line(doc: Document, offset: int) -> int:
    return doc.source.position(offset).line


def _in_header(doc: Document, fact: Date | Term) -> bool:
    if _line(doc, fact.span.start) > HEADER_LINES or doc.source.where(fact.span.start) != "body":
        return False
    text = doc.source.line_text(_line(doc, fact.span.start)).lower()
    return "tháng" in text and "ngày" in text


def _header(doc: Document) -> ReportDate | None:
    """The date of the place-and-date line: a Date written in words, else the year of
    "năm 2023" on a line that also says "ngày ... tháng"."""
    for f in doc.facts.items:
        if f.span.start > len(doc.source.text) or _line(doc, f.span.start) > HEADER_LINES:
            break
        if isinstance(f, Date) and f.style == "words" and _in_header(doc, f):
            d = _as_date(f)
            if d is not None:
                return ReportDate(d, d, f"ngày ở đầu văn bản {vn(d)}", f"header date {d:%Y-%m-%d}")
            if f.year is not None and f.day is None:  # "ngày      tháng     năm 2023"
                return _year_only(f.year)
        if isinstance(f, Term) and f.word == "năm" and f.end_year is None and _in_header(doc, f):
            return _year_only(f.start_year)
    return None


def _year_only(y: int) -> ReportDate:
    return ReportDate(
        dt.date(y, 1, 1),
        dt.date(y, 12, 31),
        f"năm ở đầu văn bản {y} (chưa ghi ngày, tháng)",
        f"header year {y} (day and month left blank)",
    )


def _as_date(f: Date) -> dt.date | None:
    if f.year is None or f.month is None or f.day is None:
        return None
    try:
        return dt.date(f.year, f.month, f.day)
    except ValueError:
        return None


def as_date(f: Date) -> dt.date | None:
    """A cited date as a calendar date (None when incomplete or impossible)."""
    return _as_date(f)


def years_between(earlier: dt.date, later: dt.date) -> float:
    return (later - earlier).days / 365.2425


def vn(d: dt.date) -> str:
    """A date as Vietnamese prose writes it: "19/5/2018"."""
    return f"{d.day}/{d.month}/{d.year}"
