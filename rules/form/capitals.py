"""F111: the capitals of agency and position names (Nghị định 30/2020/NĐ-CP, Phụ lục II)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.rules.form.common import cite, said
from checker.rules.form.parse import fold_same, is_upper
from checker.rules.form.rulesets import names

from checker.engine import Document, Rule
from checker.facts import Span
from checker.findings import Finding, Severity


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each name with a pattern over folded text: its words, any spaces between."""
    out = []
    for name in names()[1]:
        words = [re.escape(w) for w in fold_same(name).split()]
        out.append((name, re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")))
    return tuple(out)


def recapitalised(written: str, name: str) -> str:
    """The written words with the capitals of the name (the writer's tone marks kept)."""
    out = []
    for word, model in zip(written.split(), name.split()):
        first = word[0].upper() if model[0].isupper() else word[0].lower()
        out.append(first + word[1:])
    return " ".join(out)


class Capitals(Rule):
    """Names of agencies and positions take the capitals Phụ lục II gives them.

    Nghị định 30/2020/NĐ-CP, Phụ lục II: the first letter of the words that name the kind
    of body and its function is a capital, the rest are not: "Ủy ban nhân dân tỉnh",
    "Hội đồng nhân dân tỉnh", "Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ Tỉnh ủy". The
    names checked are listed in rules/form/names.toml; a name written all in capitals (a
    heading) or all in lower case (a generic use) is left alone.

    Wrong: "Hội đồng Nhân dân tỉnh", "Bộ chính trị"
    Right: "Hội đồng nhân dân tỉnh", "Bộ Chính trị"
    """

    doc_vi = """Tên cơ quan, chức vụ viết hoa đúng như Phụ lục II.

    Nghị định 30/2020/NĐ-CP, Phụ lục II: viết hoa chữ cái đầu của các từ chỉ loại hình cơ
    quan và chức năng, các chữ khác viết thường: "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân
    tỉnh", "Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ Tỉnh ủy". Các tên được xét ghi trong
    rules/form/names.toml; tên viết in hoa toàn bộ (tiêu đề) hay viết thường toàn bộ (dùng
    chung chung) thì không xét.

    Sai: "Hội đồng Nhân dân tỉnh", "Bộ chính trị"
    Đúng: "Hội đồng nhân dân tỉnh", "Bộ Chính trị"
    """

    code = "F111"
    name = "form.capitals"
    category = "form"
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        source, _ = names()
        text = doc.source.text
        folded = fold_same(text)
        for name, pattern in _patterns():
            for m in pattern.finditer(folded):
                written = text[m.start() : m.end()]
                words = written.split()
                if is_upper(written) or not words[0][:1].isupper():
                    continue
                right = recapitalised(written, name)
                if " ".join(words) == right:
                    continue
                yield self.finding(
                    Span(m.start(), m.end()),
                    said(
                        f"Viết hoa tên cơ quan: “{right}”, không phải “{written}”",
                        f"Capitals of the body's name: “{right}”, not “{written}”",
                        source,
                    ),
                    stated=written,
                    expected=right,
                    evidence=cite(source),
                )
