"""T104: a name whose capitalisation is fixed, written with other capitals ("Việt nam")."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, lines, quote, span
from checker.rules.text.lexicon import names, option_strings
from checker.rules.text.syllable import key
from checker.rules.text.tokens import tokenize

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class ProperNameCase(Rule):
    """A proper name written with the wrong capitals: "Việt nam", "Bộ chính trị".

    The names of the country, the Party and its organs are written with fixed capitals
    (Nghị định 30/2020/NĐ-CP, Phụ lục II; Hướng dẫn 36-HD/VPTW): "Việt Nam", "Bộ Chính trị",
    "Ban Chấp hành Trung ương", "Mặt trận Tổ quốc Việt Nam". The list is
    rules/text/names.txt; add local names under text.names in the configuration. A name
    written entirely in capitals (a heading) is accepted.

    Wrong: Quân đội nhân dân Việt nam
    Right: Quân đội nhân dân Việt Nam
    """

    code = "T104"
    name = "typo.proper-name-case"
    category = "typo"
    severity = Severity.WARNING
    doc_vi = """Tên riêng viết hoa chưa đúng: "Việt nam", "Bộ chính trị".

    Tên nước, tên Đảng và các cơ quan của Đảng được viết hoa theo quy tắc cố định (Nghị định
    30/2020/NĐ-CP, Phụ lục II; Hướng dẫn 36-HD/VPTW): "Việt Nam", "Bộ Chính trị", "Ban Chấp hành
    Trung ương", "Mặt trận Tổ quốc Việt Nam". Danh sách ở rules/text/names.txt; tên riêng của
    địa phương được bổ sung trong mục text.names của tệp cấu hình. Tên viết in hoa toàn bộ (tiêu
    đề) được chấp nhận.

    Sai: Quân đội nhân dân Việt nam
    Đúng: Quân đội nhân dân Việt Nam
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        tokens = tokenize(doc.source.text)
        items = tokens.items
        catalogue = [n.split() for n in names(option_strings(doc.settings.option("text.names")))]
        by_first: dict[str, list[tuple[list[str], list[str]]]] = {}
        for words in sorted(catalogue, key=len, reverse=True):  # longest name first
            keys = [key(w) for w in words]
            by_first.setdefault(keys[0], []).append((words, keys))
        matches: list[tuple[int, int, list[str]]] = []
        i = 0
        while i < len(items):
            found = None
            for words, keys in by_first.get(items[i].key, ()):
                last = i + len(words) - 1
                if last < len(items) and all(
                    tokens.linked[j - 1] and items[j].key == keys[j - i]
                    for j in range(i + 1, last + 1)
                ):
                    found = (i, last, words)
                    break
            if found is None:
                i += 1
                continue
            matches.append(found)
            i = found[1] + 1
        right: dict[str, list[int]] = {}
        wrong: list[tuple[int, int, str, str]] = []
        for first, last, words in matches:
            texts = [items[j].text for j in range(first, last + 1)]
            name = " ".join(words)
            if all(t.isupper() for t in texts):
                continue
            cased = [_cased(t, w) for t, w in zip(texts, words)]
            if cased == texts:
                right.setdefault(name, []).append(items[first].start)
            else:
                wrong.append((items[first].start, items[last].end, " ".join(cased), name))
        text = doc.source.text
        for start, end, expected, name in wrong:
            stated = text[start:end]
            evidence = None
            if right.get(name):
                n, where = count(len(right[name])), lines(doc, right[name])
                evidence = Message(
                    vi=f"văn bản này viết đúng {quote(expected)} {n} lần (dòng {where})",
                    en=f"this document writes {quote(expected)} correctly {n} times "
                    f"(lines {where})",
                )
            yield self.finding(
                span(start, end),
                Message(
                    vi=f"Tên riêng viết hoa chưa đúng: {quote(stated)} phải viết là "
                    f"{quote(expected)}",
                    en=f"Proper name with the wrong capitals: {quote(stated)} should be "
                    f"{quote(expected)}",
                ),
                stated=stated,
                expected=expected,
                evidence=evidence,
            )


def _cased(written: str, model: str) -> str:
    """``written`` with the capitals of ``model``: first letter as in the model, rest small."""
    first = written[:1].upper() if model[:1].isupper() else written[:1].lower()
    return first + written[1:].lower()
