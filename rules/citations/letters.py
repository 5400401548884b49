"""Reading a code with the tables: its type letters and its issuer abbreviation."""

from __future__ import annotations

from checker.extract.citations import NO_SLASH, PARTY, CodeParts
from checker.rules.citations.tables import Tables, split_letters


def type_letters(parts: CodeParts, tables: Tables) -> str | None:
    """The type letters of a code: "NQ" in 26-NQ/TW and 22/2022/NQ-HĐND, "KL" in the
    slashless 28-KLTW; None when the code has none (1845/UBND-VX) or they cannot be told
    from the issuer."""
    if parts.style == PARTY:
        if parts.defect == NO_SLASH:
            split = split_letters(parts.head, tables)
            return split[0] if split else None
        return parts.head
    return parts.head if tables.is_type_letters(parts.head) else None


def issuer_segment(parts: CodeParts, tables: Tables) -> str | None:
    """The segment of a code that names its issuer: "TW" in 26-NQ/TW, "HĐND" in
    22/2022/NQ-HĐND, "UBND" in 1845/UBND-VX, "TW" in the slashless 28-KLTW."""
    if parts.style == PARTY:
        if parts.defect == NO_SLASH:
            split = split_letters(parts.head, tables)
            return split[1] if split else None
        return parts.tail[0] if parts.tail else None
    if tables.is_type_letters(parts.head):
        return parts.tail[0] if parts.tail else None
    return parts.head
