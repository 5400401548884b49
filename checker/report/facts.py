"""What rasoat understood of a document (``rasoat facts``): every fact, where it stands,
its value and how it relates to the others.

Facts are rendered generically from their dataclass fields, so a new kind of fact needs no
change here. A field that holds the id of another fact (a share's part and whole, a total's
parts, a change's subject, a citation's date) is a relation: it is shown as that fact's id,
and ``whole`` is called ``of`` as in the interface. A field can declare itself a relation
with ``field(metadata={"fact": True})``; the names below cover the current kinds.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from rich.table import Table
from rich.text import Text

from checker.facts import Fact, Facts, Number, Span
from checker.report.common import label, where_label
from checker.report.console import captured, make_console
from checker.source import Source

RELATION_FIELDS = frozenset(
    {"part", "whole", "whole_parts", "total", "parts", "subject", "date", "rate"}
)
RENAMED = {"whole": "of"}
# Rendered in the common head of every fact, not again among the kind's own fields.
COMMON = ("id", "span", "text", "sentence", "unit", "label")


def json_number(value: Decimal) -> int | float:
    """A Decimal as a JSON number: an int when whole, else the nearest float (the stated
    digits survive: a float prints the shortest text that reads back as itself)."""
    return int(value) if value == value.to_integral_value() else float(value)


def plain(value: Any) -> Any:
    """A field's value as JSON data."""
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, Number):
        return json_number(value.value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def is_relation(field: dataclasses.Field[Any]) -> bool:
    return bool(field.metadata.get("fact")) or field.name in RELATION_FIELDS


def fact_dict(source: Source, fact: Fact) -> dict[str, Any]:
    start = source.position(fact.span.start)
    end = source.end_position(max(fact.span.end, fact.span.start + 1))
    value = getattr(fact, "value", None)
    out: dict[str, Any] = {
        "kind": fact.kind,
        "id": fact.id,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "where": source.where(fact.span.start),
        "text": fact.text,
        "value": json_number(value) if isinstance(value, Decimal) else plain(value),
        "unit": getattr(fact, "unit", None),
        "label": getattr(fact, "label", None),
        "sentence": fact.sentence,
    }
    for field in dataclasses.fields(fact):
        if field.name in COMMON:
            continue
        raw = getattr(fact, field.name)
        if field.name == "number" and isinstance(raw, Number):
            out["decimals"] = raw.decimals
            out["leading_zero"] = raw.leading_zero
            out["grouped"] = raw.grouped
            continue
        if isinstance(raw, Span):
            continue
        out[RENAMED.get(field.name, field.name)] = plain(raw)
    return out


def facts_dict(source: Source, facts: Facts) -> dict[str, Any]:
    """The facts, and the index of the documents they cite (every mention of each)."""
    from checker.rules.citations.index import citation_index, index_json

    return {
        "path": source.path,
        "facts": [fact_dict(source, f) for f in facts],
        "citations": index_json(source, citation_index(facts)),
    }


def render_json(source: Source, facts: Facts) -> str:
    return json.dumps(facts_dict(source, facts), ensure_ascii=False, indent=2) + "\n"


def _details(fact: Fact, row: dict[str, Any]) -> str:
    """Relations first ("of→#3"), then the kind's other fields that differ from their
    default (a scale of 1 or an empty period says nothing)."""
    relations: list[str] = []
    others: list[str] = []
    for field in dataclasses.fields(fact):
        key = RENAMED.get(field.name, field.name)
        if field.name in COMMON or key not in row:
            continue
        value = row[key]
        if is_relation(field):
            if isinstance(value, list) and value:
                relations.append(f"{key}→" + ",".join(f"#{v}" for v in value))
            elif isinstance(value, int):
                relations.append(f"{key}→#{value}")
        elif value not in (None, "", [], _default(field)):
            others.append(f"{key}={value}")
    for flag in ("decimals", "leading_zero", "grouped"):
        if row.get(flag) and not (flag == "decimals" and row[flag] == 0):
            others.append(f"{flag}={row[flag]}")
    return " ".join(relations + others)


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default is dataclasses.MISSING:
        return None
    return plain(field.default)


def render_text(
    source: Source,
    facts: Facts,
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    console = make_console(color, width)
    console.print(Text(f"{source.path}: {len(facts)} {label('facts', lang)}", style="bold"))
    if len(facts):
        table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), show_lines=False)
        for key in ("#", "line", "kind", "text", "value", "unit", "label", "details"):
            header = "#" if key == "#" else label(key, lang)
            table.add_column(header, overflow="fold", justify="right" if key == "#" else "left")
        for fact in facts:
            row = fact_dict(source, fact)
            where = "" if row["where"] == "body" else f" ({where_label(row['where'], lang)})"
            table.add_row(
                str(row["id"]),
                f"{row['line']}:{row['column']}{where}",
                row["kind"],
                row["text"],
                "" if row["value"] is None else str(row["value"]),
                row["unit"] or "",
                row["label"] or "",
                _details(fact, row),
            )
        console.print(table)
    return captured(console)


def render(
    source: Source,
    facts: Facts,
    fmt: str = "text",
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    if fmt == "json":
        return render_json(source, facts)
    if fmt == "text":
        return render_text(source, facts, lang=lang, color=color, width=width)
    raise ValueError(f"unknown facts format {fmt!r} (choose from text, json)")
