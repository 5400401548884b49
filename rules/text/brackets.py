"""T208: a bracket or quotation mark without its partner in the same paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rules.text.common import quote, span
from checker.rules.text.footnotes import notes

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity

PAIRS = {")": "(", "]": "[", "”": "“"}
MARKS = re.compile(r'[()\[\]“”"]')
OPENERS = {"(": ")", "[": "]", "“": "”"}
NAMES = {
    "(": ("ngoặc đơn mở", "opening bracket"),
    ")": ("ngoặc đơn đóng", "closing bracket"),
    "[": ("ngoặc vuông mở", "opening square bracket"),
    "]": ("ngoặc vuông đóng", "closing square bracket"),
    "“": ("ngoặc kép mở", "opening quotation mark"),
    "”": ("ngoặc kép đóng", "closing quotation mark"),
    '"': ("ngoặc kép", "quotation mark"),
}
# "a)", "2)", "(3" at the start of a list item: an enumerator, not a bracket pair.
ENUMERATOR = re.compile(r"(?:^|(?<=[\s:;]))(?:[a-zđ]|\d{1,2}|[ivx]{1,4})\)", re.MULTILINE)


class UnbalancedBrackets(Rule):
    """A bracket or quotation mark whose partner is missing in the same paragraph.

    Brackets ( ), [ ] and quotation marks “ ” open and close within a paragraph; a lone one
    is usually a remnant of editing ("bao gồm 12 văn bản]"). Footnote markers and footnote
    labels of a plain-text export ("[", a line break, "]"; "[�]") are left to the footnote
    rules, and list enumerators such as "a)" or "2)" are not brackets. Straight quotation
    marks are reported when a paragraph has an odd number of them.

    Wrong: trong đó có 12 văn bản].
    Right: trong đó có 12 văn bản.
    """

    code = "T208"
    name = "format.unbalanced-brackets"
    category = "format"
    severity = Severity.WARNING
    doc_vi = """Dấu ngoặc hoặc dấu ngoặc kép không có dấu tương ứng trong cùng đoạn.

    Dấu ngoặc ( ), [ ] và ngoặc kép “ ” mở và đóng trong một đoạn; một dấu đứng lẻ thường là
    phần sót lại khi sửa văn bản ("bao gồm 12 văn bản]"). Dấu chú thích và nhãn chú thích của
    bản xuất văn bản thường ("[", xuống dòng, "]"; "[�]") do các quy tắc chú thích xử lý, và
    ký hiệu liệt kê như "a)", "2)" không phải là dấu ngoặc. Ngoặc kép thẳng bị báo khi một đoạn
    có số lẻ dấu.

    Sai: trong đó có 12 văn bản].
    Đúng: trong đó có 12 văn bản.
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        masked = _mask(text, doc)
        if not MARKS.search(masked):
            return
        for start, end in _paragraphs(masked, doc.source.kind):
            yield from self._paragraph(text, masked, start, end)

    def _paragraph(self, text: str, masked: str, start: int, end: int) -> Iterator[Finding]:
        stack: list[int] = []
        lone: list[int] = []
        straight: list[int] = []
        for m in MARKS.finditer(masked, start, end):
            i = m.start()
            ch = masked[i]
            if ch in OPENERS:
                stack.append(i)
            elif ch in PAIRS:
                if stack and masked[stack[-1]] == PAIRS[ch]:
                    stack.pop()
                elif ch == ")" and _enumerator(masked, i):
                    continue
                else:
                    lone.append(i)
            else:
                straight.append(i)
        lone.extend(stack)
        if len(straight) % 2:
            lone.append(straight[-1])
        for i in sorted(lone):
            ch = text[i]
            vi, en = NAMES[ch]
            context = text[max(start, i - 30):min(end, i + 10)].strip()
            yield self.finding(
                span(i, i + 1),
                Message(
                    vi=f"Dấu {vi} {quote(ch)} không có dấu tương ứng trong đoạn: …{context}…",
                    en=f"The {en} {quote(ch)} has no partner in its paragraph: …{context}…",
                ),
                stated=ch,
            )


def _enumerator(text: str, i: int) -> bool:
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return ENUMERATOR.match(text, j) is not None and i - j <= 4


def _mask(text: str, doc: Document) -> str:
    """The text with footnote markers and labels blanked out (same length)."""
    found = notes(doc.source)
    marks = sorted((m.start, m.end) for m in (*found.markers, *found.labels))
    if not marks:
        return text
    out: list[str] = []
    pos = 0
    for start, end in marks:
        start = max(start, pos)
        out.append(text[pos:start])
        out.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = max(pos, end)
    out.append(text[pos:])
    return "".join(out)


def _paragraphs(text: str, kind: str) -> list[tuple[int, int]]:
    """Lines, or for Markdown blocks of lines separated by a blank line."""
    pattern = r"(?:[^\n]+\n?)+" if kind == "md" else r"[^\n]+"
    return [m.span() for m in re.finditer(pattern, text)]
