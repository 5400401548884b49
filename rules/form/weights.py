"""F204: bold and italic of each component of a .docx."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import (
    COMPONENT_NAMES,
    cite,
    look,
    measured_components,
    said,
)
from checker.rules.form.parse import Piece

from checker.engine import Document, Rule
from checker.findings import Finding, Severity

RELATED_MAX = 20


class FontStyle(Rule):
    """Each heading and closing component of a .docx in its prescribed weight and slant.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II: quốc hiệu, tiêu ngữ, issuer, type
    name, subject and the signing block upright and bold; the place and date italic; "Nơi
    nhận:" bold italic and its list upright. Hướng dẫn 36-HD/VPTW, Phụ lục 3: the title,
    issuer, type name and subject bold, the date italic. The body is not judged (its
    headings are bold by design). Only a .docx is measured.

    Wrong: the quốc hiệu not bold; the place and date upright
    Right: the quốc hiệu bold; the place and date italic
    """

    doc_vi = """Mỗi thành phần ở phần đầu và phần cuối của tệp .docx đúng kiểu chữ đậm, nghiêng.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II: Quốc hiệu, Tiêu ngữ, tên cơ quan
    ban hành, tên loại, trích yếu và phần ký chữ đứng, đậm; địa danh ngày tháng chữ nghiêng;
    "Nơi nhận:" đậm nghiêng, danh sách chữ đứng. Hướng dẫn 36-HD/VPTW, Phụ lục 3: tiêu đề,
    tên cơ quan, tên loại, trích yếu in đậm, ngày tháng in nghiêng. Nội dung không xét (đề
    mục in đậm là bình thường). Chỉ đo với tệp .docx.

    Sai: Quốc hiệu không in đậm; dòng ngày tháng chữ đứng
    Đúng: Quốc hiệu in đậm; dòng ngày tháng in nghiêng
    """

    code = "F204"
    name = "form.font-style"
    category = "form"
    severity = Severity.WARNING
    wants = ()
    cases = "test_form.py"

    def check(self, doc: Document) -> Iterator[Finding]:
        for lay, _form, name, pieces, component in measured_components(doc):
            if name == "body":
                continue
            vi_name, en_name = COMPONENT_NAMES[name]
            for prop, want, vi_yes, vi_no, en_yes, en_no in (
                ("bold", component.bold, "in đậm", "không in đậm", "bold", "not bold"),
                ("italic", component.italic, "in nghiêng", "chữ đứng", "italic", "upright"),
            ):
                if want is None:
                    continue
                wrong: list[Piece] = []
                for piece in pieces:
                    seen = look(doc, lay, piece)
                    if seen is not None and getattr(seen, prop) != want:
                        wrong.append(piece)
                if not wrong:
                    continue
                yield self.finding(
                    wrong[0].span,
                    said(
                        f"{vi_name} phải {vi_yes if want else vi_no}",
                        f"{en_name[0].upper() + en_name[1:]} is {en_yes if want else en_no}",
                        component.source,
                    ),
                    stated=vi_no if want else vi_yes,
                    expected=vi_yes if want else vi_no,
                    evidence=cite(component.source),
                    related=tuple(p.span for p in wrong[1 : 1 + RELATED_MAX]),
                )
