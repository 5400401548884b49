"""F103: the document's own number and code ("Số: 152/BC-UBND", "Số 26-BC/TU")."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import anchor, cite, form_and_rules, said
from checker.rules.form.parse import NumberLine
from checker.rules.form.rulesets import PARTY, STATE, RuleSet

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


class NumberCode(Rule):
    """The number and code under the issuer's name, written as the document's style
    writes them.

    State documents (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3): "Số" with a
    colon, a number below 10 with a leading zero, then a slash and the type letters and
    issuer joined by hyphens: "Số: 05/BC-UBND". Party documents (Hướng dẫn 36-HD/VPTW, mục
    II.1.3): "Số" without a colon, the number, a hyphen, the type letters, a slash and the
    issuer: "Số 26-BC/TU". A code in the other style's shape, a missing code and a missing
    number are warnings; a draft ("Dự thảo") may leave the number blank, which is reported
    for information only.

    Wrong: "Số 152/BC-UBND" (no colon), "Số: 5/BC-UBND", "Số: 26-BC/TU" in a Party document
    Right: "Số: 152/BC-UBND", "Số: 05/BC-UBND", "Số 26-BC/TU"
    """

    doc_vi = """Số, ký hiệu dưới tên cơ quan ban hành viết đúng kiểu của văn bản.

    Văn bản nhà nước (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3): sau "Số" có
    dấu hai chấm, số nhỏ hơn 10 thêm số 0 phía trước, giữa số và ký hiệu có gạch chéo, giữa
    các nhóm chữ viết tắt có gạch nối: "Số: 05/BC-UBND". Văn bản của Đảng (Hướng dẫn
    36-HD/VPTW, mục II.1.3): "Số" không có dấu hai chấm, số, gạch nối, chữ viết tắt tên
    loại, gạch chéo, chữ viết tắt cơ quan ban hành: "Số 26-BC/TU". Ký hiệu viết theo kiểu
    kia, thiếu ký hiệu hay thiếu số là cảnh báo; dự thảo ("Dự thảo") được để trống số, chỉ
    báo ở mức thông tin.

    Sai: "Số 152/BC-UBND" (thiếu dấu hai chấm), "Số: 5/BC-UBND", "Số: 26-BC/TU" trong văn
    bản của Đảng
    Đúng: "Số: 152/BC-UBND", "Số: 05/BC-UBND", "Số 26-BC/TU"
    """

    code = "F103"
    name = "form.number-code"
    category = "form"
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None:
            return
        form, rules = found
        source = rules.number_source
        number = form.number
        if number is None:
            where = anchor(form)
            if form.strong and where is not None:
                yield self.finding(
                    where.span,
                    said(
                        "Thiếu số, ký hiệu văn bản",
                        "The document's number and code are missing",
                        source,
                    ),
                    evidence=cite(source),
                )
            return
        span = number.piece.span
        right = expected(number, rules)
        stated = number.piece.text
        if number.colon != rules.number_colon:
            if rules.number_colon:
                vi, en = "Sau “Số” phải có dấu hai chấm", "“Số” takes a colon after it"
            else:
                vi = "Văn bản của Đảng viết “Số” không có dấu hai chấm"
                en = "A Party document writes “Số” without a colon"
            yield self.finding(
                span, said(vi, en, source), stated=stated, expected=right, evidence=cite(source)
            )
        if number.blank:
            if form.draft is not None:
                yield self.finding(
                    span,
                    said(
                        "Dự thảo: số văn bản còn để trống",
                        "Draft: the number is left blank",
                        source,
                    ),
                    stated=stated,
                    evidence=cite(source),
                    severity=Severity.INFO,
                )
            else:
                yield self.finding(
                    span,
                    said("Số văn bản còn để trống", "The number is blank", source),
                    stated=stated,
                    evidence=cite(source),
                )
        elif rules.number_zero_below_ten and len(number.number) == 1:
            yield self.finding(
                span,
                said(
                    "Số nhỏ hơn 10 phải thêm số 0 phía trước",
                    "A number below 10 takes a leading zero",
                    source,
                ),
                stated=stated,
                expected=right,
                evidence=cite(source),
            )
        if not number.code:
            yield self.finding(
                span,
                said(
                    "Thiếu ký hiệu văn bản sau số", "The code after the number is missing", source
                ),
                stated=stated,
                evidence=cite(source),
            )
        elif number.code_style is not None and number.code_style != rules.code_style:
            shape = "152/BC-UBND" if rules.code_style == STATE else "26-BC/TU"
            yield self.finding(
                span,
                said(
                    f"Ký hiệu viết theo kiểu {'văn bản của Đảng' if number.code_style == PARTY else 'văn bản nhà nước'}; "
                    f"{rules.name} viết như “{shape}”",
                    f"The code is written in the shape of {'a Party' if number.code_style == PARTY else 'a State'} document; "
                    f"{rules.name_en} writes it as “{shape}”",
                    source,
                ),
                stated=stated,
                expected=right,
                evidence=cite(source),
            )


def expected(number: NumberLine, rules: RuleSet) -> str:
    """The number line as the style writes it, as far as its parts are known."""
    word = "Số:" if rules.number_colon else "Số"
    num = number.number if not number.blank else "..."
    if rules.number_zero_below_ten and num.isdigit() and len(num) == 1:
        num = "0" + num
    if number.letters and number.issuer and number.code_style != rules.code_style:
        year = f"{number.year}/" if number.year else ""
        code = (
            f"/{year}{number.letters}-{number.issuer}"
            if rules.code_style == STATE
            else f"-{number.letters}/{number.issuer}"
        )
    else:
        code = f"{number.sep}{number.code}" if number.code else ""
    return f"{word} {num}{code}"
