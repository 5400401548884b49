"""T103: a known misspelling of the genre (confusions.toml, text.confusions in the config)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, lines, quote, span, suspects

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class KnownConfusion(Rule):
    """A misspelling from the list of known ones: "sô" before a number, "bổ xung", "sử lý".

    Some misspellings are so common in administrative drafts that they are listed with their
    correction in rules/text/confusions.toml, and reported wherever they stand, whatever
    the rest of the document says. "sô" is reported only before a number ("Kế hoạch sô 142"),
    where it can only be "số". Users add their own pairs under text.confusions in the
    configuration.

    Wrong: ban hành Kế hoạch sô 142-KH/TU
    Right: ban hành Kế hoạch số 142-KH/TU
    """

    code = "T103"
    name = "typo.known-confusion"
    category = "typo"
    severity = Severity.WARNING
    doc_vi = """Lỗi chính tả có trong danh sách lỗi thường gặp: "sô" trước số, "bổ xung", "sử lý".

    Một số lỗi chính tả gặp nhiều trong văn bản hành chính được liệt kê kèm cách viết đúng
    trong rules/text/confusions.toml và được báo ở mọi chỗ, bất kể phần còn lại của văn
    bản. "sô" chỉ bị báo khi đứng trước con số ("Kế hoạch sô 142"), vì ở đó chỉ có thể là "số".
    Người dùng bổ sung các cặp của mình trong mục text.confusions của tệp cấu hình.

    Sai: ban hành Kế hoạch sô 142-KH/TU
    Đúng: ban hành Kế hoạch số 142-KH/TU
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        for s in suspects(doc):
            if s.kind != "confusion" or s.suggestion is None:
                continue
            vi = f"{quote(s.stated)} là lỗi chính tả thường gặp; viết đúng là {quote(s.suggestion)}"
            en = f"{quote(s.stated)} is a common misspelling of {quote(s.suggestion)}"
            if s.why:
                vi += f" ({s.why})"
                en += f" ({s.why})"
            evidence = None
            if s.elsewhere:
                n, where = count(len(s.elsewhere)), lines(doc, s.elsewhere)
                evidence = Message(
                    vi=f"văn bản này viết {quote(s.suggestion)} {n} lần ở chỗ khác (dòng {where})",
                    en=f"this document writes {quote(s.suggestion)} {n} times elsewhere "
                    f"(lines {where})",
                )
            yield self.finding(
                span(s.start, s.end),
                Message(vi=vi, en=en),
                stated=s.stated,
                expected=s.suggestion,
                evidence=evidence,
            )
