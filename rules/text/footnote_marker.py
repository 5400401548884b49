"""T303: a footnote marker in the body typed with the wrong bracket ("]", line break, "]")."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import quote, span
from checker.rules.text.footnotes import notes

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class FootnoteMarker(Rule):
    """A footnote marker of a plain-text export with a wrong bracket: "]", line break, "]".

    Word's plain-text export writes a footnote reference as "[", a line break and "]". A
    marker that opens with "]" (or closes with "[") is a bracket typed over while editing; the
    footnote may no longer be linked to its text, and the stray bracket shows in the printed
    text.

    Wrong: bao gồm 12 văn bản] (line break) ]. Từ năm 2019 ...
    Right: bao gồm 12 văn bản[ (line break) ]. Từ năm 2019 ...
    """

    code = "T303"
    name = "footnote.marker"
    category = "footnote"
    severity = Severity.WARNING
    doc_vi = """Dấu chú thích trong thân văn bản bị gõ sai dấu ngoặc: "]", xuống dòng, "]".

    Bản xuất văn bản thường của Word ghi chỗ tham chiếu chú thích là "[", xuống dòng và "]".
    Dấu mở bằng "]" (hoặc đóng bằng "[") là dấu ngoặc bị gõ đè khi sửa văn bản; chú thích có thể
    không còn gắn với nội dung của nó, và dấu ngoặc thừa hiện ra trong bản in.

    Sai: bao gồm 12 văn bản] (xuống dòng) ]. Từ năm 2019 ...
    Đúng: bao gồm 12 văn bản[ (xuống dòng) ]. Từ năm 2019 ...
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.source.text
        for mark in notes(doc.source).markers:
            if mark.ok:
                continue
            stated = text[mark.start:mark.end]
            shown = stated.replace("\n", "↵").replace("\r", "")
            before = text[max(0, mark.start - 25):mark.start].split("\n")[-1]
            wrong = stated[0] if stated[0] == "]" else stated[-1]
            yield self.finding(
                span(mark.start, mark.start + 1),
                Message(
                    vi=f"Dấu chú thích viết sai {quote(shown)} sau …{before}: phải là “[↵]”; "
                    f"dấu ngoặc {quote(wrong)} bị gõ nhầm",
                    en=f"Malformed footnote marker {quote(shown)} after …{before}: it should be "
                    f"“[↵]”; the bracket {quote(wrong)} was mistyped",
                ),
                stated=shown,
                expected="[↵]",
            )
