"""T203: two tone-placement styles in one document (hòa and hoà, ủy and uỷ)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, minority, quote
from checker.rules.text.style import tone_usage
from checker.rules.text.syllable import restyle

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity

STYLE_NAMES = {
    "old": ("kiểu cũ (hòa, khỏe, ủy)", "the traditional style (hòa, khỏe, ủy)"),
    "new": ("kiểu mới (hoà, khoẻ, uỷ)", "the new style (hoà, khoẻ, uỷ)"),
}


class ToneStyle(Rule):
    """The tone mark placed in two styles in one document: "hòa" here, "hoà" there.

    In open syllables with oa, oe, uy (not after qu) the mark may stand on the first vowel
    (hòa, khỏe, thủy: the traditional style) or on the second (hoà, khoẻ, thuỷ: the style of
    Quyết định 1989/QĐ-BGDĐT for textbooks). Both are accepted; one document should use one.
    The rule learns the document's majority and reports the minority once, with every place
    it occurs. `rasoat check --fix` rewrites the minority in the majority style.

    Wrong: "cụ thể hóa" in one paragraph and "cụ thể hoá" in the next
    Right: "cụ thể hóa" throughout (or "cụ thể hoá" throughout)
    """

    code = "T203"
    name = "format.tone-style"
    category = "format"
    severity = Severity.INFO
    doc_vi = """Dấu thanh được đặt theo hai kiểu trong cùng văn bản: chỗ này "hòa", chỗ kia "hoà".

    Trong các vần mở oa, oe, uy (không đứng sau qu), dấu thanh có thể đặt ở nguyên âm thứ nhất
    (hòa, khỏe, thủy: kiểu cũ) hoặc nguyên âm thứ hai (hoà, khoẻ, thuỷ: kiểu của Quyết định
    1989/QĐ-BGDĐT cho sách giáo khoa). Cả hai kiểu đều được chấp nhận; một văn bản nên dùng một
    kiểu. Quy tắc xác định kiểu chiếm đa số và báo một lần các chỗ dùng kiểu thiểu số.
    `rasoat check --fix` viết lại các chỗ thiểu số theo kiểu đa số.

    Sai: "cụ thể hóa" ở đoạn này và "cụ thể hoá" ở đoạn sau
    Đúng: "cụ thể hóa" trong toàn văn bản (hoặc "cụ thể hoá" trong toàn văn bản)
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        m = minority(doc.source.text, tone_usage(doc.source.text))
        if m is None:
            return
        spans, minor, major, listed = m.spans, m.minor, m.major, m.listed
        n_minor, n_major, first = m.n_minor, m.n_major, m.first
        yield self.finding(
            spans[0],
            Message(
                vi=f"Văn bản đặt dấu thanh theo hai kiểu: {count(n_major)} chỗ theo "
                f"{STYLE_NAMES[major][0]} và {count(n_minor)} chỗ theo {STYLE_NAMES[minor][0]}: "
                f"{listed}; nên thống nhất một kiểu",
                en=f"The document places tone marks in two styles: {count(n_major)} places in "
                f"{STYLE_NAMES[major][1]} and {count(n_minor)} in {STYLE_NAMES[minor][1]}: "
                f"{listed}; use one style",
            ),
            stated=first,
            expected=restyle(first, major),
            evidence=Message(
                vi=f"kiểu đa số: {STYLE_NAMES[major][0]}; ví dụ {quote(first)} → "
                f"{quote(restyle(first, major))}",
                en=f"majority: {STYLE_NAMES[major][1]}; e.g. {quote(first)} → "
                f"{quote(restyle(first, major))}",
            ),
            related=tuple(spans[1:]),
        )
