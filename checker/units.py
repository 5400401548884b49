"""Units of count and money: Vietnamese words -> a small pint registry.

The registry is built once, lazily, from ``rules/units.txt``; the Vietnamese words come from
``rules/units.toml``. pint itself is imported only when a unit is first compared or
converted.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import checker.rules as _rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    import pint

RULES_DIR = Path(_rules.__file__).resolve().parent


@lru_cache(maxsize=1)
def words() -> dict[str, str]:
    """Vietnamese unit word (NFC, lower case, single spaces) -> pint unit name."""
    with open(RULES_DIR / "units.toml", "rb") as fh:
        data = tomllib.load(fh)
    return {k: v for k, v in data["words"].items()}


@lru_cache(maxsize=1)
def registry() -> "pint.UnitRegistry":
    import pint

    ureg = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    ureg.load_definitions(str(RULES_DIR / "units.txt"))
    return ureg


def canonical(unit_text: str | None) -> str | None:
    """The pint unit name of a unit as written ("Đồng  chí" -> "person"), or None."""
    if not unit_text:
        return None
    key = re.sub(r"\s+", " ", unit_text.strip().lower())
    return words().get(key)


@lru_cache(maxsize=256)
def dimension(unit: str) -> str:
    """The dimension of a pint unit name, as a string ("[person]", "[currency]")."""
    return str(registry()(unit).dimensionality)


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two figures can be added or compared: same dimension, or one is unitless."""
    if a is None or b is None or a == b:
        return True
    return dimension(a) == dimension(b)


@lru_cache(maxsize=256)
def _factor(unit: str) -> tuple[Decimal, str]:
    ureg = registry()
    quantity = ureg.Quantity(1, unit).to_base_units()
    magnitude = Decimal(str(quantity.magnitude))
    # pint computes in binary floating point: 10^9 may come back as 999999999.9999999
    return magnitude.quantize(Decimal(1)) if magnitude >= 1 else magnitude.normalize(), str(quantity.units)


def to_base(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """Convert a value to the base unit of its dimension (money to đồng)."""
    factor, base = _factor(unit)
    return value * factor, base


def display(unit: str | None) -> str:
    """A short Vietnamese name for a unit, for messages."""
    names = {"person": "người", "dong": "đồng", "class": "lớp", "document": "văn bản"}
    return names.get(unit or "", unit or "")
