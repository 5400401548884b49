"""N401-N406: differences between terms or periods ("65 đồng chí (giảm 52 đồng chí so với
nhiệm kỳ 2020 - 2025)").

A stated difference implies the earlier figure (65 + 52 = 117). What the implied earlier
figures must satisfy among themselves is checked without anything else (N401); where the
earlier figure is stated (beside the change, elsewhere in the report, or in the earlier
report given with ``--baseline``), the difference is recomputed (N402 direction, N403
amount, N404 percent against percentage points). The period compared with must agree with
its siblings (N405), and a figure of the earlier report repeated here must be repeated
unchanged (N406). Figures are matched by metric (rules/xref/metrics.py), through dicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker.rules.numeric import arith
from checker.rules.xref import metrics
from checker.rules.xref.metrics import Metric

from checker import units
from checker.baseline import BaselineFacts
from checker.engine import Document, Rule
from checker.facts import Delta, Facts, Number, Percent, Quantity, Total
from checker.findings import Finding, Message, Severity
from checker.numbers import format_vn, rounded

# ---------------------------------------------------------------------------------------
# Shared: the changes of a document and the earlier figures they refer to
# ---------------------------------------------------------------------------------------

_RELATIVE_BASES = ("cùng kỳ", "năm trước", "cùng kỳ năm trước")


@dataclass(frozen=True)
class Change:
    """A stated change with what changed and the period it is compared with."""

    delta: Delta
    subject: Quantity | Percent | None
    metric: Metric | None
    base: str | None  # the period compared with: "2020-2025", "2022"

    @property
    def stated(self) -> Decimal:
        """The change as a signed number (in the subject's unit, points or percent)."""
        return self.delta.direction * self.delta.amount.value

    @property
    def words(self) -> str:
        return self.delta.text.split(" so với")[0]


@dataclass(frozen=True)
class Earlier:
    """An earlier figure found for a change, and where it was found."""

    value: Decimal
    number: Number
    where_vi: str
    where_en: str
    span: object | None = None  # in the current document, when it is there


def changes(doc: Document, by_id: dict[int, Metric]) -> list[Change]:
    facts = doc.facts
    main = metrics.main_period(facts, doc.source)
    dominant = _dominant_base(facts)
    out: list[Change] = []
    for d in facts.of(Delta):
        subject = _subject(facts, d)
        metric = by_id.get(subject.id) if subject is not None else None
        out.append(Change(d, subject, metric, _base(doc, d, metric, main, dominant)))
    return out


def _subject(facts: Facts, d: Delta) -> Quantity | Percent | None:
    """What changed. The extracted subject is kept, except right after a part's own share:
    "trong đó nữ 3 đồng chí, chiếm 20,00%, tăng 1 đồng chí" is about the 3 (and a change in
    points about the 20,00%), not the total the sentence opened with. With no extracted
    subject, the nearest figure of the right kind before the change in its sentence."""
    stated = facts.get(d.subject)
    if not isinstance(stated, (Quantity, Percent)):
        stated = None
    before = facts.items[d.id - 1] if d.id > 0 else None
    if isinstance(before, Percent) and before.sentence == d.sentence:
        part = facts.get(before.part)
        if d.measure == "points":
            return before
        if isinstance(part, Quantity) and d.measure == "count" and stated is not None and part.id > stated.id:
            return part
    if stated is not None:
        return stated
    for f in reversed(facts.items[: d.id]):
        if f.sentence != d.sentence:
            break
        if d.measure == "points" and isinstance(f, Percent):
            return f
        if (
            d.measure != "points"
            and isinstance(f, Quantity)
            and f.unit not in _DURATIONS
            and (d.unit is None or f.unit is None or units.compatible(d.unit, f.unit))
        ):
            return f
    return None


_DURATIONS = frozenset({"year", "month", "day"})
_PREVIOUS_TERM = re.compile(r"^\s*(?:nhiệm\s+kỳ|nhiệm\s+kì|kỳ|khóa|khoá)\s+trước(?!\w)")


def _dominant_base(facts: Facts) -> str | None:
    """The period most changes of the report are measured against (more than half)."""
    counts: dict[str, int] = {}
    for d in facts.of(Delta):
        if d.base_period:
            counts[d.base_period] = counts.get(d.base_period, 0) + 1
    if not counts:
        return None
    best, n = max(counts.items(), key=lambda kv: kv[1])
    return best if n * 2 > sum(counts.values()) else None


def _base(
    doc: Document, d: Delta, metric: Metric | None, main: str | None, dominant: str | None
) -> str | None:
    """The period a change is measured against: named ("so với nhiệm kỳ 2020 - 2025"),
    relative ("so với cùng kỳ", "so với nhiệm kỳ trước": the one before the figure's own
    period or the report's), or left out ("tăng 1 đồng chí"): the period the report's
    other changes are measured against."""
    if d.base_period:
        return d.base_period
    base = " ".join(d.base.lower().split())
    period = (metric.key.period if metric is not None else None) or main
    if base in _RELATIVE_BASES:
        if period and "-" not in period:
            return metrics.previous_period(period)
        return None
    if base:
        after = metrics.lower(doc.source.text[d.span.end - len(d.base) : d.span.end + 20])
        if _PREVIOUS_TERM.match(after):
            return metrics.previous_period(period) or dominant
        return None
    return dominant


class Finder:
    """Earlier figures by metric: beside the change, in this report, in the baseline."""

    def __init__(self, doc: Document, own: Iterable[Metric]) -> None:
        self.doc = doc
        self.own = metrics.Lookup(own)
        self.base = metrics.Lookup(())
        self.baseline = doc.baseline
        if doc.baseline is not None:
            source = doc.baseline.source if isinstance(doc.baseline, BaselineFacts) else None
            main = metrics.main_period(doc.baseline, source)
            self.base = metrics.Lookup(
                m for m in metrics.metrics(doc.baseline, source, main) if not m.approximate
            )

    def earlier(self, change: Change) -> Earlier | None:
        side = _beside(self.doc, change)
        if side is not None:
            return side
        if change.metric is None or change.base is None:
            return None
        key = change.metric.key.at(change.base)
        found = self.own(key)
        if found is not None and _plausible(change, found.value):
            line = self.doc.source.position(found.fact.span.start).line
            return Earlier(
                found.value,
                found.number,
                f"dòng {line}: “{found.fact.text}”",
                f"line {line}: “{found.fact.text}”",
                found.fact.span,
            )
        earlier = self.in_baseline(key)
        if earlier is not None and _plausible(change, earlier.value):
            return earlier
        return None

    def in_baseline(self, key: metrics.Key) -> Earlier | None:
        found = self.base(key)
        if found is None:
            return None
        return Earlier(
            found.value,
            found.number,
            f"{_place(self.baseline, found.fact.id, 'vi')}: “{found.fact.text}”",
            f"{_place(self.baseline, found.fact.id, 'en')}: “{found.fact.text}”",
        )


_MAX_FACTOR = 3


def _plausible(change: Change, earlier: Decimal) -> bool:
    """Whether a figure found by its metric can be the earlier value of this one: counts of
    one thing from one term to the next stay within a factor of three (a match outside is
    more likely another figure with a thin label than a real change)."""
    subject = change.subject
    if not isinstance(subject, Quantity) or change.delta.measure == "points":
        return True
    now = subject.value
    if now <= 0 or earlier <= 0:
        return now == earlier == 0
    return max(now, earlier) / min(now, earlier) <= _MAX_FACTOR


def _place(baseline: Facts | None, fact_id: int, lang: str) -> str:
    if isinstance(baseline, BaselineFacts):
        return baseline.place(fact_id, lang)
    return "the earlier report" if lang == "en" else "báo cáo trước"


def _beside(doc: Document, change: Change) -> Earlier | None:
    """The earlier figure stated with the change: "tăng 5,2% so với cùng kỳ (1.355 ...)"."""
    ref = getattr(change.delta, "base_value", None)
    q = doc.facts.get(ref) if isinstance(ref, int) else None
    if isinstance(q, Percent) and isinstance(change.subject, Percent):
        value = q.number.value
    elif isinstance(q, Quantity) and isinstance(change.subject, Quantity):
        value = q.value
    else:
        return None
    return Earlier(value, q.number, f"nêu kèm: “{q.text}”", f"stated beside it: “{q.text}”", q.span)


def _tolerance(*numbers: Number) -> Decimal:
    """How far apart two derived figures may be when each was rounded or truncated."""
    return sum((Decimal(1).scaleb(-n.decimals) for n in numbers if n.decimals), Decimal(0))


def _same_unit(change: Change, value: Decimal) -> Decimal:
    """An amount of money stated in another scale than its subject, in the subject's unit."""
    subject = change.subject
    if not isinstance(subject, Quantity):
        return value
    a, b = change.delta.unit, subject.unit
    if a and b and a != b and a.endswith("dong") and b.endswith("dong"):
        in_base, _ = units.to_base(value, a)
        one, _ = units.to_base(Decimal(1), b)
        return in_base / one
    return value


@dataclass(frozen=True)
class Verdict:
    """What the figures give for a change, and whether the stated one fits."""

    expected: Decimal  # signed: in units, points, percent or times
    fits_amount: bool  # the magnitude is right
    fits_sign: bool
    shown: str  # the expected change as the document would write it


def judge(change: Change, earlier: Earlier) -> Verdict | None:
    """Recompute a change from the current and the earlier figure."""
    subject = change.subject
    if subject is None:
        return None
    current = subject.value if isinstance(subject, Quantity) else subject.number.value
    amount = change.delta.amount
    measure = change.delta.measure
    d = change.delta.direction
    if measure == "count" and isinstance(subject, Quantity):
        stated = _same_unit(change, amount.value)
        exp = current - earlier.value
        fits = abs(abs(exp) - stated) <= _tolerance(amount, subject.number, earlier.number) / 2
        return Verdict(exp, fits, exp == 0 or (exp > 0) == (d > 0), format_vn(abs(exp), amount.decimals))
    if measure == "points" and isinstance(subject, Percent):
        exp = current - earlier.value
        tol = _tolerance(amount, subject.number, earlier.number)
        fits = abs(abs(exp) - amount.value) <= tol
        return Verdict(exp, fits, exp == 0 or (exp > 0) == (d > 0), format_vn(abs(exp), max(amount.decimals, 1)))
    if measure == "percent" and isinstance(subject, Quantity) and earlier.value != 0:
        exp = arith.share(current - earlier.value, earlier.value)
        ok = any(rounded(abs(exp), amount.decimals, c) == amount.value for c in ("half-up", "truncate"))
        return Verdict(exp, ok, exp == 0 or (exp > 0) == (d > 0), format_vn(abs(exp), amount.decimals))
    if measure == "times" and earlier.value != 0:
        exp = current / earlier.value
        ok = any(rounded(exp, amount.decimals, c) == amount.value for c in ("half-up", "truncate"))
        return Verdict(exp, ok, True, format_vn(exp, amount.decimals))
    return None


def _periods(period: str | None) -> str:
    return (period or "").replace("-", " - ")


def _metrics(doc: Document) -> list[Metric]:
    return list(metrics.metrics(doc.facts, doc.source))


def _earlier_words(change: Change) -> str:
    return change.delta.base or _periods(change.base)


# ---------------------------------------------------------------------------------------
# N401
# ---------------------------------------------------------------------------------------


class ImpliedPrevious(Rule):
    """The earlier figures a set of changes implies must hang together.

    "65 đồng chí (giảm 52 ...)" implies 117 before; "nữ 12 (giảm 06 ...)" implies 18. The
    implied earlier figures must not be negative; an earlier part must not exceed the earlier
    whole; the earlier parts of a complete breakdown must add up to the earlier total; and an
    earlier share implied by a change in percentage points must be what the earlier part and
    whole give. Only changes measured against the same period are put together.

    Wrong: "80 đồng chí (giảm 20 so với nhiệm kỳ trước), trong đó nữ 30 đồng chí (giảm 75
    so với nhiệm kỳ trước)" (before: 100 in all, 105 women)
    Right: "80 đồng chí (giảm 20 so với nhiệm kỳ trước), trong đó nữ 30 đồng chí (giảm 5
    so với nhiệm kỳ trước)"
    """

    doc_vi = """Các số liệu kỳ trước suy ra từ các mức tăng, giảm phải khớp với nhau.

    "65 đồng chí (giảm 52 ...)" nghĩa là kỳ trước có 117; "nữ 12 (giảm 06 ...)" nghĩa là kỳ
    trước có 18. Số kỳ trước suy ra không được âm; thành phần kỳ trước không được lớn hơn
    tổng kỳ trước; các thành phần của một cơ cấu đầy đủ phải cộng lại bằng tổng kỳ trước;
    tỷ lệ kỳ trước suy ra từ mức tăng, giảm theo điểm phần trăm phải đúng bằng thành phần
    chia tổng kỳ trước. Chỉ so các mức tăng, giảm so với cùng một kỳ.

    Sai: "80 đồng chí (giảm 20 so với nhiệm kỳ trước), trong đó nữ 30 đồng chí (giảm 75 so
    với nhiệm kỳ trước)" (kỳ trước: tổng 100, nữ 105)
    Đúng: "80 đồng chí (giảm 20 so với nhiệm kỳ trước), trong đó nữ 30 đồng chí (giảm 5 so
    với nhiệm kỳ trước)"
    """

    code = "N401"
    name = "delta.implied-previous"
    category = "delta"
    severity = Severity.ERROR
    wants = (Delta, Quantity, Percent, Total)

    def check(self, doc: Document) -> Iterator[Finding]:
        facts = doc.facts
        by_subject: dict[int, Change] = {}
        for ch in changes(doc, {}):
            if ch.subject is not None and ch.delta.measure == "count" and isinstance(ch.subject, Quantity):
                by_subject.setdefault(ch.subject.id, ch)
        prev = {sid: ch.subject.value - _same_unit(ch, ch.stated) for sid, ch in by_subject.items()}  # type: ignore[union-attr]
        for sid, ch in by_subject.items():
            if prev[sid] < 0:
                yield self._negative(ch, prev[sid])
        yield from self._parts(facts, by_subject, prev)
        yield from self._shares(doc, by_subject, prev)
        yield from self._relative(doc, by_subject, prev)

    def _relative(
        self, doc: Document, by_subject: dict[int, Change], prev: dict[int, Decimal]
    ) -> Iterator[Finding]:
        """"tăng 3.132 đồng chí ..., tương ứng tăng 8,06%": the relative change must be the
        count change over the earlier figure it implies."""
        for ch in changes(doc, {}):
            subject = ch.subject
            if ch.delta.measure != "percent" or not isinstance(subject, Quantity):
                continue
            count = by_subject.get(subject.id)
            if count is None or (ch.base and count.base and ch.base != count.base):
                continue
            before = prev[subject.id]
            if before <= 0:
                continue
            exact = arith.share(_same_unit(count, count.stated), before)
            amount = ch.delta.amount
            same_way = (exact > 0) == (ch.delta.direction > 0) or exact == 0
            if same_way and any(
                rounded(abs(exact), amount.decimals, c) == amount.value for c in ("half-up", "truncate")
            ):
                continue
            right = "tăng" if exact > 0 else "giảm"
            right_en = "up" if exact > 0 else "down"
            shown = format_vn(abs(exact), amount.decimals)
            yield self.finding(
                ch.delta.span,
                Message(
                    vi=f"“{count.words}” từ {format_vn(before, 0)} là {right} {shown}%, không phải “{ch.words}”",
                    en=f"“{count.words}” from {format_vn(before, 0)} is {right_en} {shown}%, not “{ch.words}”",
                ),
                stated=amount.text,
                expected=f"{shown}%",
                evidence=Message(
                    vi=f"{_implied_vi(count, before)}; {count.delta.amount.text}/{format_vn(before, 0)} = {arith.show_exact(abs(exact))}%",
                    en=f"{_implied_en(count, before)}; {count.delta.amount.text}/{format_vn(before, 0)} = {arith.show_exact(abs(exact))}%",
                ),
                related=(count.delta.span,),
            )

    def _key(self, ch: Change) -> str:
        return ch.base or " ".join(ch.delta.base.lower().split())

    def _parts(
        self, facts: Facts, by_subject: dict[int, Change], prev: dict[int, Decimal]
    ) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        pairs: list[tuple[int, int]] = []
        for tot in facts.of(Total):
            pairs.extend((p, tot.total) for p in tot.parts)
            if tot.relation == "partition":
                yield from self._partition(facts, tot, by_subject, prev)
        for pct in facts.of(Percent):
            if pct.part is not None and pct.whole is not None and pct.whole_source in ("total", "sentence", "stated"):
                pairs.append((pct.part, pct.whole))
        for part, owner in pairs:
            if (part, owner) in seen or part not in by_subject or owner not in by_subject:
                continue
            seen.add((part, owner))
            a, b = by_subject[part], by_subject[owner]
            if self._key(a) != self._key(b) or prev[part] < 0 or prev[owner] < 0:
                continue
            if prev[part] > prev[owner]:
                pa, po = format_vn(prev[part], 0), format_vn(prev[owner], 0)
                yield self.finding(
                    a.delta.span,
                    Message(
                        vi=f"Kỳ trước suy ra {pa} ({a.subject.number.text} {_undo_vi(a)}), lớn hơn tổng kỳ trước {po} ({b.subject.number.text} {_undo_vi(b)})",  # type: ignore[union-attr]
                        en=f"The earlier figure implied is {pa}, more than the earlier total {po}",
                    ),
                    stated=a.delta.amount.text,
                    expected=None,
                    evidence=Message(
                        vi=f"{_implied_vi(a, prev[part])}; {_implied_vi(b, prev[owner])}",
                        en=f"{_implied_en(a, prev[part])}; {_implied_en(b, prev[owner])}",
                    ),
                    related=(b.delta.span,),
                )

    def _partition(
        self, facts: Facts, tot: Total, by_subject: dict[int, Change], prev: dict[int, Decimal]
    ) -> Iterator[Finding]:
        if tot.total not in by_subject or not tot.parts or any(p not in by_subject for p in tot.parts):
            return
        keys = {self._key(by_subject[i]) for i in (tot.total, *tot.parts)}
        if len(keys) != 1:
            return
        added = sum((prev[p] for p in tot.parts), Decimal(0))
        if added == prev[tot.total]:
            return
        ch = by_subject[tot.total]
        listed = " + ".join(format_vn(prev[p], 0) for p in tot.parts)
        yield self.finding(
            ch.delta.span,
            Message(
                vi=f"Kỳ trước suy ra: tổng {format_vn(prev[tot.total], 0)} nhưng các thành phần cộng lại {listed} = {format_vn(added, 0)}",
                en=f"Earlier figures implied: total {format_vn(prev[tot.total], 0)} but the parts add up to {listed} = {format_vn(added, 0)}",
            ),
            stated=ch.delta.amount.text,
            evidence=Message(vi=_implied_vi(ch, prev[tot.total]), en=_implied_en(ch, prev[tot.total])),
        )

    def _shares(
        self, doc: Document, by_subject: dict[int, Change], prev: dict[int, Decimal]
    ) -> Iterator[Finding]:
        for ch in changes(doc, {}):
            pct = ch.subject
            if not isinstance(pct, Percent) or ch.delta.measure != "points":
                continue
            if pct.part not in by_subject or pct.whole not in by_subject:
                continue
            a, b = by_subject[pct.part], by_subject[pct.whole]
            if not (self._key(a) == self._key(b) == self._key(ch)):
                continue
            pp, pw = prev[pct.part], prev[pct.whole]
            if pw <= 0 or pp < 0:
                continue
            computed = arith.share(pp, pw)
            implied = pct.number.value - ch.stated
            if abs(computed - implied) <= _tolerance(pct.number, ch.delta.amount):
                continue
            dec = max(pct.number.decimals, 2)
            yield self.finding(
                ch.delta.span,
                Message(
                    vi=f"Tỷ lệ kỳ trước suy ra {format_vn(implied, dec)}%, nhưng {format_vn(pp, 0)}/{format_vn(pw, 0)} = {format_vn(computed, dec)}%",
                    en=f"The earlier share implied is {format_vn(implied, dec)}%, but {format_vn(pp, 0)}/{format_vn(pw, 0)} = {format_vn(computed, dec)}%",
                ),
                stated=ch.delta.amount.text,
                expected=format_vn(abs(pct.number.value - computed), max(pct.number.decimals, ch.delta.amount.decimals)),
                evidence=Message(
                    vi=f"{_implied_vi(a, pp)}; {_implied_vi(b, pw)}",
                    en=f"{_implied_en(a, pp)}; {_implied_en(b, pw)}",
                ),
            )

    def _negative(self, ch: Change, value: Decimal) -> Finding:
        return self.finding(
            ch.delta.span,
            Message(
                vi=f"“{ch.words}” từ {ch.subject.number.text} nghĩa là kỳ trước là {format_vn(value, 0)}, một số âm",  # type: ignore[union-attr]
                en=f"“{ch.words}” from {ch.subject.number.text} means {format_vn(value, 0)} before, a negative number",  # type: ignore[union-attr]
            ),
            stated=ch.delta.amount.text,
            evidence=Message(vi=_implied_vi(ch, value), en=_implied_en(ch, value)),
        )


def _undo_vi(ch: Change) -> str:
    sign = "+" if ch.delta.direction < 0 else "−"
    return f"{sign} {ch.delta.amount.text}"


def _implied_vi(ch: Change, value: Decimal) -> str:
    return f"{ch.subject.number.text} {_undo_vi(ch)} = {format_vn(value, 0)} ({_earlier_words(ch)})"  # type: ignore[union-attr]


def _implied_en(ch: Change, value: Decimal) -> str:
    return f"{ch.subject.number.text} {_undo_vi(ch)} = {format_vn(value, 0)} ({_earlier_words(ch)})"  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------
# N402, N403
# ---------------------------------------------------------------------------------------


class _AgainstEarlier(Rule):
    """Shared by N402 and N403: each change whose earlier figure is found."""

    def verdicts(self, doc: Document) -> Iterator[tuple[Change, Earlier, Verdict]]:
        own = _metrics(doc)
        finder = Finder(doc, [m for m in own if not m.approximate])
        by_id = {m.fact.id: m for m in own}
        found = changes(doc, by_id)
        counted = {ch.subject.id for ch in found if ch.subject is not None and ch.delta.measure == "count"}
        for ch in found:
            if ch.delta.measure == "percent" and ch.subject is not None and ch.subject.id in counted:
                continue  # "tăng 3.132 ..., tương ứng tăng 8,06%": N401 checks the pair
            earlier = finder.earlier(ch)
            if earlier is None:
                continue
            verdict = judge(ch, earlier)
            if verdict is not None:
                yield ch, earlier, verdict


class DirectionWord(_AgainstEarlier):
    """"tăng" or "giảm" must say which way the figure went.

    Where the earlier figure is stated (beside the change, elsewhere in the report or in the
    earlier report given with --baseline) and the amount is right, the word must match the
    sign: a figure that went down "giảm".

    Wrong: "nhiệm kỳ 2020 - 2025 là 117 đồng chí" ... "nhiệm kỳ 2025 - 2030 là 65 đồng chí
    (tăng 52 đồng chí so với nhiệm kỳ 2020 - 2025)"
    Right: "65 đồng chí (giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025)"
    """

    doc_vi = """Từ "tăng" hay "giảm" phải đúng chiều thay đổi.

    Khi số liệu kỳ trước được nêu (ngay bên cạnh, ở chỗ khác trong báo cáo, hoặc trong báo
    cáo kỳ trước đưa vào bằng --baseline) và mức chênh lệch đúng, thì từ phải đúng dấu: số
    liệu đi xuống là "giảm".

    Sai: "nhiệm kỳ 2020 - 2025 là 117 đồng chí" ... "nhiệm kỳ 2025 - 2030 là 65 đồng chí
    (tăng 52 đồng chí so với nhiệm kỳ 2020 - 2025)"
    Đúng: "65 đồng chí (giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025)"
    """

    code = "N402"
    name = "delta.direction"
    category = "delta"
    severity = Severity.ERROR
    wants = (Delta, Quantity, Percent)

    def check(self, doc: Document) -> Iterator[Finding]:
        for ch, earlier, v in self.verdicts(doc):
            if not v.fits_amount or v.fits_sign:
                continue
            right = "tăng" if v.expected > 0 else "giảm"
            right_en = "an increase" if v.expected > 0 else "a decrease"
            word = ch.words.split()[0]
            yield self.finding(
                ch.delta.span,
                Message(
                    vi=f"“{word}” sai chiều: từ {earlier.number.text} đến {ch.subject.number.text} là {right}",  # type: ignore[union-attr]
                    en=f"“{word}” has the wrong direction: from {earlier.number.text} to {ch.subject.number.text} is {right_en}",  # type: ignore[union-attr]
                ),
                stated=ch.words,
                expected=f"{right} {ch.delta.amount.text}",
                evidence=Message(vi=f"kỳ trước: {earlier.where_vi}", en=f"earlier: {earlier.where_en}"),
                related=tuple(s for s in (earlier.span,) if s is not None),
            )


class ChangeAmount(_AgainstEarlier):
    """A stated change must be the difference of the two figures.

    Where the earlier figure is stated (beside the change, elsewhere in the report, or in the
    earlier report given with --baseline), the change is recomputed: a count as a difference,
    a share as a difference in percentage points, "tăng 5%" of a count as a relative change,
    "gấp 2 lần" as a ratio; figures stated with decimals are compared within their rounding.

    Wrong: "117 đồng chí" in the earlier report; "65 đồng chí (giảm 50 đồng chí so với
    nhiệm kỳ 2020 - 2025)" (117 - 65 = 52)
    Right: "65 đồng chí (giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025)"
    """

    doc_vi = """Mức tăng, giảm nêu ra phải bằng hiệu của hai số liệu.

    Khi số liệu kỳ trước được nêu (ngay bên cạnh, ở chỗ khác trong báo cáo, hoặc trong báo
    cáo kỳ trước đưa vào bằng --baseline), mức thay đổi được tính lại: số lượng là hiệu số,
    tỷ lệ là hiệu theo điểm phần trăm, "tăng 5%" của một số lượng là mức tăng tương đối,
    "gấp 2 lần" là thương; số có chữ số thập phân được so trong phạm vi làm tròn.

    Sai: báo cáo kỳ trước "117 đồng chí"; nay "65 đồng chí (giảm 50 đồng chí so với nhiệm kỳ
    2020 - 2025)" (117 - 65 = 52)
    Đúng: "65 đồng chí (giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025)"
    """

    code = "N403"
    name = "delta.amount"
    category = "delta"
    severity = Severity.ERROR
    wants = (Delta, Quantity, Percent)

    def check(self, doc: Document) -> Iterator[Finding]:
        for ch, earlier, v in self.verdicts(doc):
            if v.fits_amount:
                continue
            subject = ch.subject
            assert subject is not None
            right = "tăng" if v.expected > 0 else "giảm" if v.expected < 0 else "không đổi"
            right_en = "up" if v.expected > 0 else "down" if v.expected < 0 else "unchanged"
            unit = {"points": " điểm phần trăm", "percent": "%", "times": " lần"}.get(ch.delta.measure, "")
            unit_en = {"points": " percentage points", "percent": "%", "times": " times"}.get(ch.delta.measure, "")
            yield self.finding(
                ch.delta.span,
                Message(
                    vi=f"Mức thay đổi sai: từ {earlier.number.text} ({_earlier_words(ch)}) đến {subject.number.text} là {right} {v.shown}{unit}, không phải “{ch.words}”",
                    en=f"Wrong change: from {earlier.number.text} ({_earlier_words(ch)}) to {subject.number.text} is {right_en} {v.shown}{unit_en}, not “{ch.words}”",
                ),
                stated=ch.delta.amount.text,
                expected=v.shown,
                evidence=Message(vi=f"kỳ trước: {earlier.where_vi}", en=f"earlier: {earlier.where_en}"),
                related=tuple(s for s in (earlier.span,) if s is not None),
            )


# ---------------------------------------------------------------------------------------
# N404
# ---------------------------------------------------------------------------------------


class PointsOrPercent(Rule):
    """A change of a share is in percentage points, not percent.

    "Tỷ lệ nữ 20% (tăng 2% so với ...)" is ambiguous: 2 percentage points (from 18%) or 2%
    of 19,6%? Where the earlier share is known (stated, or implied by the changes of its
    part and whole) and the amount is the difference in points, the wording is wrong
    (warning); where it is not known, the wording is only ambiguous (info). "điểm phần trăm"
    said of a count is an error.

    Wrong: "nữ 12 đồng chí, chiếm 18,46% (tăng 3,08% so với nhiệm kỳ 2020 - 2025)" where the
    earlier share was 15,38%
    Right: "chiếm 18,46% (tăng 3,08 điểm phần trăm so với nhiệm kỳ 2020 - 2025)"
    """

    doc_vi = """Mức thay đổi của một tỷ lệ tính bằng điểm phần trăm, không phải phần trăm.

    "Tỷ lệ nữ 20% (tăng 2% so với ...)" là mơ hồ: tăng 2 điểm phần trăm (từ 18%) hay tăng 2%
    của 19,6%? Khi biết tỷ lệ kỳ trước (được nêu, hoặc suy ra từ mức thay đổi của thành phần
    và tổng) và con số đúng là hiệu theo điểm, cách viết sai (cảnh báo); khi không biết, cách
    viết chỉ mơ hồ (thông tin). Dùng "điểm phần trăm" cho một số lượng là lỗi.

    Sai: "nữ 12 đồng chí, chiếm 18,46% (tăng 3,08% so với nhiệm kỳ 2020 - 2025)" khi tỷ lệ kỳ
    trước là 15,38%
    Đúng: "chiếm 18,46% (tăng 3,08 điểm phần trăm so với nhiệm kỳ 2020 - 2025)"
    """

    code = "N404"
    name = "delta.points-or-percent"
    category = "delta"
    severity = Severity.WARNING
    wants = (Delta, Percent, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        own = _metrics(doc)
        by_id = {m.fact.id: m for m in own}
        finder = Finder(doc, [m for m in own if not m.approximate])
        implied = _implied_shares(doc)
        for ch in changes(doc, by_id):
            if ch.delta.measure == "points" and isinstance(ch.subject, Quantity):
                yield self.finding(
                    ch.delta.span,
                    Message(
                        vi=f"“điểm phần trăm” chỉ dùng cho tỷ lệ; {ch.subject.number.text} là số lượng",
                        en=f"“percentage points” apply to shares; {ch.subject.number.text} is a count",
                    ),
                    stated=ch.words,
                    severity=Severity.ERROR,
                )
                continue
            if ch.delta.measure != "percent" or not isinstance(ch.subject, Percent):
                continue
            earlier_value = implied.get(ch.subject.id)
            earlier = finder.earlier(ch)
            if earlier is not None:
                earlier_value = earlier.value
            yield from self._judge(ch, earlier_value)

    def _judge(self, ch: Change, earlier: Decimal | None) -> Iterator[Finding]:
        pct = ch.subject
        assert isinstance(pct, Percent)
        amount = ch.delta.amount
        if earlier is None:
            yield self.finding(
                ch.delta.span,
                Message(
                    vi=f"“{ch.words}” của một tỷ lệ là mơ hồ: nếu là hiệu hai tỷ lệ, hãy viết “{amount.text.rstrip('%').strip()} điểm phần trăm”",
                    en=f"“{ch.words}” of a share is ambiguous: a difference of shares is written “{amount.text.rstrip('%').strip()} điểm phần trăm”",
                ),
                stated=ch.words,
                severity=Severity.INFO,
            )
            return
        points = abs(pct.number.value - earlier)
        tol = _tolerance(amount, pct.number) + Decimal("0.01")
        as_points = abs(points - amount.value) <= tol
        relative = abs(arith.share(pct.number.value - earlier, earlier)) if earlier else None
        as_relative = relative is not None and any(
            rounded(relative, amount.decimals, c) == amount.value for c in ("half-up", "truncate")
        )
        if as_points and not as_relative:
            number = amount.text.rstrip("%").strip()
            yield self.finding(
                ch.delta.span,
                Message(
                    vi=f"Hiệu hai tỷ lệ ({format_vn(earlier, 2)}% → {pct.number.text}) là {number} điểm phần trăm, không phải {amount.text}",
                    en=f"The difference of two shares ({format_vn(earlier, 2)}% → {pct.number.text}) is {number} percentage points, not {amount.text}",
                ),
                stated=ch.words,
                expected=f"{number} điểm phần trăm",
            )


def _implied_shares(doc: Document) -> dict[int, Decimal]:
    """Earlier shares implied by count changes of a share's part and whole (same base)."""
    counts: dict[int, Change] = {}
    for ch in changes(doc, {}):
        if ch.delta.measure == "count" and isinstance(ch.subject, Quantity):
            counts.setdefault(ch.subject.id, ch)
    out: dict[int, Decimal] = {}
    for pct in doc.facts.of(Percent):
        a = counts.get(pct.part) if pct.part is not None else None
        b = counts.get(pct.whole) if pct.whole is not None else None
        if a is None or b is None or a.base != b.base:
            continue
        pp = a.subject.value - a.stated  # type: ignore[union-attr]
        pw = b.subject.value - b.stated  # type: ignore[union-attr]
        if pw > 0 and pp >= 0:
            out[pct.id] = arith.share(pp, pw)
    return out


# ---------------------------------------------------------------------------------------
# N405
# ---------------------------------------------------------------------------------------


class BasePeriodSiblings(Rule):
    """A change compared with another period than its siblings.

    The changes listed together (one after another, a few lines apart, in the body or in
    one footnote) are normally all
    measured against the same earlier term or year; one that names another period is most
    likely a slip ("so với nhiệm kỳ 2015 - 2020" among "so với nhiệm kỳ 2020 - 2025"). Terms
    and single years are compared separately; it takes at least two siblings that agree.

    Wrong: "nữ 532 đồng chí (giảm 90 đồng chí so với nhiệm kỳ 2015 - 2020); trẻ 1.756 đồng
    chí (giảm 191 đồng chí so với nhiệm kỳ 2020 - 2025); người dân tộc 10 đồng chí (giảm 7
    đồng chí so với nhiệm kỳ 2020 - 2025)"
    Right: every change "so với nhiệm kỳ 2020 - 2025"
    """

    doc_vi = """Một mức thay đổi so với kỳ khác với các mức thay đổi cùng nhóm.

    Các mức thay đổi liệt kê cùng nhau (nối tiếp nhau, cách nhau vài dòng, trong phần chính
    hoặc trong một chú thích) thường cùng
    so với một nhiệm kỳ hoặc một năm; mức nào nêu kỳ khác nhiều khả năng là gõ nhầm ("so với
    nhiệm kỳ 2015 - 2020" giữa các "so với nhiệm kỳ 2020 - 2025"). Nhiệm kỳ và năm được xét
    riêng; cần ít nhất hai mức cùng nhóm thống nhất.

    Sai: "nữ 532 đồng chí (giảm 90 đồng chí so với nhiệm kỳ 2015 - 2020); trẻ 1.756 đồng chí
    (giảm 191 đồng chí so với nhiệm kỳ 2020 - 2025); người dân tộc 10 đồng chí (giảm 7 đồng
    chí so với nhiệm kỳ 2020 - 2025)"
    Đúng: mọi mức thay đổi đều "so với nhiệm kỳ 2020 - 2025"
    """

    code = "N405"
    name = "delta.base-period"
    category = "delta"
    severity = Severity.WARNING
    wants = (Delta,)

    def check(self, doc: Document) -> Iterator[Finding]:
        groups = _runs(doc)
        for group in groups:
            counts: dict[str, int] = {}
            for d in group:
                key = d.base_period or ""
                counts[key] = counts.get(key, 0) + 1
            major, n = max(counts.items(), key=lambda kv: kv[1])
            if n < 2 or n * 2 <= len(group):
                continue
            sibling = next(d for d in group if d.base_period == major)
            for d in group:
                if d.base_period == major:
                    continue
                yield self.finding(
                    d.span,
                    Message(
                        vi=f"So với {d.base or _periods(d.base_period)}, trong khi {n} mức thay đổi cùng nhóm so với {sibling.base or _periods(major)}",
                        en=f"Compared with {d.base or _periods(d.base_period)}, while {n} sibling changes compare with {sibling.base or _periods(major)}",
                    ),
                    stated=_periods(d.base_period),
                    expected=_periods(major),
                    evidence=Message(vi=f"ví dụ: “{sibling.text}”", en=f"e.g. “{sibling.text}”"),
                    related=(sibling.span,),
                )


_RUN_GAP = 8  # lines between two changes of one run


def _runs(doc: Document) -> list[list[Delta]]:
    """Changes that are listed together: one after another in the same part of the document
    (the body, or one footnote), no more than a few lines apart; terms and single years
    apart."""
    runs: dict[str, list[list[Delta]]] = {"span": [], "year": []}
    last: dict[str, tuple[str, int]] = {}
    places = metrics.Places(doc.source)
    for d in doc.facts.of(Delta):
        if not d.base_period:
            continue
        shape = "span" if "-" in d.base_period else "year"
        where = places.where(d.span.start)
        line = doc.source.position(d.span.start).line
        prev = last.get(shape)
        if prev is None or prev[0] != where or line - prev[1] > _RUN_GAP:
            runs[shape].append([])
        runs[shape][-1].append(d)
        last[shape] = (where, line)
    return runs["span"] + runs["year"]


# ---------------------------------------------------------------------------------------
# N406
# ---------------------------------------------------------------------------------------


class BaselineFigure(Rule):
    """A figure of the earlier report repeated here must be the same.

    With --baseline, every figure of this report that the earlier report also gives (the
    same metric for the same term or period: a previous term's total restated, a share of
    the period both reports cover) must have the same value; a rounded restatement is fine.

    Wrong: the earlier report "nhiệm kỳ 2020 - 2025 ... 117 đồng chí", this one "nhiệm kỳ 2020
    - 2025 ... 119 đồng chí"
    Right: "117 đồng chí" in both
    """

    doc_vi = """Số liệu của báo cáo kỳ trước được nhắc lại phải giữ nguyên.

    Khi có --baseline, mọi số liệu của báo cáo này mà báo cáo kỳ trước cũng nêu (cùng nội
    dung, cùng nhiệm kỳ hoặc giai đoạn: tổng số của nhiệm kỳ trước được nhắc lại, tỷ lệ của
    giai đoạn cả hai báo cáo cùng đề cập) phải cùng giá trị; làm tròn lại là được.

    Sai: báo cáo kỳ trước "nhiệm kỳ 2020 - 2025 ... 117 đồng chí", báo cáo này "nhiệm kỳ 2020
    - 2025 ... 119 đồng chí"
    Đúng: "117 đồng chí" ở cả hai
    """

    code = "N406"
    name = "delta.baseline-figure"
    category = "delta"
    severity = Severity.ERROR
    wants = (Quantity, Percent)
    cases = "test_deltas.py"  # its cases need an earlier report (--baseline)

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.baseline is None:
            return
        finder = Finder(doc, ())
        for m in _metrics(doc):
            if m.approximate or m.key.period is None or not m.key.specific:
                continue
            found = finder.base(m.key)
            if found is None or metrics.agree(m, found):
                continue
            yield self.finding(
                m.fact.span,
                Message(
                    vi=f"Số liệu ({m.key.describe('vi')}) là {m.text}, báo cáo trước nêu {found.text} ({_place(doc.baseline, found.fact.id, 'vi')})",
                    en=f"This figure ({m.key.describe('en')}) is {m.text}; the earlier report gives {found.text} ({_place(doc.baseline, found.fact.id, 'en')})",
                ),
                stated=m.text,
                expected=found.text,
                evidence=Message(
                    vi=f"{_place(doc.baseline, found.fact.id, 'vi')}: “{found.fact.text}”",
                    en=f"{_place(doc.baseline, found.fact.id, 'en')}: “{found.fact.text}”",
                ),
            )
