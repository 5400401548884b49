"""N104: shares with no stated whole that no whole number of people can give."""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from checker.engine import Document, Rule
from checker.facts import Percent, Quantity
from checker.findings import Finding, Message, Severity
from checker.numbers import format_vn
from checker.rules.numeric import arith


class NoWholeGivesTheShares(Rule):
    """Shares stated without their whole must still be possible for some whole count.

    When a sentence states several counts with their shares but not the whole they are
    shares of, rasoat searches the whole: each share, rounded or truncated to its decimals,
    allows a range of wholes, and a whole must lie in every range (the GRIM test of
    granularity). When no whole number lies in them all, at least one of the shares is wrong.
    The evidence names the range each share allows.

    Wrong: "thạc sĩ 12 người, chiếm 5,80%; đại học 150 người, chiếm 75,00%" (12 people are
    5,80% of 206 or 207 people, 150 are 75,00% of 200: no whole gives both)
    Right: "thạc sĩ 12 người, chiếm 6,00%; đại học 150 người, chiếm 75,00%" (of 200)
    """

    doc_vi = """Các tỷ lệ không nêu tổng vẫn phải có một tổng số nguyên cho ra chúng.

    Khi một câu nêu nhiều số lượng kèm tỷ lệ mà không nêu tổng, rasoat tìm tổng: mỗi tỷ lệ,
    làm tròn hoặc cắt bớt theo số chữ số thập phân đã nêu, cho phép một khoảng tổng, và tổng
    phải nằm trong mọi khoảng đó (phép thử độ mịn GRIM). Khi không có số nguyên nào nằm trong
    tất cả, ít nhất một tỷ lệ sai. Phần căn cứ nêu khoảng mà từng tỷ lệ cho phép.

    Sai: "thạc sĩ 12 người, chiếm 5,80%; đại học 150 người, chiếm 75,00%" (12 người là 5,80%
    của 206 hoặc 207 người, 150 người là 75,00% của 200: không tổng nào cho cả hai)
    Đúng: "thạc sĩ 12 người, chiếm 6,00%; đại học 150 người, chiếm 75,00%" (của 200)
    """

    code = "N104"
    name = "percent.no-whole-fits"
    category = "percent"
    severity = Severity.ERROR
    wants = (Percent, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        groups: dict[int, list[tuple[Percent, Quantity]]] = {}
        for pct in doc.facts.of(Percent):
            if pct.whole_source != "none":
                continue
            part = arith.quantity(doc.facts, pct.part)
            if part is None or part.number.decimals or part.value <= 0 or pct.value <= 0:
                continue
            groups.setdefault(pct.sentence, []).append((pct, part))
        for shares in groups.values():
            if len(shares) < 2:
                continue
            low, high = Fraction(0), Fraction(10**12)
            ranges = []
            for pct, part in shares:
                a, b = _wholes(Fraction(part.value), Fraction(pct.value), pct.number.decimals)
                ranges.append((pct, part, a, b))
                low, high = max(low, a), min(high, b)
            floor = max(Fraction(part.value) for _, part in shares)
            first = max(math.floor(low) + 1, math.ceil(floor))
            if first <= high:
                continue  # some whole gives every share
            pct = shares[0][0]
            allowed = "; ".join(
                f"{part.number.text} ≙ {p.number.text}: {_range(a, b)}" for p, part, a, b in ranges
            )
            yield self.finding(
                pct.span,
                Message(
                    vi="Không có tổng số nguyên nào cho ra đồng thời các tỷ lệ này: ít nhất một tỷ lệ sai",
                    en="No whole number gives all of these shares at once: at least one of them is wrong",
                ),
                stated=" ; ".join(p.number.text for p, _ in shares),
                evidence=Message(vi=f"tổng phải nằm trong: {allowed}", en=f"the whole must lie in: {allowed}"),
                related=tuple(p.span for p, _ in shares[1:]),
            )


def _wholes(part: Fraction, share: Fraction, decimals: int) -> tuple[Fraction, Fraction]:
    """The wholes W (an open-closed interval) for which part/W, rounded half up or truncated
    to ``decimals``, is ``share``: part*100/W lies in [share - u/2, share + u)."""
    unit = Fraction(1, 10**decimals)
    low = part * 100 / (share + unit)  # W must be above this
    bottom = share - unit / 2
    high = part * 100 / bottom if bottom > 0 else Fraction(10**12)
    return low, high


def _range(low: Fraction, high: Fraction) -> str:
    a = math.floor(low) + 1
    b = math.floor(high)
    if b >= 10**12:
        return f"≥ {format_vn(Decimal(a), 0)}"
    if a > b:
        return "∅"
    return format_vn(Decimal(a), 0) if a == b else f"{format_vn(Decimal(a), 0)}–{format_vn(Decimal(b), 0)}"
