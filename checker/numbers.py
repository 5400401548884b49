"""Vietnamese numbers: "." groups thousands, "," marks decimals.

``parse`` runs the number grammar (grammars/numbers.lark) on a whole string, for one of its
start symbols; ``to_number`` turns the text of a NUM token that the statement grammar has
already delimited into a ``Number``; ``format_vn`` writes a Decimal back the Vietnamese way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Literal

from lark import Token, Tree
from lark.exceptions import LarkError

from checker.facts import Number
from checker.grammar import parser

Start = Literal["number", "percent", "ratio", "year_span", "date", "money"]


class NumberError(ValueError):
    """The text is not a number of the requested kind."""


def to_number(text: str) -> Number:
    """The value and stated precision of a NUM token ("16.244", "49,29", "05")."""
    digits = text.strip().rstrip("%").strip()
    grouped = "." in digits
    integer, _, fraction = digits.replace(".", "").partition(",")
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    return Number(
        value=value,
        decimals=len(fraction),
        text=text,
        leading_zero=len(integer) > 1 and integer.startswith("0"),
        grouped=grouped,
    )


@dataclass(frozen=True)
class Parsed:
    """The result of parsing a whole string with the number grammar."""

    kind: str
    numbers: tuple[Number, ...]
    extra: tuple[str, ...] = ()  # scale and currency words of "money"


def parse(text: str, start: Start = "number") -> Parsed:
    """Parse a whole string as one construction of grammars/numbers.lark."""
    try:
        tree = parser("numbers", start).parse(text)
    except LarkError as exc:
        raise NumberError(f"not a {start}: {text!r}") from exc
    return _read(tree)


def _read(tree: Tree[Token]) -> Parsed:
    numbers: list[Number] = []
    extra: list[str] = []
    for tok in tree.scan_values(lambda v: isinstance(v, Token)):
        if tok.type in ("NUM", "PERCENT"):
            numbers.append(to_number(str(tok)))
        elif tok.type == "RATIO":
            a, b = str(tok).split("/")
            numbers.extend((to_number(a), to_number(b)))
        elif tok.type == "YEAR_SPAN":
            a, b = (p.strip() for p in str(tok).replace("–", "-").split("-"))
            numbers.extend((to_number(a), to_number(b)))
        elif tok.type == "DATE_NUM":
            numbers.extend(to_number(p) for p in str(tok).split("/"))
        else:
            extra.append(str(tok))
    return Parsed(str(tree.data), tuple(numbers), tuple(extra))


def format_vn(value: Decimal, decimals: int, grouped: bool = True) -> str:
    """Write a Decimal with ``decimals`` places, "." between thousands and "," for decimals.

    The value is rounded half-up to the places; ``format_vn(Decimal("1.62"), 2)`` is "1,62".
    """
    q = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(q, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):f}"
    integer, _, fraction = text.partition(".")
    if grouped and len(integer) > 3:
        head = len(integer) % 3 or 3
        parts = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
        integer = ".".join(parts)
    return sign + integer + ("," + fraction if fraction else "")


def format_number(number: Number) -> str:
    """Write a Number as it was stated (its own precision and grouping)."""
    return format_vn(number.value, number.decimals, grouped=number.grouped)


ROUNDINGS = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "truncate": ROUND_DOWN}


def rounded(value: Decimal, decimals: int, convention: str) -> Decimal:
    """``value`` written with ``decimals`` places under a rounding convention."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUNDINGS[convention])
