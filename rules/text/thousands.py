"""T209: numbers written with and without the thousands dot in one document."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from checker.rules.text.common import count, lines, quote, span

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity

GROUPED = re.compile(r"(?<![\d.,/\w])\d{1,3}(?:\.\d{3})+(?![\d.])")
PLAIN = re.compile(r"(?<![\d.,/\w\-–])\d{4,}(?![\d/\-–]|[.,]\d)")
# Words after which a bare number is a year or a document's number, not a count.
NOT_A_COUNT = re.compile(
    r"(?:năm|số|khóa|khoá|nhiệm kỳ|giai đoạn|từ|đến|Nghị định|Thông tư|Quyết định|Chỉ thị|"
    r"Kết luận|Nghị quyết|Quy định|Hướng dẫn|Kế hoạch|Công văn|Điều|mã|Mã|tài khoản)\s*$",
    re.IGNORECASE,
)
SPAN_AFTER = re.compile(r"\s*[-–]\s*\d")


class ThousandsSeparator(Rule):
    """The same document writes some numbers with the thousands dot and some without.

    Vietnamese groups thousands with a dot ("16.244 người", "1.081 học viên"); a draft that
    also writes "3221 học viên" or "1081 học viên" mixes two styles, and "1081" beside
    "1.081" makes a reader wonder whether they are the same figure. Years, document numbers
    and codes ("năm 2023", "Quyết định số 1909-QĐ/TU", "2020 - 2025") are never grouped and
    are not counted. The minority style is reported at each place; when the same value is
    also written in the other style, the message says where.

    Wrong: có 12 lớp, 1081 học viên (elsewhere: 1.081 học viên, 16.244 người)
    Right: có 12 lớp, 1.081 học viên
    """

    code = "T209"
    name = "format.thousands-separator"
    category = "format"
    severity = Severity.INFO
    doc_vi = """Văn bản viết một số con số có dấu chấm phân cách hàng nghìn, một số thì không.

    Tiếng Việt phân cách hàng nghìn bằng dấu chấm ("16.244 người", "1.081 học viên"); dự thảo
    viết thêm "3221 học viên" hay "1081 học viên" là trộn hai cách viết, và "1081" bên cạnh
    "1.081" khiến người đọc băn khoăn có phải cùng một số liệu. Năm, số và ký hiệu văn bản ("năm
    2023", "Quyết định số 1909-QĐ/TU", "2020 - 2025") không bao giờ có dấu phân cách và không được
    tính. Cách viết thiểu số được báo ở từng chỗ; khi cùng giá trị đó cũng được viết theo cách kia,
    thông báo nêu vị trí.

    Sai: có 12 lớp, 1081 học viên (chỗ khác: 1.081 học viên, 16.244 người)
    Đúng: có 12 lớp, 1.081 học viên
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        grouped = [(m.start(), m.end(), int(m.group().replace(".", "")))
                   for m in GROUPED.finditer(text)]
        plain = [(m.start(), m.end(), int(m.group())) for m in PLAIN.finditer(text)
                 if _count_like(text, m.start(), m.end(), int(m.group()))]
        if not grouped or not plain:
            return
        if len(plain) <= len(grouped):
            minority, majority, want_dot = plain, grouped, True
        else:
            minority, majority, want_dot = grouped, plain, False
        by_value: dict[int, list[int]] = defaultdict(list)
        for start, _, value in majority:
            by_value[value].append(start)
        for start, end, value in minority:
            stated = text[start:end]
            expected = _grouped(value) if want_dot else str(value)
            same = by_value.get(value, [])
            if want_dot:
                vi = (f"{quote(stated)} viết không có dấu chấm phân cách hàng nghìn, trong khi văn "
                      f"bản viết {count(len(majority))} số khác có dấu chấm")
                en = (f"{quote(stated)} lacks the thousands dot that {count(len(majority))} other "
                      f"numbers of the document have")
            else:
                vi = (f"{quote(stated)} có dấu chấm phân cách hàng nghìn, trong khi văn bản viết "
                      f"{count(len(majority))} số khác không có dấu chấm")
                en = (f"{quote(stated)} has a thousands dot that {count(len(majority))} other "
                      f"numbers of the document lack")
            evidence = None
            if same:
                evidence = Message(
                    vi=f"cùng giá trị được viết {quote(expected)} ở dòng {lines(doc, same)}",
                    en=f"the same value is written {quote(expected)} on lines {lines(doc, same)}",
                )
            yield self.finding(
                span(start, end),
                Message(vi=vi, en=en),
                stated=stated,
                expected=expected,
                evidence=evidence,
                related=tuple(span(s, s + len(expected)) for s in same[:10]),
            )


def _count_like(text: str, start: int, end: int, value: int) -> bool:
    """A bare number that counts something (not a year, a document number or a code)."""
    if end - start == 4 and 1900 <= value <= 2100:
        return False  # a year, or too like one to tell
    if NOT_A_COUNT.search(text, max(0, start - 14), start):
        return False
    if SPAN_AFTER.match(text, end):
        return False
    return not text[max(0, start - 2):start].rstrip().endswith(("-", "–"))


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", ".")
