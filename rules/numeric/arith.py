"""Decimal arithmetic shared by the numeric rules: is a stated share right, and under which
rounding convention; what the figures give; which one-keystroke slip would explain it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from checker.facts import Facts, Number, Percent, Quantity
from checker.numbers import format_vn, rounded

CONVENTIONS = ("half-up", "half-even", "truncate")


@dataclass(frozen=True)
class Verdict:
    """How a stated share compares with the exact one."""

    exact: Decimal
    ok_under: tuple[str, ...]  # the conventions under which the stated figure is right

    @property
    def wrong(self) -> bool:
        return not self.ok_under


def share(part: Decimal, whole: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 34
        return part * 100 / whole


def judge(stated: Number, exact: Decimal) -> Verdict:
    ok = tuple(c for c in CONVENTIONS if rounded(exact, stated.decimals, c) == stated.value)
    return Verdict(exact, ok)


def accepted(verdict: Verdict, setting: str) -> bool:
    """Whether the configured convention accepts the figure ("any" accepts any of them)."""
    if setting == "any":
        return bool(verdict.ok_under)
    return setting in verdict.ok_under


def show(value: Decimal, decimals: int) -> str:
    """A value the way the document would write it with that many decimals (half-up)."""
    return format_vn(value, decimals)


def show_exact(value: Decimal) -> str:
    """A value with four decimals and an ellipsis when it goes on: "49,2920…"."""
    text = format_vn(value, 4)
    return text + ("…" if value != value.quantize(Decimal("0.0001")) else "")


def slips(stated: Number, fits: "callable[[Decimal], bool]") -> list[str]:  # type: ignore[valid-type]
    """Stated figures one keystroke away (a digit changed, two neighbours swapped) that
    would be right: "7,62" -> ["1,62"]."""
    digits = stated.text.rstrip("%").strip()
    out: list[str] = []
    positions = [i for i, ch in enumerate(digits) if ch.isdigit()]
    candidates: list[str] = []
    for i in positions:
        for d in "0123456789":
            if d != digits[i]:
                candidates.append(digits[:i] + d + digits[i + 1 :])
    for a, b in zip(positions, positions[1:]):
        if b == a + 1 and digits[a] != digits[b]:
            candidates.append(digits[:a] + digits[b] + digits[a] + digits[b + 1 :])
    for cand in candidates:
        value = _value(cand)
        if value is not None and fits(value) and cand not in out:
            out.append(cand)
    return out[:3]


def _value(text: str) -> Decimal | None:
    integer, _, fraction = text.replace(".", "").partition(",")
    if not integer.isdigit() or (fraction and not fraction.isdigit()):
        return None
    return Decimal(f"{integer}.{fraction}" if fraction else integer)


def quantity(facts: Facts, fact_id: int | None) -> Quantity | None:
    fact = facts.get(fact_id)
    return fact if isinstance(fact, Quantity) else None


def percents(facts: Facts) -> list[Percent]:
    return list(facts.of(Percent))


@dataclass(frozen=True)
class ShareClaim:
    """A stated share with the figures it can be checked against."""

    percent: Percent
    part: Decimal
    whole: Decimal
    verdict: Verdict
    evidence_vi: str
    evidence_en: str


def share_claims(facts: Facts) -> list[ShareClaim]:
    """Every share whose part and whole are known, with its verdict and the arithmetic."""
    claims: list[ShareClaim] = []
    for pct in facts.of(Percent):
        if pct.whole_source == "ratio":
            continue
        part = quantity(facts, pct.part)
        if part is None:
            continue
        if pct.whole_source == "parts":
            parts = [q for q in (quantity(facts, i) for i in pct.whole_parts) if q is not None]
            if len(parts) < 2:
                continue
            whole = sum((q.value for q in parts), Decimal(0))
            listed = " + ".join(q.number.text for q in parts)
            total = format_vn(whole, 0)
            ev_vi = f"tổng suy ra từ các thành phần: {listed} = {total}"
            ev_en = f"whole inferred from the listed parts: {listed} = {total}"
        else:
            whole_q = quantity(facts, pct.whole)
            if whole_q is None:
                continue
            whole = whole_q.value
            where_vi = {"total": "tổng", "sentence": "tổng nêu trong câu", "previous": "tổng nêu ở câu trước"}
            where_en = {"total": "the total", "sentence": "the total in the sentence", "previous": "the total in the sentence before"}
            ev_vi = f"{where_vi.get(pct.whole_source, 'tổng')}: {whole_q.text}"
            ev_en = f"{where_en.get(pct.whole_source, 'the total')}: {whole_q.text}"
        if whole <= 0:
            continue
        exact = share(part.value, whole)
        calc = f"{part.number.text}/{format_vn(whole, 0)} = {show_exact(exact)}%"
        claims.append(
            ShareClaim(pct, part.value, whole, judge(pct.number, exact), f"{calc}; {ev_vi}", f"{calc}; {ev_en}")
        )
    return claims


def document_convention(claims: list[ShareClaim], setting: str) -> str | None:
    """The convention the document follows: the configured one, or the majority of the
    shares that only one convention makes right; None when nothing tells."""
    if setting != "any":
        return setting
    votes = {"half-up": 0, "truncate": 0}
    for c in claims:
        if c.percent.number.decimals == 0:
            continue  # whole percentages are rounded by everyone; they say nothing
        ok = c.verdict.ok_under
        if "truncate" in ok and "half-up" not in ok:
            votes["truncate"] += 1
        elif "half-up" in ok and "truncate" not in ok:
            votes["half-up"] += 1
    if votes["truncate"] == votes["half-up"]:
        return None
    return max(votes, key=lambda k: votes[k])


def rounded_text(value: Decimal, decimals: int, convention: str) -> str:
    return format_vn(rounded(value, decimals, convention), decimals)
