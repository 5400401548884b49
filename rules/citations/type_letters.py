"""C103: the type word against the type letters of the code."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.extract.citations import STATE, code_parts
from checker.facts import Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.letters import type_letters
from checker.rules.citations.tables import capital, fold_letters, join, tables_for


class TypeLetters(Rule):
    """The type word of a citation must agree with the type letters of its code.

    A document's code carries its type: NQ for a Nghị quyết, KH for a Kế hoạch, QĐ for a
    Quyết định. The letters are read per style, from the tables of Hướng dẫn 36-HD/VPTW
    (Party style, "26-NQ/TW"; a Quy định is QĐi, QĐ is also seen) and of Nghị định
    30/2020/NĐ-CP (State style, "22/2022/NQ-HĐND"; a Quy định is QyĐ; a công văn, a law
    and the documents of the National Assembly and its Standing Committee, "35/2023/
    UBTVQH15", carry no type letters). A type the style's table does not list is read
    with the other table. The tables are data (rules/citations/type_letters.toml), extendable in the
    configuration.

    Wrong: "Quyết định số 95-KH/TU" (KH is a Kế hoạch), "Chương trình số 14-CT/TU" (CT is a
    Chỉ thị)
    Right: "Kế hoạch số 95-KH/TU", "Chương trình số 14-CTr/TU"
    """

    doc_vi = """Tên loại văn bản phải khớp chữ viết tắt tên loại trong số, ký hiệu.

    Ký hiệu của văn bản mang tên loại của nó: NQ là Nghị quyết, KH là Kế hoạch, QĐ là Quyết
    định. Chữ viết tắt được đọc theo từng thể thức, theo bảng của Hướng dẫn 36-HD/VPTW
    (văn bản của Đảng, "26-NQ/TW"; Quy định là QĐi, cũng gặp QĐ) và của Nghị định
    30/2020/NĐ-CP (văn bản nhà nước, "22/2022/NQ-HĐND"; Quy định là QyĐ; công văn, luật và
    văn bản của Quốc hội, Ủy ban Thường vụ Quốc hội, "35/2023/UBTVQH15", không có chữ viết
    tắt tên loại). Tên loại không có trong bảng của thể thức này thì đọc theo bảng
    kia. Các bảng là dữ liệu (rules/citations/type_letters.toml), có thể bổ sung trong cấu
    hình.

    Sai: "Quyết định số 95-KH/TU" (KH là Kế hoạch), "Chương trình số 14-CT/TU" (CT là Chỉ thị)
    Đúng: "Kế hoạch số 95-KH/TU", "Chương trình số 14-CTr/TU"
    """

    code = "C103"
    name = "reference.type-letters"
    category = "reference"
    severity = Severity.ERROR
    wants = (Reference,)

    def check(self, doc: Document) -> Iterator[Finding]:
        tables = tables_for(doc.settings)
        for ref in doc.facts.of(Reference):
            parts = code_parts(ref.raw_code)
            if parts is None:
                continue
            accepted = tables.accepted(ref.doc_type, parts.style)
            if accepted is None:
                continue
            word = capital(ref.doc_type)
            letters = type_letters(parts, tables)
            expected = join(accepted, "hoặc")
            if letters is None:
                issuer = tables.issuer_of(parts.head)
                if (
                    parts.style == STATE
                    and ref.doc_type not in tables.without_letters
                    and issuer is not None
                    and issuer not in tables.issuers_without_letters
                ):
                    yield self.finding(
                        ref.span,
                        Message(
                            vi=f"{ref.raw_code} thiếu chữ viết tắt tên loại: {word} là {expected}",
                            en=f"{ref.raw_code} lacks the type letters: a {word} is {join(accepted, 'or')}",
                        ),
                        stated=ref.raw_code,
                        expected=accepted[0],
                    )
                continue
            if fold_letters(letters) in {fold_letters(a) for a in accepted}:
                continue
            kinds = tables.types_of(letters)
            named_vi = f" ({letters} là {join([capital(k) for k in kinds], 'hoặc')})" if kinds else ""
            named_en = f" ({letters} is a {join([capital(k) for k in kinds], 'or')})" if kinds else ""
            yield self.finding(
                ref.span,
                Message(
                    vi=f"“{word}” không khớp ký hiệu {letters} trong {ref.raw_code}{named_vi}; {word} viết tắt là {expected}",
                    en=f"“{word}” does not match the letters {letters} of {ref.raw_code}{named_en}; a {word} is {join(accepted, 'or')}",
                ),
                stated=letters,
                expected=accepted[0],
                evidence=Message(
                    vi=f"{ref.text}: tên loại “{word}”, ký hiệu {letters}",
                    en=f"{ref.text}: type word “{word}”, letters {letters}",
                ),
            )
