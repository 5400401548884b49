"""The word data the text rules read: dictionary pairs, allowlists, confusions, names.

Everything is loaded on first use and cached (the dictionary only when a spelling rule runs),
and every list can be extended from the configuration through ``Settings.options``:

=====================  ===========================================================
option key             value
=====================  ===========================================================
``text.words``         extra words or phrases ("nghỉ dưỡng", "chuyển đổi số")
``text.allow``         words never reported by the typo rules (names, abbreviations)
``text.names``         extra names with fixed capitalisation ("Hậu Giang")
``text.confusions``    extra ``{"wrong words": "right words"}`` (a mapping, or pairs)
=====================  ===========================================================
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

from checker.rules.text.syllable import key

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DATA = Path(__file__).resolve().parent  # the data files stand beside the modules
PAIRS_FILE = "viet74k-pairs.txt"


@dataclass(frozen=True)
class Lexicon:
    """Which syllables follow which inside a dictionary word.

    ``first[a]`` is " b1 b2 ... " (padded with spaces, so a membership test is a substring
    search in C), ``second[b]`` the same for the syllables before ``b``. All in key form.
    """

    first: Mapping[str, str]
    second: Mapping[str, str]
    common: Mapping[str, str]  # two-syllable words of the common-word list, same layout

    def has(self, a: str, b: str) -> bool:
        """Whether "a b" occurs inside some dictionary word (both in key form)."""
        row = self.first.get(a)
        return row is not None and f" {b} " in row

    def is_common(self, a: str, b: str) -> bool:
        """Whether "a b" is a two-syllable word of the common-word list."""
        row = self.common.get(a)
        return row is not None and f" {b} " in row

    def after(self, a: str) -> list[str]:
        return self.first.get(a, "").split()

    def before(self, b: str) -> list[str]:
        return self.second.get(b, "").split()


def _read_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of a data file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _phrases_to_rows(phrases: Iterable[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    first: dict[str, list[str]] = {}
    second: dict[str, list[str]] = {}
    for phrase in phrases:
        keys = [key(w) for w in phrase.split()]
        for a, b in pairwise(keys):
            first.setdefault(a, []).append(b)
            second.setdefault(b, []).append(a)
    return first, second


@lru_cache(maxsize=1)
def _base() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The shipped pairs plus extra_words.txt, as padded rows; and the common words."""
    text = (DATA / PAIRS_FILE).read_text(encoding="utf-8")
    sections: dict[str, dict[str, str]] = {}
    for block in text.split("\n[")[1:]:
        name, _, body = block.partition("]\n")
        sections[name] = dict(ln.split("\t", 1) for ln in body.splitlines())  # rows come padded
    first, second = sections["first"], sections["second"]
    _merge(first, second, _read_lines("extra_words.txt"))
    return first, second, sections["common"]


def _merge(first: dict[str, str], second: dict[str, str], phrases: Iterable[str]) -> None:
    add_first, add_second = _phrases_to_rows(phrases)
    for rows, added in ((first, add_first), (second, add_second)):
        for a, bs in added.items():
            row = rows.get(a, " ")
            new = [b for b in dict.fromkeys(bs) if f" {b} " not in row]
            if new:
                rows[a] = row + " ".join(new) + " "


@lru_cache(maxsize=4)
def lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The dictionary, with the configured extra words merged in."""
    first, second, common = _base()
    if extra:
        first, second = dict(first), dict(second)
        _merge(first, second, extra)
    return Lexicon(MappingProxyType(first), MappingProxyType(second), MappingProxyType(common))


@lru_cache(maxsize=4)
def allowed(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Lower-case words the typo rules never report: abbreviations, foreign names."""
    return frozenset(w.lower() for w in [*_read_lines("allow.txt"), *extra])


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Grammatical words (của, và, được, ...): never edited, never half of a suspect pair."""
    return frozenset(key(w) for w in _read_lines("function_words.txt"))


@lru_cache(maxsize=1)
def doubled_ok() -> frozenset[str]:
    """Words that may stand twice in a row (luôn luôn, ngày ngày)."""
    return frozenset(key(w) for w in _read_lines("doubled_ok.txt"))


@lru_cache(maxsize=4)
def names(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Names whose capitalisation is fixed, as written correctly (Việt Nam, Bộ Chính trị)."""
    return tuple(dict.fromkeys([*_read_lines("names.txt"), *extra]))


@dataclass(frozen=True)
class Confusion:
    wrong: str  # key form, words separated by one space
    right: str  # as it should be written (traditional tone placement)
    before_digit: bool = False  # only when a number follows ("sô 142")
    why: str = ""


@lru_cache(maxsize=4)
def confusions(extra: tuple[tuple[str, str], ...] = ()) -> tuple[Confusion, ...]:
    """Known misspellings with their correction, from confusions.toml and the config."""
    data = tomllib.loads((DATA / "confusions.toml").read_text(encoding="utf-8"))
    out = [
        Confusion(
            " ".join(key(w) for w in item["wrong"].split()),
            item["right"],
            bool(item.get("before_digit", False)),
            str(item.get("why", "")),
        )
        for item in data["confusion"]
    ]
    out.extend(Confusion(" ".join(key(w) for w in a.split()), b) for a, b in extra)
    return tuple(out)


def option_strings(options: object) -> tuple[str, ...]:
    """A configured list of words as a tuple of strings (a single string is one word)."""
    if options is None:
        return ()
    if isinstance(options, str):
        return (options,)
    if isinstance(options, Iterable):
        return tuple(str(o) for o in options)
    raise TypeError(f"expected a list of words, got {type(options).__name__}")


def option_pairs(options: object) -> tuple[tuple[str, str], ...]:
    """A configured confusion list: a mapping wrong -> right, or (wrong, right) pairs."""
    if options is None:
        return ()
    if isinstance(options, Mapping):
        return tuple((str(a), str(b)) for a, b in options.items())
    if isinstance(options, Iterable):
        return tuple((str(a), str(b)) for a, b in options)
    raise TypeError(f"expected a mapping of confusions, got {type(options).__name__}")
