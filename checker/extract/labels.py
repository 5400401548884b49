"""Labels: the words that say what a figure counts, normalised; attributes and levels.

The data is ``rules/labels.toml``: stop words trimmed from a label's edges, attribute
dimensions (gender, age, ethnicity ...) that tell overlapping subgroups from disjoint ones,
administrative levels, and synonyms.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import checker.rules as _rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class LabelData:
    stopwords: frozenset[str]
    attributes: tuple[tuple[str, tuple[str, ...], bool], ...]  # (dimension, values, complete)
    levels: tuple[tuple[str, str], ...]  # (phrase, level), longest phrase first
    synonyms: tuple[tuple[str, str], ...]  # (variant, canonical)


@lru_cache(maxsize=1)
def data() -> LabelData:
    path = Path(_rules.__file__).resolve().parent / "labels.toml"
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    attributes = tuple(
        (name, tuple(spec["values"]), bool(spec.get("complete", False)))
        for name, spec in raw.get("attributes", {}).items()
    )
    levels = tuple(sorted(raw.get("levels", {}).items(), key=lambda kv: -len(kv[0])))
    synonyms = tuple(
        (variant, canonical)
        for canonical, variants in raw.get("synonyms", {}).items()
        for variant in variants
    )
    return LabelData(frozenset(raw.get("stopwords", [])), attributes, levels, synonyms)


def normalise(words: list[str]) -> str:
    """Lower-case, trim stop words (of one or two words) at both edges, single spaces."""
    ws = [w.lower() for w in words if w.strip()]
    stop = data().stopwords | {","}
    while ws:
        if len(ws) > 1 and f"{ws[0]} {ws[1]}" in stop:
            ws = ws[2:]
        elif ws[0] in stop:
            ws = ws[1:]
        else:
            break
    while ws:
        if len(ws) > 1 and f"{ws[-2]} {ws[-1]}" in stop:
            ws = ws[:-2]
        elif ws[-1] in stop:
            ws = ws[:-1]
        else:
            break
    return " ".join(ws).replace(" ,", ",").strip(", ")


def attribute(label: str) -> tuple[str, str] | None:
    """The (dimension, value) a label names, if it names a subgroup: "cán bộ nữ" -> gender."""
    padded = f" {label} "
    best: tuple[str, str] | None = None
    for dim, values, _complete in data().attributes:
        for value in values:
            if f" {value} " in padded and (best is None or len(value) > len(best[1])):
                best = (dim, value)
    return best


def complete_dimension(dim: str, values: set[str]) -> bool:
    """Whether the listed values cover a complete dimension (nam and nữ)."""
    for name, all_values, complete in data().attributes:
        if name == dim:
            return complete and set(all_values) <= values
    return False


def level(label: str) -> str | None:
    padded = f" {label} "
    for phrase, lvl in data().levels:
        if f" {phrase} " in padded:
            return lvl
    return None


def canonical(label: str) -> str:
    """The synonym class of a label ("trẻ dưới 40 tuổi" -> "trẻ")."""
    for variant, canon in data().synonyms:
        if label == variant:
            return canon
    return label
