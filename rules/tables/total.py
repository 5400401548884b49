"""N601: a table's total row against the rows it adds up (casting a column)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checker.rules.tables import common
from checker.rules.tables.common import View

from checker.engine import Document, Rule
from checker.facts import Cell
from checker.findings import Finding, Message, Severity


class TotalRow(Rule):
    """A total row must be the sum of the rows it covers, column by column.

    A row labelled "Tổng cộng", "Cộng", "Tổng số" or "Toàn tỉnh" adds up the rows above it
    (back to the previous total row), or, at the top of the table, the rows below it. Rows
    under "Trong đó" are subsets of the row above them, not more rows to add; rows numbered
    or bulleted under another row ("1." under "I.", "-" under "1.") are either its parts or
    the rows themselves, and either sum is accepted. A grand total after subtotals may add
    the rows or the subtotals. Only columns of counts and amounts are cast (not shares,
    averages or percentages). Figures with decimals may be off by their rounding.

    Wrong: a column "Trong đó nữ" with 97, 60, 73 … 9 (623 in all) and "Tổng cộng" 632
    Right: "Tổng cộng" 623
    """

    doc_vi = """Dòng tổng phải bằng tổng các dòng mà nó cộng, theo từng cột.

    Dòng "Tổng cộng", "Cộng", "Tổng số" hay "Toàn tỉnh" cộng các dòng phía trên (đến dòng
    tổng trước đó), hoặc, nếu đứng đầu bảng, các dòng phía dưới. Các dòng "Trong đó" là tập
    con của dòng trên, không phải dòng để cộng thêm; các dòng đánh số hoặc gạch đầu dòng dưới
    một dòng khác ("1." dưới "I.", "-" dưới "1.") là thành phần của dòng đó, và cộng theo
    cách nào cũng được chấp nhận. Dòng tổng chung sau các dòng cộng nhóm có thể cộng các dòng
    hoặc các dòng cộng nhóm. Chỉ cộng các cột số lượng, số tiền (không cộng tỷ lệ, bình
    quân). Số có chữ số thập phân được phép lệch trong phạm vi làm tròn.

    Sai: cột "Trong đó nữ" có 97, 60, 73 … 9 (cộng 623) mà dòng "Tổng cộng" ghi 632
    Đúng: dòng "Tổng cộng" ghi 623
    """

    code = "N601"
    name = "sum.table-total-row"
    category = "sum"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for view in common.views(doc.facts):
            culprits = common.culprits(view)
            # a wrong cell of a data row that breaks its row too is reported there (N602)
            explained = {(c.total, c.column) for c in culprits.values() if c.row != c.total}
            for total in view.totals():
                yield from self._total(view, total, explained)

    def _total(self, view: View, total: int, explained: set[tuple[int, int]]) -> Iterator[Finding]:
        cov = common.coverage(view, total)
        if not cov.candidates:
            return
        found: list[Finding] = []
        agreed = 0
        for k in view.column_order():
            col = view.columns[k]
            stated = view.cell(total, k)
            if stated is None or not col.additive or (total, k) in explained:
                continue
            sums = []
            for _, rows in cov.candidates:
                got = common.column_sum(view, rows, k)
                if got is not None:
                    sums.append(got)
            if not sums:
                continue
            if any(abs(s - stated.value) <= common.rounding_slack(cells, stated) for s, cells in sums):
                agreed += 1
                continue
            found.append(self._report(view, stated, *sums[0]))
        if found and (view.rows[total].strong or agreed):
            yield from found

    def _report(self, view: View, stated: Cell, added: Decimal, cells: list[Cell]) -> Finding:
        d = max(common.decimals(cells), stated.number.decimals)
        expected = common.show(added, d)
        where_vi, where_en = common.places(view, stated)
        addends = common.listed(cells)
        return self.finding(
            stated.span,
            Message(
                vi=f"{where_vi}: các dòng cộng lại {expected}, không phải {stated.number.text}",
                en=f"{where_en}: the rows add up to {expected}, not {stated.number.text}",
            ),
            stated=stated.number.text,
            expected=expected,
            evidence=Message(
                vi=f"cột “{stated.column_label}”: {addends} = {expected} ({len(cells)} dòng); dòng “{stated.row_label}”: {stated.number.text}",
                en=f"column “{stated.column_label}”: {addends} = {expected} ({len(cells)} rows); row “{stated.row_label}”: {stated.number.text}",
            ),
            related=common.spans(cells),
        )
