"""The library API (``checker.check_text``, ``checker.check_path``) and inline suppression
(checker/suppress.py), which the API and the command line share."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import checker
from checker import engine, suppress
from checker.config import load_file
from checker.engine import Settings
from checker.facts import Span
from checker.findings import FileResult, Finding, Located, Message, Severity

WRONG_SHARE = "Tổng số cán bộ là 200 người. Trong đó nữ 50 người, chiếm 30%.\n"
RIGHT_SHARE = "Tổng số cán bộ là 200 người. Trong đó nữ 50 người, chiếm 25%.\n"


def needs(code: str) -> None:
    assert code in {r.code for r in engine.all_rules()}, f"rule {code} is missing"


# -- check_text / check_path ----------------------------------------------------------------------
def test_check_text_finds_a_wrong_share() -> None:
    needs("N101")
    [found] = [loc for loc in checker.check_text(WRONG_SHARE) if loc.code == "N101"]
    assert isinstance(found, Located)
    assert (found.line, found.severity) == (1, Severity.ERROR)
    assert found.finding.stated is not None and "30" in found.finding.stated
    assert WRONG_SHARE[found.column - 1 : found.end_column - 1].endswith("30%")
    assert found.finding.message.en and found.finding.message.vi
    assert not [loc for loc in checker.check_text(RIGHT_SHARE) if loc.code == "N101"]


def test_check_text_select_ignore_and_name() -> None:
    needs("N101")
    assert [loc.code for loc in checker.check_text(WRONG_SHARE, select=["N1"])] == ["N101"]
    assert checker.check_text(WRONG_SHARE, ignore=["N"], select=["N"]) == ()
    found = checker.check_text(WRONG_SHARE, select=["N101"], name="form-input")
    assert found and found[0].source_line == WRONG_SHARE.rstrip("\n")


def test_check_text_markdown_and_bad_kind() -> None:
    needs("N101")
    text = "# Báo cáo\n\n" + WRONG_SHARE
    [found] = checker.check_text(text, select=["N101"], kind="md")
    assert found.line == 3
    with pytest.raises(ValueError, match="txt or md"):
        checker.check_text(text, kind="docx")


def test_check_text_honours_settings_language() -> None:
    needs("N101")
    settings = Settings(lang="en")
    [found] = checker.check_text(WRONG_SHARE, settings, select=["N101"])
    assert found.finding.message.get(settings.lang) == found.finding.message.en


def test_check_text_with_a_config_file(tmp_path: Path) -> None:
    needs("N101")
    config = tmp_path / "rasoat.toml"
    config.write_text('ignore = ["N101"]\nrounding = "half-up"\n', encoding="utf-8")
    loaded = load_file(config)
    assert checker.check_text(WRONG_SHARE, loaded.settings(), loaded.select, loaded.ignore) == ()


def test_check_path_reads_and_never_writes(tmp_path: Path) -> None:
    needs("N101")
    path = tmp_path / "d.txt"
    path.write_text(WRONG_SHARE, encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = checker.check_path(str(path), select=["N101"])
    assert isinstance(result, FileResult) and result.error is None
    assert [loc.code for loc in result.findings] == ["N101"]
    assert result.findings == checker.check_text(WRONG_SHARE, select=["N101"], name=str(path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(("lang", "fragment"), [("vi", "không có tệp này"), ("en", "no such file")])
def test_check_path_unreadable_is_an_error_not_an_exception(
    tmp_path: Path, lang: str, fragment: str
) -> None:
    missing = str(tmp_path / "absent.txt")
    result = checker.check_path(missing, Settings(lang=lang))
    assert result.findings == () and result.error is not None
    assert fragment in result.error and "\n" not in result.error


def test_check_path_takes_a_baseline() -> None:
    import checker.baseline as baseline
    samples = Path(__file__).resolve().parents[1] / "samples"
    current = str(samples / "nhiem-ky-nay.txt")
    earlier = baseline.load_baseline(str(samples / "nhiem-ky-truoc.txt"))
    alone = checker.check_path(current)
    against = checker.check_path(current, baseline=earlier)
    deltas = {(loc.line, loc.code) for loc in against.findings if loc.finding.category == "delta"}
    added = deltas - {(loc.line, loc.code) for loc in alone.findings}
    assert added and {line for line, _ in added} <= {15, 17, 18, 20, 25, 26}  # the planted ones


def test_the_api_is_documented() -> None:
    for function in (checker.check_text, checker.check_path):
        doc = function.__doc__ or ""
        assert len(doc.splitlines()) >= 3, function.__name__
    assert "inline" in (checker.check_text.__doc__ or "").lower()
    assert {"check_text", "check_path"} <= set(checker.__all__)


# -- inline suppression: the directives ---------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "lines", "patterns"),
    [
        ("x <!-- rasoat: ignore N101 -->", (1,), ("N101",)),
        ("x <!--rasoat:ignore N101,T2-->", (1,), ("N101", "T2")),
        ("x <!-- RASOAT: Ignore n101 t205 -->", (1,), ("N101", "T205")),
        ("x [rasoat: ignore N101]", (1,), ("N101",)),
        ("x [rasoat: ignore]", (1,), suppress.ALL),
        ("x [ rasoat : ignore N1 ; C ]", (1,), ("N1", "C")),
        ("<!-- rasoat: ignore-next-line T -->", (2,), ("T",)),
        ("[rasoat: ignore-file N101]", None, ("N101",)),
        ("x [rasoat: ignore nonsense]", (1,), ()),
    ],
)
def test_directives(line: str, lines: tuple[int, ...] | None, patterns: tuple[str, ...]) -> None:
    [directive] = suppress.directives(line)
    assert (directive.lines, directive.patterns) == (lines, patterns)


def test_no_directive_in_ordinary_text() -> None:
    text = "Theo rasoat, [ignore N101] và <!-- ignore --> không phải chỉ thị.\n"
    assert suppress.directives(text) == ()


def test_directive_lines_count_newlines() -> None:
    text = "a\nb [rasoat: ignore N1]\n\nc <!-- rasoat: ignore T -->\n"
    assert [d.lines for d in suppress.directives(text)] == [(2,), (4,)]
    assert [d.start_column for d in suppress.directives(text)] == [3, 3]


def _located(code: str, line: int, column: int = 1, end: int = 2) -> Located:
    finding = Finding(code, "typo", Severity.WARNING, Span(0, 1), Message("x", "x"))
    return Located(finding, line, column, line, end, "body")


def test_findings_inside_a_directive_are_dropped() -> None:
    text = "Số liệu [rasoat: ignore N101,N102]\n"
    start = text.index("N101") + 1
    inside = _located("T205", 1, start, start + 9)  # "no space after the comma"
    outside = _located("T205", 1, 1, 3)
    assert suppress.apply(text, [inside, outside]) == (outside,)


codes = st.sampled_from(["N101", "N102", "T205", "C101", "X201"])
findings = st.lists(st.tuples(codes, st.integers(1, 6)), max_size=12)


@given(findings, st.integers(1, 6), st.sampled_from(["N", "N101", "T205", "C", ""]))
def test_suppression_removes_exactly_what_it_covers(
    items: list[tuple[str, int]], line: int, pattern: str
) -> None:
    lines = ["ab"] * 6
    lines[line - 1] = f"ab [rasoat: ignore {pattern}]"
    text = "\n".join(lines) + "\n"
    located = [_located(code, n) for code, n in items]
    kept = suppress.apply(text, located)
    expected = [loc for loc in located if not (loc.line == line and loc.code.startswith(pattern))]
    assert list(kept) == expected


@given(findings)
def test_text_without_directives_keeps_everything(items: list[tuple[str, int]]) -> None:
    located = [_located(code, n) for code, n in items]
    assert suppress.apply("ab\n" * 6, located) == tuple(located)
