"""The rule catalogue (``rasoat rules``) and one rule's documentation (``rasoat explain``)."""

from __future__ import annotations

import json
from typing import Any, Sequence

from rich.table import Table
from rich.text import Text

from checker.engine import Rule
from checker.report.common import category_label, label, severity_label
from checker.report.console import captured, make_console


class UnknownRuleError(LookupError):
    """A code (or name) that no rule has; the message is one line."""


def summary(rule: type[Rule], lang: str) -> str:
    doc = rule.doc(lang)
    return doc.splitlines()[0] if doc else ""


def rule_dict(rule: type[Rule], lang: str = "vi") -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity.value,
        "summary": summary(rule, lang),
    }


def render_json(rules: Sequence[type[Rule]], lang: str = "vi") -> str:
    return json.dumps([rule_dict(r, lang) for r in rules], ensure_ascii=False, indent=2) + "\n"


def render_text(
    rules: Sequence[type[Rule]],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    console = make_console(color, width)
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0))
    for key in ("code", "category", "severity", "name"):
        table.add_column(label(key, lang), overflow="fold")
    table.add_column(label("description", lang), overflow="fold")
    for rule in rules:
        table.add_row(
            Text(rule.code, style="bold"),
            category_label(rule.category, lang),
            severity_label(rule.severity, lang),
            rule.name,
            summary(rule, lang),
        )
    console.print(table)
    console.print(Text(f"{len(rules)} {label('rules', lang)}"))
    return captured(console)


def render(
    rules: Sequence[type[Rule]],
    fmt: str = "text",
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    if fmt == "json":
        return render_json(rules, lang)
    if fmt == "text":
        return render_text(rules, lang=lang, color=color, width=width)
    raise ValueError(f"unknown rules format {fmt!r} (choose from text, json)")


def find(code: str, rules: Sequence[type[Rule]]) -> type[Rule]:
    """The rule with this code (any case) or dotted name."""
    wanted = code.strip()
    for rule in rules:
        if rule.code == wanted.upper() or rule.name == wanted.lower():
            return rule
    raise UnknownRuleError(f"unknown rule {code!r} (see `rasoat rules`)")


def explain(code: str, rules: Sequence[type[Rule]], lang: str = "vi") -> str:
    """The rule's heading line and its documentation, as plain text."""
    rule = find(code, rules)
    head = (
        f"{rule.code} {rule.name} ({category_label(rule.category, lang)}, "
        f"{severity_label(rule.severity, lang)})"
    )
    return f"{head}\n\n{rule.doc(lang)}\n"
