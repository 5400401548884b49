"""Reporters: pure functions from findings to text. They render; they never decide.

Every format is a module with a ``render(results, *, lang, color, width) -> str`` function,
named in ``FORMATS``; adding a format (html) is one module and one line here. Modules are
imported on first use, so a plain ``rasoat check`` never loads the SARIF or rich code it
does not need.
"""

from __future__ import annotations

import importlib
from types import MappingProxyType
from typing import Mapping, Protocol, Sequence

from checker.findings import FileResult

# format name -> module that defines render()
FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "text": "checker.report.text",
        "concise": "checker.report.concise",
        "json": "checker.report.json",
        "sarif": "checker.report.sarif",
        "github": "checker.report.github",
    }
)


class Renderer(Protocol):
    def __call__(
        self,
        results: Sequence[FileResult],
        *,
        lang: str = "vi",
        color: bool | None = None,
        width: int | None = None,
    ) -> str: ...


class UnknownFormatError(ValueError):
    """A format name that no reporter renders; the message lists the ones that exist."""

    def __init__(self, fmt: str) -> None:
        super().__init__(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.fmt = fmt


def renderer(fmt: str) -> Renderer:
    try:
        module_name = FORMATS[fmt]
    except KeyError:
        raise UnknownFormatError(fmt) from None
    module = importlib.import_module(module_name)
    function: Renderer = module.render
    return function


def render(
    fmt: str,
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    """The report of ``results`` in format ``fmt``.

    ``color=None`` means colour only when standard output is a terminal (text format only);
    ``width=None`` means the terminal's width, or 100 columns when not on a terminal.
    """
    return renderer(fmt)(results, lang=lang, color=color, width=width)
