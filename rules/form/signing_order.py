"""F109: the order of the signing block's lines."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import cite, form_and_rules, said
from checker.rules.form.parse import Signer
from checker.rules.form.rulesets import RuleSet

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


def rank(signer: Signer, rules: RuleSet) -> int:
    """0 for the collective ("TM.", "T/M"), 1 for the other authorities ("KT.", "TL."),
    2 for a position line ("PHÓ CHỦ TỊCH")."""
    if signer.canonical is None:
        return 2
    first = {p.replace("/", "").replace(".", "") for p in rules.signing_first}
    return 0 if signer.canonical in first else 1


class SigningOrder(Rule):
    """The signing block reads from the collective down to the person: "TM." first, then
    "KT." (or "TL."), then the signer's position.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7, and Hướng dẫn 36-HD/VPTW, mục
    II.1.7: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; "T/M BAN THƯỜNG VỤ" /
    "PHÓ BÍ THƯ". A line above one it should follow is a warning.

    Wrong: "KT. CHỦ TỊCH" / "TM. ỦY BAN NHÂN DÂN" / "PHÓ CHỦ TỊCH"
    Right: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
    """

    doc_vi = """Phần ký đọc từ tập thể xuống người ký: "TM." trước, rồi "KT." (hay "TL."), rồi
    chức vụ của người ký.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.7, và Hướng dẫn 36-HD/VPTW, mục
    II.1.7: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; "T/M BAN THƯỜNG VỤ" /
    "PHÓ BÍ THƯ". Dòng đứng trên dòng mà lẽ ra nó phải đứng sau là cảnh báo.

    Sai: "KT. CHỦ TỊCH" / "TM. ỦY BAN NHÂN DÂN" / "PHÓ CHỦ TỊCH"
    Đúng: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
    """

    code = "F109"
    name = "form.signing-order"
    category = "form"
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None:
            return
        form, rules = found
        source = rules.signing_source
        highest: Signer | None = None
        for signer in form.signers:
            if highest is not None and rank(signer, rules) < rank(highest, rules):
                yield self.finding(
                    signer.piece.span,
                    said(
                        f"“{signer.piece.text}” phải đứng trên “{highest.piece.text}”",
                        f"“{signer.piece.text}” goes above “{highest.piece.text}”",
                        source,
                    ),
                    stated=signer.piece.text,
                    evidence=cite(source),
                    related=(highest.piece.span,),
                )
                return
            if highest is None or rank(signer, rules) > rank(highest, rules):
                highest = signer
