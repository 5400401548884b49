"""Mutation tests: perturb one checkable figure of the clean sample and a finding must appear
on its line. The figures are the ones rasoat can check: shares with a known whole, the rates
of ratios, and the totals and parts of complete breakdowns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.extract import extract
from checker.facts import Number, Percent, Quantity, Ratio, Total
from checker.loading import load_text
from checker.pipeline import check_text
from checker.rules.numeric import arith

CLEAN = (Path(__file__).resolve().parent.parent / "samples" / "bao-cao-sach.txt").read_text(encoding="utf-8")


Target = tuple[int, int, str, str, "Decimal | None"]


def _targets() -> list[Target]:
    """(start, end, kind, text, exact share) of every figure whose change must be caught."""
    source = load_text(CLEAN)
    facts = extract(source)
    out: list[Target] = []
    for claim in arith.share_claims(facts):
        pct = claim.percent
        if pct.whole_source == "subject":
            continue  # a whole taken only because it fits: a changed share has no whole
        start = source.text.index(pct.number.text, pct.span.start)
        out.append((start, start + len(pct.number.text), "share", pct.number.text, claim.verdict.exact))
    for ratio in facts.of(Ratio):
        rate = facts.get(ratio.rate)
        if isinstance(rate, Percent):
            start = source.text.index(rate.number.text, rate.span.start)
            exact = arith.share(ratio.numerator.value, ratio.denominator.value)
            out.append((start, start + len(rate.number.text), "rate", rate.number.text, exact))
    for tot in facts.of(Total):
        if tot.relation != "partition":
            continue
        for fid in (tot.total, *tot.parts):
            q = facts.get(fid)
            if isinstance(q, Quantity):
                out.append((q.span.start, q.span.start + len(q.number.text), "sum", q.number.text, None))
    return out


TARGETS = _targets()


def test_the_clean_sample_has_many_checkable_figures() -> None:
    assert len(TARGETS) >= 40


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TARGETS), st.integers(min_value=0, max_value=50), st.sampled_from("0123456789"))
def test_a_changed_figure_is_reported_on_its_line(target: Target, position: int, digit: str) -> None:
    start, end, kind, text, exact = target
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    index = digits[position % len(digits)]
    assume(text[index] != digit)
    assume(not (index == 0 and digit == "0" and len(digits) > 1))  # no new leading zero
    mutated_text = text[:index] + digit + text[index + 1 :]
    if exact is not None:
        # a share may only move to a value that no rounding convention gives
        decimals = len(text.rstrip("%").partition(",")[2])
        new = Number(_value(mutated_text), decimals, mutated_text)
        assume(not arith.judge(new, exact).ok_under)
    mutated = CLEAN[:start] + mutated_text + CLEAN[end:]
    line = CLEAN.count("\n", 0, start) + 1
    findings = check_text(mutated, select=["N"])
    assert any(f.line == line for f in findings), (line, text, mutated_text)


def _value(text: str) -> Decimal:
    integer, _, fraction = text.rstrip("%").replace(".", "").partition(",")
    return Decimal(f"{integer}.{fraction}" if fraction else integer)


@pytest.mark.parametrize("kind", ["share", "rate", "sum"])
def test_every_kind_of_figure_is_among_the_targets(kind: str) -> None:
    assert any(t[2] == kind for t in TARGETS)
