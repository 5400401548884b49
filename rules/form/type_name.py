"""F104: the type name in the heading, its subject line, and the type letters of the code."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import cite, form_and_rules, said
from checker.rules.form.rulesets import STATE

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


class TypeName(Rule):
    """The heading names the document's type in capitals, with its subject under it, and
    the code's type letters are that type's.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5 (letters: Phụ lục III), and
    Hướng dẫn 36-HD/VPTW, mục II.1.5: "BÁO CÁO" in capitals with the subject (trích yếu)
    under it; its code carries BC ("152/BC-UBND", "26-BC/TU"). A type name that disagrees
    with the letters, a type name in lower case, a code whose letters name a type the
    heading does not show, and a type name with no subject under it are warnings. A công
    văn names no type: its subject follows "V/v".

    Wrong: "BÁO CÁO" over "Số: 152/KH-UBND"; "Báo cáo" in the heading
    Right: "BÁO CÁO" over "Số: 152/BC-UBND"
    """

    doc_vi = """Phần đầu văn bản ghi tên loại văn bản in hoa, trích yếu bên dưới, và chữ viết tắt
    tên loại trong ký hiệu đúng với tên loại đó.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5 (chữ viết tắt: Phụ lục III), và
    Hướng dẫn 36-HD/VPTW, mục II.1.5: "BÁO CÁO" in hoa, trích yếu nội dung ở dưới; ký hiệu
    mang chữ BC ("152/BC-UBND", "26-BC/TU"). Tên loại không khớp chữ viết tắt, tên loại viết
    thường, ký hiệu chỉ một loại mà phần đầu không ghi tên loại, và tên loại không có trích
    yếu là cảnh báo. Công văn không ghi tên loại: trích yếu đứng sau "V/v".

    Sai: "BÁO CÁO" với "Số: 152/KH-UBND"; "Báo cáo" ở phần đầu
    Đúng: "BÁO CÁO" với "Số: 152/BC-UBND"
    """

    code = "F104"
    name = "form.type-name"
    category = "form"
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None:
            return
        form, rules = found
        source = rules.type_source
        number = form.number
        if form.type_name is not None and form.doc_type is not None:
            allowed = rules.letters_of(form.doc_type)
            if number is not None and allowed and number.code:
                if number.letters is None and rules.id == STATE:
                    yield self.finding(
                        number.piece.span,
                        said(
                            f"Ký hiệu thiếu chữ viết tắt tên loại “{allowed[0]}” của {form.doc_type}",
                            f"The code lacks the type letters “{allowed[0]}” of a {form.doc_type}",
                            source,
                        ),
                        stated=number.code,
                        expected=allowed[0],
                        evidence=cite(source),
                    )
                elif number.letters is not None and number.letters.casefold() not in {
                    a.casefold() for a in allowed
                }:
                    meant = rules.types_of_letters(number.letters)
                    what_vi = f" ({meant[0]})" if meant else ""
                    what_en = f" ({meant[0]})" if meant else ""
                    yield self.finding(
                        number.piece.span,
                        said(
                            f"Tên loại là “{form.type_name.text}” nhưng ký hiệu ghi “{number.letters}”{what_vi}; "
                            f"{form.doc_type} viết tắt là “{allowed[0]}”",
                            f"The type name is “{form.type_name.text}” but the code says “{number.letters}”{what_en}; "
                            f"the letters of a {form.doc_type} are “{allowed[0]}”",
                            source,
                        ),
                        stated=number.letters,
                        expected=allowed[0],
                        evidence=cite(source),
                        related=(form.type_name.span,),
                    )
            if not form.subject:
                yield self.finding(
                    form.type_name.span,
                    said(
                        "Thiếu trích yếu nội dung dưới tên loại văn bản",
                        "The subject line under the type name is missing",
                        source,
                    ),
                    evidence=cite(source),
                )
            return
        if form.type_name_lower is not None:
            piece = form.type_name_lower
            yield self.finding(
                piece.span,
                said(
                    "Tên loại văn bản phải viết in hoa",
                    "The type name is written in capitals",
                    source,
                ),
                stated=piece.text,
                expected=piece.text.upper(),
                evidence=cite(source),
            )
            return
        if form.doc_type is not None and rules.named(form.doc_type) and number is not None:
            yield self.finding(
                number.piece.span,
                said(
                    f"Ký hiệu cho biết đây là {form.doc_type} nhưng phần đầu không ghi tên loại “{form.doc_type.upper()}”",
                    f"The code says this is a {form.doc_type}, but the heading does not name the type “{form.doc_type.upper()}”",
                    source,
                ),
                expected=form.doc_type.upper(),
                evidence=cite(source),
            )
