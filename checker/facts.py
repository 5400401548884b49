"""Facts: what rasoat understood of the prose, as frozen dataclasses with spans.

Spans are offsets into the NFC text of the ``Source``. Facts refer to each other by their
``id`` (the index in ``Facts.items``), so a share knows the quantity it describes and the
whole it is a share of, and a total knows its parts. Rules read facts; they never see the
grammar's trees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

# Fields that hold the id of another fact carry this metadata (reporters show them as links).
LINK = MappingProxyType({"fact": True})
from decimal import Decimal
from typing import Iterator, TypeVar, Union


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Number:
    """A number as written: its value and how many decimals it was stated with."""

    value: Decimal
    decimals: int
    text: str
    leading_zero: bool = False  # "05", "02"
    grouped: bool = False  # written with the thousands dot ("1.081")


@dataclass(frozen=True)
class Fact:
    id: int
    span: Span
    text: str
    sentence: int  # index of the sentence in the document, to relate nearby facts

    kind = "fact"


@dataclass(frozen=True)
class Quantity(Fact):
    """A count or amount: "8.007 người", "02 đồng chí", "8,9 tỷ đồng", "nữ 12"."""

    number: Number
    unit: str | None  # canonical unit from the unit registry: "person", "class", "dong", ...
    unit_text: str | None  # as written: "đ/c", "tỷ đồng"
    scale: Decimal = Decimal(1)  # "8,9 tỷ đồng": scale 10^9 for unit "dong"
    label: str = ""  # normalised words before (or after) the number: "cán bộ trẻ"
    level: str | None = None  # "cấp tỉnh", "cấp huyện", "cấp cơ sở"
    period: str | None = None  # "2025-2030"
    is_total: bool = False  # introduced as a total: "Tổng số ...", "toàn tỉnh có ..."
    role: str = "count"  # "count", "total" (of a Total fact) or "part" (of one)

    @property
    def kind(self) -> str:  # type: ignore[override]
        """"part" for a count listed as a part of a total, else "quantity"."""
        return "part" if self.role == "part" else "quantity"

    @property
    def value(self) -> Decimal:
        return self.number.value * self.scale


@dataclass(frozen=True)
class Percent(Fact):
    """A stated share: "chiếm 49,29%", "chiếm tỷ lệ 3%", "(chiếm 78,37%)", "cấp tỉnh 3,07%".

    ``part`` is the quantity the share describes (when stated), ``whole`` the quantity it is
    a share of; ``whole_source`` says how the whole was found: "stated" (in the sentence,
    "trong tổng số"), "total" (the total this part belongs to), "previous" (the nearest
    preceding total), "sentence" (the first count of the sentence), "subject" (the first count
    of the sentence before, taken only because it gives the stated share), "parts" (the sum of the
    sibling counts whose shares make a complete breakdown), "ratio" (the share is the rate of
    the ratio ``part``), or "none".
    """

    number: Number
    part: int | None = field(default=None, metadata=LINK)
    whole: int | None = field(default=None, metadata=LINK)
    whole_source: str = "none"
    whole_parts: tuple[int, ...] = field(default=(), metadata=LINK)  # whole_source "parts": the counts whose sum is the whole
    label: str = ""
    level: str | None = None
    period: str | None = None
    keyword: str = ""  # "chiếm", "chiếm tỷ lệ", "đạt tỷ lệ", ...

    kind = "percent"

    @property
    def value(self) -> Decimal:
        return self.number.value


@dataclass(frozen=True)
class Ratio(Fact):
    """"32.457/32.960", "8/8", "50/75"; ``rate`` is the percent stated for it, if any."""

    numerator: Number
    denominator: Number
    label: str = ""
    rate: int | None = field(default=None, metadata=LINK)

    kind = "ratio"


@dataclass(frozen=True)
class Total(Fact):
    """A total and its listed parts: "498 ..., trong đó 171 ..., 357 ...".

    ``relation`` is "partition" (the parts add up to the total: "gồm", "(nam ..., nữ ...)")
    or "subset" (the parts are each at most the total, and add up to at most the total when
    they are disjoint: "trong đó"); ``disjoint`` says whether the parts can overlap.
    """

    total: int = field(metadata=LINK)
    parts: tuple[int, ...] = field(metadata=LINK)
    relation: str
    disjoint: bool
    marker: str = ""

    kind = "total"


@dataclass(frozen=True)
class Delta(Fact):
    """A change: "giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025", "tăng 3,5% so với cùng kỳ"."""

    direction: int  # +1 for tăng, -1 for giảm
    amount: Number
    unit: str | None
    measure: str  # "count", "percent" (relative change) or "points" (percentage points)
    subject: int | None = field(default=None, metadata=LINK)  # the quantity or percent that changed
    base: str = ""  # what it is compared with, as written
    base_period: str | None = None  # "2020-2025" when the base is a term or period
    # the earlier figure when it is stated: "tăng 5,2% so với cùng kỳ (1.355 đảng viên)"
    base_value: int | None = field(default=None, metadata=LINK)
    label: str = ""  # what changed, when words say it: "do kết nạp mới"

    kind = "delta"


@dataclass(frozen=True)
class Target(Fact):
    """Achievement against a target: "đạt 96,91% so với Đề án", "đạt 105% kế hoạch"."""

    number: Number
    subject: int | None = field(default=None, metadata=LINK)
    basis: str = ""
    keyword: str = "đạt"  # "đạt" (reached x% of the target) or "vượt" (exceeded it by x%)
    # the target when it is stated: "đạt 97,63% so với Đề án (1.600 học viên)"
    base_value: int | None = field(default=None, metadata=LINK)

    kind = "target"


@dataclass(frozen=True)
class Term(Fact):
    """A term of office or period: "nhiệm kỳ 2020 - 2025", "giai đoạn 2021 - 2025", "năm 2022",
    "Từ năm 2018 đến nay"."""

    start_year: int
    end_year: int | None  # None for "đến nay"
    word: str = ""  # "nhiệm kỳ", "giai đoạn", "năm", "từ năm"

    kind = "term"

    @property
    def key(self) -> str:
        return f"{self.start_year}-{self.end_year}" if self.end_year else str(self.start_year)


@dataclass(frozen=True)
class Date(Fact):
    day: int | None
    month: int | None
    year: int | None
    style: str = "numeric"  # "numeric" (19/5/2018) or "words" (ngày 05 tháng 02 năm 2020)

    kind = "date"


@dataclass(frozen=True)
class Reference(Fact):
    """A cited document: "Kế hoạch số 37-KH/TU ngày 29/6/2021 của Tỉnh ủy"."""

    doc_type: str  # the type word as written, normalised: "kế hoạch"
    number: str | None  # "37"
    code: str | None  # "KH/TU", "2022/NQ-HĐND"
    raw_code: str | None  # as written: "37-KH/TU"
    date: int | None = field(default=None, metadata=LINK)  # id of the Date fact
    issuer: str | None = None  # "Ban Thường vụ Tỉnh ủy"
    title: str | None = None  # the quoted title, if any

    kind = "reference"


@dataclass(frozen=True)
class Enumeration(Fact):
    """The label of an item of an enumerated list: "(1)", "(12)"."""

    number: int

    kind = "enumeration"


@dataclass(frozen=True)
class Cell(Fact):
    """A figure in a table: "Huyện Tân Lợi" × "Tỷ lệ (%)" = 11,35 in table 1.

    ``row_label`` and ``column_label`` are the labels a reader sees (the header rows over a column are
    joined with " / "); ``role`` is the column's role (count, total, plan, actual, share,
    achievement, comparison, change, change_pct, average); ``row_role`` says whether the row
    is a data row, a total row or a subset row ("Trong đó ..."). ``level`` and ``parent``
    give the row's place in the table's outline (``parent`` is the ``row_index`` of the row
    it stands under). ``strong`` says the row's label is a total and nothing else ("Tổng
    cộng", "Cộng", "Toàn tỉnh"), not a label that merely starts like one ("Tổng số đảng
    viên"). ``sentence`` is -1: a cell belongs to no sentence.
    """

    number: Number
    table: int  # 1-based: the table segment's number in a .docx, the order of text tables
    row_label: str
    column_label: str
    unit: str | None  # canonical unit ("person", "million_dong"), "%" or None
    role: str
    row_index: int  # among the body rows of the table, from 0
    column_index: int  # grid column, from 0
    row_role: str = "data"  # "data", "total" or "subset"
    level: int = 1
    parent: int | None = None
    group: str = ""  # the header spanning this column and its neighbours ("Chia ra", "Năm 2023")
    year: int | None = None  # the one year its header names
    caption: str = ""  # "Bảng 2. Kết quả ...", from the line before the table
    strong: bool = True  # for a total row: its label is only a total word

    kind = "cell"

    @property
    def value(self) -> Decimal:
        return self.number.value

    @property
    def label(self) -> str:
        """Row and column, for the facts view."""
        return f"{self.row_label} × {self.column_label}"

    @property
    def signed(self) -> bool:
        """Written with an explicit sign ("+12", "-3")."""
        return self.number.text.lstrip()[:1] in "+-−–"


@dataclass(frozen=True)
class Sentence:
    """A sentence the grammar was given, with whether it parsed."""

    index: int
    span: Span
    parsed: bool


F = TypeVar("F", bound=Fact)
AnyFact = Union[
    Quantity, Percent, Ratio, Total, Delta, Target, Term, Date, Reference, Enumeration, Cell
]


@dataclass(frozen=True)
class Facts:
    """All facts of a document, in text order, with the sentences they came from."""

    items: tuple[Fact, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=())

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, fact_id: int | None) -> Fact | None:
        if fact_id is None:
            return None
        return self.items[fact_id]

    def of(self, cls: type[F]) -> Iterator[F]:
        return (f for f in self.items if isinstance(f, cls))
