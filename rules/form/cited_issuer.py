"""F110: the issuer in a cited code against the body the same sentence names as its author."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rules.form.common import cite, said
from checker.rules.form.parse import code_parts
from checker.rules.form.rulesets import PARTY, STATE, issuer_abbreviation, issuers_named, rule_set

from checker.engine import Document, Rule
from checker.facts import Reference
from checker.findings import Finding, Severity


def code_issuer(ref: Reference) -> tuple[str, str] | None:
    """(style, issuer segment) of a cited code: "26-HD/BTCTW" -> (party, BTCTW),
    "123/QĐ-UBND" -> (state, UBND), "1845/UBND-VX" -> (state, UBND)."""
    if not ref.raw_code or not ref.code or not ref.number:
        return None
    m = re.match(re.escape(ref.number) + r"\s*([-/])", ref.raw_code)
    if m is None:
        return None
    sep = m.group(1)
    _, _, issuer = code_parts(sep, ref.code)
    if not issuer:
        return None
    return (STATE if sep == "/" else PARTY), issuer


class CitedIssuer(Rule):
    """A cited document's code names its issuer; the body the sentence names as its
    author must be that issuer.

    The last part of a Party code (Hướng dẫn 36-HD/VPTW, mục II.1.3) and the part after
    the type letters of a State code (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3)
    is the issuer's abbreviation: TW for the Central Committee, the Politburo and the
    Secretariat, BTCTW for the Central Organisation Commission, UBND for a people's
    committee (rules/form/issuers.toml). When the citation names its author ("... của Bộ
    Chính trị") and both are in the table, they must agree; unknown names and
    abbreviations are not judged.

    Wrong: "Hướng dẫn số 26-HD/BTCTW ngày 12/9/2016 của Bộ Chính trị"
    Right: "Hướng dẫn số 26-HD/BTCTW ngày 12/9/2016 của Ban Tổ chức Trung ương"
    """

    doc_vi = """Ký hiệu của văn bản được trích dẫn ghi cơ quan ban hành; cơ quan mà câu văn nêu là
    tác giả phải chính là cơ quan đó.

    Phần cuối ký hiệu văn bản của Đảng (Hướng dẫn 36-HD/VPTW, mục II.1.3) và phần sau chữ
    viết tắt tên loại của ký hiệu văn bản nhà nước (Nghị định 30/2020/NĐ-CP, Phụ lục I,
    Phần I, mục II.3) là chữ viết tắt tên cơ quan ban hành: TW là Ban Chấp hành Trung ương,
    Bộ Chính trị, Ban Bí thư; BTCTW là Ban Tổ chức Trung ương; UBND là Ủy ban nhân dân
    (rules/form/issuers.toml). Khi trích dẫn nêu tác giả ("... của Bộ Chính trị") và cả hai
    đều có trong bảng thì phải khớp nhau; tên và chữ viết tắt chưa biết thì không xét.

    Sai: "Hướng dẫn số 26-HD/BTCTW ngày 12/9/2016 của Bộ Chính trị"
    Đúng: "Hướng dẫn số 26-HD/BTCTW ngày 12/9/2016 của Ban Tổ chức Trung ương"
    """

    code = "F110"
    name = "form.cited-issuer"
    category = "form"
    severity = Severity.WARNING
    wants = (Reference,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for ref in doc.facts.of(Reference):
            if not ref.issuer:
                continue
            parts = code_issuer(ref)
            if parts is None:
                continue
            style, segment = parts
            abbr = issuer_abbreviation(segment)
            if abbr is None:
                continue
            named = issuers_named(ref.issuer)
            if not named or abbr in named:
                continue
            source = rule_set(style).number_source
            names = ", ".join(sorted(named))
            yield self.finding(
                ref.span,
                said(
                    f"Ký hiệu {ref.raw_code} ghi cơ quan ban hành là {abbr}, nhưng câu văn nêu văn bản là của {ref.issuer} ({names})",
                    f"The code {ref.raw_code} names its issuer {abbr}, but the sentence says it is by {ref.issuer} ({names})",
                    source,
                ),
                stated=segment,
                expected=min(named),
                evidence=cite(source),
            )
