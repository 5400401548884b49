"""What the grammar understands, measured: the facts of chosen lines of the clean sample
(samples/facts-expected.json, written by hand) must be among the extracted facts on the
right line, with the right role and, for a share, the right whole."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from checker.extract import extract
from checker.facts import Delta, Fact, Facts, Percent, Quantity, Ratio, Reference, Target, Term, Total
from checker.facts import Date as DateFact
from checker.loading import load_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED = json.loads((SAMPLES / "facts-expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample() -> tuple[Any, Facts]:
    source = load_path(str(SAMPLES / EXPECTED["file"].split("/")[-1]))
    return source, extract(source)


def _number(text: str) -> Decimal | None:
    head = text.split()[0] if text.split() else ""
    head = head.rstrip("%")
    if not head or not head[0].isdigit():
        for word in text.split():
            if word[0].isdigit():
                head = word.rstrip("%")
                break
        else:
            return None
    integer, _, fraction = head.split("/")[0].replace(".", "").partition(",")
    try:
        return Decimal(f"{integer}.{fraction}" if fraction else integer)
    except Exception:
        return None


def _whole_value(facts: Facts, pct: Percent) -> Decimal | None:
    if pct.whole_source == "parts":
        return sum((facts.items[i].value for i in pct.whole_parts), Decimal(0))  # type: ignore[attr-defined]
    whole = facts.get(pct.whole)
    return whole.value if isinstance(whole, Quantity) else None


def _matches(facts: Facts, fact: Fact, want: dict[str, Any]) -> bool:
    kind = want["kind"]
    text = want["text"]
    if kind == "quantity" and isinstance(fact, Quantity):
        return fact.number.value == _number(text)
    if kind == "total" and isinstance(fact, Total):
        total = facts.items[fact.total]
        if not isinstance(total, Quantity) or total.number.value != _number(text):
            return False
        parts = sorted(_number(p) or 0 for p in want.get("parts") or [])
        got = sorted(facts.items[i].number.value for i in fact.parts)  # type: ignore[attr-defined]
        return not parts or parts == got
    if kind == "percent" and isinstance(fact, Percent):
        if fact.number.text != text:
            return False
        if want.get("whole"):
            if fact.whole_source == "ratio":  # the rate of a ratio: its whole is the ratio
                ratio = facts.get(fact.part)
                return isinstance(ratio, Ratio) and want["whole"].startswith(ratio.text.split()[0])
            return _whole_value(facts, fact) == _number(want["whole"])
        return True
    if kind == "ratio" and isinstance(fact, Ratio):
        return text.startswith(fact.text.split()[0])
    if kind == "delta" and isinstance(fact, Delta):
        return fact.amount.value == abs(Decimal(str(want["value"]))) if want.get("value") is not None else text in fact.text
    if kind == "target" and isinstance(fact, Target):
        return fact.number.value == _number(text.replace("đạt", "").strip())
    if kind == "term" and isinstance(fact, Term):
        return text.split()[-1] in fact.text
    if kind == "date" and isinstance(fact, DateFact):
        return fact.text.endswith(text.split()[-1]) or text in fact.text
    if kind == "reference" and isinstance(fact, Reference):
        return (fact.raw_code or "") in text
    return False


def _score(sample: tuple[Any, Facts]) -> tuple[int, int, list[tuple[int, dict[str, Any]]]]:
    source, facts = sample
    by_line: dict[int, list[Fact]] = {}
    for fact in facts:
        line = source.position(fact.span.start).line
        by_line.setdefault(line, []).append(fact)
        if isinstance(fact, Total):
            total = facts.items[fact.total]
            by_line.setdefault(source.position(total.span.start).line, []).append(fact)
    found = 0
    total = 0
    missed = []
    for entry in EXPECTED["lines"]:
        for want in entry["facts"]:
            total += 1
            if any(_matches(facts, f, want) for f in by_line.get(entry["line"], [])):
                found += 1
            else:
                missed.append((entry["line"], want))
    return found, total, missed


def test_at_least_95_percent_of_the_claims_are_understood(sample: tuple[Any, Facts]) -> None:
    found, total, missed = _score(sample)
    assert total >= 150
    assert found / total >= 0.95, (found, total, missed[:10])
