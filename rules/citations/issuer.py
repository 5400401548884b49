"""C105: the issuer named in a citation against the issuer in its code."""

from __future__ import annotations

from collections.abc import Iterator

from checker.engine import Document, Rule
from checker.extract.citations import code_parts
from checker.facts import Reference
from checker.findings import Finding, Message, Severity
from checker.rules.citations.letters import issuer_segment
from checker.rules.citations.tables import join, tables_for


class IssuerCode(Rule):
    """The body a citation names as issuer must be the one its code names.

    A code ends with its issuer: TW for the Party's Central Committee, the Politburo and
    the Secretariat, TU for the provincial Party committee and its standing committee,
    BTCTW for the Central Organisation Commission, HĐND for a people's council. When the
    citation names the issuer ("của Ban Tổ chức Trung ương") and both the name and the
    abbreviation are in the issuer table (rules/citations/issuers.toml, extendable in the
    configuration), they must agree; unknown names and abbreviations are not judged.

    Wrong: "Hướng dẫn số 16-HD/BTCTU ngày 15/02/2022 của Ban Tổ chức Trung ương"
    Right: "Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương"
    """

    doc_vi = """Cơ quan ban hành nêu trong trích dẫn phải khớp cơ quan ban hành trong ký hiệu.

    Ký hiệu kết thúc bằng cơ quan ban hành: TW là Ban Chấp hành Trung ương, Bộ Chính trị,
    Ban Bí thư; TU là Tỉnh ủy và Ban Thường vụ Tỉnh ủy; BTCTW là Ban Tổ chức Trung ương;
    HĐND là Hội đồng nhân dân. Khi trích dẫn nêu cơ quan ban hành ("của Ban Tổ chức Trung
    ương") và cả tên lẫn chữ viết tắt đều có trong bảng cơ quan ban hành
    (rules/citations/issuers.toml, có thể bổ sung trong cấu hình) thì hai bên phải khớp;
    tên hay chữ viết tắt chưa biết thì không xét.

    Sai: "Hướng dẫn số 16-HD/BTCTU ngày 15/02/2022 của Ban Tổ chức Trung ương"
    Đúng: "Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương"
    """

    code = "C105"
    name = "reference.issuer-code"
    category = "reference"
    severity = Severity.WARNING
    wants = (Reference,)

    def check(self, doc: Document) -> Iterator[Finding]:
        tables = tables_for(doc.settings)
        named_by: dict[str, frozenset[str]] = {}  # a document names the same bodies again and again
        for ref in doc.facts.of(Reference):
            parts = code_parts(ref.raw_code)
            if parts is None or not ref.issuer:
                continue
            segment = issuer_segment(parts, tables)
            abbr = tables.issuer_of(segment) if segment else None
            if abbr is None:
                continue
            named = named_by.get(ref.issuer)
            if named is None:
                named = named_by[ref.issuer] = tables.abbreviations_named(ref.issuer)
            if not named or abbr in named:
                continue
            names = sorted(named)
            expected = join(names, "hoặc")
            yield self.finding(
                ref.span,
                Message(
                    vi=f"{ref.raw_code} ghi cơ quan ban hành {segment}, nhưng văn bản được nêu là của {ref.issuer} ({expected})",
                    en=f"{ref.raw_code} names the issuer {segment}, but the citation says it is by {ref.issuer} ({join(names, 'or')})",
                ),
                stated=segment,
                expected=names[0],
            )
