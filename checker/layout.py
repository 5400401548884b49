"""The layout of a .docx: page size and margins, and for each paragraph its runs' font,
size, weight, slant and underline, its alignment and the table cell it stands in.

Only the form rules (rules/form/) need this, and only for a .docx, so nothing here runs for
plain text and python-docx is imported lazily (through ``checker.loading``, which opens the
package under the same caps as the loader: sizes, ratios, no DTD). The values are the
*effective* ones Word shows: each run property is resolved along the style chain

    the run's own properties -> its character style (and the styles it is based on)
    -> the paragraph's style (or the default paragraph style, and their bases)
    -> the document defaults (w:docDefaults) -> the theme fonts (minor/major) -> Word's
    built-in defaults (Times New Roman, 10 pt)

and the alignment along paragraph -> paragraph style chain -> defaults -> left.

Paragraphs are listed in the loader's reading order (body and tables, not the notes), so
paragraph ``i`` is line ``i + 1`` of ``Source.original``. ``layout_of`` checks that the
texts agree line by line and gives None when they do not: a layout that cannot be placed
is not guessed at.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.source import Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
MM_PER_TWIP = 25.4 / 1440
WORD_DEFAULT_FONT = "Times New Roman"  # ECMA-376 17.3.2.26: when nothing names a font
WORD_DEFAULT_SIZE = 10.0  # points, ECMA-376 17.3.2.38
_OFF = {"0", "false", "off", "none"}
_ALIGN = {
    "left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
    "both": "both", "distribute": "both", "lowKashida": "both", "mediumKashida": "both",
    "highKashida": "both", "thaiDistribute": "both",
}  # fmt: skip


@dataclass(frozen=True)
class Page:
    """One section's page: size and margins in millimetres; ``paragraph`` is the index
    of the section's first paragraph."""

    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    paragraph: int

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph's text (``start``/``end`` in its characters) and the
    effective properties Word draws it with."""

    start: int
    end: int
    font: str
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool


@dataclass(frozen=True)
class Look:
    """What most of the visible characters of a stretch look like (ties go to the first
    run), and how many visible characters there are."""

    font: str
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    chars: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body in reading order: ``index`` is its 0-based line in
    ``Source.original``; ``cell`` is (table, row, column) for a paragraph of a top-level
    table, numbered from 1 as the loader numbers tables."""

    index: int
    text: str
    alignment: str
    runs: tuple[Run, ...]
    cell: tuple[int, int, int] | None = None
    style: str | None = None

    def look(self, start: int = 0, end: int | None = None) -> Look | None:
        """The dominant look of the visible characters in [start, end), or None when the
        stretch has none."""
        end = len(self.text) if end is None else end
        counts: Counter[tuple[str, float, bool, bool, bool, bool]] = Counter()
        for run in self.runs:
            a, b = max(run.start, start), min(run.end, end)
            if a >= b:
                continue
            visible = sum(1 for ch in self.text[a:b] if not ch.isspace())
            if visible:
                counts[(run.font, run.size, run.bold, run.italic, run.underline, run.caps)] += (
                    visible
                )
        if not counts:
            return None
        (font, size, bold, italic, underline, caps), _ = counts.most_common(1)[0]
        return Look(font, size, bold, italic, underline, caps, sum(counts.values()))

    def visible_runs(self, start: int = 0, end: int | None = None) -> Iterator[Run]:
        """The runs with visible characters in [start, end)."""
        end = len(self.text) if end is None else end
        for run in self.runs:
            a, b = max(run.start, start), min(run.end, end)
            if a < b and any(not ch.isspace() for ch in self.text[a:b]):
                yield run


@dataclass(frozen=True)
class Layout:
    pages: tuple[Page, ...]
    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, index: int) -> Paragraph | None:
        return self.paragraphs[index] if 0 <= index < len(self.paragraphs) else None


# ---------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------


def layout_of(source: Source) -> Layout | None:
    """The layout of the .docx a Source was loaded from; None for plain text, for a .docx
    read from standard input (its bytes are gone), and when the file cannot be read again
    or no longer matches the text that was checked."""
    if source.kind != "docx":
        return None
    return _layout(source, file_stamp(source))


def file_stamp(source: Source) -> tuple[int, int] | None:
    """(modification time, size) of the file a Source was read from, or None. Two Sources
    with the same text are equal, so caches keyed on a Source alone would hand the layout of
    one .docx to another that differs only in its formatting; the stamp tells them apart."""
    if source.kind != "docx" or getattr(source, "package", None) is not None:
        return None
    try:
        st = os.stat(source.path)
    except (OSError, ValueError):
        return None
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=4)
def _layout(source: Source, stamp: tuple[int, int] | None) -> Layout | None:
    parts = _package(source)
    if parts is None:
        return None
    from checker import loading

    try:
        document = loading._open_document(parts, source.path)
    except loading.InputError:
        return None
    layout = _build(document, parts)
    return layout if _matches(layout, source) else None


def _package(source: Source) -> dict[str, bytes] | None:
    """The checked parts of the package: kept by the loader when it offers them (a
    ``package`` attribute on the Source), else read again from the file under the same
    caps."""
    kept = getattr(source, "package", None)
    if isinstance(kept, Mapping):
        return dict(kept)
    from checker import loading

    if source.path in ("", "-", "<stdin>") or not os.path.isfile(source.path):
        return None
    try:
        data = loading._read_file(source.path, loading.DEFAULT_LIMITS)
        return loading._read_package(data, source.path, loading.DEFAULT_LIMITS)
    except loading.InputError:
        return None


def _matches(layout: Layout, source: Source) -> bool:
    lines = source.original.split("\n")
    if len(layout.paragraphs) > len(lines):
        return False
    return all(p.text == lines[p.index] for p in layout.paragraphs)


# ---------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------


def _build(document: Any, parts: Mapping[str, bytes]) -> Layout:
    styles = _Styles.read(document, parts)
    paragraphs: list[Paragraph] = []
    pages: list[Page] = []
    section_start = 0
    for p, cell in _body_paragraphs(document.element.body):
        index = len(paragraphs)
        paragraphs.append(_paragraph(p, index, cell, styles))
        ppr = _child(p, "pPr")
        sect = _child(ppr, "sectPr") if ppr is not None else None
        if sect is not None:  # a section ends with this paragraph
            page = _page(sect, section_start)
            if page is not None:
                pages.append(page)
            section_start = index + 1
    last = _child(document.element.body, "sectPr")
    if last is not None:
        page = _page(last, section_start)
        if page is not None:
            pages.append(page)
    return Layout(tuple(pages), tuple(paragraphs))


def _body_paragraphs(body: Any) -> Iterator[tuple[Any, tuple[int, int, int] | None]]:
    """The w:p elements of the body in the loader's reading order, with their cell."""
    from checker import loading

    tables = 0
    for child in loading._children(body):
        if child.tag == W + "tbl":
            tables += 1
            yield from _table_paragraphs(child, tables)
        else:
            for p in _block_ps(child):
                yield p, None


def _table_paragraphs(table: Any, number: int) -> Iterator[tuple[Any, tuple[int, int, int]]]:
    from checker import loading

    row_no = 0
    for row in loading._children(table):
        if row.tag != W + "tr":
            continue
        row_no += 1
        for col_no, cell in enumerate(loading._cells(row), start=1):
            for child in loading._children(cell):
                for p in _block_ps(child):
                    yield p, (number, row_no, col_no)


def _block_ps(block: Any) -> Iterator[Any]:
    """As ``loading._block_paragraphs``, but the elements themselves."""
    from checker import loading

    tag = block.tag
    if tag == W + "p":
        yield block
    elif tag == W + "tbl":
        for row in loading._children(block):
            if row.tag != W + "tr":
                continue
            for cell in loading._cells(row):
                for child in loading._children(cell):
                    yield from _block_ps(child)
    elif tag in (W + "sdt", W + "customXml", W + "sdtContent"):
        for child in loading._children(block):
            if child.tag in (W + "sdtContent", W + "p", W + "tbl", W + "sdt", W + "customXml"):
                yield from _block_ps(child)


def _paragraph(p: Any, index: int, cell: tuple[int, int, int] | None, styles: _Styles) -> Paragraph:
    """The text (exactly as the loader reads it) and the runs of one paragraph."""
    from checker import loading

    ppr = _child(p, "pPr")
    style_id = _val(_child(ppr, "pStyle")) if ppr is not None else None
    pchain = styles.chain(style_id, "paragraph")
    pieces: list[tuple[str, Any]] = []

    def walk(element: Any) -> None:
        for child in loading._children(element):
            if child.tag in loading._SKIPPED_IN_PARAGRAPH:
                continue
            if child.tag == W + "r":
                for item in loading._children(child):
                    piece = loading._run_piece(item)
                    if piece:
                        pieces.append((piece, child))
            else:
                walk(child)

    walk(p)
    runs: list[Run] = []
    pos = 0
    resolved: dict[int, tuple[str, float, bool, bool, bool, bool]] = {}
    for piece, r in pieces:
        key = id(r)
        if key not in resolved:
            resolved[key] = styles.run_look(r, pchain, piece)
        font, size, bold, italic, underline, caps = resolved[key]
        if runs and runs[-1].end == pos and (
            runs[-1].font, runs[-1].size, runs[-1].bold, runs[-1].italic, runs[-1].underline,
            runs[-1].caps,
        ) == (font, size, bold, italic, underline, caps):  # fmt: skip
            last = runs.pop()
            runs.append(
                Run(last.start, pos + len(piece), font, size, bold, italic, underline, caps)
            )
        else:
            runs.append(Run(pos, pos + len(piece), font, size, bold, italic, underline, caps))
        pos += len(piece)
    text = "".join(piece for piece, _ in pieces)
    return Paragraph(index, text, styles.alignment(ppr, pchain), tuple(runs), cell, style_id)


def _page(sect: Any, first: int) -> Page | None:
    size = _child(sect, "pgSz")
    margins = _child(sect, "pgMar")
    if size is None or margins is None:
        return None
    try:
        w, h = _twips(size.get(W + "w")), _twips(size.get(W + "h"))
        top, bottom = _twips(margins.get(W + "top")), _twips(margins.get(W + "bottom"))
        left, right = _twips(margins.get(W + "left")), _twips(margins.get(W + "right"))
    except ValueError:
        return None
    if None in (w, h, top, bottom, left, right):
        return None
    assert w is not None and h is not None and top is not None and bottom is not None
    assert left is not None and right is not None
    # a negative top or bottom margin means "do not move the text for the header": its size
    # is what counts
    return Page(w, h, abs(top), abs(bottom), left, right, first)


def _twips(value: str | None) -> float | None:
    if value is None:
        return None
    return round(float(value) * MM_PER_TWIP, 2)


# ---------------------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    kind: str
    based_on: str | None
    rpr: Any
    ppr: Any


class _Styles:
    """The styles part, the document defaults and the theme fonts of one package."""

    def __init__(
        self,
        styles: dict[str, _Style],
        defaults: dict[str, str],
        default_rpr: Any,
        default_ppr: Any,
        theme: dict[str, str],
    ) -> None:
        self.styles = styles
        self.defaults = defaults  # style type -> id of its default style
        self.default_rpr = default_rpr
        self.default_ppr = default_ppr
        self.theme = theme  # "minor"/"major" -> Latin typeface

    @staticmethod
    def read(document: Any, parts: Mapping[str, bytes]) -> _Styles:
        styles_xml = _related(document, parts, _STYLES_REL, "word/styles.xml")
        theme_xml = _related(document, parts, _THEME_REL, "word/theme/theme1.xml")
        found: dict[str, _Style] = {}
        defaults: dict[str, str] = {}
        default_rpr = default_ppr = None
        root = _parse(styles_xml)
        if root is not None:
            doc_defaults = _child(root, "docDefaults")
            if doc_defaults is not None:
                default_rpr = _child(_child(doc_defaults, "rPrDefault"), "rPr")
                default_ppr = _child(_child(doc_defaults, "pPrDefault"), "pPr")
            for style in root:
                if style.tag != W + "style":
                    continue
                sid = style.get(W + "styleId")
                kind = style.get(W + "type") or "paragraph"
                if sid is None or sid in found:
                    continue
                found[sid] = _Style(
                    kind, _val(_child(style, "basedOn")), _child(style, "rPr"), _child(style, "pPr")
                )
                if style.get(W + "default") in ("1", "true", "on"):
                    defaults.setdefault(kind, sid)
        theme: dict[str, str] = {}
        troot = _parse(theme_xml)
        if troot is not None:
            for which in ("minor", "major"):
                for el in troot.iter(A + f"{which}Font"):
                    latin = _child_ns(el, A + "latin")
                    if latin is not None and latin.get("typeface"):
                        theme[which] = latin.get("typeface") or ""
                    break
        return _Styles(found, defaults, default_rpr, default_ppr, theme)

    def chain(self, style_id: str | None, kind: str) -> tuple[_Style, ...]:
        """A style and the styles it is based on (the type's default style when none is
        named), nearest first; loops and unknown ids end the chain."""
        sid = style_id if style_id in self.styles else self.defaults.get(kind)
        out: list[_Style] = []
        seen: set[str] = set()
        while sid is not None and sid in self.styles and sid not in seen and len(out) < 50:
            seen.add(sid)
            style = self.styles[sid]
            out.append(style)
            sid = style.based_on
        return tuple(out)

    def run_look(
        self, r: Any, pchain: tuple[_Style, ...], text: str
    ) -> tuple[str, float, bool, bool, bool, bool]:
        rpr = _child(r, "rPr")
        rstyle = _val(_child(rpr, "rStyle")) if rpr is not None else None
        rchain = self.chain(rstyle, "character") if rstyle else ()
        sources = [rpr, *(s.rpr for s in rchain), *(s.rpr for s in pchain), self.default_rpr]
        sources = [s for s in sources if s is not None]
        wide = any(ord(ch) > 0x7F for ch in text)
        font = self._font(sources, "hAnsi" if wide else "ascii") or WORD_DEFAULT_FONT
        size_val = _first(sources, "sz")
        try:
            size = float(size_val) / 2 if size_val is not None else WORD_DEFAULT_SIZE
        except ValueError:
            size = WORD_DEFAULT_SIZE
        return (
            font,
            size,
            _toggle(sources, "b"),
            _toggle(sources, "i"),
            _underline(sources),
            _toggle(sources, "caps"),
        )

    def _font(self, sources: list[Any], slot: str) -> str | None:
        """The typeface of a slot (ascii or hAnsi): the first rFonts that names it, by
        theme (which wins over a name in the same element) or by name."""
        for rpr in sources:
            fonts = _child(rpr, "rFonts")
            if fonts is None:
                continue
            for attr in (slot, "ascii" if slot == "hAnsi" else "hAnsi"):
                theme = fonts.get(W + attr + "Theme")
                if theme:
                    which = "major" if theme.startswith("major") else "minor"
                    if which in self.theme:
                        return self.theme[which]
                name = fonts.get(W + attr)
                if name:
                    return str(name)
        return None

    def alignment(self, ppr: Any, pchain: tuple[_Style, ...]) -> str:
        for props in (ppr, *(s.ppr for s in pchain), self.default_ppr):
            jc = _child(props, "jc") if props is not None else None
            if jc is not None and jc.get(W + "val"):
                return _ALIGN.get(jc.get(W + "val") or "", "left")
        return "left"


def _related(document: Any, parts: Mapping[str, bytes], reltype: str, default: str) -> bytes | None:
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            member = str(rel.target_part.partname).lstrip("/")
            if member in parts:
                return parts[member]
    return parts.get(default)


def _parse(xml: bytes | None) -> Any:
    if not xml:
        return None
    from defusedxml import ElementTree as SafeTree

    try:
        return SafeTree.fromstring(xml, forbid_dtd=True)
    except (SyntaxError, ValueError):
        return None


def _child(element: Any, name: str) -> Any:
    if element is None:
        return None
    return _child_ns(element, W + name)


def _child_ns(element: Any, tag: str) -> Any:
    for child in element:
        if child.tag == tag:
            return child
    return None


def _val(element: Any) -> str | None:
    return None if element is None else element.get(W + "val")


def _first(sources: list[Any], name: str) -> str | None:
    for rpr in sources:
        el = _child(rpr, name)
        if el is not None and el.get(W + "val") is not None:
            return str(el.get(W + "val"))
    return None


def _toggle(sources: list[Any], name: str) -> bool:
    """An on/off property: the nearest element that sets it (no value means on)."""
    for rpr in sources:
        el = _child(rpr, name)
        if el is not None:
            return (el.get(W + "val") or "true").lower() not in _OFF
    return False


def _underline(sources: list[Any]) -> bool:
    for rpr in sources:
        el = _child(rpr, "u")
        if el is not None:
            return (el.get(W + "val") or "single").lower() not in _OFF
    return False
