"""From the items of a sentence to facts: labels, and which figure belongs to which.

The grammar delimits the constructions and their nesting; this module reads their order:

- a share belongs to the figure before it in its clause ("nữ 12 đồng chí, chiếm 18,46%"), or
  to the figure that owns its bracket ("1.467/1.872 học viên ... (chiếm 78,37%)");
- a bracket right after a count lists its parts ("8.007 người (nam 4.519, nữ 3.488)") or
  says how it changed ("65 đồng chí (giảm 52 đồng chí so với ...)");
- "trong đó", "gồm", "bao gồm", "cụ thể" open a list of parts of the count before them, or,
  at the start of a sentence, of the total of the sentence before;
- a share's whole is the total its count is a part of, else the first count of its
  sentence, else the nearest total before it, else the sum of sibling counts whose shares
  make a complete breakdown, else unknown (the numeric rules may infer one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from checker import units
from checker.extract import labels
from checker.extract.citations import read_citation
from checker.extract.transform import Clause, Item
from checker.facts import (
    Date,
    Enumeration,
    Delta,
    Fact,
    Number,
    Percent,
    Quantity,
    Ratio,
    Reference,
    Span,
    Target,
    Term,
    Total,
)

_LABEL_STOP = {"COMMA", "SEMI", "BREAKDOWN", "QUOTE", "OTHER"}
_MAX_LABEL_WORDS = 10
_PERCENT_KINDS = ("share", "bare_percent")


@dataclass
class Known:
    """A quantity already made into a fact, remembered for the sentences that follow."""

    id: int
    value: Decimal
    unit: str | None
    is_total: bool
    sentence: int
    label: str = ""
    first: bool = False  # the first count of its sentence (its subject, often)


@dataclass
class _Info:
    """What is being learnt about one item while the sentence is read."""

    id: int
    label: str = ""
    level: str | None = None
    period: str | None = None
    is_total: bool = False
    unit: str | None = None
    scale: Decimal = Decimal(1)
    part: int | None = None  # percent -> the figure it describes
    whole: int | None = None
    whole_source: str = "none"
    whole_parts: tuple[int, ...] = ()
    subject: int | None = None  # delta/target -> what changed
    rate: int | None = None  # ratio -> its percent
    date: int | None = None  # reference -> its date
    issuer: str | None = None
    title: str | None = None
    role: str = "count"
    base_value: int | None = None  # delta/target -> the figure it is compared with
    whole_hint: str = ""  # percent -> "trong tổng số cán bộ ...": words naming its whole


@dataclass
class _Total:
    total: Item
    parts: list[Item]
    marker: str
    start: int
    end: int


@dataclass
class OpenList:
    """A list whose items run over several sentences: "Trong đó: Cấp tỉnh: ... 3 đồng chí
    ... . Cấp huyện: ... 23 đồng chí ...": the total, the parts so far, where it began."""

    total: Known
    parts: list[Known]
    marker: str
    start: int
    sentence: int


@dataclass
class Context:
    """What a sentence may refer to in the sentences before it."""

    quantities: list[Known] = field(default_factory=list)
    open_list: OpenList | None = None

    def recent(self, sentence: int, reach: int = 2) -> Iterator[Known]:
        """The quantities of this sentence and the ``reach`` before it, nearest first."""
        for known in reversed(self.quantities):
            if known.sentence < sentence - reach:
                break
            yield known


class SentenceFacts:
    """Turns the clauses of one sentence into facts with ids from ``first_id``."""

    def __init__(self, clauses: list[Clause], sentence: int, first_id: int, ctx: Context):
        self.clauses = clauses
        self.sentence = sentence
        self.ctx = ctx
        self.info: dict[int, _Info] = {}  # id(item) -> info
        self.items: list[Item] = []
        self.totals: list[_Total] = []
        self.parent_of: dict[int, Item] = {}  # id(part) -> owner, for parts of totals
        next_id = first_id
        for item in _walk_items(clauses):
            if item.kind in _FACT_KINDS:
                self.info[id(item)] = _Info(next_id)
                self.items.append(item)
                next_id += 1
        self.next_id = next_id
        self.by_id = {self.info[id(it)].id: it for it in self.items}
        self.pending_list: OpenList | None = None
        self.period = self._sentence_period()
        self.head_level = self._head_level()
        self.hint = _sentence_whole(clauses)

    # -- public ------------------------------------------------------------------------
    def build(self, text: str) -> list[Fact]:
        self._labels(self.clauses, "")
        continued = self._continue_list()
        self._relate(self.clauses, owner=None, context=None, top=True)
        self._wholes()
        self._citations(self.clauses, text)
        self._roles()
        facts = [self._fact(item, text) for item in self.items]
        for tot in self.totals:
            facts.append(self._total_fact(tot, text))
        if not continued and self.ctx.open_list is not None:
            facts.append(self._list_fact(self.ctx.open_list, text))
            self.ctx.open_list = None
        if self.pending_list is not None:
            if self.ctx.open_list is not None:
                facts.append(self._list_fact(self.ctx.open_list, text))
            self.ctx.open_list = self.pending_list
        first = True
        for item in self.items:
            if item.kind == "quantity":
                inf = self.info[id(item)]
                self.ctx.quantities.append(
                    Known(
                        inf.id,
                        _value(item, inf),
                        inf.unit,
                        inf.is_total,
                        self.sentence,
                        f"{inf.label} {(item.unit_text or '').lower()}",
                        first,
                    )
                )
                first = False
        return facts

    # -- labels --------------------------------------------------------------------------
    def _labels(self, clauses: list[Clause], context_label: str) -> None:
        for clause in clauses:
            for i, item in enumerate(clause):
                if item.kind == "group":
                    before = self._words_before(clause, i)[0]
                    self._labels(item.clauses, labels.normalise(before) or context_label)
                    continue
                if id(item) not in self.info:
                    continue
                inf = self.info[id(item)]
                words, is_total = self._words_before(clause, i)
                own = labels.normalise(words)
                after = labels.normalise(self._words_after(clause, i))
                inf.is_total = is_total or self._total_keyword_before(clause, i)
                if item.unit_text:
                    inf.unit = units.canonical(item.unit_text)
                    inf.scale = _scale(inf.unit)
                if item.kind == "quantity":
                    unit_label = " ".join(filter(None, [(item.unit_text or "").lower(), after]))
                    kind_unit = inf.unit not in (None, "person")
                    inf.label = (unit_label if (kind_unit or not own) and unit_label else own)
                elif item.kind in ("ratio",):
                    inf.label = own or " ".join(filter(None, [(item.unit_text or "").lower(), after]))
                elif item.kind == "bare_percent":
                    inf.label = context_label or own
                    inf.level = labels.level(own)
                elif item.kind in ("delta", "multiple"):
                    # "tăng 1.462 đồng chí do kết nạp mới": what changed, before or after
                    inf.label = " ".join(filter(None, [own, after]))
                else:
                    inf.label = own
                if inf.level is None:
                    inf.level = labels.level(inf.label) or labels.level(own)
                if inf.level is None and (not own or labels.attribute(own)):
                    # a subgroup or a bare count takes the level its sentence opens with
                    inf.level = self.head_level
                inf.period = self.period

    def _words_before(self, clause: Clause, i: int) -> tuple[list[str], bool]:
        words: list[str] = []
        is_total = False
        j = i - 1
        while j >= 0 and len(words) < _MAX_LABEL_WORDS:
            it = clause[j]
            if it.kind == "token" and it.type in ("WORD", "AGE"):
                words.insert(0, it.text)
            elif it.kind == "token" and it.type == "COLON":
                pass
            elif it.kind == "term" and words and words[0].lower() in ("có", "là", "gồm", "được"):
                # "Ban chấp hành đảng bộ cấp huyện nhiệm kỳ 2015 - 2020 có 412 đồng chí": the
                # term sits between the words that name the count and the count
                pass
            elif (
                it.kind == "token"
                and it.type == "COMMA"
                and words
                and j > 0
                and clause[j - 1].kind == "token"
                and clause[j - 1].type == "WORD"
            ):
                # "cán bộ, công chức, viên chức của tỉnh 16.244": a list of words is one label
                words.insert(0, ",")
            elif it.kind == "token" and it.type == "TOTAL_KW":
                if it.text.lower().startswith("trong") and words:
                    # "Trong số đảng viên mới kết nạp có 721 đồng chí nữ": the words name
                    # the whole, not this count; after a comma they are this count's own
                    # ("Trong số cấp ủy viên cơ sở, nữ 561 đồng chí")
                    if "," in words:
                        return words[len(words) - words[::-1].index(",") :], False
                    return [], False
                is_total = True
                break
            else:
                break
            j -= 1
        return words, is_total

    def _words_after(self, clause: Clause, i: int) -> list[str]:
        words: list[str] = []
        for it in clause[i + 1 :]:
            if it.kind == "token" and it.type in ("WORD", "AGE") and len(words) < 6:
                words.append(it.text)
            else:
                break
        return words

    @staticmethod
    def _total_keyword_before(clause: Clause, i: int) -> bool:
        for it in reversed(clause[:i]):
            if it.kind == "token" and it.type == "TOTAL_KW":
                return not (it.text.lower().startswith("trong") and it is not clause[i - 1])
            if it.is_figure or it.kind == "group":
                return False
        return False

    def _head_level(self) -> str | None:
        """The level the sentence opens with, before its first figure."""
        words: list[str] = []
        for item in self.clauses[0] if self.clauses else []:
            if item.is_figure or item.kind == "group":
                break
            if item.kind == "token" and item.type in ("WORD", "AGE", "COMMA"):
                words.append(item.text)
        return labels.level(labels.normalise(words)) if words else None

    def _sentence_period(self) -> str | None:
        for item in _walk_items(self.clauses, skip_bases=True):
            if item.kind == "term" and item.years:
                start, end = item.years
                return f"{start}-{end}" if end else str(start)
        return None

    # -- relations -------------------------------------------------------------------------
    def _relate(
        self, clauses: list[Clause], owner: Item | None, context: Item | None, top: bool
    ) -> None:
        breakdown: _Total | None = None
        outer: _Total | None = None  # a sentence-wide list that holds the open one
        across = False  # whether the open breakdown continues over ";"
        last_qty: Item | None = None
        last_qty_before: Item | None = None  # the last count of the clauses before this one
        for ci, clause in enumerate(clauses):
            if breakdown is not None and ci > 0:
                first = next((it for it in clause if it.kind == "quantity"), None)
                parallel = first is not None and (
                    self._has_attribute(first) or _has_share_after(clause, first)
                )
                if not (across or parallel):
                    self._close(breakdown)
                    breakdown = None
            if ci > 0:
                last_qty_before = last_qty or last_qty_before
            last_fig: Item | None = None
            last_qty: Item | None = None
            last_pct: Item | None = None
            for i, item in enumerate(clause):
                kind = item.kind
                if kind == "quantity" and _opens_list(clause, i) and breakdown is None:
                    self.info[id(item)].is_total = True
                    breakdown = _Total(item, [], "trong tổng số", item.start, item.end)
                    across = False
                    last_fig = last_qty = item
                    continue
                if kind in ("quantity", "ratio"):
                    if breakdown is not None and item is not breakdown.total:
                        if self._compatible(breakdown.total, item):
                            breakdown.parts.append(item)
                    last_fig = item
                    if kind == "quantity":
                        last_qty = item
                elif kind in _PERCENT_KINDS or (kind == "rate" and item.base is None):
                    last_pct = item
                    self.info[id(item)].whole_hint = _named_whole(clause, i) or self.hint
                    target = last_fig or owner or context
                    target = self._figure_of(target)
                    if target is not None and target.kind == "ratio":
                        self.info[id(target)].rate = self.info[id(item)].id
                        self.info[id(item)].part = self.info[id(target)].id
                        self.info[id(item)].whole_source = "ratio"
                    elif target is not None and (kind != "bare_percent" or _alone(clause, owner)):
                        self.info[id(item)].part = self.info[id(target)].id
                        self.info[id(item)].label = self.info[id(target)].label
                        self.info[id(item)].level = self.info[id(target)].level
                    if last_fig is None:
                        last_fig = item
                elif kind == "rate" or kind in ("delta", "multiple"):
                    stated_base = _stated_base(clause, i)
                    if stated_base is not None:
                        self.info[id(item)].base_value = self.info[id(stated_base)].id
                    subject = last_fig or owner or context
                    if item.measure == "points" and last_pct is not None:
                        subject = last_pct  # "chiếm 22,79%, tăng 2 điểm phần trăm"
                    if (
                        breakdown is not None
                        and breakdown.parts
                        and not isinstance(breakdown.total, _KnownItem)
                        and i > 0
                        and clause[i - 1].kind == "token"
                        and clause[i - 1].type == "COMMA"
                        and last_pct is None
                        and not any(self._has_attribute(p) for p in breakdown.parts)
                    ):
                        # "là 12,6 tỷ đồng, gồm 9,8 ... và 3,8 ..., tăng 13,51% so với ...":
                        # after the list of parts, the change is the total's
                        subject = breakdown.total
                    if subject is not None and subject.kind in ("share", "rate", "bare_percent"):
                        if item.measure == "count" and kind != "rate":
                            subject = self._figure_of(subject)
                    if subject is not None and id(subject) in self.info:
                        self.info[id(item)].subject = self.info[id(subject)].id
                    if kind == "rate" and last_fig is None:
                        last_fig = item
                elif kind == "group":
                    grp_owner = _owner_of_group(clause, i)
                    if grp_owner is not None and _compares(grp_owner) and not _starts_breakdown(item):
                        # "đạt 97,63% so với Đề án (1.600 học viên)", "tăng 5,2% so với cùng
                        # kỳ (1.355 đảng viên)": the bracket holds what it is compared with
                        self._base_value(grp_owner, item)
                        self._relate(item.clauses, None, None, top=False)
                        continue
                    before = len(self.totals)
                    self._relate(item.clauses, grp_owner, last_fig or owner, top=False)
                    total_item = self._figure_of(grp_owner)
                    if total_item is not None and total_item.kind == "quantity":
                        claimed = any(t.total is total_item for t in self.totals[before:])
                        parts = [
                            it
                            for cl in item.clauses
                            for it in cl
                            if it.kind == "quantity" and self._compatible(total_item, it)
                        ]
                        if parts and not claimed:
                            self.totals.append(_Total(total_item, parts, "", item.start, item.end))
                elif kind == "token" and item.type == "BREAKDOWN":
                    nxt = clause[i + 1] if i + 1 < len(clause) else None
                    if (
                        nxt is not None
                        and nxt.kind == "quantity"
                        and owner is None
                        and not any(it.is_figure for it in clause[:i])
                        and item.text.lower().split()[-1] in ("gồm", "có")
                        and not item.text.lower().startswith("trong")
                    ):
                        # "Quy hoạch ... gồm 96 đồng chí, trong đó ...": the count it consists of
                        self.info[id(nxt)].is_total = True
                        continue
                    if breakdown is not None:
                        if across and last_qty is not None and last_qty in breakdown.parts and outer is None:
                            # "Trong đó: Cấp tỉnh: ... 3 đồng chí, cụ thể: ...": a list
                            # within the list; the outer one stays open
                            outer = breakdown
                        else:
                            self._close(breakdown)
                    total_item = last_qty
                    across = nxt is not None and nxt.kind == "token" and nxt.type == "COLON"
                    if total_item is None and not any(it.is_figure for it in clause[:i]):
                        total_item = self._figure_of(owner) if owner is not None else None
                        across = True
                        if total_item is not None and _compares(owner):
                            total_item = None
                        if total_item is None and ci > 0 and last_qty_before is not None:
                            # "gồm 96 đồng chí, giảm 21 ...; trong đó nữ 19 ...": the count
                            # of the clauses before
                            total_item = last_qty_before
                        elif total_item is None and top and ci == 0:
                            total_item = self._previous_total()
                    breakdown = (
                        _Total(total_item, [], item.text.lower(), item.start, item.end)
                        if total_item is not None
                        else None
                    )
        if outer is not None:
            if breakdown is not None:
                self._close(breakdown)
            breakdown = outer
        if breakdown is not None:
            if top and self._keeps_going(breakdown):
                self.pending_list = self._open(breakdown)
            else:
                self._close(breakdown)

    # -- lists over several sentences ------------------------------------------------------
    def _keeps_going(self, breakdown: _Total) -> bool:
        """A "Trong đó:" list of the sentence before's total whose first item is labelled
        ("Cấp tỉnh: ...") may go on in the next sentences ("Cấp huyện: ...")."""
        return (
            isinstance(breakdown.total, _KnownItem)
            and len(breakdown.parts) == 1
            and _labelled_start(self.clauses)
        )

    def _open(self, breakdown: _Total) -> OpenList:
        assert isinstance(breakdown.total, _KnownItem)
        part = breakdown.parts[0]
        inf = self.info[id(part)]
        inf.role = "part"
        known = Known(inf.id, _value(part, inf), inf.unit, False, self.sentence)
        return OpenList(breakdown.total.known, [known], breakdown.marker, breakdown.start, self.sentence)

    def _continue_list(self) -> bool:
        """Whether this sentence goes on with the open list: it opens with a label and a
        colon, and its first count is of the same kind as the total."""
        open_list = self.ctx.open_list
        if open_list is None or not _labelled_start(self.clauses):
            return False
        first = next((it for it in self.clauses[0] if it.kind == "quantity"), None)
        if first is None:
            return False
        inf = self.info[id(first)]
        if not units.compatible(open_list.total.unit, inf.unit):
            return False
        inf.role = "part"
        open_list.parts.append(Known(inf.id, _value(first, inf), inf.unit, False, self.sentence))
        return True

    def _list_fact(self, open_list: OpenList, text: str) -> Total:
        fid = self.next_id
        self.next_id += 1
        return Total(
            id=fid,
            span=Span(open_list.start, open_list.start + 1),
            text=text[open_list.start : open_list.start + 40],
            sentence=open_list.sentence,
            total=open_list.total.id,
            parts=tuple(p.id for p in open_list.parts),
            relation="subset" if open_list.marker.startswith("trong") else "partition",
            disjoint=True,
            marker=open_list.marker,
        )

    def _base_value(self, comparison: Item, group: Item) -> None:
        first = next(
            (it for cl in group.clauses for it in cl if it.kind in ("quantity", "bare_percent")), None
        )
        if first is not None and id(comparison) in self.info:
            self.info[id(comparison)].base_value = self.info[id(first)].id

    def _close(self, breakdown: _Total) -> None:
        if not breakdown.parts:
            return
        if isinstance(breakdown.total, _KnownItem):
            # The total of the sentence before was a guess: keep the nearest one that can
            # hold every part (same kind of unit, at least as large as the largest part).
            largest = max(_value(p, self.info[id(p)]) for p in breakdown.parts)
            unit = next((self.info[id(p)].unit for p in breakdown.parts if self.info[id(p)].unit), None)
            for known in self._total_candidates():
                if known.value >= largest and units.compatible(known.unit, unit):
                    breakdown.total = _KnownItem(known)
                    break
            else:
                return
        self.totals.append(breakdown)

    def _figure_of(self, item: Item | None) -> Item | None:
        """The count a share, rate or change is about: itself for a count or ratio."""
        if item is None:
            return None
        if item.kind in ("quantity", "ratio"):
            return item
        inf = self.info.get(id(item))
        if inf is None:
            return None
        ref = inf.part if item.kind != "rate" else (inf.subject if item.base else inf.part)
        return self.by_id.get(ref) if ref is not None else None

    def _total_candidates(self) -> list[Known]:
        """Totals of the sentence before, nearest first, those with a unit first."""
        found = [k for k in self.ctx.recent(self.sentence) if k.sentence < self.sentence and k.is_total]
        return [k for k in found if k.unit] + [k for k in found if not k.unit]

    def _previous_total(self) -> Item | None:
        """A stand-in for a total of the sentence before ("Trong đó: ...")."""
        candidates = self._total_candidates()
        return _KnownItem(candidates[0]) if candidates else None

    def _compatible(self, total: Item, part: Item) -> bool:
        if isinstance(total, _KnownItem):
            unit_a = total.known.unit
        else:
            unit_a = self.info[id(total)].unit if id(total) in self.info else None
        unit_b = self.info[id(part)].unit if id(part) in self.info else None
        return units.compatible(unit_a, unit_b)

    def _has_attribute(self, item: Item) -> bool:
        return labels.attribute(self.info[id(item)].label) is not None

    def _roles(self) -> None:
        for tot in self.totals:
            if not isinstance(tot.total, _KnownItem):
                self.info[id(tot.total)].role = "total"
            for p in tot.parts:
                if self.info[id(p)].role == "count":
                    self.info[id(p)].role = "part"

    # -- wholes of shares ------------------------------------------------------------------
    def _wholes(self) -> None:
        part_of: dict[int, int] = {}
        for tot in self.totals:
            owner_id = self._id(tot.total)
            for p in tot.parts:
                part_of.setdefault(self.info[id(p)].id, owner_id)
        first_top = next(
            (it for cl in self.clauses for it in cl if it.kind == "quantity"), None
        )
        by_id = {self.info[id(it)].id: it for it in self.items}
        orphans: list[Item] = []
        for item in self.items:
            if item.kind not in _PERCENT_KINDS and not (item.kind == "rate" and item.base is None):
                continue
            inf = self.info[id(item)]
            if inf.whole_source == "ratio" or inf.part is None:
                continue
            part = by_id.get(inf.part)
            if part is None or part.kind != "quantity":
                continue
            pinf = self.info[id(part)]
            named = self._named_total(inf.whole_hint, part, pinf) if inf.whole_hint else None
            if inf.part in part_of:
                inf.whole, inf.whole_source = part_of[inf.part], "total"
            elif named is not None:
                inf.whole, inf.whole_source = named.id, "named"
            elif (
                first_top is not None
                and first_top is not part
                and first_top.start < part.start
                and self._compatible(first_top, part)
                and _value(first_top, self.info[id(first_top)]) >= _value(part, pinf)
                and not self._has_share(first_top)
            ):
                inf.whole, inf.whole_source = self.info[id(first_top)].id, "sentence"
            else:
                known = self._nearest_total(part, pinf, item.numbers[0])
                if known is not None:
                    source = "previous" if known.is_total else "subject"
                    inf.whole, inf.whole_source = known.id, source
                else:
                    orphans.append(item)
        self._sum_of_parts(orphans, by_id)

    def _has_share(self, quantity: Item) -> bool:
        qid = self.info[id(quantity)].id
        return any(
            self.info[id(it)].part == qid for it in self.items if it.kind in _PERCENT_KINDS
        )

    def _nearest_total(self, part: Item, pinf: _Info, stated: Number) -> Known | None:
        """The total a share with no structural whole is most likely of: among the totals
        of this sentence and the few before (same kind of unit, at least the count), the
        nearest one that gives the stated share, else the nearest one."""
        value = _value(part, pinf)
        candidates: list[Known] = []
        for item in reversed(self.items):
            if item is part or item.kind != "quantity" or item.start > part.start:
                continue
            inf = self.info[id(item)]
            if inf.is_total and units.compatible(inf.unit, pinf.unit) and _value(item, inf) >= value:
                candidates.append(Known(inf.id, _value(item, inf), inf.unit, True, self.sentence))
        for known in self.ctx.recent(self.sentence, reach=_TOTAL_REACH):
            if known.is_total and units.compatible(known.unit, pinf.unit) and known.value >= value:
                candidates.append(known)
        for known in candidates:
            if known.value and _gives(value, known.value, stated):
                return known
        if candidates:
            return candidates[0]
        # No total was named: the subject of the sentence before ("... quy hoạch được 2.738
        # đồng chí. Cán bộ nữ ... có 624 đồng chí, chiếm 22,79%") is taken only when it
        # gives the stated share, so a guess never makes an error.
        for known in self.ctx.recent(self.sentence, reach=1):
            if (
                known.first
                and known.sentence < self.sentence
                and units.compatible(known.unit, pinf.unit)
                and known.value > value
                and _gives(value, known.value, stated)
            ):
                return known
        return None

    def _named_total(self, hint: str, part: Item, pinf: _Info) -> Known | None:
        """The count a share names as its whole ("chiếm 45,32% trong tổng số cán bộ, công
        chức, viên chức", "Trong số đảng viên mới kết nạp có ..."): the nearest earlier
        count whose label or unit shares the naming words."""
        words = _content_words(hint)
        if not words:
            return None
        value = _value(part, pinf)
        pool = [
            Known(self.info[id(it)].id, _value(it, self.info[id(it)]), self.info[id(it)].unit,
                  self.info[id(it)].is_total, self.sentence)
            for it in reversed(self.items)
            if it.kind == "quantity" and it.start < part.start and it is not part
        ]
        pool.extend(self.ctx.recent(self.sentence, reach=_NAMED_REACH))
        labels_of = self._labels_by_id()
        best: tuple[int, Known] | None = None
        for known in pool:
            if not units.compatible(known.unit, pinf.unit) or known.value < value:
                continue
            own = _content_words(labels_of.get(known.id, ""))
            common = len(own & words)
            # the naming words must cover the candidate's label, or share two words with it
            if common and (common >= 2 or common == len(own)) and (best is None or common > best[0]):
                best = (common, known)
        return best[1] if best else None

    def _labels_by_id(self) -> dict[int, str]:
        out = {k.id: k.label for k in self.ctx.quantities}
        for it in self.items:
            inf = self.info[id(it)]
            out[inf.id] = f"{inf.label} {(it.unit_text or '').lower()}"
        return out

    def _sum_of_parts(self, orphans: list[Item], by_id: dict[int, Item]) -> None:
        """Shares with no stated whole, listed side by side: if they add up to about 100%,
        the whole is the sum of their counts (a complete breakdown)."""
        if len(orphans) < 2:
            return
        parts = [by_id[self.info[id(o)].part] for o in orphans]  # type: ignore[index]
        if len({self.info[id(p)].unit for p in parts}) > 1:
            return
        dims = {a[0] for p in parts if (a := labels.attribute(self.info[id(p)].label))}
        if len(dims) > 1:
            return
        total_share = sum((o.numbers[0].value for o in orphans), Decimal(0))
        if not Decimal(90) <= total_share <= Decimal(110):
            return
        ids = tuple(self.info[id(p)].id for p in parts)
        for o in orphans:
            self.info[id(o)].whole_parts = ids
            self.info[id(o)].whole_source = "parts"

    # -- citations -----------------------------------------------------------------------
    def _citations(self, clauses: list[Clause], text: str) -> None:
        for clause in clauses:
            for i, item in enumerate(clause):
                if item.kind == "group":
                    self._citations(item.clauses, text)
                elif item.kind == "reference":
                    parts = read_citation(clause, i, text)
                    inf = self.info[id(item)]
                    inf.date = self.info[id(parts.date)].id if parts.date is not None else None
                    inf.issuer, inf.title = parts.issuer, parts.title

    # -- making the facts ------------------------------------------------------------------
    def _fact(self, item: Item, text: str) -> Fact:
        inf = self.info[id(item)]
        span = Span(item.start, item.end)
        shown = text[item.start : item.end]
        common = dict(id=inf.id, span=span, text=shown, sentence=self.sentence)
        k = item.kind
        if k == "quantity":
            return Quantity(
                **common,
                number=item.numbers[0],
                unit=inf.unit,
                unit_text=item.unit_text,
                scale=inf.scale,
                label=inf.label,
                level=inf.level,
                period=inf.period,
                is_total=inf.is_total,
                role=inf.role,
            )
        if k in _PERCENT_KINDS or (k == "rate" and item.base is None):
            return Percent(
                **common,
                number=item.numbers[0],
                part=inf.part,
                whole=inf.whole,
                whole_source=inf.whole_source,
                whole_parts=inf.whole_parts,
                label=inf.label,
                level=inf.level,
                period=inf.period,
                keyword=" ".join(item.keyword.lower().split()),
            )
        if k == "rate":
            return Target(
                **common,
                number=item.numbers[0],
                subject=inf.subject,
                basis=_base_text(item),
                keyword="vượt" if item.keyword.lower().startswith("vượt") else "đạt",
                base_value=inf.base_value,
            )
        if k == "ratio":
            return Ratio(
                **common,
                numerator=item.numbers[0],
                denominator=item.numbers[1],
                label=inf.label,
                rate=inf.rate,
            )
        if k in ("delta", "multiple"):
            measure = "times" if k == "multiple" else item.measure
            base_period = None
            if item.base is not None and item.base.kind == "term" and item.base.years:
                s, e = item.base.years
                base_period = f"{s}-{e}" if e else str(s)
            direction = -1 if item.keyword.lower().startswith("giảm") else 1
            return Delta(
                **common,
                direction=direction,
                amount=item.numbers[0],
                unit=units.canonical(item.unit_text) if item.unit_text else None,
                measure=measure,
                subject=inf.subject,
                base=_base_text(item),
                base_period=base_period,
                base_value=inf.base_value,
                label=inf.label,
            )
        if k == "term":
            assert item.years is not None
            start, end = item.years
            return Term(**common, start_year=start, end_year=end, word=" ".join(item.keyword.lower().split()))
        if k == "date":
            assert item.date is not None
            d, m, y = item.date
            return Date(**common, day=d, month=m, year=y, style=item.date_style)
        if k == "enumeration":
            return Enumeration(**common, number=int(item.numbers[0].value))
        assert k == "reference"
        number, code = _split_code(item.code)
        return Reference(
            **common,
            doc_type=item.keyword,
            number=number,
            code=code,
            raw_code=item.code,
            date=inf.date,
            issuer=inf.issuer,
            title=inf.title,
        )

    def _total_fact(self, tot: _Total, text: str) -> Total:
        fid = self.next_id
        self.next_id += 1
        total_id = self._id(tot.total)
        part_labels = [self.info[id(p)].label for p in tot.parts]
        attrs = [labels.attribute(lbl) for lbl in part_labels]
        dims = {a[0] for a in attrs if a}
        marker = tot.marker
        if attrs and all(attrs) and len(dims) == 1:
            dim = next(iter(dims))
            complete = labels.complete_dimension(dim, {a[1] for a in attrs if a})
            relation, disjoint = ("partition" if complete else "subset"), True
        elif any(attrs):
            relation, disjoint = "subset", False
        elif marker.startswith("trong đó") or len(tot.parts) == 1:
            relation, disjoint = "subset", True
        else:
            relation, disjoint = "partition", True
        start = min([tot.start] + [p.start for p in tot.parts])
        end = max([tot.end] + [p.end for p in tot.parts])
        if not isinstance(tot.total, _KnownItem):
            start = min(start, tot.total.start)
        return Total(
            id=fid,
            span=Span(start, end),
            text=text[start:end][:200],
            sentence=self.sentence,
            total=total_id,
            parts=tuple(self.info[id(p)].id for p in tot.parts),
            relation=relation,
            disjoint=disjoint,
            marker=marker,
        )

    def _id(self, item: Item) -> int:
        if isinstance(item, _KnownItem):
            return item.known.id
        return self.info[id(item)].id


class _KnownItem(Item):
    """A total from an earlier sentence, standing in an item's place."""

    def __init__(self, known: Known) -> None:
        super().__init__("quantity", -1, -1, "")
        self.known = known


_FACT_KINDS = (
    "quantity",
    "share",
    "bare_percent",
    "rate",
    "ratio",
    "delta",
    "multiple",
    "term",
    "date",
    "reference",
    "enumeration",
)


_OWNER_GAP = 6  # words allowed between a figure and its bracket: "11 đảng bộ trực thuộc (gồm ..."


def _owner_of_group(clause: Clause, i: int) -> Item | None:
    """The figure a bracket belongs to: the one right before it, or before a few words
    that go on naming it ("171 đảng bộ cơ sở (xã ...: 75; ...)")."""
    words = 0
    for it in reversed(clause[:i]):
        if it.is_figure:
            return it
        if it.kind == "token" and it.type in ("WORD", "AGE") and words < _OWNER_GAP:
            if it.text.lower() in _COMPARISON_WORDS:
                return None
            words += 1
            continue
        if it.kind == "token" and it.type == "COMMA" and words:
            continue  # "18.560 cán bộ, công chức, viên chức (nam ..., nữ ...)"
        if it.kind == "term" and words < _OWNER_GAP:
            words += 1
            continue
        return None
    return None


_TOTAL_REACH = 4  # sentences back in which a share may find its total
_NAMED_REACH = 8  # sentences back in which a share may find the whole it names


def _gives(part: Decimal, whole: Decimal, stated: Number) -> bool:
    """Whether part/whole, rounded or truncated to the stated decimals, is the stated share."""
    from decimal import ROUND_DOWN, ROUND_HALF_UP

    exact = part * 100 / whole
    q = Decimal(1).scaleb(-stated.decimals)
    return stated.value in (exact.quantize(q, ROUND_HALF_UP), exact.quantize(q, ROUND_DOWN))


def _content_words(text: str) -> set[str]:
    stop = labels.data().stopwords | {"cán", "bộ", "người", "đồng", "chí", ",", "của", "tổng", "số"}
    return {w for w in text.lower().replace(",", " ").split() if w not in stop}


def _named_whole(clause: Clause, i: int) -> str:
    """Words naming a share's whole right after it: "chiếm 6,55% tổng số cán bộ, ..."."""
    if i + 1 < len(clause) and clause[i + 1].kind == "token" and clause[i + 1].type == "TOTAL_KW":
        words = []
        for it in clause[i + 2 :]:
            if it.kind == "token" and it.type in ("WORD", "COMMA"):
                words.append(it.text)
            else:
                break
        return " ".join(words)
    return ""


def _sentence_whole(clauses: list[Clause]) -> str:
    """"Trong số đảng viên mới được kết nạp có 721 đồng chí nữ, chiếm 50,56%; ...": a
    sentence that opens by naming the whole its shares are of."""
    if not clauses or not clauses[0]:
        return ""
    first = clauses[0][0]
    if not (first.kind == "token" and first.type == "TOTAL_KW" and first.text.lower().startswith("trong")):
        return ""
    words = []
    for it in clauses[0][1:]:
        if it.kind == "token" and it.type == "WORD":
            words.append(it.text)
        else:
            break
    return " ".join(words)


# Words between a figure and a bracket that make the bracket a comparison, not a breakdown.
_COMPARISON_WORDS = frozenset(
    {"kế", "hoạch", "chỉ", "tiêu", "đề", "án", "so", "với", "mục", "không", "tính", "ngoài", "trước"}
)


def _labelled_start(clauses: list[Clause]) -> bool:
    """"Cấp huyện: Luân chuyển 23 đồng chí": the sentence opens with a few words and a
    colon (after an optional "Trong đó:")."""
    if not clauses:
        return False
    items = clauses[0]
    i = 0
    if i < len(items) and items[i].kind == "token" and items[i].type == "BREAKDOWN":
        i += 1
        if i < len(items) and items[i].kind == "token" and items[i].type == "COLON":
            i += 1
    words = 0
    while i < len(items) and items[i].kind == "token" and items[i].type == "WORD" and words < 5:
        words += 1
        i += 1
    return 0 < words and i < len(items) and items[i].kind == "token" and items[i].type == "COLON"


def flush(ctx: Context, next_id: int, text: str) -> list[Fact]:
    """The list still open at the end of the document, as a fact."""
    if ctx.open_list is None:
        return []
    builder = SentenceFacts([], ctx.open_list.sentence, next_id, ctx)
    fact = builder._list_fact(ctx.open_list, text)
    ctx.open_list = None
    return [fact]


def _starts_breakdown(group: Item) -> bool:
    """"(trong đó, cán bộ trẻ 25 đồng chí, ...)": a bracket that lists parts."""
    first = group.clauses[0][0] if group.clauses and group.clauses[0] else None
    return first is not None and first.kind == "token" and first.type == "BREAKDOWN"


def _alone(clause: Clause, owner: Item | None) -> bool:
    """A percentage alone in the bracket after a count: "197 đồng chí nữ (24,26%)"."""
    return owner is not None and owner.kind == "quantity" and sum(1 for it in clause if it.is_figure) == 1


def _has_share_after(clause: Clause, quantity: Item) -> bool:
    """"tham gia lần đầu 1.342 đồng chí, chiếm 27,99%": a count with its share, as the
    parts listed before it were."""
    after = False
    for it in clause:
        if it is quantity:
            after = True
        elif after and it.kind in ("share", "rate", "bare_percent"):
            return True
        elif after and it.kind == "quantity":
            return False
    return False


def _opens_list(clause: Clause, i: int) -> bool:
    """"Trong tổng số 812 đồng chí ... có 197 ..., 305 ...": a count right after "trong
    tổng số" at the start of its clause is the total of the counts that follow."""
    return (
        i == 1
        and clause[0].kind == "token"
        and clause[0].type == "TOTAL_KW"
        and clause[0].text.lower().startswith("trong")
        and any(it.kind == "quantity" for it in clause[i + 1 :])
    )


def _compares(item: Item | None) -> bool:
    """A change or an achievement against a stated basis."""
    if item is None:
        return False
    return item.kind in ("delta", "multiple") or (item.kind == "rate" and item.base is not None)


def _stated_base(clause: Clause, i: int) -> Item | None:
    """"đạt 85,60% so với chỉ tiêu Đề án là 250 đồng chí": the count after "là"."""
    words = 0
    for it in clause[i + 1 :]:
        if it.kind == "token" and it.type == "WORD" and words < 4:
            words += 1
            last = it.text.lower()
            continue
        if it.kind == "quantity" and words and last == "là":
            return it
        return None
    return None


def _walk_items(clauses: list[Clause], skip_bases: bool = False) -> Iterator[Item]:
    """Every item in text order, groups entered, the bases of changes included."""
    for clause in clauses:
        for item in clause:
            if item.kind == "group":
                yield from _walk_items(item.clauses, skip_bases)
                continue
            yield item
            if item.base is not None and item.base.kind == "term" and not skip_bases:
                yield item.base


def _value(item: Item, inf: _Info) -> Decimal:
    if isinstance(item, _KnownItem):
        return item.known.value
    return item.numbers[0].value * inf.scale


def _scale(unit: str | None) -> Decimal:
    """How many đồng one unit of money is: a "tỷ đồng" is 10^9 đồng (pint converts). Other
    units keep their own scale: "9 tháng" is nine months, not 0,75 of a year."""
    if unit is None:
        return Decimal(1)
    factor, base = units.to_base(Decimal(1), unit)
    return factor if base == "dong" else Decimal(1)


def _base_text(item: Item) -> str:
    if item.base is None:
        return ""
    return item.base.text


def _split_code(raw: str) -> tuple[str | None, str | None]:
    """"37-KH/TU" -> ("37", "KH/TU"); "22/2022/NQ-HĐND" -> ("22", "2022/NQ-HĐND")."""
    if not raw or not raw[0].isdigit():
        return None, None
    i = 0
    while i < len(raw) and raw[i].isdigit():
        i += 1
    number, rest = raw[:i], raw[i:]
    return number, (rest[1:] or None) if rest else None


def number_value(number: Number) -> Decimal:
    return number.value
