"""What the table rules share: a table rebuilt from its Cell facts (``View``), the rows a
total row covers, the columns a row total is made of, and how a cell is named in messages.

Everything here is linear in the number of cells: cells are put in dicts by (row, column)
once, and every check walks a column or a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar

from checker.extract import labels
from checker.extract.tables import ADDITIVE, fold, has_phrase, starts_with, words
from checker.facts import Cell
from checker.facts import Facts, Span
from checker.findings import Message
from checker.numbers import format_vn

MAX_LISTED = 12  # addends shown in evidence before "…"
MAX_RELATED = 24  # related cells named by one finding


@dataclass(frozen=True)
class RowInfo:
    index: int
    label: str
    role: str
    level: int
    parent: int | None
    strong: bool


@dataclass(frozen=True)
class ColumnInfo:
    index: int
    label: str
    role: str
    unit: str | None
    year: int | None
    group: str

    @property
    def additive(self) -> bool:
        return self.role in ADDITIVE and self.unit != "%"

    @property
    def own(self) -> str:
        """The column's own header, without the headers over it."""
        return self.label.split(" / ")[-1]


T = TypeVar("T")


@dataclass
class View:
    """One table as its cells: rows and columns in order, cells by (row, column).

    A View is built once per document (``views`` is cached on the Facts) and shared by the
    table rules, which only read it; what they derive from it (coverage, breakdowns,
    culprits) is kept in ``memo`` so each is worked out once.
    """

    table: int
    caption: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    rows: dict[int, RowInfo] = field(default_factory=dict)
    columns: dict[int, ColumnInfo] = field(default_factory=dict)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def remember(self, key: Any, make: Callable[[], T]) -> T:
        if key not in self.memo:
            self.memo[key] = make()
        value: T = self.memo[key]
        return value

    def cell(self, row: int, column: int) -> Cell | None:
        return self.cells.get((row, column))

    def row_order(self) -> list[int]:
        return self.remember("rows", lambda: sorted(self.rows))

    def column_order(self) -> list[int]:
        return self.remember("columns", lambda: sorted(self.columns))

    def column_cells(self, column: int) -> list[Cell]:
        return self.remember(
            ("column", column),
            lambda: [c for r in self.row_order() if (c := self.cells.get((r, column))) is not None],
        )

    def name(self, lang: str) -> str:
        """"Bảng 2" as the caption numbers it, else "bảng 1" / "table 1" in reading order."""
        if self.caption:
            head = self.caption.split(".")[0].split(":")[0].strip()
            if len(head) <= 24:
                return head
        return f"table {self.table}" if lang == "en" else f"bảng {self.table}"

    def totals(self) -> list[int]:
        return self.remember("totals", lambda: [r for r in self.row_order() if self.rows[r].role == "total"])


class Same:
    """A cache key that is the very object (hashing a document's facts costs as much as
    reading them): the cache holds the object, so its id cannot be reused meanwhile."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.obj is self.obj


def views(facts: Facts) -> list[View]:
    """Every table of the document, as Views, in text order (built once per Facts)."""
    return list(_cached_views(Same(facts)))


@lru_cache(maxsize=4)
def _cached_views(key: Same) -> tuple[View, ...]:
    assert isinstance(key.obj, Facts)
    return tuple(_views(key.obj))


def _views(facts: Facts) -> list[View]:
    out: dict[int, View] = {}
    for cell in facts.of(Cell):
        view = out.get(cell.table)
        if view is None:
            view = out[cell.table] = View(cell.table, cell.caption)
        view.cells[(cell.row_index, cell.column_index)] = cell
        view.rows.setdefault(
            cell.row_index,
            RowInfo(cell.row_index, cell.row_label, cell.row_role, cell.level, cell.parent, cell.strong),
        )
        view.columns.setdefault(
            cell.column_index,
            ColumnInfo(cell.column_index, cell.column_label, cell.role, cell.unit, cell.year, cell.group),
        )
    return list(out.values())


# ---------------------------------------------------------------------------------------
# Naming cells
# ---------------------------------------------------------------------------------------


def place(view: View, cell: Cell, lang: str) -> str:
    """"Bảng 1, dòng “Huyện Tân Lợi”, cột “Tỷ lệ (%)”"."""
    row = cell.row_label or (f"row {cell.row_index + 1}" if lang == "en" else f"dòng {cell.row_index + 1}")
    col = cell.column_label or (
        f"column {cell.column_index + 1}" if lang == "en" else f"cột {cell.column_index + 1}"
    )
    name = view.name(lang)
    if lang == "en":
        return f"{name[:1].upper()}{name[1:]}, row “{row}”, column “{col}”"
    return f"{name[:1].upper()}{name[1:]}, dòng “{row}”, cột “{col}”"


def places(view: View, cell: Cell) -> tuple[str, str]:
    return place(view, cell, "vi"), place(view, cell, "en")


def listed(values: Sequence[Cell]) -> str:
    """"97 + 60 + … + 9" (at most MAX_LISTED addends shown)."""
    texts = [c.number.text for c in values]
    if len(texts) > MAX_LISTED:
        texts = texts[: MAX_LISTED - 2] + ["…"] + texts[-1:]
    return " + ".join(texts)


def decimals(cells: Iterable[Cell]) -> int:
    return max((c.number.decimals for c in cells), default=0)


def show(value: Decimal, places_: int) -> str:
    return format_vn(value, places_)


def rounding_slack(cells: Sequence[Cell], *more: Cell) -> Decimal:
    """How far a sum of rounded figures may fall from a rounded total: half a unit of the
    last decimal for each figure (nothing for whole numbers)."""
    return sum(
        (Decimal(1).scaleb(-c.number.decimals) / 2 for c in (*cells, *more) if c.number.decimals),
        Decimal(0),
    )


def spans(cells: Iterable[Cell]) -> tuple[Span, ...]:
    return tuple(c.span for c in list(cells)[:MAX_RELATED])


def message(vi: str, en: str) -> Message:
    return Message(vi=vi, en=en)


# ---------------------------------------------------------------------------------------
# The rows a total row covers
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """The ways the rows under a total may add up: each a named list of row indices."""

    candidates: tuple[tuple[str, tuple[int, ...]], ...]

    @property
    def main(self) -> tuple[int, ...]:
        return self.candidates[0][1] if self.candidates else ()


def coverage(view: View, total: int) -> Coverage:
    """The rows a total row adds up, as candidates (any one that matches is accepted):
    the rows at the top of the outline, the rows with nothing under them, every data row,
    and for a total after subtotals, the subtotals with the rows outside them."""
    return view.remember(("coverage", total), lambda: _coverage(view, total))


def _coverage(view: View, total: int) -> Coverage:
    order = view.row_order()
    totals = view.totals()
    prev = max((t for t in totals if t < total), default=None)
    nxt = min((t for t in totals if t > total), default=None)
    before = [r for r in order if (prev is None or r > prev) and r < total and r not in totals]
    after = [r for r in order if r > total and (nxt is None or r < nxt) and r not in totals]
    segments: list[list[int]] = []
    earlier_totals = [t for t in totals if t < total]
    if before:
        segments.append(before)
    if earlier_totals and (not before or nxt is None):
        everything = [r for r in order if r < total and r not in totals]
        if everything != before:
            segments.append(everything)
    if not segments and after:
        segments.append(after)
    out: list[tuple[str, tuple[int, ...]]] = []
    for seg in segments:
        for name, rows in _shapes(view, seg):
            if rows and all(rows != r for _, r in out):
                out.append((name, rows))
    if earlier_totals:
        subtotals = tuple(t for t in earlier_totals if prev is None or t <= prev)
        loose = tuple(r for r in before if view.rows[r].role == "data" and view.rows[r].parent is None)
        rows = tuple(sorted(subtotals + loose))
        if rows and all(rows != r for _, r in out):
            out.append(("subtotals", rows))
    return Coverage(tuple(out))


def _shapes(view: View, seg: list[int]) -> list[tuple[str, tuple[int, ...]]]:
    inside = set(seg)
    data = [r for r in seg if view.rows[r].role == "data"]
    by_attribute = _attribute_rows(view, data)
    if by_attribute is not None:
        return by_attribute
    parents = {view.rows[r].parent for r in data}
    tops = tuple(r for r in data if view.rows[r].parent not in inside)
    leaves = tuple(r for r in data if r not in parents)
    return [("tops", tops), ("leaves", leaves), ("all", tuple(data))]


def _attribute_rows(view: View, data: list[int]) -> list[tuple[str, tuple[int, ...]]] | None:
    """Rows that name subgroups along different attributes ("Nam", "Nữ", "Dân tộc thiểu
    số", "Trẻ") overlap: only the rows of a complete attribute (Nam and Nữ) add up to the
    total. None when the rows are not such subgroups."""
    attrs = {r: labels.attribute(fold(view.rows[r].label)) for r in data}
    named = {r: a for r, a in attrs.items() if a is not None}
    dims = {a[0] for a in named.values()}
    if len(dims) < 2 or len(named) * 2 < len(data):
        return None
    out = []
    for dim in sorted(dims):
        rows = tuple(r for r, a in named.items() if a[0] == dim)
        if labels.complete_dimension(dim, {named[r][1] for r in rows}):
            out.append((dim, rows))
    return out


def column_sum(view: View, rows: Sequence[int], column: int) -> tuple[Decimal, list[Cell]] | None:
    """The sum of a column over rows (an empty cell counts as nothing); None when none of
    the rows has a figure there."""
    cells = [c for r in rows if (c := view.cell(r, column)) is not None]
    if not cells:
        return None
    return sum((c.value for c in cells), Decimal(0)), cells


# ---------------------------------------------------------------------------------------
# The columns a row total is made of
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """A column and the columns that break it down: ``relation`` is "partition" (they add up
    to it), "subset" (each is at most it) or "unknown" (decided by the figures)."""

    whole: int
    parts: tuple[int, ...]
    relation: str


def families(view: View) -> list[Family]:
    """Row totals ("Tổng số") with the columns beside them that break them down, and each
    "Trong đó ..." column with the column it is a subset of."""
    return view.remember("families", lambda: _families(view))


def _families(view: View) -> list[Family]:
    out: list[Family] = []
    order = view.column_order()
    cols = view.columns
    for pos, k in enumerate(order):
        col = cols[k]
        if col.role != "total" or not col.additive:
            continue
        parts, relation = _parts_after(view, order, pos)
        if not parts:
            parts, relation = _parts_before(view, order, pos)
        plain = tuple(p for p in parts if not _subset_label(cols[p].own))
        if plain and relation != "subset":
            out.append(Family(k, plain, relation if relation != "unknown" else _by_labels(view, plain)))
        subs = tuple(p for p in parts if p not in plain) if relation != "subset" else parts
        if subs:
            out.append(Family(k, subs, "subset"))
    claimed = {p for f in out for p in f.parts}
    for pos, k in enumerate(order):
        col = cols[k]
        if k in claimed or not col.additive or not _subset_label(col.own):
            continue
        whole = next(
            (
                order[j]
                for j in range(pos - 1, -1, -1)
                if cols[order[j]].additive
                and not _subset_label(cols[order[j]].own)
                and cols[order[j]].group == col.group
            ),
            None,
        )
        if whole is not None:
            out.append(Family(whole, (k,), "subset"))
    return out


def _subset_label(label: str) -> bool:
    return starts_with(fold(label), words().subset) is not None


def _parts_after(view: View, order: list[int], pos: int) -> tuple[tuple[int, ...], str]:
    cols = view.columns
    total = cols[order[pos]]
    parts: list[int] = []
    relation = "unknown"
    group: str | None = None
    for k in order[pos + 1 :]:
        col = cols[k]
        if not col.additive or col.role == "total" or not _same_unit(total, col):
            break
        if group is None:
            group = col.group
            if col.group and col.group != total.group:
                relation = _group_relation(col.group)
        if col.group != group:
            break
        parts.append(k)
    if len(parts) < 1 or (len(parts) == 1 and relation == "unknown" and not _subset_label(cols[parts[0]].own)):
        return (), relation
    return tuple(parts), relation


def _parts_before(view: View, order: list[int], pos: int) -> tuple[tuple[int, ...], str]:
    cols = view.columns
    total = cols[order[pos]]
    parts: list[int] = []
    for k in reversed(order[:pos]):
        col = cols[k]
        if not col.additive or col.role == "total" or col.group != total.group or not _same_unit(total, col):
            break
        parts.insert(0, k)
    if len(parts) < 2:
        return (), "unknown"
    return tuple(parts), "unknown"


def _same_unit(a: ColumnInfo, b: ColumnInfo) -> bool:
    return a.unit is None or b.unit is None or a.unit == b.unit


def _group_relation(group: str) -> str:
    g = fold(group)
    w = words()
    if has_phrase(g, w.subset):
        return "subset"
    if has_phrase(g, w.partition):
        return "partition"
    return "unknown"


def _by_labels(view: View, parts: tuple[int, ...]) -> str:
    """Columns named by the values of one complete attribute (Nam, Nữ) add up to the total;
    values of different attributes may overlap; anything else is for the figures to say."""
    attrs = [labels.attribute(fold(view.columns[p].own)) for p in parts]
    if all(attrs):
        dims = {a[0] for a in attrs if a}
        if len(dims) == 1 and labels.complete_dimension(next(iter(dims)), {a[1] for a in attrs if a}):
            return "partition"
        if len(dims) > 1:
            return "subset"
    return "unknown"


def fits_mostly(hits: int, judged: int) -> bool:
    """Whether the figures bear a relation out: at least two rows, and two thirds of them."""
    return hits >= 2 and hits * 3 >= judged * 2


def iter_views(facts: Facts) -> Iterator[View]:
    yield from views(facts)


# ---------------------------------------------------------------------------------------
# One wrong cell, two symptoms: localising it
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Culprit:
    """A cell that breaks both its row's cross-footing and its column's casting by the
    same amount: the one wrong figure behind two symptoms. ``error`` is stated − right."""

    row: int
    column: int
    error: Decimal
    family: Family
    total: int  # the total row whose casting it breaks

    def right(self, cell: Cell) -> Decimal:
        return cell.value - self.error


def casting(view: View) -> dict[tuple[int, int], Decimal]:
    """(total row, column) -> stated − sum, for every total cell that no reading of the
    rows it covers explains."""
    return view.remember("casting", lambda: _casting(view))


def _casting(view: View) -> dict[tuple[int, int], Decimal]:
    out: dict[tuple[int, int], Decimal] = {}
    for t in view.totals():
        cov = coverage(view, t)
        for k in view.column_order():
            stated = view.cell(t, k)
            if stated is None or not view.columns[k].additive:
                continue
            sums = [s for _, rows in cov.candidates if (s := column_sum(view, rows, k)) is not None]
            if not sums or any(abs(s - stated.value) <= rounding_slack(c, stated) for s, c in sums):
                continue
            out[(t, k)] = stated.value - sums[0][0]
    return out


def covering_total(view: View) -> dict[int, int]:
    """Row -> the nearest total row whose main reading adds it up."""
    return view.remember("covering", lambda: _covering_total(view))


def _covering_total(view: View) -> dict[int, int]:
    out: dict[int, int] = {}
    for t in view.totals():
        for r in coverage(view, t).main:
            out.setdefault(r, t)
    return out


def row_gaps(view: View, fam: Family) -> dict[int, Decimal]:
    """Row -> whole − sum of parts, for the rows where a breakdown does not add up."""
    return view.remember(("gaps", fam), lambda: _row_gaps(view, fam))


def _row_gaps(view: View, fam: Family) -> dict[int, Decimal]:
    out: dict[int, Decimal] = {}
    for r in view.row_order():
        whole = view.cell(r, fam.whole)
        parts = [c for k in fam.parts if (c := view.cell(r, k)) is not None]
        if whole is None or not parts:
            continue
        gap = whole.value - sum((c.value for c in parts), Decimal(0))
        if abs(gap) > rounding_slack(parts, whole):
            out[r] = gap
    return out


def trusted(view: View, fam: Family, gaps: dict[int, Decimal]) -> bool:
    """Whether a breakdown is known to add up: by its headers, or by most of its rows."""
    if fam.relation == "partition":
        return True
    if fam.relation != "unknown":
        return False
    judged = sum(
        1
        for r in view.row_order()
        if view.cell(r, fam.whole) is not None and any(view.cell(r, k) is not None for k in fam.parts)
    )
    return fits_mostly(judged - len(gaps), judged)


def culprits(view: View) -> dict[tuple[int, int], Culprit]:
    """The cells that alone explain a row that does not add up and a column that does not
    cast (see Culprit); a row with two possible culprits gets none."""
    return view.remember("culprits", lambda: _culprits(view))


def _culprits(view: View) -> dict[tuple[int, int], Culprit]:
    cast = casting(view)
    if not cast:
        return {}
    totals = set(view.totals())
    cover = covering_total(view)
    out: dict[tuple[int, int], Culprit] = {}
    for fam in families(view):
        gaps = row_gaps(view, fam)
        if not gaps or not trusted(view, fam, gaps):
            continue
        for r, gap in gaps.items():
            t = r if r in totals else cover.get(r)
            if t is None:
                continue
            found = []
            for k in (fam.whole, *fam.parts):
                error = gap if k == fam.whole else -gap
                expected = error if r == t else -error
                if cast.get((t, k)) == expected and view.cell(r, k) is not None:
                    found.append(Culprit(r, k, error, fam, t))
            if len(found) == 1:
                c = found[0]
                out[(c.row, c.column)] = c
    return out
