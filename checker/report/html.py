"""One self-contained HTML page (``--format html``): the draft with every finding marked and
numbered, the list of findings beside it, filters by category and severity, the citation
index and the facts.

The page works offline and from a mail attachment: the style and the little script that
drives the filters are inline, and nothing is fetched (no font, no image, no library).
Without the script every finding is still shown and every link still works; the filters
are a convenience.

The draft's text comes from each file's ``Source`` (``sources``), the facts from ``facts``;
both are optional. A file without its Source gets the list of findings with their source
lines. The citation index is shown when ``checker.rules.citations.index`` provides
``citation_index(facts)`` (and ``index_json(source, documents)`` for its rows); without
it, or without the file's facts, the section is left out.

Findings are numbered in reading order of the list: by the draft's own sections, then
place (body, tables, notes), then line. In the text, a mark may hold several findings
(spans overlap: a total and a share inside it); its colour is that of the most severe.
"""

from __future__ import annotations

import dataclasses
import importlib
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

from checker.facts import Fact, Facts
from checker.findings import FileResult, Located
from checker.report.common import (
    SEVERITIES,
    Counts,
    Section,
    category_label,
    count,
    label,
    related_label,
    section_label,
    sections_of,
    severity_label,
    shown_value,
    where_label,
)
from checker.report.facts import RENAMED, fact_dict, is_relation
from checker.sections import Heading, find_headings
from checker.source import Source

# The module, the index builder and its JSON form (checker/rules/citations/index.py)
CITATION_INDEX = ("checker.rules.citations.index", "citation_index", "index_json")


# -- the page -------------------------------------------------------------------------------
def render(
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
    sources: Mapping[str, Source] | None = None,
    facts: Mapping[str, Facts] | None = None,
) -> str:
    """The page for ``results``. ``sources`` and ``facts`` map a result's path to its Source
    and Facts; ``color`` and ``width`` mean nothing to a page and are ignored."""
    sources = sources or {}
    facts = facts or {}
    counts = count(results)
    files = [
        _file(i, result, lang, sources.get(result.path), facts.get(result.path))
        for i, result in enumerate(results, start=1)
    ]
    title = label("page_title", lang)
    if len(results) == 1:
        title += f" — {results[0].path}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="rasoat">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{escape(label('page_title', lang))}</h1>\n"
        f"{_tallies(counts, lang)}\n{_filters(counts, lang)}\n</header>\n"
        f"<main>\n{''.join(files)}{_summary(counts, lang)}</main>\n"
        f"<footer>{escape(label('generated', lang))}</footer>\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _tallies(counts: Counts, lang: str) -> str:
    parts = [f"{escape(label('files', lang))}: {counts.files}"]
    if counts.unreadable:
        parts[0] += f" ({escape(label('unreadable', lang))}: {counts.unreadable})"
    parts += [
        f'<span class="sev-{s.value}">{escape(severity_label(s, lang))}: {n}</span>'
        for s, n in counts.by_severity
    ]
    line = " · ".join(parts)
    if not counts.findings and not counts.unreadable:
        line += f' <strong class="clean">{escape(label("no_findings", lang))}</strong>'
    return f'<p class="tallies">{line}</p>'


def _filters(counts: Counts, lang: str) -> str:
    """Checkboxes for the severities and categories that occur (all checked)."""
    if not counts.findings:
        return ""
    severities = "".join(
        _checkbox("sev", s.value, severity_label(s, lang), n, f"sev-{s.value}")
        for s, n in counts.by_severity
        if n
    )
    categories = "".join(
        _checkbox("cat", c, category_label(c, lang), sum(n for _, n in per), "")
        for c, per in counts.by_category
    )
    buttons = (
        f'<button type="button" data-all="1">{escape(label("select_all", lang))}</button>'
        f'<button type="button" data-all="0">{escape(label("select_none", lang))}</button>'
    )
    return (
        f'<form id="filters" aria-label="{escape(label("filters", lang))}">'
        f"<fieldset><legend>{escape(label('severity', lang))}</legend>{severities}</fieldset>"
        f"<fieldset><legend>{escape(label('category', lang))}</legend>{categories}</fieldset>"
        f'<div class="buttons">{buttons}<output id="shown" data-word="{escape(label("shown", lang))}">'
        f"{counts.findings}/{counts.findings} {escape(label('shown', lang))}</output></div></form>"
    )


def _checkbox(kind: str, value: str, text: str, n: int, css: str) -> str:
    return (
        f'<label class="{css}"><input type="checkbox" checked data-kind="{kind}" '
        f'value="{escape(value)}"> {escape(text)} <span class="n">({n})</span></label>'
    )


def _summary(counts: Counts, lang: str) -> str:
    """The table by category and severity that ends every rasoat report."""
    if not counts.by_category:
        return ""
    head = "".join(
        f'<th class="sev-{s.value}">{escape(severity_label(s, lang))}</th>' for s in SEVERITIES
    )
    rows = "".join(
        f"<tr><th>{escape(category_label(c, lang))}</th>"
        + "".join(f"<td>{n}</td>" for _, n in per)
        + f"<td>{sum(n for _, n in per)}</td></tr>"
        for c, per in counts.by_category
    )
    foot = "".join(f"<td>{counts.severity(s)}</td>" for s in SEVERITIES)
    return (
        f'<section class="summary"><h2>{escape(label("summary", lang))}</h2><table>'
        f"<thead><tr><th>{escape(label('category', lang))}</th>{head}"
        f"<th>{escape(label('total', lang))}</th></tr></thead><tbody>{rows}</tbody>"
        f"<tfoot><tr><th>{escape(label('total', lang))}</th>{foot}"
        f"<td>{counts.findings}</td></tr></tfoot></table></section>\n"
    )


# -- one file -------------------------------------------------------------------------------
def _file(
    index: int, result: FileResult, lang: str, source: Source | None, facts: Facts | None
) -> str:
    parts = [f'<section class="file" id="file-{index}">', f"<h2>{escape(result.path)}</h2>"]
    if result.error is not None:
        parts.append(
            f'<p class="error"><strong>{escape(label("unreadable", lang))}:</strong> '
            f"{escape(result.error)}</p>"
        )
    sections = sections_of(result.findings, source)
    numbered = _number(sections)
    if result.findings or source is not None:
        document = (
            _document(index, source, numbered, lang)
            if source is not None
            else f'<p class="note">{escape(label("no_text", lang))}</p>'
        )
        parts.append(
            '<div class="pane">'
            f'<article class="doc"><h3>{escape(label("document", lang))}</h3>{document}</article>'
            f'<aside class="list"><h3>{escape(label("findings", lang))} '
            f'<span class="n">({len(numbered)})</span></h3>'
            f"{_findings(index, sections, numbered, source, lang)}</aside></div>"
        )
    if source is not None and facts is not None:
        parts.append(_citations(index, source, facts, lang))
        parts.append(_facts(index, source, facts, lang))
    parts.append("</section>\n")
    return "".join(parts)


def _number(sections: Sequence[Section]) -> dict[int, tuple[int, Located]]:
    """id(Located) -> (its number on the page, the finding), in the order of the list."""
    numbers: dict[int, tuple[int, Located]] = {}
    for section in sections:
        for place in section.places:
            for loc in place.findings:
                numbers[id(loc)] = (len(numbers) + 1, loc)
    return numbers


def _findings(
    index: int,
    sections: Sequence[Section],
    numbers: Mapping[int, tuple[int, Located]],
    source: Source | None,
    lang: str,
) -> str:
    if not numbers:
        return f'<p class="clean">{escape(label("no_findings", lang))}</p>'
    heading_lines = _heading_lines(source)
    out: list[str] = []
    for section in sections:
        title = escape(section_label(section.chain, lang))
        if section.chain and source is not None:
            line = heading_lines.get(section.chain[-1].offset)
            if line is not None:
                title = f'<a href="#d{index}-L{line}">{title}</a>'
        if section.chain is not None and section.chain:
            parents = " › ".join(escape(h.number) for h in section.chain[:-1])
            if parents:
                title = f'<span class="parents">{parents} ›</span> {title}'
        out.append(f'<div class="group"><h4>{title}</h4>')
        for place in section.places:
            out.append(f'<h5>{escape(where_label(place.where, lang))}</h5><ol class="findings">')
            out.extend(
                _finding(index, numbers[id(loc)][0], loc, source is None, lang)
                for loc in place.findings
            )
            out.append("</ol>")
        out.append("</div>")
    return "".join(out)


def _finding(index: int, number: int, loc: Located, with_context: bool, lang: str) -> str:
    f = loc.finding
    sev = f.severity.value
    key = f"{index}-{number}"
    place = f"{loc.line}:{loc.column}"
    target = f"#m{key}" if not with_context else f"#f{key}"
    opening = (
        f'<li class="finding sev-{sev}" id="f{key}" data-sev="{sev}" '
        f'data-cat="{escape(f.category)}" data-key="{key}">'
    )
    head = (
        f'<div class="head"><a class="badge sev-{sev}" href="{target}">{number}</a> '
        f'<span class="code">{escape(f.code)}</span> '
        f'<span class="sev">{escape(severity_label(f.severity, lang))}</span> '
        f'<span class="cat">{escape(category_label(f.category, lang))}</span> '
        f'<a class="loc" href="#d{index}-L{loc.line}">{escape(place)}</a></div>'
    )
    parts = [opening, head, f'<p class="msg">{escape(f.message.get(lang))}</p>']
    if f.stated is not None or f.expected is not None:
        stated = escape(shown_value(f.stated)) if f.stated is not None else "–"
        expected = escape(shown_value(f.expected)) if f.expected is not None else "–"
        parts.append(
            f'<p class="values"><span class="lbl">{escape(label("stated", lang))}:</span> '
            f'<span class="stated">{stated}</span> → '
            f'<span class="lbl">{escape(label("expected", lang))}:</span> '
            f'<span class="expected">{expected}</span></p>'
        )
    if f.evidence is not None:
        parts.append(
            f'<p class="evidence"><span class="lbl">{escape(label("evidence", lang))}:</span> '
            f"{escape(f.evidence.get(lang))}</p>"
        )
    if loc.related:
        links = ", ".join(
            f'<a href="#d{index}-L{r[0]}">{escape(related_label(r, lang))}</a>' for r in loc.related
        )
        parts.append(
            f'<p class="related"><span class="lbl">{escape(label("related", lang))}:</span> '
            f"{links}</p>"
        )
    if with_context and loc.source_line and loc.line == loc.end_line:
        parts.append(f'<p class="context">{_context(loc)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _context(loc: Located) -> str:
    """The finding's source line with its span marked (for a file without its text)."""
    line = loc.source_line
    start = max(0, min(loc.column - 1, len(line)))
    end = max(start, min(loc.end_column - 1, len(line)))
    return (
        f'{_show(line[:start])}<mark class="hl sev-{loc.severity.value}">'
        f"{_show(line[start:end])}</mark>{_show(line[end:])}"
    )


# -- the draft with its marks -------------------------------------------------------------------
# A stretch of one line covered by a finding: start, end (characters of the original line),
# the finding's number, the finding, and whether the finding starts on this line.
_Mark = tuple[int, int, int, Located, bool]


def _document(
    index: int, source: Source, numbers: Mapping[int, tuple[int, Located]], lang: str
) -> str:
    lines = [line.rstrip("\r") for line in source.original.split("\n")]
    marks = _marks_by_line(numbers.values(), lines)
    segment_of_line = _segments_by_line(source, len(lines))
    heads = {source.position(h.offset).line: h for h in find_headings(source)}
    out: list[str] = []
    current: str | None = None
    for n, text in enumerate(lines, start=1):
        where = segment_of_line.get(n, current or "body")
        if where != current:
            if current is not None:
                out.append("</div>")
            kind = where.partition(" ")[0]
            title = (
                ""
                if kind == "body"
                else f'<div class="seg-title">{escape(where_label(where, lang))}</div>'
            )
            out.append(f'<div class="seg seg-{escape(kind)}">{title}')
            current = where
        css = _line_class(heads.get(n), text)
        body = _line(index, text, marks.get(n, []), lang)
        out.append(
            f'<p class="{css}" id="d{index}-L{n}"><span class="no">{n}</span>'
            f'<span class="tx">{body}</span></p>'
        )
    if current is not None:
        out.append("</div>")
    return "".join(out)


def _line_class(heading: Heading | None, text: str) -> str:
    """A heading line is bold; one that runs on into its first sentence only shows its
    number in the margin as a heading's."""
    if heading is None:
        return "ln"
    whole = len(text.strip()) <= len(heading.text) + 2 or heading.title.endswith("…")
    return "ln heading" if whole else "ln heading runon"


def _marks_by_line(
    numbered: Iterable[tuple[int, Located]], lines: Sequence[str]
) -> dict[int, list[_Mark]]:
    """Each finding cut into one stretch per line it covers."""
    marks: dict[int, list[_Mark]] = {}
    for number, loc in numbered:
        first = max(1, min(loc.line, len(lines)))
        last = max(first, min(loc.end_line, len(lines)))
        for n in range(first, last + 1):
            length = len(lines[n - 1])
            start = loc.column - 1 if n == loc.line else 0
            end = loc.end_column - 1 if n == loc.end_line else length
            start = max(0, min(start, length))
            end = max(start, min(end, length))
            marks.setdefault(n, []).append((start, end, number, loc, n == first))
    return marks


def _line(index: int, text: str, marks: Sequence[_Mark], lang: str) -> str:
    """One line of the draft: the stretches covered by findings in <mark>, with the
    findings' numbers as badges where they start. Overlapping findings share the stretch
    they both cover; its colour is the most severe one's."""
    if not marks:
        return _show(text)
    cuts = sorted({0, len(text)} | {m[0] for m in marks} | {m[1] for m in marks})
    out: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], len(text)]):
        out.extend(_badge(index, m[2], m[3]) for m in marks if m[0] == a and m[4])
        if b <= a:
            continue
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        piece = _show(text[a:b])
        if not covering:
            out.append(piece)
            continue
        worst = max((m[3].severity for m in covering), key=lambda s: s.rank)
        keys = " ".join(str(m[2]) for m in covering)
        tip = "\n".join(f"{m[2]}. {m[3].code} {m[3].finding.message.get(lang)}" for m in covering)
        out.append(
            f'<mark class="hl sev-{worst.value}" data-file="{index}" data-f="{keys}" '
            f'title="{escape(tip)}">{piece}</mark>'
        )
    return "".join(out)


def _badge(index: int, number: int, loc: Located) -> str:
    key = f"{index}-{number}"
    return (
        f'<a class="badge sev-{loc.severity.value}" id="m{key}" href="#f{key}" '
        f'data-file="{index}" data-f="{number}">{number}</a>'
    )


def _show(text: str) -> str:
    """Text as shown: NFC (decomposed marks render badly in some fonts), escaped, and
    Word's manual line break as a line break."""
    return escape(unicodedata.normalize("NFC", text)).replace("\v", "<br>")


def _segments_by_line(source: Source, line_count: int) -> dict[int, str]:
    """Line -> the part of the document it belongs to ("body", "table 1", "footnote 2")."""
    out: dict[int, str] = {}
    for seg in source.segments:
        if seg.end <= seg.start:
            continue
        first = source.position(seg.start).line
        last = source.end_position(seg.end).line
        for n in range(first, min(last, line_count) + 1):
            out.setdefault(n, seg.where)
    return out


def _heading_lines(source: Source | None) -> dict[int, int]:
    """Heading offset -> its line."""
    if source is None:
        return {}
    return {h.offset: source.position(h.offset).line for h in find_headings(source)}


# -- facts and citations ----------------------------------------------------------------------
def _facts(index: int, source: Source, facts: Facts, lang: str) -> str:
    """Every fact rasoat understood, with its relations linked to the facts they name."""
    rows: list[str] = []
    for fact in facts:
        row = fact_dict(source, fact)
        where = "" if row["where"] == "body" else f" ({where_label(row['where'], lang)})"
        value = "" if row["value"] is None else str(row["value"])
        rows.append(
            f'<tr id="x{index}-{fact.id}"><td class="num">{fact.id}</td>'
            f'<td><a href="#d{index}-L{row["line"]}">{row["line"]}:{row["column"]}</a>'
            f"{escape(where)}</td><td>{escape(row['kind'])}</td><td>{escape(row['text'])}</td>"
            f"<td>{escape(value)}</td><td>{escape(row['unit'] or '')}</td>"
            f"<td>{escape(row['label'] or '')}</td><td>{_fact_details(index, fact, row)}</td></tr>"
        )
    keys = ("line", "kind", "text", "value", "unit", "label", "details")
    head = "<th>#</th>" + "".join(f"<th>{escape(label(k, lang))}</th>" for k in keys)
    return (
        f'<details class="facts" id="facts-{index}"><summary>{escape(label("facts", lang).capitalize())} '
        f'<span class="n">({len(facts)})</span></summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></details>"
    )


# Fields shown in their own column, not again among the details.
_COLUMNS = frozenset(
    {"kind", "id", "line", "column", "end_line", "end_column", "where", "text", "value",
     "unit", "label", "sentence"}
)  # fmt: skip


def _fact_details(index: int, fact: Fact, row: Mapping[str, Any]) -> str:
    """Relations as links ("of→#3"), then the other fields that say something."""
    relation_keys = {
        RENAMED.get(f.name, f.name) for f in dataclasses.fields(fact) if is_relation(f)
    }
    relations: list[str] = []
    others: list[str] = []
    for key, value in row.items():
        if key in _COLUMNS or value is None or value == "" or value == [] or value is False:
            continue
        if key in relation_keys:
            ids = value if isinstance(value, list) else [value]
            links = ",".join(f'<a href="#x{index}-{v}">#{v}</a>' for v in ids if isinstance(v, int))
            relations.append(f"{escape(key)}→{links}")
        elif not (key == "decimals" and value == 0):
            others.append(f"{escape(key)}={escape(str(value))}")
    return " ".join(relations + others)


def citation_index_functions() -> tuple[Callable[..., Any] | None, Callable[..., Any] | None]:
    """``citation_index(facts)`` and ``index_json(source, documents)`` from the citation
    rules, when that module exists (either may be None)."""
    module_name, index_name, json_name = CITATION_INDEX
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None, None
    index, to_json = getattr(module, index_name, None), getattr(module, json_name, None)
    return (index if callable(index) else None), (to_json if callable(to_json) else None)


def _citations(index: int, source: Source, facts: Facts, lang: str) -> str:
    """The citation index: every cited document with its dates and its mentions, each a
    link to its line. A document cited with more than one date is flagged. Without
    ``index_json``, the entries ``citation_index`` gives are shown generically."""
    build, to_json = citation_index_functions()
    if build is None:
        return ""
    try:
        documents = build(facts)
        rows = to_json(source, documents) if to_json is not None else None
    except Exception:  # noqa: BLE001 - a broken index must not cost the reviewer the page
        return ""
    table = (
        _citation_table(index, rows, lang)
        if isinstance(rows, list)
        else _generic_table(index, source, documents)
    )
    if not table:
        return ""
    count = len(rows) if isinstance(rows, list) else len(_index_rows(documents))
    return (
        f'<details class="citations" id="citations-{index}"><summary>{escape(label("citations", lang))} '
        f'<span class="n">({count})</span></summary>{table}</details>'
    )


def _citation_table(index: int, rows: list[dict[str, Any]], lang: str) -> str:
    """One row per document (index_json's shape): label, dates, mentions."""
    if not rows:
        return ""
    body: list[str] = []
    for n, row in enumerate(rows, start=1):
        dates = [str(d) for d in row.get("dates") or []]
        css = ' class="differs"' if len(dates) > 1 else ""
        mentions = "<br>".join(_mention(index, m, lang) for m in row.get("mentions") or [])
        body.append(
            f'<tr{css}><td class="num">{n}</td><td>{escape(str(row.get("label") or ""))}</td>'
            f"<td>{'<br>'.join(escape(d) for d in dates)}</td><td>{mentions}</td></tr>"
        )
    head = "".join(
        f"<th>{escape(h)}</th>"
        for h in ("#", label("cited", lang), label("dates", lang), label("mentions", lang))
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _mention(index: int, m: Mapping[str, Any], lang: str) -> str:
    line = m.get("line")
    where = str(m.get("where") or "body")
    place = "" if where == "body" else f" ({escape(where_label(where, lang))})"
    link = f'<a href="#d{index}-L{line}">{line}</a>{place}' if line else ""
    parts = [escape(str(m.get("text") or ""))]
    if m.get("date_text"):
        parts.append(escape(str(m["date_text"])))
    if m.get("title"):
        parts.append(f"“{escape(str(m['title']))}”")
    return f"{link} " + " · ".join(parts)


def _generic_table(index: int, source: Source, entries: Any) -> str:
    rows = _index_rows(entries)
    if not rows:
        return ""
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(index, source, row.get(c))}</td>" for c in columns) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _index_rows(entries: Any) -> list[dict[str, Any]]:
    if isinstance(entries, Mapping):
        return [{"": key, "mentions": value} for key, value in entries.items()]
    rows: list[dict[str, Any]] = []
    for entry in entries or ():
        if dataclasses.is_dataclass(entry) and not isinstance(entry, type):
            rows.append({f.name: getattr(entry, f.name) for f in dataclasses.fields(entry)})
        elif isinstance(entry, Mapping):
            rows.append(dict(entry))
        else:
            rows.append({"": entry})
    return rows


def _cell(index: int, source: Source, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Fact):
        line = source.position(value.span.start).line
        return f'<a href="#d{index}-L{line}">{escape(value.text)}</a> <span class="n">{line}</span>'
    if isinstance(value, (list, tuple)):
        return "<br>".join(_cell(index, source, v) for v in value)
    return escape(str(value))


# -- style and script -----------------------------------------------------------------------
STYLE = """
:root{--err:#b71c1c;--err-bg:#ffcdd2;--warn:#8a5a00;--warn-bg:#ffe9a8;--info:#0d47a1;
--info-bg:#d3e7ff;--line:#ddd;--muted:#666}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 "Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif;color:#222;
background:#fafafa}
header{background:#fff;border-bottom:1px solid var(--line);padding:.5rem 1rem}
h1{font-size:1.25rem;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:1rem 0 .5rem;word-break:break-all}
h3{font-size:1rem;margin:0 0 .5rem}
h4{font-size:.95rem;margin:.75rem 0 .25rem;color:#6a1b9a}
h4 a{color:inherit}
h5{font-size:.85rem;margin:.25rem 0;color:var(--muted);font-weight:600}
main{padding:0 1rem 2rem}
footer{color:var(--muted);font-size:.8rem;padding:1rem}
.tallies{margin:.25rem 0}
.clean{color:#1b5e20}
#filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;font-size:.9rem}
#filters fieldset{border:1px solid var(--line);border-radius:4px;padding:.1rem .5rem;margin:0}
#filters legend{font-size:.75rem;color:var(--muted)}
#filters label{margin-right:.6rem;white-space:nowrap}
.buttons button{font:inherit;font-size:.8rem;margin-right:.3rem}
.n{color:var(--muted);font-size:.85em}
.pane{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}
@media (max-width:900px){.pane{grid-template-columns:1fr}}
.doc,.list{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.75rem;
max-height:92vh;overflow:auto}
.ln{margin:0 0 .35rem;white-space:pre-wrap;overflow-wrap:break-word;padding-left:3.2rem;
text-indent:-3.2rem}
.ln .no{display:inline-block;width:2.8rem;margin-right:.4rem;text-indent:0;text-align:right;
color:#aaa;font-size:.75rem;user-select:none}
.ln.heading{font-weight:700;margin-top:.6rem}
.ln.heading.runon{font-weight:400}
.ln.heading .no{color:#6a1b9a;font-weight:700}
.ln:target,.ln.flash{background:#fff8e1}
.seg{margin:.25rem 0}
.seg-table,.seg-footnote,.seg-endnote{border-left:3px solid var(--line);padding-left:.5rem;
font-size:.92em}
.seg-title{font-size:.8rem;font-weight:700;color:var(--muted);text-transform:uppercase;
margin:.5rem 0 .2rem}
mark.hl{padding:0 1px;border-radius:2px;border-bottom:2px solid}
mark.sev-error{background:var(--err-bg);border-color:var(--err)}
mark.sev-warning{background:var(--warn-bg);border-color:var(--warn)}
mark.sev-info{background:var(--info-bg);border-color:var(--info)}
mark.off{background:none;border-color:transparent}
a.badge{display:inline-block;min-width:1.3em;padding:0 .25em;margin:0 1px;border-radius:.65em;
font-size:.7rem;font-weight:700;line-height:1.3em;text-align:center;text-indent:0;
color:#fff;text-decoration:none;vertical-align:super}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}
.badge.sev-info{background:var(--info)}
a.badge.off{display:none}
a.badge.flash{outline:3px solid #ffb300}
.sev-error .sev,span.sev-error,th.sev-error,label.sev-error{color:var(--err)}
.sev-warning .sev,span.sev-warning,th.sev-warning,label.sev-warning{color:var(--warn)}
.sev-info .sev,span.sev-info,th.sev-info,label.sev-info{color:var(--info)}
ol.findings{list-style:none;margin:0;padding:0}
li.finding{border:1px solid var(--line);border-left:4px solid;border-radius:4px;
padding:.35rem .5rem;margin:0 0 .4rem}
li.finding.sev-error{border-left-color:var(--err)}
li.finding.sev-warning{border-left-color:var(--warn)}
li.finding.sev-info{border-left-color:var(--info)}
li.finding:target,li.finding.flash{background:#fffde7}
li.finding .head{font-size:.85rem}
li.finding .head a.badge{vertical-align:baseline;font-size:.8rem}
.code{font-weight:700;font-family:"DejaVu Sans Mono",Consolas,monospace}
.sev{font-weight:600}.cat{color:var(--muted)}
a.loc{float:right;color:var(--muted);font-size:.8rem}
.msg{margin:.2rem 0}
.values,.evidence,.related,.context{margin:.15rem 0;font-size:.9rem}
.lbl{color:var(--muted)}
.stated{font-weight:700;color:var(--err)}
.expected{font-weight:700;color:#1b5e20}
.parents{color:var(--muted);font-weight:400}
.error{color:var(--err)}
.note{color:var(--muted);font-style:italic}
details{margin:1rem 0;background:#fff;border:1px solid var(--line);border-radius:6px;
padding:.5rem .75rem}
summary{font-weight:700;cursor:pointer}
table{border-collapse:collapse;font-size:.85rem;margin-top:.5rem}
th,td{border-bottom:1px solid var(--line);padding:.15rem .5rem;text-align:left;
vertical-align:top}
.summary td{text-align:right}
td.num{text-align:right;color:var(--muted)}
tr.differs td{background:#fff3e0}
.citations td:nth-child(3){white-space:nowrap}
[hidden]{display:none!important}
@media print{.doc,.list{max-height:none;overflow:visible}
#filters{display:none}}
"""

# The filters: hide the findings of unchecked severities and categories, and unmark the text
# they cover; a click on a link scrolls its target into view inside its pane. Plain ES5.
SCRIPT = """
(function(){
var boxes=[].slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
var out=document.getElementById('shown');
function each(sel,f){[].forEach.call(document.querySelectorAll(sel),f);}
function apply(){
  var on={sev:{},cat:{}};
  boxes.forEach(function(b){if(b.checked){on[b.getAttribute('data-kind')][b.value]=1;}});
  var visible={},shown=0,total=0;
  each('li.finding',function(li){
    total++;
    var ok=on.sev[li.getAttribute('data-sev')]&&on.cat[li.getAttribute('data-cat')];
    li.hidden=!ok;
    if(ok){shown++;visible[li.getAttribute('data-key')]=1;}
  });
  each('[data-f]',function(el){
    var file=el.getAttribute('data-file');
    var any=el.getAttribute('data-f').split(' ').some(function(k){return visible[file+'-'+k];});
    el.classList.toggle('off',!any);
  });
  each('.list h5',function(h){
    var ol=h.nextElementSibling;
    var empty=!(ol&&ol.querySelector('li.finding:not([hidden])'));
    h.hidden=empty;if(ol){ol.hidden=empty;}
  });
  each('.list .group',function(g){g.hidden=!g.querySelector('li.finding:not([hidden])');});
  if(out){out.textContent=shown+'/'+total+' '+out.getAttribute('data-word');}
}
boxes.forEach(function(b){b.addEventListener('change',apply);});
each('#filters button',function(btn){
  btn.addEventListener('click',function(){
    var all=btn.getAttribute('data-all')==='1';
    boxes.forEach(function(b){b.checked=all;});
    apply();
  });
});
document.addEventListener('click',function(e){
  var a=e.target.closest&&e.target.closest('a[href^="#"]');
  if(!a){return;}
  var t=document.getElementById(a.getAttribute('href').slice(1));
  if(!t){return;}
  e.preventDefault();
  t.scrollIntoView({block:'center'});
  t.classList.add('flash');
  setTimeout(function(){t.classList.remove('flash');},1500);
});
apply();
document.documentElement.setAttribute('data-ready','1');
})();
"""
