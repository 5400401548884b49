"""N604 and N605: the shares of a table, cell by cell and down the column."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checker.rules.tables import common, derive
from checker.rules.tables.common import View

from checker.engine import Document, Rule
from checker.extract.tables import fold, has_phrase, words
from checker.facts import Cell
from checker.findings import Finding, Message, Severity
from checker.numbers import format_vn


class TableShare(Rule):
    """Each share in a table must be what its row's figures give.

    A column "Tỷ lệ (%)", "Cơ cấu (%)" or "Tỷ lệ so với toàn tỉnh (%)" is recomputed from a
    column of figures: each row's figure over the total row's ("Cơ cấu", "so với toàn
    tỉnh"), or over another column of the same row ("Tỷ lệ nữ (%)": "Nữ" over "Tổng số").
    The reading that most cells bear out is kept (at least half of them); the cells that
    do not fit it are wrong. As in sentences, "11,35" stands for an interval and is right if
    rounding or truncating gives it; a share right only under the convention the document
    does not follow is reported for information.

    Wrong: "Huyện Tân Lợi | 148 | 11,35" with "Tổng cộng | 1.284 | 100,00" (148/1.284 = 11,53%)
    Right: "Huyện Tân Lợi | 148 | 11,53"
    """

    doc_vi = """Mỗi tỷ lệ trong bảng phải đúng bằng tỷ lệ mà các số của dòng đó cho ra.

    Cột "Tỷ lệ (%)", "Cơ cấu (%)" hay "Tỷ lệ so với toàn tỉnh (%)" được tính lại từ một cột
    số liệu: số của mỗi dòng chia cho số của dòng tổng ("Cơ cấu", "so với toàn tỉnh"), hoặc
    chia cho một cột khác của cùng dòng ("Tỷ lệ nữ (%)": "Nữ" chia "Tổng số"). Cách đọc được
    nhiều ô khớp nhất (ít nhất một nửa) được giữ; các ô không khớp là sai. Như trong câu văn,
    "11,35" là một khoảng, đúng nếu làm tròn hoặc cắt bớt cho ra số đó; tỷ lệ chỉ đúng theo
    quy ước mà văn bản không dùng được báo ở mức thông tin.

    Sai: "Huyện Tân Lợi | 148 | 11,35" với "Tổng cộng | 1.284 | 100,00" (148/1.284 = 11,53%)
    Đúng: "Huyện Tân Lợi | 148 | 11,53"
    """

    code = "N604"
    name = "percent.table-share"
    category = "percent"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from derive.findings_for(self, doc, ("share",))


class TableShareSum(Rule):
    """A share column that divides a whole must add up to 100%, within rounding.

    When the shares of a column cannot be recomputed (no column of figures beside them),
    they can still be cast: the shares of the rows a total covers ("Cơ cấu (%)", or any
    share column whose total row says 100) add up to 100% give or take one unit of the last
    decimal per share, and the total row's share is 100.

    Wrong: "Cơ cấu (%)": 45,2; 30,1; 20,4 and "Tổng cộng" 100 (45,2 + 30,1 + 20,4 = 95,7)
    Right: 45,2; 30,1; 24,7 (100,0)
    """

    doc_vi = """Cột tỷ lệ chia một tổng phải cộng lại bằng 100%, trong phạm vi làm tròn.

    Khi không tính lại được từng tỷ lệ của cột (không có cột số liệu đi kèm), vẫn cộng được
    cột: tỷ lệ của các dòng mà dòng tổng cộng ("Cơ cấu (%)", hoặc cột tỷ lệ có dòng tổng ghi
    100) phải cộng lại bằng 100%, chênh lệch không quá một đơn vị ở chữ số thập phân cuối cho
    mỗi tỷ lệ, và tỷ lệ của dòng tổng là 100.

    Sai: "Cơ cấu (%)": 45,2; 30,1; 20,4 và "Tổng cộng" 100 (45,2 + 30,1 + 20,4 = 95,7)
    Đúng: 45,2; 30,1; 24,7 (100,0)
    """

    code = "N605"
    name = "percent.table-share-sum"
    category = "percent"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for view in common.views(doc.facts):
            for k in derive.unjudged_shares(view):
                finding = self._column(view, k)
                if finding is not None:
                    yield finding

    def _column(self, view: View, k: int) -> Finding | None:
        totals = view.totals()
        total_cell = next((c for t in totals if (c := view.cell(t, k)) is not None), None)
        hinted = has_phrase(fold(view.columns[k].label), words().column_share) is not None
        if not hinted and (total_cell is None or total_cell.value != 100):
            return None
        if totals:
            rows = common.coverage(view, totals[-1]).main
        else:
            rows = tuple(derive.coverage_all(view))
        cells = [c for r in rows if (c := view.cell(r, k)) is not None]
        if len(cells) < 2:
            return None
        added = sum((c.value for c in cells), Decimal(0))
        slack = sum((Decimal(1).scaleb(-c.number.decimals) for c in cells), Decimal(0))
        d = common.decimals(cells)
        if abs(added - 100) < max(slack, Decimal("0.0000001")) or (slack == 0 and added == 100):
            if total_cell is None or total_cell.value == 100:
                return None
            cells_text = format_vn(Decimal(100), total_cell.number.decimals)
            return self._report(view, total_cell, cells, added, d, cells_text)
        anchor = total_cell or cells[0]
        return self._report(view, anchor, cells, added, d, "100")

    def _report(self, view: View, anchor: Cell, cells: list[Cell], added: Decimal, d: int, expected: str) -> Finding:
        where_vi, where_en = common.places(view, anchor)
        total = format_vn(added, d)
        addends = common.listed(cells)
        return self.finding(
            anchor.span,
            Message(
                vi=f"{where_vi}: các tỷ lệ của cột cộng lại {total}%, không phải 100%",
                en=f"{where_en}: the shares of the column add up to {total}%, not 100%",
            ),
            stated=anchor.number.text,
            expected=expected,
            evidence=Message(
                vi=f"cột “{anchor.column_label}”: {addends} = {total}",
                en=f"column “{anchor.column_label}”: {addends} = {total}",
            ),
            related=common.spans(cells),
        )
