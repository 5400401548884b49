"""The rich console the human-readable reports print into, captured as a string, and the
progress bar a long run shows on standard error.

Colour only when asked, or when standard output is a terminal (``NO_COLOR`` and
``FORCE_COLOR`` are honoured); otherwise plain text without a single escape code, so the
same report can be saved to a file or piped. The progress bar goes to standard error, only
when that is a terminal and the run is long, so it never mixes with a report (JSON, SARIF)
that a program reads::

    with progress(len(paths), enabled=not args.output_is_machine, lang=lang) as bar:
        for path in paths:
            results.append(check_one(path))
            bar.advance(path)
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from checker.report.common import label

DEFAULT_WIDTH = 100
MIN_WIDTH = 40


def wants_color(color: bool | None) -> bool:
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def report_width(width: int | None) -> int:
    if width is None:
        if sys.stdout.isatty():
            width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        else:
            width = DEFAULT_WIDTH
    return max(width, MIN_WIDTH)


def make_console(color: bool | None, width: int | None) -> Console:
    on = wants_color(color)
    return Console(
        file=io.StringIO(),
        width=report_width(width),
        force_terminal=on,
        color_system="standard" if on else None,
        no_color=not on,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=False,
        _environ={},  # width and colour are decided above, not by COLUMNS or TERM
    )


def captured(console: Console) -> str:
    stream = console.file
    assert isinstance(stream, io.StringIO)
    # rich pads table cells to the column width: no trailing spaces in a saved report
    return "\n".join(line.rstrip(" ") for line in stream.getvalue().split("\n"))


# A run of fewer inputs than this ends before a bar would help.
PROGRESS_MIN_TOTAL = 5
_NAME_CELLS = 40


class Ticker(Protocol):
    """What ``progress`` yields: call ``advance`` once per finished input."""

    def advance(self, name: str = "") -> None: ...


class _Silent:
    def advance(self, name: str = "") -> None:
        """No bar: nothing to do."""


class _Bar:
    def __init__(self, bar: Progress, task: TaskID) -> None:
        self._bar = bar
        self._task = task

    def advance(self, name: str = "") -> None:
        self._bar.update(self._task, advance=1, name=_short_name(name))


def progress_wanted(total: int, enabled: bool, stream: TextIO | None) -> bool:
    """A bar only when asked, for a long run, on a terminal (never in a pipe or a file)."""
    if not enabled or total < PROGRESS_MIN_TOTAL or stream is None:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def progress(
    total: int,
    enabled: bool = True,
    *,
    lang: str = "vi",
    stream: TextIO | None = None,
) -> Iterator[Ticker]:
    """A progress bar on standard error (or ``stream``) for a run of ``total`` inputs.

    Drawn only when ``enabled``, when ``total`` reaches ``PROGRESS_MIN_TOTAL`` and when the
    stream is a terminal; otherwise the ticker does nothing. The bar is removed when the run
    ends, so the terminal keeps only the report.
    """
    out = sys.stderr if stream is None else stream
    if not progress_wanted(total, enabled, out):
        yield _Silent()
        return
    console = Console(file=out, force_terminal=True, highlight=False, markup=False, emoji=False)
    bar = Progress(
        TextColumn(label("checking", lang)),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[name]}", markup=False),
        console=console,
        transient=True,
    )
    with bar:
        task = bar.add_task("", total=total, name="")
        yield _Bar(bar, task)


def _short_name(name: str) -> str:
    """The end of a long path: the file name matters, not the folders."""
    return name if len(name) <= _NAME_CELLS else "…" + name[-(_NAME_CELLS - 1) :]
