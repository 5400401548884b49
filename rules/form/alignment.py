"""F205: the alignment of the components of a .docx."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import (
    COMPONENT_NAMES,
    cite,
    measured_components,
    place,
    said,
    whole_paragraph,
)
from checker.rules.form.parse import Piece

from checker.engine import Document, Rule
from checker.findings import Finding, Severity
from checker.layout import Layout

ALIGN_VI = {"left": "căn trái", "center": "căn giữa", "right": "căn phải", "both": "căn đều hai lề"}
ALIGN_EN = {
    "left": "left-aligned",
    "center": "centred",
    "right": "right-aligned",
    "both": "justified",
}
PROSE = 200  # a body paragraph this long is prose, which is justified


class Alignment(Rule):
    """The heading's components centred, and the body justified.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1, II.4, II.5 and II.6: quốc hiệu,
    tiêu ngữ, place and date, type name and subject centred; the body justified ("căn đều
    hai lề"). Hướng dẫn 36-HD/VPTW, Phụ lục 1: the type name and subject centred. A centred
    component that is not is a warning; a body most of whose prose paragraphs are not
    justified is reported once, for information. Only a .docx is measured.

    Wrong: the type name "BÁO CÁO" left-aligned
    Right: "BÁO CÁO" centred
    """

    doc_vi = """Các thành phần ở phần đầu căn giữa, nội dung căn đều hai lề.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.1, II.4, II.5 và II.6: Quốc hiệu,
    Tiêu ngữ, địa danh ngày tháng, tên loại và trích yếu căn giữa; nội dung căn đều hai lề.
    Hướng dẫn 36-HD/VPTW, Phụ lục 1: tên loại và trích yếu căn giữa. Thành phần phải căn
    giữa mà không căn giữa là cảnh báo; nội dung mà đa số đoạn văn không căn đều hai lề được
    báo một lần ở mức thông tin. Chỉ đo với tệp .docx.

    Sai: tên loại "BÁO CÁO" căn trái
    Đúng: "BÁO CÁO" căn giữa
    """

    code = "F205"
    name = "form.alignment"
    category = "form"
    severity = Severity.WARNING
    wants = ()
    cases = "test_form.py"

    def check(self, doc: Document) -> Iterator[Finding]:
        for lay, _form, name, pieces, component in measured_components(doc):
            if component.align is None:
                continue
            want = component.align
            vi_name, en_name = COMPONENT_NAMES[name]
            if name == "body":
                prose = [p for p in pieces if len(p.text) >= PROSE]
                wrong = [p for p in prose if _alignment(doc, lay, p) != want]
                if prose and len(wrong) * 2 > len(prose):
                    yield self.finding(
                        wrong[0].span,
                        said(
                            f"{len(wrong)}/{len(prose)} đoạn nội dung không {ALIGN_VI[want]}",
                            f"{len(wrong)} of {len(prose)} body paragraphs are not {ALIGN_EN[want]}",
                            component.source,
                        ),
                        stated=ALIGN_VI[_alignment(doc, lay, wrong[0]) or "left"],
                        expected=ALIGN_VI[want],
                        evidence=cite(component.source),
                        severity=Severity.INFO,
                    )
                continue
            for piece in pieces:
                if not whole_paragraph(doc, lay, piece):
                    continue  # a column of a tabbed line: its paragraph's alignment says nothing
                got = _alignment(doc, lay, piece)
                if got is None or got == want:
                    continue
                yield self.finding(
                    piece.span,
                    said(
                        f"{vi_name} phải {ALIGN_VI[want]}, không {ALIGN_VI[got]}",
                        f"{en_name[0].upper() + en_name[1:]} is {ALIGN_EN[want]}, not {ALIGN_EN[got]}",
                        component.source,
                    ),
                    stated=ALIGN_VI[got],
                    expected=ALIGN_VI[want],
                    evidence=cite(component.source),
                )
                break


def _alignment(doc: Document, lay: Layout, piece: Piece) -> str | None:
    paragraph = lay.paragraph(place(doc, piece)[0])
    return None if paragraph is None else paragraph.alignment
