"""N603: a "Trong đó" row or column larger than what it is a part of."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.tables import common
from checker.rules.tables.common import View

from checker.engine import Document, Rule
from checker.facts import Cell
from checker.findings import Finding, Message, Severity


class SubsetWithinWhole(Rule):
    """A subset in a table cannot be larger than its whole.

    A row "Trong đó ..." (or a row under "Trong đó:") counts part of the row above it; a
    column "Trong đó nữ", or the columns under a spanning "Trong đó", count part of the
    column before them. Each figure of such a row or column must be at most the figure of
    its whole in the same column or row.

    Wrong: "Huyện Tân Lợi 148 | Trong đó nữ 173"
    Right: "Huyện Tân Lợi 148 | Trong đó nữ 73"
    """

    doc_vi = """Phần "trong đó" của bảng không được lớn hơn tổng của nó.

    Dòng "Trong đó ..." (hoặc các dòng dưới "Trong đó:") là một phần của dòng phía trên; cột
    "Trong đó nữ", hoặc các cột dưới tiêu đề chung "Trong đó", là một phần của cột đứng trước.
    Mỗi số của dòng hay cột đó không được lớn hơn số của phần tổng ở cùng cột hay cùng dòng.

    Sai: "Huyện Tân Lợi 148 | Trong đó nữ 173"
    Đúng: "Huyện Tân Lợi 148 | Trong đó nữ 73"
    """

    code = "N603"
    name = "sum.table-subset"
    category = "sum"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for view in common.views(doc.facts):
            yield from self._rows(view)
            yield from self._columns(view)

    def _rows(self, view: View) -> Iterator[Finding]:
        for r in view.row_order():
            row = view.rows[r]
            if row.role != "subset" or row.parent is None or row.parent not in view.rows:
                continue
            for k in view.column_order():
                if not view.columns[k].additive:
                    continue
                part = view.cell(r, k)
                whole = view.cell(row.parent, k)
                if part is not None and whole is not None and part.value > whole.value:
                    yield self._report(view, part, whole, "row")

    def _columns(self, view: View) -> Iterator[Finding]:
        for fam in common.families(view):
            if fam.relation != "subset":
                continue
            for r in view.row_order():
                whole = view.cell(r, fam.whole)
                if whole is None:
                    continue
                for k in fam.parts:
                    part = view.cell(r, k)
                    if part is not None and part.value > whole.value:
                        yield self._report(view, part, whole, "column")

    def _report(self, view: View, part: Cell, whole: Cell, by: str) -> Finding:
        where_vi, where_en = common.places(view, part)
        if by == "row":
            of_vi, of_en = f"dòng “{whole.row_label}”", f"row “{whole.row_label}”"
        else:
            of_vi, of_en = f"cột “{whole.column_label}”", f"column “{whole.column_label}”"
        return self.finding(
            part.span,
            Message(
                vi=f"{where_vi}: {part.number.text} lớn hơn {whole.number.text} của {of_vi}, mà nó là một phần",
                en=f"{where_en}: {part.number.text} exceeds {whole.number.text} of {of_en}, which it is part of",
            ),
            stated=part.number.text,
            expected=f"≤ {whole.number.text}",
            evidence=Message(
                vi=f"{of_vi}: {whole.number.text}; “{part.row_label}” × “{part.column_label}”: {part.number.text}",
                en=f"{of_en}: {whole.number.text}; “{part.row_label}” × “{part.column_label}”: {part.number.text}",
            ),
            related=(whole.span,),
        )
