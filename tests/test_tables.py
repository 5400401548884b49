"""Tables: reading them (.docx with merged cells and a header over two rows, Markdown pipe
tables, tab-separated text), the Cell facts, the table rules on the samples of
samples/tables/ and on random tables (hypothesis), and the cost of a large table.

The rules' own pass/fail cases are data: tests/cases/N601.toml ... N609.toml.
"""

from __future__ import annotations

import json
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import extract
from checker.extract.tables import cell_number, column_role, fold, read_tables
from checker.facts import Cell
from checker.facts import Date, Quantity
from checker.findings import Severity
from checker.loading import load_path, load_text
from checker.pipeline import check_path, check_text
from checker.report.facts import facts_dict

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TABLES = SAMPLES / "tables"
EXPECTED = json.loads((TABLES / "bang-loi.expected.json").read_text(encoding="utf-8"))


def cells_of(source: Any) -> list[Cell]:
    return list(extract(source).of(Cell))


def by_place(cells: list[Cell]) -> dict[tuple[str, str], Cell]:
    return {(c.row_label, c.column_label): c for c in cells}


# ---------------------------------------------------------------------------------------
# Numbers and header words
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1.284", "1284", 0),
        ("14,49", "14.49", 2),
        ("100,00", "100", 2),
        ("**632**", "632", 0),
        ("+104", "104", 0),
        ("-7", "-7", 0),
        ("−15,22", "-15.22", 2),
        ("5,2%", "5.2", 1),
        ("05", "5", 0),
        (" 3221 ", "3221", 0),
    ],
)
def test_cell_number_reads_vietnamese_figures(text: str, value: str, decimals: int) -> None:
    number = cell_number(text)
    assert number is not None
    assert number.value == Decimal(value)
    assert number.decimals == decimals


@pytest.mark.parametrize("text", ["", "-", "x", "Huyện A", "1.284 người", "12/15", "2,5 lần", "1.2.3"])
def test_cell_number_refuses_what_is_not_one_figure(text: str) -> None:
    assert cell_number(text) is None


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Số đảng viên kết nạp", "count"),
        ("Tổng số đảng viên", "total"),
        ("Kế hoạch (học viên)", "plan"),
        ("Chỉ tiêu giao", "plan"),
        ("Thực hiện", "actual"),
        ("Tỷ lệ (%)", "share"),
        ("Cơ cấu (%)", "share"),
        ("Tỷ lệ so với toàn tỉnh (%)", "share"),
        ("Tỷ lệ đạt so với kế hoạch (%)", "achievement"),
        ("% KH", "achievement"),
        ("So sánh (%)", "comparison"),
        ("So sánh 2024 với 2023 / Tỷ lệ (%)", "comparison"),
        ("Tăng/giảm (%)", "change_pct"),
        ("Tăng/giảm", "change"),
        ("Tăng (+), giảm (-)", "change"),
        ("Tăng/giảm (điểm %)", "change"),
        ("Tuổi bình quân", "average"),
        ("Cơ cấu / Nam", "count"),
        ("Giao thông", "count"),
    ],
)
def test_column_roles_from_header_words(header: str, role: str) -> None:
    from checker.extract.tables import _role_of_path, words

    assert _role_of_path(header.split(" / "), words()) == role
    if " / " not in header:
        assert column_role(fold(header)) == role


# ---------------------------------------------------------------------------------------
# Reading .docx tables
# ---------------------------------------------------------------------------------------


def _report_docx(path: Path) -> Path:
    """A heading layout table, then "Bảng 1." with its unit line, a header over two rows
    (vertical merges and a spanning "Chia ra"), a numbering row and a total row."""
    document = docx.Document()
    heading = document.add_table(rows=1, cols=2)
    heading.cell(0, 0).text = "BAN TỔ CHỨC TỈNH ỦY"
    heading.cell(0, 1).text = "Hòa Thuận, ngày 05 tháng 12 năm 2024"
    document.add_paragraph("Bảng 1. Đảng viên theo đơn vị")
    document.add_paragraph("Đơn vị tính: người")
    rows = [
        ["STT", "Đơn vị", "Tổng số", "Chia ra", "", "Ghi chú"],
        ["", "", "", "Nam", "Nữ", ""],
        ["A", "B", "1", "2", "3", "4"],
        ["1", "Huyện A", "1.260", "620", "640", "Đạt"],
        ["2", "Huyện B", "800", "500", "300", ""],
        ["", "Tổng cộng", "2.060", "1.120", "940", ""],
    ]
    table = document.add_table(rows=len(rows), cols=6)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    for j in (0, 1, 2, 5):
        table.cell(0, j).merge(table.cell(1, j))
    document.add_paragraph("Hết.")
    document.save(str(path))
    return path


def test_docx_cells_carry_row_column_unit_and_table(tmp_path: Path) -> None:
    source = load_path(str(_report_docx(tmp_path / "a.docx")))
    cells = by_place(cells_of(source))
    assert set(cells) == {
        (row, col)
        for row in ("Huyện A", "Huyện B", "Tổng cộng")
        for col in ("Tổng số", "Chia ra / Nam", "Chia ra / Nữ")
    }
    nu = cells[("Huyện A", "Chia ra / Nữ")]
    assert (nu.value, nu.unit, nu.role, nu.group, nu.table) == (Decimal(640), "person", "count", "Chia ra", 2)
    assert nu.caption == "Bảng 1. Đảng viên theo đơn vị"
    assert cells[("Tổng cộng", "Tổng số")].row_role == "total"
    assert cells[("Huyện A", "Tổng số")].role == "total"
    # where and position: the cell's own paragraph of the table's segment
    assert source.where(nu.span.start) == "table 2"
    line = source.position(nu.span.start).line
    assert source.line_text(line) == "640"


def test_docx_layout_table_is_still_read_as_sentences(tmp_path: Path) -> None:
    source = load_path(str(_report_docx(tmp_path / "a.docx")))
    facts = extract(source)
    assert [d.year for d in facts.of(Date)] == [2024]
    # the data table's figures are cells, not quantities of sentences
    table_lines = {source.position(c.span.start).line for c in facts.of(Cell)}
    assert not [q for q in facts.of(Quantity) if source.position(q.span.start).line in table_lines]


def test_docx_finding_names_table_row_and_column(tmp_path: Path) -> None:
    path = _report_docx(tmp_path / "a.docx")
    document = docx.Document(str(path))
    document.tables[1].cell(4, 4).text = "64"  # Huyện B, Nữ: 300 -> 64
    document.save(str(path))
    result = check_path(str(path), select=["N6"])
    assert result.error is None
    found = [f for f in result.findings if f.where == "table 2"]
    assert found, [f.finding.message.en for f in result.findings]
    assert any("Huyện B" in f.finding.message.vi and "Nữ" in f.finding.message.vi for f in found)
    assert any(f.finding.stated == "64" and f.finding.expected == "300" for f in found)


def test_docx_changed_since_loading_is_not_misread(tmp_path: Path) -> None:
    """The cells are those of the text that was loaded: from ``Source.cells`` when the
    loader records them, else from the file read again, which must match line for line."""
    path = _report_docx(tmp_path / "a.docx")
    source = load_path(str(path))
    document = docx.Document(str(path))
    document.tables[1].cell(3, 1).text = "Huyện Khác"
    document.save(str(path))
    cells = cells_of(source)
    assert all(c.row_label != "Huyện Khác" for c in cells)
    assert bool(cells) == bool(getattr(source, "cells", ()))


# ---------------------------------------------------------------------------------------
# Reading text tables
# ---------------------------------------------------------------------------------------

MD = """# Báo cáo

**Bảng 3. Kết quả (người)**

| Đơn vị | Số lượng (người) | Tỷ lệ (%) |
| :--- | ---: | ---: |
| Huyện A \\| B | 30 | 60,00 |
| Huyện C | 20 | 40,00 |
| **Tổng cộng** | **50** | **100,00** |

Hết.
"""


def test_markdown_pipe_table() -> None:
    source = load_text(MD, "a.md", "md")
    facts = extract(source)
    cells = by_place(list(facts.of(Cell)))
    assert cells[("Huyện A | B", "Số lượng (người)")].value == 30
    total = cells[("Tổng cộng", "Tỷ lệ (%)")]
    assert (total.row_role, total.unit, total.caption) == ("total", "%", "Bảng 3. Kết quả (người)")
    pos = source.position(total.span.start)
    assert source.line_text(pos.line)[pos.column - 1 :].startswith("100,00")
    # the table's figures are not read again as sentences (the caption is a sentence)
    assert [q.text for q in facts.of(Quantity)] == ["3"]


def test_tab_separated_table() -> None:
    text = "Kết quả năm 2024.\nĐơn vị\tSố lớp\tSố học viên\nHuyện A\t5\t230\nHuyện B\t7\t310\nTổng số\t12\t540\n"
    cells = by_place(cells_of(load_text(text)))
    assert cells[("Huyện B", "Số học viên")].value == 310
    assert cells[("Tổng số", "Số lớp")].row_role == "total"
    assert cells[("Huyện A", "Số lớp")].unit == "class"


@pytest.mark.parametrize(
    "text",
    [
        "ĐẢNG BỘ TỈNH\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-BC/TU\tHòa Thuận, ngày 05 tháng 12 năm 2024\n",
        "a | b\nkhông phải bảng | 12\n",
        "| Nội dung | Ghi chú |\n| --- | --- |\n| Họp | Đủ |\n| Kiểm tra | Đạt |\n",
    ],
)
def test_what_is_not_a_table_of_figures(text: str) -> None:
    assert read_tables(load_text(text)) == []


def test_rows_outline_totals_and_subsets() -> None:
    text = """
| STT | Đơn vị | Số cán bộ |
| --- | --- | ---: |
| I | Khối Đảng | 30 |
| 1 | Ban Tổ chức | 12 |
| - | Trong đó: nữ | 5 |
| 2 | Ban Tuyên giáo | 18 |
| | Cộng khối Đảng | 30 |
| | Tổng số đảng viên | 99 |
"""
    rows = {c.row_label: c for c in cells_of(load_text(text))}
    assert (rows["Khối Đảng"].level, rows["Ban Tổ chức"].level) == (0, 1)
    assert rows["Ban Tổ chức"].parent == rows["Khối Đảng"].row_index
    assert (rows["Trong đó: nữ"].row_role, rows["Trong đó: nữ"].parent) == ("subset", rows["Ban Tổ chức"].row_index)
    assert (rows["Cộng khối Đảng"].row_role, rows["Cộng khối Đảng"].strong) == ("total", False)
    assert rows["Tổng số đảng viên"].row_role == "total"


def test_cells_in_the_facts_view() -> None:
    source = load_text(MD, "a.md", "md")
    data = facts_dict(source, extract(source))
    cell = next(f for f in data["facts"] if f["kind"] == "cell" and f["text"] == "20")
    assert (cell["row_label"], cell["column_label"], cell["table"], cell["where"]) == (
        "Huyện C", "Số lượng (người)", 1, "body",
    )  # fmt: skip
    assert cell["line"] == 8 and cell["label"] == "Huyện C × Số lượng (người)"


# ---------------------------------------------------------------------------------------
# The samples
# ---------------------------------------------------------------------------------------


def _planted() -> list[Any]:
    return [
        pytest.param(name, entry, id=f"{name}-{entry['code']}-{entry.get('row') or 'text'}")
        for name, entries in EXPECTED["files"].items()
        for entry in entries
    ]


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    return {name: check_path(str(TABLES / name)) for name in EXPECTED["files"]}


@pytest.mark.parametrize(("name", "planted"), _planted())
def test_planted_table_error_is_found_with_its_table_row_and_column(
    results: dict[str, Any], name: str, planted: dict[str, Any]
) -> None:
    result = results[name]
    same = [
        f
        for f in result.findings
        if f.code == planted["code"]
        and f.finding.category == planted["category"]
        and f.finding.stated == planted["stated"]
        and f.finding.expected == planted["expected"]
    ]
    assert same, (planted, [(f.code, f.finding.message.en) for f in result.findings])
    f = same[0]
    assert f.severity.value == planted["severity"]
    if "where" in planted:
        assert f.where == planted["where"]
    if "line" in planted:
        assert f.line == planted["line"]
    for key in ("table", "row", "column"):
        if key in planted:
            assert planted[key] in f.finding.message.vi, (key, f.finding.message.vi)
    if "row" in planted:
        assert planted["row"] in f.finding.message.en and planted["column"] in f.finding.message.en


@pytest.mark.parametrize("name", sorted(EXPECTED["files"]))
def test_error_samples_have_no_other_table_finding(results: dict[str, Any], name: str) -> None:
    planted = {(e["code"], e["stated"]) for e in EXPECTED["files"][name]}
    extra = [
        (f.line, f.code, f.finding.message.en)
        for f in results[name].findings
        if f.severity is not Severity.INFO and (f.code, f.finding.stated) not in planted
    ]
    assert extra == []


@pytest.mark.parametrize("name", ["bang-sach.docx", "bang-sach.md", "bang-sach.txt"])
def test_clean_table_samples_have_nothing_above_info(name: str) -> None:
    result = check_path(str(TABLES / name))
    assert result.error is None
    loud = [(f.line, f.code, f.finding.message.en) for f in result.findings if f.severity is not Severity.INFO]
    assert loud == []
    assert len(read_tables(load_path(str(TABLES / name)))) == 4


def test_markdown_sample_table_errors() -> None:
    """samples/bao-cao-ngan.md: the share on line 19 and the women's total on line 28."""
    found = {
        (f.line, f.finding.category, f.finding.stated, f.finding.expected)
        for f in check_path(str(SAMPLES / "bao-cao-ngan.md"), select=["N6"]).findings
    }
    assert found == {(19, "percent", "11,35", "11,53"), (28, "sum", "632", "623")}


# ---------------------------------------------------------------------------------------
# Random tables (hypothesis)
# ---------------------------------------------------------------------------------------


def _vn(value: Decimal | int, decimals: int = 0) -> str:
    v = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    integer, _, fraction = f"{v:f}".partition(".")
    if len(integer) > 3:
        head = len(integer) % 3 or 3
        integer = ".".join([integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)])
    return integer + ("," + fraction if fraction else "")


@st.composite
def count_tables(draw: Any) -> tuple[list[str], list[list[Decimal]], list[int]]:
    """A table of counts with a total row and a share column ("Cơ cấu (%)", two decimals,
    rounded half up): one column of counts, or a total with men and women."""
    n = draw(st.integers(2, 7))
    split = draw(st.booleans())
    pairs = [(draw(st.integers(0, 3000)), draw(st.integers(0, 3000))) for _ in range(n)]
    if split:
        header = ["Tổng số", "Nam", "Nữ"]
        rows = [[Decimal(a + b), Decimal(a), Decimal(b)] for a, b in pairs]
    else:
        header = ["Số đảng viên"]
        rows = [[Decimal(a + b)] for a, b in pairs]
    totals = [sum((r[k] for r in rows), Decimal(0)) for k in range(len(header))]
    if totals[0] == 0:
        rows[0] = [v + 1 if k != 2 else v for k, v in enumerate(rows[0])]
        totals = [sum((r[k] for r in rows), Decimal(0)) for k in range(len(header))]
    grand = totals[0]
    shares = [(r[0] * 100 / grand).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for r in rows]
    body = [r + [s] for r, s in zip(rows, shares)] + [totals + [Decimal("100.00")]]
    return header + ["Cơ cấu (%)"], body, [0] * len(header) + [2]


def _render(header: list[str], body: list[list[Decimal]], decimals: list[int]) -> tuple[str, int]:
    """The table as a pipe table; returns the text and the line of the first body row."""
    lines = ["Bảng 1. Đảng viên", "", "| Đơn vị | " + " | ".join(header) + " |"]
    lines.append("| --- |" + " ---: |" * len(header))
    for i, row in enumerate(body):
        label = "Tổng cộng" if i == len(body) - 1 else f"Đơn vị số {i + 1}"
        lines.append(f"| {label} | " + " | ".join(_vn(v, d) for v, d in zip(row, decimals)) + " |")
    return "\n".join(lines) + "\n", 5


HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@HYPOTHESIS
@given(count_tables())
def test_random_correct_table_gives_no_finding(table: tuple[list[str], list[list[Decimal]], list[int]]) -> None:
    text, _ = _render(*table)
    found = check_text(text, select=["N6"])
    assert found == (), [f.finding.message.en for f in found]


@HYPOTHESIS
@given(count_tables(), st.data())
def test_random_table_with_one_changed_cell_is_reported_on_its_row_or_column(
    table: tuple[list[str], list[list[Decimal]], list[int]], data: Any
) -> None:
    header, body, decimals = table
    r = data.draw(st.integers(0, len(body) - 1), label="row")
    c = data.draw(st.integers(0, len(header) - 1), label="column")
    step = Decimal(1) if decimals[c] == 0 else Decimal("0.02")
    delta = data.draw(st.integers(1, 250), label="delta") * step * data.draw(st.sampled_from([1, -1]))
    if body[r][c] + delta < 0:
        delta = -delta
    changed = [list(row) for row in body]
    changed[r][c] += delta
    text, first = _render(header, changed, decimals)
    found = check_text(text, select=["N6"])
    row_line = first + r
    column = header[c]
    on_it = [f for f in found if f.line == row_line or f"“{column}”" in f.finding.message.en]
    assert on_it, (r, column, delta, [(f.line, f.finding.message.en) for f in found])


# ---------------------------------------------------------------------------------------
# Cost
# ---------------------------------------------------------------------------------------


def _big_table(n: int) -> str:
    rows = [((i * 7919) % 3000, (i * 104729) % 2000) for i in range(n)]
    grand = sum(a + b for a, b in rows)
    lines = ["| Đơn vị | Tổng số | Nam | Nữ | Cơ cấu (%) |", "| --- | ---: | ---: | ---: | ---: |"]
    for i, (a, b) in enumerate(rows):
        share = _vn(Decimal(a + b) * 100 / grand, 2)
        lines.append(f"| Đơn vị số {i + 1} | {_vn(a + b)} | {_vn(a)} | {_vn(b)} | {share} |")
    men = sum(a for a, _ in rows)
    lines.append(f"| Tổng cộng | {_vn(grand)} | {_vn(men)} | {_vn(grand - men)} | 100,00 |")
    return "\n".join(lines) + "\n"


def test_cost_grows_linearly_with_the_cells() -> None:
    """Four times the rows must not cost much more than four times the time."""
    check_text(_big_table(50), select=["N6"])  # warm up: rule discovery, grammar
    timings = []
    for n in (250, 1000):
        text = _big_table(n)
        start = time.perf_counter()
        found = check_text(text, select=["N6"])
        timings.append(time.perf_counter() - start)
        assert found == ()
    assert timings[1] < 8 * timings[0] + 0.5, timings
