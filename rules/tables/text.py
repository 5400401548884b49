"""N609: a figure of the text that restates a table's cell must restate it unchanged."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.rules.tables import common
from checker.rules.tables.common import View

from checker import units
from checker.engine import Document, Rule
from checker.extract import labels
from checker.extract.tables import fold, has_phrase, years_in
from checker.facts import Cell
from checker.facts import Quantity
from checker.findings import Finding, Message, Severity

_WINDOW = 16  # syllables before a figure that may name what it counts
_MIN_WORDS = 2  # a column named by fewer syllables ("Nữ") is too vague to match
_GENERIC = frozenset(
    {"số", "lượng", "tổng", "cộng", "trong", "đó", "người", "đồng", "chí", "đ/c", "năm", "kỳ"}
)
_TOTAL_WORDS = (
    "tổng số", "tổng cộng", "toàn tỉnh", "toàn huyện", "toàn đảng bộ", "cả tỉnh", "toàn thành phố",
    "tất cả", "toàn khối",
)  # fmt: skip


@dataclass(frozen=True)
class _Column:
    view: View
    index: int
    words: frozenset[str]


class TextRestatesCell(Rule):
    """A figure in the text that restates a table's cell must equal it.

    A sentence that names a column of a table ("số đảng viên kết nạp") and one of its rows
    (a row's label, or "tổng số", "toàn tỉnh" for the total row) restates that cell; its
    figure must be the cell's. The match is kept narrow: the column's words (at least two
    besides "số", "tổng") must all stand in the words just before the figure, exactly one
    cell of all the tables must match, the units must agree, and no other cell of that
    column may hold the figure. When the table's total row is itself wrong and the text
    gives the rows' sum, the text is right and N601 reports the table.

    Wrong: "Tổng số đảng viên kết nạp trong năm là 1.248 đồng chí." where the table's
    "Tổng cộng" row has 1.284 in the column "Số đảng viên kết nạp"
    Right: "Tổng số đảng viên kết nạp trong năm là 1.284 đồng chí."
    """

    doc_vi = """Số liệu trong câu văn nhắc lại một ô của bảng phải đúng bằng ô đó.

    Câu văn nêu tên một cột của bảng ("số đảng viên kết nạp") và một dòng của nó (tên dòng,
    hoặc "tổng số", "toàn tỉnh" cho dòng tổng) là nhắc lại ô đó; số trong câu phải đúng bằng
    số trong ô. Việc so khớp được giữ chặt: mọi từ của tên cột (ít nhất hai tiếng ngoài
    "số", "tổng") phải có trong các từ ngay trước số, chỉ đúng một ô trong mọi bảng khớp, đơn
    vị phải như nhau, và không ô nào khác của cột đó có số này. Khi dòng tổng của bảng sai
    và câu văn ghi đúng tổng các dòng thì câu văn đúng, N601 báo lỗi ở bảng.

    Sai: "Tổng số đảng viên kết nạp trong năm là 1.248 đồng chí." trong khi dòng "Tổng cộng"
    của bảng ghi 1.284 ở cột "Số đảng viên kết nạp"
    Đúng: "Tổng số đảng viên kết nạp trong năm là 1.284 đồng chí."
    """

    code = "N609"
    name = "xref.table-text"
    category = "xref"
    severity = Severity.ERROR
    wants = (Cell, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        tables = common.views(doc.facts)
        if not tables:
            return
        columns = _columns(tables)
        if not columns:
            return
        spans = {s.index: s.span for s in doc.facts.sentences}
        bases = {
            b for f in doc.facts if isinstance(b := getattr(f, "base_value", None), int)
        }  # "(1.300 đảng viên)" after "đạt 98,77% kế hoạch": the plan, not a restatement
        text = doc.source.text
        for q in doc.facts.of(Quantity):
            span = spans.get(q.sentence)
            if span is None or q.id in bases:
                continue
            window = _window(_since_last_figure(text[span.start : q.span.start]), q)
            match = _match(columns, window, q)
            if match is None:
                continue
            view, cell = match
            if _same(q, cell) or not _comparable(q, cell):
                continue
            if _elsewhere_in_column(view, cell, q) or _total_is_wrong(view, cell, q):
                continue
            yield self._report(view, q, cell)

    def _report(self, view: View, q: Quantity, cell: Cell) -> Finding:
        where_vi, where_en = common.places(view, cell)
        return self.finding(
            q.span,
            Message(
                vi=f"“{q.text}” nhắc lại {where_vi} nhưng bảng ghi {cell.number.text}",
                en=f"“{q.text}” restates {where_en}, but the table says {cell.number.text}",
            ),
            stated=q.number.text,
            expected=cell.number.text,
            evidence=Message(
                vi=f"{where_vi}: {cell.number.text}",
                en=f"{where_en}: {cell.number.text}",
            ),
            related=(cell.span,),
        )


_FIGURE = re.compile(r"\d[\d.,/]*%?")


def _since_last_figure(before: str) -> str:
    """The words between the figure and the figure before it in its sentence (a year does
    not count: "trong năm 2024 là 1.284")."""
    cut = 0
    for m in _FIGURE.finditer(before):
        token = m.group().rstrip(".,")
        if not (len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")):
            cut = m.end()
    return before[cut:]


def _syllables(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", fold(text))


def _content(label: str) -> frozenset[str]:
    bare = re.sub(r"\([^)]*\)", " ", label)
    stop = labels.data().stopwords
    return frozenset(w for w in _syllables(bare) if w not in _GENERIC and w not in stop)


def _columns(tables: list[View]) -> list[_Column]:
    out = []
    for view in tables:
        for k, col in view.columns.items():
            if not col.additive:
                continue
            found = _content(col.own)
            if len(found) >= _MIN_WORDS:
                out.append(_Column(view, k, found))
    return out


@dataclass(frozen=True)
class _Window:
    words: frozenset[str]
    text: str
    total: bool
    years: tuple[int, ...]


def _window(before: str, q: Quantity) -> _Window:
    sylls = _syllables(before)[-_WINDOW:]
    words = set(sylls) | set(_syllables(q.label)) | set(_syllables(q.unit_text or ""))
    phrase = " ".join(sylls)
    total = q.is_total or has_phrase(phrase, _TOTAL_WORDS) is not None
    return _Window(frozenset(words), phrase, total, years_in(before))


def _match(columns: list[_Column], window: _Window, q: Quantity) -> tuple[View, Cell] | None:
    found: list[tuple[View, Cell]] = []
    for col in columns:
        if not col.words <= window.words:
            continue
        info = col.view.columns[col.index]
        if info.year is not None and window.years and info.year not in window.years:
            continue
        for r in col.view.row_order():
            cell = col.view.cell(r, col.index)
            if cell is None:
                continue
            row = col.view.rows[r]
            if row.role == "total":
                if window.total and row.strong:
                    found.append((col.view, cell))
            elif row.role == "data" and _names_row(window.text, row.label):
                found.append((col.view, cell))
        if len(found) > 1:
            return None
    return found[0] if len(found) == 1 else None


def _names_row(window: str, label: str) -> bool:
    name = " ".join(_syllables(label))
    return len(name.split()) >= 2 and has_phrase(window, (name,)) is not None


def _same(q: Quantity, cell: Cell) -> bool:
    return q.number.value == cell.value


def _comparable(q: Quantity, cell: Cell) -> bool:
    if q.scale != 1:
        return False
    a = q.unit
    b = cell.unit
    if a is not None and b is not None and not units.compatible(a, b):
        return False
    return a in (None, "person", "organisation", "class", "document", "case", "session") and b != "%"


def _elsewhere_in_column(view: View, cell: Cell, q: Quantity) -> bool:
    return any(c.value == q.number.value for c in view.column_cells(cell.column_index) if c is not cell)


def _total_is_wrong(view: View, cell: Cell, q: Quantity) -> bool:
    """The text gives the rows' sum where the total row is wrong: the table is at fault."""
    if view.rows[cell.row_index].role != "total":
        return False
    for _, rows in common.coverage(view, cell.row_index).candidates:
        got = common.column_sum(view, rows, cell.column_index)
        if got is not None and got[0] == q.number.value:
            return True
    return False

