"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

GitHub reads ``::LEVEL key=value,...::message``; the message escapes ``%``, CR and LF,
and property values also escape ``:`` and ``,`` (they separate the properties).
"""

from __future__ import annotations

from typing import Sequence

from checker.findings import FileResult, Located, Severity
from checker.report.common import label

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, loc: Located, lang: str) -> str:
    f = loc.finding
    props = {
        "file": path,
        "line": str(loc.line),
        "col": str(loc.column),
        "endLine": str(loc.end_line),
        "endColumn": str(loc.end_column),
        "title": f.code,
    }
    body = [f.message.get(lang)]
    if f.stated is not None or f.expected is not None:
        body.append(
            f"{label('stated', lang)}: {f.stated or '-'} -> "
            f"{label('expected', lang)}: {f.expected or '-'}"
        )
    if f.evidence is not None:
        body.append(f"{label('evidence', lang)}: {f.evidence.get(lang)}")
    return _command(COMMANDS[f.severity], props, "\n".join(body))


def _command(name: str, props: dict[str, str], message: str) -> str:
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{name} {joined}::{escape_data(message)}"


def render(
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    out: list[str] = []
    for result in results:
        if result.error is not None:
            out.append(_command("error", {"file": result.path, "title": "rasoat"}, result.error))
        out.extend(annotation(result.path, loc, lang) for loc in result.findings)
    return "".join(line + "\n" for line in out)
