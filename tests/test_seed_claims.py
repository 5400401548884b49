"""Issue 3's measure on the real draft: at least 95% of its checkable numeric claims have
their stated figure among the facts on the right line, with the right role and, where one
is stated or implied, the whole. The claims (figures only) are in tests/data/seed_claims.json."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from checker.extract import extract
from checker.facts import Delta, Fact, Facts, Percent, Quantity, Ratio, Target, Total
from checker.loading import load_path

CLAIMS = json.loads((Path(__file__).parent / "data" / "seed_claims.json").read_text(encoding="utf-8"))


def _v(text: str) -> Decimal:
    integer, _, fraction = text.rstrip("%").replace(".", "").partition(",")
    return Decimal(f"{integer}.{fraction}" if fraction else integer)


def _qv(facts: Facts, fid: int | None) -> Decimal | None:
    fact = facts.get(fid)
    return fact.number.value if isinstance(fact, Quantity) else None


def _whole(facts: Facts, pct: Percent) -> Decimal | None:
    if pct.whole_source == "parts":
        return sum((facts.items[i].value for i in pct.whole_parts), Decimal(0))  # type: ignore[attr-defined]
    return _qv(facts, pct.whole)


def _matches(facts: Facts, fact: Fact, claim: dict[str, Any]) -> bool:
    role = claim["role"]
    if role == "total" and isinstance(fact, Total):
        values = [_qv(facts, i) for i in fact.parts]
        return _qv(facts, fact.total) == _v(claim["value"]) and sorted(
            Decimal(-1) if v is None else v for v in values
        ) == sorted(_v(p) for p in claim["parts"])
    if role == "share" and isinstance(fact, Percent):
        return (
            fact.number.text == claim["value"]
            and _qv(facts, fact.part) == _v(claim["part"])
            and _whole(facts, fact) == _v(claim["whole"])
        )
    if role == "percent" and isinstance(fact, Percent):
        return fact.number.text == claim["value"] and fact.level == claim["level"]
    if role == "rate" and isinstance(fact, Percent):
        ratio = facts.get(fact.part)
        return fact.number.text == claim["value"] and isinstance(ratio, Ratio) and ratio.text.startswith(claim["ratio"])
    if role == "ratio" and isinstance(fact, Ratio):
        return fact.text.startswith(claim["value"])
    if role == "quantity" and isinstance(fact, Quantity):
        return fact.number.text == claim["value"]
    if role == "delta" and isinstance(fact, Delta):
        return fact.amount.text == claim["value"] and _qv(facts, fact.subject) == _v(claim["subject"])
    if role == "target" and isinstance(fact, Target):
        return fact.number.text == claim["value"] and _qv(facts, fact.subject) == _v(claim["subject"])
    return False


def test_seed_claims_are_understood(seed_path: Path) -> None:
    source = load_path(str(seed_path))
    facts = extract(source)
    by_line: dict[int, list[Fact]] = {}
    for fact in facts:
        by_line.setdefault(source.position(fact.span.start).line, []).append(fact)
    missed = []
    used: set[int] = set()
    for claim in CLAIMS["claims"]:
        hit = next(
            (f for f in by_line.get(claim["line"], []) if f.id not in used and _matches(facts, f, claim)),
            None,
        )
        if hit is None:
            missed.append(claim)
        else:
            used.add(hit.id)
    found = len(CLAIMS["claims"]) - len(missed)
    assert len(CLAIMS["claims"]) >= 100
    assert found / len(CLAIMS["claims"]) >= 0.95, (found, len(CLAIMS["claims"]), missed)
