"""Build the form samples: a State report (Ủy ban nhân dân tỉnh Hòa Thuận) and a Party report
(Tỉnh ủy Hòa Thuận), each in correct form and with one error of each kind planted, as .docx
and as plain text, with the findings the form rules must give (expected.json).

    python3 samples/form/make_docx.py            # writes beside this script
    python3 samples/form/make_docx.py OUT_DIR

The reports are written for rasoat (a fictional province; no sentence of a real draft). The
correct reports follow Nghị định 30/2020/NĐ-CP, Phụ lục I (State) and Hướng dẫn 36-HD/VPTW
(Party): A4, margins 20/20/30/15 mm, Times New Roman, each component in its size and
weight. Each planted error changes one thing: a typeface, a size, a margin, a heading line
removed, the colon after "Số", the leading zeros of the date, the "Lưu" line removed, the
signing prefix, the author named for a cited code. The expected findings are written here
by hand; only their line numbers are read from the built document.

The plain-text versions are the .docx's text as rasoat reads it (a line per paragraph, table
cells in reading order); they must give the text findings and no layout finding.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Union

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Fmt:
    """How a paragraph is drawn."""

    size: float = 14
    bold: bool = False
    italic: bool = False
    font: str | None = None  # None: the document's Times New Roman
    align: str = "both"
    indent: bool = False


Para = tuple[str, Fmt]
Cell = list[Para]
Table = list[list[Cell]]
Block = Union[Para, Table]  # noqa: UP007 - a runtime alias


@dataclass(frozen=True)
class Margins:
    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@dataclass(frozen=True)
class Expect:
    """A finding the form rules must give: its code and severity, a unique piece of the
    line it stands on ("=..." for a line that is exactly this), what is stated (when the
    rule says), and whether it comes from the layout (then a plain-text version does not
    have it)."""

    code: str
    severity: str
    anchor: str
    stated: str | None
    source: str
    layout: bool
    note: str


@dataclass(frozen=True)
class Report:
    name: str
    style: str
    blocks: list[Block]
    margins: Margins
    expect: list[Expect]


ND30 = "Nghị định 30/2020/NĐ-CP"
HD36 = "Hướng dẫn 36-HD/VPTW"
CENTER = "center"


def _center(size: float, bold: bool = False, italic: bool = False) -> Fmt:
    return Fmt(size=size, bold=bold, italic=italic, align=CENTER)


BODY = Fmt(size=14, align="both", indent=True)
HEAD = Fmt(size=14, bold=True, align="both", indent=True)


# ---------------------------------------------------------------------------------------
# The State report
# ---------------------------------------------------------------------------------------


def state_report(planted: bool) -> Report:
    """Báo cáo kết quả cải cách hành chính năm 2023 của Ủy ban nhân dân tỉnh Hòa Thuận."""
    heading: Table = [
        [
            [
                ("ỦY BAN NHÂN DÂN", _center(13, bold=True)),
                ("TỈNH HÒA THUẬN", _center(13, bold=True)),
            ],
            [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _center(12, bold=True))]
            + ([] if planted else [("Độc lập - Tự do - Hạnh phúc", _center(13, bold=True))]),
        ],
        [
            [("Số 152/BC-UBND" if planted else "Số: 152/BC-UBND", _center(13))],
            [
                (
                    "Hòa Thuận, ngày 5 tháng 2 năm 2024"
                    if planted
                    else "Hòa Thuận, ngày 05 tháng 02 năm 2024",
                    _center(14, italic=True),
                )
            ],
        ],
    ]
    cited_author = "Bộ Tài chính" if planted else "Bộ Nội vụ"
    body: list[Block] = [
        ("BÁO CÁO", _center(14, bold=True)),
        ("Kết quả thực hiện cải cách hành chính năm 2023", _center(14, bold=True)),
        (
            (
                "Thực hiện Kế hoạch số 208/KH-UBND ngày 28/12/2022 của Ủy ban nhân dân tỉnh về cải "
                "cách hành chính năm 2023 và Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của "
                f"{cited_author} về chế độ báo cáo công tác cải cách hành chính, Ủy ban nhân dân tỉnh "
                "báo cáo kết quả thực hiện như sau:"
            ),
            BODY,
        ),
        ("I. KẾT QUẢ THỰC HIỆN", HEAD),
        ("1. Cải cách thể chế và thủ tục hành chính", HEAD),
        (
            (
                "Trong năm, Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh ban hành 14 nghị quyết "
                "và ban hành theo thẩm quyền 36 quyết định quy phạm pháp luật; rà soát, đề nghị "
                "đơn giản hóa 47 thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh."
            ),
            replace(BODY, font="Arial") if planted else BODY,
        ),
        (
            (
                "Toàn tỉnh đã tiếp nhận 40.000 hồ sơ thủ tục hành chính, giải quyết đúng hạn "
                "39.600 hồ sơ, đạt 99%; số hồ sơ quá hạn đã được xin lỗi người dân bằng văn bản "
                "theo quy định."
            ),
            BODY,
        ),
        ("2. Cải cách tổ chức bộ máy", HEAD),
        (
            (
                "Đến ngày 31/12/2023, tỉnh có 19 cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh và 09 "
                "đơn vị hành chính cấp huyện; trong năm đã sắp xếp, giảm 12 đơn vị sự nghiệp công "
                "lập so với năm 2022."
            ),
            replace(BODY, size=12) if planted else BODY,
        ),
        ("II. NHIỆM VỤ NĂM 2024", HEAD),
        (
            (
                "Tiếp tục thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành "
                "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030; đẩy mạnh "
                "chuyển đổi số trong giải quyết thủ tục hành chính, nâng tỷ lệ hồ sơ được xử lý "
                "trực tuyến toàn trình."
            ),
            BODY,
        ),
        (
            (
                "Trên đây là báo cáo kết quả thực hiện cải cách hành chính năm 2023 của Ủy ban nhân "
                "dân tỉnh Hòa Thuận./."
            ),
            BODY,
        ),
    ]
    recipients = Fmt(size=11, align="left")
    closing: Table = [
        [
            [("Nơi nhận:", Fmt(size=12, bold=True, italic=True, align="left"))]
            + [
                ("- Bộ Nội vụ;", recipients),
                ("- Thường trực Tỉnh ủy;", recipients),
                ("- Thường trực Hội đồng nhân dân tỉnh;", recipients),
                ("- Các sở, ban, ngành tỉnh;", recipients),
            ]
            + ([] if planted else [("- Lưu: VT, NC.", recipients)]),
            [
                ("TM. ỦY BAN NHÂN DÂN", _center(14, bold=True)),
                ("KT CHỦ TỊCH" if planted else "KT. CHỦ TỊCH", _center(14, bold=True)),
                ("PHÓ CHỦ TỊCH", _center(14, bold=True)),
                ("(đã ký)", _center(14, italic=True)),
                ("Trần Văn Bình", _center(14, bold=True)),
            ],
        ]
    ]
    expect: list[Expect] = []
    if planted:
        expect = [
            Expect(
                "F101",
                "error",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                None,
                f"{ND30}, Phụ lục I, Phần I, mục II.1",
                False,
                "The tiêu ngữ under the quốc hiệu was removed.",
            ),
            Expect(
                "F103",
                "warning",
                "Số 152/BC-UBND",
                "Số 152/BC-UBND",
                f"{ND30}, Phụ lục I, Phần I, mục II.3",
                False,
                "The colon after “Số” was removed.",
            ),
            Expect(
                "F106",
                "warning",
                "ngày 5 tháng 2 năm 2024",
                "Hòa Thuận, ngày 5 tháng 2 năm 2024",
                f"{ND30}, Phụ lục I, Phần I, mục II.4",
                False,
                "The day 5 and the month 2 lost their leading zeros.",
            ),
            Expect(
                "F110",
                "warning",
                "Thông tư số 02/2023/TT-BNV",
                "BNV",
                f"{ND30}, Phụ lục I, Phần I, mục II.3",
                False,
                "A circular coded BNV (Bộ Nội vụ) is said to be by Bộ Tài chính (BTC).",
            ),
            Expect(
                "F202",
                "warning",
                "đơn giản hóa 47 thủ tục",
                "Arial",
                f"{ND30}, Phụ lục I, Phần I, mục I.4",
                True,
                "One body paragraph is set in Arial.",
            ),
            Expect(
                "F203",
                "warning",
                "giảm 12 đơn vị sự nghiệp",
                "12",
                f"{ND30}, Phụ lục I, Phần I, mục II.6",
                True,
                "One body paragraph is in 12 pt; the body is 13-14 pt.",
            ),
            Expect(
                "F201",
                "warning",
                "=ỦY BAN NHÂN DÂN",
                "25 mm",
                f"{ND30}, Phụ lục I, Phần I, mục I.1 và I.3",
                True,
                "The left margin is 25 mm; 30-35 mm is prescribed.",
            ),
            Expect(
                "F107",
                "warning",
                "- Các sở, ban, ngành tỉnh;",
                None,
                f"{ND30}, Phụ lục I, Phần I, mục II.9",
                False,
                "The recipients end without “- Lưu: VT, ...”.",
            ),
            Expect(
                "F108",
                "warning",
                "KT CHỦ TỊCH",
                "KT",
                f"{ND30}, Phụ lục I, Phần I, mục II.7",
                False,
                "The signing prefix “KT.” lost its dot.",
            ),
        ]
    return Report(
        name="nha-nuoc-loi" if planted else "nha-nuoc-dung",
        style="state",
        blocks=[heading, *body, closing],
        margins=Margins(left=25) if planted else Margins(),
        expect=expect,
    )


# ---------------------------------------------------------------------------------------
# The Party report
# ---------------------------------------------------------------------------------------


def party_report(planted: bool) -> Report:
    """Báo cáo kết quả công tác kiểm tra, giám sát năm 2023 của Tỉnh ủy Hòa Thuận."""
    heading: Table = [
        [
            [("TỈNH ỦY HÒA THUẬN", _center(14, bold=True)), ("*", _center(14))],
            [] if planted else [("ĐẢNG CỘNG SẢN VIỆT NAM", _center(15, bold=True))],
        ],
        [
            [("Số: 318-BC/TU" if planted else "Số 318-BC/TU", _center(14))],
            [
                (
                    "Hòa Thuận, ngày 8 tháng 1 năm 2024"
                    if planted
                    else "Hòa Thuận, ngày 08 tháng 01 năm 2024",
                    Fmt(size=14, italic=True, align="right"),
                )
            ],
        ],
    ]
    cited_author = "Bộ Chính trị" if planted else "Ban Tổ chức Trung ương"
    body: list[Block] = [
        ("BÁO CÁO", _center(16, bold=True)),
        ("Kết quả công tác kiểm tra, giám sát năm 2023", _center(14, bold=True)),
        ("-----", _center(14)),
        (
            (
                "Thực hiện Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương về công "
                "tác kiểm tra, giám sát và kỷ luật của Đảng, Ban Thường vụ Tỉnh ủy báo cáo kết quả "
                "công tác kiểm tra, giám sát năm 2023 như sau:"
            ),
            BODY,
        ),
        ("I. KẾT QUẢ THỰC HIỆN", HEAD),
        (
            (
                "Cấp ủy các cấp đã kiểm tra 214 tổ chức đảng và 386 đảng viên, giám sát chuyên đề "
                "157 tổ chức đảng và 242 đảng viên; qua kiểm tra, giám sát đã kịp thời nhắc nhở, "
                "chấn chỉnh những hạn chế trong thực hiện nhiệm vụ."
            ),
            replace(BODY, font="Arial") if planted else BODY,
        ),
        (
            (
                "Việc kết nạp đảng viên được thực hiện theo Hướng dẫn số 26-HD/BTCTW ngày 18/8/2020 "
                f"của {cited_author}; trong năm toàn Đảng bộ kết nạp 1.452 đảng viên mới, không có "
                "trường hợp sai quy trình."
            ),
            BODY,
        ),
        (
            (
                "Ủy ban kiểm tra các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với 12 tổ chức đảng "
                "và 41 đảng viên; đã đề nghị xử lý kỷ luật 17 đảng viên vi phạm."
            ),
            replace(BODY, size=12) if planted else BODY,
        ),
        ("II. NHIỆM VỤ NĂM 2024", HEAD),
        (
            (
                "Tiếp tục quán triệt và thực hiện nghiêm các quy định của Trung ương về công tác "
                "kiểm tra, giám sát; nâng cao chất lượng giám sát thường xuyên, chủ động phát hiện "
                "sớm vi phạm của tổ chức đảng và đảng viên."
            ),
            BODY,
        ),
        (
            (
                "Trên đây là báo cáo kết quả công tác kiểm tra, giám sát năm 2023 của Ban Thường vụ "
                "Tỉnh ủy Hòa Thuận."
            ),
            BODY,
        ),
    ]
    recipients = Fmt(size=12, align="left")
    closing: Table = [
        [
            [("Nơi nhận:", Fmt(size=14, align="left"))]
            + [
                ("- Ủy ban Kiểm tra Trung ương,", recipients),
                ("- Các đồng chí Tỉnh ủy viên,", recipients),
                ("- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,", recipients),
            ]
            + ([] if planted else [("- Lưu Văn phòng Tỉnh ủy.", recipients)]),
            [
                ("TM BAN THƯỜNG VỤ" if planted else "T/M BAN THƯỜNG VỤ", _center(14, bold=True)),
                ("PHÓ BÍ THƯ THƯỜNG TRỰC", _center(14, bold=True)),
                ("(đã ký)", _center(14, italic=True)),
                ("Lê Thị Hồng Nhung", _center(14, bold=True)),
            ],
        ]
    ]
    expect: list[Expect] = []
    if planted:
        expect = [
            Expect(
                "F102",
                "error",
                "Số: 318-BC/TU",
                None,
                f"{HD36}, mục II.1.1",
                False,
                "The title “ĐẢNG CỘNG SẢN VIỆT NAM” was removed.",
            ),
            Expect(
                "F103",
                "warning",
                "Số: 318-BC/TU",
                "Số: 318-BC/TU",
                f"{HD36}, mục II.1.3",
                False,
                "A colon was put after “Số”.",
            ),
            Expect(
                "F106",
                "warning",
                "ngày 8 tháng 1 năm 2024",
                "Hòa Thuận, ngày 8 tháng 1 năm 2024",
                f"{HD36}, mục II.1.4",
                False,
                "The day 8 and the month 1 lost their leading zeros.",
            ),
            Expect(
                "F110",
                "warning",
                "Hướng dẫn số 26-HD/BTCTW",
                "BTCTW",
                f"{HD36}, mục II.1.3",
                False,
                "A guide coded BTCTW (Ban Tổ chức Trung ương) is said to be by Bộ Chính trị (TW).",
            ),
            Expect(
                "F202",
                "warning",
                "giám sát chuyên đề",
                "Arial",
                f"{HD36}, Phụ lục 3",
                True,
                "One body paragraph is set in Arial.",
            ),
            Expect(
                "F203",
                "warning",
                "dấu hiệu vi phạm",
                "12",
                f"{HD36}, Phụ lục 3, mục 6",
                True,
                "One body paragraph is in 12 pt; the body is 14-15 pt.",
            ),
            Expect(
                "F201",
                "warning",
                "TỈNH ỦY HÒA THUẬN",
                "25 mm",
                f"{HD36}",
                True,
                "The right margin is 25 mm; 15-20 mm is prescribed.",
            ),
            Expect(
                "F107",
                "warning",
                "- Các huyện ủy, thị ủy",
                None,
                f"{HD36}, mục II.1.9",
                False,
                "The recipients end without “- Lưu ...”.",
            ),
            Expect(
                "F108",
                "warning",
                "TM BAN THƯỜNG VỤ",
                "TM",
                f"{HD36}, mục II.1.7",
                False,
                "The signing prefix is “TM” where a Party document writes “T/M”.",
            ),
        ]
    return Report(
        name="dang-loi" if planted else "dang-dung",
        style="party",
        blocks=[heading, *body, closing],
        margins=Margins(right=25) if planted else Margins(),
        expect=expect,
    )


REPORTS: tuple[Callable[[bool], Report], ...] = (state_report, party_report)


# ---------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------


def write_docx(report: Report, path: Path) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    align = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    m = report.margins
    section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
    section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)

    def fill(paragraph: object, text: str, fmt: Fmt) -> None:
        from docx.text.paragraph import Paragraph

        assert isinstance(paragraph, Paragraph)
        paragraph.alignment = align[fmt.align]
        paragraph.paragraph_format.space_after = Pt(6)
        if fmt.indent:
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
        run = paragraph.add_run(text)
        run.font.size = Pt(fmt.size)
        run.font.bold = fmt.bold
        run.font.italic = fmt.italic
        if fmt.font:
            run.font.name = fmt.font

    for block in report.blocks:
        if isinstance(block, tuple):
            fill(document.add_paragraph(), block[0], block[1])
            continue
        table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
        for i, row in enumerate(block):
            for j, cell in enumerate(row):
                target = table.cell(i, j)
                for k, (text, fmt) in enumerate(cell):
                    fill(target.paragraphs[0] if k == 0 else target.add_paragraph(), text, fmt)
    document.save(str(path))
    return path


def expected_entries(report: Report, text: str, layout: bool) -> list[dict[str, object]]:
    """The expected findings with the line each anchor stands on."""
    lines = text.split("\n")
    out: list[dict[str, object]] = []
    for e in report.expect:
        if e.layout and not layout:
            continue
        if e.anchor.startswith("="):  # the whole line
            hits = [i + 1 for i, line in enumerate(lines) if line == e.anchor[1:]]
        else:
            hits = [i + 1 for i, line in enumerate(lines) if e.anchor in line]
        if len(hits) != 1:
            raise SystemExit(f"{report.name}: anchor {e.anchor!r} is on {len(hits)} lines")
        out.append(
            {
                "code": e.code,
                "line": hits[0],
                "severity": e.severity,
                "stated": e.stated,
                "source": e.source,
                "note": e.note,
            }
        )
    return out


def build(out: Path = HERE) -> dict[str, object]:
    """Write every sample and expected.json into ``out``; return the expected data."""
    repo = HERE.parent.parent
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    from checker.loading import load_path

    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, object] = {}
    for make in REPORTS:
        for planted in (False, True):
            report = make(planted)
            docx_path = write_docx(report, out / f"{report.name}.docx")
            text = load_path(str(docx_path)).original
            (out / f"{report.name}.txt").write_text(text + "\n", encoding="utf-8")
            for suffix, layout in ((".docx", True), (".txt", False)):
                files[report.name + suffix] = {
                    "style": report.style,
                    "planted": planted,
                    "findings": expected_entries(report, text, layout),
                }
    data = {
        "about": (
            "Form samples built by make_docx.py. For each file, the findings of the form "
            "rules (family F) that are warnings or errors: exactly these, on these lines, "
            "each quoting its source. Findings of severity info are not listed. The .txt "
            "files are the .docx texts and have no layout finding (F2xx)."
        ),
        "files": files,
    }
    (out / "expected.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return data


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
