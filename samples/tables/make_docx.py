"""Build the table samples: a short report with four tables, clean and with planted errors,
as .docx (merged cells, a header over two rows, a numbering row, a layout table for the
heading), as Markdown (pipe tables) and as plain text (tab-separated tables).

    python samples/tables/make_docx.py        # writes the files beside this script

Every figure is computed here with Decimal from the raw counts (sums, shares rounded half
up, achievements, comparisons and changes), so the clean version is right by construction;
the error version changes the data or single cells, one planted error each, and
``bang-loi.expected.json`` lists them with the table, row and column where rasoat must find
them. The province (Hòa Thuận) and every figure are invented.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------
# Numbers written the Vietnamese way
# ---------------------------------------------------------------------------------------


def vn(value: Decimal | int, decimals: int = 0, sign: bool = False) -> str:
    v = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(v):f}"
    integer, _, fraction = text.partition(".")
    if len(integer) > 3:
        head = len(integer) % 3 or 3
        integer = ".".join([integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)])
    out = integer + ("," + fraction if fraction else "")
    if v < 0:
        return "-" + out
    return ("+" + out) if sign and v > 0 else out


def pct(part: int, whole: int) -> str:
    return vn(Decimal(part) * 100 / Decimal(whole), 2)


# ---------------------------------------------------------------------------------------
# The report as data
# ---------------------------------------------------------------------------------------


@dataclass
class Table:
    caption: str
    unit: str | None
    header: list[list[str]]  # .docx header rows ("" under a vertical merge, "<" for a span)
    md_header: list[str]  # the one header row of the Markdown and text versions
    rows: list[list[str]]
    numbering: list[str] | None = None  # the .docx row that numbers the columns


@dataclass
class Report:
    paragraphs_before: list[str]
    blocks: list[Any] = field(default_factory=list)  # str paragraphs and Tables, in order


T1_UNITS = [
    ("Thành phố Hòa Thuận", 5318, 4524),
    ("Thị xã Bình Phú", 3402, 2703),
    ("Huyện Tân Lợi", 4215, 3021),
    ("- Trong đó: Đảng bộ cơ quan huyện", 602, 516),
    ("Huyện Phú Điền", 3390, 2484),
    ("Huyện An Hưng", 3001, 2212),
    ("Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh", 2150, 2410),
    ("Đảng bộ Quân sự tỉnh", 1305, 115),
]
T2_KINDS = [
    ("Cao cấp lý luận chính trị", 120, 118, 41),
    ("Trung cấp lý luận chính trị", 850, 872, 398),
    ("Bồi dưỡng kiến thức quốc phòng và an ninh", 640, 603, 215),
    ("Bồi dưỡng chuyên môn, nghiệp vụ", 1200, 1264, 702),
]
T3_ITEMS = [
    ("Tổng số đảng viên", 39518, 40250),
    ("Đảng viên kết nạp mới", 1180, 1284),
    ("Tổ chức cơ sở đảng", 528, 521),
    ("Chi bộ trực thuộc đảng ủy cơ sở", 3412, 3455),
    ("Đảng viên được miễn sinh hoạt đảng", 212, 198),
    ("Đảng viên bị xử lý kỷ luật", 46, 39),
]
T4_LEVELS = [
    ("Sau đại học", "6,85", "7,92"),
    ("Đại học", "58,40", "60,15"),
    ("Cao đẳng, trung cấp", "24,30", "22,61"),
    ("Sơ cấp và chưa qua đào tạo", "10,45", "9,32"),
]


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def table1(units: list[tuple[str, int, int]]) -> Table:
    grand = sum(n + f for label, n, f in units if not label.startswith("-"))
    rows = []
    k = 0
    for label, n, f in units:
        sub = label.startswith("-")
        if not sub:
            k += 1
        rows.append(["" if sub else str(k), label, vn(n + f), vn(n), vn(f), pct(n + f, grand)])
    tn = sum(n for label, n, _ in units if not label.startswith("-"))
    tf = sum(f for label, _, f in units if not label.startswith("-"))
    rows.append(["", "Tổng cộng", vn(tn + tf), vn(tn), vn(tf), "100,00"])
    return Table(
        "Bảng 1. Số lượng đảng viên của Đảng bộ tỉnh đến ngày 30/11/2024",
        "Đơn vị tính: người",
        [
            ["STT", "Đơn vị", "Tổng số đảng viên", "Chia ra", "<", "Cơ cấu (%)"],
            ["", "", "", "Nam", "Nữ", ""],
        ],
        ["STT", "Đơn vị", "Tổng số đảng viên", "Nam", "Nữ", "Cơ cấu (%)"],
        rows,
    )


def table2(kinds: list[tuple[str, int, int, int]]) -> Table:
    rows = []
    for k, (label, plan, done, women) in enumerate(kinds, 1):
        rows.append([str(k), label, vn(plan), vn(done), pct(done, plan), vn(women), pct(women, done)])
    plan = sum(x[1] for x in kinds)
    done = sum(x[2] for x in kinds)
    women = sum(x[3] for x in kinds)
    rows.append(["", "Cộng", vn(plan), vn(done), pct(done, plan), vn(women), pct(women, done)])
    header = ["STT", "Loại hình", "Kế hoạch (học viên)", "Thực hiện (học viên)",
              "Tỷ lệ đạt so với kế hoạch (%)", "Trong đó nữ", "Tỷ lệ nữ (%)"]  # fmt: skip
    return Table(
        "Bảng 2. Kết quả đào tạo, bồi dưỡng cán bộ năm 2024",
        None,
        [header],
        header,
        rows,
        numbering=["A", "B", "1", "2", "3=2/1", "4", "5=4/2"],
    )


def table3(items: list[tuple[str, int, int]]) -> Table:
    rows = []
    for k, (label, before, now) in enumerate(items, 1):
        rows.append([str(k), label, vn(before), vn(now), vn(now - before, sign=True), pct(now, before)])
    return Table(
        "Bảng 3. So sánh một số chỉ tiêu năm 2024 với năm 2023",
        None,
        [
            ["STT", "Chỉ tiêu", "Năm", "<", "So sánh 2024 với 2023", "<"],
            ["", "", "2023", "2024", "Tăng (+), giảm (-)", "Tỷ lệ (%)"],
        ],
        ["STT", "Chỉ tiêu", "Năm 2023", "Năm 2024", "Tăng (+), giảm (-)", "So sánh (%)"],
        rows,
    )


def table4(levels: list[tuple[str, str, str]]) -> Table:
    rows = []
    for k, (label, a, b) in enumerate(levels, 1):
        rows.append([str(k), label, a, b, vn(_dec(b) - _dec(a), 2, sign=True)])
    rows.append(["", "Tổng cộng", "100,00", "100,00", "-"])
    header = ["STT", "Trình độ chuyên môn", "Năm 2023 (%)", "Năm 2024 (%)", "Tăng/giảm (điểm %)"]
    return Table("Bảng 4. Cơ cấu đảng viên theo trình độ chuyên môn", None, [header], header, rows)


HEADING = [
    ("ĐẢNG BỘ TỈNH HÒA THUẬN\nBAN TỔ CHỨC\n*\nSố 312-BC/BTCTU", "ĐẢNG CỘNG SẢN VIỆT NAM\nHòa Thuận, ngày 05 tháng 12 năm 2024"),
]


def report(errors: bool) -> list[Any]:
    """The report's blocks: headings and paragraphs (str) and tables, in order."""
    t1_units = list(T1_UNITS)
    t2 = list(T2_KINDS)
    t4 = list(T4_LEVELS)
    if errors:
        # E6 (N603): 141 women among 118 graduates, the rest of the table kept consistent
        t2[0] = ("Cao cấp lý luận chính trị", 120, 118, 141)
        # E9 (N605): a share changed with its change, so only the column's sum shows it
        t4[1] = ("Đại học", "58,40", "61,15")
    tables = [table1(t1_units), table2(t2), table3(list(T3_ITEMS)), table4(t4)]
    total = "40.520" if errors else "40.250"  # E10 (N609)
    return [
        "BÁO CÁO",
        "Tình hình đảng viên và công tác đào tạo, bồi dưỡng cán bộ năm 2024",
        "I. SỐ LƯỢNG ĐẢNG VIÊN",
        f"Tính đến ngày 30/11/2024, tổng số đảng viên của Đảng bộ tỉnh là {total} đồng chí.",
        "Thành phố Hòa Thuận có số đảng viên đông nhất với 9.842 đồng chí.",
        tables[0],
        "II. ĐÀO TẠO, BỒI DƯỠNG",
        "Trong năm, các cơ sở đào tạo đã mở lớp cho cán bộ theo bốn loại hình.",
        tables[1],
        "III. SO SÁNH VỚI NĂM TRƯỚC",
        "Các chỉ tiêu chủ yếu của năm 2024 được so sánh với năm 2023 ở bảng sau.",
        tables[2],
        "Trình độ chuyên môn của đảng viên tiếp tục được nâng lên.",
        tables[3],
    ]


# The single cells changed in the error version: (table, row label, column, right, wrong).
CELL_ERRORS = [
    (1, "Tổng cộng", 4, "17.469", "17.496"),  # E1 N601: the women's total, digits swapped
    (1, "Huyện An Hưng", 2, "5.213", "5.231"),  # E2 N602: a row total, digits swapped
    (1, "Thị xã Bình Phú", 5, "15,17", "15,71"),  # E3 N604: a share, digits swapped
    (1, "Huyện Phú Điền", 3, "3.390", "3.309"),  # E4 N602: a part that breaks row and column
    (2, "Bồi dưỡng kiến thức quốc phòng và an ninh", 4, "94,22", "94,12"),  # E5 N606
    (3, "Đảng viên kết nạp mới", 5, "108,81", "108,31"),  # E7 N607
    (3, "Đảng viên được miễn sinh hoạt đảng", 4, "-14", "+14"),  # E8 N608
]

# What rasoat must report: (code, category, table, row, column, stated, expected); a column
# named differently in the .docx (its header over two rows) is a pair (.docx, .md/.txt).
EXPECTED = [
    ("N601", "sum", 1, "Tổng cộng", ("Chia ra / Nữ", "Nữ"), "17.496", "17.469"),
    ("N602", "sum", 1, "Huyện An Hưng", "Tổng số đảng viên", "5.231", "5.213"),
    ("N604", "percent", 1, "Thị xã Bình Phú", "Cơ cấu (%)", "15,71", "15,17"),
    ("N602", "sum", 1, "Huyện Phú Điền", ("Chia ra / Nam", "Nam"), "3.309", "3.390"),
    ("N606", "target", 2, "Bồi dưỡng kiến thức quốc phòng và an ninh", "Tỷ lệ đạt so với kế hoạch (%)", "94,12", "94,22"),
    ("N603", "sum", 2, "Cao cấp lý luận chính trị", "Trong đó nữ", "141", "≤ 118"),
    ("N607", "delta", 3, "Đảng viên kết nạp mới", ("So sánh 2024 với 2023 / Tỷ lệ (%)", "So sánh (%)"), "108,31", "108,81"),
    ("N608", "delta", 3, "Đảng viên được miễn sinh hoạt đảng", ("So sánh 2024 với 2023 / Tăng (+), giảm (-)", "Tăng (+), giảm (-)"), "+14", "-14"),
    ("N605", "percent", 4, "Tổng cộng", "Năm 2024 (%)", "100,00", "100"),
    ("N609", "xref", None, None, None, "40.520", "40.250"),
]


def apply_cell_errors(tables: list[Table]) -> None:
    for number, row_label, column, right, wrong in CELL_ERRORS:
        table = tables[number - 1]
        rows = [r for r in table.rows if r[1] == row_label]
        assert len(rows) == 1, (number, row_label)
        assert rows[0][column] == right, (number, row_label, rows[0][column], right)
        rows[0][column] = wrong


def blocks(errors: bool) -> list[Any]:
    out = report(errors)
    if errors:
        apply_cell_errors([b for b in out if isinstance(b, Table)])
    return out


# ---------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------


def write_docx(path: Path, content: list[Any]) -> None:
    """The report as a Party document: A4, Times New Roman 14, the heading in a two-column
    layout table, the recipients and the signature in another (Hướng dẫn 36-HD/VPTW)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    _east_asian_font(normal, "Times New Roman")

    def line(cell: Any, text: str, size: int = 14, bold: bool = False, italic: bool = False, first: bool = False) -> None:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic

    heading = document.add_table(rows=1, cols=2)  # the layout table of a Party document
    left, right = heading.cell(0, 0), heading.cell(0, 1)
    line(left, "ĐẢNG BỘ TỈNH HÒA THUẬN", first=True)
    line(left, "BAN TỔ CHỨC", bold=True)
    line(left, "*")
    line(left, "Số 312-BC/BTCTU")
    line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, first=True)
    line(right, "Hòa Thuận, ngày 05 tháng 12 năm 2024", italic=True)
    for n, block in enumerate(content):
        if isinstance(block, str):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block)
            if n == 0:  # the type of document
                run.font.size, run.bold = Pt(15), True
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif n == 1:  # what it is about, and the short rule under it
                run.bold = True
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                document.add_paragraph("-----").alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.isupper() or block.startswith(("I.", "II.", "III.")):
                run.bold = True
            continue
        caption = document.add_paragraph()
        caption.add_run(block.caption).bold = True
        if block.unit:
            unit = document.add_paragraph()
            unit.add_run(block.unit).italic = True
            unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _docx_table(document, block)
    sign = document.add_table(rows=1, cols=2)
    left, right = sign.cell(0, 0), sign.cell(0, 1)
    for k, text in enumerate(RECIPIENTS):
        paragraph = left.paragraphs[0] if k == 0 else left.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(14 if k == 0 else 12)
        run.bold = run.italic = k == 0
    line(right, "K/T TRƯỞNG BAN", bold=True, first=True)
    line(right, "PHÓ TRƯỞNG BAN", bold=True)
    line(right, "")
    line(right, "Nguyễn Văn An", bold=True)
    props = document.core_properties
    from datetime import datetime

    props.created = props.modified = datetime(2024, 12, 5)
    props.author = props.last_modified_by = "rasoat"
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


RECIPIENTS = ["Nơi nhận:", "- Ban Tổ chức Trung ương,", "- Thường trực Tỉnh ủy,", "- Lưu Văn phòng Ban."]


def _east_asian_font(style: Any, name: str) -> None:
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), name)


def _docx_table(document: Any, table: Table) -> None:
    width = len(table.md_header)
    extra = [table.numbering] if table.numbering else []
    height = len(table.header) + len(extra) + len(table.rows)
    grid = document.add_table(rows=height, cols=width)
    grid.style = "Table Grid"
    for i, row in enumerate(table.header):
        for j, text in enumerate(row):
            if text not in ("", "<"):
                grid.cell(i, j).paragraphs[0].text = text
    for i, row in enumerate(table.header):
        for j, text in enumerate(row):
            if text == "<":
                start = j
                while row[start] == "<":
                    start -= 1
                grid.cell(i, start).merge(grid.cell(i, j))
    if len(table.header) == 2:
        for j, text in enumerate(table.header[1]):
            if text == "" and table.header[0][j] not in ("", "<"):
                grid.cell(0, j).merge(grid.cell(1, j))
    body = extra + table.rows
    for i, row in enumerate(body, len(table.header)):
        for j, text in enumerate(row):
            grid.cell(i, j).paragraphs[0].text = text
    from docx.shared import Pt

    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(13)


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed member dates, so the file is the same on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 12, 5, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def markdown(content: list[Any]) -> str:
    lines = [
        "ĐẢNG BỘ TỈNH HÒA THUẬN  ",
        "BAN TỔ CHỨC  ",
        "*  ",
        "Số 312-BC/BTCTU",
        "",
        "ĐẢNG CỘNG SẢN VIỆT NAM  ",
        "Hòa Thuận, ngày 05 tháng 12 năm 2024",
        "",
    ]
    for block in content:
        if isinstance(block, str):
            heading = block.startswith(("I.", "II.", "III."))
            lines += [("## " if heading else "") + block, ""]
            continue
        lines += [f"**{block.caption}**", ""]
        if block.unit:
            lines += [f"*{block.unit}*", ""]
        lines.append(_md_row(block.md_header))
        lines.append("| " + " | ".join("---" if j < 2 else "---:" for j in range(len(block.md_header))) + " |")
        for row in block.rows:
            cells = [f"**{c}**" if row[1] in ("Tổng cộng", "Cộng") and c else c for c in row]
            lines.append(_md_row(cells))
        lines.append("")
    lines += ["**K/T TRƯỞNG BAN**", "**PHÓ TRƯỞNG BAN**", "", "**Nguyễn Văn An**", ""]
    lines += [f"*{RECIPIENTS[0]}*", ""] + [r + "  " for r in RECIPIENTS[1:]]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_row(cells: list[str]) -> str:
    return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"


def plain_text(content: list[Any]) -> str:
    """Word's plain-text export: a table's cells separated by tabs, a row per line."""
    lines = [
        "ĐẢNG BỘ TỈNH HÒA THUẬN\tĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN TỔ CHỨC",
        "*",
        "Số 312-BC/BTCTU\tHòa Thuận, ngày 05 tháng 12 năm 2024",
        "",
    ]
    for block in content:
        if isinstance(block, str):
            lines.append(block)
            continue
        lines.append(block.caption)
        if block.unit:
            lines.append(block.unit)
        lines.append("\t".join(block.md_header))
        for row in block.rows:
            lines.append("\t".join(row))
    lines += ["", "\tK/T TRƯỞNG BAN", "\tPHÓ TRƯỞNG BAN", "", "\tNguyễn Văn An", ""] + RECIPIENTS
    return "\n".join(lines) + "\n"


def expected(kind: str, text: str | None) -> list[dict[str, Any]]:
    """The planted errors of one version, with the line where each stands (.md/.txt) or
    the table segment ("table N": the heading is table 1) for the .docx."""
    out = []
    captions = [b.caption for b in report(True) if isinstance(b, Table)]
    for code, category, table, row, column, stated, exp in EXPECTED:
        entry: dict[str, Any] = {
            "code": code,
            "category": category,
            "severity": "error",
            "stated": stated,
            "expected": exp,
        }
        if table is not None:
            entry["table"] = captions[table - 1].split(".")[0]
            entry["row"] = row
            if isinstance(column, tuple):
                column = column[0] if kind == "docx" else column[1]
            entry["column"] = column
            if kind == "docx":
                entry["where"] = f"table {table + 1}"
        else:
            entry["where"] = "body"
        if text is not None:
            entry["line"] = _line_of(text, table, row, stated)
        out.append(entry)
    return out


def _line_of(text: str, table: int | None, row: str | None, stated: str) -> int:
    lines = text.split("\n")
    if table is None:
        return next(i for i, line in enumerate(lines, 1) if stated in line)
    caption = [b.caption for b in report(True) if isinstance(b, Table)][table - 1]
    start = next(i for i, line in enumerate(lines) if caption in line)
    return next(i for i, line in enumerate(lines[start:], start + 1) if row in line and stated in line)


def main() -> None:
    clean, wrong = blocks(False), blocks(True)
    write_docx(HERE / "bang-sach.docx", clean)
    write_docx(HERE / "bang-loi.docx", wrong)
    md_clean, md_wrong = markdown(clean), markdown(wrong)
    txt_clean, txt_wrong = plain_text(clean), plain_text(wrong)
    (HERE / "bang-sach.md").write_text(md_clean, encoding="utf-8")
    (HERE / "bang-loi.md").write_text(md_wrong, encoding="utf-8")
    (HERE / "bang-sach.txt").write_text(txt_clean, encoding="utf-8")
    (HERE / "bang-loi.txt").write_text(txt_wrong, encoding="utf-8")
    data = {
        "note": "Planted errors of the table samples (samples/tables/make_docx.py); the clean "
        "versions bang-sach.* must have nothing above info.",
        "files": {
            "bang-loi.docx": expected("docx", None),
            "bang-loi.md": expected("md", md_wrong),
            "bang-loi.txt": expected("txt", txt_wrong),
        },
    }
    (HERE / "bang-loi.expected.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
