"""C102: one document cited with two different quoted titles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.facts import Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import at_lines, dissent
from checker.rules.citations.index import Mention, citation_index
from checker.rules.citations.tables import fold

_PUNCT = re.compile(r"[^\w\s]")
_LEAD = tuple(fold(lead) + " " for lead in ("về việc", "về"))


def title_key(title: str) -> str:
    """A title for comparing: case, tone placement, punctuation and a leading "về" or "về
    việc" (part of the sentence, not of the title) do not count."""
    folded = fold(_PUNCT.sub(" ", title))
    for lead in _LEAD:
        if folded.startswith(lead):
            return folded[len(lead) :]
    return folded


class SameDocumentTwoTitles(Rule):
    """The same number and code cited with two different quoted titles.

    A document has one title. The quoted titles of every mention of a number and code
    are compared, ignoring case, punctuation, tone placement and a leading "về" or "về
    việc"; a mention whose title differs from the title most mentions give is reported
    with both titles (on a tie, the later mentions).

    Wrong: Đề án số 06-ĐA/TU “Thí điểm đổi mới tinh giản biên chế” at one place and
    “Đổi mới tinh giản biên chế gắn với tuyển dụng” at another
    Right: the same quoted title at every place, or a description without quotes.
    """

    doc_vi = """Cùng một số, ký hiệu văn bản nhưng trích hai tên (trích yếu) khác nhau.

    Mỗi văn bản chỉ có một trích yếu. Tên trong ngoặc kép ở các lần trích dẫn cùng số, ký
    hiệu được so với nhau, không tính chữ hoa/thường, dấu câu, vị trí dấu thanh và chữ "về"
    hay "về việc" ở đầu; lần trích dẫn có tên khác với tên đa số các lần khác ghi sẽ bị
    báo kèm cả hai tên (nếu số lần bằng nhau thì báo ở các lần sau).

    Sai: Đề án số 06-ĐA/TU “Thí điểm đổi mới tinh giản biên chế” ở một nơi và “Đổi mới
    tinh giản biên chế gắn với tuyển dụng” ở nơi khác
    Đúng: cùng một tên trong ngoặc kép ở mọi nơi, hoặc diễn giải không đặt trong ngoặc kép.
    """

    code = "C102"
    name = "reference.same-document-two-titles"
    category = "reference"
    severity = Severity.WARNING
    wants = (Reference,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for cited in citation_index(doc.facts):
            found = dissent(cited.mentions, lambda m: title_key(m.title) if m.title else None)
            if found is None:
                continue
            for m in found.odd:
                assert m.title is not None
                others = found.others(title_key(m.title))
                other_titles = _titles(others)
                expected = _title_of(found.groups, found.expected)
                where_vi, where_en = at_lines(doc, others)
                yield self.finding(
                    m.span,
                    Message(
                        vi=f"{cited.label} có tên “{m.title}” ở đây nhưng “{other_titles}” ở {where_vi}",
                        en=f"{cited.label} is titled “{m.title}” here but “{other_titles}” on {where_en}",
                    ),
                    stated=m.title,
                    expected=expected,
                    evidence=Message(
                        vi="; ".join(f"“{ms[0].title}” ({at_lines(doc, ms)[0]})" for _, ms in found.groups),
                        en="; ".join(f"“{ms[0].title}” ({at_lines(doc, ms)[1]})" for _, ms in found.groups),
                    ),
                    related=tuple(o.span for o in others),
                )


def _titles(mentions: tuple[Mention, ...]) -> str:
    seen: dict[str, str] = {}
    for m in mentions:
        if m.title is not None:
            seen.setdefault(title_key(m.title), m.title)
    return "”, “".join(seen.values())


def _title_of(groups: tuple[tuple[str, tuple[Mention, ...]], ...], key: str | None) -> str | None:
    if key is None:
        return None
    return next((ms[0].title for v, ms in groups if v == key), None)
