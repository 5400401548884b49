"""Findings: the single currency between rules and reporters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from checker.facts import Span


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


CATEGORIES = (
    "percent",
    "ratio",
    "sum",
    "delta",
    "target",
    "xref",
    "count",
    "date",
    "reference",
    "typo",
    "format",
    "footnote",
    "form",
)


@dataclass(frozen=True)
class Message:
    """A text in both languages rasoat speaks."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Finding:
    """What a rule found, at a span of the NFC text.

    ``stated`` is what the document says, ``expected`` what the figures give, ``evidence``
    the arithmetic or the other place behind it. ``related`` are other spans the finding
    involves (the other citation of the same document, the footnote that says otherwise).
    """

    code: str
    category: str
    severity: Severity
    span: Span
    message: Message
    stated: str | None = None
    expected: str | None = None
    evidence: Message | None = None
    related: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Located:
    """A finding placed in the original file: line and column as the user sees them."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    where: str
    source_line: str = ""
    # the finding's related spans, placed too: (line, column, end_line, end_column, where)
    related: tuple[tuple[int, int, int, int, str], ...] = ()

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def severity(self) -> Severity:
        return self.finding.severity


@dataclass(frozen=True)
class FileResult:
    """The outcome for one input: its findings, or the one-line reason it could not be read."""

    path: str
    findings: tuple[Located, ...] = ()
    error: str | None = None
