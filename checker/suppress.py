"""Inline suppression: a writer marks a finding as intended in the draft itself.

Two spellings of one directive, so that it fits both Markdown and plain text:

- ``<!-- rasoat: ignore N101 -->``: an HTML comment, invisible when Markdown is rendered;
- ``[rasoat: ignore N101]``: plain text, for .txt drafts (put it at the end of the line).

Three scopes: ``ignore`` (the findings that start on the same line), ``ignore-next-line``
(the line below: for a Markdown table row, where a comment would add a cell) and
``ignore-file`` (the whole file, wherever the directive stands). Codes are codes or prefixes
as in ``--ignore`` ("N101", "N1", "T"), separated by commas or spaces; a directive without
codes covers every rule. A token that is not a code is not a code: it covers nothing.

Suppression is applied after the rules, to located findings, so that no rule needs to know
about it; findings inside a directive itself (its words are not the report's) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.config import PATTERN_RE
from checker.engine import matches
from checker.findings import Located

DIRECTIVE_RE = re.compile(
    r"<!--\s*rasoat\s*:\s*(?P<scope1>ignore(?:-next-line|-file)?)\b(?P<codes1>[^>]*?)-->"
    r"|\[\s*rasoat\s*:\s*(?P<scope2>ignore(?:-next-line|-file)?)\b(?P<codes2>[^\]\n]*)\]",
    re.IGNORECASE,
)
ALL: tuple[str, ...] = ("",)  # the empty prefix matches every code


@dataclass(frozen=True)
class Directive:
    """One directive: the lines it covers (None = the whole file), the code patterns it
    names, and where it stands (line and 1-based columns in the original text)."""

    lines: tuple[int, ...] | None
    patterns: tuple[str, ...]
    line: int
    start_column: int
    end_column: int

    def covers(self, loc: Located) -> bool:
        if self.lines is not None and loc.line not in self.lines:
            return False
        return self.patterns == ALL or matches(loc.code, self.patterns)

    def contains(self, loc: Located) -> bool:
        """Whether a finding lies inside the directive's own text."""
        return (
            loc.line == self.line
            and loc.end_line == self.line
            and self.start_column <= loc.column
            and loc.end_column <= self.end_column
        )


def codes(text: str) -> tuple[str, ...]:
    """The code patterns of a directive; none written means every rule."""
    tokens = [t.upper() for t in re.split(r"[\s,;]+", text.strip()) if t]
    if not tokens:
        return ALL
    return tuple(t for t in tokens if PATTERN_RE.match(t))


def directives(original: str) -> tuple[Directive, ...]:
    """Every directive of a text, with the lines it covers (lines of ``original``)."""
    found: list[Directive] = []
    line = 1
    line_start = 0
    scanned = 0
    for match in DIRECTIVE_RE.finditer(original):
        newlines = original.count("\n", scanned, match.start())
        if newlines:
            line += newlines
            line_start = original.rfind("\n", 0, match.start()) + 1
        scanned = match.start()
        scope = (match.group("scope1") or match.group("scope2")).lower()
        text = match.group("codes1") if match.group("scope1") else match.group("codes2")
        covered: tuple[int, ...] | None = {
            "ignore": (line,),
            "ignore-next-line": (line + 1,),
            "ignore-file": None,
        }[scope]
        found.append(
            Directive(
                lines=covered,
                patterns=codes(text or ""),
                line=line,
                start_column=match.start() - line_start + 1,
                end_column=match.end() - line_start + 1,
            )
        )
    return tuple(found)


def apply(original: str, located: Sequence[Located]) -> tuple[Located, ...]:
    """The findings that no directive of ``original`` suppresses, in their order."""
    if "rasoat" not in original.lower():  # the common case costs one scan
        return tuple(located)
    marks = directives(original)
    return tuple(loc for loc in located if not _suppressed(loc, marks))


def _suppressed(loc: Located, marks: Iterable[Directive]) -> bool:
    return any(d.covers(loc) or d.contains(loc) for d in marks)
