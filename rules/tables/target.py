"""N606: an achievement column ("so với kế hoạch (%)") against its plan and actual columns."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.tables import derive

from checker.engine import Document, Rule
from checker.facts import Cell
from checker.findings import Finding, Severity


class TableAchievement(Rule):
    """An achievement in a table must be the actual figure over the plan.

    A column "Tỷ lệ đạt (%)", "So với kế hoạch (%)" or "% KH" is recomputed in each row
    from the plan column ("Kế hoạch", "Chỉ tiêu", "Dự toán") and the actual column
    ("Thực hiện", "Kết quả"; else the nearest column of figures) on its left, with the same
    rounding rules as a share.

    Wrong: "Kế hoạch 1.300 | Thực hiện 1.284 | Tỷ lệ đạt (%) 98,67" (1.284/1.300 = 98,77%)
    Right: "Kế hoạch 1.300 | Thực hiện 1.284 | Tỷ lệ đạt (%) 98,77"
    """

    doc_vi = """Tỷ lệ đạt trong bảng phải bằng số thực hiện chia cho kế hoạch.

    Cột "Tỷ lệ đạt (%)", "So với kế hoạch (%)" hay "% KH" được tính lại ở từng dòng từ cột kế
    hoạch ("Kế hoạch", "Chỉ tiêu", "Dự toán") và cột thực hiện ("Thực hiện", "Kết quả"; nếu
    không có thì cột số liệu gần nhất) bên trái nó, với cùng quy tắc làm tròn như tỷ lệ.

    Sai: "Kế hoạch 1.300 | Thực hiện 1.284 | Tỷ lệ đạt (%) 98,67" (1.284/1.300 = 98,77%)
    Đúng: "Kế hoạch 1.300 | Thực hiện 1.284 | Tỷ lệ đạt (%) 98,77"
    """

    code = "N606"
    name = "target.table-achievement"
    category = "target"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from derive.findings_for(self, doc, ("achievement",))
