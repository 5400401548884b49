"""C101: one document cited with two dates."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.extract.citations import STATE, code_parts
from checker.facts import Date, Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import at_lines, dissent, show_date
from checker.rules.citations.index import Mention, citation_index


class SameDocumentTwoDates(Rule):
    """The same number and code cited with two different dates.

    A document has one date of issue. Every mention of a number and code that gives a
    date is compared with the others; a mention whose date differs from the date most
    mentions give is reported, naming the lines that give the other date (on a tie, the
    later mentions are reported and either date may be the wrong one). Party documents are
    numbered anew in each term and State documents without a year in their number anew
    each year: dates three or more years apart are reported as a warning (two documents
    may share the number), and a State number without a year is compared within a year.

    Wrong: "Kế hoạch số 37-KH/TU ngày 29/6/2022 ..." and later "Kế hoạch số 37-KH/TU ngày
    29/6/2021 ..."
    Right: the same date, "ngày 29/6/2021", at both places.
    """

    doc_vi = """Cùng một số, ký hiệu văn bản nhưng ghi hai ngày ban hành khác nhau.

    Mỗi văn bản chỉ có một ngày ban hành. Mọi lần trích dẫn cùng số, ký hiệu có ghi ngày
    được so với nhau; lần trích dẫn có ngày khác với ngày mà đa số các lần khác ghi sẽ bị
    báo, kèm các dòng ghi ngày kia (nếu số lần bằng nhau thì báo ở các lần sau, và ngày nào
    cũng có thể là ngày sai). Văn bản của Đảng đánh số lại theo từng nhiệm kỳ, văn bản nhà
    nước không có năm trong số thì đánh số lại hằng năm: hai ngày cách nhau từ ba năm trở
    lên chỉ báo ở mức cảnh báo (có thể là hai văn bản trùng số), và số không có năm chỉ so
    trong cùng một năm.

    Sai: "Kế hoạch số 37-KH/TU ngày 29/6/2022 ..." rồi sau đó "Kế hoạch số 37-KH/TU ngày
    29/6/2021 ..."
    Đúng: cùng một ngày, "ngày 29/6/2021", ở cả hai nơi.
    """

    code = "C101"
    name = "reference.same-document-two-dates"
    category = "reference"
    severity = Severity.ERROR
    wants = (Reference, Date)

    def check(self, doc: Document) -> Iterator[Finding]:
        for cited in citation_index(doc.facts):
            for group in _comparable(cited.code, cited.mentions):
                yield from self._dissent(doc, cited.label, group)

    def _dissent(self, doc: Document, label: str, mentions: tuple[Mention, ...]) -> Iterator[Finding]:
        found = dissent(mentions, lambda m: m.day)
        if found is None:
            return
        for m in found.odd:
            assert m.date is not None and m.day is not None
            others = found.others(m.day)
            other_dates = _dates(others)
            where_vi, where_en = at_lines(doc, others)
            stated = show_date(m.date)
            expected = next(_shown(ms) for v, ms in found.groups if v == found.expected) if found.expected else None
            far = all(o.day is not None and abs(o.day[0] - m.day[0]) >= _TERM_GAP for o in others)
            note_vi = " (hoặc là hai văn bản cùng số của hai nhiệm kỳ)" if far else ""
            note_en = " (or two documents of two terms sharing a number)" if far else ""
            yield self.finding(
                m.span,
                Message(
                    vi=f"{label} ghi ngày {stated} ở đây nhưng ngày {other_dates} ở {where_vi}{note_vi}",
                    en=f"{label} is dated {stated} here but {other_dates} on {where_en}{note_en}",
                ),
                stated=stated,
                expected=expected,
                evidence=Message(
                    vi="; ".join(f"{_shown(ms)} ({at_lines(doc, ms)[0]})" for _, ms in found.groups),
                    en="; ".join(f"{_shown(ms)} ({at_lines(doc, ms)[1]})" for _, ms in found.groups),
                ),
                severity=Severity.WARNING if far else None,
                related=tuple(o.span for o in others),
            )


# Party documents are numbered anew in each term of office, State documents without a year
# in their number anew each year: the same number and code years apart may be two documents.
_TERM_GAP = 3


def _comparable(code: str | None, mentions: tuple[Mention, ...]) -> list[tuple[Mention, ...]]:
    """The groups of mentions that must share a date: all of them, except for a State code
    without a year ("123/QĐ-UBND"), numbered anew each year, whose mentions are compared
    within one year."""
    parts = code_parts(code)
    if parts is None or parts.style != STATE or parts.year is not None:
        return [mentions]
    by_year: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.day is not None:
            by_year.setdefault(m.day[0], []).append(m)
    return [tuple(ms) for ms in by_year.values()]


def _shown(mentions: tuple[Mention, ...]) -> str:
    date = mentions[0].date
    return show_date(date) if date is not None else ""


def _dates(mentions: tuple[Mention, ...]) -> str:
    seen: list[str] = []
    for m in mentions:
        if m.date is not None and (d := show_date(m.date)) not in seen:
            seen.append(d)
    return ", ".join(seen)
