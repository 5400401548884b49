"""Recomputing the derived cells of tables: shares, achievements, comparisons and changes.

Each derived column is read against the figures it should come from. Where the header
leaves a choice (a share of the total row or of another column of the row; which two
columns a comparison compares), every reading is tried and the one that most cells bear
out is kept; a reading is trusted only when at least half of the cells fit it (or, for a
reading the header spells out, when any does). The cells that do not fit the kept reading
are the findings. Shares and percentages are judged as in sentences (checker.rules.numeric
.arith): a stated figure is an interval, right if any rounding convention gives it; one
right only under the convention the document does not follow is for information.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from checker.rules.numeric import arith
from checker.rules.tables.common import (
    ColumnInfo,
    Same,
    View,
    column_sum,
    culprits,
    families,
    places,
    views,
)

from checker.engine import Document, Rule
from checker.extract.tables import fold, has_phrase, words, years_in
from checker.facts import Cell
from checker.facts import Facts, Number
from checker.findings import Finding, Message, Severity
from checker.numbers import format_vn, rounded

_NEAREST = 6  # columns tried as the figures a derived column comes from


@dataclass(frozen=True)
class Judged:
    """A derived cell recomputed: ``kind`` is share, achievement, comparison, change_pct or
    change; ``exact`` what the figures give (signed); ``ok_under`` the rounding conventions
    under which the stated figure is right (for "change", "exact" when it is). The
    arithmetic in words is only written for the cells that are reported (``explain``)."""

    kind: str
    cell: Cell
    exact: Decimal
    ok_under: tuple[str, ...]
    sign_ok: bool
    explain: Callable[[], tuple[str, str]] = field(compare=False, repr=False)
    sources: tuple[Cell, ...] = ()

    @property
    def formula_vi(self) -> str:
        return self.explain()[0]

    @property
    def formula_en(self) -> str:
        return self.explain()[1]

    @property
    def wrong(self) -> bool:
        return not self.ok_under

    @property
    def magnitude_ok(self) -> bool:
        return bool(self.ok_under)


@dataclass(frozen=True)
class _Reading:
    name: str
    judged: tuple[Judged, ...]
    preferred: bool  # the header spells this reading out
    distance: int

    @property
    def hits(self) -> int:
        return sum(1 for j in self.judged if j.ok_under and j.sign_ok)


def judge_percent(stated: Number, exact: Decimal) -> tuple[str, ...]:
    """The conventions under which a stated percentage (its magnitude) is right."""
    target = abs(stated.value)
    value = abs(exact)
    unit = _UNITS[stated.decimals] if stated.decimals < len(_UNITS) else Decimal(1).scaleb(-stated.decimals)
    if value < target - unit or value >= target + unit:  # no convention reaches that far
        return ()
    return tuple(c for c in arith.CONVENTIONS if rounded(value, stated.decimals, c) == target)


_UNITS = tuple(Decimal(1).scaleb(-d) for d in range(8))


def _sign_ok(stated: Number, exact: Decimal, column_signed: bool) -> bool:
    """A change written "-3" must be a fall, "+3" (or "3" in a column that marks falls
    with "-") a rise; zero has no sign."""
    if exact == 0 or stated.value == 0:
        return True
    explicit = stated.text.lstrip()[:1] in "+-−–"
    if stated.value < 0:
        return exact < 0
    if explicit or column_signed:
        return exact > 0
    return True


def all_judged(doc: Document) -> list[Judged]:
    """Every derived cell of every table, judged under the reading its column bears out."""
    return list(_cached_judged(Same(doc.facts)))


@lru_cache(maxsize=4)
def _cached_judged(key: Same) -> tuple[Judged, ...]:
    assert isinstance(key.obj, Facts)
    return tuple(j for view in views(key.obj) for j in _judged_view(view))


Fixes = dict[tuple[int, int], Decimal]


def fixes(view: View) -> Fixes:
    """The right values of the cells found wrong by their row and column (common.Culprit):
    a share computed from the right value is not wrong because the count beside it is."""
    out: Fixes = {}
    for key, culprit in culprits(view).items():
        cell = view.cell(*key)
        if cell is not None:
            out[key] = culprit.right(cell)
    return out


def _fixed(fix: Fixes, cell: Cell) -> Decimal:
    return fix.get((cell.row_index, cell.column_index), cell.value)


def _judged_view(view: View) -> Iterator[Judged]:
    for k in view.column_order():
        reading = _reading(view, k)
        if reading is not None:
            yield from reading.judged


def _reading(view: View, k: int) -> _Reading | None:
    """The reading a derived column bears out, worked out once per column."""
    return view.remember(("reading", k), lambda: _find_reading(view, k))


def _find_reading(view: View, k: int) -> _Reading | None:
    role = view.columns[k].role
    fix = view.remember("fixes", lambda: fixes(view))
    if role == "share":
        return _best(_share_readings(view, k, fix))
    if role == "achievement":
        return _best(_achievement_readings(view, k, fix))
    if role in ("comparison", "change_pct", "change"):
        return _best(_comparison_readings(view, k, fix))
    return None


def unjudged_shares(view: View) -> list[int]:
    """Share columns that no reading explains (their cells cannot be recomputed)."""
    return [
        k
        for k in view.column_order()
        if view.columns[k].role == "share" and _reading(view, k) is None
    ]


def _best(readings: list[_Reading]) -> _Reading | None:
    usable = [r for r in readings if r.judged]
    if not usable:
        return None
    best = max(usable, key=lambda r: (r.hits, r.preferred, -r.distance))
    judged = len(best.judged)
    if best.hits == 0:
        return None
    if best.hits * 2 >= judged or (best.preferred and judged <= 2):
        return best
    return None


def _left(view: View, k: int, accept: Callable[[ColumnInfo], bool]) -> list[int]:
    """The nearest columns left of ``k`` that ``accept``, nearest first (at most _NEAREST)."""
    order = view.column_order()
    pos = bisect.bisect_left(order, k)
    found = [order[j] for j in range(pos - 1, -1, -1) if accept(view.columns[order[j]])]
    return found[:_NEAREST]


def _figures(col: ColumnInfo) -> bool:
    return col.additive


# -- shares ------------------------------------------------------------------------------


def _share_readings(view: View, k: int, fix: Fixes) -> list[_Reading]:
    share = view.columns[k]
    label = fold(share.label)
    column_hint = has_phrase(label, words().column_share) is not None
    cells = view.column_cells(k)
    out: list[_Reading] = []
    totals = view.totals()
    grand = _grand_total(view)
    row_wholes = {part: f.whole for f in families(view) for part in f.parts}
    for distance, c in enumerate(_left(view, k, _figures)):
        col = view.columns[c]
        # of the total row (or of the sum of the rows when there is none)
        whole_cell = view.cell(grand, c) if grand is not None else None
        if whole_cell is not None and whole_cell.value > 0:
            judged = tuple(
                _share(cell, num, whole_cell.value, whole_cell, fix)
                for cell in cells
                if (num := view.cell(cell.row_index, c)) is not None
            )
            out.append(_Reading(f"column:{c}", judged, column_hint, distance))
        elif not totals:
            cov = coverage_all(view)
            summed = column_sum(view, cov, c)
            if summed is not None and summed[0] > 0:
                whole = summed[0]
                judged = tuple(
                    _share(cell, num, whole, None, fix)
                    for cell in cells
                    if (num := view.cell(cell.row_index, c)) is not None
                )
                out.append(_Reading(f"sum:{c}", judged, column_hint, distance))
        # of another column of the same row ("Tỷ lệ nữ (%)": Nữ / Tổng số)
        d = row_wholes.get(c)
        if d is not None:
            named = _names(label, col)
            judged = tuple(
                _share(cell, num, den.value, den, fix)
                for cell in cells
                if (num := view.cell(cell.row_index, c)) is not None
                and (den := view.cell(cell.row_index, d)) is not None
                and den.value > 0
            )
            out.append(_Reading(f"row:{c}/{d}", judged, named and not column_hint, distance))
    return out


def coverage_all(view: View) -> list[int]:
    """The rows a table's figures add up over when it has no total row."""
    return [r for r in view.row_order() if view.rows[r].role == "data"]


def _grand_total(view: View) -> int | None:
    """The total row of the whole table: the last strong one, else the last one."""
    totals = view.totals()
    strong = [t for t in totals if view.rows[t].strong]
    pick = strong or totals
    if not pick:
        return None
    # a total before its rows (at the top) covers the table when it is the only one
    return pick[-1] if len(pick) > 1 or pick[0] != view.row_order()[0] else pick[0]


def _names(share_label: str, col: ColumnInfo) -> bool:
    """Whether a share's header names the column it is a share of ("Tỷ lệ nữ" ~ "Nữ")."""
    own = fold(col.own)
    for prefix in words().subset:
        if own.startswith(prefix):
            own = own[len(prefix) :].strip(" :")
    return bool(own) and has_phrase(share_label, (own,)) is not None


def _share(cell: Cell, num: Cell, whole: Decimal, whole_cell: Cell | None, fix: Fixes) -> Judged:
    exact = arith.share(num.value, whole)
    ok = judge_percent(cell.number, exact)
    right_whole = _fixed(fix, whole_cell) if whole_cell is not None else whole
    if not ok and right_whole > 0:
        ok = judge_percent(cell.number, arith.share(_fixed(fix, num), right_whole))

    def explain() -> tuple[str, str]:
        whole_text = whole_cell.number.text if whole_cell is not None else format_vn(whole, 0)
        calc = f"{num.number.text}/{whole_text} = {arith.show_exact(exact)}%"
        if whole_cell is not None and whole_cell.row_index == num.row_index:
            return (
                f"{calc} (cột “{num.column_label}” / cột “{whole_cell.column_label}”)",
                f"{calc} (column “{num.column_label}” / column “{whole_cell.column_label}”)",
            )
        if whole_cell is not None:
            return (
                f"{calc} (cột “{num.column_label}”, dòng “{whole_cell.row_label}”)",
                f"{calc} (column “{num.column_label}”, row “{whole_cell.row_label}”)",
            )
        return (
            f"{calc} (cột “{num.column_label}”, tổng các dòng)",
            f"{calc} (column “{num.column_label}”, the sum of the rows)",
        )

    sources = (num,) + ((whole_cell,) if whole_cell is not None else ())
    return Judged("share", cell, exact, ok, True, explain, sources)


# -- achievements ------------------------------------------------------------------------


def _achievement_readings(view: View, k: int, fix: Fixes) -> list[_Reading]:
    plans = _left(view, k, lambda c: c.additive and c.role == "plan")
    if not plans:
        return []
    out: list[_Reading] = []
    plan = plans[0]
    actuals = _left(view, k, lambda c: c.additive and c.role == "actual")
    others = _left(view, k, lambda c: c.additive and c.role not in ("plan", "actual", "total"))
    candidates = [(a, True) for a in actuals[:1]] + [(a, False) for a in others[:2] if not actuals]
    for distance, (a, explicit) in enumerate(candidates):
        judged = []
        for cell in view.column_cells(k):
            num = view.cell(cell.row_index, a)
            den = view.cell(cell.row_index, plan)
            if num is None or den is None or den.value <= 0:
                continue
            exact = arith.share(num.value, den.value)
            ok = judge_percent(cell.number, exact)
            if not ok and _fixed(fix, den) > 0:
                ok = judge_percent(cell.number, arith.share(_fixed(fix, num), _fixed(fix, den)))
            judged.append(
                Judged("achievement", cell, exact, ok, True, _ratio_words(num, den, exact), (num, den))
            )
        out.append(_Reading(f"achievement:{a}/{plan}", tuple(judged), explicit, distance))
    return out


def _ratio_words(num: Cell, den: Cell, exact: Decimal) -> Callable[[], tuple[str, str]]:
    def explain() -> tuple[str, str]:
        calc = f"{num.number.text}/{den.number.text} = {arith.show_exact(exact)}%"
        text = f"{calc} (“{num.column_label}” / “{den.column_label}”)"
        return text, text

    return explain


# -- comparisons and changes -------------------------------------------------------------


def _comparison_readings(view: View, k: int, fix: Fixes) -> list[_Reading]:
    col = view.columns[k]
    pairs = _pairs(view, k)
    out: list[_Reading] = []
    kinds = {"comparison": ("comparison", "change_pct"), "change_pct": ("change_pct", "comparison"), "change": ("change",)}[col.role]
    signed = any(c.value < 0 for c in view.column_cells(k))
    for distance, (last, this, explicit) in enumerate(pairs):
        for n, kind in enumerate(kinds):
            judged = []
            for cell in view.column_cells(k):
                a = view.cell(cell.row_index, last)
                b = view.cell(cell.row_index, this)
                if a is None or b is None:
                    continue
                j = _compare(kind, cell, a, b, signed)
                if j is not None and not (j.ok_under and j.sign_ok) and fix:
                    fixed = _compare(kind, cell, _with_value(a, _fixed(fix, a)), _with_value(b, _fixed(fix, b)), signed)
                    if fixed is not None and fixed.ok_under and fixed.sign_ok:
                        j = fixed
                if j is not None:
                    judged.append(j)
            out.append(_Reading(f"{kind}:{last}->{this}", tuple(judged), explicit and n == 0, distance * 2 + n))
    return out


def _pairs(view: View, k: int) -> list[tuple[int, int, bool]]:
    """(earlier column, later column, named by the headers) for a comparison column."""
    col = view.columns[k]
    cols = view.columns
    if col.unit == "point":  # a change of shares compares share columns
        left = _left(view, k, lambda c: c.role == "share")
    else:
        left = _left(view, k, lambda c: c.additive and c.role != "plan")
    out: list[tuple[int, int, bool]] = []
    ys = years_in(col.label)
    if len(ys) >= 2:
        later, earlier = max(ys), min(ys)
        a = _with_year(view, left, earlier)
        b = _with_year(view, left, later)
        if a is not None and b is not None:
            out.append((a, b, True))
    years = sorted({y for c in left if (y := cols[c].year) is not None})
    if len(years) == 2:
        a = _with_year(view, left, years[0])
        b = _with_year(view, left, years[1])
        if a is not None and b is not None and (a, b, True) not in out:
            out.append((a, b, True))
    w = words()
    earlier_cols = [c for c in left if has_phrase(fold(cols[c].label), w.earlier)]
    later_cols = [c for c in left if has_phrase(fold(cols[c].label), w.later) or cols[c].role == "actual"]
    if earlier_cols and later_cols and earlier_cols[0] != later_cols[0]:
        pair = (earlier_cols[0], later_cols[0], True)
        if pair not in out:
            out.append(pair)
    if len(left) >= 2:
        pair = (left[1], left[0], False)
        if (pair[0], pair[1], True) not in out:
            out.append(pair)
    return out


def _with_year(view: View, left: list[int], year: int) -> int | None:
    """The nearest column of figures of that year (a count before a share of it)."""
    found = [c for c in left if view.columns[c].year == year]
    return found[0] if found else None


def _compare(kind: str, cell: Cell, a: Cell, b: Cell, signed: bool) -> Judged | None:
    stated = cell.number
    ok: tuple[str, ...]
    if kind == "change":
        exact = b.value - a.value
        slack = Decimal(0)
        for n in (stated, a.number, b.number):
            if n.decimals:
                slack += Decimal(1).scaleb(-n.decimals) / 2
        ok = ("exact",) if abs(abs(exact) - abs(stated.value)) <= slack else ()
    else:
        if a.value == 0:
            return None
        if kind == "comparison":
            exact = arith.share(b.value, a.value)
        else:
            exact = arith.share(b.value - a.value, a.value)
        ok = judge_percent(stated, exact)
    sign_ok = True if kind == "comparison" else _sign_ok(stated, exact, signed)

    def explain() -> tuple[str, str]:
        if kind == "change":
            d = max(stated.decimals, a.number.decimals, b.number.decimals)
            calc = f"{b.number.text} − {a.number.text} = {format_vn(exact, d)}"
        elif kind == "comparison":
            calc = f"{b.number.text}/{a.number.text} = {arith.show_exact(exact)}%"
        else:
            calc = f"({b.number.text} − {a.number.text})/{a.number.text} = {arith.show_exact(exact)}%"
        text = f"{calc} (“{b.column_label}”, “{a.column_label}”)"
        return text, text

    return Judged(kind, cell, exact, ok, sign_ok, explain, (b, a))


# -- the document's rounding convention ---------------------------------------------------


def convention(doc: Document, judged: list[Judged]) -> str | None:
    """The convention the document follows: the configured one, or the majority of the
    shares (of sentences and of tables) that only one convention makes right."""
    setting = doc.settings.rounding
    if setting != "any":
        return setting
    votes = {"half-up": 0, "truncate": 0}
    for c in arith.share_claims(doc.facts):
        _vote(votes, c.percent.number.decimals, c.verdict.ok_under)
    for j in judged:
        if j.kind != "change":
            _vote(votes, j.cell.number.decimals, j.ok_under)
    if votes["truncate"] == votes["half-up"]:
        return None
    return max(votes, key=lambda k: votes[k])


def _vote(votes: dict[str, int], decimals: int, ok: tuple[str, ...]) -> None:
    if decimals == 0:
        return
    if "truncate" in ok and "half-up" not in ok:
        votes["truncate"] += 1
    elif "half-up" in ok and "truncate" not in ok:
        votes["half-up"] += 1


def expected_text(j: Judged, conv: str | None) -> str:
    """What the cell should say, written as the document writes it."""
    d = j.cell.number.decimals
    if j.kind == "change":
        value = j.exact
        text = format_vn(abs(value), d)
        return ("-" if value < 0 else "+" if j.cell.signed and value > 0 else "") + text
    value = j.exact if j.kind == "change_pct" else abs(j.exact)
    text = arith.rounded_text(abs(value), d, conv) if conv else format_vn(abs(value), d)
    if j.kind == "change_pct" and value < 0:
        return "-" + text
    if j.kind == "change_pct" and j.cell.signed and value > 0:
        return "+" + text
    return text


# -- findings for the derived cells -------------------------------------------------------

_WHAT = {
    "share": ("Tỷ lệ sai", "Wrong share"),
    "achievement": ("Tỷ lệ đạt sai", "Wrong achievement"),
    "comparison": ("So sánh sai", "Wrong comparison"),
    "change_pct": ("Mức tăng/giảm sai", "Wrong change"),
    "change": ("Mức tăng/giảm sai", "Wrong change"),
}
_CONVENTION_NAMES = {
    "half-up": ("làm tròn", "rounding half up"),
    "half-even": ("làm tròn về số chẵn", "rounding half even"),
    "truncate": ("cắt bớt", "truncating"),
}


def findings_for(rule: Rule, doc: Document, kinds: tuple[str, ...], signs: bool = False) -> Iterator[Finding]:
    """The findings of one derived rule: a cell no convention makes right (error), one
    right only under the convention the document does not follow (info, or a warning when
    the convention is configured); with ``signs``, a change of the right size whose sign
    contradicts its two figures."""
    judged = all_judged(doc)
    conv = convention(doc, judged)
    by_table = {v.table: v for v in views(doc.facts)}
    for j in judged:
        if j.kind not in kinds:
            continue
        view = by_table[j.cell.table]
        if signs:
            if j.magnitude_ok and not j.sign_ok:
                yield _sign_finding(rule, view, j)
            continue
        if j.wrong:
            yield _wrong(rule, view, j, conv)
        elif j.kind != "change" and conv is not None and conv not in j.ok_under and j.cell.number.decimals:
            yield _convention(rule, doc, view, j, conv)


def _wrong(rule: Rule, view: View, j: Judged, conv: str | None) -> Finding:
    expected = expected_text(j, conv)
    where_vi, where_en = places(view, j.cell)
    what_vi, what_en = _WHAT[j.kind]
    stated = j.cell.number.text
    pct = "" if j.kind == "change" else "%"
    slips = arith.slips(j.cell.number, lambda v: bool(judge_percent(_as(j.cell.number, v), j.exact))) if pct else []
    hint_vi = f"; có thể gõ nhầm, đúng nếu là {' hoặc '.join(slips)}" if slips else ""
    hint_en = f"; a slip? right if it were {' or '.join(slips)}" if slips else ""
    return rule.finding(
        j.cell.span,
        Message(
            vi=f"{where_vi}: {what_vi}, các số cho {expected}{pct}, không phải {stated}{hint_vi}",
            en=f"{where_en}: {what_en}, the figures give {expected}{pct}, not {stated}{hint_en}",
        ),
        stated=stated,
        expected=expected,
        evidence=Message(vi=j.formula_vi, en=j.formula_en),
        related=tuple(c.span for c in j.sources),
    )


def _convention(rule: Rule, doc: Document, view: View, j: Judged, conv: str) -> Finding:
    expected = arith.rounded_text(abs(j.exact), j.cell.number.decimals, conv)
    used = j.ok_under[0]
    where_vi, where_en = places(view, j.cell)
    return rule.finding(
        j.cell.span,
        Message(
            vi=f"{where_vi}: {j.cell.number.text} là {_CONVENTION_NAMES[used][0]}; theo quy ước {_CONVENTION_NAMES[conv][0]} của văn bản là {expected}",
            en=f"{where_en}: {j.cell.number.text} is {_CONVENTION_NAMES[used][1]}; the document's convention ({_CONVENTION_NAMES[conv][1]}) gives {expected}",
        ),
        stated=j.cell.number.text,
        expected=expected,
        evidence=Message(vi=j.formula_vi, en=j.formula_en),
        severity=Severity.INFO if doc.settings.rounding == "any" else Severity.WARNING,
        related=tuple(c.span for c in j.sources),
    )


def _sign_finding(rule: Rule, view: View, j: Judged) -> Finding:
    where_vi, where_en = places(view, j.cell)
    later, earlier = j.sources
    rise = j.exact > 0
    expected = expected_text(j, None)
    if not expected.startswith(("-", "+")):
        expected = ("+" if rise else "-") + expected
    return rule.finding(
        j.cell.span,
        Message(
            vi=f"{where_vi}: ghi {j.cell.number.text} nhưng {later.number.text} so với {earlier.number.text} là {'tăng' if rise else 'giảm'}",
            en=f"{where_en}: says {j.cell.number.text} but {later.number.text} against {earlier.number.text} is a {'rise' if rise else 'fall'}",
        ),
        stated=j.cell.number.text,
        expected=expected,
        evidence=Message(vi=j.formula_vi, en=j.formula_en),
        related=tuple(c.span for c in j.sources),
    )


def _with_value(cell: Cell, value: Decimal) -> Cell:
    if value == cell.value:
        return cell
    return replace(cell, number=replace(cell.number, value=value))


def _as(stated: Number, value: Decimal) -> Number:
    return Number(value=value, decimals=stated.decimals, text=format_vn(value, stated.decimals))
