"""F108: the signing authority's prefix: TM., KT., TL., TUQ., Q. (State); T/M, K/T, T/L (Party)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import cite, form_and_rules, said
from checker.rules.form.parse import Signer
from checker.rules.form.rulesets import PARTY, RuleSet

from checker.engine import Document, Rule
from checker.facts import Span
from checker.findings import Finding, Severity


def expected_prefix(signer: Signer, rules: RuleSet) -> str | None:
    """The prefix as the style writes it, or None when the style has no such prefix."""
    canonical = signer.canonical or ""
    for prefix in rules.signing_prefixes:
        bare = prefix.replace("/", "").replace(".", "")
        if bare == canonical:
            return prefix
    return None


class SigningPrefix(Rule):
    """The prefix of the signing authority written as the document's style writes it.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7: "TM." (on behalf of a
    collective), "KT." (signing for the head), "TL.", "TUQ.", "Q.", each with its dot.
    Hướng dẫn 36-HD/VPTW, mục II.1.7: "T/M", "K/T", "T/L", with a slash and no dot. A
    prefix without its dot, or in the other style's form, is a warning.

    Wrong: "KT CHỦ TỊCH" or "K/T CHỦ TỊCH" in a State document; "TM. BAN THƯỜNG VỤ" in a
    Party document
    Right: "KT. CHỦ TỊCH"; "T/M BAN THƯỜNG VỤ"
    """

    doc_vi = """Chữ viết tắt quyền hạn của người ký viết đúng kiểu của văn bản.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7: "TM." (thay mặt tập thể), "KT."
    (ký thay người đứng đầu), "TL.", "TUQ.", "Q.", đều có dấu chấm. Hướng dẫn 36-HD/VPTW,
    mục II.1.7: "T/M", "K/T", "T/L", có gạch chéo, không có dấu chấm. Thiếu dấu chấm, hoặc
    viết theo kiểu văn bản kia, là cảnh báo.

    Sai: "KT CHỦ TỊCH" hay "K/T CHỦ TỊCH" trong văn bản nhà nước; "TM. BAN THƯỜNG VỤ" trong
    văn bản của Đảng
    Đúng: "KT. CHỦ TỊCH"; "T/M BAN THƯỜNG VỤ"
    """

    code = "F108"
    name = "form.signing-prefix"
    category = "form"
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None:
            return
        form, rules = found
        source = rules.signing_source
        for signer in form.signers:
            if signer.prefix is None:
                continue
            right = expected_prefix(signer, rules)
            if right is None or signer.prefix == right:
                continue
            span = Span(signer.piece.start, signer.piece.start + len(signer.prefix))
            if rules.id == PARTY:
                vi = f"Văn bản của Đảng viết “{right}”, không viết “{signer.prefix}”"
                en = f"A Party document writes “{right}”, not “{signer.prefix}”"
            elif signer.slash:
                vi = f"Văn bản nhà nước viết “{right}” (có dấu chấm), không viết “{signer.prefix}” như văn bản của Đảng"
                en = f"A State document writes “{right}” (with a dot), not the Party's “{signer.prefix}”"
            else:
                vi = f"Chữ viết tắt quyền hạn ký phải là “{right}”, có dấu chấm"
                en = f"The signing prefix is “{right}”, with its dot"
            yield self.finding(
                span,
                said(vi, en, source),
                stated=signer.prefix,
                expected=right,
                evidence=cite(source),
            )
