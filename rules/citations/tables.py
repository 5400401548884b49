"""The citation rules' data: type letters per style and issuer abbreviations.

The defaults live beside this module (type_letters.toml, issuers.toml) and are read once.
A configuration may extend them: ``load_tables(extra)`` takes a mapping shaped like the
files ({"party": {"chỉ thị": ["CT"]}, "state": {...}, "state-without-letters": {"types":
[...], "issuers": [...]} or just the list of types, "issuers": {"SNV": ["Sở Nội vụ"]}});
an entry replaces the default entry of the same key, and the lists are added to. Rules get
the tables of their document with ``tables_for(settings)``, which reads the option
``citations``: the ``[citations]`` table of rasoat.toml, as checker/config.py passes it.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from checker.engine import Settings
from checker.extract.citations import PARTY, STATE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
KEYS = ("party", "state", "state-without-letters", "issuers")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


class TablesError(ValueError):
    """Citation tables that cannot be used; the message is one line naming the entry."""


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Text for matching names: lower case, tone marks dropped (so "Tỉnh uỷ" and "Tỉnh ủy"
    match), spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if ch not in _TONES)
    return " ".join(unicodedata.normalize("NFC", kept).casefold().split())


def fold_letters(letters: str) -> str:
    """Type letters compared without case: "QĐI" is "QĐi"."""
    return letters.casefold()


@dataclass(frozen=True)
class Tables:
    """Type letters per style (type word -> accepted letters, the first preferred), the
    State types without letters, and issuer abbreviations (abbreviation -> names)."""

    letters: Mapping[str, Mapping[str, tuple[str, ...]]]  # style -> type word -> letters
    without_letters: frozenset[str]  # State types whose codes carry no type letters
    issuers: Mapping[str, tuple[str, ...]]
    issuers_without_letters: frozenset[str] = frozenset()  # QH, UBTVQH
    # derived at load time: (folded name, abbreviation), longest names first
    names: tuple[tuple[str, str], ...] = ()

    def accepted(self, doc_type: str, style: str) -> tuple[str, ...] | None:
        """The letters a type word takes in a style; the other style's when this one does
        not know the type (a Thông tri cited in State style); None for an unknown type."""
        own = self.letters[style].get(doc_type)
        if own is not None:
            return own
        other = STATE if style == PARTY else PARTY
        return self.letters[other].get(doc_type)

    def types_of(self, letters: str) -> tuple[str, ...]:
        """The type words whose letters these are, in either style ("KH" -> kế hoạch)."""
        want = fold_letters(letters)
        found: list[str] = []
        for style in (PARTY, STATE):
            for doc_type, accepted in self.letters[style].items():
                if want in {fold_letters(a) for a in accepted} and doc_type not in found:
                    found.append(doc_type)
        return tuple(found)

    def is_type_letters(self, letters: str) -> bool:
        return bool(self.types_of(letters))

    def issuer_of(self, segment: str) -> str | None:
        """The issuer abbreviation a code segment is ("QH12" -> "QH"), if known."""
        bare = segment.rstrip("0123456789")
        for abbr in self.issuers:
            if fold_letters(abbr) == fold_letters(bare):
                return abbr
        return None

    def abbreviations_named(self, issuer: str) -> frozenset[str]:
        """The abbreviations whose longest matching name begins the named issuer:
        "Ban Tổ chức Tỉnh ủy" -> {BTCTU}, not TU."""
        folded = fold(issuer)
        found: set[str] = set()
        best = 0
        for name, abbr in self.names:  # longest first: stop below the first match's length
            if len(name) < best:
                break
            if folded == name or folded.startswith(name + " "):
                best = len(name)
                found.add(abbr)
        if not found and folded:  # the abbreviation itself: "UBND tỉnh", "HĐND tỉnh"
            first = folded.split()[0]
            found = {abbr for abbr in self.issuers if fold(abbr) == first}
        return frozenset(found)


def _read(name: str) -> dict[str, Any]:
    with (HERE / name).open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)
    return data


def _letters_table(data: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, Mapping):
        raise TablesError(f"{where}: expected a table of type words")
    out: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        out[_type_word(key, where)] = _strings(value, f"{where}.{key}")
    return out


def _type_word(key: object, where: str) -> str:
    if not isinstance(key, str) or not key.strip():
        raise TablesError(f"{where}: {key!r} is not a type word")
    return " ".join(unicodedata.normalize("NFC", key).lower().split())


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise TablesError(f"{where}: expected a list of non-empty strings")
    return tuple(unicodedata.normalize("NFC", v.strip()) for v in value)


def load_tables(extra: Mapping[str, Any] | None = None) -> Tables:
    """The default tables, with ``extra`` (from the configuration) on top."""
    letters = _read("type_letters.toml")
    bare = letters["state-without-letters"]
    party = _letters_table(letters["party"], "party")
    state = _letters_table(letters["state"], "state")
    without = {_type_word(t, "state-without-letters.types") for t in bare["types"]}
    bare_issuers = set(_strings(bare["issuers"], "state-without-letters.issuers"))
    names = {str(k): _strings(v, f"issuers.{k}") for k, v in _read("issuers.toml")["issuers"].items()}
    if extra:
        _extend(extra, party, state, without, bare_issuers, names)
    return Tables(
        letters=MappingProxyType({PARTY: MappingProxyType(party), STATE: MappingProxyType(state)}),
        without_letters=frozenset(without),
        issuers=MappingProxyType(names),
        issuers_without_letters=frozenset(bare_issuers),
        names=tuple(
            sorted(
                ((fold(n), abbr) for abbr, ns in names.items() for n in ns),
                key=lambda item: -len(item[0]),
            )
        ),
    )


def _extend(
    extra: Mapping[str, Any],
    party: dict[str, tuple[str, ...]],
    state: dict[str, tuple[str, ...]],
    without: set[str],
    bare_issuers: set[str],
    names: dict[str, tuple[str, ...]],
) -> None:
    """Put the configuration's entries over the defaults (validated, one-line errors)."""
    unknown = sorted(set(extra) - set(KEYS))
    if unknown:
        raise TablesError(
            f"unknown key {unknown[0]!r} in the citation tables (expected {', '.join(KEYS)})"
        )
    party.update(_letters_table(extra.get("party", {}), "party"))
    state.update(_letters_table(extra.get("state", {}), "state"))
    bare = extra.get("state-without-letters", {})
    if isinstance(bare, (str, list, tuple)):  # a list of type words (the configuration's form)
        bare = {"types": bare}
    if not isinstance(bare, Mapping) or set(bare) - {"types", "issuers"}:
        raise TablesError("state-without-letters: expected a list of type words or a table with types and issuers")
    if "types" in bare:
        where = "state-without-letters.types"
        without.update(_type_word(t, where) for t in _strings(bare["types"], where))
    if "issuers" in bare:
        bare_issuers.update(_strings(bare["issuers"], "state-without-letters.issuers"))
    more = extra.get("issuers", {})
    if not isinstance(more, Mapping):
        raise TablesError("issuers: expected a table of abbreviations")
    names.update({str(k): _strings(v, f"issuers.{k}") for k, v in more.items()})


@lru_cache(maxsize=1)
def default_tables() -> Tables:
    return load_tables()


def tables_for(settings: Settings) -> Tables:
    """The tables for a document: the defaults, extended by the ``citations`` option."""
    extra = settings.option("citations")
    if extra is None:
        return default_tables()
    if not isinstance(extra, Mapping):
        raise TablesError("citations: expected a table")
    if isinstance(extra, Hashable):  # the configuration's FrozenTable: build once per run
        return _configured(extra)
    return load_tables(extra)


@lru_cache(maxsize=8)
def _configured(extra: Mapping[str, Any]) -> Tables:
    return load_tables(extra)


def split_letters(run: str, tables: Tables) -> tuple[str, str] | None:
    """Split a run that lost its slash into type letters and issuer: "KLTW" -> ("KL",
    "TW"); None unless exactly one split gives known letters and a known issuer."""
    splits = [
        (run[:i], run[i:])
        for i in range(1, len(run))
        if tables.is_type_letters(run[:i]) and tables.issuer_of(run[i:]) is not None
    ]
    return splits[0] if len(splits) == 1 else None


def capital(word: str) -> str:
    """A type word as a citation writes it: "kế hoạch" -> "Kế hoạch"."""
    return word[:1].upper() + word[1:]


def join(words: Iterable[str], conjunction: str) -> str:
    """"KH", "KH hoặc QĐ", "KH, QĐ or CT"."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
