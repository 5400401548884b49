"""Tables: each figure of a table as a fact with its row label, column label, unit and table.

Reports carry as many figures in tables as in sentences. This module finds the tables of a
document, reads their grid (rows and columns, merged cells included), tells the header rows
from the body, gives each column a role from its header words and each row a role from its
label (the words are data: rules/tables/headers.toml), and turns every numeric cell into a
``Cell`` fact. The table rules (rules/tables/, N6xx) read those facts; they never see the
grid.

Where tables come from:

- a .docx: each table of the body is a TABLE segment of the Source, one line per paragraph
  of each cell, in reading order. The row and column of each cell are taken from
  ``Source.cells`` when the loader provides it; until then the .docx file is read again
  (``_docx_layout``) and its cells are aligned with the segment's lines, line by line;
- Markdown pipe tables (a header row, a delimiter row "| --- | ---: |", the rows), in .md
  and .txt alike;
- tab-separated tables in .txt/.md (Word's plain-text export of a table): two or more
  consecutive lines with tabs.

A table is read only when it holds figures: a layout table (a document's header, its
signature block) is left to the sentence parser. The header cells, row labels and figures
of a table that is read are kept out of sentence parsing (``TableRead.consumed``); a cell
of prose inside it is not.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import checker.rules as _rules
from checker import units
from checker.facts import Cell, Fact, Number, Span
from checker.numbers import to_number
from checker.source import Segment, SegmentKind, Source

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# ---------------------------------------------------------------------------------------
# The fact
# ---------------------------------------------------------------------------------------

ROLES = (
    "count", "total", "plan", "actual", "share", "achievement", "comparison", "change",
    "change_pct", "average",
)  # fmt: skip
ADDITIVE = frozenset({"count", "total", "plan", "actual", "change"})
PERCENT_ROLES = frozenset({"share", "achievement", "comparison", "change_pct"})


# ---------------------------------------------------------------------------------------
# Header words (rules/tables/headers.toml)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """The phrases of rules/tables/headers.toml, folded."""

    order: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    percent: tuple[str, ...]
    points: tuple[str, ...]
    column_share: tuple[str, ...]
    earlier: tuple[str, ...]
    later: tuple[str, ...]
    partition: tuple[str, ...]
    subset: tuple[str, ...]
    total_rows: tuple[str, ...]
    not_total: tuple[str, ...]
    subset_rows: tuple[str, ...]
    bullets: tuple[str, ...]
    unit_lines: tuple[str, ...]
    captions: tuple[str, ...]


DATA = Path(_rules.__file__).resolve().parent / "tables" / "headers.toml"


@lru_cache(maxsize=1)
def words() -> Words:
    with open(DATA, "rb") as fh:
        raw = tomllib.load(fh)
    cols = raw["columns"]
    rows = raw["rows"]
    lines = raw["lines"]

    def t(values: Iterable[str]) -> tuple[str, ...]:
        # longest first, so "tổng số" is tried before "tổng"
        return tuple(sorted({fold(v) for v in values}, key=lambda v: (-len(v), v)))

    order = tuple(cols["order"])
    return Words(
        order=order,
        columns={role: t(cols[role]) for role in order},
        percent=t(cols["percent"]),
        points=t(cols["points"]),
        column_share=t(cols["column_share"]),
        earlier=t(cols["earlier"]),
        later=t(cols["later"]),
        partition=t(cols["partition"]),
        subset=t(cols["subset"]),
        total_rows=t(rows["total"]),
        not_total=t(rows["not_total"]),
        subset_rows=t(rows["subset"]),
        bullets=tuple(rows["bullets"]),
        unit_lines=t(lines["unit"]),
        captions=t(lines["caption"]),
    )


def fold(text: str) -> str:
    """Text for matching header words: NFC, lower case, Markdown emphasis and spaces
    collapsed, "tỉ"/"tỷ" alike."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("\u00a0", " ").replace("\v", " ").replace("\n", " ")
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def has_phrase(text: str, phrases: Iterable[str]) -> str | None:
    """The first phrase that occurs in the folded ``text`` on word boundaries."""
    for phrase in phrases:
        if _phrase_re(phrase).search(text):
            return phrase
    return None


def starts_with(text: str, phrases: Iterable[str]) -> str | None:
    """The first phrase that the folded ``text`` starts with (as whole words)."""
    for phrase in phrases:
        if text.startswith(phrase) and (len(text) == len(phrase) or not _wordy(text[len(phrase)])):
            return phrase
    return None


@lru_cache(maxsize=1024)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    left = r"(?<!\w)" if _wordy(phrase[0]) else ""
    right = r"(?!\w)" if _wordy(phrase[-1]) else ""
    return re.compile(left + re.escape(phrase) + right)


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# ---------------------------------------------------------------------------------------
# Numbers in cells
# ---------------------------------------------------------------------------------------

_NUM = re.compile(
    r"^(?P<sign>[+\-−–]?)\s?(?P<digits>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s?%?$"
)
_EMPTY = frozenset({"", "-", "–", "—", "x", "X", "/", "…", "..."})


_MARKUP = re.compile(r"[*_\\&\u00a0\v]")


def clean(text: str) -> str:
    """A cell's text without Markdown emphasis, escapes and edge spaces."""
    if not _MARKUP.search(text):
        return " ".join(text.split())
    text = text.replace("\u00a0", " ").replace("\v", " ").replace("\\|", "|")
    text = re.sub(r"(\*\*|__)(.*?)\1", r"\2", text)
    text = re.sub(r"(?<!\w)[*_](\S(?:.*?\S)?)[*_](?!\w)", r"\1", text)
    text = text.replace("&nbsp;", " ")
    return " ".join(text.split())


def cell_number(text: str) -> Number | None:
    """The figure a cell holds: "1.284", "14,49", "+12", "-3", "5,2%", "**632**"; None for
    anything else (words, a dash, a figure with words around it)."""
    body = clean(text)
    m = _NUM.match(body)
    if m is None:
        return None
    number = to_number(m.group("digits"))
    negative = m.group("sign") in ("-", "−", "–")
    value = -number.value if negative else number.value
    return replace(number, value=value, text=body)


def _is_empty(text: str) -> bool:
    return clean(text) in _EMPTY


def _year_like(number: Number) -> bool:
    v = number.value
    return (
        number.decimals == 0
        and not number.grouped
        and v == v.to_integral_value()
        and 1900 <= v <= 2100
        and number.text.strip().isdigit()
    )


_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


def years_in(text: str) -> tuple[int, ...]:
    """The years a header names, in order, without repeats."""
    out: list[int] = []
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if y not in out:
            out.append(y)
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Grids: the raw cells of a table with their row and column
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    """A cell as stored: its first row and grid column, how many columns it spans, whether
    it continues a vertical merge from the row above, and where its text stands (NFC)."""

    row: int
    column: int
    span: int
    merged: bool
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Grid:
    """A table's cells before any interpretation."""

    number: int
    kind: str  # "docx", "pipe" or "tsv"
    start: int
    end: int
    cells: tuple[GridCell, ...]
    header_rows: int | None = None  # a pipe table says where its header ends


def grids(source: Source) -> list[Grid]:
    """Every table of the document, in text order: from the cells the loader recorded
    (``Source.cells``) when it did, else found here."""
    given = _given_cells(source)
    if given is not None:
        found = given
    else:
        found = _docx_grids(source) if source.kind == "docx" else _text_grids(source)
    return sorted(found, key=lambda g: g.start)


# -- .docx --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Slot:
    """A .docx cell as the file stores it: row, grid column, span, vertical merge, and the
    text of each of its paragraphs (as the loader reads them, one line each)."""

    row: int
    column: int
    span: int
    merged: bool
    paragraphs: tuple[str, ...]


def _docx_grids(source: Source) -> list[Grid]:
    segments = {s.number: s for s in source.segments if s.kind is SegmentKind.TABLE}
    if not segments:
        return []
    layout = _docx_layout(source.path)
    out: list[Grid] = []
    for number, slots in (layout or {}).items():
        seg = segments.get(number)
        if seg is not None:
            grid = _align(source, seg, slots)
            if grid is not None:
                out.append(grid)
    return out


def _given_cells(source: Source) -> list[Grid] | None:
    """The grids from ``Source.cells`` (table, row, column, span, merged, start, end in NFC
    offsets), once the loader records them; None while it does not. A table spans its
    TABLE segment (for a text table: its lines whole, pipes and all)."""
    cells = getattr(source, "cells", None)
    if not cells:
        return None
    segments = {s.number: s for s in source.segments if s.kind is SegmentKind.TABLE}
    kind = "docx" if source.kind == "docx" else "text"
    by_table: dict[int, list[GridCell]] = {}
    for c in cells:
        by_table.setdefault(c.table, []).append(
            GridCell(c.row, c.column, c.span, c.merged, c.start, c.end, source.text[c.start : c.end])
        )
    out = []
    for number, items in by_table.items():
        seg = segments.get(number)
        start = seg.start if seg is not None else min(c.start for c in items)
        end = seg.end if seg is not None else max(c.end for c in items)
        out.append(Grid(number, kind, start, end, tuple(items)))
    return out


def _align(source: Source, seg: Segment, slots: Sequence[_Slot]) -> Grid | None:
    """Place each cell's paragraphs on the lines of the table's segment; None when they do
    not match line for line (the file changed since it was loaded)."""
    text = source.text
    pos = seg.start
    cells: list[GridCell] = []
    for slot in slots:
        start = pos
        end = pos
        for paragraph in slot.paragraphs:
            stop = text.find("\n", pos, seg.end)
            stop = seg.end if stop < 0 else stop
            if text[pos:stop] != unicodedata.normalize("NFC", paragraph):
                return None
            end = stop
            pos = stop + 1
        cells.append(
            GridCell(slot.row, slot.column, slot.span, slot.merged, start, end, text[start:end])
        )
    if not cells:
        return None
    return Grid(seg.number or 0, "docx", seg.start, max(seg.start, min(pos, seg.end)), tuple(cells))


def _docx_layout(path: str) -> dict[int, list[_Slot]] | None:
    """Bridge until the loader records each cell's row and column (see the module
    docstring): the top-level tables of the .docx at ``path``, numbered as the loader
    numbers its TABLE segments, read through the loader's own safe reading and walking."""
    from checker import loading  # the loader's private helpers: same reading, same order

    try:
        with open(path, "rb") as fh:
            data = fh.read(loading.DEFAULT_LIMITS.max_input + 1)
    except OSError:
        return None
    if len(data) > loading.DEFAULT_LIMITS.max_input:
        return None
    try:
        parts = loading._read_package(data, path, loading.DEFAULT_LIMITS)
        document = loading._open_document(parts, path)
        return _layout_of_body(document.element.body)
    except (loading.InputError, RecursionError):
        return None


def _layout_of_body(body: Any) -> dict[int, list[_Slot]]:
    from checker import loading

    w = loading.W
    out: dict[int, list[_Slot]] = {}
    number = 0
    for child in loading._children(body):
        if child.tag != w + "tbl":
            continue
        number += 1
        slots: list[_Slot] = []
        rows = [r for r in loading._children(child) if r.tag == w + "tr"]
        for r, row in enumerate(rows):
            column = _int_prop(row, w, "trPr", "gridBefore") or 0
            for tc in loading._cells(row):
                span = max(1, _int_prop(tc, w, "tcPr", "gridSpan") or 1)
                merged = _continues_vmerge(tc, w)
                paragraphs = tuple(
                    p.text for p in loading._block_paragraphs_of_container(tc)
                )
                slots.append(_Slot(r, column, span, merged, paragraphs))
                column += span
        out[number] = slots
    return out


def _int_prop(element: Any, w: str, props: str, name: str) -> int | None:
    for child in element:
        if getattr(child, "tag", None) == w + props:
            for item in child:
                if getattr(item, "tag", None) == w + name:
                    try:
                        return int(item.get(w + "val") or "")
                    except ValueError:
                        return None
    return None


def _continues_vmerge(tc: Any, w: str) -> bool:
    for child in tc:
        if getattr(child, "tag", None) == w + "tcPr":
            for item in child:
                if getattr(item, "tag", None) == w + "vMerge":
                    return item.get(w + "val") in (None, "continue")
    return False


# -- text: Markdown pipe tables and tab-separated tables -----------------------------------

_DELIM_CELL = re.compile(r"^\s*:?-+:?\s*$")


def _text_grids(source: Source) -> list[Grid]:
    text = source.text
    lines = _body_lines(source)
    out: list[Grid] = []
    used: set[int] = set()
    for i in range(1, len(lines)):
        if i in used or (i - 1) in used:
            continue
        grid = _pipe_table(text, lines, i)
        if grid is not None:
            rows, last = grid
            used.update(range(i - 1, last + 1))
            out.append(_grid_of(rows, "pipe", 1, lines[i - 1][0], lines[last][1]))
    i = 0
    while i < len(lines):
        if i in used or "\t" not in lines[i][2]:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and j + 1 not in used and "\t" in lines[j + 1][2] and lines[j + 1][0] == lines[j][1] + 1:
            j += 1
        if j > i:
            rows = [_split(lines[k][0], lines[k][2], "\t") for k in range(i, j + 1)]
            out.append(_grid_of(rows, "tsv", None, lines[i][0], lines[j][1]))
        i = j + 1
    return [replace(g, number=n) for n, g in enumerate(sorted(out, key=lambda g: g.start), 1)]


def _body_lines(source: Source) -> list[tuple[int, int, str]]:
    """(start, end, text) of each line of the body segments, in order."""
    out: list[tuple[int, int, str]] = []
    text = source.text
    for seg in source.segments:
        if seg.kind is not SegmentKind.BODY:
            continue
        pos = seg.start
        while pos < seg.end:
            stop = text.find("\n", pos, seg.end)
            stop = seg.end if stop < 0 else stop
            end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
            out.append((pos, end, text[pos:end]))
            pos = stop + 1
    return out


def _pipe_table(
    text: str, lines: list[tuple[int, int, str]], i: int
) -> tuple[list[list[tuple[int, int, str]]], int] | None:
    """The rows of a pipe table whose delimiter row is line ``i``, and its last line."""
    start, _, delim = lines[i]
    head_start, _, head = lines[i - 1]
    if "|" not in delim or "-" not in delim or "|" not in head:
        return None
    delim_cells = _split(start, delim, "|", pipes=True)
    if not delim_cells or not all(_DELIM_CELL.match(c[2]) for c in delim_cells):
        return None
    header = _split(head_start, head, "|", pipes=True)
    if len(header) != len(delim_cells):
        return None
    rows = [header]
    last = i
    for k in range(i + 1, len(lines)):
        s, _, line = lines[k]
        if "|" not in line or not line.strip() or s != lines[k - 1][1] + 1:
            break
        rows.append(_split(s, line, "|", pipes=True))
        last = k
    return rows, last


def _split(start: int, line: str, sep: str, pipes: bool = False) -> list[tuple[int, int, str]]:
    """The cells of a line as (start, end, text), trimmed; for pipes, an escaped "\\|" does
    not split, and the outer pipes open and close the row."""
    bounds = [-1]
    for k, ch in enumerate(line):
        if ch == sep and not (pipes and k > 0 and line[k - 1] == "\\"):
            bounds.append(k)
    bounds.append(len(line))
    pieces = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    if pipes:
        if line.strip().startswith("|"):
            pieces = pieces[1:]
        if line.strip().endswith("|") and pieces:
            pieces = pieces[:-1]
    out = []
    for a, b in pieces:
        while a < b and line[a] in " \t\u00a0":
            a += 1
        while b > a and line[b - 1] in " \t\u00a0\r":
            b -= 1
        out.append((start + a, start + b, line[a:b]))
    return out


def _grid_of(
    rows: list[list[tuple[int, int, str]]], kind: str, header_rows: int | None, start: int, end: int
) -> Grid:
    """A grid of text cells; ``start``/``end`` span its lines whole (pipes included)."""
    cells: list[GridCell] = []
    for r, row in enumerate(rows):
        for c, (s, e, t) in enumerate(row):
            cells.append(GridCell(r, c, 1, False, s, e, t))
    return Grid(0, kind, start, end, tuple(cells), header_rows)


# ---------------------------------------------------------------------------------------
# Reading a grid: header, columns, rows, cells
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    index: int
    label: str
    path: tuple[str, ...]
    role: str  # a ROLE, "label", "index" or "text"
    unit: str | None
    year: int | None
    group: str


@dataclass(frozen=True)
class Row:
    index: int  # among the body rows
    grid_row: int
    label: str
    role: str  # "data", "total", "subset", "marker", "section"
    level: int
    parent: int | None
    strong: bool = True


@dataclass(frozen=True)
class TableRead:
    """A table that was read: its number, caption, unit, columns, rows and cells (as facts
    with ids from 0; ``facts`` numbers them), and the spans kept out of sentence parsing."""

    number: int
    kind: str
    start: int
    end: int
    caption: str
    unit: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cells: tuple[Cell, ...]
    consumed: tuple[tuple[int, int], ...] = field(default=())

    def facts(self, first_id: int) -> list[Cell]:
        """The cells as facts with ids from ``first_id`` (the cells of a TableRead are
        numbered from 0 until the extractor places them among the other facts)."""
        if first_id == 0:
            return list(self.cells)
        return [replace(c, id=first_id + k) for k, c in enumerate(self.cells)]


def read_tables(source: Source) -> list[TableRead]:
    """The tables of the document that hold figures, in text order."""
    out: list[TableRead] = []
    for grid in grids(source):
        read = read_grid(grid, source)
        if read is not None:
            out.append(read)
    return out


class _Matrix:
    """The grid as rows × columns: each position holds the cell whose text stands there (a
    merged cell fills every position it covers, a vertical merge takes the text above)."""

    def __init__(self, grid: Grid) -> None:
        self.height = 1 + max(c.row for c in grid.cells)
        self.width = max(c.column + c.span for c in grid.cells)
        self.at: list[list[GridCell | None]] = [[None] * self.width for _ in range(self.height)]
        self.own: list[list[bool]] = [[False] * self.width for _ in range(self.height)]
        for c in sorted(grid.cells, key=lambda c: (c.row, c.column)):
            for k in range(c.column, min(c.column + c.span, self.width)):
                if c.merged and c.row > 0 and self.at[c.row - 1][k] is not None:
                    self.at[c.row][k] = self.at[c.row - 1][k]
                else:
                    self.at[c.row][k] = c
                    self.own[c.row][k] = k == c.column
        self.numbers: dict[int, Number | None] = {}

    def text(self, r: int, c: int) -> str:
        cell = self.at[r][c]
        return "" if cell is None else cell.text

    def number(self, r: int, c: int) -> Number | None:
        """The figure that stands in its own cell at (r, c): not a merged continuation."""
        cell = self.at[r][c]
        if cell is None or not self.own[r][c]:
            return None
        key = id(cell)
        if key not in self.numbers:
            self.numbers[key] = cell_number(cell.text)
        return self.numbers[key]

    def spans_all(self, r: int) -> bool:
        cells = {id(c) for c in self.at[r] if c is not None}
        return len(cells) == 1


def read_grid(grid: Grid, source: Source) -> TableRead | None:
    """Interpret a grid; None when it holds no figures (a layout table)."""
    m = _Matrix(grid)
    w = words()
    caption, unit_text = _lines_before(source, grid.start)
    first = 0
    while (
        m.width > 1
        and first < m.height - 1
        and m.spans_all(first)
        and cell_number(m.text(first, 0)) is None
    ):  # a title row across the table: "Bảng 2. ...", "Đơn vị tính: người"
        title = m.text(first, 0)
        unit_text = unit_text or _unit_in(title)
        caption = caption or _caption(title, w)
        first += 1
    header = _header_end(m, first, grid.header_rows)
    if header is None:
        return None
    body = [r for r in range(header, m.height) if not _numbering_row(m, r)]
    kinds = _column_kinds(m, body)
    if sum(1 for k in kinds if k == "number") == 0:
        return None
    if sum(1 for r in body for c in range(m.width) if kinds[c] == "number" and m.number(r, c)) < 2:
        return None
    table_unit = units.canonical(unit_text) if unit_text else None
    columns = tuple(_column(m, c, first, header, kinds[c], table_unit, w) for c in range(m.width))
    rows = _rows(m, body, columns, w)
    cells = _cells(m, rows, columns, grid.number, caption)
    consumed = _consumed(grid, m, first, header, body, columns)
    return TableRead(
        grid.number, grid.kind, grid.start, grid.end, caption, table_unit, columns,
        tuple(rows), tuple(cells), consumed,
    )  # fmt: skip


def _lines_before(source: Source, start: int) -> tuple[str, str | None]:
    """The caption ("Bảng 2. ...") and the unit ("Đơn vị tính: người") in the three
    non-empty lines before a table."""
    w = words()
    text = source.text
    line_start = text.rfind("\n", 0, start) + 1
    head = text[max(0, line_start - 2000) : line_start]
    caption = ""
    unit: str | None = None
    lines = [line.strip() for line in head.split("\n")]
    for line in [x for x in reversed(lines) if x][:3]:
        unit = unit or _unit_in(line)
        caption = caption or _caption(line, w)
    return caption, unit


def _caption(line: str, w: Words) -> str:
    """The line itself when it names a table ("Bảng 2. ...", "Biểu số 03: ..."), else ""."""
    bare = fold(line).lstrip("#> ").strip()
    if starts_with(bare, w.captions) and re.search(r"\d|\b[ivx]+\b", bare):
        return clean(line.lstrip("#> ").strip())
    return ""


def _unit_in(text: str) -> str | None:
    """The unit named by "Đơn vị tính: người" (or "ĐVT: triệu đồng") in a line."""
    folded = fold(text)
    for phrase in words().unit_lines:
        m = re.search(re.escape(phrase) + r"\s*[:.]?\s*([^\n;,)]+)", folded)
        if m:
            unit = m.group(1).strip().strip(".").strip()
            return unit or None
    return None


def _header_end(m: _Matrix, first: int, known: int | None) -> int | None:
    """The first body row: after the rows with no figures at the top (at most four), or
    after the rows a pipe table declares; None when no row holds a figure."""
    if known is not None:
        end = first + known
        while end < m.height and _numbering_row(m, end):
            end += 1
        return end if end < m.height else None
    end = first
    for r in range(first, m.height):
        if _numbering_row(m, r):
            end = r + 1
            continue
        if _has_data_number(m, r) or r - first >= 4:
            break
        end = r + 1
    if end >= m.height:
        return None
    return end


def _has_data_number(m: _Matrix, r: int) -> bool:
    numbers = [m.number(r, c) for c in range(m.width)]
    found = [n for n in numbers if n is not None]
    if not found:
        return False
    if all(_year_like(n) for n in found):
        # "2023 | 2024" over the columns is a header; a row of figures has a label of its own
        # before them
        first = next(c for c in range(m.width) if numbers[c] is not None)
        return any(m.own[r][c] and clean(m.text(r, c)) for c in range(first))
    return True


_NUMBERING = re.compile(r"^\(?([A-Za-z]|\d{1,2})\)?(\s*=.*)?$")


def _numbering_row(m: _Matrix, r: int) -> bool:
    """A row that only numbers the columns: "A | B | 1 | 2 | 3=1+2" or "(1) | (2) | ..."."""
    texts = [clean(m.text(r, c)) for c in range(m.width) if m.own[r][c]]
    texts = [t for t in texts if t]
    if len(texts) < 2 or len(texts) * 2 < m.width:
        return False
    if not all(_NUMBERING.match(t) for t in texts):
        return False
    digits = [int(d.group(1)) for t in texts if (d := re.match(r"\(?(\d+)", t))]
    return len(digits) >= 2 and all(b > a for a, b in itertools.pairwise(digits)) and digits[0] <= 2


def _column_kinds(m: _Matrix, body: list[int]) -> list[str]:
    """"number" for a column whose body cells are mostly figures, "text" otherwise."""
    out = []
    for c in range(m.width):
        numbers = texts = 0
        for r in body:
            if not m.own[r][c]:
                continue
            t = m.text(r, c)
            if _is_empty(t):
                continue
            if m.number(r, c) is not None:
                numbers += 1
            else:
                texts += 1
        out.append("number" if numbers and numbers >= texts else "text")
    return out


def _column(
    m: _Matrix, c: int, first: int, header: int, kind: str, table_unit: str | None, w: Words
) -> Column:
    path: list[str] = []
    tops: list[GridCell] = []
    for r in range(first, header):
        if _numbering_row(m, r):
            continue
        cell = m.at[r][c]
        t = clean(m.text(r, c))
        if t and (not path or path[-1] != t):
            path.append(t)
            if cell is not None:
                tops.append(cell)
    label = " / ".join(path)
    group = ""
    if len(path) > 1 and tops and tops[0].span > 1:
        group = path[0]
    if kind != "number":
        role = "index" if fold(label) in w.columns["index"] else "label"
        return Column(c, label, tuple(path), role, None, None, group)
    role = _role_of_path(path, w)
    unit = _header_unit(label) or _unit_word(label)
    if role in PERCENT_ROLES:
        unit = "%"
    elif role == "change" and has_phrase(fold(label), w.points):
        unit = "point"  # percentage points: the difference of two shares
    elif unit is None:
        unit = table_unit
    ys = years_in(label)
    year = ys[0] if len(ys) == 1 and role not in ("comparison", "change", "change_pct") else None
    return Column(c, label, tuple(path), role, unit, year, group)


def _role_of_path(path: Sequence[str], w: Words) -> str:
    """The role of a column of figures: from its own header first ("Năm 2024 / Tỷ lệ (%)"
    is a share), else from the headers over it ("Kế hoạch / Số lớp" is a plan); a group
    header names a share only with "%" ("Cơ cấu / Nam" may count people)."""
    if not path:
        return "count"
    own = column_role(fold(path[-1]), w)
    if len(path) == 1:
        return own
    over = column_role(fold(" / ".join(path[:-1])), w)
    if own == "share" and over in ("comparison", "achievement", "change_pct", "change"):
        # "So sánh 2024 với 2023 / Tỷ lệ (%)" compares; "Tăng/giảm / Tỷ lệ (%)" is a change
        return "change_pct" if over == "change" else over
    if own != "count":
        return own
    full = fold(" / ".join(path))
    role = column_role(full, w)
    if role == "share" and has_phrase(full, w.percent) is None:
        return "count"
    return role


def column_role(folded: str, w: Words | None = None) -> str:
    """The role a folded header gives a column of figures (see headers.toml)."""
    w = w or words()
    points = has_phrase(folded, w.points) is not None
    percent = has_phrase(folded, w.percent) is not None and not points
    for role in w.order:
        if role == "index":
            if folded in w.columns["index"]:
                return "index"
            continue
        if has_phrase(folded, w.columns[role]) is None:
            continue
        if role == "change":
            return "change_pct" if percent else "change"
        if role == "comparison" and not percent:
            # "So sánh" without "%": the later figure as a share (the usual meaning) unless
            # it says "+/-" (caught above as a change)
            return "comparison"
        if role == "share" and not percent and has_phrase(folded, ("tỷ lệ", "tỉ lệ")) is None:
            continue  # "Cơ cấu" without "%" may head counts of a structure
        return role
    return "count"


def _header_unit(label: str) -> str | None:
    """The unit in brackets in a header: "Số lượng (người)", "Kinh phí (triệu đồng)", "(%)"."""
    for inner in reversed(re.findall(r"\(([^()]+)\)", label)):
        t = fold(inner)
        if t in ("%", "tỷ lệ %", "tỉ lệ %"):
            return "%"
        unit = units.canonical(t) or units.canonical(_unit_in(inner) or "")
        if unit:
            return unit
    return None


_TIME_UNITS = frozenset({"year", "month", "day"})


@lru_cache(maxsize=1)
def _unit_phrases() -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(
            ((w, u) for w, u in units.words().items() if u not in _TIME_UNITS),
            key=lambda wu: -len(wu[0]),
        )
    )


def _unit_word(label: str) -> str | None:
    """The unit a header names in its words: "Số đảng viên kết nạp" counts persons."""
    folded = fold(re.sub(r"\([^)]*\)", " ", label))
    for phrase, unit in _unit_phrases():
        if has_phrase(folded, (phrase,)):
            return unit
    return None


# -- rows ---------------------------------------------------------------------------------

_INDEX = re.compile(
    r"^\s*(?P<tok>(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*|[a-zđ])[.)/]|\(?\d+\)|[-+–—•○·*](?=\s))\s*"
)
_ROMAN = re.compile(r"^[IVXLC]+$")


def _level(token: str) -> int:
    """Outline depth of a row from its number or bullet: I/A 0, 1 1, 1.1 2, a 2, - 3, + 4."""
    tok = token.strip().strip(".)/(").strip()
    if not tok:
        return 1
    if _ROMAN.match(tok) or (len(tok) == 1 and tok.isupper()):
        return 0
    if re.fullmatch(r"\d+", tok):
        return 1
    if re.fullmatch(r"\d+(?:\.\d+)+", tok):
        return 1 + tok.count(".")
    if len(tok) == 1 and tok.isalpha():
        return 2
    return 4 if tok == "+" else 3


def _split_label(text: str, w: Words) -> tuple[str, str]:
    """A row label's number or bullet, and the label without it."""
    t = clean(text)
    m = _INDEX.match(t)
    if m:
        return m.group("tok"), t[m.end() :].strip()
    for b in w.bullets:
        if t.startswith(b):
            return b, t[len(b) :].strip()
    return "", t


def _rows(m: _Matrix, body: list[int], columns: tuple[Column, ...], w: Words) -> list[Row]:
    """The body rows with their labels, roles and places in the outline.

    A row whose label starts with a total word is a total row; with "Trong đó" a subset of
    the row above; a "Trong đó:" row without figures opens subsets: the rows after it that
    are numbered or bulleted deeper than the row above it (or, unmarked, the one row right
    after it).
    """
    figures = [c.index for c in columns if c.role not in ("label", "index")]
    labels = [c.index for c in columns if c.role == "label"]
    first_figure = min(figures, default=m.width)
    labels = [c for c in labels if c < first_figure] or labels[:1]
    indexes = [c.index for c in columns if c.role == "index"]
    out: list[Row] = []
    opened: int | None = None  # the row a "Trong đó:" row opened subsets of
    outline: list[Row] = []  # the open rows of the outline, shallowest first
    for k, r in enumerate(body):
        token = next((t for t in (clean(m.text(r, c)) for c in indexes) if t), "")
        parts: list[str] = []
        for c in labels:
            t = clean(m.text(r, c))
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        tok, label = _split_label(" / ".join(parts), w)
        token = token or tok
        level = _level(token) if token else 1
        folded = fold(label).lstrip("(").strip()
        has_figures = any(m.number(r, c) is not None for c in figures)
        role, strong = _row_role(folded, has_figures, w)
        parent: int | None
        if role == "total":
            opened, parent, level = None, None, 0
            outline.clear()
        elif role == "marker":
            opened = _last_plain(out)
            parent = opened
        elif role == "subset":
            parent = _last_plain(out)
            level = out[parent].level + 1 if parent is not None else level + 1
            opened = None
        elif opened is not None and (
            level > out[opened].level or (out[-1].role == "marker" and not token)
        ):
            role, parent = "subset", opened
            level = max(level, out[opened].level + 1)
            if not token:
                opened = None  # "Trong đó:" then one unmarked row: that row alone
        else:
            opened = None
            while outline and outline[-1].level >= level:
                outline.pop()
            parent = outline[-1].index if outline else None
        if role == "data" and not has_figures:
            role = "section"
        row = Row(k, r, label, role, level, parent, strong)
        if role in ("data", "section"):
            outline.append(row)
        out.append(row)
    return out


def _row_role(folded: str, has_figures: bool, w: Words) -> tuple[str, bool]:
    """"total" (and whether its label is a total word and nothing else), "subset",
    "marker" (a "Trong đó:" row without figures) or "data"."""
    total = starts_with(folded, w.total_rows)
    if total and not starts_with(folded, w.not_total):
        rest = folded[len(total) :].strip(" :.-–")
        strong = not rest or bool(re.fullmatch(r"\(?[ivxlcabđ\d\s+.,=-]*\)?", rest))
        return "total", strong
    if starts_with(folded, w.subset_rows):
        return ("subset" if has_figures else "marker"), True
    return "data", True


def _last_plain(rows: list[Row]) -> int | None:
    for row in reversed(rows):
        if row.role in ("data", "section", "total"):
            return row.index
    return None


def _cells(
    m: _Matrix, rows: list[Row], columns: tuple[Column, ...], table: int, caption: str
) -> list[Cell]:
    out: list[Cell] = []
    for row in rows:
        if row.role in ("marker", "section"):
            continue
        for col in columns:
            if col.role in ("label", "index"):
                continue
            number = m.number(row.grid_row, col.index)
            cell = m.at[row.grid_row][col.index]
            if number is None or cell is None:
                continue
            start, end = _number_span(cell)
            out.append(
                Cell(
                    id=len(out),
                    span=Span(start, end),
                    text=number.text,
                    sentence=-1,
                    number=number,
                    table=table,
                    row_label=row.label,
                    column_label=col.label,
                    unit=col.unit,
                    role=col.role,
                    row_index=row.index,
                    column_index=col.index,
                    row_role=row.role,
                    level=row.level,
                    parent=row.parent,
                    group=col.group,
                    year=col.year,
                    caption=caption,
                    strong=row.strong,
                )
            )
    return out


def _number_span(cell: GridCell) -> tuple[int, int]:
    """The span of the figure inside its cell, without emphasis marks around it."""
    t = cell.text
    a = 0
    b = len(t)
    while a < b and not (t[a].isdigit() or t[a] in "+-−–"):
        a += 1
    while b > a and not (t[b - 1].isdigit() or t[b - 1] == "%"):
        b -= 1
    return cell.start + a, cell.start + b


def _consumed(
    grid: Grid, m: _Matrix, first: int, header: int, body: list[int], columns: tuple[Column, ...]
) -> tuple[tuple[int, int], ...]:
    """What sentence parsing must not read again: a text table whole; of a .docx table,
    its header rows, row labels and figures (prose in other cells stays)."""
    if grid.kind != "docx":
        return ((grid.start, grid.end),)
    spans: set[tuple[int, int]] = set()
    keep = {c.index for c in columns if c.role in ("label", "index")}
    bodyset = set(body)
    for c in grid.cells:
        in_header = c.row < header
        numbering = c.row >= header and c.row not in bodyset
        if in_header or numbering or c.column in keep or cell_number(c.text) is not None or _is_empty(c.text):
            spans.add((c.start, c.end))
    return tuple(sorted(spans))


# ---------------------------------------------------------------------------------------
# For the extractor
# ---------------------------------------------------------------------------------------


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, non-overlapping ``spans``."""
    k = bisect.bisect_right(spans, start, key=lambda span: span[0]) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


def consumed_spans(tables: Sequence[TableRead]) -> list[tuple[int, int]]:
    spans = sorted(s for t in tables for s in t.consumed)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged

