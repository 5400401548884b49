"""The command line, run in-process through ``main([...])``: exit codes, options, config.

Rules are defined here and swapped in for the real catalogue, so these tests hold whatever
rules exist; one end-to-end test uses the real N101 once it exists.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import types
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import pytest

from checker import cli, engine
from checker.cli import main
from checker.engine import Document, Rule
from checker.facts import Facts, Number, Quantity, Span
from checker.findings import Finding, Message, Severity

REPO = Path(__file__).resolve().parents[1]


class _Word(Rule):
    """Base of the test rules: a finding at each occurrence of ``word``."""

    word = ""

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in re.finditer(re.escape(self.word), doc.source.text):
            yield self.finding(
                Span(match.start(), match.end()),
                Message(f"có {self.word}", f"found {self.word}"),
                stated=self.word,
                expected="-",
            )


class PercentRule(_Word):
    """Flags 99% (test rule).

    Wrong: chiếm 99%.
    Right: chiếm 25%.
    """

    code = "N990"
    name = "test.ninety-nine"
    category = "percent"
    severity = Severity.ERROR
    word = "99%"


class WordRule(_Word):
    """Flags the word SAI (test rule).

    Wrong: SAI.
    Right: ĐÚNG.
    """

    code = "T990"
    name = "test.sai"
    category = "typo"
    severity = Severity.WARNING
    word = "SAI"
    doc_vi = """Đánh dấu chữ SAI (quy tắc thử).

    Sai: SAI.
    Đúng: ĐÚNG.
    """


class NoteRule(_Word):
    """Flags NOTE (test rule).

    Wrong: NOTE.
    Right: nothing.
    """

    code = "X990"
    name = "test.note"
    category = "xref"
    severity = Severity.INFO
    word = "NOTE"


class CrashRule(_Word):
    """Fails on BOOM (test rule): a bug in a rule must not become a traceback.

    Wrong: BOOM.
    Right: nothing.
    """

    code = "F990"
    name = "test.crash"
    category = "form"
    word = "BOOM"

    def check(self, doc: Document) -> Iterator[Finding]:
        if "BOOM" in doc.source.text:
            raise RuntimeError("rule exploded\nsecond line")
        if "CTRL-C" in doc.source.text:
            raise KeyboardInterrupt
        return iter(())


TEST_RULES = (CrashRule, PercentRule, WordRule, NoteRule)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder, so no rasoat.toml or pyproject.toml above it interferes."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test rules instead of the catalogue, and no fact extraction (they need none)."""
    import checker.extract
    from checker import pipeline

    monkeypatch.setattr(engine, "all_rules", lambda: TEST_RULES)
    monkeypatch.setattr(pipeline, "extract", lambda source: Facts())
    monkeypatch.setattr(checker.extract, "extract", lambda source: Facts())


def draft(name: str, text: str) -> str:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")
    return name


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(err: str) -> None:
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err


# -- exit codes ---------------------------------------------------------------------------
def test_clean_file_exits_0(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", draft("ok.txt", "Không có gì.\n"))
    assert (code, err) == (0, "")
    assert "Không phát hiện vấn đề nào." in out


def test_error_finding_exits_1(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", draft("bad.txt", "Nữ chiếm 99%.\n"), "--format", "concise")
    assert code == 1
    assert out == "bad.txt:1:10: N990 error có 99%\n"


@pytest.mark.parametrize(
    ("text", "fail_on", "expected"),
    [
        ("SAI", "error", 0),
        ("SAI", "warning", 1),
        ("SAI", "info", 1),
        ("NOTE", "warning", 0),
        ("NOTE", "info", 1),
        ("99%", "error", 1),
        ("NOTE", None, 0),  # default: warning
        ("SAI", None, 1),
    ],
)
def test_fail_on(
    rules: None, capsys: pytest.CaptureFixture[str], text: str, fail_on: str | None, expected: int
) -> None:
    argv = ["check", draft("d.txt", text + "\n"), "--format", "json"]
    if fail_on:
        argv += ["--fail-on", fail_on]
    code, out, _ = run(capsys, *argv)
    assert code == expected
    assert len(json.loads(out)["files"][0]["findings"]) == 1


def test_missing_file_exits_2_and_the_other_is_reported(
    rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "check", "missing.txt", draft("bad.txt", "99%\n"), "--format", "json"
    )
    assert code == 2 and err == ""
    files = json.loads(out)["files"]
    assert [f["path"] for f in files] == ["missing.txt", "bad.txt"]
    assert files[0]["error"] and "missing.txt" in files[0]["error"]
    assert [f["code"] for f in files[1]["findings"]] == ["N990"]


def test_folder_is_recursed(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    draft("docs/a.txt", "SAI\n")
    draft("docs/sub/b.md", "99%\n")
    draft("docs/skip.py", "SAI\n")
    code, out, _ = run(capsys, "check", "docs", "--format", "concise")
    assert code == 1
    assert sorted(line.split(":")[0] for line in out.splitlines()) == [
        os.path.join("docs", "a.txt"),
        os.path.join("docs", "sub", "b.md"),
    ]


def test_stdin(
    rules: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("đây là SAI\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "check", "-", "--format", "concise")
    assert code == 1 and out == "-:1:8: T990 warning có SAI\n"


def test_a_crashing_rule_is_that_files_one_line_error(
    rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "check", draft("a.txt", "BOOM\n"), draft("b.txt", "SAI\n"), "--format", "concise"
    )
    assert code == 2 and err == ""
    assert out.splitlines() == [
        "a.txt: error: a.txt: internal error (RuntimeError: rule exploded second line)",
        "b.txt:1:1: T990 warning có SAI",
    ]


def test_keyboard_interrupt_is_one_line_and_130(
    rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", draft("a.txt", "CTRL-C\n"), "--output", "r.json")
    assert (code, out, err) == (130, "", "rasoat: interrupted\n")
    assert not Path("r.json").exists()


# -- usage errors ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["check", "x.txt", "--bogus"], "unrecognized arguments: --bogus"),
        (["check", "x.txt", "--format", "xml"], "invalid choice: 'xml'"),
        (["check"], "required: PATH"),
        ([], "required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["check", "x.txt", "--fail-on", "fatal"], "--fail-on"),
        (["check", "x.txt", "--lang", "fr"], "--lang"),
        (["check", "x.txt", "--rounding", "up"], "--rounding"),
        (["check", "x.txt", "--report-date", "2023-02-30"], "--report-date"),
        (["check", "x.txt", "--report-date", "30/06/2023"], "not a date YYYY-MM-DD"),
        (["check", "x.txt", "--select", "N1,foo"], "'foo' is not a rule code or prefix"),
        (["check", "x.txt", "--jobs", "0"], "--jobs"),
        (["check", "x.txt", "--config", "absent.toml"], "absent.toml: no such config file"),
        (["explain", "Z999"], "unknown rule 'Z999'"),
        (["facts", "missing.txt"], "missing.txt"),
        (["check", "x.txt", "--show-stale"], "--show-stale needs --accepted"),
        (["check", "x.txt", "--annotate", "out.txt"], "--annotate writes a .docx file"),
        (["check", "x.txt", "--annotate", "out.docx"], "needs exactly one .docx input"),
        (["check", "x.txt", "--baseline", "absent.json"], "absent.json: no such file"),
        (["check", "-", "--fix"], "--fix and --diff work on .txt and .md files only"),
        (["check", "in.docx", "--diff"], "for a .docx, --annotate writes a copy"),
        (["check", "x.txt", "--accepted", "absent.json"], "--accepted absent.json: no such file"),
        (["check", "x.txt", "--accepted", "x.txt"], "not a rasoat accepted-findings file"),
        (["accept", "x.txt"], "the following arguments are required: --output"),
        (["accept", "x.txt", "--output", "x.txt"], "--output x.txt would overwrite an input"),
        (["accept", "x.txt", "--output", "a.json", "--baseline", "absent.txt"], "absent.txt"),
        (["check", ".", "--output", "x.txt"], "--output x.txt would overwrite an input"),
    ],
)
def test_usage_errors_are_one_line_exit_2(
    rules: None, capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    draft("x.txt", "SAI\n")
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert_one_line(err)
    assert fragment in err


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out == "rasoat 0.1.0\n"
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "--fail-on" in out


# -- selection and options ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (["--select", "N990"], ["N990"]),
        (["--select", "t,X"], ["T990", "X990"]),
        (["--ignore", "T"], ["N990", "X990"]),
        (["--select", "N,T", "--ignore", "N990"], ["T990"]),
        ([], ["N990", "T990", "X990"]),
    ],
)
def test_select_and_ignore(
    rules: None, capsys: pytest.CaptureFixture[str], option: list[str], expected: list[str]
) -> None:
    path = draft("d.txt", "99% SAI NOTE\n")
    _, out, _ = run(capsys, "check", path, "--format", "json", *option)
    assert [f["code"] for f in json.loads(out)["files"][0]["findings"]] == expected


def test_lang_en(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", draft("d.txt", "SAI\n"), "--lang", "en")
    assert "found SAI" in out and "Summary" in out and "Tổng kết" not in out


def test_report_date_is_passed_to_the_rules(
    rules: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []

    class DateRule(_Word):
        """Records the settings (test rule).

        Wrong: -.
        Right: -.
        """

        code = "C990"
        name = "test.date"
        category = "date"

        def check(self, doc: Document) -> Iterator[Finding]:
            seen.append(doc.settings)
            return iter(())

    monkeypatch.setattr(engine, "all_rules", lambda: (DateRule,))
    argv = ["check", draft("d.txt", "x\n"), "--report-date", "2023-06-30", "--rounding", "truncate"]
    assert run(capsys, *argv)[0] == 0
    [settings] = seen
    assert (str(settings.report_date), settings.rounding, settings.lang) == (
        "2023-06-30",
        "truncate",
        "vi",
    )


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
def test_every_format_through_the_cli(
    rules: None, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, _ = run(capsys, "check", draft("d.txt", "SAI\n"), "--format", fmt)
    assert code == 1 and "SAI" in out
    if fmt in ("json", "sarif"):
        json.loads(out)


# -- output ---------------------------------------------------------------------------------
def test_output_is_written_atomically(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft("d.txt", "99%\n")
    Path("out").mkdir()
    Path("out/report.json").write_text("old", encoding="utf-8")
    code, out, err = run(capsys, "check", path, "--format", "json", "--output", "out/report.json")
    assert (code, out, err) == (1, "", "")
    data = json.loads(Path("out/report.json").read_text(encoding="utf-8"))
    assert data["summary"]["error"] == 1
    assert sorted(os.listdir("out")) == ["report.json"]  # no temporary file left behind
    assert Path(path).read_text(encoding="utf-8") == "99%\n"


def test_output_text_has_no_colour(
    rules: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    run(capsys, "check", draft("d.txt", "SAI\n"), "--output", "r.txt")
    report = Path("r.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in report and "T990" in report


def test_output_never_overwrites_an_input(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft("d.txt", "99%\n")
    code, out, err = run(capsys, "check", path, "--output", path)
    assert code == 2 and out == ""
    assert_one_line(err)
    assert Path(path).read_text(encoding="utf-8") == "99%\n"


def test_output_into_a_missing_folder(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", draft("d.txt", "x\n"), "--output", "no/such/r.json")
    assert code == 2 and "cannot write" in err
    assert_one_line(err)


# -- configuration --------------------------------------------------------------------------
def test_pyproject_ignore(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    draft("pyproject.toml", '[project]\nname = "x"\n\n[tool.rasoat]\nignore = ["T990", "X"]\n')
    code, out, _ = run(capsys, "check", draft("d.txt", "99% SAI NOTE\n"), "--format", "json")
    assert code == 1
    assert [f["code"] for f in json.loads(out)["files"][0]["findings"]] == ["N990"]


def test_misspelt_config_key_exits_2_naming_it(
    rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    draft("pyproject.toml", '[tool.rasoat]\nfail_on = "error"\n')
    code, out, err = run(capsys, "check", draft("d.txt", "SAI\n"))
    assert code == 2 and out == ""
    assert_one_line(err)
    assert "pyproject.toml" in err and "'fail_on'" in err and "fail-on" in err


def test_flags_win_over_config(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    draft("rasoat.toml", 'fail-on = "error"\nlang = "en"\nselect = ["N"]\n')
    path = draft("d.txt", "SAI 99%\n")
    code, out, _ = run(capsys, "check", path, "--format", "concise")
    assert code == 1 and out == "d.txt:1:5: N990 error found 99%\n"
    code, out, _ = run(capsys, "check", path, "--format", "concise", "--select", "T")
    assert code == 0 and out == "d.txt:1:1: T990 warning found SAI\n"  # warning < error
    code, _, _ = run(capsys, "check", path, "--select", "T", "--fail-on", "warning")
    assert code == 1


def test_explicit_config_and_per_file_ignores(
    rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    draft("conf/custom.toml", '[per-file-ignores]\n"*.md" = ["T"]\n')
    md, txt = draft("a.md", "SAI\n"), draft("b.txt", "SAI\n")
    code, out, _ = run(
        capsys, "check", md, txt, "--format", "concise", "--config", "conf/custom.toml"
    )
    assert code == 1 and out == "b.txt:1:1: T990 warning có SAI\n"


def test_config_found_from_the_first_files_folder(
    rules: None, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    draft(str(project / "rasoat.toml"), 'ignore = ["T"]\n')
    path = draft(str(project / "docs" / "d.txt"), "SAI\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert run(capsys, "check", path)[0] == 0


# -- rules, explain, facts ------------------------------------------------------------------
def test_rules_json(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [r["code"] for r in data] == ["F990", "N990", "T990", "X990"]
    assert data[2] == {
        "code": "T990",
        "name": "test.sai",
        "category": "typo",
        "severity": "warning",
        "summary": "Đánh dấu chữ SAI (quy tắc thử).",
    }


def test_rules_text(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--lang", "en")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("T990"))
    assert "spelling" in line and "warning" in line and "test.sai" in line


def test_explain(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "t990")
    assert code == 0 and "Sai: SAI." in out and out.startswith("T990 test.sai")
    code, out, _ = run(capsys, "explain", "T990", "--lang", "en")
    assert code == 0 and "Wrong: SAI." in out


def test_facts_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.extract

    text = "Báo cáo.\nToàn tỉnh có 8.007 người.\n"
    start = text.index("8.007")

    def fake_extract(source: object) -> Facts:
        number = Number(Decimal(8007), 0, "8.007", grouped=True)
        span = Span(start, start + len("8.007 người"))
        return Facts((Quantity(0, span, "8.007 người", 0, number, "person", "người"),))

    monkeypatch.setattr(checker.extract, "extract", fake_extract)
    code, out, _ = run(capsys, "facts", draft("d.txt", text), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["path"] == "d.txt"
    [fact] = data["facts"]
    assert (fact["kind"], fact["value"], fact["unit"]) == ("quantity", 8007, "person")
    column = start - text.index("\n")
    assert (fact["line"], fact["column"], fact["grouped"]) == (2, column, True)
    code, out, _ = run(capsys, "facts", "d.txt")
    assert code == 0 and "8.007 người" in out and "person" in out


# -- the entry point and the real rules -----------------------------------------------------
def test_python_m_checker_rules(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "checker", "rules", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, list)
    for rule in data:
        assert {"code", "name", "category", "severity"} <= set(rule)


def test_end_to_end_wrong_share(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Tổng số cán bộ là 200 người. Trong đó nữ 50 người, chiếm 30%.\n"
    code, out, err = run(capsys, "check", draft("d.txt", text), "--format", "json")
    assert err == "" and code == 1
    findings = json.loads(out)["files"][0]["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    assert [f["code"] for f in errors] == ["N101"]
    assert errors[0]["stated"] is not None and "30" in errors[0]["stated"]
    assert errors[0]["line"] == 1 and errors[0]["column"] >= text.index("30%") - 6


def test_real_draft_json_and_sarif_agree(
    capsys: pytest.CaptureFixture[str], seed_path: Path, shared_dir: Path
) -> None:
    import jsonschema

    seed = seed_path
    schema_path = shared_dir / "notes" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"the SARIF schema {schema_path} is absent")

    code, out, err = run(capsys, "check", str(seed), "--format", "json")
    assert code in (0, 1) and err == ""
    report = json.loads(out)
    findings = report["files"][0]["findings"]
    summary = report["summary"]
    assert summary["files"] == 1
    assert summary["error"] + summary["warning"] + summary["info"] == len(findings)
    lines = seed.read_text(encoding="utf-8").splitlines()
    for f in findings:
        assert 1 <= f["line"] <= f["end_line"] <= len(lines)
        assert 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1
    code, out, _ = run(capsys, "check", str(seed), "--format", "sarif")
    sarif = json.loads(out)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(sarif))
    assert not errors, errors[0].message
    results = sarif["runs"][0]["results"]
    assert [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results
    ] == [(f["code"], f["line"]) for f in findings]


def test_real_draft_facts_relations_resolve(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    from checker.report.facts import RELATION_FIELDS, RENAMED

    code, out, err = run(capsys, "facts", str(seed_path), "--format", "json")
    assert code == 0 and err == ""
    facts = json.loads(out)["facts"]
    assert facts, "the sample draft has figures"
    ids = {f["id"] for f in facts}
    keys = {RENAMED.get(k, k) for k in RELATION_FIELDS}
    for fact in facts:
        assert {"kind", "line", "column", "text", "value", "unit", "label", "where"} <= set(fact)
        for key in keys & set(fact):
            targets = fact[key] if isinstance(fact[key], list) else [fact[key]]
            assert all(t is None or t in ids for t in targets), (fact, key)


def test_folder_without_drafts_is_a_usage_error(
    rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    draft("empty/notes.py", "x = 1\n")
    code, out, err = run(capsys, "check", "empty")
    assert code == 2 and out == ""
    assert_one_line(err)
    assert "no .txt, .md or .docx file" in err


# -- configuration per file, data tables ------------------------------------------------------
def test_each_file_uses_its_nearest_config(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    draft("rasoat.toml", 'ignore = ["X"]\n')
    draft("sub/rasoat.toml", 'ignore = ["T"]\n')  # the nearest file wins; no merging
    top, inner = draft("d.txt", "SAI NOTE\n"), draft("sub/e.txt", "SAI NOTE\n")
    _, out, _ = run(capsys, "check", top, inner, "--format", "json", "--fail-on", "info")
    files = json.loads(out)["files"]
    assert [[f["code"] for f in file["findings"]] for file in files] == [["T990"], ["X990"]]
    # --config applies to every file, and a flag to every file on top of its config
    _, out, _ = run(capsys, "check", top, inner, "--format", "json", "--config", "rasoat.toml")
    assert [[f["code"] for f in file["findings"]] for file in json.loads(out)["files"]] == [
        ["T990"],
        ["T990"],
    ]
    # a flag replaces the key of every file's config (it does not add to it)
    _, out, _ = run(capsys, "check", top, inner, "--format", "json", "--ignore", "N")
    assert [[f["code"] for f in file["findings"]] for file in json.loads(out)["files"]] == [
        ["T990", "X990"],
        ["T990", "X990"],
    ]


class _SettingsRule(_Word):
    """Records the settings it is given (test rule).

    Wrong: -.
    Right: -.
    """

    code = "C991"
    name = "test.settings"
    category = "date"
    seen: ClassVar[list[Any]] = []

    def check(self, doc: Document) -> Iterator[Finding]:
        type(self).seen.append((doc.settings, doc.baseline))
        return iter(())


def test_data_tables_reach_the_rules_as_options(
    rules: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "all_rules", lambda: (_SettingsRule,))
    monkeypatch.setattr(_SettingsRule, "seen", [])
    draft(
        "rasoat.toml",
        '[text]\nwords = ["chuyển đổi số"]\nconfusions = { "bổ xung" = "bổ sung" }\n'
        '[citations.issuers]\nSNV = ["Sở Nội vụ"]\n[labels.synonyms]\n"trẻ" = ["cán bộ trẻ"]\n',
    )
    assert run(capsys, "check", draft("d.txt", "x\n"))[0] == 0
    [(settings, baseline)] = _SettingsRule.seen
    assert baseline is None
    assert settings.option("text.words") == ("chuyển đổi số",)
    assert dict(settings.option("text.confusions")) == {"bổ xung": "bổ sung"}
    assert settings.option("text.allow") is None  # not configured: the rule's own data only
    assert dict(settings.option("citations")) == {"issuers": {"SNV": ("Sở Nội vụ",)}}
    assert settings.option("labels.synonyms")["trẻ"] == ("cán bộ trẻ",)
    hash(settings)  # settings cross to worker processes and may be cached on


def test_baseline_reaches_the_rules(
    rules: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "all_rules", lambda: (_SettingsRule,))
    monkeypatch.setattr(_SettingsRule, "seen", [])
    old = draft("old.txt", "Toàn tỉnh có 8.007 người.\n")
    assert run(capsys, "check", draft("d.txt", "x\n"), "--baseline", old)[0] == 0
    [(_, baseline)] = _SettingsRule.seen
    assert isinstance(baseline, Facts) and getattr(baseline, "path", None) == old


def test_a_bad_baseline_is_one_line(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    Path("old.docx").write_bytes(b"not a zip")
    code, out, err = run(capsys, "check", draft("d.txt", "x\n"), "--baseline", "old.docx")
    assert code == 2 and out == ""
    assert_one_line(err)
    assert "--baseline" in err and "old.docx" in err


# -- inline suppression through the command line ----------------------------------------------
@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.md", "SAI 99% <!-- rasoat: ignore T990 -->\nSAI\n", ["N990@1", "T990@2"]),
        ("a.txt", "SAI 99% [rasoat: ignore T990, N990]\nSAI\n", ["T990@2"]),
        ("a.txt", "SAI 99% [rasoat: ignore]\nSAI\n", ["T990@2"]),
        ("a.md", "<!-- rasoat: ignore-next-line T -->\n| SAI | 99% |\nSAI\n", ["N990@2", "T990@3"]),
        ("a.md", "SAI\n\n<!-- rasoat: ignore-file T990 -->\n99%\n", ["N990@4"]),
        ("a.txt", "SAI [rasoat: ignore N990]\n", ["T990@1"]),  # another code: kept
        ("a.txt", "SAI [rasoat: ignore X1OO]\n", ["T990@1"]),  # not a code: covers nothing
    ],
)
def test_inline_suppression(
    rules: None, capsys: pytest.CaptureFixture[str], name: str, text: str, expected: list[str]
) -> None:
    _, out, _ = run(capsys, "check", draft(name, text), "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    assert [f"{f['code']}@{f['line']}" for f in findings] == expected


# -- the input is never written ----------------------------------------------------------------
def _digest(paths: list[str]) -> dict[str, str]:
    return {p: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{a}", "{b}", "--format", "{fmt}"]
        for fmt in ("text", "concise", "json", "sarif", "github")
    ]
    + [
        ["check", "{a}", "{b}", "--output", "report.txt"],
        ["accept", "{a}", "{b}", "--output", "acc.json"],
        ["check", "{a}", "{b}", "--diff"],
        ["check", "docs"],
    ],
)
def test_inputs_are_never_touched(
    rules: None, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else ""
    a = draft("docs/a.txt", "\ufeffSAI 99%\r\nNOTE ,x\r\n")
    b = draft("docs/b.md", "SAI <!-- rasoat: ignore T -->\n99%\n")
    before = _digest([a, b])
    stamps = {p: os.stat(p).st_mtime_ns for p in (a, b)}
    run(capsys, *[x.format(a=a, b=b, fmt=fmt) for x in argv])
    assert _digest([a, b]) == before
    assert {p: os.stat(p).st_mtime_ns for p in (a, b)} == stamps


# -- fixes ------------------------------------------------------------------------------------
def _fixes_or_skip() -> None:
    assert "T205" in {r.code for r in engine.all_rules()}, "rule T205 is missing"


def test_diff_shows_the_fixes_and_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    _fixes_or_skip()
    path = draft("d.txt", "Đã kiện toàn 12 đơn vị ,trong đó 3 xã.\n")
    before = Path(path).read_bytes()
    code, out, err = run(capsys, "check", path, "--diff")
    assert code == 1 and err == ""
    assert out.splitlines()[:2] == ["--- a/d.txt", "+++ b/d.txt"]
    assert "-Đã kiện toàn 12 đơn vị ,trong đó 3 xã." in out.splitlines()
    assert "+Đã kiện toàn 12 đơn vị, trong đó 3 xã." in out.splitlines()
    assert Path(path).read_bytes() == before
    clean = draft("ok.txt", "Đã kiện toàn 12 đơn vị, trong đó 3 xã.\n")
    assert run(capsys, "check", clean, "--diff")[:2] == (0, "")


def test_fix_rewrites_keeping_encoding_and_newlines(capsys: pytest.CaptureFixture[str]) -> None:
    _fixes_or_skip()
    path = "d.txt"
    Path(path).write_bytes("\ufeffĐã kiện toàn 12 đơn vị ,trong đó 3 xã.\r\nHết.\r\n".encode())
    os.chmod(path, 0o640)
    _, out, err = run(capsys, "check", path, "--fix", "--format", "concise")
    assert "T205" not in out  # the report shows what is left after the fixes
    assert err == "rasoat: đã sửa d.txt\n"
    data = Path(path).read_bytes()
    assert data == "\ufeffĐã kiện toàn 12 đơn vị, trong đó 3 xã.\r\nHết.\r\n".encode()
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(os.listdir(".")) == ["d.txt"]  # no temporary file left
    # idempotent: a second --fix has nothing to do
    _, _, err = run(capsys, "check", path, "--fix")
    assert err == "" and Path(path).read_bytes() == data


def test_fix_leaves_accepted_findings_alone(capsys: pytest.CaptureFixture[str]) -> None:
    _fixes_or_skip()
    path = draft("d.txt", "Đã kiện toàn 12 đơn vị ,trong đó 3 xã.\n")
    assert run(capsys, "accept", path, "--output", "acc.json")[0] == 0
    before = Path(path).read_bytes()
    code, _, err = run(capsys, "check", path, "--fix", "--accepted", "acc.json")
    assert (code, err) == (0, "") and Path(path).read_bytes() == before


# -- html --------------------------------------------------------------------------------------
def test_html_page_shows_the_draft(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", draft("d.txt", "Dòng đầu SAI.\n"), "--format", "html")
    assert code == 1 and out.startswith("<!DOCTYPE html>")
    assert "Dòng đầu" in out and "T990" in out


def test_inline_suppression_in_a_docx(rules: None, capsys: pytest.CaptureFixture[str]) -> None:
    from docx_factory import make_docx

    make_docx(Path("d.docx"), ["SAI một [rasoat: ignore T990]", "SAI hai"])
    _, out, _ = run(capsys, "check", "d.docx", "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("T990", 2)]


def test_sarif_of_the_samples_validates(
    capsys: pytest.CaptureFixture[str], shared_dir: Path
) -> None:
    import jsonschema

    schema_path = shared_dir / "notes" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"the SARIF schema {schema_path} is absent")
    draft_path = str(REPO / "samples" / "bao-cao-loi.txt")
    code, out, _ = run(capsys, "check", draft_path, "missing.txt", "--format", "sarif")
    assert code == 2
    sarif = json.loads(out)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(sarif))
    assert not errors, errors[0].message
    [invocation] = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert len(invocation["toolExecutionNotifications"]) == 1
    assert len(sarif["runs"][0]["results"]) > 10


# -- --annotate, through a stand-in for checker.annotate ---------------------------------------
def test_annotate_is_wired_and_atomic(
    rules: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """--annotate writes a copy with one comment per finding, in the chosen language, over
    an existing file, leaving the input and the folder as they were."""
    import docx
    from docx_factory import make_docx

    make_docx(Path("in.docx"), ["SAI một.", "Có 99%."])
    before = Path("in.docx").read_bytes()
    Path("out.docx").write_bytes(b"old")
    code, out, _ = run(
        capsys, "check", "in.docx", "--annotate", "out.docx", "--format", "concise", "--lang", "en"
    )
    assert code == 1 and out.count("in.docx:") == 2
    comments = list(docx.Document("out.docx").comments)
    assert len(comments) == 2
    assert all(c.text.startswith("[") for c in comments)
    assert Path("in.docx").read_bytes() == before
    assert sorted(os.listdir(".")) == ["in.docx", "out.docx"]  # no temporary file is left
    code, _, err = run(capsys, "check", "in.docx", "--annotate", "in.docx")
    assert code == 2 and "would overwrite an input" in err
