"""One line per finding, ``path:line:col: CODE severity message``, for editors and grep.

The severity word stays English (error/warning/info) whatever the language, so that
editors' problem matchers can read it; the message follows ``lang``.
"""

from __future__ import annotations

from typing import Sequence

from checker.findings import FileResult
from checker.report.common import one_line


def lines(results: Sequence[FileResult], lang: str = "vi") -> list[str]:
    out: list[str] = []
    for result in results:
        if result.error is not None:
            out.append(f"{result.path}: error: {one_line(result.error)}")
        for loc in result.findings:
            f = loc.finding
            out.append(
                f"{result.path}:{loc.line}:{loc.column}: {f.code} {f.severity.value} "
                f"{one_line(f.message.get(lang))}"
            )
    return out


def render(
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    return "".join(line + "\n" for line in lines(results, lang))
