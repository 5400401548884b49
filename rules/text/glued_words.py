"""T206: two words written without the space between them ("1909-QĐ/TUngày", "ủykiểm")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rules.text.common import quote, span
from checker.rules.text.glue import code_split, word_split
from checker.rules.text.lexicon import lexicon, option_strings
from checker.rules.text.syllable import parse
from checker.rules.text.tokens import tokenize

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity

# A number, then a lower-case word with a Vietnamese letter: "năm 2023của".
DIGIT_WORD = re.compile(r"(?<=\d)[^\W\d_]{2,}")


def _one_word(word: str) -> bool:
    """One well-formed syllable in one case: nothing glued."""
    return parse(word).valid and (word.islower() or word[1:].islower() or word.isupper())


class GluedWords(Rule):
    """Two words written as one: a code glued to the next word, or two syllables glued.

    Editing often drops the space after a document code ("Quyết định số 1909-QĐ/TUngày
    15/3/2023"), after a number ("năm 2023của") or between two words ("Tỉnh ủykiểm tra").
    A glued pair of syllables is recognised when both halves are syllables and either each
    carries its own tone mark or the dictionary joins them with their neighbours. `rasoat
    check --fix` inserts the space; it never changes a letter or a digit.

    Wrong: Quyết định số 1909-QĐ/TUngày 15/3/2023
    Right: Quyết định số 1909-QĐ/TU ngày 15/3/2023
    """

    code = "T206"
    name = "format.glued-words"
    category = "format"
    severity = Severity.WARNING
    doc_vi = """Hai từ viết liền: ký hiệu văn bản dính vào từ sau, hoặc hai tiếng dính nhau.

    Khi sửa văn bản, dấu cách sau ký hiệu văn bản ("Quyết định số 1909-QĐ/TUngày 15/3/2023"),
    sau con số ("năm 2023của") hoặc giữa hai từ ("Tỉnh ủykiểm tra") hay bị mất. Hai tiếng dính
    nhau được nhận ra khi cả hai nửa đều là tiếng hợp lệ và mỗi nửa có dấu thanh riêng, hoặc từ
    điển nối chúng với các từ bên cạnh. `rasoat check --fix` thêm dấu cách; không bao giờ đổi chữ
    cái hay chữ số.

    Sai: Quyết định số 1909-QĐ/TUngày 15/3/2023
    Đúng: Quyết định số 1909-QĐ/TU ngày 15/3/2023
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        tokens = tokenize(text)
        words = option_strings(doc.settings.option("text.words"))
        found: list[tuple[int, int, int]] = []  # (start, end, split offset in the text)
        plain = {w for w in {t.text for t in tokens.items} if _one_word(w)}
        for i, tok in enumerate(tokens.items):
            if tok.text in plain:
                continue
            k = code_split(tokens, i) if tokens.case(i) == "mixed" else None
            if k is None:
                k = word_split(tokens, i, lexicon(words))  # loaded only when needed
            if k is not None:
                found.append((tok.start, tok.end, tok.start + k))
        for m in DIGIT_WORD.finditer(text):
            word = m.group()
            if word.isascii() or not word[1:].islower() or not parse(word).valid:
                continue
            start = m.start() - 1
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "./-,"):
                start -= 1
            found.append((start, m.end(), m.start()))
        for start, end, at in sorted(found):
            stated = text[start:end]
            expected = text[start:at] + " " + text[at:end]
            yield self.finding(
                span(start, end),
                Message(
                    vi=f"Hai từ viết liền: {quote(stated)} phải là {quote(expected)}",
                    en=f"Two words run together: {quote(stated)} should be {quote(expected)}",
                ),
                stated=stated,
                expected=expected,
            )
