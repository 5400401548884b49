"""Build small real .docx files for tests: paragraphs, tables, footnotes and endnotes.

python-docx writes the body but knows nothing of footnotes, so the notes parts are added as
Word writes them: a word/footnotes.xml (and word/endnotes.xml) part with the two separator
notes, its content-type override and the relationship from the main document, the
w:footnotePr/w:endnotePr of the settings, and w:footnoteReference runs in the body::

    make_docx(tmp_path / "a.docx",
              ["Đạt 95%{fn:1}.", [["Chỉ tiêu", "Kết quả"], ["Lớp", "12{en:1}"]]],
              footnotes={1: "Theo báo cáo số 12-BC/TU."},
              endnotes={1: ["Đoạn một.", "Đoạn hai."]})

A body item is a paragraph (a string) or a table (a list of rows, each a list of cell
texts; "\\n" in a cell starts a new paragraph). "{fn:N}" and "{en:N}" stand for references
to footnote or endnote N; a note's text is a string or a list of paragraphs.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Union
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

Table = list[list[str]]
Body = list[Union[str, Table]]  # noqa: UP007 - a runtime alias, and Python 3.10 is supported
NoteText = Union[str, list[str]]  # noqa: UP007

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REF = re.compile(r"\{(fn|en):(\d+)\}")
_SETTINGS_AFTER_NOTES = (
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def make_docx(
    path: str | Path,
    body: Body,
    footnotes: dict[int, NoteText] | None = None,
    endnotes: dict[int, NoteText] | None = None,
) -> Path:
    """Write a .docx at ``path`` and return the path."""
    document = docx.Document()
    for item in body:
        if isinstance(item, str):
            _fill(document.add_paragraph(), item)
        else:
            _add_table(document, item)
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if notes:
            _add_notes_part(document, kind, notes)
    out = Path(path)
    document.save(str(out))
    return out


def _add_table(document: docx.document.Document, rows: Table) -> None:
    width = max((len(r) for r in rows), default=1)
    table = document.add_table(rows=len(rows), cols=width)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            first, *rest = text.split("\n")
            _fill(cell.paragraphs[0], first)
            for more in rest:
                _fill(cell.add_paragraph(), more)


def _fill(paragraph: Paragraph, text: str) -> None:
    """Runs for the text, and a reference run for each "{fn:N}" / "{en:N}"."""
    pos = 0
    for m in _REF.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()])
        kind = "footnote" if m.group(1) == "fn" else "endnote"
        run = paragraph.add_run()
        rpr = run._r.get_or_add_rPr()
        valign = OxmlElement("w:vertAlign")
        valign.set(qn("w:val"), "superscript")
        rpr.append(valign)
        ref = OxmlElement(f"w:{kind}Reference")
        ref.set(qn("w:id"), m.group(2))
        run._r.append(ref)
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def notes_xml(kind: str, notes: dict[int, NoteText]) -> bytes:
    """A footnotes or endnotes part as Word writes it, separators first."""
    ns = f'xmlns:w="{W_NS}"'
    sep = '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    items = [
        f'<w:{kind} w:type="separator" w:id="-1">{sep}<w:r><w:separator/></w:r></w:p></w:{kind}>',
        (
            f'<w:{kind} w:type="continuationSeparator" w:id="0">{sep}'
            f"<w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>"
        ),
    ]
    mark = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
    for note_id, text in notes.items():
        paragraphs = [text] if isinstance(text, str) else text
        body = "".join(
            f'<w:p>{mark if i == 0 else ""}<w:r><w:t xml:space="preserve">'
            f"{' ' if i == 0 else ''}{escape(par)}</w:t></w:r></w:p>"
            for i, par in enumerate(paragraphs)
        )
        items.append(f'<w:{kind} w:id="{note_id}">{body}</w:{kind}>')
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {ns}>'
    return (xml + "".join(items) + f"</w:{kind}s>").encode("utf-8")


def _add_notes_part(
    document: docx.document.Document, kind: str, notes: dict[int, NoteText]
) -> None:
    content_type, reltype = (
        (CT.WML_FOOTNOTES, RT.FOOTNOTES) if kind == "footnote" else (CT.WML_ENDNOTES, RT.ENDNOTES)
    )
    main = document.part
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, notes_xml(kind, notes), main.package)
    main.relate_to(part, reltype)
    settings = document.settings.element
    props = parse_xml(
        f'<w:{kind}Pr xmlns:w="{W_NS}"><w:{kind} w:id="-1"/><w:{kind} w:id="0"/></w:{kind}Pr>'
    )
    successors = (
        _SETTINGS_AFTER_NOTES if kind == "endnote" else ("w:endnotePr", *_SETTINGS_AFTER_NOTES)
    )
    settings.insert_element_before(props, *successors)


def rewrite_part(path: str | Path, member: str, data: bytes | Callable[[bytes], bytes]) -> Path:
    """Replace (or add) one part of a package, keeping the others byte for byte: the way
    tests make damaged or hostile variants of a good .docx."""
    src = Path(path)
    with zipfile.ZipFile(src) as archive:
        items = [(info, archive.read(info)) for info in archive.infolist()]
    names = {info.filename for info, _ in items}
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as out:
        for info, blob in items:
            if info.filename == member:
                blob = data(blob) if callable(data) else data
            out.writestr(info.filename, blob)
        if member not in names:
            out.writestr(member, data(b"") if callable(data) else data)
    return src
