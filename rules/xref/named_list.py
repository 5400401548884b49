"""X202: "03 đơn vị (A; B và C)": a count against the names listed in its bracket."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.xref import lists

from checker.engine import Document, Rule
from checker.facts import Quantity
from checker.findings import Finding, Message, Severity


class CountOfNamedItems(Rule):
    """A count followed by the names of what it counts must count them right.

    "thi tuyển đối với 03 đơn vị (A; B và C)": the names in the bracket are counted,
    separated by ";" when there is one, else by ","; the last item is split at its first
    "và" ("B và C"). A bracket holding figures is a breakdown (checked by the sum rules), and
    a bracket whose pieces are single words is not trusted ("huyện, thị ủy"), so a mismatch
    is a warning.

    Wrong: "04 đồng chí (Chủ tịch Liên đoàn Lao động huyện, Phó Chánh Văn phòng Huyện ủy và
    Phó Trưởng phòng Tư pháp)"
    Right: "03 đồng chí (Chủ tịch Liên đoàn Lao động huyện, Phó Chánh Văn phòng Huyện ủy và
    Phó Trưởng phòng Tư pháp)"
    """

    doc_vi = """Số lượng đi kèm tên các đối tượng phải đếm đúng số tên.

    "thi tuyển đối với 03 đơn vị (A; B và C)": các tên trong ngoặc được đếm, phân cách bằng
    ";" nếu có, nếu không thì bằng ","; mục cuối được tách ở chữ "và" đầu tiên ("B và C").
    Ngoặc chứa số liệu là một cơ cấu (do quy tắc về tổng kiểm tra), ngoặc có mục chỉ một từ
    ("huyện, thị ủy") thì không tin cậy, nên không khớp chỉ là cảnh báo.

    Sai: "04 đồng chí (Chủ tịch Liên đoàn Lao động huyện, Phó Chánh Văn phòng Huyện ủy và Phó
    Trưởng phòng Tư pháp)"
    Đúng: "03 đồng chí (Chủ tịch Liên đoàn Lao động huyện, Phó Chánh Văn phòng Huyện ủy và
    Phó Trưởng phòng Tư pháp)"
    """

    code = "X202"
    name = "count.named-items"
    category = "count"
    severity = Severity.WARNING
    wants = (Quantity,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for q in doc.facts.of(Quantity):
            if q.unit not in lists.LISTABLE or q.number.decimals or not 1 < q.value < 50:
                continue
            counted = lists.bracket_names(doc.source, q)
            if counted is None or counted.items == q.value:
                continue
            shown = doc.source.text[counted.start : counted.end]
            if len(shown) > 120:
                shown = shown[:117] + "…"
            yield self.finding(
                q.span,
                Message(
                    vi=f"Nêu {q.text} nhưng trong ngoặc kể {counted.items} tên",
                    en=f"{q.text} stated but the bracket names {counted.items}",
                ),
                stated=q.number.text,
                expected=str(counted.items),
                evidence=Message(vi=f"({shown})", en=f"({shown})"),
            )
