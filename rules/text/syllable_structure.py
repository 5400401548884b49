"""T101: a syllable that cannot be Vietnamese (onset, rhyme, or tone against its final)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, lines, quote, span, suspects

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class SyllableStructure(Rule):
    """A word that is not a well-formed Vietnamese syllable.

    Every Vietnamese syllable is an onset, a rhyme and a tone that can go together: a syllable
    ending in p, t, c or ch takes only the sắc or nặng tone, "ngh", "gh" and "k" come only
    before e, ê, i, y, one syllable carries one tone mark. A word that breaks these rules is a
    typo; when a neighbouring word makes a dictionary word with a close spelling, that
    spelling is suggested. Capitalised abbreviations (HĐND, QPAN) and words without any
    Vietnamese letter are left alone; foreign names are listed in rules/text/allow.txt.

    Wrong: quản lý tôt chức bộ máy
    Right: quản lý tổ chức bộ máy
    """

    code = "T101"
    name = "typo.syllable"
    category = "typo"
    severity = Severity.WARNING
    doc_vi = """Một từ không phải là âm tiết tiếng Việt viết đúng cấu trúc.

    Mỗi tiếng gồm phụ âm đầu, vần và thanh điệu kết hợp được với nhau: tiếng tận cùng bằng p,
    t, c, ch chỉ mang thanh sắc hoặc nặng; "ngh", "gh", "k" chỉ đứng trước e, ê, i, y; mỗi
    tiếng chỉ có một dấu thanh. Từ vi phạm các quy tắc này là lỗi gõ; khi một từ bên cạnh cùng
    một cách viết gần giống tạo thành từ có trong từ điển, cách viết đó được gợi ý. Chữ viết tắt
    in hoa (HĐND, QPAN) và từ không có chữ cái tiếng Việt được bỏ qua; tên nước ngoài được liệt
    kê trong rules/text/allow.txt.

    Sai: quản lý tôt chức bộ máy
    Đúng: quản lý tổ chức bộ máy
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        for s in suspects(doc):
            if s.kind != "invalid":
                continue
            vi = f"{quote(s.stated)} không phải là một tiếng viết đúng: {s.problem_vi}"
            en = f"{quote(s.stated)} is not a well-formed syllable: {s.problem}"
            evidence = None
            if s.suggestion:
                vi += f"; có phải {quote(s.suggestion)}?"
                en += f"; did you mean {quote(s.suggestion)}?"
            if s.word and s.elsewhere:
                n, where = count(len(s.elsewhere)), lines(doc, s.elsewhere)
                evidence = Message(
                    vi=f"{quote(s.word)}: từ có trong từ điển; văn bản này viết như vậy {n} lần "
                    f"(dòng {where})",
                    en=f"{quote(s.word)}: a dictionary word; written so {n} times in this "
                    f"document (lines {where})",
                )
            elif s.word:
                evidence = Message(
                    vi=f"{quote(s.word)}: từ có trong từ điển",
                    en=f"{quote(s.word)}: a dictionary word",
                )
            yield self.finding(
                span(s.start, s.end),
                Message(vi=vi, en=en),
                stated=s.stated,
                expected=s.suggestion,
                evidence=evidence,
            )
