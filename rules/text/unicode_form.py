"""T201: letters in decomposed Unicode (NFD), alone or mixed with composed ones (NFC)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checker.rules.text.common import count, span

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity

NEWLINE = re.compile(r"\n")
COMBINING = re.compile(r"[\u0300-\u036f]+")
# Precomposed Latin letters with diacritics (Latin-1 Supplement, Extended-A/B, Vietnamese).
PRECOMPOSED = re.compile(r"[\u00c0-\u00ff\u0100-\u01b0\u1ea0-\u1ef9]")


class UnicodeForm(Rule):
    """Letters typed as a base letter plus separate combining marks (NFD), among composed ones.

    "ệ" can be stored as one character (composed, NFC) or as "e" followed by two combining
    marks (decomposed, NFD). Both look the same, but Word's search, spell checkers and other
    tools treat them as different text, so a phrase typed one way is not found where it was
    written the other way. rasoat reads every document in NFC; this rule reports, once per
    document, how many combining marks it found, on how many lines, and where the first are.
    `rasoat check --fix` rewrites the file in NFC.

    Wrong: "Việt Nam" stored as V-i-e-U+0302-U+0323-t in a document otherwise composed
    Right: every letter composed (NFC): "Việt Nam" as V-i-ệ-t
    """

    code = "T201"
    name = "format.unicode-form"
    category = "format"
    severity = Severity.WARNING
    doc_vi = """Chữ gõ ở dạng tổ hợp (NFD: chữ cái cộng các dấu rời) lẫn với chữ dựng sẵn (NFC).

    Chữ "ệ" có thể được lưu thành một ký tự (dựng sẵn, NFC) hoặc thành "e" kèm hai dấu rời (tổ
    hợp, NFD). Hai cách trông giống hệt nhau, nhưng chức năng tìm kiếm của Word, công cụ kiểm
    tra chính tả và các phần mềm khác coi là hai chuỗi khác nhau, nên cụm từ gõ theo cách này
    sẽ không tìm thấy ở chỗ viết theo cách kia. rasoat đọc mọi văn bản ở dạng NFC; quy tắc này
    báo một lần cho mỗi văn bản: số dấu rời, số dòng có dấu rời và các vị trí đầu tiên.
    `rasoat check --fix` ghi lại tệp ở dạng NFC.

    Sai: "Việt Nam" lưu thành V-i-e-U+0302-U+0323-t trong văn bản còn lại là chữ dựng sẵn
    Đúng: mọi chữ ở dạng dựng sẵn (NFC): "Việt Nam" là V-i-ệ-t
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        source = doc.source
        original = source.original
        if source.text == original:
            return
        runs = [m for m in COMBINING.finditer(original) if m.start() > 0]
        if not runs:
            return
        n_marks = sum(m.end() - m.start() for m in runs)
        composed = sum(1 for _ in PRECOMPOSED.finditer(original))
        marks = [m.start() for m in runs]
        starts = [0] + [m.end() for m in NEWLINE.finditer(original)]
        lines_hit = sorted({bisect.bisect_right(starts, m) for m in marks})
        first = [_nfc_offset(source.offsets, marks[0] - 1)]
        shown = ", ".join(str(n) for n in lines_hit[:3])
        start = first[0]
        end = start + 1
        while end < len(source.text) and source.text[end].isalpha():
            end += 1
        while start > 0 and source.text[start - 1].isalpha():
            start -= 1
        if composed:
            vi = (f"Văn bản trộn chữ dựng sẵn (NFC) với chữ tổ hợp (NFD): {count(n_marks)} dấu rời "
                  f"trên {count(len(lines_hit))} dòng (đầu tiên ở dòng {shown}); Word sẽ không tìm "
                  f"thấy các từ này khi tìm bằng chữ gõ thông thường")
            en = (f"The document mixes composed (NFC) and decomposed (NFD) letters: "
                  f"{count(n_marks)} combining marks on {count(len(lines_hit))} lines (first on "
                  f"lines {shown}); Word's search misses these words when searched as typed")
            severity = Severity.WARNING
        else:
            vi = (f"Toàn bộ văn bản ở dạng tổ hợp (NFD): {count(n_marks)} dấu rời trên "
                  f"{count(len(lines_hit))} dòng; nên lưu ở dạng dựng sẵn (NFC)")
            en = (f"The whole document is decomposed (NFD): {count(n_marks)} combining marks on "
                  f"{count(len(lines_hit))} lines; save it composed (NFC)")
            severity = Severity.INFO
        yield self.finding(
            span(start, end),
            Message(vi=vi, en=en),
            stated="NFD",
            expected="NFC",
            evidence=Message(
                vi=f"{count(composed)} chữ có dấu dựng sẵn, {count(n_marks)} dấu rời",
                en=f"{count(composed)} composed accented letters, {count(n_marks)} combining marks",
            ),
            severity=severity,
        )


def _nfc_offset(offsets: tuple[int, ...], original_offset: int) -> int:
    """The NFC offset of the character that covers an original offset."""
    return max(0, bisect.bisect_right(offsets, original_offset) - 1)
