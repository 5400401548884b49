"""What every reporter shares: the labels in both languages, the counts, and the grouping
of a file's findings by the report's own sections and places.

Reporters are pure functions of findings; this module holds the few words they print, the
tallies of a run and the outline they follow, so that the text, HTML and machine formats
say the same thing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.findings import CATEGORIES, FileResult, Located, Message, Severity
from checker.sections import Heading, find_headings, path_at
from checker.source import Source

# Most severe first: the order of columns and of the summary line.
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

LABELS: dict[str, Message] = {
    "error": Message("lỗi", "error"),
    "warning": Message("cảnh báo", "warning"),
    "info": Message("thông tin", "info"),
    "stated": Message("Nêu", "Stated"),
    "expected": Message("Đúng ra", "Expected"),
    "evidence": Message("Căn cứ", "Evidence"),
    "summary": Message("Tổng kết", "Summary"),
    "category": Message("Nhóm", "Category"),
    "total": Message("Tổng", "Total"),
    "files": Message("tệp", "files"),
    "file": Message("tệp", "file"),
    "unreadable": Message("không đọc được", "could not be read"),
    "no_findings": Message("Không phát hiện vấn đề nào.", "No problems found."),
    "body": Message("thân văn bản", "body"),
    "footnote": Message("chú thích", "footnote"),
    "endnote": Message("chú thích cuối", "endnote"),
    "table": Message("bảng", "table"),
    "line": Message("dòng", "line"),
    "kind": Message("loại", "kind"),
    "text": Message("văn bản", "text"),
    "value": Message("giá trị", "value"),
    "unit": Message("đơn vị", "unit"),
    "label": Message("nhãn", "label"),
    "details": Message("liên hệ, chi tiết", "relations, details"),
    "facts": Message("dữ kiện", "facts"),
    "code": Message("Mã", "Code"),
    "severity": Message("Mức", "Severity"),
    "name": Message("Tên", "Name"),
    "description": Message("Mô tả", "Description"),
    "rules": Message("quy tắc", "rules"),
    # places and sections
    "related": Message("Liên quan", "Related"),
    "opening": Message("Phần đầu văn bản", "Opening of the document"),
    "unplaced": Message("Ngoài các đề mục", "Outside the sections"),
    "section": Message("Mục", "Section"),
    "checking": Message("Đang kiểm tra", "Checking"),
    # the HTML page
    "page_title": Message("Kết quả rà soát", "Review findings"),
    "findings": Message("Phát hiện", "Findings"),
    "document": Message("Văn bản", "Document"),
    "filters": Message("Lọc", "Filter"),
    "select_all": Message("Chọn hết", "All"),
    "select_none": Message("Bỏ hết", "None"),
    "shown": Message("đang hiện", "shown"),
    "citations": Message("Chỉ mục văn bản được trích dẫn", "Citation index"),
    "cited": Message("Văn bản", "Document"),
    "dates": Message("Ngày", "Dates"),
    "mentions": Message("Nơi trích dẫn", "Mentions"),
    "no_text": Message(
        "Không có nội dung văn bản để hiển thị; chỉ có dòng chứa phát hiện.",
        "The document's text was not given; only the lines with findings are shown.",
    ),
    "generated": Message("Tạo bởi rasoat", "Made by rasoat"),
    # Word comments
    "comment_in_note": Message("Tại {where}, dòng {line}", "In {where}, line {line}"),
}

CATEGORY_LABELS: dict[str, Message] = {
    "percent": Message("tỷ lệ phần trăm", "percent"),
    "ratio": Message("tỷ số", "ratio"),
    "sum": Message("tổng và thành phần", "sum"),
    "delta": Message("tăng, giảm", "delta"),
    "target": Message("chỉ tiêu", "target"),
    "xref": Message("đối chiếu số liệu", "cross-reference"),
    "count": Message("số lượng", "count"),
    "date": Message("ngày tháng, nhiệm kỳ", "date"),
    "reference": Message("trích dẫn văn bản", "reference"),
    "typo": Message("chính tả", "spelling"),
    "format": Message("trình bày", "format"),
    "footnote": Message("chú thích", "footnote"),
    "form": Message("thể thức", "form"),
}


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


def severity_label(severity: Severity, lang: str) -> str:
    return LABELS[severity.value].get(lang)


def category_label(category: str, lang: str) -> str:
    known = CATEGORY_LABELS.get(category)
    return known.get(lang) if known else category


def where_label(where: str, lang: str) -> str:
    """ "footnote 3" -> "chú thích 3"; an unknown part of a document is shown as it is."""
    kind, _, number = where.partition(" ")
    if kind not in ("body", "footnote", "endnote", "table"):
        return where
    name = LABELS[kind].get(lang)
    return f"{name} {number}" if number else name


def related_label(related: tuple[int, int, int, int, str], lang: str) -> str:
    """A related place as a person reads it: "12:5" or "12:5 (chú thích 3)"."""
    line, column, _, _, where = related
    place = f"{line}:{column}"
    return place if where == "body" else f"{place} ({where_label(where, lang)})"


# How a value made of, or edged with, white space is shown: "␣" for each space, so that
# "2 spaces -> 1 space" and ", -> , " can be read.
_VISIBLE = str.maketrans({" ": "␣", "\t": "⇥", "\n": "↵", "\u00a0": "⍽"})


_ODD_SPACE = re.compile(r"^\s+|\s+$|\s{2,}|[^\S ]")


def shown_value(value: str) -> str:
    """A stated or expected value as shown to a person: as it is, except the white space
    that may be what it is about (at its edges, doubled, tabs, no-break spaces), which gets
    visible marks; an empty value is "∅"."""
    if not value:
        return "∅"
    return _ODD_SPACE.sub(lambda m: m.group().translate(_VISIBLE), value)


def related_places(related: Sequence[tuple[int, int, int, int, str]], lang: str, most: int) -> str:
    """The first ``most`` related places, then how many more there are."""
    shown = ", ".join(related_label(r, lang) for r in related[:most])
    rest = len(related) - most
    return f"{shown}, … (+{rest})" if rest > 0 else shown


def one_line(text: str) -> str:
    """Messages are shown on one line in line-oriented formats."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Counts:
    """The tallies of a run: files, unreadable files, findings by severity and category."""

    files: int
    unreadable: int
    by_severity: tuple[tuple[Severity, int], ...]
    by_category: tuple[tuple[str, tuple[tuple[Severity, int], ...]], ...]

    def severity(self, severity: Severity) -> int:
        return dict(self.by_severity)[severity]

    @property
    def findings(self) -> int:
        return sum(n for _, n in self.by_severity)


def count(results: Sequence[FileResult]) -> Counts:
    per_severity: Counter[Severity] = Counter()
    per_category: Counter[tuple[str, Severity]] = Counter()
    for result in results:
        for loc in result.findings:
            per_severity[loc.severity] += 1
            per_category[(loc.finding.category, loc.severity)] += 1
    categories = [c for c in CATEGORIES if any(k[0] == c for k in per_category)]
    categories += sorted({k[0] for k in per_category} - set(CATEGORIES))
    return Counts(
        files=len(results),
        unreadable=sum(1 for r in results if r.error is not None),
        by_severity=tuple((s, per_severity[s]) for s in SEVERITIES),
        by_category=tuple(
            (c, tuple((s, per_category[(c, s)]) for s in SEVERITIES)) for c in categories
        ),
    )


# -- sections and places ---------------------------------------------------------------------
# The order of the parts of a document within one section: the text, its tables, its notes.
PLACE_ORDER = {"body": 0, "table": 1, "footnote": 2, "endnote": 3}


def place_key(where: str) -> tuple[int, int, str]:
    """Sort key of a place: body, then table 1, 2 ..., footnote 1, 2 ..., endnote 1, 2 ..."""
    kind, _, number = where.partition(" ")
    return (PLACE_ORDER.get(kind, 4), int(number) if number.isdigit() else 0, where)


@dataclass(frozen=True)
class Place:
    """The findings of one part of a document ("body", "footnote 3", "table 1") in a section."""

    where: str
    findings: tuple[Located, ...]


@dataclass(frozen=True)
class Section:
    """The findings under one heading of the draft.

    ``chain`` is the heading and its parents, outermost first; () is the text before the
    first heading (or a document without headings); None holds the notes whose reference
    in the body is unknown, so they belong to no section.
    """

    chain: tuple[Heading, ...] | None
    places: tuple[Place, ...]


def sections_of(findings: Sequence[Located], source: Source | None = None) -> tuple[Section, ...]:
    """A file's findings grouped by the draft's own headings, then by place.

    Without the Source there are no headings: one section holding every place. A finding in
    a footnote belongs to the section where the footnote's reference stands.
    """
    heads = find_headings(source) if source is not None else ()
    heading_lines = [source.position(h.offset).line for h in heads] if source else []
    note_lines = _note_reference_lines(source)
    groups: dict[int | None, dict[str, list[Located]]] = {}
    for loc in findings:
        anchor = _anchor_line(loc, note_lines) if source is not None else loc.line
        key = None if anchor is None else bisect.bisect_right(heading_lines, anchor)
        groups.setdefault(key, {}).setdefault(loc.where, []).append(loc)
    out: list[Section] = []
    for key in sorted(groups, key=lambda k: (k is None, k or 0)):
        chain = None if key is None else (path_at(heads, heads[key - 1].offset) if key else ())
        places = tuple(
            Place(where, tuple(sorted(locs, key=lambda f: (f.line, f.column))))
            for where, locs in sorted(groups[key].items(), key=lambda item: place_key(item[0]))
        )
        out.append(Section(chain, places))
    return tuple(out)


def section_label(chain: tuple[Heading, ...] | None, lang: str) -> str:
    """How a section is named on one line: its own heading, or the opening / outside."""
    if chain is None:
        return label("unplaced", lang)
    if not chain:
        return label("opening", lang)
    return chain[-1].text


def _note_reference_lines(source: Source | None) -> Mapping[str, int]:
    """ "footnote 3" -> the line of the body where footnote 3 is referred to."""
    if source is None:
        return {}
    return {
        seg.where: source.position(seg.ref).line
        for seg in source.segments
        if seg.ref is not None and seg.kind.value in ("footnote", "endnote")
    }


def _anchor_line(loc: Located, note_lines: Mapping[str, int]) -> int | None:
    """The body line that places a finding in a section: its own line, or for a finding in
    a note the line of the note's reference (None when unknown)."""
    if loc.where.partition(" ")[0] in ("footnote", "endnote"):
        return note_lines.get(loc.where)
    return loc.line
