"""X201: "bao gồm 12 văn bản" against the numbered list it introduces."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.xref import lists
from checker.rules.xref.metrics import Places

from checker.engine import Document, Rule
from checker.facts import Quantity
from checker.findings import Finding, Message, Severity


class CountOfListedItems(Rule):
    """A stated number of items must be the number of items listed.

    A count followed by a numbered list, inline after a colon ("gồm 3 nội dung: (1) ...
    (2) ... (3) ...", or on the lines that follow) or in the footnote whose marker follows it
    ("bao gồm 12 văn bản[12]" and the footnote "(1) ... (12) ..."), must match the number of
    items. Only what can be counted is reported: numbering that skips or repeats is left
    alone, and a list that stops mid-item (a cut footnote) with fewer items than stated is
    reported for information only. The mismatch is an error when the count is introduced as
    the list ("bao gồm", "gồm", "như sau"), a warning otherwise.

    Wrong: "bao gồm 12 văn bản" and a footnote listing (1) to (11)
    Right: "bao gồm 11 văn bản" and a footnote listing (1) to (11)
    """

    doc_vi = """Số mục nêu ra phải bằng số mục được liệt kê.

    Một số lượng đi kèm danh sách đánh số, ngay sau dấu hai chấm ("gồm 3 nội dung: (1) ...
    (2) ... (3) ...", hoặc ở các dòng tiếp theo) hoặc trong chú thích có dấu chú thích ngay
    sau nó ("bao gồm 12 văn bản[12]" và chú thích "(1) ... (12) ..."), phải bằng số mục. Chỉ
    báo những gì đếm được: số thứ tự nhảy cóc hoặc lặp lại thì bỏ qua, danh sách dừng giữa
    chừng (chú thích bị cắt) có ít mục hơn số nêu chỉ báo ở mức thông tin. Không khớp là lỗi
    khi số lượng được nêu để dẫn vào danh sách ("bao gồm", "gồm", "như sau"), là cảnh báo
    trong các trường hợp khác.

    Sai: "bao gồm 12 văn bản" và chú thích liệt kê từ (1) đến (11)
    Đúng: "bao gồm 11 văn bản" và chú thích liệt kê từ (1) đến (11)
    """

    code = "X201"
    name = "count.listed-items"
    category = "count"
    severity = Severity.ERROR
    wants = (Quantity,)

    def check(self, doc: Document) -> Iterator[Finding]:
        source = doc.source
        places = Places(source)
        for q in doc.facts.of(Quantity):
            if q.unit not in lists.LISTABLE or q.number.decimals or not 1 < q.value < 100:
                continue
            counted = lists.inline_list(source, q) or lists.footnote_list(source, q, places)
            if counted is None or not counted.reliable or counted.items == q.value:
                continue
            stated = int(q.value)
            if counted.items < stated and not counted.complete:
                severity = Severity.INFO
                vi = f"Chỉ đếm được {counted.items} mục trong danh sách ({_where_vi(counted)}) dường như bị cắt, trong khi nêu {q.text}"
                en = f"Only {counted.items} items could be counted in the list ({counted.where}), which seems cut, while {q.text} are stated"
            else:
                severity = Severity.ERROR if lists.introduced(source, q) else Severity.WARNING
                vi = f"Nêu {q.text} nhưng danh sách ({_where_vi(counted)}) có {counted.items} mục"
                en = f"{q.text} stated but the list ({counted.where}) has {counted.items} items"
            line = source.position(counted.start).line
            yield self.finding(
                q.span,
                Message(vi=vi, en=en),
                stated=q.number.text,
                expected=str(counted.items),
                evidence=Message(
                    vi=f"danh sách ở dòng {line}, đánh số kiểu {counted.style}",
                    en=f"the list on line {line}, numbered {counted.style}",
                ),
                severity=severity,
            )


def _where_vi(counted: lists.Counted) -> str:
    kind, _, number = counted.where.partition(" ")
    names = {"inline": "ngay sau", "footnote": "chú thích", "endnote": "chú thích cuối"}
    return f"{names.get(kind, kind)} {number}".strip()
