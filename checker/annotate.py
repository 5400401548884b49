"""The draft annotated in Word (``rasoat check IN.docx --annotate OUT.docx``): a copy of the
input with one Word comment per finding, anchored at the finding's span.

The people who act on findings read Word documents, so each finding goes where they work:
the comment says what is wrong, what the document states, what the figures give and why.

- A finding's ``line`` is a paragraph of the document in reading order (body with its
  tables, then footnotes, then endnotes) and its ``column`` counts characters of that
  paragraph's text, exactly as ``checker.loading`` reads a .docx; this module walks the
  paragraphs in the same order and reads their text the same way (a test keeps the two
  in step), then finds the runs under the span.
- Runs are split at the span's edges so that the comment covers the span and nothing
  else; when the span cannot be mapped (the paragraph's text is not what the finding was
  made from), the comment covers the whole paragraph.
- A finding inside a footnote or endnote is anchored at the note's reference mark in the
  body (Word shows comments on the main text), and the comment says which note it is in.
- The input is never written: it is read once, and the copy is written to a temporary file
  beside the output, then renamed over it, so a failure leaves no half-written document.
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from checker.findings import Located, Message
from checker.loading import InputError, load_path
from checker.report.common import (
    category_label,
    label,
    one_line,
    related_label,
    severity_label,
    shown_value,
    where_label,
)
from checker.source import Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What checker.loading skips inside a paragraph, and the note references it records.
_SKIPPED = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", MC + "Fallback"}
_NOTE_REFS = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}
_NOTE_PARTS = {
    "footnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    "endnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
}
_CONTAINERS = (W + "sdt", W + "customXml", W + "sdtContent")

AUTHOR = "rasoat"
INITIALS = "RS"
MAX_RELATED = 5  # related places quoted in a comment; the others are counted
MAX_QUOTE = 60

ERRORS = {
    "same": Message(
        "tệp ghi ra trùng với tệp đầu vào; rasoat không bao giờ ghi đè bản gốc",
        "the output is the input file; rasoat never overwrites the original",
    ),
    "write": Message("không ghi được tệp ({reason})", "cannot write the file ({reason})"),
    "not_docx": Message(
        "chỉ ghi nhận xét được vào tệp .docx", "only a .docx can be annotated with comments"
    ),
}


class AnnotateError(Exception):
    """The annotated copy could not be made; ``str(error)`` is one line (Vietnamese),
    ``error.text("en")`` the same in English."""

    def __init__(self, path: str, message: Message, **fields: str) -> None:
        self.path = path
        self.message = message
        self.fields = fields
        super().__init__(self.text("vi"))

    def text(self, lang: str = "vi") -> str:
        return one_line(f"{self.path}: {self.message.get(lang).format(**self.fields)}")


@dataclass(frozen=True)
class Annotated:
    """What was written: how many comments, and how each was anchored (on the span itself,
    on the whole paragraph because the span could not be mapped, or on a note's reference)."""

    path: str
    comments: int
    exact: int
    paragraph: int
    notes: int


def annotate(
    input_docx: str | os.PathLike[str],
    output_docx: str | os.PathLike[str],
    located_findings: Iterable[Located],
    lang: str = "vi",
) -> Annotated:
    """Write ``output_docx``: a copy of ``input_docx`` with a Word comment at each finding.

    The output's name is taken as given (the CLI checks that it ends in .docx, and may pass
    a temporary name of its own). Raises ``InputError`` when the input cannot be read (the same one-line messages as
    ``rasoat check``) and ``AnnotateError`` when the output cannot be written.
    """
    source_path, target = Path(input_docx), Path(output_docx)
    if _same_file(source_path, target):
        raise AnnotateError(str(target), ERRORS["same"])
    data, source = _read(source_path)  # the same checks and messages as `rasoat check`
    import docx  # lazily, as in checker.loading

    document = docx.Document(BytesIO(data))
    layout = _Layout.of(document, source)
    exact = paragraph = notes = 0
    findings = list(located_findings)
    for loc in findings:
        how = _comment(document, layout, loc, lang)
        exact += how == "exact"
        paragraph += how == "paragraph"
        notes += how == "note"
    buffer = BytesIO()
    document.save(buffer)
    _write_atomically(target, buffer.getvalue())
    return Annotated(str(target), len(findings), exact, paragraph, notes)


# -- reading the document as checker.loading does --------------------------------------------
@dataclass(frozen=True)
class _Piece:
    """A stretch of a paragraph's text and the run element (w:r) and item (w:t ...) it is in."""

    start: int
    end: int
    run: Any
    item: Any


@dataclass(frozen=True)
class _Paragraph:
    element: Any
    text: str
    pieces: tuple[_Piece, ...]
    refs: tuple[tuple[str, str, Any], ...]  # (footnote|endnote, note id, the w:r holding it)


def children(element: Any) -> Iterator[Any]:
    """Child elements, without comments and processing instructions."""
    for child in element:
        if isinstance(child.tag, str):
            yield child


def body_paragraphs(body: Any) -> Iterator[Any]:
    """The w:p elements of the body in reading order, tables included: the lines of
    ``checker.loading``'s text before the notes."""
    for child in children(body):
        yield from _block(child)


def _block(block: Any) -> Iterator[Any]:
    tag = block.tag
    if tag == W + "p":
        yield block
    elif tag == W + "tbl":
        for row in children(block):
            if row.tag == W + "tr":
                for cell in _cells(row):
                    for child in children(cell):
                        yield from _block(child)
    elif tag in _CONTAINERS:
        for child in children(block):
            if child.tag in (W + "sdtContent", W + "p", W + "tbl", *_CONTAINERS):
                yield from _block(child)


def _cells(row: Any) -> Iterator[Any]:
    for child in children(row):
        if child.tag == W + "tc":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _cells(child)


def read_paragraph(p: Any) -> _Paragraph:
    """The paragraph's text as checker.loading reads it, with where each piece comes from."""
    pieces: list[_Piece] = []
    refs: list[tuple[str, str, Any]] = []
    length = 0

    def walk(element: Any) -> None:
        nonlocal length
        for child in children(element):
            if child.tag in _SKIPPED:
                continue
            if child.tag == W + "r":
                for item in children(child):
                    text = run_piece(item)
                    if text:
                        pieces.append(_Piece(length, length + len(text), child, item))
                        length += len(text)
                    elif item.tag in _NOTE_REFS and item.get(W + "id") is not None:
                        refs.append((_NOTE_REFS[item.tag], item.get(W + "id"), child))
            else:
                walk(child)

    walk(p)
    text = "".join(run_piece(piece.item) for piece in pieces)
    return _Paragraph(p, text, tuple(pieces), tuple(refs))


def run_piece(item: Any) -> str:
    """The text one item of a run contributes (checker.loading's reading)."""
    tag = item.tag
    if tag == W + "t":
        return str(item.text or "")
    if tag in (W + "tab", W + "ptab"):
        return "\t"
    if tag == W + "br":
        return "" if item.get(W + "type") in ("page", "column") else "\v"
    if tag == W + "cr":
        return "\v"
    if tag == W + "noBreakHyphen":
        return "-"
    return ""


@dataclass(frozen=True)
class _Layout:
    """The body's paragraphs (line i is ``paragraphs[i - 1]``), the source they must match,
    and the run holding the first reference of each note number ("footnote 3")."""

    paragraphs: tuple[Any, ...]
    source: Source
    note_refs: dict[str, Any]

    @staticmethod
    def of(document: Any, source: Source) -> _Layout:
        paragraphs = tuple(body_paragraphs(document.element.body))
        first_ref: dict[tuple[str, str], Any] = {}
        order: list[tuple[str, str]] = []
        for p in paragraphs:
            for kind, note_id, run in read_paragraph(p).refs:
                if (kind, note_id) not in first_ref:
                    first_ref[(kind, note_id)] = run
                    order.append((kind, note_id))
        note_refs: dict[str, Any] = {}
        for kind in ("footnote", "endnote"):
            ids = _note_ids(document, kind)
            numbered = [nid for k, nid in order if k == kind and nid in ids]
            numbered += [nid for nid in ids if nid not in numbered]
            for number, note_id in enumerate(numbered, start=1):
                if (kind, note_id) in first_ref:
                    note_refs[f"{kind} {number}"] = first_ref[(kind, note_id)]
        return _Layout(paragraphs, source, note_refs)


def _note_ids(document: Any, kind: str) -> list[str]:
    """The ids of the real notes (not Word's separators) of the footnotes or endnotes part,
    in file order, as checker.loading numbers them."""
    from defusedxml import ElementTree as SafeTree

    for rel in document.part.rels.values():
        if rel.reltype != _NOTE_PARTS[kind] or rel.is_external:
            continue
        root = SafeTree.fromstring(rel.target_part.blob, forbid_dtd=True)
        ids: list[str] = []
        for note in root:
            if note.tag != W + kind or note.get(W + "type") not in (None, "normal"):
                continue
            if any(el.tag in (W + "separator", W + "continuationSeparator") for el in note.iter()):
                continue
            note_id = note.get(W + "id")
            if note_id is not None and note_id not in ids:
                ids.append(note_id)
        return ids
    return []


# -- anchoring ------------------------------------------------------------------------------------
def _comment(document: Any, layout: _Layout, loc: Located, lang: str) -> str:
    """Add the comment of one finding; return how it was anchored."""
    kind = loc.where.partition(" ")[0]
    if kind in ("footnote", "endnote"):
        run = layout.note_refs.get(loc.where)
        if run is not None:
            _add(document, run, run, _text(loc, lang, layout.source, in_note=True))
            return "note"
        return _paragraph_comment(
            document, layout, 1, _text(loc, lang, layout.source, in_note=True)
        )
    runs = _span_runs(layout, loc)
    if runs is not None:
        _add(document, runs[0], runs[1], _text(loc, lang, layout.source))
        return "exact"
    line = min(max(loc.line, 1), max(len(layout.paragraphs), 1))
    return _paragraph_comment(document, layout, line, _text(loc, lang, layout.source))


def _span_runs(layout: _Layout, loc: Located) -> tuple[Any, Any] | None:
    """The first and last run of the finding's span, split out of their neighbours; None
    when the span is not where the finding says (a paragraph whose text differs)."""
    count = len(layout.paragraphs)
    if not (1 <= loc.line <= count and 1 <= loc.end_line <= count):
        return None
    first_p, last_p = layout.paragraphs[loc.line - 1], layout.paragraphs[loc.end_line - 1]
    if not (_matches(layout, loc.line, first_p) and _matches(layout, loc.end_line, last_p)):
        return None
    start, end = loc.column - 1, loc.end_column - 1
    if loc.line == loc.end_line and end <= start:
        return None
    first = _split_at(first_p, start, opening=True)
    last = _split_at(last_p, end, opening=False)
    if first is None or last is None:
        return None
    return first, last


def _matches(layout: _Layout, line: int, p: Any) -> bool:
    return read_paragraph(p).text == layout.source.line_text(line)


def _split_at(p: Any, offset: int, *, opening: bool) -> Any | None:
    """The run that starts (``opening``) or ends at ``offset`` of the paragraph's text,
    splitting the run that straddles it."""
    runs = _run_ranges(read_paragraph(p))
    for run, start, end in runs:
        if opening and start <= offset < end:
            return run if offset == start else split_run(run, offset - start)
        if not opening and start < offset <= end:
            if offset == end:
                return run
            split_run(run, offset - start)
            return run
    return None


def _run_ranges(paragraph: _Paragraph) -> list[tuple[Any, int, int]]:
    """Each run with text, and the stretch of the paragraph's text it holds."""
    ranges: list[tuple[Any, int, int]] = []
    for piece in paragraph.pieces:
        if ranges and ranges[-1][0] is piece.run:
            run, start, _ = ranges[-1]
            ranges[-1] = (run, start, piece.end)
        else:
            ranges.append((piece.run, piece.start, piece.end))
    return ranges


def split_run(run: Any, k: int) -> Any:
    """Split the run element after its ``k``-th character; return the new right half.

    Both halves keep the run's properties; a w:t that straddles the split is cut in two;
    an item without text (a field mark, a rendered page break) at the split stays left.
    """
    right = copy.deepcopy(run)
    for child in list(children(right)):
        if child.tag != W + "rPr":
            right.remove(child)
    pos = 0
    for item in list(children(run)):
        if item.tag == W + "rPr":
            continue
        length = len(run_piece(item))
        if pos + length <= k and not (length and pos >= k):
            pos += length
            continue
        if pos < k < pos + length:  # a w:t cut in two
            text = str(item.text or "")
            tail = copy.deepcopy(item)
            item.text = text[: k - pos]
            tail.text = text[k - pos :]
            for t in (item, tail):
                t.set(XML_SPACE, "preserve")
            right.append(tail)
        else:
            right.append(item)  # moves it
        pos += length
    run.addnext(right)
    return right


def _paragraph_comment(document: Any, layout: _Layout, line: int, text: str) -> str:
    """Anchor on a whole body paragraph (a run is added to an empty one)."""
    if not layout.paragraphs:
        paragraph = document.add_paragraph()
        run = paragraph.add_run()._r
        _add(document, run, run, text)
        return "paragraph"
    p = layout.paragraphs[line - 1]
    ranges = _run_ranges(read_paragraph(p))
    if ranges:
        _add(document, ranges[0][0], ranges[-1][0], text)
    else:
        run = p.add_r()
        _add(document, run, run, text)
    return "paragraph"


def _add(document: Any, first: Any, last: Any, text: str) -> None:
    from docx.text.run import Run

    document.add_comment([Run(first, document), Run(last, document)], text, AUTHOR, INITIALS)


# -- what the comment says --------------------------------------------------------------------------
def _text(loc: Located, lang: str, source: Source, *, in_note: bool = False) -> str:
    """The comment's paragraphs: code, severity and message; the note and the words the
    finding is about, when it is in a note; stated -> expected; evidence; the related
    places, quoted (a line number means little in Word)."""
    f = loc.finding
    head = (
        f"[{f.code} · {severity_label(f.severity, lang)} · {category_label(f.category, lang)}] "
        f"{one_line(f.message.get(lang))}"
    )
    lines = [head]
    if in_note:
        quoted = _span_text(loc)
        where = where_label(loc.where, lang)
        lines.append(f"{where[:1].upper()}{where[1:]}: “{quoted}”" if quoted else where)
    if f.stated is not None or f.expected is not None:
        stated = shown_value(f.stated) if f.stated is not None else "-"
        expected = shown_value(f.expected) if f.expected is not None else "-"
        lines.append(f"{label('stated', lang)}: {stated} → {label('expected', lang)}: {expected}")
    if f.evidence is not None:
        lines.append(f"{label('evidence', lang)}: {one_line(f.evidence.get(lang))}")
    if loc.related:
        quoted = [_related_text(source, r, lang) for r in loc.related[:MAX_RELATED]]
        more = len(loc.related) - MAX_RELATED
        if more > 0:
            quoted.append(f"… (+{more})")
        lines.append(f"{label('related', lang)}: {'; '.join(quoted)}")
    return "\n".join(lines)


def _related_text(source: Source, related: tuple[int, int, int, int, str], lang: str) -> str:
    """A related place as its words, and the note it is in: “98,76%” (chú thích 1)."""
    line, column, end_line, end_column, where = related
    try:
        text = source.line_text(line)
    except IndexError:
        return related_label(related, lang)
    words = one_line(text[column - 1 : end_column - 1 if end_line == line else None])
    if len(words) > MAX_QUOTE:
        words = words[: MAX_QUOTE - 1] + "…"
    place = "" if where == "body" else f" ({where_label(where, lang)})"
    return f"“{words}”{place}" if words else related_label(related, lang)


def _span_text(loc: Located) -> str:
    if loc.line != loc.end_line or not loc.source_line:
        return ""
    return one_line(loc.source_line[loc.column - 1 : loc.end_column - 1])


# -- files ------------------------------------------------------------------------------------------
def _same_file(a: Path, b: Path) -> bool:
    try:
        return b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _read(path: Path) -> tuple[bytes, Source]:
    """The input's bytes and its Source, with checker.loading's one-line messages (and its
    limits) for what cannot be read."""
    source = load_path(str(path))
    if source.kind != "docx":
        raise AnnotateError(str(path), ERRORS["not_docx"])
    try:
        return path.read_bytes(), source
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(
            str(path),
            Message(f"không đọc được tệp ({reason})", f"cannot read the file ({reason})"),
        ) from None


def _write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over the target."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AnnotateError(str(target), ERRORS["write"], reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); the copy is a document to share
        os.chmod(temporary, target.stat().st_mode & 0o7777 if target.exists() else 0o644)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise AnnotateError(str(target), ERRORS["write"], reason=exc.strerror or str(exc)) from None


def paragraphs_text(document: Any) -> Sequence[str]:
    """The body's paragraph texts in reading order (for tests: they must equal the first
    lines of checker.loading's text)."""
    return [read_paragraph(p).text for p in body_paragraphs(document.element.body)]
