"""C202: a cited document dated after the report that cites it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from checker.engine import Document, Rule
from checker.extract.citations import header_date
from checker.facts import Date, Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import show_date
from checker.rules.citations.impossible_date import days_in_month, is_real


@dataclass(frozen=True)
class ReportBound:
    """The last day the report can bear, and how to name it in a message."""

    latest: dt.date
    vi: str
    en: str


def report_bound(doc: Document) -> ReportBound | None:
    """From ``--report-date`` (or the configuration), else from the header's date line,
    whose blank day or month (a draft) widen the bound to the month or the year."""
    given = doc.settings.report_date
    if given is not None:
        shown = f"{given.day:02d}/{given.month:02d}/{given.year}"
        return ReportBound(given, f"ngày báo cáo {shown}", f"the report's date {shown}")
    header = header_date(doc.source)
    if header is None:
        return None
    year, month, day = header.year, header.month, header.day
    if month is None or not 1 <= month <= 12:
        return ReportBound(dt.date(year, 12, 31), f"báo cáo năm {year}", f"the report of {year}")
    last = days_in_month(year, month)
    if day is None or not 1 <= day <= last:
        return ReportBound(
            dt.date(year, month, last),
            f"báo cáo tháng {month}/{year}",
            f"the report of {month}/{year}",
        )
    shown = f"{day:02d}/{month:02d}/{year}"
    return ReportBound(dt.date(year, month, day), f"ngày báo cáo {shown}", f"the report's date {shown}")


class DateAfterReport(Rule):
    """A document a report cites cannot be dated after the report itself.

    The report's date is the one given with --report-date (or in the configuration), else
    the one in its header ("Hậu Giang, ngày 05 tháng 7 năm 2023"). A draft often leaves the
    day and month blank ("ngày    tháng    năm 2023"): then the year (or the month) bounds
    the dates of the documents it cites.

    Wrong: in a report of 2023, "Quyết định số 3029-QĐ/TU ngày 21/6/2024"
    Right: "Quyết định số 3029-QĐ/TU ngày 21/6/2023"
    """

    doc_vi = """Văn bản được trích dẫn không thể ban hành sau chính báo cáo.

    Ngày của báo cáo là ngày cho bằng --report-date (hoặc trong cấu hình), nếu không thì là
    ngày ở phần đầu văn bản ("Hậu Giang, ngày 05 tháng 7 năm 2023"). Dự thảo thường để trống
    ngày và tháng ("ngày    tháng    năm 2023"): khi đó năm (hoặc tháng) là giới hạn cho ngày
    của các văn bản được trích dẫn.

    Sai: trong báo cáo năm 2023, "Quyết định số 3029-QĐ/TU ngày 21/6/2024"
    Đúng: "Quyết định số 3029-QĐ/TU ngày 21/6/2023"
    """

    code = "C202"
    name = "date.after-report"
    category = "date"
    severity = Severity.ERROR
    wants = (Reference, Date)

    def check(self, doc: Document) -> Iterator[Finding]:
        bound = report_bound(doc)
        if bound is None:
            return
        for ref in doc.facts.of(Reference):
            date = doc.facts.get(ref.date)
            if not isinstance(date, Date) or date.day is None or date.month is None or date.year is None:
                continue
            if not is_real(date):
                continue
            if dt.date(date.year, date.month, date.day) <= bound.latest:
                continue
            shown = show_date(date)
            yield self.finding(
                date.span,
                Message(
                    vi=f"{ref.text} ngày {shown} ban hành sau {bound.vi}",
                    en=f"{ref.text} dated {shown} is later than {bound.en}",
                ),
                stated=shown,
                related=(ref.span,),
            )
