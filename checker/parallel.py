"""Checking many files: one after another, or in worker processes (``--jobs N``).

Each file is an independent task, and a task's result depends only on the task (the file,
its settings, codes and baseline), so the results of ``--jobs 2`` are those of ``--jobs 1``:
the same findings, in the order of the inputs. Workers are started with "spawn", the one
method that behaves the same on Linux, macOS and Windows and never inherits a half-copied
parent (threads, open files). A worker pays the start-up cost (imports, grammars) once, so
processes only pay off for several files; one file or one job stays in this process.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from checker.engine import Settings
from checker.facts import Facts
from checker.findings import FileResult
from checker.report.common import one_line
from checker.source import Source


@dataclass(frozen=True)
class Task:
    """One file to check, with everything its check depends on (it crosses to a worker)."""

    path: str
    settings: Settings
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: Facts | None = None
    keep_source: bool = False  # send the Source back (the text and HTML reports show it)
    keep_facts: bool = False


@dataclass(frozen=True)
class Checked:
    """What one task gives back: the result, and the Source and Facts when asked for."""

    result: FileResult
    source: Source | None = None
    facts: Facts | None = None


def check_task(task: Task) -> Checked:
    """Check one file. Never raises for a bad input or a bug in a rule: that becomes the
    file's one-line error, so the other files are still checked and reported."""
    try:
        from checker import _check_file

        result, source, facts = _check_file(
            task.path, task.settings, task.select, task.ignore, task.baseline
        )
    except Exception as exc:
        return _failed(task, f"{type(exc).__name__}{_detail(exc)}")
    return Checked(
        result,
        source if task.keep_source else None,
        facts if task.keep_facts else None,
    )


def _detail(exc: BaseException) -> str:
    text = one_line(str(exc))
    return f": {text}" if text else ""


def _failed(task: Task, why: str) -> Checked:
    return Checked(FileResult(path=task.path, error=f"{task.path}: internal error ({why})"))


def run(
    tasks: Sequence[Task], jobs: int = 1, done: Callable[[str], None] | None = None
) -> list[Checked]:
    """The result of every task, in the order of ``tasks``; ``done(path)`` is called as each
    file is finished (in the order they finish: a progress bar)."""
    tick = done or (lambda path: None)
    jobs = max(1, min(jobs, len(tasks)))
    # standard input can be read by this process only
    remote = [i for i, t in enumerate(tasks) if t.path != "-"]
    if jobs == 1 or len(remote) < 2:
        return [_ticked(check_task(t), tick) for t in tasks]
    results: list[Checked | None] = [None] * len(tasks)
    context = multiprocessing.get_context("spawn")
    try:
        pool = ProcessPoolExecutor(
            max_workers=min(jobs, len(remote)), mp_context=context, initializer=_worker_start
        )
    except (OSError, NotImplementedError):  # no process support here (some sandboxes)
        return [_ticked(check_task(t), tick) for t in tasks]
    try:
        futures: dict[int, Future[Checked]] = {i: pool.submit(check_task, tasks[i]) for i in remote}
        for i, task in enumerate(tasks):
            if i not in futures:
                results[i] = _ticked(check_task(task), tick)
        index = {future: i for i, future in futures.items()}
        for future in as_completed(index):
            i = index[future]
            results[i] = _ticked(_result(future, tasks[i]), tick)
    except BaseException:  # Ctrl-C: do not wait for the files not started yet
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [r for r in results if r is not None]


def _worker_start() -> None:
    """Ctrl-C reaches every process of the terminal's group: the main process stops the
    run; a worker ignores it, finishes its file and exits, without a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ticked(checked: Checked, tick: Callable[[str], None]) -> Checked:
    tick(checked.result.path)
    return checked


def _result(future: Future[Checked], task: Task) -> Checked:
    try:
        return future.result()
    except BrokenProcessPool:  # a worker died (killed, out of memory): that file's error
        return _failed(task, "the worker process died")
    except Exception as exc:  # a result that could not cross back, for one
        return _failed(task, f"{type(exc).__name__}{_detail(exc)}")
