"""The report a person reads (``--format text``, the default), built with rich.

Grouped by file, then by the draft's own sections ("II. KẾT QUẢ THỰC HIỆN", "2.1.1. ...",
found by checker.sections when the Source is given), then by the part of the document (body,
footnote N, table N); a finding in a footnote stands in the section where the footnote is
referred to. Each finding shows its code, severity and message, the source line with the
span marked (when the span is on one line; a long line is clipped around the span), what
the document states and what the figures give, the evidence, and the related places. A
table by category and severity ends the report.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from checker.findings import FileResult, Located, Severity
from checker.report.common import (
    SEVERITIES,
    Counts,
    Section,
    category_label,
    count,
    label,
    one_line,
    related_places,
    section_label,
    sections_of,
    severity_label,
    shown_value,
    where_label,
)
from checker.report.console import captured, make_console
from checker.sections import Heading
from checker.source import Source

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
HEADING_STYLE = "bold magenta"
ELLIPSIS = "…"
MAX_RELATED = 8  # related places listed in full; the others are counted
STEP = 2  # each level of the outline: file, section, place, finding, details


def render(
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
    sources: Mapping[str, Source] | None = None,
) -> str:
    """The report of ``results``; ``sources`` (path -> Source) lets it group the findings
    under the draft's own headings. Without a file's Source, its findings are grouped by
    place only."""
    console = make_console(color, width)
    for result in results:
        _file(console, result, lang, (sources or {}).get(result.path))
    _summary(console, count(results), lang)
    return captured(console)


def _file(console: Console, result: FileResult, lang: str, source: Source | None) -> None:
    if result.error is None and not result.findings:
        return
    console.print(Text(result.path, style="bold underline"))
    if result.error is not None:
        console.print(
            _indent(
                Text.assemble(
                    (f"{label('unreadable', lang)}: ", "bold red"), one_line(result.error)
                ),
                STEP,
            )
        )
    sections = sections_of(result.findings, source)
    headed = any(section.chain for section in sections)
    # without headings the places sit right under the file, as they always have
    place_indent = 2 * STEP if headed else STEP
    shown: tuple[Heading, ...] = ()
    for section in sections:
        if headed:
            shown = _section_heading(console, section, shown, lang)
        for place in section.places:
            console.print(_indent(Text(where_label(place.where, lang), style="bold"), place_indent))
            for loc in place.findings:
                _finding(console, loc, lang, place_indent + STEP)
    console.print()


def _section_heading(
    console: Console, section: Section, shown: tuple[Heading, ...], lang: str
) -> tuple[Heading, ...]:
    """Print the headings of the section's chain that are not on screen yet (a parent is
    printed once, before its first subsection with findings); return the chain now shown."""
    chain = section.chain
    if not chain:
        console.print(
            _indent(Text(section_label(chain, lang), style=HEADING_STYLE), STEP),
            no_wrap=True,
            overflow="ellipsis",
        )
        return ()
    common = 0
    while common < min(len(chain), len(shown)) and chain[common] == shown[common]:
        common += 1
    for depth, heading in enumerate(chain[common:], start=common):
        style = HEADING_STYLE if depth == len(chain) - 1 else "magenta"
        console.print(
            _indent(Text(heading.text, style=style), STEP),
            no_wrap=True,
            overflow="ellipsis",
        )
    return chain


def _finding(console: Console, loc: Located, lang: str, indent: int) -> None:
    f = loc.finding
    detail = indent + STEP
    head = Text.assemble(
        (f"{loc.line}:{loc.column}", "dim"),
        "  ",
        (f.code, "bold"),
        "  ",
        (severity_label(f.severity, lang), STYLES[f.severity]),
        "  ",
        one_line(f.message.get(lang)),
    )
    console.print(_indent(head, indent))
    if loc.line == loc.end_line and loc.source_line:
        for line in _source_lines(loc, console.width - detail):
            console.print(_indent(line, detail), no_wrap=True, crop=True)
    if f.stated is not None or f.expected is not None:
        console.print(
            _indent(
                Text.assemble(
                    (f"{label('stated', lang)}: ", "dim"),
                    (shown_value(f.stated) if f.stated is not None else "-", "bold"),
                    "  →  ",
                    (f"{label('expected', lang)}: ", "dim"),
                    (shown_value(f.expected) if f.expected is not None else "-", "bold green"),
                ),
                detail,
            )
        )
    if f.evidence is not None:
        console.print(
            _indent(
                Text.assemble(
                    (f"{label('evidence', lang)}: ", "dim"), one_line(f.evidence.get(lang))
                ),
                detail,
            )
        )
    if loc.related:
        places = related_places(loc.related, lang, MAX_RELATED)
        console.print(
            _indent(Text.assemble((f"{label('related', lang)}: ", "dim"), places), detail)
        )


def _source_lines(loc: Located, room: int) -> list[Text]:
    """The source line with the span highlighted, and a caret line under the span."""
    gutter = f"{loc.line} │ "
    before, span, after = excerpt(
        loc.source_line, loc.column - 1, loc.end_column - 1, max(room - len(gutter), 10)
    )
    style = STYLES[loc.severity] + " underline"
    line = Text.assemble((gutter, "dim"), before, (span, style), after)
    carets = Text.assemble(
        (" " * (len(gutter) - 2) + "│ ", "dim"),
        " " * cell_len(before),
        ("^" * max(cell_len(span), 1), STYLES[loc.severity]),
    )
    return [line, carets]


def excerpt(line: str, start: int, end: int, room: int) -> tuple[str, str, str]:
    """Split ``line`` into (before, span, after) around characters ``start:end`` and clip
    it to ``room`` terminal cells, keeping the span in view. Each part is shown in NFC
    (decomposed marks would misplace the carets) with tabs as spaces.
    """
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    parts = (line[:start], line[start:end], line[end:])
    before, span, after = (unicodedata.normalize("NFC", p).replace("\t", " ") for p in parts)
    if cell_len(span) > room:
        return (ELLIPSIS if before else "", _clip_right(span, room - 1), "")
    remaining = room - cell_len(span)
    need_before, need_after = cell_len(before), cell_len(after)
    if need_before + need_after <= remaining:
        return before, span, after
    half = remaining // 2
    if need_before <= half:
        keep_before, keep_after = need_before, remaining - need_before
    elif need_after <= remaining - half:
        keep_before, keep_after = remaining - need_after, need_after
    else:
        keep_before, keep_after = half, remaining - half
    return _clip_left(before, keep_before), span, _clip_right(after, keep_after)


def _clip_left(text: str, cells: int) -> str:
    """The end of ``text`` in at most ``cells`` cells, "…" in front when clipped."""
    if cell_len(text) <= cells:
        return text
    out = ""
    for ch in reversed(text):
        if cell_len(ch + out) > cells - 1:
            break
        out = ch + out
    return ELLIPSIS + out if cells > 0 else ""


def _clip_right(text: str, cells: int) -> str:
    """The start of ``text`` in at most ``cells`` cells, "…" after it when clipped."""
    if cell_len(text) <= cells:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > cells - 1:
            break
        out += ch
    return out + ELLIPSIS if cells > 0 else ""


def _summary(console: Console, counts: Counts, lang: str) -> None:
    console.rule(Text(label("summary", lang), style="bold"), characters="─")
    if counts.by_category:
        table = Table(show_footer=True, box=None, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column(label("category", lang), footer=label("total", lang))
        for severity in SEVERITIES:
            table.add_column(
                severity_label(severity, lang),
                justify="right",
                header_style=STYLES[severity],
                footer=str(counts.severity(severity)),
            )
        table.add_column(label("total", lang), justify="right", footer=str(counts.findings))
        for category, per_severity in counts.by_category:
            numbers = [n for _, n in per_severity]
            table.add_row(
                category_label(category, lang), *(str(n) for n in numbers), str(sum(numbers))
            )
        console.print(table)
    tallies = [f"{label('files', lang)}: {counts.files}"]
    if counts.unreadable:
        tallies[0] += f" ({label('unreadable', lang)}: {counts.unreadable})"
    tallies += [f"{severity_label(s, lang)}: {n}" for s, n in counts.by_severity]
    console.print(Text(" · ".join(tallies)))
    if not counts.findings and not counts.unreadable:
        console.print(Text(label("no_findings", lang), style="bold green"))


def _indent(renderable: RenderableType, left: int) -> Padding:
    """Indent without padding the line to the full width (no trailing spaces in files)."""
    return Padding(renderable, (0, 0, 0, left), expand=False)
