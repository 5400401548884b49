"""N607 and N608: comparison and change columns against the two figures they compare."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.tables import derive

from checker.engine import Document, Rule
from checker.facts import Cell
from checker.findings import Finding, Severity


class TableComparison(Rule):
    """A comparison or a change in a table must be what its two figures give.

    The later and the earlier figure are found by the years of the headers ("Năm 2023",
    "Năm 2024", "So sánh 2024/2023"), by words ("cùng kỳ", "kỳ này"), or else they are the
    two columns of figures just before. "So sánh (%)" is the later figure as a share of
    the earlier (105% is a rise of 5%); "Tăng/giảm (%)" the change in percent of the earlier
    figure; "Tăng/giảm" the change in units. A header that says one while the column holds
    the other is read as the figures show.

    Wrong: "Năm 2023 | 1.180 | Năm 2024 | 1.284 | So sánh (%) | 108,31" (1.284/1.180 = 108,81%)
    Right: "So sánh (%) | 108,81"
    """

    doc_vi = """Cột so sánh, tăng giảm trong bảng phải bằng kết quả tính từ hai số được so.

    Số kỳ sau và kỳ trước được xác định theo năm ghi ở tiêu đề ("Năm 2023", "Năm 2024",
    "So sánh 2024/2023"), theo từ ngữ ("cùng kỳ", "kỳ này"), nếu không thì là hai cột số liệu
    đứng ngay trước. "So sánh (%)" là số kỳ sau bằng bao nhiêu phần trăm số kỳ trước (105%
    là tăng 5%); "Tăng/giảm (%)" là mức thay đổi tính theo phần trăm của số kỳ trước;
    "Tăng/giảm" là mức thay đổi theo đơn vị. Tiêu đề ghi một kiểu mà số liệu theo kiểu kia
    thì đọc theo số liệu.

    Sai: "Năm 2023 | 1.180 | Năm 2024 | 1.284 | So sánh (%) | 108,31" (1.284/1.180 = 108,81%)
    Đúng: "So sánh (%) | 108,81"
    """

    code = "N607"
    name = "delta.table-comparison"
    category = "delta"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from derive.findings_for(self, doc, ("comparison", "change_pct", "change"))


class TableChangeSign(Rule):
    """A change in a table must have the sign of its two figures.

    In a column "Tăng/giảm" or "Tăng (+), giảm (-)", a rise is written as it is (or with
    "+") and a fall with "-". A change of the right size with the wrong sign says the
    opposite of the table: the figures went down and the column says up, or the reverse.

    Wrong: "Năm 2023 | 212 | Năm 2024 | 198 | Tăng/giảm | +14"
    Right: "Năm 2023 | 212 | Năm 2024 | 198 | Tăng/giảm | -14"
    """

    doc_vi = """Mức tăng giảm trong bảng phải cùng dấu với hai số được so.

    Trong cột "Tăng/giảm" hay "Tăng (+), giảm (-)", mức tăng ghi như số dương (hoặc có dấu
    "+"), mức giảm ghi dấu "-". Đúng độ lớn mà sai dấu là nói ngược với bảng: số liệu giảm mà
    cột ghi tăng, hoặc ngược lại.

    Sai: "Năm 2023 | 212 | Năm 2024 | 198 | Tăng/giảm | +14"
    Đúng: "Năm 2023 | 212 | Năm 2024 | 198 | Tăng/giảm | -14"
    """

    code = "N608"
    name = "delta.table-change-sign"
    category = "delta"
    severity = Severity.ERROR
    wants = (Cell,)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from derive.findings_for(self, doc, ("change_pct", "change"), signs=True)
