"""F202: the typeface of a .docx."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import cite, measured, nfc_span, said

from checker.engine import Document, Rule
from checker.facts import Span
from checker.findings import Finding, Severity
from checker.layout import Layout

RELATED_MAX = 20


class FontFamily(Rule):
    """A .docx is set in the prescribed typeface.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4, and Hướng dẫn 36-HD/VPTW: Times
    New Roman (Unicode, TCVN 6909:2001). The typeface is the one Word draws: a run's own
    font, else its style's, the paragraph style's, the document defaults' or the theme's.
    Each other typeface is reported once, at its first use, with the other places. Only a
    .docx is measured.

    Wrong: a paragraph in Arial or in the theme's Calibri
    Right: every paragraph in Times New Roman
    """

    doc_vi = """Tệp .docx dùng đúng phông chữ quy định.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I.4, và Hướng dẫn 36-HD/VPTW: phông
    Times New Roman (Unicode, TCVN 6909:2001). Phông được xét là phông Word hiển thị: phông
    của đoạn chữ, nếu không thì của kiểu chữ, của kiểu đoạn, mặc định của văn bản hay của
    giao diện (theme). Mỗi phông khác được báo một lần ở chỗ dùng đầu tiên, kèm các chỗ
    khác. Chỉ đo với tệp .docx.

    Sai: một đoạn dùng Arial, hay Calibri của giao diện
    Đúng: mọi đoạn đều dùng Times New Roman
    """

    code = "F202"
    name = "form.font-family"
    category = "form"
    severity = Severity.WARNING
    wants = ()
    cases = "test_form.py"

    def check(self, doc: Document) -> Iterator[Finding]:
        found = measured(doc)
        if found is None:
            return
        lay = found[0]
        rules = found[2]
        allowed = {f.casefold() for f in rules.font_families}
        source = rules.font_source
        places: dict[str, list[Span]] = {}
        for paragraph in lay.paragraphs:
            index = paragraph.index
            for run in paragraph.visible_runs():
                if run.font.casefold() in allowed:
                    continue
                if not any(ch.isalnum() for ch in paragraph.text[run.start : run.end]):
                    continue  # a bullet or a rule drawn in a symbol font
                places.setdefault(run.font, []).append(nfc_span(doc, index, run.start, run.end))
        for font, spans in places.items():
            yield _finding(self, font, spans, rules.font_families[0], source, lay)


def _finding(
    rule: Rule, font: str, spans: list[Span], want: str, source: str, lay: Layout
) -> Finding:
    return rule.finding(
        spans[0],
        said(
            f"Phông chữ “{font}” ({len(spans)} chỗ); quy định dùng {want}",
            f"The typeface “{font}” ({len(spans)} places); {want} is prescribed",
            source,
        ),
        stated=font,
        expected=want,
        evidence=cite(source),
        related=tuple(spans[1 : 1 + RELATED_MAX]),
    )
