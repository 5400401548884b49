"""X303: a term of office that does not last five years."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.facts import Term
from checker.findings import Finding, Message, Severity

TERM_YEARS = 5
TERM_WORDS = ("nhiệm kỳ", "nhiệm kì")


class TermLength(Rule):
    """A term of office lasts five years.

    Party congresses and people's councils are elected for five years ("nhiệm kỳ 2020 -
    2025", "nhiệm kỳ 2021 - 2026"); a "nhiệm kỳ" of another length is a slip in one of its
    years. A "giai đoạn" (period) may have any length.

    Wrong: "nhiệm kỳ 2020 - 2024"
    Right: "nhiệm kỳ 2020 - 2025"
    """

    doc_vi = """Một nhiệm kỳ kéo dài năm năm.

    Đại hội đảng và hội đồng nhân dân được bầu cho năm năm ("nhiệm kỳ 2020 - 2025", "nhiệm
    kỳ 2021 - 2026"); "nhiệm kỳ" dài khác năm năm là gõ nhầm một trong hai năm. "Giai đoạn"
    có thể dài bao nhiêu cũng được.

    Sai: "nhiệm kỳ 2020 - 2024"
    Đúng: "nhiệm kỳ 2020 - 2025"
    """

    code = "X303"
    name = "date.term-length"
    category = "date"
    severity = Severity.ERROR
    wants = (Term,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for t in doc.facts.of(Term):
            if t.word not in TERM_WORDS or t.end_year is None:
                continue
            length = t.end_year - t.start_year
            if length == TERM_YEARS:
                continue
            yield self.finding(
                t.span,
                Message(
                    vi=f"“{t.text}” dài {length} năm; một nhiệm kỳ là {TERM_YEARS} năm ({t.start_year} - {t.start_year + TERM_YEARS} hoặc {t.end_year - TERM_YEARS} - {t.end_year})",
                    en=f"“{t.text}” lasts {length} years; a term is {TERM_YEARS} years ({t.start_year} - {t.start_year + TERM_YEARS} or {t.end_year - TERM_YEARS} - {t.end_year})",
                ),
                stated=f"{t.start_year} - {t.end_year}",
                expected=f"{t.start_year} - {t.start_year + TERM_YEARS}",
            )
