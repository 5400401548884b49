"""Reporters: every format rendered from hand-made findings (no rule, no parser involved)."""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

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
    assert set(report.FORMATS) == {"text", "concise", "json", "sarif", "github"}


@pytest.mark.parametrize("fmt", ["xml", "html", "", "JSON"])
def test_unknown_format_is_a_clear_error(fmt: str) -> None:
    with pytest.raises(UnknownFormatError) as info:
        report.render(fmt, sample_results())
    message = str(info.value)
    assert repr(fmt) in message and "json" in message and "\n" not in message


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
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
                number=Number(Decimal("200"), 0, "200"),
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
                number=Number(Decimal("50"), 0, "50"),
                unit="person",
                unit_text="người",
                label="nữ",
            ),
            Percent(
                2,
                _span(t, "chiếm 30%"),
                "chiếm 30%",
                1,
                number=Number(Decimal("30"), 0, "30"),
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
