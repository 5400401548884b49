"""Every rule's cases, as data: tests/cases/<CODE>.toml holds text that must pass and text
that must fail with the expected codes, stated and expected values. A rule with no passing
and no failing case, or with a doc that lacks its examples, fails the meta-tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from checker.engine import all_rules
from checker.pipeline import check_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        code = path.stem
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in ("pass", "fail"):
            for case in data.get(kind, []):
                out.append((code, kind, case))
    return out


ALL = _load()


@pytest.mark.parametrize(
    ("code", "kind", "case"), ALL, ids=[f"{c}-{k}-{d.get('name', '')}" for c, k, d in ALL]
)
def test_case(code: str, kind: str, case: dict[str, Any]) -> None:
    findings = [f for f in check_text(case["text"], select=[code]) if f.code == code]
    if kind == "pass":
        assert findings == [], [f.finding.message.en for f in findings]
        return
    assert [f.code for f in findings] == case["codes"], [f.finding.message.en for f in findings]
    if "stated" in case:
        assert [f.finding.stated for f in findings] == case["stated"]
    if "expected" in case:
        assert [f.finding.expected for f in findings] == case["expected"]
    if "severity" in case:
        assert {f.severity.value for f in findings} == {case["severity"]}
    if "message_contains" in case:
        assert all(case["message_contains"] in f.finding.message.vi for f in findings)
        assert all(case["message_contains"] in f.finding.message.en for f in findings)
    for f in findings:  # every finding points into the text it was given
        assert 1 <= f.line and 1 <= f.column


RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_passing_and_failing_cases(rule: type) -> None:
    """Every rule has text that must pass and text that must fail: in tests/cases/CODE.toml,
    or (the text rules, run by tests/test_text_rules.py) in tests/cases/*/CODE.yaml."""
    code = rule.code  # type: ignore[attr-defined]
    kinds = {k for c, k, _ in ALL if c == code}
    if not kinds and rule.cases:  # type: ignore[attr-defined]
        module = Path(__file__).parent / rule.cases  # type: ignore[attr-defined]
        assert module.is_file() and code in module.read_text(encoding="utf-8"), rule.cases  # type: ignore[attr-defined]
        return
    if not kinds:
        import yaml

        found = list(CASES.glob(f"*/{code}.yaml"))
        assert found, f"{code} has no case file"
        data = yaml.safe_load(found[0].read_text(encoding="utf-8"))
        kinds = {k for k in ("pass", "fail") if data.get(k)}
    assert kinds == {"pass", "fail"}


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_doc_has_wrong_and_right_examples(rule: type) -> None:
    en = rule.doc("en")  # type: ignore[attr-defined]
    vi = rule.doc("vi")  # type: ignore[attr-defined]
    assert "Wrong:" in en and "Right:" in en, rule
    assert "Sai:" in vi and "Đúng:" in vi, rule
    assert en.splitlines()[0] and vi.splitlines()[0]
