"""One pass over one input: load -> normalise -> parse -> facts -> rules -> located findings.

This is also the library API for people who embed rasoat::

    from checker import pipeline
    result = pipeline.check_path("bao-cao.docx")
    for f in result.findings:
        print(f.line, f.column, f.code, f.finding.message.vi)
"""

from __future__ import annotations

from typing import Iterable, Sequence

from checker import engine
from checker.engine import Document, Settings
from checker.extract import extract
from checker.facts import Facts
from checker.findings import FileResult, Finding, Located
from checker.loading import InputError, load_path, load_text
from checker.source import Source


def locate(source: Source, finding: Finding, lines: dict[int, str] | None = None) -> Located:
    """Place a finding in the original file. ``lines`` shares each line's text between the
    findings on it (20.000 findings on one long line must not hold 20.000 copies of it)."""
    start = source.position(finding.span.start)
    end = source.end_position(max(finding.span.end, finding.span.start + 1))
    related = []
    for span in finding.related:
        a = source.position(span.start)
        b = source.end_position(max(span.end, span.start + 1))
        related.append((a.line, a.column, b.line, b.column, source.where(span.start)))
    return Located(
        finding=finding,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
        where=source.where(finding.span.start),
        source_line=_line(source, start.line, lines),
        related=tuple(related),
    )


def check_source(
    source: Source,
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    facts: Facts | None = None,
    baseline: Facts | None = None,
) -> tuple[Located, ...]:
    settings = settings or Settings()
    facts = facts if facts is not None else extract(source)
    doc = Document(source, facts, settings, baseline)
    findings = engine.run(doc, engine.selected_rules(select, ignore))
    lines: dict[int, str] = {}
    return tuple(locate(source, f, lines) for f in findings)


def _line(source: Source, line: int, lines: dict[int, str] | None) -> str:
    if lines is None:
        return source.line_text(line)
    text = lines.get(line)
    if text is None:
        text = lines[line] = source.line_text(line)
    return text


def check_path(
    path: str,
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> FileResult:
    """Check one file (or "-" for standard input); a file that cannot be read gives
    a result with ``error`` set instead of an exception."""
    try:
        source = load_path(path)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    return FileResult(path=path, findings=check_source(source, settings, select, ignore))


def check_text(
    text: str,
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    name: str = "<text>",
) -> tuple[Located, ...]:
    """Check a draft given as a string (plain text, footnotes as in a Word export)."""
    return check_source(load_text(text, name), settings, select, ignore)


def check_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[FileResult]:
    return [check_path(p, settings, select, ignore) for p in paths]
