"""N201: a total against its listed parts."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from checker.engine import Document, Rule
from checker.facts import Quantity, Total
from checker.findings import Finding, Message, Severity
from checker.rules.numeric import arith


class PartsAndTotal(Rule):
    """The parts listed for a total must add up to it, or stay within it.

    A breakdown ("gồm ...", "(nam ..., nữ ...)", a list in brackets after a count) must add
    up to its total. Parts introduced by "trong đó" are a subset: each is at most the total,
    and together at most the total when they cannot overlap (different kinds of unit, or
    values of one attribute); subgroups along different attributes ("trẻ 07, nữ 7") may
    overlap and are only checked one by one.

    Wrong: "có 498 tổ chức cơ sở đảng, trong đó 171 đảng bộ cơ sở, 357 chi bộ cơ sở" (171 + 357 = 528)
    Right: "có 528 tổ chức cơ sở đảng, trong đó 171 đảng bộ cơ sở, 357 chi bộ cơ sở"
    """

    doc_vi = """Các thành phần của một tổng phải cộng lại bằng tổng, hoặc không vượt quá tổng.

    Một cơ cấu ("gồm ...", "(nam ..., nữ ...)", danh sách trong ngoặc sau một số lượng) phải
    cộng lại đúng bằng tổng. Các thành phần sau "trong đó" là tập con: mỗi thành phần không
    lớn hơn tổng, và cộng lại không lớn hơn tổng khi chúng không chồng lấn (khác loại, hoặc
    các giá trị của cùng một thuộc tính); các nhóm theo thuộc tính khác nhau ("trẻ 07, nữ 7")
    có thể trùng nhau nên chỉ được kiểm tra từng nhóm.

    Sai: "có 498 tổ chức cơ sở đảng, trong đó 171 đảng bộ cơ sở, 357 chi bộ cơ sở" (171 + 357 = 528)
    Đúng: "có 528 tổ chức cơ sở đảng, trong đó 171 đảng bộ cơ sở, 357 chi bộ cơ sở"
    """

    code = "N201"
    name = "sum.parts-and-total"
    category = "sum"
    severity = Severity.ERROR
    wants = (Total, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        facts = doc.facts
        for tot in facts.of(Total):
            total = arith.quantity(facts, tot.total)
            parts = [q for q in (arith.quantity(facts, i) for i in tot.parts) if q is not None]
            if total is None or not parts:
                continue
            listed = " + ".join(p.text if p.scale != total.scale else p.number.text for p in parts)
            added = sum((p.value for p in parts), Decimal(0))
            # shown in the total's own unit: "13,6" (tỷ đồng), not 13.600.000.000 đồng
            added_text = _show(added / total.scale, max(_decimals(parts), total.number.decimals))
            evidence = Message(
                vi=f"{listed} = {added_text}; tổng nêu: {total.text}",
                en=f"{listed} = {added_text}; stated total: {total.text}",
            )
            if tot.relation == "partition" and added != total.value:
                yield self._report(total, added_text, evidence, Message(
                    vi=f"Tổng các thành phần {listed} = {added_text}, không phải {total.number.text}",
                    en=f"The parts {listed} add up to {added_text}, not {total.number.text}",
                ))
                continue
            if tot.relation == "subset" and tot.disjoint and len(parts) > 1 and added > total.value:
                yield self._report(total, added_text, evidence, Message(
                    vi=f"Các thành phần {listed} = {added_text}, lớn hơn tổng {total.number.text}",
                    en=f"The parts {listed} = {added_text} exceed the total {total.number.text}",
                ))
                continue
            for part in parts:
                if part.value > total.value:
                    yield self.finding(
                        part.span,
                        Message(
                            vi=f"Thành phần {part.number.text} lớn hơn tổng {total.number.text}",
                            en=f"The part {part.number.text} exceeds its total {total.number.text}",
                        ),
                        stated=part.number.text,
                        expected=f"≤ {total.number.text}",
                        evidence=evidence,
                        related=(total.span,),
                    )

    def _report(self, total: Quantity, added: str, evidence: Message, message: Message) -> Finding:
        return self.finding(
            total.span,
            message,
            stated=total.number.text,
            expected=added,
            evidence=evidence,
        )


def _show(value: Decimal, decimals: int) -> str:
    """The sum with as many decimals as the figures have, more if it needs them."""
    while decimals < 4 and value != value.quantize(Decimal(1).scaleb(-decimals)):
        decimals += 1
    return arith.show(value, decimals)


def _decimals(parts: list[Quantity]) -> int:
    return max((p.number.decimals for p in parts), default=0)
