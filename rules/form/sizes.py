"""F203: the font size of each component of a .docx."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import (
    COMPONENT_NAMES,
    cite,
    look,
    measured_components,
    said,
    show_range,
)
from checker.rules.form.parse import Piece

from checker.engine import Document, Rule
from checker.facts import Span
from checker.findings import Finding, Severity
from checker.layout import Look

RELATED_MAX = 20
EPSILON = 0.01


def _size(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")


class FontSize(Rule):
    """Each component of a .docx in its prescribed size.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II (each component's item): quốc hiệu
    12-13, tiêu ngữ 13-14, issuer 12-13, number 13, place and date 13-14, type name and
    subject 13-14, body 13-14, "Nơi nhận:" 12 and its list 11, the signing block 13-14.
    Hướng dẫn 36-HD/VPTW, Phụ lục 3: title 15, issuer 14, number 14, date 14, type name
    15-16, subject 14-15, body 14-15. The values live in the rule sets (rules/form/). The
    size is the one most of a component's characters are drawn in; the body's paragraphs
    are grouped by size, one finding for each size outside the range. Only a .docx is
    measured.

    Wrong: the body in 12 pt in a State report; the quốc hiệu in 14 pt
    Right: the body in 14 pt; the quốc hiệu in 13 pt
    """

    doc_vi = """Mỗi thành phần của tệp .docx đúng cỡ chữ quy định.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II (mục của từng thành phần): Quốc hiệu
    12-13, Tiêu ngữ 13-14, tên cơ quan 12-13, số ký hiệu 13, địa danh ngày tháng 13-14, tên
    loại và trích yếu 13-14, nội dung 13-14, "Nơi nhận:" 12 và danh sách 11, phần ký 13-14.
    Hướng dẫn 36-HD/VPTW, Phụ lục 3: tiêu đề 15, tên cơ quan 14, số ký hiệu 14, ngày tháng
    14, tên loại 15-16, trích yếu 14-15, nội dung 14-15. Các giá trị ở trong bộ luật
    (rules/form/). Cỡ chữ là cỡ của đa số ký tự của thành phần; các đoạn nội dung được gộp
    theo cỡ chữ, mỗi cỡ ngoài khoảng quy định một phát hiện. Chỉ đo với tệp .docx.

    Sai: nội dung báo cáo nhà nước cỡ 12; Quốc hiệu cỡ 14
    Đúng: nội dung cỡ 14; Quốc hiệu cỡ 13
    """

    code = "F203"
    name = "form.font-size"
    category = "form"
    severity = Severity.WARNING
    wants = ()
    cases = "test_form.py"

    def check(self, doc: Document) -> Iterator[Finding]:
        for lay, _form, name, pieces, component in measured_components(doc):
            if component.size is None:
                continue
            low, high = component.size
            wrong: dict[float, list[Piece]] = {}
            for piece in pieces:
                seen: Look | None = look(doc, lay, piece)
                if seen is None or low - EPSILON <= seen.size <= high + EPSILON:
                    continue
                wrong.setdefault(seen.size, []).append(piece)
            if not wrong:
                continue
            vi_name, en_name = COMPONENT_NAMES[name]
            groups = sorted(wrong.items(), key=lambda kv: kv[1][0].start)
            if name != "body":  # one finding for the component, at its first wrong piece
                groups = [(groups[0][0], [p for _, ps in groups for p in ps])]
            for size, places in groups:
                count_vi = f" ({len(places)} đoạn)" if name == "body" else ""
                count_en = f" ({len(places)} paragraphs)" if name == "body" else ""
                yield self.finding(
                    places[0].span,
                    said(
                        f"{vi_name} cỡ chữ {_size(size)}{count_vi}; quy định cỡ {show_range(low, high)}",
                        f"{en_name[0].upper() + en_name[1:]} in {_size(size)} pt{count_en}; {show_range(low, high)} pt is prescribed",
                        component.source,
                    ),
                    stated=_size(size),
                    expected=show_range(low, high),
                    evidence=cite(component.source),
                    related=tuple(Span(p.start, p.end) for p in places[1 : 1 + RELATED_MAX]),
                )
