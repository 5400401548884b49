"""X301: "Qua 5 năm thực hiện Nghị quyết ... ngày 19/5/2018" against the report's date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from checker.rules.xref import dates
from checker.rules.xref.metrics import lower

from checker.engine import Document, Rule
from checker.facts import Date, Facts, Quantity, Reference
from checker.findings import Finding, Message, Severity

_BEFORE = re.compile(
    r"(?<!\w)(qua|sau|sơ kết|tổng kết|trải qua)(?:\s+(hơn|trên|gần|chưa đến|khoảng))?\s*$"
)
_AFTER = re.compile(r"^\s*(?:triển khai\s+)?(thực hiện|triển khai|thi hành|tổ chức thực hiện)(?!\w)")
_REACH = 80  # characters after "thực hiện" in which the document is named


class ElapsedSinceDocument(Rule):
    """"Qua N năm thực hiện" a document must fit the time since its date.

    The span is measured from the date of the document named right after it (or, for a
    bare "Đề án", "Nghị quyết", the one last named with that type; its date is found where
    it is cited with one) to the report's date (--report-date, else the header; a header
    with only the year gives an interval). "hơn 2 năm" must be between 2 and 3 years, "gần
    5 năm" between 4 and 5, "5 năm" from about 4½ to 6.

    Wrong: "Qua 5 năm thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018" in a report dated
    2025 (7 years)
    Right: the same words in a report dated 2023
    """

    doc_vi = """"Qua N năm thực hiện" một văn bản phải khớp với thời gian kể từ ngày văn bản.

    Thời gian được tính từ ngày của văn bản nêu ngay sau đó (hoặc, với "Đề án", "Nghị quyết"
    không kèm số, văn bản cùng loại được nêu gần nhất trước đó; ngày lấy từ chỗ văn bản được
    trích dẫn có ngày) đến ngày của báo cáo (--report-date, nếu không thì ngày ở đầu văn bản;
    đầu văn bản chỉ có năm thì là một khoảng). "hơn 2 năm" phải từ 2 đến 3 năm, "gần 5 năm"
    từ 4 đến 5 năm, "5 năm" từ khoảng 4 năm rưỡi đến 6 năm.

    Sai: "Qua 5 năm thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018" trong báo cáo năm 2025
    (7 năm)
    Đúng: cùng câu đó trong báo cáo năm 2023
    """

    code = "X301"
    name = "date.elapsed-since-document"
    category = "date"
    severity = Severity.ERROR
    wants = (Quantity, Reference, Date)

    def check(self, doc: Document) -> Iterator[Finding]:
        when = dates.report_date(doc)
        if when is None:
            return
        facts = doc.facts
        text = doc.source.text
        resolver = _Resolver(facts)
        for q in facts.of(Quantity):
            if q.unit != "year":
                continue
            before = _BEFORE.search(lower(text[max(0, q.span.start - 25) : q.span.start]))
            after = _AFTER.match(lower(text[q.span.end : q.span.end + 40]))
            if before is None or after is None:
                continue
            ref = resolver.named_after(q, doc, q.span.end + after.end())
            if ref is None:
                continue
            issued = resolver.date_of(ref)
            if issued is None:
                continue
            years = int(q.number.value)
            qualifier = before.group(2) or ""
            low = dates.years_between(issued, when.first)
            high = dates.years_between(issued, when.last)
            if _fits(years, qualifier, low, high):
                continue
            said = " ".join(filter(None, [before.group(1), qualifier, q.text]))
            span_vi = _show(low, high, "vi")
            yield self.finding(
                q.span,
                Message(
                    vi=f"“{said}” không khớp: từ {ref.text} ngày {dates.vn(issued)} đến ngày báo cáo là {span_vi}",
                    en=f"“{said}” does not fit: from {ref.text} of {issued:%Y-%m-%d} to the report's date is {_show(low, high, 'en')}",
                ),
                stated=q.text,
                expected=span_vi,
                evidence=Message(vi=when.source_vi, en=when.source_en),
            )


def _fits(n: int, qualifier: str, low: float, high: float) -> bool:
    """Whether some moment in [low, high] years fits "N năm" with its qualifier."""
    if qualifier in ("hơn", "trên"):
        lo, hi = float(n), n + 1.0
    elif qualifier in ("gần", "chưa đến"):
        lo, hi = n - 1.0, float(n)
    elif qualifier == "khoảng":
        lo, hi = n - 1.0, n + 1.0
    else:
        lo, hi = n - 0.5, n + 1.0
    return high >= lo and low < hi


def _show(low: float, high: float, lang: str) -> str:
    a, b = f"{low:.1f}", f"{high:.1f}"
    if lang == "vi":
        a, b = a.replace(".", ","), b.replace(".", ",")
        return f"{a} năm" if a == b else f"từ {a} đến {b} năm"
    return f"{a} years" if a == b else f"{a} to {b} years"


class _Resolver:
    """Which document a span is about, and its date."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.refs = list(facts.of(Reference))
        self.starts = [r.span.start for r in self.refs]
        self.by_type: dict[str, list[Reference]] = {}
        for r in self.refs:
            self.by_type.setdefault(r.doc_type, []).append(r)
        self.type_starts = {k: [r.span.start for r in v] for k, v in self.by_type.items()}
        self.dated: dict[tuple[str, str, str | None], set[dt.date]] = {}
        for r in self.refs:
            d = self._own_date(r)
            if d is not None and r.number:
                number = r.number.lstrip("0")
                self.dated.setdefault((r.doc_type, number, r.code), set()).add(d)
                self.dated.setdefault((r.doc_type, number, None), set()).add(d)

    def _own_date(self, r: Reference) -> dt.date | None:
        f = self.facts.get(r.date)
        return dates.as_date(f) if isinstance(f, Date) else None

    def date_of(self, r: Reference) -> dt.date | None:
        own = self._own_date(r)
        if own is not None:
            return own
        if not r.number:
            return None
        found = self.dated.get((r.doc_type, r.number.lstrip("0"), r.code), set())
        return next(iter(found)) if len(found) == 1 else None

    def named_after(self, q: Quantity, doc: Document, at: int) -> Reference | None:
        """The document named right after "thực hiện": a citation, or a bare type word that
        stands for the one of that type named last before."""
        i = bisect.bisect_left(self.starts, at)
        if i < len(self.refs):
            r = self.refs[i]
            if r.span.start <= at + _REACH and r.sentence == q.sentence:
                return r
        word = re.findall(r"\w+", lower(doc.source.text[at : at + 30]))
        for doc_type, refs in self.by_type.items():
            if " ".join(word[: len(doc_type.split())]) != doc_type:
                continue
            j = bisect.bisect_left(self.type_starts[doc_type], q.span.start) - 1
            return refs[j] if j >= 0 else None
        return None
