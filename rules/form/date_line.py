"""F106: the place and date line of the heading ("Hòa Thuận, ngày 05 tháng 02 năm 2024")."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import anchor, cite, form_and_rules, said
from checker.rules.form.parse import DateLine

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


def standard_day(day: str) -> str:
    return f"{int(day):02d}"


def standard_month(month: str) -> str:
    m = int(month)
    return f"{m:02d}" if m <= 2 else str(m)


class DateLineForm(Rule):
    """The heading's place and date: the place, a comma, then "ngày .. tháng .. năm ..",
    with a zero before a day below 10 and before the months 1 and 2.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4 (and Hướng dẫn 36-HD/VPTW, mục
    II.1.4): "Hòa Thuận, ngày 05 tháng 02 năm 2024", "Hòa Thuận, ngày 15 tháng 3 năm 2024";
    not "ngày 5 tháng 2", not "tháng 03", not "05/02/2024". A draft ("Dự thảo") may leave the
    day and month blank: that is reported for information only; a blank in a document that
    is not a draft, or a missing date line, is a warning.

    Wrong: "Hòa Thuận, ngày 5 tháng 2 năm 2024", "Hòa Thuận, 05/02/2024"
    Right: "Hòa Thuận, ngày 05 tháng 02 năm 2024"
    """

    doc_vi = """Dòng địa danh và ngày tháng ở phần đầu: địa danh, dấu phẩy, rồi "ngày .. tháng ..
    năm ..", thêm số 0 trước ngày nhỏ hơn 10 và trước tháng 1, tháng 2.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4 (và Hướng dẫn 36-HD/VPTW, mục
    II.1.4): "Hòa Thuận, ngày 05 tháng 02 năm 2024", "Hòa Thuận, ngày 15 tháng 3 năm 2024";
    không viết "ngày 5 tháng 2", "tháng 03" hay "05/02/2024". Dự thảo được để trống ngày,
    tháng: chỉ báo ở mức thông tin; văn bản không phải dự thảo mà để trống, hoặc thiếu dòng
    ngày tháng, là cảnh báo.

    Sai: "Hòa Thuận, ngày 5 tháng 2 năm 2024", "Hòa Thuận, 05/02/2024"
    Đúng: "Hòa Thuận, ngày 05 tháng 02 năm 2024"
    """

    code = "F106"
    name = "form.date-line"
    category = "form"
    # a warning: Nghị định 30 prescribes the form, and the office sends a document back for it
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None:
            return
        form, rules = found
        source = rules.date_source
        date = form.date
        if date is None:
            where = anchor(form)
            if form.strong and where is not None:
                yield self.finding(
                    where.span,
                    said(
                        "Thiếu dòng địa danh và ngày, tháng, năm ban hành",
                        "The place and date line is missing",
                        source,
                    ),
                    evidence=cite(source),
                )
            return
        span = date.piece.span
        stated = date.piece.text
        right = expected(date)
        problems_vi: list[str] = []
        problems_en: list[str] = []
        if date.form == "digits":
            problems_vi.append(
                "ngày tháng viết bằng chữ “ngày .. tháng .. năm ..”, không viết bằng số có gạch chéo"
            )
            problems_en.append(
                "the date is written in words, “ngày .. tháng .. năm ..”, not in figures"
            )
        if not date.place:
            problems_vi.append("thiếu địa danh")
            problems_en.append("the place is missing")
        elif not date.comma:
            problems_vi.append("sau địa danh có dấu phẩy")
            problems_en.append("a comma follows the place")
        if date.day and date.day != standard_day(date.day):
            problems_vi.append(f"ngày “{date.day}” viết là “{standard_day(date.day)}”")
            problems_en.append(f"the day “{date.day}” is written “{standard_day(date.day)}”")
        if date.month and date.month != standard_month(date.month):
            problems_vi.append(f"tháng “{date.month}” viết là “{standard_month(date.month)}”")
            problems_en.append(
                f"the month “{date.month}” is written “{standard_month(date.month)}”"
            )
        if problems_vi:
            yield self.finding(
                span,
                said(
                    "Dòng ngày tháng: " + "; ".join(problems_vi),
                    "Date line: " + "; ".join(problems_en),
                    source,
                ),
                stated=stated,
                expected=right,
                evidence=cite(source),
            )
        blanks_vi = [
            w for w, v in (("ngày", date.day), ("tháng", date.month), ("năm", date.year)) if not v
        ]
        if blanks_vi:
            blanks_en = [
                w
                for w, v in (("day", date.day), ("month", date.month), ("year", date.year))
                if not v
            ]
            draft = form.draft is not None
            yield self.finding(
                span,
                said(
                    f"{'Dự thảo: ' if draft else ''}{', '.join(blanks_vi)} ban hành còn để trống",
                    f"{'Draft: ' if draft else ''}the {', '.join(blanks_en)} of issue left blank",
                    source,
                ),
                stated=stated,
                evidence=cite(source),
                severity=Severity.INFO if draft else Severity.WARNING,
            )


def expected(date: DateLine) -> str:
    """The line as it should read, blanks kept as dots."""
    day = standard_day(date.day) if date.day else "..."
    month = standard_month(date.month) if date.month else "..."
    year = date.year or "..."
    place = date.place or "..."
    return f"{place}, ngày {day} tháng {month} năm {year}"
