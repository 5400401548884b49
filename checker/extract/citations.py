"""What follows a cited document in its clause: its date, its issuer, its title.

"Kế hoạch số 37-KH/TU ngày 29/6/2021 của Ban Thường vụ Tỉnh ủy về “Luân chuyển cán bộ”":
the grammar delimits the reference and the date; this module joins them, and reads the
issuer ("của ..." up to the next comma or the description) and the quoted title.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.transform import Clause, Item

# Words that end an issuer's name: what follows is the description, not the issuer.
_ISSUER_ENDS = frozenset({"về", "thực", "quy", "hướng", "triển", "để", "nhằm", "đã", "ban"})
_DESCRIPTION_WORDS = frozenset({"về", "việc"})


@dataclass(frozen=True)
class CitationParts:
    date: Item | None
    issuer: str | None
    title: str | None


def read_citation(clause: Clause, i: int, text: str) -> CitationParts:
    """The date, issuer and title of the reference at ``clause[i]``."""
    j = i + 1
    while j < len(clause) and _is(clause[j], "COMMA"):
        j += 1
    date = None
    if j < len(clause) and clause[j].kind == "date":
        date = clause[j]
        j += 1
    issuer = None
    if j < len(clause) and _is(clause[j], "WORD") and clause[j].text.lower() == "của":
        j += 1
        words: list[str] = []
        while j < len(clause) and _is(clause[j], "WORD"):
            if words and clause[j].text.lower() in _ISSUER_ENDS and clause[j].text.islower():
                break
            words.append(clause[j].text)
            j += 1
        issuer = " ".join(words) or None
    while j < len(clause) and _is(clause[j], "WORD") and clause[j].text.lower() in _DESCRIPTION_WORDS:
        j += 1
    title = None
    if j < len(clause) and _is(clause[j], "QUOTE"):
        k = j + 1
        while k < len(clause) and not _is(clause[k], "QUOTE"):
            k += 1
        if k < len(clause):
            title = text[clause[j].end : clause[k].start].strip() or None
    return CitationParts(date, issuer, title)


def _is(item: Item, token_type: str) -> bool:
    return item.kind == "token" and item.type == token_type
