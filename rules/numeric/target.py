"""N501-N503: achievement against a target ("có 1030 học viên, đạt 547,77% so với Đề án").

A target of places, classes or documents is a whole number. A stated achievement with d
decimals and a count n can only be right if some whole target t gives n/t·100 written with
d decimals (rounded or truncated): the granularity test that GRIM applies to means. When
the target itself is stated, the achievement is recomputed; when the sub-targets of a
complete breakdown are known, they imply the total's target.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker.rules.numeric import arith

from checker.engine import Document, Rule, Settings
from checker.extract import labels
from checker.facts import Facts, Number, Quantity, Target, Total
from checker.findings import Finding, Message, Severity
from checker.numbers import format_vn, rounded

# Units whose figures are whole numbers of things (not money, not durations).
COUNT_UNITS = frozenset(
    {"person", "class", "document", "organisation", "case", "session", "task", "visit", "card"}
)
_MAX_CANDIDATES = 2000  # beyond this the stated precision says nothing about the target
_MAX_SUMS = 5000


def conventions(settings: Settings) -> tuple[str, ...]:
    return arith.CONVENTIONS if settings.rounding == "any" else (settings.rounding,)


def gives(n: Decimal, t: int, stated: Number, allowed: tuple[str, ...]) -> bool:
    exact = arith.share(n, Decimal(t))
    return any(rounded(exact, stated.decimals, c) == stated.value for c in allowed)


def targets(n: Decimal, stated: Number, allowed: tuple[str, ...]) -> list[int] | None:
    """Every whole target that gives the stated achievement from the count ``n``, or None
    when too many do for the test to say anything (a small precision, a large count)."""
    s = stated.value
    if s <= 0 or n <= 0:
        return None
    unit = Decimal(1).scaleb(-stated.decimals)
    lo = s - unit / 2  # half-up and half-even reach down to s - unit/2 ...
    hi = s + unit  # ... truncation up to (but not including) s + unit
    if lo <= 0:
        return None
    first = max(1, math.floor(n * 100 / hi))
    last = math.ceil(n * 100 / lo)
    if last - first > _MAX_CANDIDATES:
        return None
    return [t for t in range(first, last + 1) if gives(n, t, stated, allowed)]


def exceeds(tg: Target) -> bool:
    """"vượt 12,6% kế hoạch" states the excess over the target, not the achievement."""
    return tg.text.lower().lstrip().startswith("vượt")


def achievement(tg: Target) -> Number:
    """The achievement a Target states, in percent of the target ("vượt 12,6%" is 112,6%)."""
    if not exceeds(tg):
        return tg.number
    value = tg.number.value + 100
    return Number(value=value, decimals=tg.number.decimals, text=format_vn(value, tg.number.decimals) + "%")


def is_count(q: Quantity) -> bool:
    whole = q.value == q.value.to_integral_value()
    return whole and (q.unit in COUNT_UNITS or q.unit is None)


@dataclass(frozen=True)
class Claim:
    """An achievement with its count and the whole targets that fit it."""

    target: Target
    count: Quantity
    candidates: list[int] | None


def claims(facts: Facts, settings: Settings) -> dict[int, Claim]:
    """Achievements of counts against an unstated target, by the id of the Target fact."""
    allowed = conventions(settings)
    out: dict[int, Claim] = {}
    for tg in facts.of(Target):
        q = facts.get(tg.subject)
        if not isinstance(q, Quantity) or not is_count(q):
            continue
        out[tg.id] = Claim(tg, q, targets(q.value, achievement(tg), allowed))
    return out


def _neighbours(n: Decimal, stated: Number) -> str:
    """What the whole targets nearest to the one implied give: "1030/188 = 547,87%"."""
    if stated.value <= 0:
        return ""
    exact = n * 100 / stated.value
    shown = []
    for t in sorted({max(1, math.floor(exact)), max(1, math.ceil(exact))}):
        value = arith.share(n, Decimal(t))
        shown.append(f"{format_vn(n, 0)}/{t} = {format_vn(value, stated.decimals)}%")
    return "; ".join(shown)


def _stated_target(facts: Facts, tg: Target) -> Quantity | None:
    """The target stated beside the achievement ("đạt 97,63% so với Đề án (1.600 học
    viên)"); not a part listed in a bracket that goes on to its own achievement."""
    q = facts.get(getattr(tg, "base_value", None))
    if not isinstance(q, Quantity) or q.role == "part":
        return None
    if any(isinstance(f, Target) and f.subject == q.id for f in facts.items[q.id : q.id + 3]):
        return None
    if any(isinstance(f, Total) and q.id in f.parts for f in facts.items[q.id : q.id + 30]):
        return None
    return q


def _plausible_slips(stated: Number, fits: Callable[[Decimal], bool]) -> list[str]:
    """One-keystroke variants that fit, the nearest (rightmost change) first, none with a
    leading zero."""
    found = [s for s in arith.slips(stated, fits) if not (len(s) > 1 and s[0] == "0" and s[1].isdigit())]
    original = stated.text.rstrip("%").strip()

    def first_change(s: str) -> int:
        return next((i for i, (a, b) in enumerate(zip(s, original)) if a != b), len(s))

    return sorted(found, key=first_change, reverse=True)


# ---------------------------------------------------------------------------------------
# N501
# ---------------------------------------------------------------------------------------


class TargetGranularity(Rule):
    """An achievement no whole target can give.

    "có 1030 học viên, đạt 547,77% so với Đề án": the target would be 1030/5,4777 = 188,04
    places, and no whole number of places gives 547,77% (188 gives 547,87%, 189 gives
    544,97%), rounded or truncated. The test needs the count and the stated precision only;
    it says nothing when the precision is too small for the count (then many targets fit),
    and it is not made when the target is stated (N503) or is not a count (money).
    Where the sub-targets of a complete breakdown are known, the target they add up to is
    named in the evidence.

    Wrong: "16 lớp, có 1030 học viên, đạt 547,77% so với Đề án"
    Right: "16 lớp, có 1030 học viên, đạt 547,87% so với Đề án" (target 188)
    """

    doc_vi = """Tỷ lệ đạt so với chỉ tiêu mà không chỉ tiêu nguyên nào cho ra được.

    "có 1030 học viên, đạt 547,77% so với Đề án": chỉ tiêu sẽ là 1030/5,4777 = 188,04 chỗ,
    và không có số nguyên nào cho ra 547,77% (188 cho 547,87%, 189 cho 544,97%), dù làm tròn
    hay cắt bớt. Phép thử chỉ cần số lượng và số chữ số thập phân; nó không kết luận khi độ
    chính xác quá thấp so với số lượng (khi đó nhiều chỉ tiêu đều khớp), và không áp dụng khi
    chỉ tiêu được nêu (N503) hoặc không phải số đếm (tiền). Khi biết chỉ tiêu của các thành
    phần của một cơ cấu đầy đủ, chỉ tiêu tổng suy ra được nêu trong phần căn cứ.

    Sai: "16 lớp, có 1030 học viên, đạt 547,77% so với Đề án"
    Đúng: "16 lớp, có 1030 học viên, đạt 547,87% so với Đề án" (chỉ tiêu 188)
    """

    code = "N501"
    name = "target.granularity"
    category = "target"
    severity = Severity.ERROR
    wants = (Target, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        facts = doc.facts
        allowed = conventions(doc.settings)
        found = claims(facts, doc.settings)
        implied = _implied_totals(facts, found)
        for claim in found.values():
            if claim.candidates is None or claim.candidates or _stated_target(facts, claim.target):
                continue
            if _other_count_fits(facts, claim, allowed):
                continue
            tg, n = claim.target, claim.count.value
            stated = achievement(tg)
            if exceeds(tg):
                continue  # the slips and neighbours below speak of achievements
            slips = _plausible_slips(stated, _fits(n, stated, allowed))
            hint_vi = f"; có thể gõ nhầm, khớp nếu là {' hoặc '.join(s + '%' for s in slips)}" if slips else ""
            hint_en = f"; a slip? it fits if it were {' or '.join(s + '%' for s in slips)}" if slips else ""
            implied_t = implied.get(tg.id)
            extra_vi = extra_en = ""
            expected = None
            if implied_t is not None:
                value = arith.share(n, Decimal(implied_t))
                expected = f"{format_vn(value, stated.decimals)}%"
                extra_vi = f"; chỉ tiêu suy ra từ các chỉ tiêu thành phần: {implied_t}, cho {expected}"
                extra_en = f"; the sub-targets add up to {implied_t}, which gives {expected}"
            yield self.finding(
                tg.span,
                Message(
                    vi=f"Không chỉ tiêu nguyên nào cho ra {stated.text} từ {claim.count.text}{hint_vi}",
                    en=f"No whole target gives {stated.text} from {claim.count.text}{hint_en}",
                ),
                stated=stated.text,
                expected=expected,
                evidence=Message(
                    vi=f"chỉ tiêu ≈ {format_vn(n * 100 / stated.value, 2)}: {_neighbours(n, stated)}{extra_vi}",
                    en=f"target ≈ {format_vn(n * 100 / stated.value, 2)}: {_neighbours(n, stated)}{extra_en}",
                ),
            )


def _fits(n: Decimal, stated: Number, allowed: tuple[str, ...]) -> Callable[[Decimal], bool]:
    """Whether another stated value (a slip's correction) would have a whole target."""

    def fits(value: Decimal) -> bool:
        return bool(targets(n, _as(stated, value), allowed))

    return fits


def _as(stated: Number, value: Decimal) -> Number:
    return Number(value=value, decimals=stated.decimals, text=format_vn(value, stated.decimals))


def _other_count_fits(facts: Facts, claim: Claim, allowed: tuple[str, ...]) -> bool:
    """Whether another count just before the achievement ("16 lớp, có 1030 học viên, đạt
    ...") could be what it is measured on: then the test proves nothing."""
    for f in facts.items[max(0, claim.count.id - 3) : claim.target.id]:
        if (
            isinstance(f, Quantity)
            and f.id != claim.count.id
            and f.sentence == claim.target.sentence
            and is_count(f)
        ):
            fits = targets(f.value, achievement(claim.target), allowed)
            if fits is None or fits:
                return True
    return False


def _sums(sets: list[list[int]]) -> set[int] | None:
    sums = {0}
    for options in sets:
        sums = {a + b for a in sums for b in options}
        if len(sums) > _MAX_SUMS:
            return None
    return sums


@dataclass(frozen=True)
class Family:
    """A total's achievement with the achievements of its subgroups."""

    total: Claim
    parts: tuple[Claim, ...]
    complete: bool  # the subgroups are a complete breakdown (nam and nữ): targets add up


def families(facts: Facts, found: dict[int, Claim]) -> list[Family]:
    """Achievements of subgroups listed under a total's achievement.

    A Total fact says it directly; otherwise, within a sentence, the achievements of counts
    labelled as subgroups ("cán bộ trẻ", "nữ") that follow a total's achievement belong to
    it: "502 học viên, đạt 96,91% so với Đề án (trong đó, cán bộ trẻ 195 đồng chí, đạt ...)".
    """
    by_count = {c.count.id: c for c in found.values()}
    out: list[Family] = []
    claimed: set[int] = set()
    for tot in facts.of(Total):
        total = by_count.get(tot.total)
        if total is None:
            continue
        parts = tuple(c for c in (by_count.get(p) for p in tot.parts) if c is not None)
        if parts:
            complete = tot.relation == "partition" and len(parts) == len(tot.parts)
            out.append(Family(total, parts, complete))
            claimed.add(total.target.id)
    current: Claim | None = None
    members: list[Claim] = []
    for claim in sorted(found.values(), key=lambda c: c.target.id):
        sub = labels.attribute(claim.count.label) is not None
        if current is not None and sub and claim.target.sentence == current.target.sentence:
            members.append(claim)
            continue
        if current is not None and members and current.target.id not in claimed:
            out.append(Family(current, tuple(members), _complete(members)))
        current, members = (None if sub else claim), []
    if current is not None and members and current.target.id not in claimed:
        out.append(Family(current, tuple(members), _complete(members)))
    return out


def _complete(members: list[Claim]) -> bool:
    attrs = [labels.attribute(m.count.label) for m in members]
    dims = {a[0] for a in attrs if a}
    if len(dims) != 1 or not all(attrs):
        return False
    return labels.complete_dimension(next(iter(dims)), {a[1] for a in attrs if a})


def _implied_totals(facts: Facts, found: dict[int, Claim]) -> dict[int, int]:
    """Total's Target id -> the one target its complete breakdown's sub-targets add up to."""
    out: dict[int, int] = {}
    for fam in families(facts, found):
        if not fam.complete or any(not p.candidates for p in fam.parts):
            continue
        sums = _sums([p.candidates for p in fam.parts if p.candidates])
        if sums is not None and len(sums) == 1:
            out[fam.total.target.id] = next(iter(sums))
    return out


# ---------------------------------------------------------------------------------------
# N502
# ---------------------------------------------------------------------------------------


class SubTargets(Rule):
    """Sub-targets that do not fit the total's target.

    When a total and its parts each state an achievement against the same plan ("502 học
    viên, đạt 96,91% so với Đề án (trong đó, cán bộ trẻ 195 đồng chí, đạt 96,05% ...)"),
    the whole targets that fit each are found (see N501). A part's target cannot exceed the
    total's (warning); the targets of a complete breakdown (nam and nữ) must add up to the
    total's (error).

    Wrong: "100 học viên, đạt 50% so với Đề án (nam 60, đạt 100%; nữ 40, đạt 80%)"
    (targets 200, 60 and 50: 60 + 50 = 110)
    Right: "100 học viên, đạt 90,91% so với Đề án (nam 60, đạt 100%; nữ 40, đạt 80%)" (110)
    """

    doc_vi = """Chỉ tiêu thành phần không khớp với chỉ tiêu tổng.

    Khi tổng và các thành phần đều nêu tỷ lệ đạt so với cùng một kế hoạch ("502 học viên,
    đạt 96,91% so với Đề án (trong đó, cán bộ trẻ 195 đồng chí, đạt 96,05% ...)"), các chỉ
    tiêu nguyên khớp với từng tỷ lệ được tìm ra (xem N501). Chỉ tiêu của một thành phần không
    thể lớn hơn chỉ tiêu tổng (cảnh báo); chỉ tiêu các thành phần của một cơ cấu đầy đủ (nam
    và nữ) phải cộng lại bằng chỉ tiêu tổng (lỗi).

    Sai: "100 học viên, đạt 50% so với Đề án (nam 60, đạt 100%; nữ 40, đạt 80%)" (chỉ tiêu
    200, 60 và 50: 60 + 50 = 110)
    Đúng: "100 học viên, đạt 90,91% so với Đề án (nam 60, đạt 100%; nữ 40, đạt 80%)" (110)
    """

    code = "N502"
    name = "target.sub-targets"
    category = "target"
    severity = Severity.ERROR
    wants = (Target, Quantity, Total)

    def check(self, doc: Document) -> Iterator[Finding]:
        found = claims(doc.facts, doc.settings)
        for fam in families(doc.facts, found):
            total = fam.total
            if not total.candidates:
                continue
            known = [c for c in fam.parts if c.candidates]
            for c in known:
                if min(c.candidates) > max(total.candidates):  # type: ignore[arg-type]
                    yield self._exceeds(total, c)
            if not fam.complete or len(known) != len(fam.parts):
                continue
            sums = _sums([c.candidates for c in known])  # type: ignore[misc]
            if sums is None or sums & set(total.candidates):
                continue
            yield self._sum(total, known, sums)

    def _exceeds(self, total: Claim, part: Claim) -> Finding:
        tp, tt = _show(part.candidates), _show(total.candidates)
        return self.finding(
            part.target.span,
            Message(
                vi=f"Chỉ tiêu thành phần ({part.count.text}, {part.target.number.text}: {tp}) lớn hơn chỉ tiêu tổng ({total.count.text}, {total.target.number.text}: {tt})",
                en=f"The sub-target ({part.count.text}, {part.target.number.text}: {tp}) exceeds the total's ({total.count.text}, {total.target.number.text}: {tt})",
            ),
            stated=part.target.number.text,
            evidence=Message(
                vi=f"chỉ tiêu khớp: thành phần {tp}, tổng {tt}",
                en=f"targets that fit: part {tp}, total {tt}",
            ),
            severity=Severity.WARNING,
            related=(total.target.span,),
        )

    def _sum(self, total: Claim, parts: list[Claim], sums: set[int]) -> Finding:
        listed = " + ".join(_show(c.candidates) for c in parts)
        implied = sorted(sums)
        t = implied[0]
        value = arith.share(total.count.value, Decimal(t))
        expected = f"{format_vn(value, total.target.number.decimals)}%"
        return self.finding(
            total.target.span,
            Message(
                vi=f"Chỉ tiêu các thành phần cộng lại {listed} = {_show(implied)}, nhưng {total.target.number.text} của {total.count.text} cần chỉ tiêu {_show(total.candidates)}",
                en=f"The sub-targets add up to {listed} = {_show(implied)}, but {total.target.number.text} of {total.count.text} needs a target of {_show(total.candidates)}",
            ),
            stated=total.target.number.text,
            expected=expected if len(implied) == 1 else None,
            evidence=Message(
                vi=f"{format_vn(total.count.value, 0)}/{t} = {expected}",
                en=f"{format_vn(total.count.value, 0)}/{t} = {expected}",
            ),
        )


def _show(values: list[int] | set[int] | None) -> str:
    vals = sorted(values or ())
    if len(vals) > 3:
        return f"{vals[0]}…{vals[-1]}"
    return " hoặc ".join(str(v) for v in vals) if vals else "?"


# ---------------------------------------------------------------------------------------
# N503
# ---------------------------------------------------------------------------------------


class StatedTarget(Rule):
    """An achievement against a target that is stated must be the count over the target.

    "có 1.562 học viên, đạt 97,63% so với Đề án (1.600 học viên)": 1.562/1.600 = 97,625%,
    which is 97,63% rounded and 97,62% truncated; both are accepted, anything else is an
    error. "vượt 12,6% kế hoạch (1.000 học viên)" with 1.126 states the excess: 112,6% − 100%.

    Wrong: "có 1.562 học viên, đạt 96,63% so với Đề án (1.600 học viên)"
    Right: "có 1.562 học viên, đạt 97,63% so với Đề án (1.600 học viên)"
    """

    doc_vi = """Tỷ lệ đạt so với chỉ tiêu được nêu phải bằng số lượng chia chỉ tiêu.

    "có 1.562 học viên, đạt 97,63% so với Đề án (1.600 học viên)": 1.562/1.600 = 97,625%,
    làm tròn là 97,63%, cắt bớt là 97,62%; cả hai đều được chấp nhận, số khác là lỗi.

    "vượt 12,6% kế hoạch (1.000 học viên)" với 1.126 học viên nêu phần vượt: 112,6% − 100%.

    Sai: "có 1.562 học viên, đạt 96,63% so với Đề án (1.600 học viên)"
    Đúng: "có 1.562 học viên, đạt 97,63% so với Đề án (1.600 học viên)"
    """

    code = "N503"
    name = "target.stated-target"
    category = "target"
    severity = Severity.ERROR
    wants = (Target, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        facts = doc.facts
        allowed = conventions(doc.settings)
        for tg in facts.of(Target):
            plan = _stated_target(facts, tg)
            count = facts.get(tg.subject)
            if plan is None or not isinstance(count, Quantity) or plan.value <= 0:
                continue
            exact = arith.share(count.value, plan.value)
            if exceeds(tg):
                exact -= 100
            if any(rounded(exact, tg.number.decimals, c) == tg.number.value for c in allowed):
                continue
            expected = f"{format_vn(exact, tg.number.decimals)}%"
            said_vi = "Mức vượt sai" if exceeds(tg) else "Tỷ lệ đạt sai"
            said_en = "Wrong excess" if exceeds(tg) else "Wrong achievement"
            minus = " − 100%" if exceeds(tg) else ""
            yield self.finding(
                tg.span,
                Message(
                    vi=f"{said_vi}: {count.number.text}/{plan.number.text}{minus} = {arith.show_exact(exact)}%, không phải {tg.number.text}",
                    en=f"{said_en}: {count.number.text}/{plan.number.text}{minus} = {arith.show_exact(exact)}%, not {tg.number.text}",
                ),
                stated=tg.number.text,
                expected=expected,
                evidence=Message(vi=f"chỉ tiêu nêu: {plan.text}", en=f"stated target: {plan.text}"),
            )
