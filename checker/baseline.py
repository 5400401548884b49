"""An earlier report for ``--baseline``: the previous term's or period's report, whose figures
the stated differences of the current one are checked against.

It is given either as a draft (.txt, .md, .docx: loaded and read like any input) or as the
JSON of ``rasoat facts --format json`` (the facts of an earlier run, see
docs/interface: "JSON facts"). Either way the result is a ``BaselineFacts``: the facts, plus
where each stands (its line, for messages) and, for a draft, the source (so the rules can
read the words around a figure, as they do in the current report).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from checker import facts as facts_module
from checker.extract import extract
from checker.facts import Fact, Facts, Number, Sentence, Span
from checker.findings import Message
from checker.loading import InputError, load_path
from checker.numbers import to_number
from checker.source import Source

JSON_SUFFIXES = (".json",)
_NUMBER_FIELDS = frozenset({"number", "amount", "numerator", "denominator"})
_RENAMED = {"of": "whole"}  # JSON name -> field name (the interface calls a share's whole "of")
_NUM = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.]\d)|\d+(?:,\d+)?")


@dataclass(frozen=True)
class BaselineFacts(Facts):
    """The facts of an earlier report, with where each stands."""

    path: str = ""
    source: Source | None = None  # None when read from JSON facts
    lines: tuple[int, ...] = ()  # line of each fact, by id
    wheres: tuple[str, ...] = ()  # "body", "footnote 3" ... of each fact, by id

    def line(self, fact_id: int) -> int | None:
        return self.lines[fact_id] if 0 <= fact_id < len(self.lines) else None

    def place(self, fact_id: int, lang: str = "vi") -> str:
        """ "dòng 12 của báo cáo trước (chú thích 3)" or "line 12 of the earlier report"."""
        line = self.line(fact_id)
        name = os.path.basename(self.path) if self.path else ""
        if lang == "en":
            text = f"line {line} of the earlier report" if line else "the earlier report"
            return f"{text} {name}".rstrip() if name else text
        text = f"dòng {line} của báo cáo trước" if line else "báo cáo trước"
        return f"{text} {name}".rstrip() if name else text


def load_baseline(path: str) -> BaselineFacts:
    """The facts of an earlier report, from a draft or from ``rasoat facts`` JSON.

    Anything that cannot be read is an ``InputError`` with a one-line message.
    """
    if path.lower().endswith(JSON_SUFFIXES):
        return _from_json_file(path)
    source = load_path(path)
    if source.kind == "txt" and source.text.lstrip().startswith(("{", "[")):
        return from_json_text(source.text, path)
    return from_source(source)


def from_source(source: Source) -> BaselineFacts:
    """Read a loaded draft as a baseline."""
    found = extract(source)
    lines = tuple(source.position(f.span.start).line for f in found.items)
    wheres = tuple(source.where(f.span.start) for f in found.items)
    return BaselineFacts(found.items, found.sentences, source.path, source, lines, wheres)


def _from_json_file(path: str) -> BaselineFacts:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise InputError(
            path,
            Message(vi=f"không đọc được tệp ({exc.strerror})", en=f"cannot read ({exc.strerror})"),
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _bad(path, "không phải UTF-8", "not UTF-8") from None
    return from_json_text(text, path)


def from_json_text(text: str, path: str = "<json>") -> BaselineFacts:
    """Read the JSON of ``rasoat facts --format json`` (one document, or a list of them:
    the first is taken)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(path, f"JSON lỗi ở dòng {exc.lineno}", f"invalid JSON at line {exc.lineno}") from None
    if isinstance(data, list) and data and isinstance(data[0], dict) and "facts" in data[0]:
        data = data[0]
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise _bad(
            path,
            'không phải JSON của "rasoat facts" (thiếu "facts")',
            'not the JSON of "rasoat facts" (no "facts" list)',
        )
    rows = data["facts"]
    items: list[Fact] = []
    lines: list[int] = []
    wheres: list[str] = []
    for position, row in enumerate(rows):
        if not isinstance(row, dict) or row.get("id", position) != position:
            raise _bad(
                path,
                f"sự kiện thứ {position + 1} không hợp lệ (thiếu kind hoặc id không liên tiếp)",
                f"fact {position + 1} is invalid (no kind, or ids not consecutive)",
            )
        try:
            items.append(_fact(row, position))
        except (TypeError, ValueError, InvalidOperation, KeyError) as exc:
            raise _bad(
                path,
                f"sự kiện thứ {position + 1} không đọc được ({exc})",
                f"fact {position + 1} cannot be read ({exc})",
            ) from None
        lines.append(int(row.get("line") or 0))
        wheres.append(str(row.get("where") or "body"))
    sentences = tuple(
        Sentence(i, Span(0, 0), True) for i in sorted({f.sentence for f in items})
    )
    return BaselineFacts(
        tuple(items), sentences, str(data.get("path") or path), None, tuple(lines), tuple(wheres)
    )


def _bad(path: str, vi: str, en: str) -> InputError:
    return InputError(path, Message(vi=f"báo cáo đối chiếu: {vi}", en=f"baseline: {en}"))


def _classes() -> dict[str, type[Fact]]:
    """Fact kind (as the JSON names it) -> class; "part" is a quantity listed as a part."""
    out: dict[str, type[Fact]] = {}
    for obj in vars(facts_module).values():
        if isinstance(obj, type) and issubclass(obj, Fact) and obj is not Fact:
            kind = obj.__dict__.get("kind")
            # a kind that depends on the fact (a quantity is "part" when listed as one) is a
            # property: the class is then named after its kind
            out[kind if isinstance(kind, str) else obj.__name__.lower()] = obj
    if "quantity" in out:
        out.setdefault("part", out["quantity"])
    return out


def _fact(row: dict[str, Any], position: int) -> Fact:
    kind = row.get("kind")
    if not isinstance(kind, str):
        raise TypeError("no kind")
    cls = _classes().get(kind, Fact)
    text = str(row.get("text") or "")
    values: dict[str, Any] = {
        "id": position,
        "span": Span(0, 0),
        "text": text,
        "sentence": int(row.get("sentence") or 0),
    }
    fields = {f.name: f for f in dataclasses.fields(cls)}
    numeric = {n for n, f in fields.items() if _is_number(f)}
    for key, value in row.items():
        name = _RENAMED.get(key, key)
        if name in values or name not in fields:
            continue
        values[name] = _value(name, value, row, text, name in numeric)
    if "number" in numeric and "number" not in values:
        values["number"] = _number(row.get("value"), row, text, scale=row.get("scale"))
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if f.name not in values and required:
            raise KeyError(f.name)
    return cls(**values)


def _is_number(f: dataclasses.Field[Any]) -> bool:
    """Whether a field holds a stated Number (annotations are strings here)."""
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "")
    return f.name in _NUMBER_FIELDS and kind.split("|")[0].strip() == "Number"


def _value(name: str, value: Any, row: dict[str, Any], text: str, numeric: bool) -> Any:
    if numeric:
        if name == "number":
            return _number(row.get("value"), row, text, scale=row.get("scale"))
        return _number(value, {}, _piece(name, text), scale=None)
    if name == "scale":
        return Decimal(str(value))
    if isinstance(value, list):
        return tuple(value)
    return value


def _piece(name: str, text: str) -> str:
    """The part of a fact's text where a number stands: "32.457/32.960" -> each side."""
    if name in ("numerator", "denominator") and "/" in text:
        left, _, right = text.partition("/")
        return left if name == "numerator" else right
    return text


def _number(value: Any, row: dict[str, Any], text: str, scale: Any) -> Number:
    """A Number from the JSON value and the fact's text (which keeps the stated digits:
    decimals, a leading zero, the thousands dot); the row's own flags win when given."""
    match = _NUM.search(text)
    read = to_number(match.group(0)) if match is not None else None
    if value is None:  # a kind without a value property (an achievement): read the text
        if read is None:
            raise ValueError("no value")
        value, scale = read.value, None
    amount = Decimal(str(value))
    if scale not in (None, 1):
        amount = amount / Decimal(str(scale))
    stated = str(value)
    if match is not None:
        stated = match.group(0)
        rest = text[match.end() :]
        if rest.lstrip(" \u00a0").startswith("%"):
            stated = text[match.start() : match.end() + rest.index("%") + 1]
    decimals = int(row.get("decimals", read.decimals if read else 0))
    quantum = Decimal(1).scaleb(-decimals)
    return Number(
        value=amount.quantize(quantum) if decimals else amount.to_integral_value(),
        decimals=decimals,
        text=stated,
        leading_zero=bool(row.get("leading_zero", read.leading_zero if read else False)),
        grouped=bool(row.get("grouped", read.grouped if read else False)),
    )
