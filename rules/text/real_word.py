"""T102: two real syllables that make no word, where a one-slip change makes a common one."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import change, count, lines, quote, span, suspects

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class RealWordError(Rule):
    """A real syllable in the wrong word: "đề bạc" for "đề bạt", "thực tiển" for "thực tiễn".

    Most misspellings in drafts are valid syllables (a wrong tone, s for x, c for t, n for ng),
    so a syllable check misses them. This rule looks at two neighbouring syllables that form
    no dictionary word and reports them when changing one syllable by a tone or a letter gives
    a dictionary word, and the document itself supports the change: the corrected word is
    written elsewhere in it, or the syllable as written occurs in no dictionary word at all.
    Grammatical words (của, và, được) and capitalised names are never changed, and a pair
    whose syllables each belong to a word with their other neighbour is left alone. The
    dictionary is derived from the Viet74K list (see rules/text/NOTICE.txt); words can
    be added in the configuration (text.words).

    Wrong: công tác đào tạo, đề bạc, bổ nhiệm cán bộ
    Right: công tác đào tạo, đề bạt, bổ nhiệm cán bộ
    """

    code = "T102"
    name = "typo.real-word"
    category = "typo"
    severity = Severity.WARNING
    doc_vi = """Tiếng có thật nhưng sai từ: "đề bạc" thay cho "đề bạt", "thực tiển" cho "thực tiễn".

    Phần lớn lỗi chính tả trong dự thảo là những tiếng có thật (sai dấu thanh, nhầm s/x, c/t,
    n/ng) nên kiểm tra từng tiếng không phát hiện được. Quy tắc này xét hai tiếng liền nhau
    không tạo thành từ trong từ điển, và báo khi sửa một tiếng (một dấu thanh hoặc một chữ cái)
    thì được một từ có trong từ điển, với bằng chứng từ chính văn bản: từ đã sửa được viết ở
    chỗ khác trong văn bản, hoặc tiếng như đang viết không có trong từ nào của từ điển. Hư từ
    (của, và, được) và tên riêng viết hoa không bao giờ bị sửa. Từ điển được lấy từ danh sách
    Viet74K (xem rules/text/NOTICE.txt); có thể bổ sung từ trong cấu hình (text.words).

    Sai: công tác đào tạo, đề bạc, bổ nhiệm cán bộ
    Đúng: công tác đào tạo, đề bạt, bổ nhiệm cán bộ
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        for s in suspects(doc):
            if s.kind != "real-word" or s.suggestion is None:
                continue
            diff_vi, diff_en = change(s.stated, s.suggestion)
            if s.elsewhere:
                n, where = count(len(s.elsewhere)), lines(doc, s.elsewhere)
                ev_vi = (f"{quote(s.suggestion)}: từ có trong từ điển; văn bản này viết như vậy "
                         f"{n} lần ở chỗ khác (dòng {where})")
                ev_en = (f"{quote(s.suggestion)}: a dictionary word; written so {n} times "
                         f"elsewhere in this document (lines {where})")
            else:
                odd = next(
                    (a for a, b in zip(s.stated.split(), s.suggestion.split()) if a != b),
                    s.stated,
                )
                ev_vi = (f"{quote(s.suggestion)}: từ có trong từ điển; tiếng {quote(odd)} "
                         f"không có trong từ nào của từ điển")
                ev_en = (f"{quote(s.suggestion)}: a dictionary word; {quote(odd)} is part of "
                         f"no dictionary word")
            yield self.finding(
                span(s.start, s.end),
                Message(
                    vi=f"{quote(s.stated)} không phải là từ trong từ điển; có phải "
                    f"{quote(s.suggestion)} ({diff_vi})?",
                    en=f"{quote(s.stated)} is not a dictionary word; did you mean "
                    f"{quote(s.suggestion)} ({diff_en})?",
                ),
                stated=s.stated,
                expected=s.suggestion,
                evidence=Message(vi=ev_vi, en=ev_en),
                related=tuple(span(o, o + len(s.suggestion)) for o in s.elsewhere[:20]),
            )
