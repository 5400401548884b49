"""F102: a Party document's title "ĐẢNG CỘNG SẢN VIỆT NAM" and the "*" under its issuer."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import anchor, cite, drawn_in_capitals, form_and_rules, said
from checker.rules.form.parse import is_upper
from checker.rules.form.rulesets import PARTY

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


class PartyHeading(Rule):
    """A Party document carries the title "ĐẢNG CỘNG SẢN VIỆT NAM" and a "*" under the
    name of the committee that issues it.

    Hướng dẫn 36-HD/VPTW, mục II.1.1 and II.1.2: the title, in capitals, stands at the top
    right of the first page; the issuing committee's name stands at the top left with a
    "*" below it. A Party document (one with the title, or with a Party number and code)
    without the title is an error; a title not in capitals, or a missing "*", a warning.

    Wrong: "TỈNH ỦY HÒA THUẬN" then "Số 286-BC/TU", with no "ĐẢNG CỘNG SẢN VIỆT NAM"
    Right: "TỈNH ỦY HÒA THUẬN", "*", "Số 286-BC/TU" and "ĐẢNG CỘNG SẢN VIỆT NAM"
    """

    doc_vi = """Văn bản của Đảng có tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM" và dấu "*" dưới tên cơ quan
    ban hành.

    Hướng dẫn 36-HD/VPTW, mục II.1.1 và II.1.2: tiêu đề viết in hoa ở góc phải trang đầu;
    tên cơ quan ban hành ở góc trái, dưới có dấu "*". Văn bản của Đảng (có tiêu đề, hoặc có
    số, ký hiệu kiểu văn bản Đảng) thiếu tiêu đề là lỗi; tiêu đề không in hoa, hoặc thiếu
    dấu "*", là cảnh báo.

    Sai: "TỈNH ỦY HÒA THUẬN" rồi "Số 286-BC/TU", không có "ĐẢNG CỘNG SẢN VIỆT NAM"
    Đúng: "TỈNH ỦY HÒA THUẬN", "*", "Số 286-BC/TU" và "ĐẢNG CỘNG SẢN VIỆT NAM"
    """

    code = "F102"
    name = "form.party-heading"
    category = "form"
    severity = Severity.ERROR
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None or found[0].style != PARTY:
            return
        form, rules = found
        source = rules.heading_source
        title = form.party_title
        if title is None:
            where = anchor(form)
            if where is not None:
                yield self.finding(
                    where.span,
                    said(
                        f"Văn bản của Đảng thiếu tiêu đề “{rules.party_title}”",
                        f"A Party document without its title “{rules.party_title}”",
                        source,
                    ),
                    expected=rules.party_title,
                    evidence=cite(source),
                )
        elif not is_upper(title.text) and not drawn_in_capitals(doc, title):
            yield self.finding(
                title.span,
                said("Tiêu đề phải viết in hoa", "The title is written in capitals", source),
                stated=title.text,
                expected=rules.party_title,
                evidence=cite(source),
                severity=Severity.WARNING,
            )
        if rules.star and form.star is None and form.issuer:
            article = rules.issuer_source
            yield self.finding(
                form.issuer[-1].span,
                said(
                    "Thiếu dấu “*” dưới tên cơ quan ban hành",
                    "The “*” under the issuing committee's name is missing",
                    article,
                ),
                expected="*",
                evidence=cite(article),
                severity=Severity.WARNING,
            )
