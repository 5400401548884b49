"""F112: an abbreviation used before the place where it is spelt out."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rules.form.common import cite, said
from checker.rules.form.parse import fold_same, read_form
from checker.rules.form.rulesets import abbreviation_source

from checker.engine import Document, Rule
from checker.facts import Span
from checker.findings import Finding, Severity

_ABBR = r"[A-ZĐ][A-ZĐ0-9&]{1,9}"
_DEFINED = re.compile(rf"\((?:(?:sau đây )?(?:gọi|viết) tắt là )?(?P<abbr>{_ABBR})\)")
_WORD = re.compile(r"\S+")


def initials_match(words: list[str], abbr: str) -> bool:
    """Whether the abbreviation is drawn from the initials of the words ending just before
    it (small words such as "và" may be skipped): "Ban Thường vụ" (BTV), "Bộ Giáo dục và
    Đào tạo" (BGDĐT)."""
    want = fold_same(abbr)
    initials = [fold_same(w[0]) for w in words if w[:1].isalpha()]
    for n in range(len(want), min(len(want) + 3, len(initials)) + 1):
        tail = initials[-n:]
        if tail[0] != want[0]:
            continue
        it = iter(tail)
        if all(ch in it for ch in want):
            return True
    return False


class AbbreviationBeforeDefinition(Rule):
    """An abbreviation is spelt out the first time it is used, not later.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6: an abbreviation that is not in
    common use is written out in full, with the abbreviation in brackets, the first time
    it appears. An abbreviation used earlier than the place where the document spells it
    out ("... Ban Thường vụ (BTV) ...") is reported for information; abbreviations the
    document never spells out are not judged.

    Wrong: "BTV chỉ đạo ..." and later "Ban Thường vụ (BTV) đã ..."
    Right: "Ban Thường vụ (BTV) chỉ đạo ..." and later "BTV đã ..."
    """

    doc_vi = """Chữ viết tắt được viết đầy đủ ở lần dùng đầu tiên, không phải ở một lần sau.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.6: từ, cụm từ viết tắt không thông
    dụng phải viết đầy đủ, kèm chữ viết tắt trong ngoặc đơn, ở lần xuất hiện đầu tiên. Chữ
    viết tắt được dùng trước chỗ văn bản viết đầy đủ nó ("... Ban Thường vụ (BTV) ...") được
    báo ở mức thông tin; chữ viết tắt văn bản không hề viết đầy đủ thì không xét.

    Sai: "BTV chỉ đạo ..." rồi sau đó "Ban Thường vụ (BTV) đã ..."
    Đúng: "Ban Thường vụ (BTV) chỉ đạo ..." rồi sau đó "BTV đã ..."
    """

    code = "F112"
    name = "form.abbreviation-first-use"
    category = "form"
    severity = Severity.INFO
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        source = abbreviation_source()
        form = read_form(doc.source)
        start = form.heading_end if form.found else 0
        end = form.closing_start if form.found else len(text)
        seen: set[str] = set()
        for m in _DEFINED.finditer(text, start, end):
            abbr = m.group("abbr")
            if abbr in seen:
                continue
            seen.add(abbr)
            before = text[max(start, m.start() - 200) : m.start()]
            words = _WORD.findall(before)[-12:]
            if not words or not initials_match(words, abbr):
                continue
            use = re.compile(rf"(?<![\w/\-]){re.escape(abbr)}(?![\w/\-])")
            first = use.search(text, start, m.start())
            if first is None:
                continue
            yield self.finding(
                Span(first.start(), first.end()),
                said(
                    f"“{abbr}” được dùng trước khi viết đầy đủ (ở dòng {doc.source.position(m.start()).line})",
                    f"“{abbr}” is used before it is spelt out (on line {doc.source.position(m.start()).line})",
                    source,
                ),
                stated=abbr,
                evidence=cite(source),
                related=(Span(m.start(), m.end()),),
            )
