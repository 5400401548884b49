"""X203: the denominator of "x/8 huyện", "x/75 xã" against the number of units the report
states ("05 huyện, 01 thị xã, 02 thành phố"; "xã, phường, thị trấn: 75")."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from checker.rules.xref.metrics import lower

from checker.engine import Document, Rule
from checker.facts import Facts, Quantity, Ratio
from checker.findings import Finding, Message, Severity
from checker.source import Source

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Kind:
    key: str
    name_vi: str
    name_en: str
    whole: frozenset[str]
    parts: frozenset[str]
    mentions: tuple[str, ...]  # longest first


@lru_cache(maxsize=1)
def kinds() -> tuple[Kind, ...]:
    with open(Path(__file__).resolve().parent / "counts.toml", "rb") as fh:
        raw = tomllib.load(fh)
    return tuple(
        Kind(
            key,
            spec["name_vi"],
            spec["name_en"],
            frozenset(spec["whole"]),
            frozenset(spec["parts"]),
            tuple(sorted(spec["mentions"], key=len, reverse=True)),
        )
        for key, spec in raw["kinds"].items()
    )


@lru_cache(maxsize=1)
def _mention_regex() -> tuple[re.Pattern[str], dict[str, Kind]]:
    owner: dict[str, Kind] = {}
    for kind in kinds():
        for m in kind.mentions:
            owner.setdefault(m, kind)
    words = sorted(owner, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)"), owner


def kind_of(label: str) -> Kind | None:
    """The kind of unit a ratio counts: the last mention in its label (nearest the figure)."""
    regex, owner = _mention_regex()
    found = regex.findall(lower(label))
    return owner[found[-1]] if found else None


@dataclass(frozen=True)
class Stated:
    value: Decimal
    evidence: str
    line_of: int  # the fact id it was read from, for the line


_HEADS = ("đơn vị hành chính", "đơn vị", "đảng bộ", "đảng ủy", "ủy ban nhân dân")
_TAILS = ("trên địa bàn tỉnh", "trên địa bàn", "của tỉnh", "toàn tỉnh", "trong tỉnh", "hiện có")
_CUT = re.compile(r"[;.():\n\d]|\s(?:và|trong đó|gồm|bao gồm)\s")


def _named(q: Quantity, source: Source | None) -> tuple[str, str]:
    """What a count names, read after its number: (the whole phrase, up to the first item
    or clause break; the first item only). "75 xã, phường, thị trấn." -> ("xã, phường, thị
    trấn", "xã"); "07 đảng bộ huyện, 01 ..." -> ("đảng bộ huyện,", "huyện") with the unit
    word of the body ("đảng bộ", "đơn vị") taken off."""
    if source is None or not q.unit_text:
        label = lower(q.label).strip(" ,:")
        return label, label
    at = q.span.end - len(q.unit_text)
    tail = lower(source.text[at : at + 80])
    cut = _CUT.search(tail)
    whole = " ".join((tail[: cut.start()] if cut else tail).split()).strip(" ,")
    for end in _TAILS:
        if whole.endswith(" " + end):
            whole = whole[: -len(end) - 1].strip(" ,")
    for head in _HEADS:
        if whole.startswith(head + " "):
            whole = whole[len(head) + 1 :]
            break
    first = whole.split(",")[0].strip()
    return whole, first


def stated_counts(facts: Facts, source: Source | None = None) -> dict[str, list[Stated]]:
    """The numbers of units of each kind the report states: a count that names the whole
    kind ("xã, phường, thị trấn: 75", "92 đảng bộ xã, phường, thị trấn", "08 đơn vị hành
    chính cấp huyện"), or the sum of counts of at least two of its part words listed in one
    sentence ("05 huyện, 01 thị xã, 02 thành phố" = 8). A count that names a part of the
    kind with more words ("17 đơn vị hành chính cấp xã để thành lập ...") is neither."""
    out: dict[str, list[Stated]] = {}
    parts: dict[tuple[str, int], list[Quantity]] = {}
    for q in facts.of(Quantity):
        label = lower(q.label).strip(" ,:")
        whole, first = _named(q, source)
        for kind in kinds():
            if label in kind.whole or whole in kind.whole:
                shown = q.label if label in kind.whole else whole
                out.setdefault(kind.key, []).append(Stated(q.value, f"{shown}: {q.number.text}", q.id))
            elif first in kind.parts:
                parts.setdefault((kind.key, q.sentence), []).append(q)
    for (key, _), qs in parts.items():
        words = {_named(q, source)[1] for q in qs}
        if len(words) < 2:
            continue
        total = sum((q.value for q in qs), Decimal(0))
        listed = " + ".join(f"{q.number.text} {_named(q, source)[1]}" for q in qs)
        out.setdefault(key, []).append(Stated(total, f"{listed} = {total}", qs[0].id))
    return out


def _starts(text: str, phrase: str) -> bool:
    return text.startswith(phrase) and (len(text) == len(phrase) or not text[len(phrase)].isalnum())


class RatioDenominator(Rule):
    """The denominator of a ratio of units must be the number of such units the report states.

    "Bí thư huyện ủy không là người địa phương 8/8" and "Bí thư xã ... 50/75" count
    district-level and commune-level units; the report says elsewhere how many there are
    ("05 huyện, 01 thị xã, 02 thành phố" = 8; "xã, phường, thị trấn: 75"). A denominator that
    contradicts the stated number is a warning; one that the report gives no number to check
    against is information.

    Wrong: "Bí thư xã, phường, thị trấn không là người địa phương 50/76" in a report that
    states 75 communes
    Right: "50/75"
    """

    doc_vi = """Mẫu số của một tỷ lệ đơn vị phải bằng số đơn vị đó mà báo cáo nêu.

    "Bí thư huyện ủy không là người địa phương 8/8" và "Bí thư xã ... 50/75" đếm các đơn vị
    cấp huyện và cấp xã; báo cáo có nêu ở chỗ khác có bao nhiêu đơn vị ("05 huyện, 01 thị xã,
    02 thành phố" = 8; "xã, phường, thị trấn: 75"). Mẫu số trái với số đã nêu là cảnh báo;
    mẫu số không có số nào để đối chiếu chỉ là thông tin.

    Sai: "Bí thư xã, phường, thị trấn không là người địa phương 50/76" trong báo cáo nêu 75 xã
    Đúng: "50/75"
    """

    code = "X203"
    name = "count.ratio-denominator"
    category = "count"
    severity = Severity.WARNING
    wants = (Ratio, Quantity)

    def check(self, doc: Document) -> Iterator[Finding]:
        counts = stated_counts(doc.facts, doc.source)
        for r in doc.facts.of(Ratio):
            kind = kind_of(r.label)
            if kind is None:
                continue
            known = counts.get(kind.key, [])
            if any(s.value == r.denominator.value for s in known):
                continue
            if known:
                first = known[0]
                line = doc.source.position(doc.facts.items[first.line_of].span.start).line
                yield self.finding(
                    r.span,
                    Message(
                        vi=f"Mẫu số {r.denominator.text} của {r.text} khác số {kind.name_vi} báo cáo nêu ({_values(known)})",
                        en=f"The denominator {r.denominator.text} of {r.text} differs from the number of {kind.name_en} stated ({_values(known)})",
                    ),
                    stated=r.denominator.text,
                    expected=_values(known),
                    evidence=Message(vi=f"dòng {line}: {first.evidence}", en=f"line {line}: {first.evidence}"),
                )
            else:
                yield self.finding(
                    r.span,
                    Message(
                        vi=f"Không đối chiếu được mẫu số {r.denominator.text} của {r.text}: báo cáo không nêu số {kind.name_vi}",
                        en=f"The denominator {r.denominator.text} of {r.text} cannot be checked: the report does not state the number of {kind.name_en}",
                    ),
                    stated=r.denominator.text,
                    severity=Severity.INFO,
                )


def _values(known: list[Stated]) -> str:
    values: list[str] = []
    for s in known:
        text = str(int(s.value)) if s.value == s.value.to_integral_value() else str(s.value)
        if text not in values:
            values.append(text)
    return " hoặc ".join(values)
