"""F201: page size and margins of a .docx."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import cite, measured, said, show_range

from checker.engine import Document, Rule
from checker.facts import Span
from checker.findings import Finding, Severity
from checker.layout import Layout, Page

SIZE_TOLERANCE_MM = 1.0  # Word rounds A4 to 11906 x 16838 twips; other tools differ a little
MARGIN_TOLERANCE_MM = 0.5


class PageSetup(Rule):
    """A .docx is laid out on A4 with the prescribed margins.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.1 and I.3: A4 (210 x 297 mm); the
    text 20-25 mm from the top and the bottom, 30-35 mm from the left and 15-20 mm from the
    right. A section turned to landscape for a wide table keeps A4 and is not measured for
    margins. The rule set of Party documents carries its own values. Only a .docx is
    measured; plain text has no page.

    Wrong: a page of 216 x 279 mm (Letter), or a left margin of 25 mm
    Right: A4 with margins of 20, 20, 30 and 15 mm
    """

    doc_vi = """Tệp .docx trình bày trên khổ A4 với lề đúng quy định.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.1 và I.3: khổ A4 (210 x 297 mm); cách
    mép trên và mép dưới 20-25 mm, mép trái 30-35 mm, mép phải 15-20 mm. Phần văn bản xoay
    ngang để trình bày bảng rộng vẫn phải là A4 và không đo lề. Văn bản của Đảng theo giá
    trị trong bộ luật của mình. Chỉ đo với tệp .docx; văn bản thuần không có trang.

    Sai: trang 216 x 279 mm (Letter), hoặc lề trái 25 mm
    Đúng: khổ A4, lề 20, 20, 30 và 15 mm
    """

    code = "F201"
    name = "form.page"
    category = "form"
    severity = Severity.WARNING
    wants = ()
    cases = "test_form.py"

    def check(self, doc: Document) -> Iterator[Finding]:
        found = measured(doc)
        if found is None:
            return
        lay = found[0]
        rules = found[2].page
        source = rules.source
        for page in lay.pages:
            span = _span(doc, lay, page)
            w, h = sorted((page.width_mm, page.height_mm))
            want_w, want_h = sorted((rules.width_mm, rules.height_mm))
            if abs(w - want_w) > SIZE_TOLERANCE_MM or abs(h - want_h) > SIZE_TOLERANCE_MM:
                yield self.finding(
                    span,
                    said(
                        f"Khổ giấy {_mm(page.width_mm)} x {_mm(page.height_mm)} mm, không phải A4 ({_mm(want_w)} x {_mm(want_h)} mm)",
                        f"The page is {_mm(page.width_mm)} x {_mm(page.height_mm)} mm, not A4 ({_mm(want_w)} x {_mm(want_h)} mm)",
                        source,
                    ),
                    stated=f"{_mm(page.width_mm)} x {_mm(page.height_mm)} mm",
                    expected=f"{_mm(want_w)} x {_mm(want_h)} mm",
                    evidence=cite(source),
                )
            if page.landscape:
                continue
            for vi, en, value, (low, high) in (
                ("trên", "top", page.top_mm, rules.top_mm),
                ("dưới", "bottom", page.bottom_mm, rules.bottom_mm),
                ("trái", "left", page.left_mm, rules.left_mm),
                ("phải", "right", page.right_mm, rules.right_mm),
            ):
                if low - MARGIN_TOLERANCE_MM <= value <= high + MARGIN_TOLERANCE_MM:
                    continue
                yield self.finding(
                    span,
                    said(
                        f"Lề {vi} {_mm(value)} mm, quy định {show_range(low, high)} mm",
                        f"The {en} margin is {_mm(value)} mm; {show_range(low, high)} mm is prescribed",
                        source,
                    ),
                    stated=f"{_mm(value)} mm",
                    expected=f"{show_range(low, high)} mm",
                    evidence=cite(source),
                )


def _span(doc: Document, lay: Layout, page: Page) -> Span:
    """The first line with text of the section (a page has no place in the text)."""
    lines = doc.source.text.split("\n")
    offset = 0
    for i, line in enumerate(lines):
        if i >= page.paragraph and line.strip():
            start = offset + len(line) - len(line.lstrip())
            return Span(start, offset + len(line.rstrip()))
        offset += len(line) + 1
    return Span(0, 0)


def _mm(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}".replace(".", ",")
