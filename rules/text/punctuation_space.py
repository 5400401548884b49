"""T205: a missing space after a comma, semicolon or closing bracket, or a space before one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rules.text.common import quote, span

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity

# A letter right after , ; or after a ) ” that closes something (not a digit: "49,29" is a
# number; not a ” with a space before it, which is an opening mark typed the wrong way).
MISSING_AFTER = re.compile(r"[,;)”][^\W\d_]")
# ( “ (the rule checks for a letter right before).
OPENING = re.compile(r"[(“]")
# Spaces before , ; : ! ? or a full stop that is not part of "..." (the rule checks for a
# word before the spaces).
SPACE_BEFORE = re.compile(r"[ \u00a0]+([,;:!?]|\.(?!\.))")

NAMES = {
    ",": ("dấu phẩy", "a comma"),
    ";": ("dấu chấm phẩy", "a semicolon"),
    ":": ("dấu hai chấm", "a colon"),
    ".": ("dấu chấm", "a full stop"),
    "!": ("dấu chấm than", "an exclamation mark"),
    "?": ("dấu chấm hỏi", "a question mark"),
    ")": ("dấu đóng ngoặc", "a closing bracket"),
    "”": ("dấu đóng ngoặc kép", "a closing quotation mark"),
    "(": ("dấu mở ngoặc", "an opening bracket"),
    "“": ("dấu mở ngoặc kép", "an opening quotation mark"),
}


class PunctuationSpace(Rule):
    """A missing space after a comma or semicolon, or a space before one.

    Vietnamese follows the usual rule: no space before , ; : . ! ?, one space after , ; and
    after a closing bracket or quotation mark, one space before an opening one. A comma inside
    a number ("49,29%") is a decimal comma and is left alone. `rasoat check --fix` inserts or
    removes the space.

    Wrong: thật sự trong sạch,vững mạnh,chuyên nghiệp
    Right: thật sự trong sạch, vững mạnh, chuyên nghiệp
    """

    code = "T205"
    name = "format.punctuation-space"
    category = "format"
    severity = Severity.WARNING
    doc_vi = """Thiếu dấu cách sau dấu phẩy, chấm phẩy, đóng ngoặc, hoặc thừa dấu cách trước chúng.

    Tiếng Việt theo quy tắc chung: không có dấu cách trước , ; : . ! ?, có một dấu cách sau
    , ; và sau dấu đóng ngoặc, đóng ngoặc kép, một dấu cách trước dấu mở ngoặc. Dấu phẩy trong
    con số ("49,29%") là dấu thập phân nên không bị báo. `rasoat check --fix` thêm hoặc bỏ dấu
    cách.

    Sai: thật sự trong sạch,vững mạnh,chuyên nghiệp
    Đúng: thật sự trong sạch, vững mạnh, chuyên nghiệp
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        for m in MISSING_AFTER.finditer(text):
            mark = text[m.start()]
            if mark in ")”" and (m.start() == 0 or text[m.start() - 1].isspace()):
                continue
            vi, en = NAMES[mark]
            yield self.finding(
                span(m.start(), m.start() + 1),
                Message(vi=f"Thiếu dấu cách sau {vi}: {quote(_around(text, m.start()))}",
                        en=f"Missing space after {en}: {quote(_around(text, m.start()))}"),
                stated=mark,
                expected=mark + " ",
            )
        for m in OPENING.finditer(text):
            at = m.start()
            if at == 0 or not _is_letter(text[at - 1]):
                continue
            mark = text[at]
            vi, en = NAMES[mark]
            yield self.finding(
                span(at, at + 1),
                Message(vi=f"Thiếu dấu cách trước {vi}: {quote(_around(text, at))}",
                        en=f"Missing space before {en}: {quote(_around(text, at))}"),
                stated=mark,
                expected=" " + mark,
            )
        for m in SPACE_BEFORE.finditer(text):
            mark = m.group(1)
            if m.start() == 0 or not (text[m.start() - 1].isalnum()):
                continue
            vi, en = NAMES[mark]
            start = m.start()
            yield self.finding(
                span(start, m.end()),
                Message(vi=f"Thừa dấu cách trước {vi}: {quote(_around(text, m.end() - 1))}",
                        en=f"A space before {en}: {quote(_around(text, m.end() - 1))}"),
                stated=text[start:m.end()],
                expected=mark,
            )


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _around(text: str, at: int) -> str:
    """The words touching position ``at``: "sạch,vững"."""
    start = at
    while start > 0 and not text[start - 1].isspace() and at - start < 20:
        start -= 1
    end = at + 1
    while end < len(text) and not text[end].isspace() and end - at < 20:
        end += 1
    return text[start:end]
