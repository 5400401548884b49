"""T301: the number of footnote markers in the body differs from the number of footnotes."""

from __future__ import annotations

from collections.abc import Iterator

from checker.rules.text.common import count, quote, span
from checker.rules.text.footnotes import notes

from checker.engine import Document, Rule
from checker.findings import Finding, Message, Severity
from checker.source import SegmentKind


class FootnoteCount(Rule):
    """The body has a different number of footnote markers than there are footnote texts.

    In a plain-text export every footnote reference is a "[", a line break and a "]" in the
    body, and every footnote text opens with "[�]" at the end, in the same order. When the
    counts differ a footnote lost its marker (or a marker its text) while editing, and every
    later footnote is attached to the wrong place. Malformed markers and labels, which the
    other footnote rules report, are counted as markers and footnotes here.

    Wrong: 17 markers in the body, 18 footnote texts at the end
    Right: 18 markers, 18 footnote texts
    """

    code = "T301"
    name = "footnote.count"
    category = "footnote"
    severity = Severity.ERROR
    doc_vi = """Số dấu chú thích trong thân văn bản khác số chú thích.

    Trong bản xuất văn bản thường, mỗi chỗ tham chiếu chú thích là "[", xuống dòng, "]" trong
    thân văn bản, và mỗi chú thích ở cuối mở đầu bằng "[�]", theo cùng thứ tự. Khi hai số đếm
    khác nhau, có chú thích đã mất dấu tham chiếu (hoặc ngược lại) trong khi sửa, và mọi chú
    thích sau đó bị gắn sai chỗ. Dấu và nhãn viết sai (do các quy tắc chú thích khác báo) vẫn
    được tính ở đây.

    Sai: 17 dấu chú thích trong thân văn bản, 18 chú thích ở cuối
    Đúng: 18 dấu chú thích, 18 chú thích
    """

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.source.kind == "md":
            yield from self._markdown(doc)
            return
        found = notes(doc.source)
        markers, texts = len(found.markers), found.texts
        if markers == texts or (markers == 0 and not found.labels):
            return
        if markers > texts:
            extra = found.markers[texts]
            where_vi = f"dấu thứ {texts + 1} trở đi không có chú thích"
            where_en = f"marker {texts + 1} onwards has no footnote text"
        elif found.labels:
            extra = found.labels[markers]
            where_vi = f"chú thích thứ {markers + 1} trở đi không có dấu tham chiếu"
            where_en = f"footnote {markers + 1} onwards has no marker in the body"
        else:
            extra = found.markers[-1]
            where_vi = where_en = ""
        yield self.finding(
            span(extra.start, extra.end),
            Message(
                vi=f"Thân văn bản có {count(markers)} dấu chú thích nhưng có {count(texts)} chú "
                f"thích" + (f"; {where_vi}" if where_vi else ""),
                en=f"The body has {count(markers)} footnote markers but there are "
                f"{count(texts)} footnote texts" + (f"; {where_en}" if where_en else ""),
            ),
            stated=str(markers),
            expected=str(texts),
        )

    def _markdown(self, doc: Document) -> Iterator[Finding]:
        """Markdown footnotes are linked by label, and one may be referenced twice: report
        the definitions that no reference in the body points to."""
        text = doc.source.text
        for seg in doc.source.segments:
            if seg.kind is not SegmentKind.FOOTNOTE or seg.ref is not None:
                continue
            head = text[seg.start:seg.end].split("]", 1)[0] + "]"
            yield self.finding(
                span(seg.start, seg.start + len(head)),
                Message(
                    vi=f"Chú thích {quote(head)} không có dấu tham chiếu nào trong thân văn bản",
                    en=f"The footnote {quote(head)} is not referenced anywhere in the body",
                ),
                stated=head,
            )
