"""C104: a number and code that is not written in either style's shape."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.extract.citations import (
    HYPHEN_FOR_SLASH,
    NO_SLASH,
    SLASH_FOR_HYPHEN,
    STATE,
    CodeParts,
    code_parts,
    rebuild,
)
from checker.facts import Reference, Span
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import line
from checker.rules.citations.index import Mention, citation_index
from checker.rules.citations.tables import Tables, split_letters, tables_for

_WHAT = {
    NO_SLASH: ("thiếu dấu “/” giữa tên loại và cơ quan ban hành", "lacks the “/” between type and issuer"),
    HYPHEN_FOR_SLASH: ("dùng dấu “-” thay cho dấu “/”", "has a “-” where the “/” belongs"),
    SLASH_FOR_HYPHEN: ("dùng dấu “/” thay cho dấu “-”", "has a “/” where the “-” belongs"),
    "no-issuer": ("thiếu cơ quan ban hành sau chữ viết tắt tên loại", "lacks the issuer after the type letters"),
}


class MalformedCode(Rule):
    """A number and code must have the shape of its style.

    Party style is number, hyphen, type letters, slash, issuer ("28-KL/TW"); State style is
    number (and year), slash, type letters, hyphen, issuer ("22/2022/NQ-HĐND", "123/QĐ-UBND";
    a công văn: "1845/UBND-VX"). A code that lost its slash ("28-KLTW"), has a hyphen for
    it ("32-KH-ĐUCA"), a slash for the hyphen ("123/QĐ/UBND") or no issuer ("123/QĐ") is
    reported, with the form written elsewhere in the document when there is one.

    Wrong: "Kết luận số 28-KLTW ngày 21/02/2022", "Kế hoạch số 32-KH-ĐUCA"
    Right: "Kết luận số 28-KL/TW ngày 21/02/2022", "Kế hoạch số 32-KH/ĐUCA"
    """

    doc_vi = """Số, ký hiệu văn bản phải đúng thể thức.

    Văn bản của Đảng: số, gạch nối, chữ viết tắt tên loại, gạch chéo, cơ quan ban hành
    ("28-KL/TW"); văn bản nhà nước: số (và năm), gạch chéo, chữ viết tắt tên loại, gạch
    nối, cơ quan ban hành ("22/2022/NQ-HĐND", "123/QĐ-UBND"; công văn: "1845/UBND-VX"). Ký
    hiệu mất dấu gạch chéo ("28-KLTW"), dùng gạch nối thay gạch chéo ("32-KH-ĐUCA"), gạch
    chéo thay gạch nối ("123/QĐ/UBND") hoặc thiếu cơ quan ban hành ("123/QĐ") bị báo, kèm
    cách viết đúng ở nơi khác trong văn bản nếu có.

    Sai: "Kết luận số 28-KLTW ngày 21/02/2022", "Kế hoạch số 32-KH-ĐUCA"
    Đúng: "Kết luận số 28-KL/TW ngày 21/02/2022", "Kế hoạch số 32-KH/ĐUCA"
    """

    code = "C104"
    name = "reference.malformed-code"
    category = "reference"
    severity = Severity.WARNING
    wants = (Reference,)

    def check(self, doc: Document) -> Iterator[Finding]:
        tables = tables_for(doc.settings)
        well_formed = _well_formed_mentions(doc)
        for ref in doc.facts.of(Reference):
            parts = code_parts(ref.raw_code)
            if parts is None:
                continue
            defect = parts.defect or _no_issuer(parts, tables)
            if defect is None:
                continue
            elsewhere = well_formed.get(parts.key)
            if elsewhere is not None and elsewhere.raw_code is not None:
                expected: str | None = elsewhere.raw_code
                at = line(doc, elsewhere.span)
                seen_vi, seen_en = f"; viết đúng ở dòng {at}: {expected}", f"; written right on line {at}: {expected}"
                related: tuple[Span, ...] = (elsewhere.span,)
            else:
                expected = _repaired(parts, defect, tables)
                seen_vi = f"; đúng là {expected}" if expected else ""
                seen_en = f"; should be {expected}" if expected else ""
                related = ()
            what_vi, what_en = _WHAT[defect]
            yield self.finding(
                ref.span,
                Message(
                    vi=f"Ký hiệu {ref.raw_code} {what_vi}{seen_vi}",
                    en=f"The code {ref.raw_code} {what_en}{seen_en}",
                ),
                stated=ref.raw_code,
                expected=expected,
                related=related,
            )


def _well_formed_mentions(doc: Document) -> dict[str, Mention]:
    """For each document key, its first mention with a well-formed code."""
    out: dict[str, Mention] = {}
    for cited in citation_index(doc.facts):
        for m in cited.mentions:
            parts = m.parts
            if parts is not None and parts.defect is None:
                out.setdefault(parts.key, m)
                break
    return out


def _no_issuer(parts: CodeParts, tables: Tables) -> str | None:
    """A State code of type letters alone ("123/QĐ"): the issuer is missing."""
    if (
        parts.style == STATE
        and not parts.tail
        and tables.is_type_letters(parts.head)
        and tables.issuer_of(parts.head) is None
    ):
        return "no-issuer"
    return None


def _repaired(parts: CodeParts, defect: str, tables: Tables) -> str | None:
    """The code with its separators put right, when that can be told."""
    if defect == NO_SLASH:
        split = split_letters(parts.head, tables)
        if split is None:
            return None
        return rebuild(parts, split, ("-", "/"))
    if defect == HYPHEN_FOR_SLASH:
        return rebuild(parts, parts.segments, ("-", "/") + parts.separators[2:])
    if defect == SLASH_FOR_HYPHEN:
        return rebuild(parts, parts.segments, ("/",) + tuple("-" for _ in parts.separators[1:]))
    return None
