"""C106: one document called by two type words."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.facts import Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.common import at_lines, dissent
from checker.rules.citations.index import citation_index
from checker.rules.citations.tables import capital


class SameDocumentTwoTypes(Rule):
    """The same number and code called by two different type words.

    A code names one document, of one type. Some type words share their letters (a Party
    Quyết định and a Quy định may both be QĐ), so the letters alone cannot catch "Quyết
    định số 1120-QĐ/TU" at one place and "Quy định số 1120-QĐ/TU" at another; the mentions
    can. A mention whose type word differs from the one most mentions use is reported (on a
    tie, the later mentions).

    Wrong: "Quy định số 1120-QĐ/TU ..." and later "Quyết định số 1120-QĐ/TU ..."
    Right: "Quy định số 1120-QĐ/TU" at both places.
    """

    doc_vi = """Cùng một số, ký hiệu nhưng gọi bằng hai tên loại văn bản khác nhau.

    Một ký hiệu chỉ một văn bản, thuộc một loại. Một số tên loại dùng chung chữ viết tắt
    (Quyết định và Quy định của Đảng đều có thể là QĐ), nên chỉ xét chữ viết tắt thì không
    phát hiện được "Quyết định số 1120-QĐ/TU" ở một nơi và "Quy định số 1120-QĐ/TU" ở nơi
    khác; so các lần trích dẫn thì phát hiện được. Lần trích dẫn có tên loại khác với tên
    loại đa số các lần khác dùng sẽ bị báo (nếu số lần bằng nhau thì báo ở các lần sau).

    Sai: "Quy định số 1120-QĐ/TU ..." rồi sau đó "Quyết định số 1120-QĐ/TU ..."
    Đúng: "Quy định số 1120-QĐ/TU" ở cả hai nơi.
    """

    code = "C106"
    name = "reference.same-document-two-types"
    category = "reference"
    severity = Severity.WARNING
    wants = (Reference,)

    def check(self, doc: Document) -> Iterator[Finding]:
        for cited in citation_index(doc.facts):
            found = dissent(cited.mentions, lambda m: None if m.short else m.doc_type)
            if found is None:
                continue
            for m in found.odd:
                others = found.others(m.doc_type)
                other_types = ", ".join(dict.fromkeys(f"“{capital(o.doc_type)}”" for o in others))
                where_vi, where_en = at_lines(doc, others)
                code = m.raw_code or cited.code
                yield self.finding(
                    m.span,
                    Message(
                        vi=f"{code} được gọi là “{capital(m.doc_type)}” ở đây nhưng {other_types} ở {where_vi}",
                        en=f"{code} is called “{capital(m.doc_type)}” here but {other_types} on {where_en}",
                    ),
                    stated=capital(m.doc_type),
                    expected=capital(found.expected) if found.expected else None,
                    related=tuple(o.span for o in others),
                )
