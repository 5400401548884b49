"""The document's own spelling conventions: tone placement (hòa/hoà) and i/y (kỹ/kĩ).

Both are learnt from the document by majority. The style rules report the minority; the
spelling rules write their suggestions in the majority style, so that a suggestion never
introduces a second style.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from checker.rules.text.syllable import iy_style, parse, style_of
from checker.rules.text.tokens import tokenize


@dataclass(frozen=True)
class Usage:
    """Which token indices use which of two variants, and the majority (None on a tie)."""

    variants: tuple[str, str]
    uses: tuple[tuple[int, ...], tuple[int, ...]]

    @property
    def majority(self) -> str | None:
        a, b = (len(u) for u in self.uses)
        if a == b:
            return None
        return self.variants[0] if a > b else self.variants[1]

    def of(self, variant: str) -> tuple[int, ...]:
        return self.uses[self.variants.index(variant)]

    def minority(self) -> tuple[str, tuple[int, ...]] | None:
        """The less used variant and its tokens, when both are used (on a tie, the second
        variant, so that the finding is stable)."""
        if not all(self.uses):
            return None
        minor = self.variants[1] if self.majority in (None, self.variants[0]) else self.variants[0]
        return minor, self.of(minor)


@lru_cache(maxsize=8)
def tone_usage(text: str) -> Usage:
    """Open oa/oe/uy syllables with a tone mark: traditional (hòa, ủy) or new (hoà, uỷ)."""
    items = tokenize(text).items
    style = {w: style_of(w) for w in {t.text for t in items}}
    old = tuple(i for i, t in enumerate(items) if style[t.text] == "old")
    new = tuple(i for i, t in enumerate(items) if style[t.text] == "new")
    return Usage(("old", "new"), (old, new))


@lru_cache(maxsize=8)
def iy_usage(text: str) -> Usage:
    """Open syllables that may end in i or y after h, k, l, m, t, qu (kỹ/kĩ, lý/lí, quy/qui).

    "sĩ" (tiến sĩ, bác sĩ) keeps its i in documents that otherwise write y, and "vy" is a
    name, so s and v do not count here (lookups still fold them)."""
    tokens = tokenize(text)
    style: dict[str, str | None] = {}
    for w in {t.text for t in tokens.items}:
        st = iy_style(w)
        style[w] = None if st is None or parse(w).onset in ("s", "v") else st
    ys: list[int] = []
    is_: list[int] = []
    for i, tok in enumerate(tokens.items):
        st = style[tok.text]
        if st is None or tokens.in_code(i) or tokens.case(i) == "upper":
            continue
        (ys if st == "y" else is_).append(i)
    return Usage(("y", "i"), (tuple(ys), tuple(is_)))
