"""The document's form (family F): the rule sets as data, reading the form from text, the
layout of a .docx along its style chain, the form samples (each planted error found with its
article, the correct reports quiet, plain text without layout findings), one error planted
per component by mutation, and the real draft's heading, recipients and signing block.

The text rules' own cases are data (tests/cases/F1xx.toml); the layout rules (F2xx) are
tested here, on .docx files built by samples/form/make_docx.py.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from checker.rules.form import rulesets
from checker.rules.form.date_line import DateLineForm, standard_day, standard_month
from checker.rules.form.parse import fold_same, read_form
from checker.rules.form.rulesets import PARTY, STATE, FormDataError, issuers_named, rule_set
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine import Document, run
from checker.facts import Facts
from checker.findings import Severity
from checker.layout import layout_of
from checker.loading import load_bytes, load_path, load_text
from checker.pipeline import check_path, check_source, check_text

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples" / "form"
GUIDE = {STATE: "Nghị định 30/2020/NĐ-CP", PARTY: "Hướng dẫn 36-HD/VPTW"}


def _make_docx() -> ModuleType:
    """samples/form/make_docx.py, imported from its file (samples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("form_samples", SAMPLES / "make_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["form_samples"] = module
    spec.loader.exec_module(module)
    return module


MAKE = _make_docx()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("form")
    return out, MAKE.build(out)


def _loud(findings: Any) -> list[Any]:
    return [f for f in findings if f.severity is not Severity.INFO]


def _form_check(path: Path) -> list[Any]:
    """The form rules' warnings and errors for a .docx, without extracting facts (F110,
    the only form rule that reads facts, is tested on the samples): fast enough for the
    mutation tests."""
    return _loud(check_source(load_path(str(path)), select=["F"], facts=Facts()))


# ---------------------------------------------------------------------------------------
# The rule sets
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", [STATE, PARTY])
def test_every_value_names_its_article(style: str) -> None:
    rules = rule_set(style)
    assert rules.id == style
    sources = [
        rules.page.source, rules.font_source, rules.heading_source, rules.issuer_source,
        rules.columns_source, rules.number_source, rules.date_source, rules.type_source,
        rules.recipients_source, rules.signing_source,
        *(c.source for c in rules.components.values()),
        *(c.source for t in rules.types.values() for c in t.components.values()),
    ]  # fmt: skip
    assert sources and all(s.startswith(GUIDE[style]) for s in sources), sources
    assert rules.types["báo cáo"].letters == ("BC",)
    assert rules.component("body") is not None


def test_the_two_guides_differ_where_they_should() -> None:
    state, party = rule_set(STATE), rule_set(PARTY)
    assert (state.number_colon, party.number_colon) == (True, False)
    assert (state.code_style, party.code_style) == (STATE, PARTY)
    assert "KT." in state.signing_prefixes and "K/T" in party.signing_prefixes
    assert state.national and not party.national and party.party_title and party.star
    assert state.letters_of("quy định") == ("QyĐ",) and party.letters_of("quy định")[0] == "QĐi"
    # a công văn: State codes carry no type letters, and its subject follows "V/v"
    assert state.letters_of("công văn") == () and not state.named("công văn")
    subject = state.component("subject", "công văn")
    assert subject is not None and subject.bold is False
    assert state.component("subject", "báo cáo") == state.component("subject")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(colour="black"), "unknown key 'colour'"),
        (lambda d: d["page"].update(left_mm=[35, 30]), "page.left_mm must be [low, high]"),
        (lambda d: d["components"]["body"].update(align="justify"), "align must be one of"),
        (lambda d: d["components"].update(footer={"source": "x"}), "unknown component 'footer'"),
        (lambda d: d["number"].update(colon="yes"), "colon must be true or false"),
    ],
)
def test_a_mistyped_rule_set_fails_loudly(change: Any, message: str) -> None:
    data = rulesets._read("nd30-2020.toml")
    change(data)
    with pytest.raises(FormDataError, match=re.escape(message)):
        rulesets._rule_set(data, "nd30-2020.toml")


@pytest.mark.parametrize(
    ("name", "abbreviations"),
    [
        ("Ban Tổ chức Trung ương", {"BTCTW"}),
        ("Bộ Chính trị (khóa XII)", {"TW"}),
        ("Ban Chấp hành Trung ương Đảng khóa XII", {"TW"}),
        ("Ban Tổ chức Tỉnh uỷ", {"BTCTU"}),  # the other tone placement
        ("Ban Thường vụ Tỉnh ủy", {"TU"}),
        ("Hội đồng nhân dân tỉnh Hòa Thuận", {"HĐND"}),
        ("UBND tỉnh", {"UBND"}),
        ("Bộ Tài chính", {"BTC"}),
        ("Hội Nông dân tỉnh", set()),
    ],
)
def test_issuers_named(name: str, abbreviations: set[str]) -> None:
    assert issuers_named(name) == abbreviations


# ---------------------------------------------------------------------------------------
# Reading the form from text
# ---------------------------------------------------------------------------------------

STATE_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA THUẬN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nSố: 152/BC-UBND\nHòa Thuận, ngày 05 tháng 02 năm 2024\n"
)


@pytest.mark.parametrize(
    ("text", "style", "doc_type"),
    [
        (STATE_HEAD + "\nBÁO CÁO\nKết quả năm 2023\n", STATE, "báo cáo"),
        (
            "TỈNH ỦY HÒA THUẬN\n*\nSố 286-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n\nKẾ HOẠCH\nvề việc\n",
            PARTY,
            "kế hoạch",
        ),
        # no title line: the code's shape, the star and the signing prefixes decide
        ("TỈNH ỦY HÒA THUẬN\n*\nSố 286-BC/TU\n\nBÁO CÁO\nKết quả\n", PARTY, "báo cáo"),
        ("ỦY BAN NHÂN DÂN TỈNH\nSố: 15/TTr-UBND\n\nTỜ TRÌNH\nVề việc\n", STATE, "tờ trình"),
        # a công văn: no type name; its code puts the issuer first
        (
            "ỦY BAN NHÂN DÂN TỈNH\nSố: 1845/UBND-VX\nV/v triển khai\nKính gửi: Sở Nội vụ\n",
            STATE,
            "công văn",
        ),
        # prose, a note, an excerpt: no form at all
        ("Trong năm, toàn tỉnh giải quyết đúng hạn 99% hồ sơ.\n", None, None),
    ],
)
def test_style_and_type(text: str, style: str | None, doc_type: str | None) -> None:
    form = read_form(load_text(text))
    assert (form.style, form.doc_type) == (style, doc_type)


def test_a_heading_in_tabbed_columns() -> None:
    """Both columns of the heading on one line, as a plain-text export may write them."""
    text = (
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÒA THUẬN\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 152/BC-UBND          Hòa Thuận, ngày 05 tháng 02 năm 2024\n\nBÁO CÁO\nKết quả\n"
    )
    form = read_form(load_text(text))
    assert form.national is not None and form.motto is not None
    assert [p.text for p in form.issuer] == ["ỦY BAN NHÂN DÂN", "TỈNH HÒA THUẬN"]
    assert form.number is not None and form.number.piece.text == "Số: 152/BC-UBND"
    assert form.date is not None and (form.date.day, form.date.month) == ("05", "02")
    assert check_text(text + "\nNội dung.\n", select=["F10"]) == ()


def test_recipients_and_signing_side_by_side_on_one_line() -> None:
    text = STATE_HEAD + (
        "\nBÁO CÁO\nKết quả\n\nNội dung báo cáo.\n"
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Bộ Nội vụ;\tKT. CHỦ TỊCH\n"
        "- Lưu: VT, NC.\tPHÓ CHỦ TỊCH\n\tTrần Văn Bình\n"
    )
    form = read_form(load_text(text))
    assert [p.text for p in form.recipients] == ["- Bộ Nội vụ;", "- Lưu: VT, NC."]
    assert [s.piece.text for s in form.signers] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    assert form.signer_name is not None and form.signer_name.text == "Trần Văn Bình"
    assert check_text(text, select=["F"]) == ()


@given(st.text(max_size=60))
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(fold_same(text)) == len(text)


def _date_findings(line: str) -> list[Any]:
    text = STATE_HEAD.replace("Hòa Thuận, ngày 05 tháng 02 năm 2024", line) + "\nBÁO CÁO\nKết quả\n"
    return run(Document(load_text(text), Facts()), [DateLineForm])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 31), st.integers(1, 12))
def test_a_standard_date_passes_and_a_date_without_its_zeros_does_not(day: int, month: int) -> None:
    right = f"Hòa Thuận, ngày {standard_day(str(day))} tháng {standard_month(str(month))} năm 2024"
    assert _date_findings(right) == []
    bare = f"Hòa Thuận, ngày {day} tháng {month} năm 2024"
    found = _date_findings(bare)
    if day < 10 or month <= 2:
        assert [f.code for f in found] == ["F106"] and found[0].expected == right
    else:
        assert found == []


# ---------------------------------------------------------------------------------------
# The layout of a .docx
# ---------------------------------------------------------------------------------------


def _save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def test_python_docx_defaults_come_from_the_theme_and_the_document_defaults(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Xin chào")
    layout = layout_of(load_path(str(_save(document, tmp_path / "a.docx"))))
    assert layout is not None
    (page,) = layout.pages
    assert (round(page.width_mm), round(page.height_mm)) == (216, 279)  # Letter, not A4
    run_ = layout.paragraphs[0].runs[0]
    assert (run_.font, run_.size, run_.bold) == ("Cambria", 11.0, False)  # theme minor font, sz 22


def test_the_style_chain(tmp_path: Path) -> None:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    title = document.styles.add_style("Tieu de", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    title.font.bold = True
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    child = document.styles.add_style("Tieu de nho", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = title
    child.font.size = Pt(13)
    slanted = document.styles.add_style("Nghieng", WD_STYLE_TYPE.CHARACTER)
    slanted.font.italic = True
    document.add_paragraph("Thường")  # Normal: Times New Roman 14
    document.add_paragraph("BÁO CÁO", style=child)  # bold from its base, 13 of its own, centred
    p = document.add_paragraph("", style=title)
    p.add_run("đậm ")
    r = p.add_run("nghiêng")
    r.style = slanted
    r = p.add_run(" không đậm")
    r.font.bold = False  # direct formatting wins over the style
    r = p.add_run(" Arial")
    r.font.name = "Arial"
    r = document.add_paragraph().add_run("chữ hoa")
    r.font.all_caps = True
    layout = layout_of(load_path(str(_save(document, tmp_path / "b.docx"))))
    assert layout is not None
    normal_p, child_p, mixed, caps = layout.paragraphs
    assert (normal_p.runs[0].font, normal_p.runs[0].size, normal_p.alignment) == (
        "Times New Roman",
        14.0,
        "left",
    )
    assert (child_p.runs[0].size, child_p.runs[0].bold, child_p.alignment) == (13.0, True, "center")
    looks = [(r.bold, r.italic, r.font) for r in mixed.runs]
    assert looks == [
        (True, False, "Times New Roman"),
        (True, True, "Times New Roman"),
        (False, False, "Times New Roman"),
        (True, False, "Arial"),
    ]
    assert caps.runs[0].caps and caps.look() is not None and caps.look().caps  # type: ignore[union-attr]


def test_tables_sections_and_the_loader_lines_agree(tmp_path: Path) -> None:
    from docx_factory import make_docx

    path = make_docx(
        tmp_path / "c.docx",
        ["Mở đầu{fn:1}.", [["Ô một", "Ô hai\nDòng hai"], ["Ô ba", "Ô bốn"]], "Kết thúc."],
        footnotes={1: "Chú thích."},
    )
    source = load_path(str(path))
    layout = layout_of(source)
    assert layout is not None
    lines = source.original.split("\n")
    assert [p.text for p in layout.paragraphs] == lines[: len(layout.paragraphs)]
    assert lines[len(layout.paragraphs)].strip() == "Chú thích."  # notes follow, not in the layout
    cells = [(p.text, p.cell) for p in layout.paragraphs]
    assert cells[1:6] == [
        ("Ô một", (1, 1, 1)), ("Ô hai", (1, 1, 2)), ("Dòng hai", (1, 1, 2)),
        ("Ô ba", (1, 2, 1)), ("Ô bốn", (1, 2, 2)),
    ]  # fmt: skip
    assert cells[0][1] is None and cells[-1][1] is None
    document = docx.Document()
    document.add_paragraph("Trang dọc")
    wide = document.add_section()
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = Mm(297), Mm(210)
    document.add_paragraph("Trang ngang")
    layout = layout_of(load_path(str(_save(document, tmp_path / "d.docx"))))
    assert layout is not None
    # python-docx ends the first section with an empty paragraph of its own
    assert [p.text for p in layout.paragraphs] == ["Trang dọc", "", "Trang ngang"]
    assert [(p.paragraph, p.landscape) for p in layout.pages] == [(0, False), (2, True)]


def test_no_layout_for_plain_text_standard_input_or_a_changed_file(tmp_path: Path) -> None:
    assert layout_of(load_text("ỦY BAN NHÂN DÂN\n")) is None
    document = docx.Document()
    document.add_paragraph("Một")
    data = io.BytesIO()
    document.save(data)
    assert layout_of(load_bytes(data.getvalue(), "<stdin>")) is None
    path = _save(document, tmp_path / "e.docx")
    source = load_path(str(path))
    other = docx.Document()
    other.add_paragraph("Hai")
    _save(other, path)  # the file changed since it was checked: its layout is not guessed
    assert layout_of(source) is None


def test_an_issuer_typed_in_lower_case_but_shown_in_capitals(tmp_path: Path) -> None:
    """Word's "All caps" makes "Ủy ban nhân dân" the issuer in capitals; without it the
    heading has no issuer's name."""
    report = MAKE.state_report(False)
    blocks = _replace_text(report.blocks, "ỦY BAN NHÂN DÂN", "Ủy ban nhân dân")
    blocks = _replace_text(blocks, "TỈNH HÒA THUẬN", "tỉnh Hòa Thuận")
    path = MAKE.write_docx(
        MAKE.Report(report.name, report.style, blocks, report.margins, []), tmp_path / "t.docx"
    )
    assert [f.code for f in _form_check(path)] == ["F105"]
    document = docx.Document(str(path))
    for paragraph in document.tables[0].cell(0, 0).paragraphs:
        for r in paragraph.runs:
            r.font.all_caps = True
    document.save(str(path))
    assert _form_check(path) == []


def _replace_text(blocks: list[Any], old: str, new: str) -> list[Any]:
    out: list[Any] = []
    for block in blocks:
        if isinstance(block, tuple):
            out.append((new if block[0] == old else block[0], block[1]))
        else:
            out.append(
                [[[(new if t == old else t, f) for t, f in cell] for cell in row] for row in block]
            )
    return out


# ---------------------------------------------------------------------------------------
# The samples
# ---------------------------------------------------------------------------------------


def test_the_committed_samples_are_what_the_script_builds(
    built: tuple[Path, dict[str, Any]],
) -> None:
    out, data = built
    committed = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    assert committed == data
    for name in data["files"]:
        if name.endswith(".txt"):
            assert (SAMPLES / name).read_text(encoding="utf-8") == (out / name).read_text(
                encoding="utf-8"
            )


SAMPLE_FILES = sorted(json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))["files"])


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_each_planted_error_is_found_with_its_article(
    built: tuple[Path, dict[str, Any]], name: str
) -> None:
    out, data = built
    want = data["files"][name]
    result = check_path(str(out / name), select=["F"])
    assert result.error is None
    got = _loud(result.findings)
    assert sorted((f.code, f.line, f.severity.value) for f in got) == sorted(
        (e["code"], e["line"], e["severity"]) for e in want["findings"]
    ), [(f.code, f.line, f.finding.message.en) for f in got]
    by_key = {(f.code, f.line): f for f in got}
    for e in want["findings"]:
        f = by_key[(e["code"], e["line"])]
        assert e["source"] in f.finding.message.vi and e["source"] in f.finding.message.en
        assert f.finding.evidence is not None and e["source"] in f.finding.evidence.vi
        if e["stated"] is not None:
            assert f.finding.stated == e["stated"]
    if name.endswith(".txt"):
        assert not [f for f in result.findings if f.code.startswith("F2")]
    if not want["planted"]:
        assert got == []


@pytest.mark.parametrize("name", [n for n in SAMPLE_FILES if "-dung" in n])
def test_the_correct_reports_are_quiet_under_every_rule(built: tuple[Path, Any], name: str) -> None:
    out, _ = built
    result = check_path(str(out / name))
    assert _loud(result.findings) == [], [
        (f.code, f.line, f.finding.message.en) for f in result.findings
    ]


# One change to one component of the correct State report, and the finding it must give.
MUTATIONS = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"size": 16}, "F203", "mục II.1.a"),
    ("Độc lập - Tự do - Hạnh phúc", {"size": 12}, "F203", "mục II.1.b"),
    ("TỈNH HÒA THUẬN", {"size": 14}, "F203", "mục II.2"),
    ("Số: 152/BC-UBND", {"size": 14}, "F203", "mục II.3"),
    ("Hòa Thuận, ngày 05 tháng 02 năm 2024", {"size": 12}, "F203", "mục II.4"),
    ("BÁO CÁO", {"size": 16}, "F203", "mục II.5"),
    ("Kết quả thực hiện cải cách hành chính năm 2023", {"size": 12}, "F203", "mục II.5"),
    ("Nơi nhận:", {"size": 14}, "F203", "mục II.9"),
    ("- Bộ Nội vụ;", {"size": 13}, "F203", "mục II.9"),
    ("KT. CHỦ TỊCH", {"size": 12}, "F203", "mục II.7"),
    ("Trần Văn Bình", {"size": 16}, "F203", "mục II.7"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": False}, "F204", "mục II.1.a"),
    ("TỈNH HÒA THUẬN", {"bold": False}, "F204", "mục II.2"),
    ("Hòa Thuận, ngày 05 tháng 02 năm 2024", {"italic": False}, "F204", "mục II.4"),
    ("Nơi nhận:", {"italic": False}, "F204", "mục II.9"),
    ("PHÓ CHỦ TỊCH", {"bold": False}, "F204", "mục II.7"),
    ("BÁO CÁO", {"align": "left"}, "F205", "mục II.5"),
    ("Độc lập - Tự do - Hạnh phúc", {"align": "right"}, "F205", "mục II.1.b"),
    ("Trên đây là báo cáo kết quả", {"font": "Calibri"}, "F202", "mục I.4"),
]


@pytest.mark.parametrize(
    ("anchor", "change", "code", "article"),
    MUTATIONS,
    ids=[f"{m[2]}-{m[0][:20]}-{m[1]}" for m in MUTATIONS],
)
def test_a_changed_component_is_reported(
    tmp_path: Path, anchor: str, change: dict[str, Any], code: str, article: str
) -> None:
    report = MAKE.state_report(False)
    blocks = _restyle(report.blocks, anchor, change)
    path = MAKE.write_docx(
        MAKE.Report(report.name, report.style, blocks, report.margins, []), tmp_path / "m.docx"
    )
    text = load_path(str(path)).original.split("\n")
    line = next(i + 1 for i, t in enumerate(text) if t.startswith(anchor))
    got = _form_check(path)
    assert [(f.code, f.line) for f in got] == [(code, line)], [
        (f.code, f.line, f.finding.message.en) for f in got
    ]
    assert article in got[0].finding.message.vi


def _restyle(blocks: list[Any], anchor: str, change: dict[str, Any]) -> list[Any]:
    def one(text: str, fmt: Any) -> tuple[str, Any]:
        return (text, replace(fmt, **change) if text.startswith(anchor) else fmt)

    out: list[Any] = []
    for block in blocks:
        if isinstance(block, tuple):
            out.append(one(*block))
        else:
            out.append([[[one(t, f) for t, f in cell] for cell in row] for row in block])
    return out


@pytest.mark.parametrize(
    ("margins", "page", "found"),
    [
        ({}, None, []),
        ({"top": 25, "bottom": 25, "left": 35, "right": 20}, None, []),  # the upper bounds
        ({"left": 25}, None, [("F201", "25 mm")]),
        ({"top": 30, "right": 10}, None, [("F201", "30 mm"), ("F201", "10 mm")]),
        ({}, (215.9, 279.4), [("F201", "215,9 x 279,4 mm")]),  # Letter
        ({}, (297, 210), []),  # A4 turned for a wide table: its margins are not measured
    ],
)
def test_page_size_and_margins(
    tmp_path: Path, margins: dict[str, float], page: tuple[float, float] | None, found: list[Any]
) -> None:
    report = MAKE.state_report(False)
    path = MAKE.write_docx(
        MAKE.Report(report.name, report.style, report.blocks, MAKE.Margins(**margins), []),
        tmp_path / "page.docx",
    )
    if page is not None:
        document = docx.Document(str(path))
        section = document.sections[0]
        section.page_width, section.page_height = Mm(page[0]), Mm(page[1])
        document.save(str(path))
    got = _form_check(path)
    assert [(f.code, f.finding.stated) for f in got] == found
    assert all("Phụ lục I, Phần I, mục I.1 và I.3" in f.finding.message.vi for f in got)


def test_a_heading_stacked_instead_of_side_by_side(tmp_path: Path) -> None:
    report = MAKE.state_report(False)
    heading = report.blocks[0]
    stacked = [p for row in heading for cell in row for p in cell]  # every cell a paragraph
    path = MAKE.write_docx(
        MAKE.Report(report.name, report.style, [*stacked, *report.blocks[1:]], report.margins, []),
        tmp_path / "s.docx",
    )
    got = _form_check(path)
    assert [f.code for f in got] == ["F206"], [(f.code, f.finding.message.en) for f in got]
    assert "Phụ lục I, Phần I, mục IV" in got[0].finding.message.vi


def test_a_party_report_in_state_sizes(tmp_path: Path) -> None:
    """The guides differ: a Party report's body in 13 pt is too small for Hướng dẫn 36."""
    report = MAKE.party_report(False)
    blocks = _restyle(report.blocks, "Cấp ủy các cấp", {"size": 13})
    path = MAKE.write_docx(
        MAKE.Report(report.name, report.style, blocks, report.margins, []), tmp_path / "p.docx"
    )
    got = _form_check(path)
    assert [(f.code, f.finding.stated, f.finding.expected) for f in got] == [
        ("F203", "13", "14–15")
    ]


# ---------------------------------------------------------------------------------------
# The real draft and the spine's clean sample
# ---------------------------------------------------------------------------------------


def test_the_real_drafts_heading_recipients_and_signing_pass(seed_path: Path) -> None:
    source = load_path(str(seed_path))
    form = read_form(source)
    assert (form.style, form.doc_type, form.strong) == (PARTY, "báo cáo", True)
    assert form.draft is not None and form.star is not None
    assert form.number is not None and form.number.blank and form.number.code == "BC/TU"
    assert form.date is not None and (form.date.day, form.date.month, form.date.year) == (
        "",
        "",
        "2023",
    )
    assert form.archive is not None and form.archive.text == "- Lưu VPTU."
    assert [(s.prefix, s.piece.text) for s in form.signers] == [("T/M", "T/M BAN THƯỜNG VỤ")]
    result = check_path(str(seed_path), select=["F"])
    closing = source.position(form.closing_start).line
    on_form = [f for f in result.findings if f.line <= 16 or f.line >= closing]
    assert {(f.code, f.severity) for f in on_form} == {
        ("F103", Severity.INFO),
        ("F106", Severity.INFO),
    }
    assert not [f for f in result.findings if f.code.startswith("F2")]  # plain text: no layout
    # what the form rules do say of the draft: two names written with the wrong capitals
    assert sorted((f.line, f.finding.stated) for f in _loud(result.findings)) == [
        (40, "Hội đồng Nhân dân"),
        (49, "Bộ chính trị"),
    ]


def test_the_clean_sample_report_passes() -> None:
    result = check_path(str(REPO / "samples" / "bao-cao-sach.txt"), select=["F"])
    assert _loud(result.findings) == []
