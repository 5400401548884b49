"""N103: the shares of a complete breakdown add up to 100%."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from checker.engine import Document, Rule
from checker.facts import Percent, Quantity, Total
from checker.findings import Finding, Message, Severity
from checker.numbers import format_vn
from checker.rules.numeric import arith


class BreakdownAddsUp(Rule):
    """The shares of a complete breakdown must add up to 100%, within rounding.

    When the parts of a whole are listed with their shares (the levels of qualification of
    a force, men and women of a headcount), the shares cover the whole: they add up to 100%
    give or take what rounding can move, one unit of the last decimal per share. Larger gaps
    mean a share, or a part, is wrong.

    Wrong: "sau đại học 05 đ/c, chiếm 7,62%; đại học 186 đ/c, chiếm 60,39%; cao đẳng 84 đ/c,
    chiếm 27,27%; trung cấp 33 đ/c, chiếm 10,31%" (the shares add up to 105,59%)
    Right: "sau đại học 05 đ/c, chiếm 1,62%; đại học 186 đ/c, chiếm 60,39%; cao đẳng 84 đ/c,
    chiếm 27,27%; trung cấp 33 đ/c, chiếm 10,71%" (99,99%)
    """

    doc_vi = """Tỷ lệ các thành phần của một cơ cấu đầy đủ phải cộng lại bằng 100%, trong phạm vi làm tròn.

    Khi các thành phần của một tổng được liệt kê kèm tỷ lệ (các trình độ của một lực lượng,
    nam và nữ của một số lượng), các tỷ lệ phủ kín tổng: cộng lại bằng 100%, chênh lệch không
    quá mức làm tròn cho phép, mỗi tỷ lệ một đơn vị ở chữ số thập phân cuối. Chênh lệch lớn hơn
    nghĩa là có tỷ lệ hoặc thành phần sai.

    Sai: "sau đại học 05 đ/c, chiếm 7,62%; đại học 186 đ/c, chiếm 60,39%; cao đẳng 84 đ/c,
    chiếm 27,27%; trung cấp 33 đ/c, chiếm 10,31%" (cộng lại 105,59%)
    Đúng: "sau đại học 05 đ/c, chiếm 1,62%; đại học 186 đ/c, chiếm 60,39%; cao đẳng 84 đ/c,
    chiếm 27,27%; trung cấp 33 đ/c, chiếm 10,71%" (99,99%)
    """

    code = "N103"
    name = "percent.breakdown-adds-up"
    category = "percent"
    severity = Severity.ERROR
    wants = (Percent, Quantity, Total)

    def check(self, doc: Document) -> Iterator[Finding]:
        for shares in _breakdowns(doc):
            stated = sum((p.number.value for p in shares), Decimal(0))
            decimals = max(p.number.decimals for p in shares)
            tolerance = sum((Decimal(1).scaleb(-p.number.decimals) for p in shares), Decimal(0))
            if abs(stated - 100) < tolerance:  # truncating loses less than one unit per share
                continue
            listed = " + ".join(p.number.text for p in shares)
            total = format_vn(stated, decimals)
            first = shares[0]
            yield self.finding(
                first.span,
                Message(
                    vi=f"Các tỷ lệ của cơ cấu cộng lại {total}%, không phải 100%",
                    en=f"The shares of the breakdown add up to {total}%, not 100%",
                ),
                stated=f"{total}%",
                expected="100%",
                evidence=Message(vi=f"{listed} = {total}%", en=f"{listed} = {total}%"),
                related=tuple(p.span for p in shares[1:]),
            )


def _breakdowns(doc: Document) -> Iterator[list[Percent]]:
    """Lists of shares that cover a whole: siblings whose whole is the sum of their counts,
    and the shares of the parts of a partition."""
    facts = doc.facts
    seen: set[tuple[int, ...]] = set()
    by_parts: dict[tuple[int, ...], list[Percent]] = {}
    for pct in facts.of(Percent):
        if pct.whole_source == "parts" and pct.whole_parts:
            by_parts.setdefault(pct.whole_parts, []).append(pct)
    for key, shares in by_parts.items():
        if len(shares) == len(key) and len(shares) >= 2:
            seen.add(key)
            yield shares
    share_of: dict[int, Percent] = {}
    for pct in facts.of(Percent):
        if pct.part is not None and pct.whole_source != "ratio":
            share_of.setdefault(pct.part, pct)
    for tot in facts.of(Total):
        if tot.relation != "partition" or len(tot.parts) < 2 or tot.parts in seen:
            continue
        shares = [share_of[i] for i in tot.parts if i in share_of]
        if len(shares) == len(tot.parts) and all(arith.quantity(facts, i) for i in tot.parts):
            yield shares
