"""N101 and N102: a stated share against its count and its whole."""

from __future__ import annotations

from typing import Iterator

from checker.engine import Document, Rule
from checker.facts import Percent, Quantity
from checker.findings import Finding, Message, Severity
from checker.rules.numeric import arith


class ShareOfWhole(Rule):
    """A share must be what its count gives of its whole.

    The share is recomputed from the count it describes and the whole it is a share of: the
    total its count is listed under, the first count of its sentence, the nearest total
    before it, or the sum of the counts listed beside it when their shares make a complete
    breakdown. A figure stated with two decimals stands for an interval: "49,29%" is right
    for anything from 49,285% up to 49,295% when rounded and from 49,29% up to 49,30% when
    truncated; it is an error only when no convention makes it right.

    Wrong: "Tổng số 805 đồng chí, trong đó trẻ 397 đồng chí, chiếm 43,10%." (397/805 = 49,32%)
    Right: "Tổng số 805 đồng chí, trong đó trẻ 397 đồng chí, chiếm 49,32%."
    """

    doc_vi = """Tỷ lệ nêu ra phải đúng bằng số lượng chia cho tổng.

    Tỷ lệ được tính lại từ số lượng mà nó mô tả và tổng mà nó là một phần: tổng mà số
    lượng được liệt kê trong đó, số lượng đầu tiên của câu, tổng gần nhất phía trước, hoặc
    tổng các thành phần được liệt kê cùng nhau khi tỷ lệ của chúng tạo thành một cơ cấu đầy
    đủ. Một số có hai chữ số thập phân là một khoảng: "49,29%" đúng với mọi giá trị từ
    49,285% đến dưới 49,295% khi làm tròn, từ 49,29% đến dưới 49,30% khi cắt bớt; chỉ là lỗi
    khi không cách nào cho ra số đó.

    Sai: "Tổng số 805 đồng chí, trong đó trẻ 397 đồng chí, chiếm 43,10%." (397/805 = 49,32%)
    Đúng: "Tổng số 805 đồng chí, trong đó trẻ 397 đồng chí, chiếm 49,32%."
    """

    code = "N101"
    name = "percent.share-of-whole"
    category = "percent"
    severity = Severity.ERROR
    wants = (Percent, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        for claim in arith.share_claims(doc.facts):
            if not claim.verdict.wrong:
                continue
            pct = claim.percent
            expected = arith.show(claim.verdict.exact, pct.number.decimals)
            stated = pct.number.text
            part, whole = arith.show(claim.part, 0), arith.show(claim.whole, 0)
            slips = arith.slips(
                pct.number, lambda v: arith.judge(_with(pct, v), claim.verdict.exact).ok_under != ()
            )
            hint_vi = f"; có thể gõ nhầm, đúng nếu là {' hoặc '.join(slips)}%" if slips else ""
            hint_en = f"; a slip? right if it were {' or '.join(slips)}%" if slips else ""
            yield self.finding(
                pct.span,
                Message(
                    vi=f"Tỷ lệ sai: {part}/{whole} = {expected}%, không phải {stated}{hint_vi}",
                    en=f"Wrong share: {part}/{whole} = {expected}%, not {stated}{hint_en}",
                ),
                stated=stated,
                expected=f"{expected}%",
                evidence=Message(claim.evidence_vi, claim.evidence_en),
            )


class RoundingConvention(Rule):
    """A share right only under the rounding convention the document does not follow.

    Documents either round shares (half up) or truncate them; both are accepted, but a
    document should not mix them. The document's convention is the one most of its shares
    follow (or the one configured with `rounding`); a share that is right only under the
    other convention is reported for information.

    Wrong: "chiếm 44,54%" beside "chiếm 3,07%" for 2/65 (3,0769…: truncated, where the rest
    of the document rounds)
    Right: "chiếm 3,08%" for 2/65 in a document that rounds
    """

    doc_vi = """Tỷ lệ chỉ đúng theo cách làm tròn mà văn bản không dùng.

    Văn bản hoặc làm tròn tỷ lệ (lên từ 5) hoặc cắt bớt chữ số; cả hai đều được chấp nhận
    nhưng không nên lẫn lộn trong một văn bản. Quy ước của văn bản là quy ước mà đa số tỷ lệ
    tuân theo (hoặc quy ước cấu hình bằng `rounding`); tỷ lệ chỉ đúng theo quy ước kia được
    báo ở mức thông tin.

    Sai: "chiếm 3,07%" cho 2/65 (3,0769…: cắt bớt, trong khi cả văn bản làm tròn)
    Đúng: "chiếm 3,08%" cho 2/65 trong văn bản làm tròn
    """

    code = "N102"
    name = "percent.rounding-convention"
    category = "percent"
    severity = Severity.INFO
    wants = (Percent, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        claims = arith.share_claims(doc.facts)
        setting = doc.settings.rounding
        convention = arith.document_convention(claims, setting)
        if convention is None:
            return
        severity = Severity.INFO if setting == "any" else Severity.WARNING
        names_vi = {"half-up": "làm tròn", "half-even": "làm tròn về số chẵn", "truncate": "cắt bớt"}
        names_en = {"half-up": "rounding half up", "half-even": "rounding half even", "truncate": "truncating"}
        for claim in claims:
            ok = claim.verdict.ok_under
            if not ok or convention in ok or claim.percent.number.decimals == 0:
                continue
            pct = claim.percent
            expected = arith.rounded_text(claim.verdict.exact, pct.number.decimals, convention)
            used = ok[0]
            yield self.finding(
                pct.span,
                Message(
                    vi=f"{pct.number.text} là {names_vi[used]}; theo quy ước {names_vi[convention]} của văn bản là {expected}%",
                    en=f"{pct.number.text} is {names_en[used]}; the document's convention ({names_en[convention]}) gives {expected}%",
                ),
                stated=pct.number.text,
                expected=f"{expected}%",
                evidence=Message(claim.evidence_vi, claim.evidence_en),
                severity=severity,
            )


def _with(pct: Percent, value: object) -> "arith.Number":
    from decimal import Decimal

    assert isinstance(value, Decimal)
    return arith.Number(value=value, decimals=pct.number.decimals, text=str(value))
