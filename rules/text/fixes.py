"""The safe fixes of the text rules, as one pure function: ``apply_fixes(source, findings)``.

Only fixes that cannot change the meaning are applied: spacing around punctuation (T205), a
space between glued words (T206), one space for two or three (T207), the document's own tone
placement for its minority words (T203), and NFC for the whole text (T201). They never
change a digit: the spacing fixes only insert or delete whitespace, the tone fix only moves
a tone mark, and NFC changes no character of a number or a code. Spelling suggestions are
never applied; a person decides those.

The CLI (``--fix``/``--diff``) calls it with the findings of one file and the codes the
user selected::

    from checker.rules.text.fixes import apply_fixes
    fixed = apply_fixes(source, [loc.finding for loc in result.findings], selected_codes)
    if fixed != source.original: ...  # write atomically (--fix) or print a diff (--diff)

One fix can make another necessary (splitting "hóahoá" mixes two tone styles), so after
applying the given findings the function checks its own result again with the selected
fixable rules, until nothing is left to fix: applying it twice gives what applying it once
gave. Findings whose text no longer matches the source are skipped, so stale findings are
harmless.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from checker.rules.text.syllable import restyle, style_of

from checker.engine import Document, Rule, run
from checker.facts import Facts
from checker.findings import Finding
from checker.source import Source

FIXABLE = frozenset({"T201", "T203", "T205", "T206", "T207"})
_SPACE = re.compile(r"\s")


@dataclass(frozen=True, order=True)
class Edit:
    """Replace NFC text[start:end] by ``text``."""

    start: int
    end: int
    text: str


ROUNDS = 4  # fixes settle in two rounds in practice; the bound only guards against a loop


def apply_fixes(
    source: Source, findings: Iterable[Finding], codes: Iterable[str] = FIXABLE
) -> str:
    """The document's text with the safe fixes among ``findings`` applied.

    ``codes`` are the rules the user selected (only their fixes are applied, also in the
    later rounds). The result keeps the original text (its line endings, its normalisation)
    except where a fix applies; with a T201 finding the whole result is NFC.
    """
    allowed = FIXABLE & set(codes)
    text = _apply_once(source, [f for f in findings if f.code in allowed])
    rules = [r for r in _fixing_rules() if r.code in allowed]
    for _ in range(ROUNDS):
        again = Source.build(source.path, text, None, source.kind)
        more = run(Document(again, Facts()), rules)
        fixed = _apply_once(again, more)
        if fixed == text:
            break
        text = fixed
    return text


def _fixing_rules() -> tuple[type[Rule], ...]:
    """The rules whose findings carry safe fixes (imported here, not discovered, so that a
    fix depends on nothing but this package)."""
    from checker.rules.text.double_space import DoubleSpace
    from checker.rules.text.glued_words import GluedWords
    from checker.rules.text.punctuation_space import PunctuationSpace
    from checker.rules.text.tone_style import ToneStyle
    from checker.rules.text.unicode_form import UnicodeForm

    return (UnicodeForm, ToneStyle, PunctuationSpace, GluedWords, DoubleSpace)


def _apply_once(source: Source, chosen: list[Finding]) -> str:
    to_nfc = any(f.code == "T201" for f in chosen)
    edits = _disjoint(sorted({e for f in chosen for e in _edits(source.text, f)}))
    if to_nfc:
        return _apply(source.text, edits)
    original = source.original
    mapped: list[Edit] = []
    for e in edits:
        start, end = source.original_offset(e.start), source.original_offset(e.end)
        text = e.text
        if not unicodedata.is_normalized("NFC", original[start:end]):
            text = unicodedata.normalize("NFD", text)
        mapped.append(Edit(start, end, text))
    return _apply(original, mapped)


def _apply(text: str, edits: list[Edit]) -> str:
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(text[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """Drop an edit that overlaps one before it (findings of two rules on the same place)."""
    kept: list[Edit] = []
    for e in edits:
        if kept and (e.start < kept[-1].end or (e.start == kept[-1].start == e.end)):
            continue
        kept.append(e)
    return kept


def _edits(text: str, f: Finding) -> list[Edit]:
    if f.code == "T203":
        return _tone_edits(text, f)
    if f.code in ("T205", "T206", "T207") and f.stated is not None and f.expected is not None:
        start, end = f.span.start, f.span.end
        if text[start:end] != f.stated:
            return []  # stale: the text changed since the finding was made
        return _space_edits(start, f.stated, f.expected)
    return []


def _tone_edits(text: str, f: Finding) -> list[Edit]:
    out: list[Edit] = []
    for sp in (f.span, *f.related):
        word = text[sp.start:sp.end]
        style = style_of(word)
        if style is None:
            continue
        new = restyle(word, "old" if style == "new" else "new")
        if new != word:
            out.append(Edit(sp.start, sp.end, new))
    return out


def _space_edits(start: int, stated: str, expected: str) -> list[Edit]:
    """The whitespace insertions and deletions that turn ``stated`` into ``expected``; none
    when they differ in anything but whitespace."""
    if _SPACE.sub("", stated) != _SPACE.sub("", expected):
        return []
    out: list[Edit] = []
    i = j = 0
    while i < len(stated) or j < len(expected):
        a = stated[i] if i < len(stated) else ""
        b = expected[j] if j < len(expected) else ""
        if a == b:
            i, j = i + 1, j + 1
            continue
        i2, j2 = i, j
        while i2 < len(stated) and stated[i2].isspace():
            i2 += 1
        while j2 < len(expected) and expected[j2].isspace():
            j2 += 1
        if i2 == i and j2 == j:
            return []  # cannot happen when only whitespace differs
        out.append(Edit(start + i, start + i2, expected[j:j2]))
        i, j = i2, j2
    return out
