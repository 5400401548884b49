"""T106: a compound cut short before punctuation, where the document writes it whole."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, lines, quote, span, suspects

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class TruncatedCompound(Rule):
    """A compound that lost its last syllable: "bảo vệ chính trị nội;" for "chính trị nội bộ".

    When the document writes the same words followed by the same syllable at least three
    times ("chính trị nội bộ", "chính trị - xã hội"), and once stops before it at a comma,
    a semicolon or the end of a sentence, the syllable was probably lost while editing. The
    rule only fires when the last two syllables as written form no dictionary word and the
    complete ending does.

    Wrong: Tăng cường công tác bảo vệ chính trị nội; nắm chắc tình hình.
    Right: Tăng cường công tác bảo vệ chính trị nội bộ; nắm chắc tình hình.
    """

    code = "T106"
    name = "typo.truncated-compound"
    category = "typo"
    severity = Severity.WARNING
    doc_vi = """Từ ghép mất tiếng cuối trước dấu câu: "chính trị nội;" thay cho "chính trị nội bộ".

    Khi văn bản viết cùng một cụm từ kèm cùng một tiếng theo sau ít nhất ba lần ("chính trị nội
    bộ", "chính trị - xã hội") và có một lần dừng trước tiếng đó ở dấu phẩy, chấm phẩy hoặc cuối
    câu, tiếng đó nhiều khả năng đã bị mất khi sửa văn bản. Quy tắc chỉ báo khi hai tiếng cuối
    như đang viết không tạo thành từ trong từ điển còn phần kết đầy đủ thì có.

    Sai: Tăng cường công tác bảo vệ chính trị nội; nắm chắc tình hình.
    Đúng: Tăng cường công tác bảo vệ chính trị nội bộ; nắm chắc tình hình.
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        for s in suspects(doc):
            if s.kind != "truncated" or s.suggestion is None:
                continue
            n, where = count(len(s.elsewhere)), lines(doc, s.elsewhere)
            yield self.finding(
                span(s.start, s.end),
                Message(
                    vi=f"{quote(s.stated)} có vẻ bị thiếu tiếng cuối; có phải "
                    f"{quote(s.suggestion)}?",
                    en=f"{quote(s.stated)} seems to have lost its last syllable; did you mean "
                    f"{quote(s.suggestion)}?",
                ),
                stated=s.stated,
                expected=s.suggestion,
                evidence=Message(
                    vi=f"văn bản này viết {quote(s.suggestion)} {n} lần ở chỗ khác (dòng {where})",
                    en=f"this document writes {quote(s.suggestion)} {n} times elsewhere "
                    f"(lines {where})",
                ),
            )
