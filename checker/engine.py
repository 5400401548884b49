"""The rule engine: discovers the rules, validates their metadata, runs them over facts.

A rule is a class in a module under ``checker.rules`` (the repository's ``rules/`` folder)
that subclasses ``Rule``. Discovery imports those modules and collects the subclasses; there
is no registry to mutate. Codes are a capital letter and three digits, unique, never reused.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import ClassVar, Iterable, Iterator

from checker.facts import Fact, Facts
from checker.findings import CATEGORIES, Finding, Message, Severity
from checker.source import Source

CODE_RE = re.compile(r"^[A-Z]\d{3}$")

# Code prefixes: the families a user can select with one letter ("--select N").
FAMILIES = {
    "N": "numbers: shares, totals, ratios, differences, targets",
    "X": "cross-references and counts",
    "C": "citations and dates",
    "T": "text: spelling, spacing, Unicode, footnotes",
    "F": "the document's form",
}

ROUNDING = ("any", "half-up", "half-even", "truncate")


@dataclass(frozen=True)
class Settings:
    """What the rules may be told by the configuration and the command line."""

    rounding: str = "any"  # which conventions make a stated share right
    report_date: date | None = None
    lang: str = "vi"
    options: tuple[tuple[str, object], ...] = ()  # per-rule options, as (key, value) pairs

    def option(self, key: str, default: object = None) -> object:
        return dict(self.options).get(key, default)


@dataclass(frozen=True)
class Document:
    """What a rule sees: the source (for spans and text), its facts, and the settings;
    ``baseline`` holds the facts of an earlier report (``--baseline``), when given."""

    source: Source
    facts: Facts
    settings: Settings = field(default_factory=Settings)
    baseline: Facts | None = None


class Rule:
    """Base class of every rule. Subclasses set the metadata and implement ``check``.

    The docstring (English) and ``doc_vi`` (Vietnamese) are what ``rasoat explain`` prints:
    a summary line, a paragraph, then a wrong and a right example, marked "Wrong:" and
    "Right:" (in ``doc_vi``: "Sai:" and "Đúng:").
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""  # dotted, lower case: "percent.share-of-whole"
    category: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    wants: ClassVar[tuple[type[Fact], ...]] = ()
    doc_vi: ClassVar[str] = ""
    # Where the rule's data-driven cases live when they cannot be text (a layout rule needs
    # a .docx): a test module under tests/, which must name the rule's code.
    cases: ClassVar[str] = ""

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    # -- helpers for subclasses ---------------------------------------------------------
    def finding(
        self,
        span: object,
        message: Message,
        *,
        stated: str | None = None,
        expected: str | None = None,
        evidence: Message | None = None,
        severity: Severity | None = None,
        related: tuple[object, ...] = (),
    ) -> Finding:
        from checker.facts import Span

        assert isinstance(span, Span)
        return Finding(
            code=self.code,
            category=self.category,
            severity=severity or self.severity,
            span=span,
            message=message,
            stated=stated,
            expected=expected,
            evidence=evidence,
            related=tuple(s for s in related if isinstance(s, Span)),
        )

    @classmethod
    def doc(cls, lang: str = "vi") -> str:
        text = cls.doc_vi if lang == "vi" and cls.doc_vi else (cls.__doc__ or "")
        return _dedent(text)


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


class RuleError(Exception):
    """A rule whose metadata is invalid (raised at discovery, so tests catch it)."""


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class under ``checker.rules``, sorted by code, validated."""
    import checker.rules as package

    found: dict[str, type[Rule]] = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, Rule)
                and obj is not Rule
                and obj.__module__ == module.__name__
                and obj.code
            ):
                _validate(obj)
                if obj.code in found and found[obj.code] is not obj:
                    raise RuleError(f"rule code {obj.code} is used twice")
                found[obj.code] = obj
    return tuple(found[c] for c in sorted(found))


def _validate(rule: type[Rule]) -> None:
    if not CODE_RE.match(rule.code):
        raise RuleError(f"{rule.__name__}: code {rule.code!r} is not a letter and three digits")
    if rule.code[0] not in FAMILIES:
        raise RuleError(f"{rule.code}: unknown family {rule.code[0]!r}")
    if rule.category not in CATEGORIES:
        raise RuleError(f"{rule.code}: unknown category {rule.category!r}")
    if not rule.name or not re.match(r"^[a-z]+(\.[a-z0-9-]+)+$", rule.name):
        raise RuleError(f"{rule.code}: name {rule.name!r} must be dotted lower case")


def matches(code: str, patterns: Iterable[str]) -> bool:
    """Whether a code is selected by any of the comma-separated codes or prefixes."""
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


def selected_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> tuple[type[Rule], ...]:
    select = list(select)
    ignore = list(ignore)
    return tuple(
        r
        for r in all_rules()
        if (not select or matches(r.code, select)) and not matches(r.code, ignore)
    )


def run(doc: Document, rules: Iterable[type[Rule]]) -> list[Finding]:
    """Run the rules over a document; findings sorted by place, then code.

    Two rules of different families may see the same slip ("Bộ chính trị" is a proper
    name's capitals and an agency's name in the form rules): a finding with the same span,
    stated and expected text as one already kept is dropped, so each slip is reported once.
    """
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule().check(doc))
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    kept: list[Finding] = []
    seen: set[tuple[int, int, str | None, str | None]] = set()
    for f in findings:
        key = (f.span.start, f.span.end, f.stated, f.expected)
        if f.expected is not None and key in seen:
            continue
        seen.add(key)
        kept.append(f)
    return kept
