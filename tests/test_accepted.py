"""Accepted findings: fingerprints, the file, matching, and ``rasoat accept`` /
``rasoat check --accepted FILE [--show-stale]`` end to end on the sample draft."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import accepted, engine
from checker.accepted import AcceptedError, Entry
from checker.cli import main
from checker.facts import Span
from checker.findings import FileResult, Finding, Located, Message, Severity

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DRAFT = SAMPLES / "bao-cao-loi.txt"


def loc(
    line_text: str,
    flagged: str,
    code: str = "N101",
    stated: str | None = "30%",
    line: int = 7,
    where: str = "body",
) -> Located:
    """A finding on ``flagged`` (its first occurrence) in a line of text."""
    start = line_text.index(flagged)
    finding = Finding(code, "percent", Severity.ERROR, Span(0, 1), Message("x", "x"), stated)
    return Located(
        finding, line, start + 1, line, start + len(flagged) + 1, where, source_line=line_text
    )


LINE = "Trong đó nữ 50 người, chiếm 30%, cao hơn năm trước 2 điểm phần trăm."


# -- fingerprints -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("other", "same"),
    [
        (loc(LINE, "30%", line=90), True),  # the line moved
        (loc(LINE, "30%", where="body"), True),
        (loc(LINE.replace("50", "51"), "30%"), True),  # another figure on the line changed
        (loc(LINE.replace("2 điểm", "3 điểm"), "30%"), True),
        (loc("Mở đầu dài dòng thêm nhiều chữ nữa. " + LINE, "30%"), True),  # far words
        (loc(LINE.replace("nữ", "nam"), "30%"), False),  # the words beside it changed
        (loc(LINE, "30%", stated="31%"), False),  # the stated value changed
        (loc(LINE, "30%", code="N102"), False),
        (loc(LINE, "30%", where="footnote 3"), False),
    ],
)
def test_fingerprint(other: Located, same: bool) -> None:
    assert (accepted.fingerprint(loc(LINE, "30%")) == accepted.fingerprint(other)) is same


def test_fingerprint_ignores_footnote_numbers_and_normalisation() -> None:
    import unicodedata

    a = loc(LINE, "30%", where="footnote 3")
    b = loc(unicodedata.normalize("NFD", LINE), "30%", where="footnote 4")
    assert accepted.fingerprint(a) == accepted.fingerprint(b)


def test_fingerprint_without_stated_uses_the_flagged_text() -> None:
    line = "Đã sửa đổi,bổ sung văn bản."
    a = loc(line, "đổi,bổ", code="T205", stated=None)
    b = loc(line.replace("đổi,bổ", "đổi ,bổ"), "đổi ,bổ", code="T205", stated=None)
    assert accepted.fingerprint(a) != accepted.fingerprint(b)


# -- matching ----------------------------------------------------------------------------------
def result(path: str, *found: Located) -> FileResult:
    return FileResult(path=path, findings=found)


def test_each_entry_hides_one_occurrence(tmp_path: Path) -> None:
    one = loc(LINE, "30%")
    recorded = accepted.entries([result("a.txt", one)], tmp_path)
    outcome = accepted.apply([result("a.txt", one, one)], recorded, tmp_path)
    assert outcome.hidden == 1 and outcome.results[0].findings == (one,)
    assert outcome.stale == ()


def test_entries_prefer_their_own_file(tmp_path: Path) -> None:
    one = loc(LINE, "30%")
    recorded = accepted.entries([result(str(tmp_path / "b.txt"), one)], tmp_path)
    checked = [result(str(tmp_path / "a.txt"), one), result(str(tmp_path / "b.txt"), one)]
    outcome = accepted.apply(checked, recorded, tmp_path)
    assert [len(r.findings) for r in outcome.results] == [1, 0]


def test_a_renamed_copy_is_matched(tmp_path: Path) -> None:
    one = loc(LINE, "30%")
    recorded = accepted.entries([result("v1.txt", one)], tmp_path)
    outcome = accepted.apply([result("v2.txt", one)], recorded, tmp_path)
    assert outcome.results[0].findings == () and outcome.stale == ()


def test_stale_entries(tmp_path: Path) -> None:
    one, two = loc(LINE, "30%"), loc(LINE, "50 người", stated="50")
    recorded = accepted.entries([result("a.txt", one, two)], tmp_path)
    outcome = accepted.apply([result("a.txt", one)], recorded, tmp_path)
    assert outcome.results[0].findings == ()
    assert [(e.code, e.stated, e.line) for e in outcome.stale] == [("N101", "50", 7)]


def test_errors_pass_through(tmp_path: Path) -> None:
    broken = FileResult(path="x.txt", error="x.txt: không có tệp này")
    outcome = accepted.apply([broken], (), tmp_path)
    assert outcome.results == (broken,)


# -- the file ---------------------------------------------------------------------------------
def test_entries_are_readable_and_relative(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    found = result(str(tmp_path / "drafts" / "a.txt"), loc(LINE, "30%"))
    recorded = accepted.entries([found], tmp_path)
    [entry] = recorded
    assert entry.path == "drafts/a.txt" and entry.line == 7 and entry.code == "N101"
    assert entry.context == "đó nữ # người chiếm [30%] cao hơn năm trước #"


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
entry_strategy = st.builds(
    Entry,
    fingerprint=st.text("0123456789abcdef", min_size=24, max_size=24),
    code=st.sampled_from(["N101", "T205"]),
    stated=st.none() | texts,
    path=texts,
    line=st.integers(1, 10_000),
    context=texts,
)


@given(st.lists(entry_strategy, max_size=5))
def test_file_round_trip(items: list[Entry]) -> None:
    text = accepted.dumps(items)
    data = json.loads(text)
    assert (data["tool"], data["version"]) == ("rasoat", accepted.FORMAT_VERSION)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acc.json"
        path.write_text(text, encoding="utf-8")
        assert accepted.load(path) == tuple(items)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("not json", "not a rasoat accepted-findings file"),
        ("[]", "not a rasoat accepted-findings file"),
        ('{"tool": "ruff", "entries": []}', "not a rasoat accepted-findings file"),
        ('{"tool": "rasoat", "version": 9, "entries": []}', "version 9"),
        ('{"tool": "rasoat", "version": 1, "entries": {}}', "'entries' must be a list"),
        ('{"tool": "rasoat", "version": 1, "entries": [{"code": "N101"}]}', "entry 1"),
    ],
)
def test_bad_files(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "acc.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AcceptedError) as info:
        accepted.load(path)
    assert fragment in str(info.value) and str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(AcceptedError, match="no such file"):
        accepted.load(tmp_path / "absent.json")
    (tmp_path / "b.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(AcceptedError, match="not a rasoat"):
        accepted.load(tmp_path / "b.json")


# -- end to end, on the sample draft ------------------------------------------------------------
@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(DRAFT, tmp_path / "draft.txt")
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(["check", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out)["files"], err


def test_accept_then_check_shows_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, files, _ = check(capsys, "draft.txt")
    found = len(files[0]["findings"])
    assert code == 1 and found > 10
    assert main(["accept", "draft.txt", "--output", "accepted.json"]) == 0
    out = capsys.readouterr().out
    assert out == f"Đã ghi {found} phát hiện của 1 tệp vào accepted.json\n"
    entries = json.loads((workdir / "accepted.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) == found and all(e["path"] == "draft.txt" for e in entries)
    code, files, err = check(capsys, "draft.txt", "--accepted", "accepted.json")
    assert (code, files[0]["findings"], err) == (0, [], "")


def test_one_changed_figure_in_a_copy_is_all_that_shows(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["accept", "draft.txt", "--output", "accepted.json"]) == 0
    capsys.readouterr()
    lines = (workdir / "draft.txt").read_text(encoding="utf-8").split("\n")
    assert "97,63%" in lines[51]  # line 52: right when rounded half-up (1.562/1.600)
    lines[51] = lines[51].replace("97,63%", "97,36%")
    # the next version: renamed, a paragraph added at the top, so every line moves
    lines.insert(2, "Báo cáo này bổ sung số liệu đến hết tháng 10.")
    (workdir / "draft-v2.txt").write_text("\n".join(lines), encoding="utf-8")
    code, files, err = check(capsys, "draft-v2.txt", "--accepted", "accepted.json")
    assert code == 1 and err == ""
    assert [(f["line"], f["stated"]) for f in files[0]["findings"]] == [(53, "97,36%")]


def test_show_stale_lists_what_was_fixed(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["accept", "draft.txt", "--output", "accepted.json"]) == 0
    capsys.readouterr()
    text = (workdir / "draft.txt").read_text(encoding="utf-8")
    assert text.count("48,12%") == 1
    (workdir / "draft.txt").write_text(text.replace("48,12%", "48,21%"), encoding="utf-8")
    code, files, err = check(capsys, "draft.txt", "--accepted", "accepted.json", "--show-stale")
    assert code == 0 and files[0]["findings"] == []
    head, *rest = err.splitlines()
    assert head == "rasoat: accepted.json: 1 phát hiện đã chấp nhận không còn xuất hiện:"
    [stale] = rest
    assert stale.startswith("  draft.txt:19: N101 '48,12%' ")
    code, _, err = check(capsys, "draft.txt", "--accepted", "accepted.json", "--lang", "en")
    assert err == ""  # without --show-stale nothing is said


def test_accept_does_not_write_when_an_input_is_unreadable(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["accept", "draft.txt", "absent.txt", "--output", "accepted.json", "--lang", "en"])
    _, err = capsys.readouterr()
    assert code == 2 and not (workdir / "accepted.json").exists()
    assert err.splitlines() == [
        "absent.txt: no such file",
        "rasoat accept: accepted.json not written: some inputs could not be read",
    ]


def test_accept_follows_select_and_config(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "rasoat.toml").write_text('select = ["N1"]\n', encoding="utf-8")
    assert main(["accept", "draft.txt", "--output", "acc.json", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Recorded ")
    entries = json.loads((workdir / "acc.json").read_text(encoding="utf-8"))["entries"]
    assert entries and {e["code"][:2] for e in entries} == {"N1"}
