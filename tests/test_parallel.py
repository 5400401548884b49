"""``--jobs N``: the same findings, in the same order, as one process (checker/parallel.py)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ClassVar

import pytest

from checker import engine, parallel
from checker.cli import main
from checker.engine import Settings

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
COPIED = ("bao-cao-ngan.md", "nhiem-ky-nay.txt")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Several copies of the samples, some in subfolders, and one file that cannot be read."""
    monkeypatch.chdir(tmp_path)
    drafts = tmp_path / "drafts"
    for sub in ("", "b", "b/c"):
        target = drafts / sub
        target.mkdir(parents=True, exist_ok=True)
        for name in COPIED:
            shutil.copy(SAMPLES / name, target / name)
    shutil.copy(SAMPLES / "bao-cao-loi.txt", drafts / "b" / "bao-cao-loi.txt")
    (drafts / "b" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return drafts


def digest(root: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_jobs_give_the_findings_and_order_of_one_process(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(folder)
    outputs = []
    for jobs in ("1", "2"):
        code = main(["check", str(folder), "--format", "json", "--jobs", jobs])
        out, err = capsys.readouterr()
        assert code == 2 and err == ""  # the broken file; the others are still reported
        outputs.append(out)
    assert outputs[0] == outputs[1]
    files = json.loads(outputs[0])["files"]
    assert len(files) == 8 and sum(f["error"] is not None for f in files) == 1
    assert sum(len(f["findings"]) for f in files) > 20
    assert digest(folder) == before


class ThreadPool(ThreadPoolExecutor):
    """A stand-in for the process pool (no start-up cost) that records what it was given."""

    submitted: ClassVar[list[str]] = []

    def __init__(self, max_workers: int, mp_context: object, initializer: object) -> None:
        assert mp_context is not None and max_workers >= 2
        assert initializer is parallel._worker_start  # workers ignore Ctrl-C (not run here)
        super().__init__(max_workers)

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        type(self).submitted.append(args[0].path)
        return super().submit(fn, *args, **kwargs)


def test_run_keeps_the_order_and_standard_input_stays_here(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", ThreadPool)
    monkeypatch.setattr(ThreadPool, "submitted", [])
    text = (SAMPLES / "bao-cao-ngan.md").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), "utf-8"))
    paths = [
        str(folder / "bao-cao-ngan.md"),
        "-",
        "absent.txt",
        str(folder / "b" / "bao-cao-ngan.md"),
    ]
    finished: list[str] = []
    tasks = [parallel.Task(p, Settings()) for p in paths]
    results = [c.result for c in parallel.run(tasks, 2, finished.append)]
    assert ThreadPool.submitted == [paths[0], paths[2], paths[3]]  # never standard input
    assert sorted(finished) == sorted(paths)  # one tick per file, as each one ends
    assert [r.path for r in results] == paths
    assert results[2].error is not None and "absent.txt" in results[2].error
    first, stdin, _, last = (r.findings for r in results)
    assert first and [loc.code for loc in first] == [loc.code for loc in stdin]
    assert [(loc.code, loc.line) for loc in first] == [(loc.code, loc.line) for loc in last]


def test_sources_and_facts_come_back_only_when_asked(folder: Path) -> None:
    path = str(folder / "bao-cao-ngan.md")
    [plain] = parallel.run([parallel.Task(path, Settings())])
    assert (plain.source, plain.facts) == (None, None)
    [full] = parallel.run([parallel.Task(path, Settings(), keep_source=True, keep_facts=True)])
    assert full.source is not None and full.source.path == path and full.facts is not None
    assert full.result == plain.result


def test_a_crash_in_a_task_is_that_files_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker

    def explode(*args: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(checker, "_check_file", explode)
    [checked] = parallel.run([parallel.Task("x.txt", Settings())])
    assert checked.result.error == "x.txt: internal error (RuntimeError: boom second line)"


def test_one_job_or_one_file_needs_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    tasks = [parallel.Task("a.txt", Settings()), parallel.Task("b.txt", Settings())]
    finished: list[str] = []
    assert len(parallel.run(tasks, jobs=1, done=finished.append)) == 2
    assert finished == ["a.txt", "b.txt"]
    assert len(parallel.run(tasks[:1], jobs=4)) == 1
    assert len(parallel.run([*tasks[:1], parallel.Task("-", Settings())], jobs=4)) == 2


def test_without_process_support_the_files_are_checked_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unsupported(*args: object, **kwargs: object) -> None:
        raise NotImplementedError("no sem_open on this platform")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", unsupported)
    tasks = [parallel.Task("a.txt", Settings()), parallel.Task("b.txt", Settings())]
    assert [c.result.path for c in parallel.run(tasks, jobs=2)] == ["a.txt", "b.txt"]
