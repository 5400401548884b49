"""Metrics: what a figure measures, as a key that two places of a report (or two reports)
share, so that figures stated more than once can be found through a dict, never by
comparing every fact with every other.

A key is made of the canonical label (synonyms of rules/labels.toml), the measure (percent
or the unit), the administrative level, the period or term, the body the figure is about
(the committee, its standing committee ...), what is being done with the people counted
(planning, training ...) and, for a share or a part, what it is a share or a part of.

The label, level and period come from the fact; what the fact leaves out (a level or a body
named at the head of the sentence, "Quy hoạch Ban Chấp hành Đảng bộ tỉnh ... là 65 đồng chí,
nữ 12 đồng chí, chiếm 18,46%") is read from the words of its sentence before it, when the
source is at hand: the nearest level, body and topic phrase wins.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from checker import units
from checker.extract import labels
from checker.facts import Delta, Fact, Facts, Number, Percent, Quantity, Target, Term, Total
from checker.source import Segment, Source

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PERCENT = "%"
_COMPARED = re.compile(r"(?<!\w)(?:so với|bằng|như|gấp|kém|hơn|so)\s*$")


@dataclass(frozen=True)
class Key:
    """What a figure measures. Two figures with equal keys must have equal values."""

    what: str  # canonical label: "trẻ", "nữ"; "" for the whole body ("65 đồng chí")
    measure: str  # "%" or a unit ("person", "class"), "count" when none is known
    level: str | None = None
    period: str | None = None
    organ: str | None = None
    topic: str | None = None
    of: str | None = None  # what the share or the part is of, when it is named

    def at(self, period: str | None) -> Key:
        """The same metric for another period (the base of a change)."""
        return replace(self, period=period)

    @property
    def loose(self) -> tuple[str, str, str | None]:
        """What must agree exactly when the other side may leave qualifiers out."""
        return (self.what, self.measure, self.period)

    def compatible(self, other: Key) -> bool:
        """Equal where both sides say something (a qualifier left out matches any)."""
        if self.loose != other.loose:
            return False
        for a, b in (
            (self.level, other.level),
            (self.organ, other.organ),
            (self.topic, other.topic),
            (self.of, other.of),
        ):
            if a is not None and b is not None and a != b:
                return False
        return True

    @property
    def specific(self) -> bool:
        """Whether the key says enough for two figures with it to be the same figure.

        A named subgroup needs a level, a period, a body or a whole it belongs to (a topic
        alone does not tell "đào tạo đại học" from "đào tạo sau đại học"); a count of a
        whole body ("65 đồng chí") needs its period and two of level, body and topic.
        """
        if self.measure == PERCENT and not self.what:
            return False
        if self.what:
            return any((self.level, self.period, self.organ, self.of))
        named = sum(x is not None for x in (self.level, self.organ, self.topic))
        return self.period is not None and named >= 2

    def describe(self, lang: str = "vi") -> str:
        """The metric in words, for messages: "trẻ, cấp huyện, quy hoạch, 2025 - 2030"."""
        level_word = {"vi": "cấp", "en": "level"}[lang if lang == "en" else "vi"]
        parts = [self.what or ("tổng số" if lang != "en" else "total")]
        if self.of:
            parts.append(f"{'of' if lang == 'en' else 'trong'} {self.of}")
        if self.level:
            parts.append(f"{self.level} level" if lang == "en" else f"{level_word} {self.level}")
        for extra in (self.organ, self.topic):
            if extra:
                parts.append(extra)
        if self.period:
            parts.append(self.period.replace("-", " - "))
        if self.measure == PERCENT:
            parts.append("share" if lang == "en" else "tỷ lệ")
        return ", ".join(parts)


@dataclass(frozen=True)
class Metric:
    """A figure with its key: a stated count or share."""

    fact: Quantity | Percent
    key: Key
    number: Number
    value: Decimal  # in the base unit (money in đồng), or the percentage
    approximate: bool = False

    @property
    def text(self) -> str:
        return self.number.text


# ---------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricData:
    organs: tuple[tuple[str, str], ...]  # (phrase, canonical)
    topics: tuple[tuple[str, str], ...]
    approximate: frozenset[str]
    generic: frozenset[str]
    durations: frozenset[str]
    structure: frozenset[str]


@lru_cache(maxsize=1)
def data() -> MetricData:
    path = Path(__file__).resolve().parent / "metrics.toml"
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)

    def table(name: str) -> tuple[tuple[str, str], ...]:
        pairs = [(p, canon) for canon, phrases in raw.get(name, {}).items() for p in phrases]
        return tuple(sorted(pairs, key=lambda kv: -len(kv[0])))

    return MetricData(
        organs=table("organs"),
        topics=table("topics"),
        approximate=frozenset(raw.get("approximate", [])),
        generic=frozenset(raw.get("generic", [])),
        durations=frozenset(raw.get("durations", [])),
        structure=frozenset(raw.get("structure", [])),
    )


class _Phrases:
    """One table of phrases (longest first), found as whole words in a text."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = list(pairs)
        self.canonical = dict(pairs)
        alternatives = "|".join(re.escape(p) for p, _ in pairs) or r"(?!)"
        self.regex = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def find(self, text: str, base: int = 0) -> list[tuple[int, str]]:
        """(end offset, canonical) of each occurrence, in text order."""
        return [(base + m.end(), self.canonical[m.group(0)]) for m in self.regex.finditer(text)]

    def strip(self, text: str) -> str:
        return self.regex.sub(" ", text)


@lru_cache(maxsize=1)
def _tables() -> tuple[_Phrases, _Phrases, _Phrases]:
    d = data()
    return _Phrases(labels.data().levels), _Phrases(d.organs), _Phrases(d.topics)


class Places:
    """Where an offset stands ("body", "footnote 3"), by bisection over the segments (the
    rules ask for every change or count; a linear scan per question would not scale)."""

    def __init__(self, source: Source) -> None:
        segs = sorted(source.segments, key=lambda s: s.start)
        self.starts = [s.start for s in segs]
        self.segments = segs
        self.notes = sorted(
            (s.ref, s) for s in source.segments if s.ref is not None and s.kind.value != "body"
        )
        self.refs = [r for r, _ in self.notes]

    def where(self, offset: int) -> str:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.segments[i].end:
            return "body"
        return self.segments[i].where

    def notes_between(self, start: int, end: int) -> list[Segment]:
        """The footnotes and endnotes whose marker stands in [start, end]."""
        lo = bisect.bisect_left(self.refs, start)
        hi = bisect.bisect_right(self.refs, end)
        return [seg for _, seg in self.notes[lo:hi]]


def lower(text: str) -> str:
    """Lower case that keeps every offset (a character that would grow stays as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# ---------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------


def what_of(label: str, unit_text: str | None = None) -> str:
    """The canonical label of a figure with the level, body and topic words taken out.

    "cán bộ trẻ" -> "trẻ"; "quy hoạch ban thường vụ tỉnh ủy" -> ""; "đồng chí" -> "".
    """
    label = lower(label).strip()
    canon = labels.canonical(label)
    if canon != label:
        return canon
    label = _uncut(label)
    levels, organs, topics = _tables()
    rest = topics.strip(organs.strip(levels.strip(label)))
    if unit_text:
        rest = re.sub(rf"(?<!\w){re.escape(lower(unit_text))}(?!\w)", " ", rest)
    rest = labels.normalise(rest.replace(",", " , ").split())
    rest = rest.strip(" ,")
    if rest in data().generic or _only_structure(rest):
        return ""
    canon = labels.canonical(rest)
    if canon != rest:
        return canon
    return _named_subgroup(rest) or rest


@lru_cache(maxsize=1)
def _subgroups() -> dict[str, str]:
    """Every synonym and canonical label -> its canonical label."""
    out = {canon: canon for _, canon in labels.data().synonyms}
    out.update(dict(labels.data().synonyms))
    return out


def _named_subgroup(rest: str) -> str | None:
    """The subgroup a long label ends with: "hoạch đảng bộ có nữ" -> "nữ" (a label cut at
    its first words still names what is counted right before the number)."""
    stop = labels.data().stopwords | data().structure | data().generic
    words = [w for w in rest.replace(",", " ").split() if w not in stop]
    known = _subgroups()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if tail in known:
            return known[tail]
    return None


@lru_cache(maxsize=1)
def _fragments() -> frozenset[str]:
    """The ends of the known phrases ("hoạch" of "quy hoạch", "chấp hành" of "ban chấp
    hành"): what a label cut at its first words by the extractor's window starts with."""
    phrases = [p for p, _ in labels.data().levels] + [p for p, _ in data().organs]
    phrases += [p for p, _ in data().topics] + list(data().structure)
    out: set[str] = set()
    for phrase in phrases:
        words = phrase.replace(",", " ").split()
        for i in range(1, len(words)):
            out.add(" ".join(words[i:]))
    return frozenset(out)


def _uncut(label: str) -> str:
    """A label without the tail of a phrase its window cut off at the front."""
    words = label.split()
    for n in (3, 2, 1):
        if len(words) > n and " ".join(words[:n]) in _fragments() and " ".join(words[:n + 1]) not in _whole_phrases():
            return " ".join(words[n:])
    return label


@lru_cache(maxsize=1)
def _whole_phrases() -> frozenset[str]:
    phrases = [p for p, _ in labels.data().levels] + [p for p, _ in data().organs]
    phrases += [p for p, _ in data().topics] + list(data().structure)
    return frozenset(phrases)


def _only_structure(rest: str) -> bool:
    """Whether what is left of a label is only words of the administrative structure."""
    words = data().structure | data().generic
    text = f" {rest.replace(',', ' ')} "
    for w in sorted(words, key=len, reverse=True):
        if w:
            text = text.replace(f" {w} ", " ")
            text = text.replace(f" {w} ", " ")
    return not text.strip()


# ---------------------------------------------------------------------------------------
# Context from the source: the head of the sentence
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """Phrases of one table in a sentence: where each ends, whether it stands outside any
    bracket, and what it names."""

    ends: tuple[int, ...]
    outside: tuple[bool, ...]
    values: tuple[str, ...]

    def last(self, lo: int, hi: int, outside_only: bool = False) -> str | None:
        """The last phrase that ends within [lo, hi]."""
        i = bisect.bisect_right(self.ends, hi) - 1
        while i >= 0 and self.ends[i] >= lo:
            if not outside_only or self.outside[i]:
                return self.values[i]
            i -= 1
        return None


@dataclass(frozen=True)
class _Sentence:
    start: int
    head_end: int  # end of the first clause (up to the first ";" outside brackets)
    bounds: tuple[int, ...]  # start of each clause
    found: tuple[_Found, _Found, _Found]  # levels, organs, topics
    terms: tuple[tuple[int, int, bool, str], ...]  # (start, end, outside brackets, period)
    frame: str | None = None  # "Đầu nhiệm kỳ 2020 - 2025, ...": the period of every clause


@dataclass(frozen=True)
class Qualifiers:
    level: str | None = None
    organ: str | None = None
    topic: str | None = None
    period: str | None = None
    known: bool = False  # whether the source was there to read them from


class Context:
    """Qualifiers read from the words of a figure's sentence.

    A sentence is cut into clauses at the semicolons outside brackets. A figure takes the
    nearest level, body and topic named before it in its own clause, else, when its clause
    names no body or topic of its own, those named in the first clause outside brackets (the
    head that a list of parts hangs from: "Quy hoạch ... cấp trên cơ sở là 805 đồng chí ...;
    trẻ dưới 40 tuổi là 397 ..."); and the period of a term in its own clause, else of the
    head's (when it continues the head) or of the term the sentence opens with ("Đầu nhiệm
    kỳ 2020 - 2025, ..."); never a phrase of another item of a list.
    """

    def __init__(self, source: Source | None, facts: Facts) -> None:
        self.source = source
        self.spans = {s.index: s.span for s in facts.sentences}
        self.terms: dict[int, list[Term]] = {}
        if source is not None:
            inside = _change_spans(facts)
            for term in facts.of(Term):
                if any(a <= term.span.start < b for a, b in inside.get(term.sentence, ())):
                    continue
                if _COMPARED.search(lower(source.text[max(0, term.span.start - 15) : term.span.start])):
                    continue  # "bằng nhiệm kỳ 2015 - 2020": what a figure is compared with
                self.terms.setdefault(term.sentence, []).append(term)
        self._cache: dict[int, _Sentence] = {}

    def _sentence(self, index: int) -> _Sentence | None:
        if self.source is None or index not in self.spans:
            return None
        if index not in self._cache:
            self._cache[index] = self._read(index)
        return self._cache[index]

    def _read(self, index: int) -> _Sentence:
        assert self.source is not None
        span = self.spans[index]
        text = lower(self.source.text[span.start : span.end])
        depth_at: list[int] = []
        bounds = [span.start]
        depth = 0
        for i, ch in enumerate(text):
            if ch in "([":
                depth += 1
            elif ch in ")]" and depth > 0:
                depth -= 1
            elif ch == ";" and depth == 0:
                bounds.append(span.start + i + 1)
            depth_at.append(depth)
        head_end = bounds[1] if len(bounds) > 1 else span.end

        def outside(pos: int) -> bool:
            rel = pos - span.start
            return 0 <= rel < len(depth_at) and depth_at[rel] == 0

        found = []
        for table in _tables():
            occ = [(m.start(), m.end(), table.canonical[m.group(0)]) for m in table.regex.finditer(text)]
            found.append(
                _Found(
                    tuple(span.start + e for _, e, _ in occ),
                    tuple(outside(span.start + s) for s, _, _ in occ),
                    tuple(v for _, _, v in occ),
                )
            )
        terms = tuple(
            (t.span.start, t.span.end, outside(t.span.start), t.key)
            for t in self.terms.get(index, ())
        )
        frame = None
        for start, end, _, key in terms:
            lead = text[: start - span.start].split()
            if len(lead) <= 2 and text[end - span.start : end - span.start + 2].lstrip().startswith(","):
                frame = key  # the sentence opens with its period
                break
        return _Sentence(span.start, head_end, tuple(bounds), (found[0], found[1], found[2]), terms, frame)

    def qualifiers(self, fact: Fact) -> Qualifiers:
        """The level, body, topic and period that the words around the fact name."""
        s = self._sentence(fact.sentence)
        if s is None:
            return Qualifiers()
        at = fact.span.start
        i = bisect.bisect_right(s.bounds, at) - 1
        lo = s.bounds[max(i, 0)]
        hi = s.bounds[i + 1] if i + 1 < len(s.bounds) else None
        own = [found.last(lo, at) for found in s.found]
        # A later clause that names no body or topic of its own continues the head ("...;
        # trẻ dưới 40 tuổi là 397 đồng chí"; "...; cán bộ trẻ (cấp tỉnh 3,07%; ...)"); one
        # that does is an item of its own ("...; bồi dưỡng cán bộ Mặt trận có 10 lớp") and
        # takes nothing from the head.
        end = hi if hi is not None else at
        continues = lo >= s.head_end and not any(
            found.last(lo, end, outside_only=True) for found in s.found[1:]
        )
        named = [
            value if value is not None or not continues
            else found.last(s.start, s.head_end, outside_only=True)
            for value, found in zip(own, s.found)
        ]
        period = None
        own_terms = [t for t in s.terms if t[0] >= lo and (hi is None or t[0] < hi)]
        if own_terms:
            before = [t for t in own_terms if t[0] < at]
            period = (before[-1] if before else own_terms[0])[3]
        elif continues:
            head = [t for t in s.terms if t[0] < s.head_end and t[2]]
            period = head[-1][3] if head else None
        elif lo >= s.head_end:
            period = s.frame
        return Qualifiers(named[0], named[1], named[2], period, True)

    def approximate(self, fact: Fact) -> bool:
        """Whether a word such as "hơn", "khoảng", "trên" stands right before the number."""
        if self.source is None:
            return False
        start = fact.span.start
        if isinstance(fact, Percent) and fact.keyword:
            start += len(fact.keyword)
        head = lower(self.source.text[max(0, start - 20) : start]).split()
        words = data().approximate
        return bool(head) and (head[-1] in words or " ".join(head[-2:]) in words)


def _change_spans(facts: Facts) -> dict[int, list[tuple[int, int]]]:
    """Spans of changes and achievements by sentence: the term a change is measured
    against ("so với nhiệm kỳ 2020 - 2025") is not the period of the figures around it."""
    out: dict[int, list[tuple[int, int]]] = {}
    for f in facts.items:
        if isinstance(f, (Delta, Target)):
            out.setdefault(f.sentence, []).append((f.span.start, f.span.end))
    return out


# ---------------------------------------------------------------------------------------
# Building the metrics of a document
# ---------------------------------------------------------------------------------------


def _parents(facts: Facts) -> dict[int, int]:
    """Part -> the count it is part or share of (Total facts, then shares' wholes)."""
    parent: dict[int, int] = {}
    for tot in facts.of(Total):
        for p in tot.parts:
            parent.setdefault(p, tot.total)
    for pct in facts.of(Percent):
        if pct.part is not None and pct.whole is not None and pct.whole_source != "ratio":
            parent.setdefault(pct.part, pct.whole)
    return parent


def _quantity(facts: Facts, fact_id: int | None) -> Quantity | None:
    if fact_id is None or not 0 <= fact_id < len(facts.items):
        return None
    fact = facts.items[fact_id]
    return fact if isinstance(fact, Quantity) else None


def _measure(q: Quantity, facts: Facts, parent: dict[int, int]) -> tuple[str, Decimal]:
    unit = q.unit
    if unit is None:
        owner = _quantity(facts, parent.get(q.id))
        unit = owner.unit if owner is not None else None
    value = q.value
    if unit is None:
        return "count", value
    if unit.endswith("dong"):
        value, base = units.to_base(value, unit)
        return base, value
    return unit, value


def metrics(
    facts: Facts, source: Source | None = None, default_period: str | None = None
) -> tuple[Metric, ...]:
    """Every count and share of the document with its key, in text order.

    ``default_period`` is the period of the figures whose sentence names none: the term a
    report is about ("Kết quả đại hội đảng bộ các cấp nhiệm kỳ 2015 - 2020"), used when the
    report is the baseline of another. Several rules ask for the same document's metrics:
    they are built once (the last few documents are kept).
    """
    return _metrics(_Same(facts), _Same(source), default_period)


class _Same:
    """A document's facts or source as a cache key: the same object, not an equal one
    (hashing every fact of a long report would cost more than it saves)."""

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


@lru_cache(maxsize=8)
def _metrics(facts_key: _Same, source_key: _Same, default_period: str | None) -> tuple[Metric, ...]:
    facts = facts_key.obj
    source = source_key.obj
    assert isinstance(facts, Facts) and (source is None or isinstance(source, Source))
    return tuple(_build(facts, source, default_period))


def _build(facts: Facts, source: Source | None, default_period: str | None) -> Iterator[Metric]:
    ctx = Context(source, facts)
    parent = _parents(facts)
    whats: dict[int, str] = {}

    def what(q: Quantity) -> str:
        if q.id not in whats:
            whats[q.id] = what_of(q.label, q.unit_text)
        return whats[q.id]

    durations = data().durations
    keys: dict[int, Key] = {}  # before any default period: what a part inherits
    for fact in facts.items:
        if isinstance(fact, Quantity):
            if fact.unit in durations:
                continue
            measure, value = _measure(fact, facts, parent)
            owner = _quantity(facts, parent.get(fact.id))
            of = (what(owner) or None) if owner is not None else None
            key = _key(ctx, fact, what(fact), measure, fact.level, fact.period, of)
            if owner is not None and owner.sentence == fact.sentence:
                key = _inherit(key, keys.get(owner.id))
            keys[fact.id] = key
            if key.period is None and default_period:
                key = key.at(default_period)
            yield Metric(fact, key, fact.number, value, ctx.approximate(fact))
        elif isinstance(fact, Percent):
            if fact.whole_source == "ratio":
                continue
            part = _quantity(facts, fact.part)
            label = fact.label or (part.label if part is not None else "")
            whole = _quantity(facts, fact.whole)
            of = (what(whole) or None) if whole is not None else None
            level = fact.level or (part.level if part is not None else None)
            key = _key(ctx, fact, what_of(label), PERCENT, level, fact.period, of)
            for related in (part, whole):
                if related is not None and related.sentence == fact.sentence:
                    key = _inherit(key, keys.get(related.id))
            if key.period is None and default_period:
                key = key.at(default_period)
            yield Metric(fact, key, fact.number, fact.number.value, ctx.approximate(fact))


def _inherit(key: Key, other: Key | None) -> Key:
    """A part or a share takes the level, body, topic and period of the figure it belongs
    to in its sentence, where its own words say none ("Quy hoạch ban chấp hành đảng bộ tỉnh
    110 đồng chí, trong đó nữ 22 đồng chí": the 22 are of the provincial committee)."""
    if other is None:
        return key
    return replace(
        key,
        level=key.level or other.level,
        organ=key.organ or other.organ,
        topic=key.topic or other.topic,
        period=key.period or other.period,
    )


def _key(
    ctx: Context,
    fact: Fact,
    what: str,
    measure: str,
    level: str | None,
    period: str | None,
    of: str | None,
) -> Key:
    label = lower(getattr(fact, "label", "") or "")
    _, organs, topics = _tables()
    own_organ = organs.find(label)
    own_topic = topics.find(label)
    q = ctx.qualifiers(fact)
    return Key(
        what=what,
        measure=measure,
        level=level or q.level,
        period=q.period if q.known else period,
        organ=own_organ[-1][1] if own_organ else q.organ,
        topic=own_topic[-1][1] if own_topic else q.topic,
        of=of,
    )


TITLE_LINES = 12  # the title of a report names the term or period it is about
_PERIOD_WORDS = ("nhiệm kỳ", "nhiệm kì", "giai đoạn", "khóa", "khoá")


def main_period(facts: Facts, source: Source | None = None) -> str | None:
    """The term or period a report is about: the one its title names, else the one named
    most often (terms that changes are measured against left out)."""
    inside = _change_spans(facts)
    counts: dict[str, int] = {}
    for term in facts.of(Term):
        if term.end_year is None or term.word not in _PERIOD_WORDS:
            continue
        if any(a <= term.span.start < b for a, b in inside.get(term.sentence, ())):
            continue
        if source is not None and source.position(term.span.start).line <= TITLE_LINES:
            return term.key
        counts[term.key] = counts.get(term.key, 0) + 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda kv: kv[1])
    return best[0] if best[1] * 2 > sum(counts.values()) else None


def previous_period(period: str | None) -> str | None:
    """The term before "2020-2025" ("2015-2020"); the year before "2023"."""
    if not period:
        return None
    start, _, end = period.partition("-")
    if not start.isdigit():
        return None
    if end.isdigit():
        length = int(end) - int(start)
        return f"{int(start) - length}-{start}"
    return str(int(start) - 1)


# ---------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------


def agree(a: Metric, b: Metric) -> bool:
    """Whether two statements of one metric say the same: equal, or the coarser one is the
    finer one rounded or truncated ("18,5%" and "18,46%")."""
    if a.key.measure != PERCENT:
        return a.value == b.value
    x, y = a.number, b.number
    if x.decimals == y.decimals:
        return x.value == y.value
    fine, coarse = (x, y) if x.decimals > y.decimals else (y, x)
    from checker.numbers import rounded

    return any(
        rounded(fine.value, coarse.decimals, c) == coarse.value for c in ("half-up", "truncate")
    )


def index(items: Iterable[Metric]) -> dict[Key, list[Metric]]:
    """Metrics by exact key (the document's own figures)."""
    out: dict[Key, list[Metric]] = {}
    for m in items:
        out.setdefault(m.key, []).append(m)
    return out


def loose_index(items: Iterable[Metric]) -> dict[tuple[str, str, str | None], list[Metric]]:
    """Metrics by label, measure and period (another report's figures, whose qualifiers
    may be left out; ``Key.compatible`` decides among the few that share this)."""
    out: dict[tuple[str, str, str | None], list[Metric]] = {}
    for m in items:
        out.setdefault(m.key.loose, []).append(m)
    return out


class Lookup:
    """``lookup`` with its answers kept: a report ten times as long, or the same metric
    asked for again, costs one look per distinct key."""

    def __init__(self, items: Iterable[Metric]) -> None:
        self.loose = loose_index(items)
        self._answers: dict[Key, Metric | None] = {}

    def __call__(self, key: Key) -> Metric | None:
        if key not in self._answers:
            self._answers[key] = lookup(self.loose, key)
        return self._answers[key]


def lookup(
    loose: dict[tuple[str, str, str | None], list[Metric]], key: Key
) -> Metric | None:
    """The one figure another report gives for a metric, or None when it gives none or
    several that disagree (then nothing can be said)."""
    found = [m for m in loose.get(key.loose, ()) if not m.approximate and m.key.compatible(key)]
    if not found:
        return None
    best = max(_shared(key, m.key) for m in found)
    pool = [m for m in found if _shared(key, m.key) == best]
    first = pool[0]
    if all(agree(first, m) for m in pool[1:]):
        return first
    return None


_WEIGHTS = (6, 4, 4, 2)  # level, body, topic, whole: the level tells figures apart most


def _shared(a: Key, b: Key) -> int:
    """How closely two compatible keys match: a qualifier both state alike counts most (a
    figure of the district level over one whose level is not said), one both leave out a
    little (a figure with no level said over one of another sentence's level)."""
    pairs = ((a.level, b.level), (a.organ, b.organ), (a.topic, b.topic), (a.of, b.of))
    return sum(
        w if x is not None and x == y else 1 if x is None and y is None else 0
        for w, (x, y) in zip(_WEIGHTS, pairs)
    )
