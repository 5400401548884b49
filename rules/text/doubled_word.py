"""T105: the same word twice in a row ("các các"), unless the language wants it."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import quote, span
from checker.rules.text.lexicon import Lexicon, doubled_ok, lexicon, option_strings
from checker.rules.text.tokens import Tokens, tokenize

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class DoubledWord(Rule):
    """A word written twice in a row by mistake: "của của", "các các".

    Vietnamese doubles words on purpose (luôn luôn, ngày ngày) and two words can meet at a
    boundary ("sơ kết kết quả": sơ kết + kết quả). The rule is silent when the doubled word is
    itself a dictionary word or listed in rules/text/doubled_ok.txt, and when the first
    copy ends a word with the word before it while the second starts a word with the word
    after it.

    A two-syllable word written twice ("chủ động chủ động") is reported too.

    Wrong: triển khai thực hiện các các nhiệm vụ
    Right: triển khai thực hiện các nhiệm vụ
    """

    code = "T105"
    name = "typo.doubled-word"
    category = "typo"
    severity = Severity.WARNING
    doc_vi = """Một từ bị viết lặp hai lần liền nhau do sơ suất: "của của", "các các".

    Tiếng Việt có lặp từ có chủ ý (luôn luôn, ngày ngày), và hai từ có thể gặp nhau ở ranh giới
    ("sơ kết kết quả": sơ kết + kết quả). Quy tắc không báo khi từ lặp là từ có trong từ điển hoặc
    trong rules/text/doubled_ok.txt, và khi tiếng thứ nhất tạo từ với tiếng đứng trước còn
    tiếng thứ hai tạo từ với tiếng đứng sau.

    Từ hai tiếng bị viết lặp ("chủ động chủ động") cũng bị báo.

    Sai: triển khai thực hiện các các nhiệm vụ
    Đúng: triển khai thực hiện các nhiệm vụ
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        tokens = tokenize(text)
        items = tokens.items
        lex = lexicon(option_strings(doc.settings.option("text.words")))
        ok = doubled_ok()
        yield from self._doubled_compounds(text, tokens, lex)
        for i in range(len(items) - 1):
            a, b = items[i], items[i + 1]
            if not tokens.linked[i] or a.key != b.key:
                continue
            if a.text != b.text and not (tokens.opens_sentence(i) and a.text.lower() == b.text):
                continue  # "phòng Phòng Giáo dục": the capital starts a name
            if a.key in ok or lex.has(a.key, a.key) or tokens.in_code(i):
                continue
            joins_before = tokens.adjacent(i - 1, i) and lex.has(items[i - 1].key, a.key)
            joins_after = tokens.adjacent(i + 1, i + 2) and lex.has(b.key, items[i + 2].key)
            if joins_before and joins_after:
                continue
            yield self.finding(
                span(a.start, b.end),
                Message(
                    vi=f"Từ {quote(a.text)} bị lặp: {quote(text[a.start:b.end])}",
                    en=f"The word {quote(a.text)} is doubled: {quote(text[a.start:b.end])}",
                ),
                stated=text[a.start:b.end],
                expected=a.text,
            )

    def _doubled_compounds(self, text: str, tokens: Tokens, lex: Lexicon) -> Iterator[Finding]:
        """A two-syllable word written twice: "chủ động chủ động"."""
        items = tokens.items
        for i in range(len(items) - 3):
            if items[i].text != items[i + 2].text or items[i + 1].text != items[i + 3].text:
                continue
            a, b, _, d = items[i:i + 4]
            if not lex.has(a.key, b.key):
                continue
            if not all(tokens.linked[i:i + 3]) or tokens.in_code(i):
                continue
            word = text[a.start:b.end]
            yield self.finding(
                span(a.start, d.end),
                Message(
                    vi=f"Từ {quote(word)} bị lặp: {quote(text[a.start:d.end])}",
                    en=f"The word {quote(word)} is doubled: {quote(text[a.start:d.end])}",
                ),
                stated=text[a.start:d.end],
                expected=word,
            )
