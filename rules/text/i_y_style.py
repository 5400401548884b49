"""T204: i and y used both ways for the same sound (kỹ and kĩ, lý and lí) in one document."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, minority
from checker.rules.text.style import iy_usage

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity



class IYStyle(Rule):
    """Open syllables written with y in some places and with i in others: "kỹ" and "kĩ".

    After h, k, l, m, t and qu an open syllable may end in y (kỹ, lý, tỷ, quy: the usage of
    most administrative texts) or in i (kĩ, lí, tỉ, qui: the usage of school books). One
    document should keep to one. The rule learns the majority and reports the minority once,
    with every place. "sĩ" (tiến sĩ) is not counted: it keeps its i in either usage.

    Wrong: "kỹ năng" in one sentence and "kĩ năng" in another
    Right: "kỹ năng" throughout
    """

    code = "T204"
    name = "format.i-y-style"
    category = "format"
    severity = Severity.INFO
    doc_vi = """Vần mở lúc viết y, lúc viết i trong cùng văn bản: "kỹ" và "kĩ".

    Sau h, k, l, m, t và qu, vần mở có thể viết bằng y (kỹ, lý, tỷ, quy: cách viết của phần lớn
    văn bản hành chính) hoặc bằng i (kĩ, lí, tỉ, qui: cách viết của sách giáo khoa). Một văn bản
    nên dùng một cách. Quy tắc xác định cách chiếm đa số và báo một lần các chỗ dùng cách thiểu
    số. "sĩ" (tiến sĩ) không được tính vì giữ chữ i trong cả hai cách viết.

    Sai: "kỹ năng" ở câu này và "kĩ năng" ở câu khác
    Đúng: "kỹ năng" trong toàn văn bản
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        m = minority(doc.source.text, iy_usage(doc.source.text))
        if m is None:
            return
        spans, minor, major, listed, examples = m.spans, m.minor, m.major, m.listed, m.examples
        n_minor, n_major = m.n_minor, m.n_major
        yield self.finding(
            spans[0],
            Message(
                vi=f"Văn bản viết vần mở lúc bằng y, lúc bằng i: {count(n_major)} chỗ viết "
                f"{major} ({examples}) và {count(n_minor)} chỗ viết {minor}: {listed}; nên "
                f"thống nhất một cách",
                en=f"The document writes open syllables with both y and i: {count(n_major)} "
                f"places with {major} ({examples}) and {count(n_minor)} with {minor}: {listed}; "
                f"use one",
            ),
            stated=m.first,
            expected=None,
            related=tuple(spans[1:]),
        )
