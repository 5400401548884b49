"""T207: two or three spaces between words inside a line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rules.text.common import quote, span

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity

# 2-3 spaces between two visible characters. Four or more are left alone: they are the blanks
# of a form ("Số        -BC/TU", "ngày      tháng"). A space run before punctuation belongs
# to the punctuation rule, one after an opening bracket too.
DOUBLE = re.compile(r"(?<=[^\s(“\[])[ \u00a0]{2,3}(?=[^\s,;:.!?)”\]])")


class DoubleSpace(Rule):
    """Two or three spaces between words where one belongs.

    Extra spaces are left behind by editing; they break searching for a phrase and justify
    badly. Runs of four or more spaces are taken as the blanks of a form (the number and date
    left empty in a draft) and are not reported. `rasoat check --fix` leaves one space.

    Wrong: cán bộ chủ chốt cấp cơ sở  theo Đề án
    Right: cán bộ chủ chốt cấp cơ sở theo Đề án
    """

    code = "T207"
    name = "format.double-space"
    category = "format"
    severity = Severity.INFO
    doc_vi = """Hai hoặc ba dấu cách giữa hai từ, chỗ chỉ cần một.

    Dấu cách thừa thường sót lại sau khi sửa văn bản; chúng làm hỏng việc tìm kiếm cụm từ và
    căn lề xấu. Chuỗi từ bốn dấu cách trở lên được coi là chỗ trống của biểu mẫu (số và ngày
    để trống trong dự thảo) nên không bị báo. `rasoat check --fix` chỉ để lại một dấu cách.

    Sai: cán bộ chủ chốt cấp cơ sở  theo Đề án
    Đúng: cán bộ chủ chốt cấp cơ sở theo Đề án
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        for m in DOUBLE.finditer(text):
            left = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            ends = [e for e in (text.find(" ", m.end()), text.find("\n", m.end())) if e >= 0]
            context = text[left:min(ends) if ends else len(text)]
            yield self.finding(
                span(m.start(), m.end()),
                Message(
                    vi=f"{len(m.group())} dấu cách liền nhau: {quote(context)}",
                    en=f"{len(m.group())} spaces in a row: {quote(context)}",
                ),
                stated=m.group(),
                expected=" ",
            )
