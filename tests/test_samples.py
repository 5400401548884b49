"""The sample reports of samples/: every planted error found on its line, the clean report
quiet, and the real draft's numeric errors (skipped, with the reason, without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker.engine import all_rules
from checker.findings import Severity
from checker.pipeline import check_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CATEGORIES_WITH_RULES = {r.category for r in all_rules()}


def _expected(name: str) -> list[dict[str, Any]]:
    data = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return list(data["errors"])


def _planted(name: str) -> list[Any]:
    cases = []
    for e in _expected(name):
        marks = []
        if e["category"] not in CATEGORIES_WITH_RULES:
            marks.append(pytest.mark.skip(reason=f"no rule of category {e['category']} yet"))
        cases.append(pytest.param(e, id=f"{e['line']}-{e['category']}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def loi() -> Any:
    return check_path(str(SAMPLES / "bao-cao-loi.txt"))


@pytest.mark.parametrize("planted", _planted("bao-cao-loi.expected.json"))
def test_planted_error_is_found_on_its_line(loi: Any, planted: dict[str, Any]) -> None:
    on_line = [f for f in loi.findings if f.line == planted["line"] or any(r[0] == planted["line"] for r in f.related)]
    same = [f for f in on_line if f.finding.category == planted["category"]]
    assert same, (planted, [(f.code, f.finding.message.en) for f in on_line])
    if planted.get("expected") and planted["category"] in ("percent", "ratio", "sum"):
        want = str(planted["expected"]).split()[0].rstrip("%")
        assert any((f.finding.expected or "").rstrip("%") == want for f in same), [
            (f.finding.expected, planted["expected"]) for f in same
        ]


def test_clean_report_has_nothing_above_info() -> None:
    result = check_path(str(SAMPLES / "bao-cao-sach.txt"))
    assert result.error is None
    loud = [f for f in result.findings if f.severity is not Severity.INFO]
    assert loud == [], [(f.line, f.code, f.finding.message.en) for f in loud]


def test_no_numeric_error_on_a_clean_line(loi: Any) -> None:
    data = json.loads((SAMPLES / "bao-cao-loi.expected.json").read_text(encoding="utf-8"))
    clean = set(data.get("clean_lines_with_claims", []))
    wrong = [f for f in loi.findings if f.line in clean and f.severity is Severity.ERROR]
    assert wrong == [], [(f.line, f.code, f.finding.message.en) for f in wrong]


def test_seed_numeric_errors(seed_path: Path) -> None:
    """The real draft: the errors the spine must report, and a right share left alone."""
    result = check_path(str(seed_path), select=["N"])
    got = {(f.line, f.code, f.finding.stated, f.finding.expected) for f in result.findings}
    assert (19, "N201", "498", "528") in got
    assert (247, "N301", "98,76%", "98,47%") in got
    assert (80, "N101", "7,62%", "1,62%") in got
    assert (80, "N101", "10,31%", "10,71%") in got
    assert (271, "N101", "43,10%", "49,32%") in got
    # 8.007 of 16.244 stated as 49,29% is right; 44,53% is right when truncated
    assert not [f for f in result.findings if f.finding.stated in ("49,29%", "44,53%") and f.severity is not Severity.INFO]


def test_seed_positions_survive_utf16_and_nfd(seed_path: Path, tmp_path: Path) -> None:
    """The same draft as UTF-16 or decomposed gives the same findings at the same places."""
    import unicodedata

    text = seed_path.read_text(encoding="utf-8")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    base = check_path(str(seed_path), select=["N"]).findings
    same16 = check_path(str(utf16), select=["N"]).findings
    assert [(f.line, f.column, f.code) for f in base] == [(f.line, f.column, f.code) for f in same16]
    decomposed = check_path(str(nfd), select=["N"]).findings
    assert [(f.line, f.code, f.finding.stated) for f in base] == [
        (f.line, f.code, f.finding.stated) for f in decomposed
    ]
    # columns are in the decomposed file's own characters: the same text sits there
    nfd_lines = nfd.read_text(encoding="utf-8").split("\n")
    nfc_lines = text.split("\n")
    for a, b in zip(base, decomposed):
        if a.line != a.end_line:
            continue
        left = nfc_lines[a.line - 1][a.column - 1 : a.end_column - 1]
        right = nfd_lines[b.line - 1][b.column - 1 : b.end_column - 1]
        assert unicodedata.normalize("NFC", right) == unicodedata.normalize("NFC", left)


@pytest.mark.parametrize("as_json", [False, True], ids=["draft", "facts-json"])
def test_term_pair_with_baseline(tmp_path: Path, as_json: bool) -> None:
    """samples/nhiem-ky-nay.txt against the previous term's report (as a draft, or as the
    JSON of `rasoat facts`): each wrong difference on its line, and nothing else."""
    import subprocess
    import sys

    from checker.baseline import load_baseline

    before = SAMPLES / "nhiem-ky-truoc.txt"
    if as_json:
        out = subprocess.run(
            [sys.executable, "-m", "checker", "facts", "--format", "json", str(before)],
            capture_output=True, check=True,
        )
        path = tmp_path / "truoc.json"
        path.write_bytes(out.stdout)
        before = path
    import checker

    result = checker.check_path(str(SAMPLES / "nhiem-ky-nay.txt"), select=["N4", "X1"], baseline=load_baseline(str(before)))
    planted = {e["line"] for e in _expected("nhiem-ky-nay.expected.json")}
    loud = {f.line for f in result.findings if f.severity is not Severity.INFO}
    assert loud == planted, [(f.line, f.code, f.finding.message.en) for f in result.findings]
