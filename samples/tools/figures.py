"""Number formatting shared by the sample tools: Vietnamese style, exact Decimal arithmetic.

Thousands are grouped with "." and decimals follow ",". Shares are rounded half-up (the
convention of the clean sample report); ``trunc`` gives the truncated form for comparison.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


def dec(x: object) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def group(n: int) -> str:
    """16244 -> "16.244"; numbers below 1000 unchanged."""
    s = str(abs(int(n)))
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return ("-" if n < 0 else "") + ".".join(parts)


def vn(x: object, places: int = 2, mode: str = ROUND_HALF_UP) -> str:
    """A Decimal written with a decimal comma, ``places`` decimals, rounded by ``mode``."""
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    d = dec(x).quantize(q, rounding=mode)
    whole, _, frac = f"{d:f}".partition(".")
    out = group(int(whole)) if whole not in ("-0",) else "0"
    return f"{out},{frac}" if frac else out


def share(part: object, whole: object, places: int = 2) -> str:
    """part/whole in percent, half-up: share(8947, 18560) -> "48,21"."""
    return vn(dec(part) * 100 / dec(whole), places)


def trunc_share(part: object, whole: object, places: int = 2) -> str:
    return vn(dec(part) * 100 / dec(whole), places, ROUND_DOWN)


def change(new: object, old: object, places: int = 2) -> str:
    """Relative change in percent (new/old - 1), half-up."""
    return vn((dec(new) / dec(old) - 1) * 100, places)


def times(new: object, old: object, places: int = 1) -> str:
    return vn(dec(new) / dec(old), places)
