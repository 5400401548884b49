"""N602: a row's total column against the columns that break it down (cross-footing)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checker.rules.tables import common
from checker.rules.tables.common import Family, View

from checker.engine import Document, Rule
from checker.facts import Cell
from checker.findings import Finding, Message, Severity


class CrossFoot(Rule):
    """A row total must be the sum of the columns that break it down.

    A column "Tổng số" (or "Tổng cộng", "Cộng") followed, or preceded, by the columns of its
    breakdown must equal their sum in every row, the total row included. The breakdown is
    certain under a spanning header "Chia ra", "Gồm", "Phân theo", or when the columns are
    the values of one complete attribute ("Nam", "Nữ"); columns under "Trong đó" are
    subsets (N603). Otherwise the figures decide: when two thirds of the rows (and at least
    two) add up, the rows that do not are reported.

    Wrong: "Tổng số 1.250 | Nam 620 | Nữ 640" (620 + 640 = 1.260)
    Right: "Tổng số 1.260 | Nam 620 | Nữ 640"
    """

    doc_vi = """Cột tổng của một dòng phải bằng tổng các cột chi tiết của nó.

    Cột "Tổng số" (hoặc "Tổng cộng", "Cộng") đứng trước, hoặc sau, các cột chi tiết phải
    bằng tổng của chúng trên mọi dòng, kể cả dòng tổng. Chắc chắn là chi tiết khi có tiêu đề
    chung "Chia ra", "Gồm", "Phân theo", hoặc khi các cột là các giá trị của một thuộc tính
    đầy đủ ("Nam", "Nữ"); các cột dưới "Trong đó" là tập con (N603). Các trường hợp khác do
    số liệu quyết định: khi hai phần ba số dòng (ít nhất hai dòng) cộng đúng, các dòng còn
    lại bị báo.

    Sai: "Tổng số 1.250 | Nam 620 | Nữ 640" (620 + 640 = 1.260)
    Đúng: "Tổng số 1.260 | Nam 620 | Nữ 640"
    """

    code = "N602"
    name = "sum.table-cross-foot"
    category = "sum"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for view in common.views(doc.facts):
            culprits = common.culprits(view)
            totals = set(view.totals())
            for fam in common.families(view):
                gaps = common.row_gaps(view, fam)
                if not gaps or not common.trusted(view, fam, gaps):
                    continue
                for r in gaps:
                    culprit = next(
                        (culprits[(r, k)] for k in (fam.whole, *fam.parts) if (r, k) in culprits), None
                    )
                    if culprit is not None and r in totals:
                        continue  # the total row's own figure: N601 reports it
                    yield self._report(view, fam, r, culprit)

    def _report(self, view: View, fam: Family, r: int, culprit: common.Culprit | None) -> Finding:
        whole = view.cell(r, fam.whole)
        assert whole is not None
        parts = [c for k in fam.parts if (c := view.cell(r, k)) is not None]
        added = sum((c.value for c in parts), Decimal(0))
        d = max(common.decimals(parts), whole.number.decimals)
        addends = common.listed(parts)
        names = " + ".join(f"“{p.column_label}”" for p in parts)
        evidence = Message(
            vi=f"dòng “{whole.row_label}”: {names} = {addends} = {common.show(added, d)}; cột “{whole.column_label}”: {whole.number.text}",
            en=f"row “{whole.row_label}”: {names} = {addends} = {common.show(added, d)}; column “{whole.column_label}”: {whole.number.text}",
        )
        if culprit is not None and culprit.column != fam.whole:
            cell = view.cell(r, culprit.column)
            assert cell is not None
            right = common.show(culprit.right(cell), cell.number.decimals)
            where_vi, where_en = common.places(view, cell)
            return self.finding(
                cell.span,
                Message(
                    vi=f"{where_vi}: {cell.number.text} làm sai cả dòng (cột “{whole.column_label}” {whole.number.text}) lẫn cột (dòng tổng); đúng là {right}",
                    en=f"{where_en}: {cell.number.text} breaks both its row (column “{whole.column_label}” {whole.number.text}) and its column (the total row); it should be {right}",
                ),
                stated=cell.number.text,
                expected=right,
                evidence=evidence,
                related=(whole.span,) + common.spans(p for p in parts if p is not cell),
            )
        expected = common.show(added, d)
        where_vi, where_en = common.places(view, whole)
        also_vi = "; cột tổng cũng cho thấy vậy" if culprit is not None else ""
        also_en = "; the column's total agrees" if culprit is not None else ""
        return self.finding(
            whole.span,
            Message(
                vi=f"{where_vi}: {names} = {addends} = {expected}, không phải {whole.number.text}{also_vi}",
                en=f"{where_en}: {names} = {addends} = {expected}, not {whole.number.text}{also_en}",
            ),
            stated=whole.number.text,
            expected=expected,
            evidence=evidence,
            related=common.spans(parts),
        )
