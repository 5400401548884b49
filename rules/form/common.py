"""What the form rules share: the form and rule set of a document, messages that quote
their article, and the bridge from a piece of text to its look in a .docx."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache

from checker.rules.form.parse import Form, Piece, read_form
from checker.rules.form.rulesets import PARTY, STATE, Component, RuleSet, rule_set

from checker.engine import Document
from checker.facts import Span
from checker.findings import Message
from checker.layout import Layout, Look, layout_of

STYLE_VI = {STATE: "văn bản hành chính nhà nước", PARTY: "văn bản của Đảng"}
STYLE_EN = {STATE: "a State document", PARTY: "a Party document"}


def form_and_rules(doc: Document) -> tuple[Form, RuleSet] | None:
    """The document's form and the rule set of its style; None when it has no
    recognisable heading (then no form rule speaks)."""
    form = read_form(doc.source)
    if form.style is None:
        return None
    return form, rule_set(form.style)


def said(vi: str, en: str, source: str) -> Message:
    """A message that ends with the article it rests on."""
    return Message(vi=f"{vi} ({source})", en=f"{en} ({source})")


def cite(source: str) -> Message:
    """The evidence of a finding: the article, in both languages (reporters add their own
    "Căn cứ"/"Evidence" label)."""
    return Message(vi=source, en=source)


def layout(doc: Document) -> Layout | None:
    return layout_of(doc.source)


def place(doc: Document, piece: Piece) -> tuple[int, int, int]:
    """(paragraph index, start, end) of a piece in its paragraph's original characters."""
    source = doc.source
    pos = source.position(piece.start)
    line_start = source.original_offset(piece.start) - (pos.column - 1)
    return pos.line - 1, pos.column - 1, source.original_offset(piece.end) - line_start


def look(doc: Document, lay: Layout, piece: Piece) -> Look | None:
    """How a piece of text is drawn in the .docx (its dominant font, size and weight)."""
    index, start, end = place(doc, piece)
    paragraph = lay.paragraph(index)
    return None if paragraph is None else paragraph.look(start, end)


def whole_paragraph(doc: Document, lay: Layout, piece: Piece) -> bool:
    """Whether a piece is its paragraph's whole visible text (so the paragraph's
    alignment is the piece's)."""
    index, start, end = place(doc, piece)
    paragraph = lay.paragraph(index)
    return paragraph is not None and paragraph.text.strip() == paragraph.text[start:end].strip()


def anchor(form: Form) -> Piece | None:
    """Where a missing heading component is reported: the number line, else the issuer,
    else the first line of the heading."""
    if form.number is not None:
        return form.number.piece
    if form.issuer:
        return form.issuer[0]
    return form.heading[0] if form.heading else None


def drawn_in_capitals(doc: Document, piece: Piece) -> bool:
    """Typed in lower case but shown in capitals (Word's "All caps")."""
    lay = layout(doc)
    if lay is None:
        return False
    seen = look(doc, lay, piece)
    return seen is not None and seen.caps


def nfc_span(doc: Document, line: int, start: int, end: int) -> Span:
    """The NFC span of the characters [start, end) of a paragraph (0-based line ``line``
    of the original text)."""
    base = _line_starts(doc.source.original)[line]
    offsets = doc.source.offsets
    return Span(bisect.bisect_left(offsets, base + start), bisect.bisect_left(offsets, base + end))


@lru_cache(maxsize=4)
def _line_starts(original: str) -> tuple[int, ...]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(original) if ch == "\n")
    return tuple(starts)


def show_range(low: float, high: float) -> str:
    return _num(low) if low == high else f"{_num(low)}–{_num(high)}"


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")


# -- components: what of the form each rule-set component measures ------------------------

COMPONENT_NAMES = {
    "national": ("Quốc hiệu", "the national title"),
    "motto": ("Tiêu ngữ", "the motto"),
    "party_title": ("Tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”", "the Party title"),
    "parent": ("Tên cơ quan cấp trên", "the parent body's name"),
    "issuer": ("Tên cơ quan ban hành", "the issuer's name"),
    "number": ("Số, ký hiệu", "the number and code"),
    "date": ("Địa danh, ngày tháng", "the place and date"),
    "type_name": ("Tên loại văn bản", "the type name"),
    "subject": ("Trích yếu", "the subject line"),
    "body": ("Nội dung", "the body"),
    "recipients_label": ("“Nơi nhận:”", "“Nơi nhận:”"),
    "recipients": ("Danh sách nơi nhận", "the recipients"),
    "signing": ("Quyền hạn, chức vụ, họ tên người ký", "the signing block"),
}


def component_pieces(form: Form) -> dict[str, tuple[Piece, ...]]:
    """The pieces of text each component name covers (empty when absent)."""
    label = form.recipients_label
    if label is not None:
        head = label.text.split(":", 1)[0] + (":" if ":" in label.text else "")
        label = Piece(label.start, label.start + len(head), head, label.line)
    subject = form.subject
    if form.doc_type == "công văn" and form.subject_letter is not None:
        subject = (form.subject_letter,)

    def some(*pieces: Piece | None) -> tuple[Piece, ...]:
        return tuple(p for p in pieces if p is not None)

    return {
        "national": some(form.national),
        "motto": some(form.motto),
        "party_title": some(form.party_title),
        "parent": form.issuer[:-1],
        "issuer": form.issuer[-1:],
        "number": some(form.number.piece if form.number else None),
        "date": some(form.date.piece if form.date else None),
        "type_name": some(form.type_name),
        "subject": subject,
        "body": form.body,
        "recipients_label": some(label),
        "recipients": form.recipients,
        "signing": tuple(s.piece for s in form.signers) + some(form.signer_name),
    }


def measured(doc: Document) -> tuple[Layout, Form, RuleSet] | None:
    """The layout, form and rule set of a .docx whose style is known; None for plain text
    or a document whose heading tells no style (the layout rules then say nothing)."""
    found = form_and_rules(doc)
    lay = layout(doc)
    if found is None or lay is None:
        return None
    return lay, found[0], found[1]


def measured_components(doc: Document) -> Iterator[tuple[Layout, Form, str, tuple[Piece, ...], Component]]:
    """For a measured .docx, each component the rule set describes and the document has:
    (layout, form, component name, its pieces of text, the prescribed values)."""
    found = measured(doc)
    if found is None:
        return
    lay, form, rules = found
    for name, pieces in component_pieces(form).items():
        component = rules.component(name, form.doc_type)
        if component is not None and pieces:
            yield lay, form, name, pieces, component

