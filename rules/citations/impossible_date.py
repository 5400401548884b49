"""C201: a date that is not in the calendar."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.facts import Date
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import show_date


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def is_real(date: Date) -> bool:
    """Whether a date with all its parts is in the calendar (a blank part is not judged)."""
    if date.day is None or date.month is None or date.year is None:
        return True
    return 1 <= date.month <= 12 and 1 <= date.day <= days_in_month(date.year, date.month)


class ImpossibleDate(Rule):
    """A date must exist: no 31 April, no 29 February outside a leap year, no 13th month.

    Every date the document writes, in figures ("31/4/2023") or in words ("ngày 29 tháng 2
    năm 2023"), is checked against the calendar.

    Wrong: "Kế hoạch số 12-KH/TU ngày 31/4/2023", "ngày 29/2/2023"
    Right: "Kế hoạch số 12-KH/TU ngày 30/4/2023", "ngày 29/2/2024" (a leap year)
    """

    doc_vi = """Ngày tháng phải có thật: không có ngày 31 tháng 4, ngày 29 tháng 2 của năm không
    nhuận, hay tháng 13.

    Mọi ngày tháng trong văn bản, viết bằng số ("31/4/2023") hay bằng chữ ("ngày 29 tháng 2
    năm 2023"), đều được đối chiếu với lịch.

    Sai: "Kế hoạch số 12-KH/TU ngày 31/4/2023", "ngày 29/2/2023"
    Đúng: "Kế hoạch số 12-KH/TU ngày 30/4/2023", "ngày 29/2/2024" (năm nhuận)
    """

    code = "C201"
    name = "date.impossible"
    category = "date"
    severity = Severity.ERROR
    wants = (Date,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for date in doc.facts.of(Date):
            if is_real(date):
                continue
            assert date.day is not None and date.month is not None and date.year is not None
            shown = show_date(date)
            if not 1 <= date.month <= 12:
                vi, en = f"không có tháng {date.month}", f"there is no month {date.month}"
            elif date.month == 2 and date.day == 29:
                vi = f"năm {date.year} không nhuận, tháng 2 chỉ có 28 ngày"
                en = f"{date.year} is not a leap year, February has 28 days"
            else:
                n = days_in_month(date.year, date.month)
                vi, en = f"tháng {date.month} chỉ có {n} ngày", f"month {date.month} has {n} days"
            yield self.finding(
                date.span,
                Message(vi=f"Ngày {shown} không có: {vi}", en=f"There is no date {shown}: {en}"),
                stated=shown,
            )
