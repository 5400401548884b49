"""The form rules' data: one rule set per document style (nd30-2020.toml for State documents,
hd36-vptw.toml for Party documents), the issuer abbreviations (issuers.toml) and the names
whose capitals are prescribed (names.toml).

The files are read once and checked strictly: an unknown key, a size that is not a pair or
an alignment Word does not have is a ``FormDataError`` naming the file and the key, so a
mistyped replacement file fails loudly instead of silently checking nothing. A newer guide
replaces a file; nothing in the code carries a prescribed value.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
STATE = "state"
PARTY = "party"
STYLE_FILES = {STATE: "nd30-2020.toml", PARTY: "hd36-vptw.toml"}
ALIGNMENTS = ("left", "center", "right", "both")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


class FormDataError(ValueError):
    """A rule-set file that cannot be used; the message is one line naming the entry."""


@dataclass(frozen=True)
class Component:
    """How one component is laid out: a size range in points, weight, slant, alignment;
    None where the guide prescribes nothing (or nothing verified)."""

    name: str
    source: str
    size: tuple[float, float] | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: str | None = None


@dataclass(frozen=True)
class DocType:
    word: str  # "báo cáo"
    letters: tuple[str, ...]  # the first is the one to suggest; () for a State công văn
    named: bool = True  # whether the heading carries the type name ("BÁO CÁO")
    components: Mapping[str, Component] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    source: str
    width_mm: float
    height_mm: float
    top_mm: tuple[float, float]
    bottom_mm: tuple[float, float]
    left_mm: tuple[float, float]
    right_mm: tuple[float, float]


@dataclass(frozen=True)
class RuleSet:
    """Everything one guide prescribes, with the article each value comes from."""

    id: str
    name: str
    name_en: str
    marker: str
    page: Page
    font_source: str
    font_families: tuple[str, ...]
    heading_source: str
    issuer_source: str
    columns_source: str
    national: str
    motto: str
    party_title: str
    star: bool
    number_source: str
    number_colon: bool
    number_zero_below_ten: bool
    code_style: str
    date_source: str
    type_source: str
    recipients_source: str
    recipients_label: str
    archive_colon: bool
    archive_office: str
    signing_source: str
    signing_prefixes: tuple[str, ...]
    signing_first: tuple[str, ...]
    components: Mapping[str, Component]
    types: Mapping[str, DocType]

    def component(self, name: str, doc_type: str | None = None) -> Component | None:
        """A component's layout, the type's own when it overrides the style's."""
        if doc_type is not None and doc_type in self.types:
            own = self.types[doc_type].components.get(name)
            if own is not None:
                return own
        return self.components.get(name)

    def types_of_letters(self, letters: str) -> tuple[str, ...]:
        want = letters.casefold()
        return tuple(
            t.word for t in self.types.values() if want in {x.casefold() for x in t.letters}
        )

    def letters_of(self, doc_type: str) -> tuple[str, ...]:
        t = self.types.get(doc_type)
        return t.letters if t is not None else ()

    def named(self, doc_type: str | None) -> bool:
        t = self.types.get(doc_type or "")
        return t.named if t is not None else True


def fold(text: str) -> str:
    """Text for matching names: lower case, tone marks dropped (so "Tỉnh uỷ" and "Tỉnh ủy"
    match), spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if ch not in _TONES)
    return " ".join(unicodedata.normalize("NFC", kept).casefold().split())


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------


@cache
def rule_set(style: str) -> RuleSet:
    """The rule set of a style ("state" or "party")."""
    if style not in STYLE_FILES:
        raise FormDataError(f"no rule set for the style {style!r}")
    name = STYLE_FILES[style]
    return _rule_set(_read(name), name)


@lru_cache(maxsize=1)
def issuers() -> Mapping[str, tuple[str, ...]]:
    """Issuer abbreviation -> the names of that body."""
    data = _read("issuers.toml")
    _keys(data, {"issuers"}, "issuers.toml")
    table = data.get("issuers")
    if not isinstance(table, Mapping):
        raise FormDataError("issuers.toml: [issuers] must be a table")
    out = {str(k): _strings(v, f"issuers.toml: issuers.{k}") for k, v in table.items()}
    return MappingProxyType(out)


@lru_cache(maxsize=1)
def names() -> tuple[str, tuple[str, ...]]:
    """(source, names) of names.toml."""
    data = _read("names.toml")
    _keys(data, {"source", "names", "abbreviation_source"}, "names.toml")
    return _str(data, "source", "names.toml"), _strings(data.get("names"), "names.toml: names")


@lru_cache(maxsize=1)
def abbreviation_source() -> str:
    """The article that asks for an abbreviation to be spelt out at its first use."""
    return _str(_read("names.toml"), "abbreviation_source", "names.toml")


def issuers_named(name: str) -> frozenset[str]:
    """The abbreviations whose longest matching name begins ``name``: "Ban Tổ chức Tỉnh
    ủy" -> {BTCTU}, not TU; a name that is itself an abbreviation ("UBND tỉnh") -> it."""
    folded = fold(name)
    best = 0
    found: set[str] = set()
    for abbr, names_ in issuers().items():
        for n in names_:
            f = fold(n)
            if folded == f or folded.startswith(f + " "):
                if len(f) > best:
                    best, found = len(f), {abbr}
                elif len(f) == best:
                    found.add(abbr)
    if not found and folded:
        first = folded.split()[0]
        found = {abbr for abbr in issuers() if fold(abbr) == first}
    return frozenset(found)


def issuer_abbreviation(segment: str) -> str | None:
    """The table's abbreviation a code segment is ("QH15" -> "QH"), if any."""
    bare = segment.rstrip("0123456789")
    for abbr in issuers():
        if abbr.casefold() == bare.casefold():
            return abbr
    return None


def _read(name: str) -> dict[str, Any]:
    try:
        with (HERE / name).open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FormDataError(f"{name}: {exc}") from None


_TOP = {
    "id", "name", "name_en", "marker", "page", "font", "heading", "number", "date",
    "type_name", "recipients", "signing", "components", "types",
}  # fmt: skip
_COMPONENT_KEYS = {"source", "size", "bold", "italic", "align"}
_COMPONENTS = {
    "national", "motto", "party_title", "parent", "issuer", "number", "date", "type_name",
    "subject", "body", "recipients_label", "recipients", "signing",
}  # fmt: skip


def _rule_set(data: dict[str, Any], where: str) -> RuleSet:
    _keys(data, _TOP, where)
    page = _table(data, "page", where)
    _keys(
        page,
        {"source", "width_mm", "height_mm", "top_mm", "bottom_mm", "left_mm", "right_mm"},
        f"{where}: page",
    )
    font = _table(data, "font", where)
    _keys(font, {"source", "families"}, f"{where}: font")
    heading = _table(data, "heading", where)
    _keys(
        heading,
        {"source", "national", "motto", "party_title", "star", "issuer_source", "columns_source"},
        f"{where}: heading",
    )
    number = _table(data, "number", where)
    _keys(number, {"source", "colon", "zero_below_ten", "code"}, f"{where}: number")
    date = _table(data, "date", where)
    _keys(date, {"source"}, f"{where}: date")
    type_name = _table(data, "type_name", where)
    _keys(type_name, {"source"}, f"{where}: type_name")
    recipients = _table(data, "recipients", where)
    _keys(
        recipients, {"source", "label", "archive_colon", "archive_office"}, f"{where}: recipients"
    )
    signing = _table(data, "signing", where)
    _keys(signing, {"source", "prefixes", "first"}, f"{where}: signing")
    code_style = _str(number, "code", f"{where}: number")
    if code_style not in (STATE, PARTY):
        raise FormDataError(f"{where}: number.code must be 'state' or 'party'")
    style_id = _str(data, "id", where)
    if style_id not in STYLE_FILES:
        raise FormDataError(f"{where}: id must be one of {', '.join(STYLE_FILES)}")
    return RuleSet(
        id=style_id,
        name=_str(data, "name", where),
        name_en=_str(data, "name_en", where),
        marker=_str(data, "marker", where),
        page=Page(
            source=_str(page, "source", f"{where}: page"),
            width_mm=_num(page, "width_mm", f"{where}: page"),
            height_mm=_num(page, "height_mm", f"{where}: page"),
            top_mm=_pair(page.get("top_mm"), f"{where}: page.top_mm"),
            bottom_mm=_pair(page.get("bottom_mm"), f"{where}: page.bottom_mm"),
            left_mm=_pair(page.get("left_mm"), f"{where}: page.left_mm"),
            right_mm=_pair(page.get("right_mm"), f"{where}: page.right_mm"),
        ),
        font_source=_str(font, "source", f"{where}: font"),
        font_families=_strings(font.get("families"), f"{where}: font.families"),
        heading_source=_str(heading, "source", f"{where}: heading"),
        issuer_source=_str(heading, "issuer_source", f"{where}: heading"),
        columns_source=_str(heading, "columns_source", f"{where}: heading"),
        national=str(heading.get("national", "")),
        motto=str(heading.get("motto", "")),
        party_title=str(heading.get("party_title", "")),
        star=bool(heading.get("star", False)),
        number_source=_str(number, "source", f"{where}: number"),
        number_colon=_bool(number, "colon", f"{where}: number"),
        number_zero_below_ten=_bool(number, "zero_below_ten", f"{where}: number"),
        code_style=code_style,
        date_source=_str(date, "source", f"{where}: date"),
        type_source=_str(type_name, "source", f"{where}: type_name"),
        recipients_source=_str(recipients, "source", f"{where}: recipients"),
        recipients_label=_str(recipients, "label", f"{where}: recipients"),
        archive_colon=_bool(recipients, "archive_colon", f"{where}: recipients"),
        archive_office=str(recipients.get("archive_office", "")),
        signing_source=_str(signing, "source", f"{where}: signing"),
        signing_prefixes=_strings(signing.get("prefixes"), f"{where}: signing.prefixes"),
        signing_first=_strings(signing.get("first"), f"{where}: signing.first"),
        components=MappingProxyType(
            _components(data.get("components", {}), f"{where}: components")
        ),
        types=MappingProxyType(_types(data.get("types", {}), where)),
    )


def _components(data: Any, where: str) -> dict[str, Component]:
    if not isinstance(data, Mapping):
        raise FormDataError(f"{where} must be a table")
    out: dict[str, Component] = {}
    for name, spec in data.items():
        if name not in _COMPONENTS:
            raise FormDataError(f"{where}: unknown component {name!r}")
        if not isinstance(spec, Mapping):
            raise FormDataError(f"{where}.{name} must be a table")
        _keys(spec, _COMPONENT_KEYS, f"{where}.{name}")
        align = spec.get("align")
        if align is not None and align not in ALIGNMENTS:
            raise FormDataError(f"{where}.{name}.align must be one of {', '.join(ALIGNMENTS)}")
        out[name] = Component(
            name=name,
            source=_str(spec, "source", f"{where}.{name}"),
            size=_pair(spec["size"], f"{where}.{name}.size") if "size" in spec else None,
            bold=_opt_bool(spec, "bold", f"{where}.{name}"),
            italic=_opt_bool(spec, "italic", f"{where}.{name}"),
            align=align,
        )
    return out


def _types(data: Any, where: str) -> dict[str, DocType]:
    if not isinstance(data, Mapping):
        raise FormDataError(f"{where}: types must be a table")
    out: dict[str, DocType] = {}
    for word, spec in data.items():
        at = f"{where}: types.{word}"
        if not isinstance(spec, Mapping):
            raise FormDataError(f"{at} must be a table")
        _keys(spec, {"letters", "named", "components"}, at)
        out[str(word)] = DocType(
            word=str(word),
            letters=_strings(spec.get("letters", []), f"{at}.letters"),
            named=bool(spec.get("named", True)),
            components=MappingProxyType(
                _components(spec.get("components", {}), f"{at}.components")
            ),
        )
    return out


def _keys(data: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise FormDataError(f"{where}: unknown key {unknown[0]!r}")


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise FormDataError(f"{where}: [{key}] is missing or not a table")
    return value


def _str(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise FormDataError(f"{where}: {key} must be a non-empty string")
    return value


def _bool(data: Mapping[str, Any], key: str, where: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise FormDataError(f"{where}: {key} must be true or false")
    return value


def _opt_bool(data: Mapping[str, Any], key: str, where: str) -> bool | None:
    return _bool(data, key, where) if key in data else None


def _num(data: Mapping[str, Any], key: str, where: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FormDataError(f"{where}: {key} must be a number")
    return float(value)


def _pair(value: Any, where: str) -> tuple[float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        or value[0] > value[1]
    ):
        raise FormDataError(f"{where} must be [low, high]")
    return float(value[0]), float(value[1])


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormDataError(f"{where} must be a list of strings")
    return tuple(value)
