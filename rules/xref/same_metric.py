"""X101: the same metric stated in two places with different values."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.xref import metrics

from checker.engine import Document, Rule
from checker.facts import Percent, Quantity
from checker.findings import Finding, Message, Severity
from checker.source import Source


class SameMetricTwoValues(Rule):
    """The same figure stated twice must be stated the same.

    Figures are matched by what they measure: the label (with its synonyms: "cán bộ trẻ",
    "trẻ dưới 40 tuổi"), the administrative level, the term or period, the body (the
    committee, its standing committee), what is done (planning, training), and whether it is
    a share or a count in a unit. A figure stated again with the same value, or rounded
    ("18,5%" for "18,46%"), is fine; with another value, both places are named. Approximate
    figures ("hơn 30 cuộc", "trên 58%") are left alone.

    Wrong: "Quy hoạch cấp ủy nhiệm kỳ 2025 - 2030: cán bộ trẻ (cấp cơ sở 0,57%)" and, in a
    footnote, "Quy hoạch ban chấp hành đảng bộ cấp cơ sở nhiệm kỳ 2025 - 2030 ... trẻ dưới 40
    tuổi là 1.756 đồng chí, chiếm 68,75%"
    Right: the same share in both places, "68,75%"
    """

    doc_vi = """Cùng một số liệu nêu hai lần phải giống nhau.

    Số liệu được so khớp theo nội dung đo: nhãn (kể cả từ đồng nghĩa: "cán bộ trẻ", "trẻ
    dưới 40 tuổi"), cấp hành chính, nhiệm kỳ hoặc giai đoạn, cơ quan (cấp ủy, ban thường vụ),
    công việc (quy hoạch, đào tạo), và là tỷ lệ hay số lượng theo đơn vị nào. Nêu lại cùng
    giá trị, hoặc làm tròn ("18,5%" cho "18,46%"), là đúng; khác giá trị thì báo cả hai nơi.
    Số ước lượng ("hơn 30 cuộc", "trên 58%") không được so.

    Sai: "Quy hoạch cấp ủy nhiệm kỳ 2025 - 2030: cán bộ trẻ (cấp cơ sở 0,57%)" và ở chú thích
    "Quy hoạch ban chấp hành đảng bộ cấp cơ sở nhiệm kỳ 2025 - 2030 ... trẻ dưới 40 tuổi là
    1.756 đồng chí, chiếm 68,75%"
    Đúng: cùng một tỷ lệ ở cả hai nơi, "68,75%"
    """

    code = "X101"
    name = "xref.same-metric"
    category = "xref"
    severity = Severity.ERROR
    wants = (Quantity, Percent)

    def check(self, doc: Document) -> Iterator[Finding]:
        found = (
            m
            for m in metrics.metrics(doc.facts, doc.source)
            if m.key.specific and not m.approximate
        )
        for key, group in metrics.index(found).items():
            if len(group) < 2:
                continue
            first = group[0]
            for other in group[1:]:
                if other.fact.sentence == first.fact.sentence or metrics.agree(first, other):
                    continue
                yield self._report(doc.source, key, first, other)

    def _report(
        self, source: Source, key: metrics.Key, first: metrics.Metric, other: metrics.Metric
    ) -> Finding:
        line = source.position(first.fact.span.start).line
        where_vi, where_en = _where(source, first.fact.span.start)
        return self.finding(
            other.fact.span,
            Message(
                vi=(
                    f"Cùng số liệu ({key.describe('vi')}) nêu khác nhau: {other.text} ở đây, "
                    f"{first.text} ở dòng {line}{where_vi}"
                ),
                en=(
                    f"The same figure ({key.describe('en')}) is stated differently: {other.text} "
                    f"here, {first.text} on line {line}{where_en}"
                ),
            ),
            stated=other.text,
            expected=first.text,
            evidence=Message(
                vi=f"dòng {line}{where_vi}: “{first.fact.text}”",
                en=f"line {line}{where_en}: “{first.fact.text}”",
            ),
            related=(first.fact.span,),
        )


def _where(source: Source, offset: int) -> tuple[str, str]:
    """" (chú thích 17)" / " (footnote 17)" when the place is not in the body."""
    where = source.where(offset)
    if where == "body":
        return "", ""
    kind, _, number = where.partition(" ")
    names = {"footnote": "chú thích", "endnote": "chú thích cuối", "table": "bảng"}
    return f" ({names.get(kind, kind)} {number})", f" ({where})"
