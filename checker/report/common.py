"""What every reporter shares: the labels in both languages and the counts.

Reporters are pure functions of findings; this module holds the few words they print and
the tallies of a run, so that the text, concise and machine formats say the same thing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from checker.findings import CATEGORIES, FileResult, Message, Severity

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
