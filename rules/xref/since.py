"""X302: a span "Từ năm ... đến nay" that starts after the report's own date. (A cited
document dated after the report is C202's.)"""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.xref import dates

from checker.engine import Document, Rule
from checker.facts import Term
from checker.findings import Finding, Message, Severity


class AfterReportDate(Rule):
    """Nothing the report looks back on can start after the report's date.

    "Từ năm 2019 đến nay" needs 2019 to be no later than the year of the report
    (--report-date, else the header's date; a header with only the year allows the whole
    year). Cited documents dated after the report are checked by C202.

    Wrong: "Từ năm 2024 đến nay, chưa có trường hợp vi phạm" in a report of 2023
    Right: "Từ năm 2019 đến nay, chưa có trường hợp vi phạm"
    """

    doc_vi = """Những gì báo cáo nhìn lại không thể bắt đầu sau ngày báo cáo.

    "Từ năm 2019 đến nay" đòi hỏi năm 2019 không muộn hơn năm của báo cáo (--report-date,
    nếu không thì ngày ở đầu văn bản; đầu văn bản chỉ có năm thì tính cả năm đó). Văn bản
    được trích dẫn có ngày sau ngày báo cáo do C202 kiểm tra.

    Sai: "Từ năm 2024 đến nay, chưa có trường hợp vi phạm" trong báo cáo năm 2023
    Đúng: "Từ năm 2019 đến nay, chưa có trường hợp vi phạm"
    """

    code = "X302"
    name = "date.since-after-report"
    category = "date"
    severity = Severity.ERROR
    wants = (Term,)

    def check(self, doc: Document) -> Iterator[Finding]:
        when = dates.report_date(doc)
        if when is None:
            return
        evidence = Message(vi=when.source_vi, en=when.source_en)
        for f in doc.facts.items:
            if isinstance(f, Term) and f.end_year is None and f.word.startswith("từ"):
                if f.start_year > when.last.year:
                    yield self.finding(
                        f.span,
                        Message(
                            vi=f"“{f.text}” bắt đầu sau năm của báo cáo ({when.last.year})",
                            en=f"“{f.text}” starts after the report's year ({when.last.year})",
                        ),
                        stated=str(f.start_year),
                        evidence=evidence,
                    )
