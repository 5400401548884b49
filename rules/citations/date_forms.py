"""C204: one document's date written two ways."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.extract.citations import date_digits
from checker.facts import Date, Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import at_lines, dissent
from checker.rules.citations.index import Mention, citation_index


def _form(m: Mention) -> str | None:
    return date_digits(m.date).form if m.date is not None else None


class DateTwoForms(Rule):
    """The same document's date written two ways.

    In-text dates may be written with or without leading zeros ("01/06/2022",
    "01/6/2022"), but one document's date should be written the same way every time it is
    cited, so that a search for it finds every mention. The form most mentions use is
    taken as the document's; a mention in another form is reported for information.

    Wrong: "Đề án số 05-ĐA/TU ngày 01/6/2022" and later "Đề án số 05-ĐA/TU ngày 01/06/2022"
    Right: "ngày 01/6/2022" at every mention
    """

    doc_vi = """Ngày của cùng một văn bản được viết theo hai cách.

    Ngày tháng trong nội dung có thể viết có hoặc không có số 0 ở đầu ("01/06/2022",
    "01/6/2022"), nhưng ngày của một văn bản nên được viết giống nhau ở mọi lần trích dẫn để
    tìm kiếm thấy hết. Cách viết mà đa số các lần trích dẫn dùng được coi là cách của văn
    bản; lần trích dẫn viết khác được báo ở mức thông tin.

    Sai: "Đề án số 05-ĐA/TU ngày 01/6/2022" rồi sau đó "Đề án số 05-ĐA/TU ngày 01/06/2022"
    Đúng: "ngày 01/6/2022" ở mọi lần trích dẫn
    """

    code = "C204"
    name = "date.two-forms"
    category = "date"
    severity = Severity.INFO
    wants = (Reference, Date)

    def check(self, doc: Document) -> Iterator[Finding]:
        for cited in citation_index(doc.facts):
            by_day: dict[tuple[int, int, int], list[Mention]] = {}
            for m in cited.mentions:
                if m.day is not None:
                    by_day.setdefault(m.day, []).append(m)
            for mentions in by_day.values():
                found = dissent(mentions, _form)
                if found is None:
                    continue
                for m in found.odd:
                    form = _form(m)
                    assert form is not None and m.date is not None
                    others = found.others(form)
                    other_forms = ", ".join(dict.fromkeys(f for o in others if (f := _form(o))))
                    where_vi, where_en = at_lines(doc, others)
                    yield self.finding(
                        m.date.span,
                        Message(
                            vi=f"Ngày của {cited.label} viết “{form}” ở đây nhưng “{other_forms}” ở {where_vi}",
                            en=f"The date of {cited.label} is written “{form}” here but “{other_forms}” on {where_en}",
                        ),
                        stated=form,
                        expected=found.expected,
                        related=tuple(o.date.span for o in others if o.date is not None),
                    )
