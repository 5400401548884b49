"""T302: a footnote text whose label is malformed ("[�" without its "]")."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import quote, span
from checker.rules.text.footnotes import notes

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class FootnoteLabel(Rule):
    """A footnote text that opens with a broken label: "[�" without "]", or "�]".

    Each footnote text of a plain-text export opens with its label, "[�]" (Word's footnote
    number, lost in the export) or "[12]". A label missing a bracket shows that the footnote
    was edited by hand; the loader may fail to link it to its marker, and the footnotes after
    it may shift.

    Wrong: [� Quy chế số 11-QC/TU ngày 24/9/2021 ...
    Right: [�] Quy chế số 11-QC/TU ngày 24/9/2021 ...
    """

    code = "T302"
    name = "footnote.label"
    category = "footnote"
    severity = Severity.WARNING
    doc_vi = """Chú thích mở đầu bằng nhãn viết sai: "[�" thiếu "]", hoặc "�]".

    Mỗi chú thích trong bản xuất văn bản thường mở đầu bằng nhãn "[�]" (số chú thích của Word
    bị mất khi xuất) hoặc "[12]". Nhãn thiếu dấu ngoặc cho thấy chú thích đã bị sửa tay; chương
    trình đọc có thể không nối được chú thích với dấu tham chiếu của nó, và các chú thích sau đó
    có thể bị lệch.

    Sai: [� Quy chế số 11-QC/TU ngày 24/9/2021 ...
    Đúng: [�] Quy chế số 11-QC/TU ngày 24/9/2021 ...
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        for label in notes(doc.source).labels:
            if label.ok:
                continue
            stated = text[label.start:label.end]
            expected = ("[" + stated) if stated.endswith("]") else (stated + "]")
            yield self.finding(
                span(label.start, label.end),
                Message(
                    vi=f"Nhãn chú thích {quote(stated)} thiếu dấu ngoặc vuông; phải là "
                    f"{quote(expected)}",
                    en=f"The footnote label {quote(stated)} lacks a square bracket; it should be "
                    f"{quote(expected)}",
                ),
                stated=stated,
                expected=expected,
            )
