"""C107: the year inside a State-style number against the document's date."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.extract.citations import code_parts
from checker.facts import Date, Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import show_date


class NumberYear(Rule):
    """The year inside a legal document's number must be the year of its date.

    State legal documents carry their year in the number ("22/2022/NQ-HĐND",
    "138/2020/NĐ-CP"): a document numbered for 2022 is issued in 2022. A citation whose date
    falls in another year has either the number or the date wrong.

    Wrong: "Nghị quyết số 22/2022/NQ-HĐND ngày 09/12/2021"
    Right: "Nghị quyết số 22/2022/NQ-HĐND ngày 09/12/2022"
    """

    doc_vi = """Năm trong số của văn bản quy phạm pháp luật phải là năm của ngày ban hành.

    Văn bản quy phạm pháp luật mang năm ban hành trong số ("22/2022/NQ-HĐND",
    "138/2020/NĐ-CP"): văn bản số năm 2022 được ban hành trong năm 2022. Trích dẫn có ngày
    thuộc năm khác thì hoặc số, hoặc ngày bị sai.

    Sai: "Nghị quyết số 22/2022/NQ-HĐND ngày 09/12/2021"
    Đúng: "Nghị quyết số 22/2022/NQ-HĐND ngày 09/12/2022"
    """

    code = "C107"
    name = "reference.year-in-number"
    category = "reference"
    severity = Severity.ERROR
    wants = (Reference, Date)

    def check(self, doc: Document) -> Iterator[Finding]:
        for ref in doc.facts.of(Reference):
            parts = code_parts(ref.raw_code)
            date = doc.facts.get(ref.date)
            if parts is None or parts.year is None or not isinstance(date, Date):
                continue
            if date.year is None or date.year == parts.year:
                continue
            shown = show_date(date)
            yield self.finding(
                ref.span,
                Message(
                    vi=f"Số {ref.raw_code} mang năm {parts.year} nhưng ngày ban hành là {shown} (năm {date.year})",
                    en=f"The number {ref.raw_code} carries the year {parts.year} but the date is {shown} ({date.year})",
                ),
                stated=str(parts.year),
                expected=str(date.year),
                evidence=Message(vi=f"{ref.text} ngày {shown}", en=f"{ref.text} dated {shown}"),
                related=(date.span,),
            )
