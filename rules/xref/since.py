"""X302: a span "đến nay", or a cited date, that runs past the report's own date."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.xref import dates

from checker.engine import Document, Rule
from checker.facts import Date, Reference, Term
from checker.findings import Finding, Message, Severity


class AfterReportDate(Rule):
    """Nothing the report looks back on can start after the report's date.

    "Từ năm 2019 đến nay" needs 2019 to be no later than the year of the report, and a
    document the report cites cannot be dated after the report (--report-date, else the
    header's date; a header with only the year allows the whole year). A deadline ("trước
    ngày 31/12/2024") may lie ahead and is not checked.

    Wrong: "Từ năm 2024 đến nay, chưa có trường hợp vi phạm" in a report of 2023
    Right: "Từ năm 2019 đến nay, chưa có trường hợp vi phạm"
    """

    doc_vi = """Những gì báo cáo nhìn lại không thể bắt đầu sau ngày báo cáo.

    "Từ năm 2019 đến nay" đòi hỏi năm 2019 không muộn hơn năm của báo cáo, và văn bản được
    trích dẫn không thể có ngày sau ngày báo cáo (--report-date, nếu không thì ngày ở đầu văn
    bản; đầu văn bản chỉ có năm thì tính cả năm đó). Thời hạn ("trước ngày 31/12/2024") có
    thể ở phía trước nên không được kiểm tra.

    Sai: "Từ năm 2024 đến nay, chưa có trường hợp vi phạm" trong báo cáo năm 2023
    Đúng: "Từ năm 2019 đến nay, chưa có trường hợp vi phạm"
    """

    code = "X302"
    name = "date.after-report-date"
    category = "date"
    severity = Severity.ERROR
    wants = (Term, Date)

    def check(self, doc: Document) -> Iterator[Finding]:
        when = dates.report_date(doc)
        if when is None:
            return
        evidence = Message(vi=when.source_vi, en=when.source_en)
        # only the dates of cited documents: "phấn đấu hoàn thành trước ngày 31/12/2024" is
        # a deadline, which may well lie ahead
        cited = {r.date for r in doc.facts.of(Reference) if r.date is not None}
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
            elif isinstance(f, Date) and f.style == "numeric" and f.id in cited:
                d = dates.as_date(f)
                if d is not None and d > when.last:
                    yield self.finding(
                        f.span,
                        Message(
                            vi=f"Ngày {dates.vn(d)} muộn hơn ngày của báo cáo",
                            en=f"{d:%Y-%m-%d} is later than the report's date",
                        ),
                        stated=f.text,
                        evidence=evidence,
                    )
