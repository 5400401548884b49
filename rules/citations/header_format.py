"""C203: the header's date line written as Nghị định 30/2020 (and Hướng dẫn 36) ask."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.extract.citations import header_date
from checker.findings import Finding, Message, Severity


def standard_form(day: int, month: int, year: int) -> str:
    """"ngày 05 tháng 02 năm 2020", "ngày 15 tháng 3 năm 2023": a zero before a day below
    10 and before the months 1 and 2, none before the other months."""
    m = f"{month:02d}" if month <= 2 else str(month)
    return f"ngày {day:02d} tháng {m} năm {year}"


class HeaderDateFormat(Rule):
    """The date in the header is written in words, with a zero before a day below 10 and
    before the months 1 and 2.

    Nghị định 30/2020/NĐ-CP (and Hướng dẫn 36-HD/VPTW for Party documents) write the
    place and date line as "Hà Nội, ngày 05 tháng 02 năm 2020": the day below 10 and the
    months January and February take a leading zero, the other months none, and the date
    is not written in figures with slashes. A draft's blank day and month are not judged.

    Wrong: "Hậu Giang, ngày 5 tháng 2 năm 2023", "Hậu Giang, ngày 15 tháng 03 năm 2023",
    "Hậu Giang, ngày 05/02/2023"
    Right: "Hậu Giang, ngày 05 tháng 02 năm 2023", "Hậu Giang, ngày 15 tháng 3 năm 2023"
    """

    doc_vi = """Ngày tháng ở phần đầu văn bản viết bằng chữ, thêm số 0 trước ngày nhỏ hơn 10 và
    trước tháng 1, tháng 2.

    Nghị định 30/2020/NĐ-CP (và Hướng dẫn 36-HD/VPTW với văn bản của Đảng) quy định dòng
    địa danh và ngày tháng viết như "Hà Nội, ngày 05 tháng 02 năm 2020": ngày nhỏ hơn 10 và
    tháng 1, tháng 2 thêm số 0 ở trước, các tháng khác thì không, và không viết ngày bằng
    số có gạch chéo. Ngày, tháng còn để trống của dự thảo thì không xét.

    Sai: "Hậu Giang, ngày 5 tháng 2 năm 2023", "Hậu Giang, ngày 15 tháng 03 năm 2023",
    "Hậu Giang, ngày 05/02/2023"
    Đúng: "Hậu Giang, ngày 05 tháng 02 năm 2023", "Hậu Giang, ngày 15 tháng 3 năm 2023"
    """

    code = "C203"
    name = "date.header-format"
    category = "date"
    severity = Severity.INFO
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        header = header_date(doc.source)
        if header is None or header.day is None or header.month is None:
            return
        if not 1 <= header.month <= 12 or not 1 <= header.day <= 31:
            return
        expected = standard_form(header.day, header.month, header.year)
        stated = header.digits.form
        if stated == expected:
            return
        yield self.finding(
            header.span,
            Message(
                vi=f"Ngày tháng ở phần đầu nên viết “{expected}”, không phải “{stated}” (Nghị định 30/2020/NĐ-CP)",
                en=f"The header's date should read “{expected}”, not “{stated}” (Decree 30/2020/NĐ-CP)",
            ),
            stated=stated,
            expected=expected,
        )
