"""F101: a State document's quốc hiệu and tiêu ngữ."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import anchor, cite, drawn_in_capitals, form_and_rules, said
from checker.rules.form.parse import is_upper
from checker.rules.form.rulesets import STATE

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


class NationalHeading(Rule):
    """A State document opens with the quốc hiệu and, under it, the tiêu ngữ.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
    NAM" in capitals, and under it "Độc lập - Tự do - Hạnh phúc": the first letter of each
    phrase a capital, the phrases joined by a hyphen with a space on each side. A State
    document (one with a quốc hiệu, or with a State number and code) that lacks either is
    an error; one written otherwise is a warning.

    Wrong: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" with no tiêu ngữ under it;
    "Độc lập – Tự do – Hạnh phúc" (dashes)
    Right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" then "Độc lập - Tự do - Hạnh phúc"
    """

    doc_vi = """Văn bản hành chính nhà nước mở đầu bằng Quốc hiệu và Tiêu ngữ dưới Quốc hiệu.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
    NAM" viết in hoa, dưới là "Độc lập - Tự do - Hạnh phúc": chữ cái đầu của các cụm từ viết
    hoa, giữa các cụm từ có gạch nối (-) và cách chữ. Văn bản nhà nước (có Quốc hiệu, hoặc
    có số, ký hiệu kiểu nhà nước) thiếu một trong hai là lỗi; viết sai là cảnh báo.

    Sai: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" mà không có Tiêu ngữ bên dưới;
    "Độc lập – Tự do – Hạnh phúc" (gạch dài)
    Đúng: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" rồi "Độc lập - Tự do - Hạnh phúc"
    """

    code = "F101"
    name = "form.national-motto"
    category = "form"
    severity = Severity.ERROR
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None or found[0].style != STATE:
            return
        form, rules = found
        source = rules.heading_source
        where = anchor(form)
        if form.national is None and form.motto is None:
            if where is not None:
                yield self.finding(
                    where.span,
                    said(
                        f"Văn bản nhà nước thiếu Quốc hiệu “{rules.national}” và Tiêu ngữ “{rules.motto}”",
                        f"A State document without its national title “{rules.national}” and motto “{rules.motto}”",
                        source,
                    ),
                    expected=f"{rules.national} / {rules.motto}",
                    evidence=cite(source),
                )
            return
        if form.national is None:
            assert form.motto is not None
            yield self.finding(
                form.motto.span,
                said(
                    f"Thiếu Quốc hiệu “{rules.national}” phía trên Tiêu ngữ",
                    f"The national title “{rules.national}” is missing above the motto",
                    source,
                ),
                expected=rules.national,
                evidence=cite(source),
            )
        elif not is_upper(form.national.text) and not drawn_in_capitals(doc, form.national):
            yield self.finding(
                form.national.span,
                said(
                    "Quốc hiệu phải viết in hoa",
                    "The national title is written in capitals",
                    source,
                ),
                stated=form.national.text,
                expected=rules.national,
                evidence=cite(source),
                severity=Severity.WARNING,
            )
        if form.motto is None:
            assert form.national is not None
            yield self.finding(
                form.national.span,
                said(
                    f"Thiếu Tiêu ngữ “{rules.motto}” dưới Quốc hiệu",
                    f"The motto “{rules.motto}” is missing under the national title",
                    source,
                ),
                expected=rules.motto,
                evidence=cite(source),
            )
        elif " ".join(form.motto.text.split()) != rules.motto:
            yield self.finding(
                form.motto.span,
                said(
                    "Tiêu ngữ viết chưa đúng: chữ cái đầu mỗi cụm từ viết hoa, giữa các cụm từ có gạch nối (-) và cách chữ",
                    "The motto is not written as prescribed: each phrase capitalised, the phrases joined by a spaced hyphen (-)",
                    source,
                ),
                stated=form.motto.text,
                expected=rules.motto,
                evidence=cite(source),
                severity=Severity.WARNING,
            )
