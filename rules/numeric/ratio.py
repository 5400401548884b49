"""N301: a ratio a/b against the rate stated for it."""

from __future__ import annotations

from typing import Iterator

from checker.engine import Document, Rule
from checker.facts import Percent, Ratio
from checker.findings import Finding, Message, Severity
from checker.numbers import format_number
from checker.rules.numeric import arith


class RatioRate(Rule):
    """The rate stated for a ratio a/b must be a divided by b.

    "32.457/32.960 cán bộ, đảng viên dự học, đạt tỷ lệ 98,76%": the rate is recomputed from
    the two counts, with the same interval arithmetic as shares (rounded or truncated to
    the stated decimals).

    Wrong: "có 1.467/1.872 học viên đạt loại khá trở lên, đạt tỷ lệ 87,37%" (78,37%)
    Right: "có 1.467/1.872 học viên đạt loại khá trở lên, đạt tỷ lệ 78,37%"
    """

    doc_vi = """Tỷ lệ nêu cho một phân số a/b phải bằng a chia b.

    "32.457/32.960 cán bộ, đảng viên dự học, đạt tỷ lệ 98,76%": tỷ lệ được tính lại từ hai
    số, với cùng cách tính khoảng như tỷ lệ phần trăm (làm tròn hoặc cắt bớt theo số chữ số
    thập phân đã nêu).

    Sai: "có 1.467/1.872 học viên đạt loại khá trở lên, đạt tỷ lệ 87,37%" (78,37%)
    Đúng: "có 1.467/1.872 học viên đạt loại khá trở lên, đạt tỷ lệ 78,37%"
    """

    code = "N301"
    name = "ratio.rate"
    category = "ratio"
    severity = Severity.ERROR
    wants = (Ratio, Percent)

    def check(self, doc: Document) -> Iterator[Finding]:
        for ratio in doc.facts.of(Ratio):
            rate = doc.facts.get(ratio.rate)
            if not isinstance(rate, Percent) or ratio.denominator.value == 0:
                continue
            exact = arith.share(ratio.numerator.value, ratio.denominator.value)
            verdict = arith.judge(rate.number, exact)
            if not verdict.wrong:
                continue
            expected = arith.show(exact, rate.number.decimals)
            a, b = format_number(ratio.numerator), format_number(ratio.denominator)
            slips = arith.slips(
                rate.number,
                lambda v: bool(arith.judge(rate.number.__class__(v, rate.number.decimals, str(v)), exact).ok_under),
            )
            hint_vi = f"; có thể gõ nhầm, đúng nếu là {' hoặc '.join(slips)}%" if slips else ""
            hint_en = f"; a slip? right if it were {' or '.join(slips)}%" if slips else ""
            yield self.finding(
                rate.span,
                Message(
                    vi=f"Tỷ lệ sai: {a}/{b} = {expected}%, không phải {rate.number.text}{hint_vi}",
                    en=f"Wrong rate: {a}/{b} = {expected}%, not {rate.number.text}{hint_en}",
                ),
                stated=rate.number.text,
                expected=f"{expected}%",
                evidence=Message(
                    vi=f"{a}/{b} = {arith.show_exact(exact)}%",
                    en=f"{a}/{b} = {arith.show_exact(exact)}%",
                ),
                related=(ratio.span,),
            )
