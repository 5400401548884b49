"""F107: the recipients ("Nơi nhận:") and their last line, the archive copy ("Lưu ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.rules.form.common import cite, form_and_rules, said
from checker.rules.form.parse import fold_same

from checker.engine import Document, Rule
from checker.findings import Finding, Severity


class Recipients(Rule):
    """A document ends with "Nơi nhận:" and its list, whose last line keeps the archive copy.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9: "Nơi nhận:" with its colon, one
    recipient a line after a dash, and last "- Lưu: VT, ..." (the colon, then the records
    office VT and the drafting unit). Hướng dẫn 36-HD/VPTW, mục II.1.9: the last line keeps
    the copy of the issuing office, "- Lưu Văn phòng Tỉnh ủy." or "- Lưu VPTU.". A signed
    document with no "Nơi nhận:", a list without its "Lưu" line or with lines after it, and
    (in a State document) "Lưu" without its colon or without VT, are warnings.

    Wrong: "Nơi nhận:" / "- Như trên;" / "- Sở Nội vụ." (no "Lưu"); "- Lưu VT." in a State
    document
    Right: "Nơi nhận:" / "- Như trên;" / "- Lưu: VT, NV." (State); "- Lưu VPTU." (Party)
    """

    doc_vi = """Văn bản kết thúc bằng "Nơi nhận:" và danh sách nơi nhận, dòng cuối là lưu văn thư.

    Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9: "Nơi nhận:" có dấu hai chấm, mỗi
    nơi nhận một dòng sau gạch đầu dòng, dòng cuối "- Lưu: VT, ..." (dấu hai chấm, chữ VT
    rồi đơn vị soạn thảo). Hướng dẫn 36-HD/VPTW, mục II.1.9: dòng cuối lưu tại văn phòng
    cơ quan ban hành, "- Lưu Văn phòng Tỉnh ủy." hoặc "- Lưu VPTU.". Văn bản có phần ký mà
    không có "Nơi nhận:", danh sách không có dòng "Lưu" hoặc có dòng sau dòng "Lưu", và (với
    văn bản nhà nước) "Lưu" thiếu dấu hai chấm hay thiếu VT, là cảnh báo.

    Sai: "Nơi nhận:" / "- Như trên;" / "- Sở Nội vụ." (không có "Lưu"); "- Lưu VT." trong văn
    bản nhà nước
    Đúng: "Nơi nhận:" / "- Như trên;" / "- Lưu: VT, NV." (nhà nước); "- Lưu VPTU." (Đảng)
    """

    code = "F107"
    name = "form.recipients"
    category = "form"
    severity = Severity.WARNING
    wants = ()

    def check(self, doc: Document) -> Iterator[Finding]:
        found = form_and_rules(doc)
        if found is None:
            return
        form, rules = found
        source = rules.recipients_source
        label = form.recipients_label
        if label is None:
            authorities = [s for s in form.signers if s.canonical is not None]
            if authorities:
                yield self.finding(
                    authorities[0].piece.span,
                    said(
                        "Thiếu phần “Nơi nhận:”", "The recipients (“Nơi nhận:”) are missing", source
                    ),
                    expected=rules.recipients_label,
                    evidence=cite(source),
                )
            return
        label_text = re.match(r"[^:\-]*:?", label.text)
        head = label_text.group(0).strip() if label_text else label.text
        if not head.endswith(":"):
            yield self.finding(
                label.span,
                said("Sau “Nơi nhận” có dấu hai chấm", "“Nơi nhận” takes a colon", source),
                stated=head,
                expected=rules.recipients_label,
                evidence=cite(source),
            )
        archive = form.archive
        if archive is None:
            where = form.recipients[-1] if form.recipients else label
            example = "- Lưu: VT, ..." if rules.archive_colon else "- Lưu Văn phòng ..."
            yield self.finding(
                where.span,
                said(
                    f"Nơi nhận thiếu dòng lưu văn bản “{example}”",
                    f"The recipients lack the archive line “{example}”",
                    source,
                ),
                expected=example,
                evidence=cite(source),
            )
            return
        if form.recipients and form.recipients[-1] != archive:
            yield self.finding(
                archive.span,
                said(
                    "Dòng “Lưu” là dòng cuối của nơi nhận",
                    "The “Lưu” line is the last recipient",
                    source,
                ),
                stated=archive.text,
                evidence=cite(source),
                related=tuple(
                    p.span for p in form.recipients[form.recipients.index(archive) + 1 :]
                ),
            )
        folded = fold_same(archive.text)
        m = re.match(r"[-+•]?\s*luu\s*(:)?\s*(.*)", folded, re.DOTALL)
        if m is None:
            return
        after = archive.text[m.start(2) :]
        if rules.archive_colon and m.group(1) is None:
            yield self.finding(
                archive.span,
                said(
                    "Sau “Lưu” có dấu hai chấm: “- Lưu: VT, ...”",
                    "“Lưu” takes a colon: “- Lưu: VT, ...”",
                    source,
                ),
                stated=archive.text,
                expected=f"- Lưu: {after}".rstrip(),
                evidence=cite(source),
            )
        office = rules.archive_office
        if office and not re.match(rf"{re.escape(office)}\b", after):
            yield self.finding(
                archive.span,
                said(
                    f"Dòng lưu ghi “{office}” (văn thư) trước đơn vị soạn thảo",
                    f"The archive line names “{office}” (the records office) before the drafting unit",
                    source,
                ),
                stated=archive.text,
                expected=f"- Lưu: {office}, ...",
                evidence=cite(source),
            )
