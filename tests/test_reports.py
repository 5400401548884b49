"""Reporters: every format rendered from hand-made findings (no rule, no parser involved)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len

from checker import engine, report
from checker.engine import Document, Rule
from checker.facts import Fact, Facts, Number, Percent, Quantity, Span, Total
from checker.findings import FileResult, Finding, Located, Message, Severity
from checker.loading import load_text
from checker.report import UnknownFormatError
from checker.report import facts as facts_report
from checker.report import rules as rules_report
from checker.report.github import escape_data, escape_property
from checker.report.text import excerpt

ANSI = re.compile(r"\x1b\[")

LINE = "Tổng số cán bộ là 200 người. Trong đó nữ 50 người, chiếm 30%."
COL = LINE.index("30%") + 1
MESSAGE = Message("50/200 = 25%, không phải 30%", "50/200 = 25%, not 30%")
EVIDENCE = Message("50/200 = 25%", "50/200 = 25%")


def located(
    code: str = "N101",
    severity: Severity = Severity.ERROR,
    *,
    category: str = "percent",
    line: int = 3,
    column: int = COL,
    end_line: int = 3,
    end_column: int = COL + 3,
    where: str = "body",
    source_line: str = LINE,
    stated: str | None = "30%",
    expected: str | None = "25%",
    evidence: Message | None = EVIDENCE,
    message: Message = MESSAGE,
) -> Located:
    finding = Finding(code, category, severity, Span(0, 1), message, stated, expected, evidence)
    return Located(finding, line, column, end_line, end_column, where, source_line)


def sample_results() -> list[FileResult]:
    typo = located(
        "T201",
        Severity.WARNING,
        category="typo",
        line=7,
        column=1,
        end_line=8,
        end_column=3,
        where="footnote 2",
        source_line="",
        stated=None,
        expected=None,
        evidence=None,
        message=Message("sai chính tả", "misspelt"),
    )
    note = located(
        "N102",
        Severity.INFO,
        line=4,
        column=5,
        end_line=4,
        end_column=9,
        source_line="abc 3,07% def",
        stated="3,07%",
        expected="3,08%",
        evidence=None,
        message=Message("làm tròn khác", "rounded differently"),
    )
    return [
        FileResult("a.txt", (located(), note, typo)),
        FileResult("b.txt", error="b.txt: no such file"),
        FileResult("c.txt"),
    ]


class ShareRule(Rule):
    """A share that does not match its part and whole (test rule).

    Wrong: nữ 50 người, chiếm 30% of 200.
    Right: nữ 50 người, chiếm 25%.
    """

    code = "N101"
    name = "percent.share-of-whole"
    category = "percent"
    severity = Severity.ERROR
    doc_vi = """Tỷ lệ không khớp (quy tắc thử).

    Sai: chiếm 30%.
    Đúng: chiếm 25%.
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())


@pytest.fixture
def test_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "all_rules", lambda: (ShareRule,))


# -- dispatch ------------------------------------------------------------------------------
def test_formats_listed() -> None:
    assert set(report.FORMATS) == {"text", "concise", "json", "sarif", "github", "html"}


@pytest.mark.parametrize(
    ("fmt", "wanted"),
    [
        ("text", {"sources"}),
        ("html", {"sources", "facts"}),
        ("json", set()),
        ("concise", set()),
        ("sarif", set()),
        ("github", set()),
    ],
)
def test_formats_say_what_context_they_use(fmt: str, wanted: set[str]) -> None:
    assert report.wants(fmt) == wanted


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif", "github"])
def test_sources_and_facts_are_ignored_by_formats_that_do_not_use_them(fmt: str) -> None:
    plain = report.render(fmt, sample_results(), color=False)
    source = load_text(LINE, "a.txt")
    given = report.render(
        fmt, sample_results(), color=False, sources={"a.txt": source}, facts={"a.txt": Facts()}
    )
    if fmt == "sarif":  # the run carries no time stamps: the two reports are the same
        assert json.loads(given) == json.loads(plain)
    else:
        assert given == plain


@pytest.mark.parametrize("fmt", ["xml", "", "JSON", "HTML"])
def test_unknown_format_is_a_clear_error(fmt: str) -> None:
    with pytest.raises(UnknownFormatError) as info:
        report.render(fmt, sample_results())
    message = str(info.value)
    assert repr(fmt) in message and "json" in message and "\n" not in message


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "html"])
def test_every_format_ends_with_newline_and_has_no_ansi(fmt: str) -> None:
    out = report.render(fmt, sample_results(), color=False)
    assert out.endswith("\n")
    assert not ANSI.search(out)


# -- json -----------------------------------------------------------------------------------
def test_json_exact_structure() -> None:
    data = json.loads(report.render("json", sample_results()))
    assert list(data) == ["tool", "files", "summary"]
    assert data["tool"] == {"name": "rasoat", "version": "0.1.0"}
    assert [list(f) for f in data["files"]] == [["path", "error", "findings"]] * 3
    first = data["files"][0]["findings"][0]
    assert first == {
        "code": "N101",
        "category": "percent",
        "severity": "error",
        "line": 3,
        "column": COL,
        "end_line": 3,
        "end_column": COL + 3,
        "where": "body",
        "message": "50/200 = 25%, không phải 30%",
        "stated": "30%",
        "expected": "25%",
        "evidence": "50/200 = 25%",
    }
    typo = data["files"][0]["findings"][2]
    assert (typo["stated"], typo["expected"], typo["evidence"]) == (None, None, None)
    assert typo["where"] == "footnote 2"
    assert data["files"][1] == {"path": "b.txt", "error": "b.txt: no such file", "findings": []}
    assert data["summary"] == {"files": 3, "error": 1, "warning": 1, "info": 1}


def test_json_english_messages() -> None:
    data = json.loads(report.render("json", sample_results(), lang="en"))
    assert data["files"][0]["findings"][0]["message"] == "50/200 = 25%, not 30%"
    assert data["files"][0]["findings"][2]["message"] == "misspelt"


# -- concise --------------------------------------------------------------------------------
def test_concise_lines() -> None:
    assert report.render("concise", sample_results()).splitlines() == [
        f"a.txt:3:{COL}: N101 error 50/200 = 25%, không phải 30%",
        "a.txt:4:5: N102 info làm tròn khác",
        "a.txt:7:1: T201 warning sai chính tả",
        "b.txt: error: b.txt: no such file",
    ]


def test_concise_keeps_a_multiline_message_on_one_line() -> None:
    loc = located(message=Message("một\nhai", "one\ntwo"))
    assert report.render("concise", [FileResult("x.md", (loc,))], lang="en") == (
        f"x.md:3:{COL}: N101 error one two\n"
    )


# -- github ---------------------------------------------------------------------------------
def test_github_annotations() -> None:
    lines = report.render("github", sample_results()).splitlines()
    # "%" in the message is escaped as %25, the line breaks between parts as %0A
    assert lines[0] == (
        f"::error file=a.txt,line=3,col={COL},endLine=3,endColumn={COL + 3},title=N101::"
        "50/200 = 25%25, không phải 30%25%0ANêu: 30%25 -> Đúng ra: 25%25"
        "%0ACăn cứ: 50/200 = 25%25"
    )
    assert lines[1].startswith(
        "::notice file=a.txt,line=4,col=5,endLine=4,endColumn=9,title=N102::"
    )
    assert lines[2].startswith("::warning file=a.txt,line=7,col=1,endLine=8,endColumn=3,")
    assert lines[3] == "::error file=b.txt,title=rasoat::b.txt: no such file"
    assert len(lines) == 4


def test_github_escapes_properties() -> None:
    loc = located(message=Message("a\r\nb", "a\r\nb"), stated=None, expected=None, evidence=None)
    out = report.render("github", [FileResult("dir,x/bao:cao%.txt", (loc,))])
    assert out.startswith("::error file=dir%2Cx/bao%3Acao%25.txt,line=3,")
    assert out.endswith("::a%0D%0Ab\n")


def _unescape(text: str) -> str:
    for raw, escaped in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")):
        text = text.replace(escaped, raw)
    return text.replace("%25", "%")


@given(st.text())
def test_github_property_escaping_round_trips(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & {",", ":", "\r", "\n"}
    assert _unescape(escaped) == text


@given(st.text())
def test_github_data_escaping_round_trips(text: str) -> None:
    escaped = escape_data(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert _unescape(escaped) == text


# -- sarif ----------------------------------------------------------------------------------
def _sarif(lang: str = "vi") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report.render("sarif", sample_results(), lang=lang))
    return data


def test_sarif_validates_against_the_schema(test_rules: None, shared_dir: Path) -> None:
    schema_path = shared_dir / "notes" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"the SARIF schema {schema_path} is absent")
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(_sarif()), key=lambda e: list(e.path))
    assert not errors, errors[0].message


def test_sarif_rules_results_and_notifications(test_rules: None) -> None:
    run = _sarif()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["N101", "N102", "T201"]  # catalogue, then the unknown
    assert rules[0]["name"] == "percent.share-of-whole"
    assert rules[0]["shortDescription"]["text"] == "Tỷ lệ không khớp (quy tắc thử)."
    assert "Sai: chiếm 30%." in rules[0]["fullDescription"]["text"]
    assert rules[0]["defaultConfiguration"]["level"] == "error"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("N101", "error"),
        ("N102", "note"),
        ("T201", "warning"),
    ]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert first["region"] == {
        "startLine": 3,
        "startColumn": COL,
        "endLine": 3,
        "endColumn": COL + 3,
    }
    assert results[0]["properties"]["stated"] == "30%"
    assert run["columnKind"] == "unicodeCodePoints"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "b.txt: no such file"


def test_sarif_english_docs(test_rules: None) -> None:
    rules = _sarif("en")["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["shortDescription"]["text"].startswith("A share that does not match")


def test_sarif_uri_outside_the_working_folder(tmp_path: Path, test_rules: None) -> None:
    from checker.report.sarif import artifact_location

    inside = artifact_location("sub/bản thảo.txt", tmp_path)
    assert inside == {"uri": "sub/b%E1%BA%A3n%20th%E1%BA%A3o.txt", "uriBaseId": "%SRCROOT%"}
    outside = artifact_location(str(tmp_path.parent / "x.txt"), tmp_path / "deeper")
    assert outside["uri"].startswith("file:///") and "uriBaseId" not in outside


def test_sarif_fingerprint_ignores_the_line_number(test_rules: None) -> None:
    from checker.report.sarif import fingerprint

    assert fingerprint(located(line=3), "a.txt") == fingerprint(located(line=30), "a.txt")
    assert fingerprint(located(), "a.txt") != fingerprint(located(stated="31%"), "a.txt")


# -- text -----------------------------------------------------------------------------------
def test_text_shows_everything_in_vietnamese() -> None:
    out = report.render("text", sample_results(), color=False, width=100)
    for expected in (
        "a.txt",
        "thân văn bản",
        "chú thích 2",
        f"3:{COL}  N101  lỗi  50/200 = 25%, không phải 30%",
        "Nêu: 30%  →  Đúng ra: 25%",
        "Căn cứ: 50/200 = 25%",
        "cảnh báo",
        "thông tin",
        "không đọc được: b.txt: no such file",
        "Tổng kết",
        "tỷ lệ phần trăm",
        "tệp: 3 (không đọc được: 1) · lỗi: 1 · cảnh báo: 1 · thông tin: 1",
    ):
        assert expected in out, expected
    assert "c.txt" not in out  # a clean file adds no noise; it is counted in the summary
    assert not any(line != line.rstrip() for line in out.splitlines())


def test_text_english_labels() -> None:
    out = report.render("text", sample_results(), lang="en", color=False)
    for expected in ("Stated: 30%", "Expected: 25%", "Evidence:", "Summary", "footnote 2"):
        assert expected in out
    for vietnamese in ("Nêu", "Đúng ra", "Tổng kết", "lỗi"):
        assert vietnamese not in out


def test_text_colour_only_when_asked() -> None:
    assert ANSI.search(report.render("text", sample_results(), color=True))
    assert not ANSI.search(report.render("text", sample_results(), color=False))
    # not a terminal (pytest captures stdout) and no preference: plain
    assert not ANSI.search(report.render("text", sample_results()))


def test_text_marks_the_span_under_the_source_line() -> None:
    out = report.render("text", sample_results(), color=False, width=120)
    lines = out.splitlines()
    [i] = [n for n, line in enumerate(lines) if line.endswith("chiếm 30%.")]
    caret = lines[i + 1]
    start = caret.index("^")
    assert lines[i][start : start + 3] == "30%"
    assert caret[start:] == "^^^"


def test_text_source_line_only_for_a_one_line_span() -> None:
    multi = located(line=3, end_line=4, end_column=2)
    out = report.render("text", [FileResult("a.txt", (multi,))], color=False)
    assert "^" not in out and "Trong đó nữ" not in out


def test_text_clips_a_long_line_around_the_span() -> None:
    long_line = "x" * 300 + " chiếm 30% " + "y" * 300
    column = long_line.index("30%") + 1
    loc = located(column=column, end_column=column + 3, source_line=long_line)
    out = report.render("text", [FileResult("a.txt", (loc,))], color=False, width=80)
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    [source] = [line for line in out.splitlines() if "30%" in line and "│" in line]
    assert "…" in source and "chiếm 30%" in source


def test_text_decomposed_source_line_keeps_carets_aligned() -> None:
    nfd = unicodedata.normalize("NFD", "Số đảng viên nữ chiếm 30% tổng số.")
    column = nfd.index("30%") + 1
    loc = located(column=column, end_column=column + 3, source_line=nfd)
    lines = report.render("text", [FileResult("a.txt", (loc,))], color=False).splitlines()
    [i] = [n for n, line in enumerate(lines) if "tổng số." in line]
    start = lines[i + 1].index("^")
    assert lines[i][start : start + 3] == "30%"


def test_text_without_findings_says_so() -> None:
    out = report.render("text", [FileResult("c.txt")], color=False)
    assert "Không phát hiện vấn đề nào." in out and "tệp: 1" in out
    assert "No problems found." in report.render("text", [FileResult("c.txt")], lang="en")


@example(line="a" * 12, start=0, length=12, room=12)  # the span fills the room exactly
@given(
    st.text(alphabet="abcđếữ \t", max_size=200),
    st.integers(0, 200),
    st.integers(0, 20),
    st.integers(12, 120),
)
def test_excerpt_fits_and_keeps_the_span(line: str, start: int, length: int, room: int) -> None:
    before, span, after = excerpt(line, start, start + length, room)
    assert cell_len(before + span + after) <= room
    whole = unicodedata.normalize("NFC", line[start : start + length]).replace("\t", " ")
    if cell_len(whole) <= room:
        assert span == whole
    shown = unicodedata.normalize("NFC", line).replace("\t", " ")
    if cell_len(shown) <= room:
        assert before + span + after == shown


# -- facts ----------------------------------------------------------------------------------
FACT_TEXT = "Tổng số cán bộ là 200 người. Trong đó nữ 50 người, chiếm 30%.\nDòng hai 12,50%."


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece))


def _facts() -> Facts:
    t = FACT_TEXT
    return Facts(
        (
            Quantity(
                0,
                _span(t, "200 người"),
                "200 người",
                0,
                number=Number(Decimal(200), 0, "200"),
                unit="person",
                unit_text="người",
                label="cán bộ",
                is_total=True,
            ),
            Quantity(
                1,
                _span(t, "50 người"),
                "50 người",
                1,
                number=Number(Decimal(50), 0, "50"),
                unit="person",
                unit_text="người",
                label="nữ",
            ),
            Percent(
                2,
                _span(t, "chiếm 30%"),
                "chiếm 30%",
                1,
                number=Number(Decimal(30), 0, "30"),
                part=1,
                whole=0,
                whole_source="total",
            ),
            Total(
                3,
                _span(t, "Trong đó nữ 50 người"),
                "Trong đó nữ 50 người",
                1,
                total=0,
                parts=(1,),
                relation="subset",
                disjoint=True,
            ),
            Percent(
                4, _span(t, "12,50%"), "12,50%", 2, number=Number(Decimal("12.50"), 2, "12,50")
            ),
        )
    )


def test_facts_json() -> None:
    source = load_text(FACT_TEXT, "draft.txt")
    data = json.loads(facts_report.render(source, _facts(), "json"))
    assert data["path"] == "draft.txt"
    facts = data["facts"]
    for fact in facts:
        assert {"kind", "line", "column", "text", "value", "unit", "label", "where"} <= set(fact)
    quantity, _, share, total, second = facts
    assert quantity["kind"] == "quantity" and quantity["value"] == 200
    assert quantity["unit"] == "person" and quantity["label"] == "cán bộ"
    assert (quantity["line"], quantity["column"]) == (1, FACT_TEXT.index("200") + 1)
    assert share["part"] == 1 and share["of"] == 0 and "whole" not in share
    assert total["total"] == 0 and total["parts"] == [1] and total["value"] is None
    assert second["line"] == 2 and second["value"] == 12.5 and second["decimals"] == 2


def test_facts_of_a_new_kind_need_no_reporter_change() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Multiple(Fact):
        factor: Decimal
        subject: int | None = None
        kind = "multiple"

    source = load_text("gấp 2,5 lần", "x.txt")
    facts = Facts((Multiple(0, Span(0, 11), "gấp 2,5 lần", 0, Decimal("2.5"), subject=0),))
    [fact] = json.loads(facts_report.render(source, facts, "json"))["facts"]
    assert fact["kind"] == "multiple" and fact["factor"] == 2.5 and fact["subject"] == 0
    assert fact["value"] is None and fact["unit"] is None
    assert "subject→#0" in facts_report.render(source, facts, "text", color=False, width=120)


def test_facts_text_table() -> None:
    source = load_text(FACT_TEXT, "draft.txt")
    out = facts_report.render(source, _facts(), "text", color=False, width=160)
    assert "draft.txt: 5 dữ kiện" in out
    row = next(line for line in out.splitlines() if "chiếm 30%" in line)
    assert "part→#1" in row and "of→#0" in row and "percent" in row
    assert "scale=" not in out  # a field at its default says nothing
    assert "decimals=2" in out
    assert "5 facts" in facts_report.render(source, _facts(), "text", lang="en")


def test_facts_unknown_format() -> None:
    with pytest.raises(ValueError, match="xml"):
        facts_report.render(load_text("x"), Facts(), "xml")


# -- rules ----------------------------------------------------------------------------------
def test_rules_json_and_text() -> None:
    data = json.loads(rules_report.render([ShareRule], "json"))
    assert data == [
        {
            "code": "N101",
            "name": "percent.share-of-whole",
            "category": "percent",
            "severity": "error",
            "summary": "Tỷ lệ không khớp (quy tắc thử).",
        }
    ]
    text = rules_report.render([ShareRule], "text", lang="en", color=False)
    assert "N101" in text and "percent.share-of-whole" in text and "1 rules" in text


@pytest.mark.parametrize("code", ["N101", "n101", "percent.share-of-whole"])
def test_explain(code: str) -> None:
    out = rules_report.explain(code, [ShareRule], "vi")
    assert out.startswith("N101 percent.share-of-whole (tỷ lệ phần trăm, lỗi)")
    assert "Sai: chiếm 30%." in out
    assert "Wrong:" in rules_report.explain(code, [ShareRule], "en")


def test_explain_unknown() -> None:
    with pytest.raises(rules_report.UnknownRuleError, match="Z999"):
        rules_report.explain("Z999", [ShareRule])


# -- text: sections, related places, visible white space -------------------------------------
# A draft of our own: a header, Roman parts, numbered subsections, a footnote referred to
# from 1.1 (a Word plain-text export: "[" ... "]" in the body, "[\ufffd]" opens the note).
DRAFT = "\n".join(  # noqa: FLY002 - one line of the draft per line, numbered
    [
        "ỦY BAN NHÂN DÂN HUYỆN A",  # 1
        "BÁO CÁO",  # 2
        "Kết quả công tác năm 2023",  # 3
        "I. ĐẶC ĐIỂM TÌNH HÌNH",  # 4
        "Huyện có 12 xã và 2 thị trấn.",  # 5
        "II. KẾT QUẢ THỰC HIỆN",  # 6
        "1. Công tác tổ chức",  # 7
        "1.1. Đào tạo cán bộ: Mở 4 lớp với 120 học viên[",  # 8
        "]",  # 9
        "1.2. Bồi dưỡng",  # 10
        "Có 40 người dự học, chiếm 30%.",  # 11
        "2. Công tác kiểm tra",  # 12
        "Đã kiểm tra 8 cuộc.",  # 13
        "III. PHƯƠNG HƯỚNG",  # 14
        "Tiếp tục thực hiện.",  # 15
        "[\ufffd] Trong đó nữ 50 người.",  # 16: footnote 1
    ]
)


def _at(line: int, piece: str, code: str = "N101", where: str = "body", **kw: Any) -> Located:
    text = DRAFT.split("\n")[line - 1]
    column = text.index(piece) + 1
    return located(
        code,
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(piece),
        where=where,
        source_line=text,
        stated=piece,
        **kw,
    )


def _draft_results() -> tuple[list[FileResult], dict[str, Any]]:
    findings = (
        _at(11, "30%"),
        _at(16, "50 người", "X101", "footnote 1"),
        _at(3, "2023", "D101"),
        _at(13, "8 cuộc", "C101"),
        _at(5, "12 xã", "K101"),
    )
    return [FileResult("d.txt", findings)], {"d.txt": load_text(DRAFT, "d.txt")}


def test_text_groups_findings_under_the_drafts_own_headings() -> None:
    results, sources = _draft_results()
    out = report.render("text", results, color=False, width=120, sources=sources)
    lines = [line.strip() for line in out.splitlines()]
    order = [
        "Phần đầu văn bản",
        "D101",
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "K101",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Công tác tổ chức",
        "1.1. Đào tạo cán bộ",  # the footnote is referred to here
        "chú thích 1",
        "X101",
        "1.2. Bồi dưỡng",
        "N101",
        "2. Công tác kiểm tra",
        "C101",
    ]

    def index(item: str) -> int:
        if item[1:].isdigit():  # a finding: its head line "line:col  CODE  severity  message"
            return next(i for i, line in enumerate(lines) if f"  {item}  " in line)
        return lines.index(item)

    positions = [index(item) for item in order]
    assert positions == sorted(positions)
    # a parent heading is printed once, however many subsections follow it
    assert lines.count("II. KẾT QUẢ THỰC HIỆN") == 1
    assert "III. PHƯƠNG HƯỚNG" not in lines  # a section without findings is not shown
    assert "Opening of the document" in report.render(
        "text", results, lang="en", color=False, sources=sources
    )


def test_text_without_sources_groups_by_place_only() -> None:
    results, _ = _draft_results()
    out = report.render("text", results, color=False, width=120)
    assert "I. ĐẶC ĐIỂM TÌNH HÌNH" not in out and "Phần đầu văn bản" not in out
    assert out.index("thân văn bản") < out.index("chú thích 1")


@pytest.mark.parametrize("width", [40, 60, 100, 160])
def test_text_fits_the_width(width: int) -> None:
    results, sources = _draft_results()
    out = report.render("text", results, color=False, width=width, sources=sources)
    assert all(cell_len(line) <= width for line in out.splitlines())


def test_text_lists_related_places_and_counts_the_rest() -> None:
    related = tuple((10 + i, 2, 10 + i, 5, "body") for i in range(10)) + (
        (40, 1, 40, 3, "footnote 2"),
    )
    finding = Finding("N101", "percent", Severity.ERROR, Span(0, 1), MESSAGE, "30%", "25%")
    loc = Located(finding, 3, COL, 3, COL + 3, "body", LINE, related)
    out = report.render("text", [FileResult("a.txt", (loc,))], color=False, width=200)
    [line] = [line for line in out.splitlines() if "Liên quan" in line]
    assert line.strip() == ("Liên quan: 10:2, 11:2, 12:2, 13:2, 14:2, 15:2, 16:2, 17:2, … (+3)")
    short = Located(finding, 3, COL, 3, COL + 3, "body", LINE, ((40, 1, 40, 3, "footnote 2"),))
    out = report.render("text", [FileResult("a.txt", (short,))], lang="en", color=False)
    assert "Related: 40:1 (footnote 2)" in out


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("30%", "30%"),
        ("  ", "␣␣"),
        (", ", ",␣"),
        ("a  b", "a␣␣b"),
        ("", "∅"),
        ("Bộ Chính trị", "Bộ Chính trị"),
        ("Hà Nội, ngày   tháng", "Hà Nội, ngày␣␣␣tháng"),  # single spaces stay plain
        ("5\tlớp", "5⇥lớp"),
    ],
)
def test_white_space_values_are_made_visible(value: str, shown: str) -> None:
    from checker.report.common import shown_value

    assert shown_value(value) == shown
    loc = located(stated=value, expected="x")
    out = report.render("text", [FileResult("a.txt", (loc,))], color=False, width=120)
    assert f"Nêu: {shown}  →" in out


# -- progress bar -------------------------------------------------------------------------------
class _Terminal:
    """A stream that says it is a terminal, and keeps what is written to it."""

    def __init__(self, tty: bool = True) -> None:
        self.written: list[str] = []
        self.tty = tty

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("total", "enabled", "tty", "drawn"),
    [
        (6, True, True, True),
        (6, False, True, False),  # the CLI turns it off (machine formats, --quiet)
        (6, True, False, False),  # a pipe or a file: never
        (2, True, True, False),  # a short run: no bar
    ],
)
def test_progress_bar_only_for_long_runs_on_a_terminal(
    total: int, enabled: bool, tty: bool, drawn: bool
) -> None:
    from checker.report.console import progress

    stream = _Terminal(tty)
    with progress(total, enabled, lang="en", stream=stream) as bar:  # type: ignore[arg-type]
        for i in range(total):
            bar.advance(f"folder/report-{i}.docx")
    out = "".join(stream.written)
    assert bool(out) is drawn
    if drawn:
        assert "Checking" in out and f"{total}/{total}" in out and "report-5.docx" in out


def test_progress_bar_speaks_vietnamese_by_default() -> None:
    from checker.report.console import progress

    stream = _Terminal()
    with progress(5, stream=stream) as bar:  # type: ignore[arg-type]
        for _ in range(5):
            bar.advance()
    assert "Đang kiểm tra" in "".join(stream.written)


# -- sections -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I. KHÁI QUÁT CHUNG", ("I.", "KHÁI QUÁT CHUNG", 0)),
        ("XIV. KIẾN NGHỊ", ("XIV.", "KIẾN NGHỊ", 0)),
        ("2. Kết quả thực hiện", ("2.", "Kết quả thực hiện", 1)),
        ("2.1. Về tổ chức", ("2.1.", "Về tổ chức", 2)),
        ("2.1 Về tổ chức", ("2.1.", "Về tổ chức", 2)),
        ("2.3.3.1. Nâng cao chất lượng", ("2.3.3.1.", "Nâng cao chất lượng", 4)),
        ("  3.2. Đào tạo: Mở 4 lớp, 120 học viên.", ("3.2.", "Đào tạo", 2)),
        ("1. Ưu điểm.", ("1.", "Ưu điểm", 1)),
        ("## 2. Kết quả theo đơn vị", ("2.", "Kết quả theo đơn vị", 1)),
        ("**II. KẾT QUẢ**", ("II.", "KẾT QUẢ", 0)),
        ("# BÁO CÁO NHANH", None),  # a title, not a numbered section
        ("2.554 đồng chí dự học", None),  # a number with a thousands dot
        ("2. được giao", None),  # a list item, not a heading: no capital
        ("IIII. SAI", None),  # not a Roman numeral
        ("VX. SAI", None),
        ("I.KHÔNG CÁCH", None),
        ("1.5 triệu đồng", None),
        ("Năm 2023.", None),
        ("", None),
    ],
)
def test_parse_heading(line: str, expected: tuple[str, str, int] | None) -> None:
    from checker.sections import parse_heading

    assert parse_heading(line) == expected


def test_a_long_heading_is_cut_at_a_word() -> None:
    from checker.sections import MAX_TITLE, parse_heading

    words = " ".join(["Nâng cao chất lượng đội ngũ cán bộ"] * 6)
    parsed = parse_heading(f"2.1. {words}")
    assert parsed is not None
    title = parsed[1]
    assert len(title) <= MAX_TITLE and title.endswith("…") and words.startswith(title[:-1])


@given(st.integers(1, 399))
def test_roman_numerals_round_trip(n: int) -> None:
    from checker.sections import roman_value, to_roman

    assert roman_value(to_roman(n)) == n


def test_headings_and_their_chain() -> None:
    from checker.sections import find_headings, headings, path_at

    source = load_text(DRAFT, "d.txt")
    pairs = headings(source)
    assert [text for _, text in pairs] == [
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Công tác tổ chức",
        "1.1. Đào tạo cán bộ",
        "1.2. Bồi dưỡng",
        "2. Công tác kiểm tra",
        "III. PHƯƠNG HƯỚNG",
    ]
    for offset, text in pairs:
        assert source.text[offset:].startswith(text.split(" ")[0])
    heads = find_headings(source)
    at = source.text.index("8 cuộc")
    assert [h.number for h in path_at(heads, at)] == ["II.", "2."]
    assert path_at(heads, 0) == ()
    assert [h.number for h in path_at(heads, source.text.index("Tiếp tục"))] == ["III."]


def test_headings_stand_in_the_body_only() -> None:
    from checker.sections import headings

    text = "I. MỞ ĐẦU\nCó 5 lớp[\n]\n[\ufffd] 1. Theo Kế hoạch số 12-KH/TU.\n"
    assert [t for _, t in headings(load_text(text, "n.txt"))] == ["I. MỞ ĐẦU"]


def test_the_sample_drafts_outline(seed_path: Path) -> None:
    from checker.loading import load_path
    from checker.sections import find_headings

    numbers = [h.number for h in find_headings(load_path(str(seed_path)))]
    assert numbers[:5] == ["I.", "II.", "1.", "2.", "2.1."]
    assert "2.3.3.1." in numbers and "2.3.3.3." in numbers
    assert [n for n in numbers if n.count(".") == 1 and not n[0].isdigit()] == [
        "I.",
        "II.",
        "III.",
        "IV.",
    ]
    assert len(numbers) == 31
