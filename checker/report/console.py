"""The rich console the human-readable reports print into, captured as a string.

Colour only when asked, or when standard output is a terminal (``NO_COLOR`` and
``FORCE_COLOR`` are honoured); otherwise plain text without a single escape code, so the
same report can be saved to a file or piped.
"""

from __future__ import annotations

import io
import os
import shutil
import sys

from rich.console import Console

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
