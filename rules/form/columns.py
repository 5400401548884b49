"""F206: the two-column heading of a .docx."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import cite, measured, place, said

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


class HeadingColumns(Rule):
    """The issuer's name and the national (or Party) title stand side by side.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục IV (the layout of the components) and
    Hướng dẫn 36-HD/VPTW, Phụ lục 1: the issuer at the top left, the quốc hiệu (or "ĐẢNG
    CỘNG SẢN VIỆT NAM") at the top right of the first page, usually the two cells of a
    borderless table. A heading whose two sides are paragraphs one under the other, or in
    the same cell, is a warning. Only a .docx is measured.

    Wrong: "ỦY BAN NHÂN DÂN TỈNH HÒA THUẬN" as a paragraph, then "CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM" as the next paragraph
    Right: the two in the left and right cells of a table (or one line split by a tab)
    """

    doc_vi = """Tên cơ quan ban hành và Quốc hiệu (hay tiêu đề của Đảng) đứng ngang hàng hai bên.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục IV (vị trí các thành phần) và Hướng dẫn
    36-HD/VPTW, Phụ lục 1: tên cơ quan ban hành ở góc trái, Quốc hiệu (hay "ĐẢNG CỘNG SẢN
    VIỆT NAM") ở góc phải trang đầu, thường là hai ô của một bảng không viền. Phần đầu mà
    hai bên là hai đoạn nối tiếp nhau từ trên xuống, hoặc cùng một ô, là cảnh báo. Chỉ đo
    với tệp .docx.

    Sai: "ỦY BAN NHÂN DÂN TỈNH HÒA THUẬN" là một đoạn, rồi "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
    NAM" là đoạn kế tiếp
    Đúng: hai bên ở hai ô trái, phải của một bảng (hoặc một dòng tách bằng phím Tab)
    """

    code = "F206"
    name = "form.heading-columns"
    category = "form"
    severity = Severity.WARNING
    wants = ()
    cases = "test_form.py"

    def check(self, doc: Document) -> Iterator[Finding]:
        found = measured(doc)
        if found is None:
            return
        lay = found[0]
        _lay, form, rules = found
        title = form.national or form.party_title
        if title is None or not form.issuer:
            return
        issuer = form.issuer[0]
        left = lay.paragraph(place(doc, issuer)[0])
        right = lay.paragraph(place(doc, title)[0])
        if left is None or right is None or left.index == right.index:
            return  # one line split by a tab: side by side
        if (
            left.cell is not None
            and right.cell is not None
            and left.cell[0] == right.cell[0]
            and left.cell[2] != right.cell[2]
        ):
            return  # two cells of one table
        source = rules.columns_source
        yield self.finding(
            title.span,
            said(
                f"“{title.text}” phải đứng ngang hàng với tên cơ quan ban hành “{issuer.text}” (hai cột)",
                f"“{title.text}” stands beside the issuer's name “{issuer.text}” (two columns)",
                source,
            ),
            evidence=cite(source),
            related=(issuer.span,),
        )
