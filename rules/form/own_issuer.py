"""F105: the issuer's name in the heading against the issuer in the document's own code."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.form.common import anchor, cite, form_and_rules, said
from checker.rules.form.parse import Form
from checker.rules.form.rulesets import issuer_abbreviation, issuers_named

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


class OwnIssuer(Rule):
    """The heading names the issuing body, and the document's code ends with that body's
    abbreviation.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.2 and II.3, and Hướng dẫn
    36-HD/VPTW, mục II.1.2 and II.1.3: the issuer's name stands at the top left, and the
    code carries its abbreviation (UBND for an Ủy ban nhân dân, TU for a Tỉnh ủy, BTCTU for
    its Ban Tổ chức; rules/form/issuers.toml). A heading without the issuer's name, or a code
    whose issuer is a different body, is a warning; names and abbreviations the table does
    not know are not judged.

    Wrong: "ỦY BAN NHÂN DÂN TỈNH HÒA THUẬN" over "Số: 152/BC-HĐND"
    Right: "ỦY BAN NHÂN DÂN TỈNH HÒA THUẬN" over "Số: 152/BC-UBND"
    """

    doc_vi = """Phần đầu ghi tên cơ quan ban hành, và ký hiệu văn bản kết thúc bằng chữ viết tắt
    của chính cơ quan đó.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.2 và II.3, và Hướng dẫn 36-HD/VPTW,
    mục II.1.2 và II.1.3: tên cơ quan ban hành ở góc trái, ký hiệu mang chữ viết tắt của
    cơ quan đó (UBND là Ủy ban nhân dân, TU là Tỉnh ủy, BTCTU là Ban Tổ chức Tỉnh ủy;
    rules/form/issuers.toml). Thiếu tên cơ quan ban hành, hay ký hiệu ghi một cơ quan khác,
    là cảnh báo; tên và chữ viết tắt bảng chưa có thì không xét.

    Sai: "ỦY BAN NHÂN DÂN TỈNH HÒA THUẬN" với "Số: 152/BC-HĐND"
    Đúng: "ỦY BAN NHÂN DÂN TỈNH HÒA THUẬN" với "Số: 152/BC-UBND"
    """

    code = "F105"
    name = "form.own-issuer"
    category = "form"
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None:
            return
        form, rules = found
        source = rules.issuer_source
        if not form.issuer:
            where = form.national or form.party_title or anchor(form)
            if form.strong and where is not None:
                yield self.finding(
                    where.span,
                    said(
                        "Thiếu tên cơ quan ban hành văn bản",
                        "The issuing body's name is missing",
                        source,
                    ),
                    evidence=cite(source),
                )
            return
        number = form.number
        if number is None or not number.issuer:
            return
        abbr = issuer_abbreviation(number.issuer)
        if abbr is None:
            return
        named = heading_issuers(form)
        if not named or abbr in named:
            return
        block = " ".join(p.text for p in form.issuer)
        expected = min(named)
        yield self.finding(
            number.piece.span,
            said(
                f"Ký hiệu ghi cơ quan ban hành “{number.issuer}”, nhưng tên cơ quan ở đầu văn bản là “{block}” ({', '.join(sorted(named))})",
                f"The code names the issuer “{number.issuer}”, but the heading's issuer is “{block}” ({', '.join(sorted(named))})",
                source,
            ),
            stated=number.issuer,
            expected=expected,
            evidence=cite(source),
            related=tuple(p.span for p in form.issuer),
        )


def heading_issuers(form: Form) -> frozenset[str]:
    """The abbreviations the heading's issuer lines can stand for: the last line alone,
    the lines read in order ("ỦY BAN NHÂN DÂN" + "TỈNH HÒA THUẬN"), and the last line read
    before its parent ("BAN TỔ CHỨC" + "TỈNH ỦY HÒA THUẬN" is BTCTU)."""
    lines = [p.text for p in form.issuer]
    readings = {lines[-1], " ".join(lines)}
    if len(lines) > 1:
        readings.add(" ".join([lines[-1], *lines[:-1]]))
    out: set[str] = set()
    for reading in readings:
        out |= issuers_named(reading)
    return frozenset(out)
