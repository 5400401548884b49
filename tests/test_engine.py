"""The rule engine: discovery and validation of metadata, selection, running and merging."""

from __future__ import annotations

from typing import Iterator

import pytest

from checker import engine
from checker.engine import Document, Rule, RuleError, matches, selected_rules
from checker.facts import Facts, Span
from checker.findings import CATEGORIES, Finding, Message, Severity
from checker.loading import load_text


def test_every_rule_is_valid_and_unique() -> None:
    rules = engine.all_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes)) and codes == sorted(codes)
    assert all(r.category in CATEGORIES for r in rules)
    assert {r.code[0] for r in rules} == set(engine.FAMILIES)


@pytest.mark.parametrize(
    ("code", "category", "name", "error"),
    [
        ("N10", "percent", "percent.x", "letter and three digits"),
        ("Z101", "percent", "percent.x", "unknown family"),
        ("N199", "money", "percent.x", "unknown category"),
        ("N199", "percent", "Percent", "dotted lower case"),
    ],
)
def test_bad_metadata_is_refused(code: str, category: str, name: str, error: str) -> None:
    bad = type("Bad", (Rule,), {"code": code, "category": category, "name": name})
    with pytest.raises(RuleError, match=error):
        engine._validate(bad)


def test_selection_by_codes_and_prefixes() -> None:
    assert matches("N101", ["N"]) and matches("N101", ["n1"]) and not matches("T101", ["N"])
    numeric = selected_rules(["N"], ["N102"])
    assert numeric and all(r.code.startswith("N") and r.code != "N102" for r in numeric)


class _Twice(Rule):
    code, name, category, severity = "T998", "typo.twice", "typo", Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        yield self.finding(Span(0, 3), Message("a", "a"), stated="abc", expected="Abc")


class _Again(Rule):
    code, name, category, severity = "F998", "form.again", "form", Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        yield self.finding(Span(0, 3), Message("b", "b"), stated="abc", expected="Abc")
        yield self.finding(Span(0, 3), Message("c", "c"), stated="abc", expected="ABC")


def test_the_same_slip_seen_by_two_rules_is_reported_once() -> None:
    doc = Document(load_text("abc def"), Facts())
    found = engine.run(doc, [_Twice, _Again])
    # T998's "Abc" repeats F998's first finding (same span, stated, expected): dropped
    assert [(f.code, f.expected) for f in found] == [("F998", "Abc"), ("F998", "ABC")]
