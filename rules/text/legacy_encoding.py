"""T202: Vietnamese text in a legacy encoding (TCVN3, VNI, VIQR) or UTF-8 read as Latin-1."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, quote, span
from checker.rules.text.encoding import legacy_encoding

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity


class LegacyEncoding(Rule):
    """Text that is Vietnamese in a legacy encoding, not Unicode: it reads as nonsense.

    Drafts typed with the old fonts (TCVN3/ABC ".VnTime", VNI-Times), typed in VIQR
    ("Vie^.t Nam"), or converted wrongly (UTF-8 opened as Windows-1252: "Ä‘" for "đ") decode
    into letters that Vietnamese never uses. The rule names the encoding once for the whole
    document; the spelling rules stay silent on such a document instead of reporting every
    word. Convert the file to Unicode (Unikey's converter, or "Save as" from a machine with the
    legacy fonts) and check it again.

    Wrong: "Tæng sè c¸n bé" (TCVN3 text read as Unicode)
    Right: "Tổng số cán bộ"
    """

    code = "T202"
    name = "format.legacy-encoding"
    category = "format"
    severity = Severity.ERROR
    doc_vi = """Văn bản tiếng Việt ở bảng mã cũ, không phải Unicode: đọc ra chữ vô nghĩa.

    Dự thảo gõ bằng phông cũ (TCVN3/ABC ".VnTime", VNI-Times), gõ kiểu VIQR ("Vie^.t Nam") hoặc
    chuyển mã sai (UTF-8 bị mở theo Windows-1252: "Ä‘" thay cho "đ") sẽ thành những chữ cái
    tiếng Việt không bao giờ dùng. Quy tắc nêu tên bảng mã một lần cho cả văn bản; các quy tắc
    chính tả không báo từng từ của văn bản đó. Hãy chuyển tệp sang Unicode (công cụ chuyển mã của
    Unikey, hoặc "Save as" trên máy có phông cũ) rồi kiểm tra lại.

    Sai: "Tæng sè c¸n bé" (chữ TCVN3 đọc như Unicode)
    Đúng: "Tổng số cán bộ"
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        found = legacy_encoding(doc.source.text)
        if found is None:
            return
        yield self.finding(
            span(found.first, found.first + len(found.sample)),
            Message(
                vi=f"Văn bản có vẻ ở {found.label_vi}: {count(found.words)} từ như "
                f"{quote(found.sample)}; các quy tắc chính tả đã bỏ qua văn bản này",
                en=f"The text seems to be in {found.label_en}: {count(found.words)} words like "
                f"{quote(found.sample)}; the spelling rules skipped this document",
            ),
            stated=found.name,
            expected="Unicode",
        )
