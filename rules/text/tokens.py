"""Words of the prose, with their spans in the NFC text and how they touch each other.

The text rules read the NFC text directly (that is their job). A token is a run of letters;
two tokens are *adjacent* when only spaces stand between them (no newline, no punctuation),
which is where a compound word can be. Tokens inside document codes ("26-NQ/TW",
"QĐi", "1909-QĐ/TU") are marked, so spelling rules leave them alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from checker.rules.text.syllable import key

WORD_RE = re.compile(r"[^\W\d_]+")
SPACES = frozenset(" \t\u00a0\u202f\u2009")
# After one of these (spaces skipped) a word starts a sentence or a list item.
SENTENCE_OPENERS = frozenset(".!?:;\n\r\t()“\"'-–—…•*[")


class Token(NamedTuple):
    """One word. A named tuple rather than a frozen dataclass: a draft has ~20,000 of them
    and building them must stay within the text rules' time budget."""

    start: int
    end: int
    text: str
    key: str  # lookup form: lower case, canonical tone placement (see syllable.key)


@dataclass(frozen=True)
class Tokens:
    text: str
    items: tuple[Token, ...]
    linked: tuple[bool, ...]  # linked[i]: tokens i and i+1 are adjacent in prose

    def adjacent(self, i: int, j: int) -> bool:
        """Whether tokens i and j (j = i + 1) are adjacent; False past either end."""
        return 0 <= i < j < len(self.items) and j == i + 1 and self.linked[i]

    def case(self, i: int) -> str:
        """"lower", "title", "upper" or "mixed"."""
        word = self.items[i].text
        if word.islower():
            return "lower"
        if word.isupper():
            return "upper" if len(word) > 1 else "title"
        if word[0].isupper() and word[1:].islower():
            return "title"
        return "mixed"

    def in_code(self, i: int) -> bool:
        """Part of a document code or a number ("NQ" in "26-NQ/TW", "QĐi", "TUngày")."""
        text, tok = self.text, self.items[i]
        before = text[tok.start - 1] if tok.start > 0 else " "
        after = text[tok.end] if tok.end < len(text) else " "
        if before.isdigit() or after.isdigit():
            return True
        if before in "/-_.@" and tok.start > 1 and text[tok.start - 2].isalnum():
            return True
        return after in "/-_.@" and tok.end + 1 < len(text) and text[tok.end + 1].isalnum()

    def opens_sentence(self, i: int) -> bool:
        """First word of a sentence, heading or list item (so a capital says nothing)."""
        text = self.text
        j = self.items[i].start - 1
        while j >= 0 and text[j] in SPACES:
            j -= 1
        return j < 0 or text[j] in SENTENCE_OPENERS or text[j].isdigit()


_SPACE_CHARS = "".join(sorted(SPACES))


@lru_cache(maxsize=8)
def tokenize(text: str) -> Tokens:
    """Every word of ``text`` (NFC), in order, with the adjacency of neighbours."""
    matches = list(WORD_RE.finditer(text))
    words = [m.group() for m in matches]
    keys = {w: key(w) for w in set(words)}
    items = tuple(
        Token(m.start(), m.end(), w, keys[w]) for m, w in zip(matches, words)
    )
    linked = tuple(
        (b.start == a.end + 1 and text[a.end] == " ")
        or (a.end < b.start and not text[a.end:b.start].strip(_SPACE_CHARS))
        for a, b in pairwise(items)
    )
    return Tokens(text, items, linked)
