"""X102: a figure restated with a slip of one keystroke."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from checker.engine import Document, Rule
from checker.extract import labels
from checker.facts import Delta, Fact, Quantity
from checker.findings import Finding, Message, Severity
from checker.sections import headings

# Words every count shares: they say nothing about which count it is.
_GENERIC = frozenset(
    {"đồng", "chí", "người", "cán", "bộ", "đảng", "viên", "học", "lớp", "cuộc", "trường", "hợp",
     "tổng", "số", "năm", "tháng", "tỉnh", "huyện", "xã", "các", "cấp", "đơn", "vị", "mới"}
)
_SMALLEST = 100  # below this, two counts a keystroke apart are too common to mean anything


@dataclass(frozen=True)
class _Figure:
    fact: Fact
    digits: str
    unit: str
    words: frozenset[str]
    segment: int  # the part of the report: a note, or a section of the body


class NearDuplicate(Rule):
    """A count restated elsewhere should not differ from it by one slip of the keyboard.

    When two counts of the same kind of unit, about the same thing (their labels share two
    telling words such as "kết nạp"), stand in different parts of the report (the body and a
    footnote, two sections) and differ only by two neighbouring digits swapped, one of them
    is most likely mistyped. Counts below 100 are left alone.

    Wrong: "toàn Đảng bộ đã kết nạp 1.426 đảng viên" in the body and "tăng 1.462 đồng chí do
    kết nạp mới" in a footnote on the same months
    Right: "tăng 1.426 đồng chí do kết nạp mới"
    """

    doc_vi = """Một số liệu nêu lại ở chỗ khác không nên lệch với nó chỉ vì một lần gõ nhầm.

    Khi hai số lượng cùng loại đơn vị, về cùng một việc (nhãn có chung hai từ đặc trưng như
    "kết nạp"), ở hai phần khác nhau của báo cáo (thân bài và chú thích, hai mục) chỉ khác
    nhau vì hai chữ số liền nhau đổi chỗ, nhiều khả năng một trong hai bị gõ nhầm. Số lượng
    dưới 100 không xét.

    Sai: "toàn Đảng bộ đã kết nạp 1.426 đảng viên" ở thân bài và "tăng 1.462 đồng chí do kết
    nạp mới" ở chú thích cho cùng khoảng thời gian
    Đúng: "tăng 1.426 đồng chí do kết nạp mới"
    """

    code = "X102"
    name = "xref.near-duplicate"
    category = "xref"
    severity = Severity.WARNING
    wants = (Quantity, Delta)

    def check(self, doc: Document) -> Iterator[Finding]:
        figures = list(_figures(doc))
        index: dict[tuple[str, str], list[_Figure]] = {}
        for fig in figures:
            index.setdefault((fig.unit, fig.digits), []).append(fig)
        reported: set[tuple[int, int]] = set()
        for fig in figures:
            for variant, how_vi, how_en in _slips(fig.digits):
                for other in index.get((fig.unit, variant), []):
                    pair = (min(fig.fact.id, other.fact.id), max(fig.fact.id, other.fact.id))
                    if pair in reported or other.segment == fig.segment or len(fig.words & other.words) < 2:
                        continue
                    if (fig.unit, fig.digits) in _same_elsewhere(index, other, fig):
                        continue
                    reported.add(pair)
                    later, earlier = (fig, other) if fig.fact.span.start > other.fact.span.start else (other, fig)
                    line = doc.source.position(earlier.fact.span.start).line
                    shared = ", ".join(sorted(fig.words & other.words))
                    yield self.finding(
                        later.fact.span,
                        Message(
                            vi=f"{_shown(later)} có thể là {_shown(earlier)} ở dòng {line} bị gõ nhầm ({how_vi})",
                            en=f"{_shown(later)} may be a slip for {_shown(earlier)} on line {line} ({how_en})",
                        ),
                        stated=_shown(later),
                        expected=_shown(earlier),
                        evidence=Message(
                            vi=f"cùng đơn vị, cùng nội dung ({shared}); {earlier.fact.text} ở dòng {line}",
                            en=f"same unit, same subject ({shared}); {earlier.fact.text} on line {line}",
                        ),
                        related=(earlier.fact.span,),
                    )


def _part(doc: Document, offset: int, starts: list[int]) -> int:
    """Which part of the report an offset is in: a footnote or endnote by itself, the body
    by its section (the heading before it)."""
    segment = doc.source.segment_at(offset)
    if segment.kind.value != "body":
        return -1 - doc.source.segments.index(segment)
    return bisect.bisect_right(starts, offset)


def _figures(doc: Document) -> Iterator[_Figure]:
    stop = labels.data().stopwords
    starts = [offset for offset, _text in headings(doc.source)]
    for fact in doc.facts:
        if isinstance(fact, Quantity) and fact.unit:
            number, unit, label = fact.number, fact.unit, fact.label
        elif isinstance(fact, Delta) and fact.measure == "count" and fact.unit:
            number, unit, label = fact.amount, fact.unit, fact.label
        else:
            continue
        if number.decimals or number.value < _SMALLEST:
            continue
        words = frozenset(
            w for w in label.lower().replace(",", " ").split() if w not in stop and w not in _GENERIC
        )
        if not words:
            continue
        yield _Figure(fact, str(int(number.value)), unit, words, _part(doc, fact.span.start, starts))


def _slips(digits: str) -> Iterator[tuple[str, str, str]]:
    """The numbers with two neighbouring digits swapped: the slip of a restated figure.
    (Any digit changed would pair too many different counts that merely look alike.)"""
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            yield digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :], "hai chữ số đổi chỗ", "two digits swapped"


def _same_elsewhere(index: dict[tuple[str, str], list[_Figure]], other: _Figure, fig: _Figure) -> set[tuple[str, str]]:
    """When the figure itself is stated again beside ``other`` (same segment), the two are
    different counts that merely look alike."""
    return {(f.unit, f.digits) for f in index.get((fig.unit, fig.digits), []) if f.segment == other.segment and f.words & fig.words}


def _shown(fig: _Figure) -> str:
    fact = fig.fact
    return fact.amount.text if isinstance(fact, Delta) else fact.number.text  # type: ignore[attr-defined]
