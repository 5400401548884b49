"""Reporters: pure functions from findings to text. They render; they never decide.

Every format is a module with a ``render(results, *, lang, color, width) -> str`` function,
named in ``FORMATS``; adding a format is one module and one line here. Modules are
imported on first use, so a plain ``rasoat check`` never loads the SARIF or rich code it
does not need.

Some formats show more than the findings: the text report groups them under the draft's
own headings and the HTML page shows the draft itself, both from the ``Source`` of each
file; the HTML page also shows the facts and the citation index. A format asks for these by
naming ``sources`` and/or ``facts`` among its keyword parameters; ``render`` passes them
only to the formats that ask, so the others keep their small signature.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from checker.findings import FileResult

if TYPE_CHECKING:
    from checker.facts import Facts
    from checker.source import Source

# format name -> module that defines render()
FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "text": "checker.report.text",
        "concise": "checker.report.concise",
        "json": "checker.report.json",
        "sarif": "checker.report.sarif",
        "github": "checker.report.github",
        "html": "checker.report.html",
    }
)
# What a format may ask for besides the findings (see the module docstring).
CONTEXT = ("sources", "facts")


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


def wants(fmt: str) -> frozenset[str]:
    """Which of ``sources`` and ``facts`` the format uses: the CLI can skip building what
    no format shows (facts are cheap to keep, but not free to render)."""
    parameters = inspect.signature(renderer(fmt)).parameters
    return frozenset(name for name in CONTEXT if name in parameters)


def render(
    fmt: str,
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
    sources: Mapping[str, Source] | None = None,
    facts: Mapping[str, Facts] | None = None,
) -> str:
    """The report of ``results`` in format ``fmt``.

    ``color=None`` means colour only when standard output is a terminal (text format only);
    ``width=None`` means the terminal's width, or 100 columns when not on a terminal.
    ``sources`` and ``facts`` map a result's ``path`` to its loaded Source and its Facts;
    both are optional. The text report uses the sources to group findings under the draft's
    headings; the HTML page shows each source's text with the findings marked, and the facts
    and citation index of each file. Formats that do not use them ignore them.
    """
    function = renderer(fmt)
    context: dict[str, Any] = {}
    accepted = wants(fmt)
    if "sources" in accepted and sources is not None:
        context["sources"] = sources
    if "facts" in accepted and facts is not None:
        context["facts"] = facts
    return function(results, lang=lang, color=color, width=width, **context)
