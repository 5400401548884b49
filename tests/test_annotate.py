"""The annotated Word copy: one comment per finding, at its span, the input untouched."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx_factory import make_docx, rewrite_part
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.annotate import (
    Annotated,
    AnnotateError,
    W,
    annotate,
    paragraphs_text,
    run_piece,
)
from checker.facts import Span
from checker.findings import Finding, Located, Message, Severity
from checker.loading import InputError, load_path
from checker.source import SegmentKind, Source

BODY: list[Any] = [
    "BÁO CÁO KẾT QUẢ NĂM 2023",
    "Tổng số cán bộ là 200 người, trong đó nữ 50 người, chiếm 30%{fn:1}.",
    [["Chỉ tiêu", "Kết quả"], ["Số lớp", "Mở 12 lớp\nCó 300 học viên{en:1}"]],
    "Có 498 tổ chức, trong đó 171 đảng bộ và 357 chi bộ{fn:2}.",
]
FOOTNOTES = {
    1: "Theo Kế hoạch số 12-KH/TU, đạt 98,76%.",
    2: ["Đoạn một.", "Có 32.457/32.960 người."],
}
ENDNOTES = {1: "Số liệu đến 30/6/2023."}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def finding_at(source: Source, line: int, piece: str, code: str = "N101", **kw: Any) -> Located:
    """A hand-made finding on ``piece`` in ``line`` of the loaded document."""
    text = source.line_text(line)
    column = kw.pop("column", None) or text.index(piece) + 1
    where = kw.pop("where", None) or _where(source, line)
    finding = Finding(
        code,
        kw.pop("category", "percent"),
        kw.pop("severity", Severity.ERROR),
        Span(0, 1),
        kw.pop("message", Message(f"sai: {piece}", f"wrong: {piece}")),
        kw.pop("stated", piece),
        kw.pop("expected", "25%"),
        kw.pop("evidence", Message("50/200 = 25%", "50/200 = 25%")),
    )
    end_line = kw.pop("end_line", line)
    end_column = kw.pop("end_column", column + len(piece))
    return Located(finding, line, column, end_line, end_column, where, text, **kw)


def _where(source: Source, line: int) -> str:
    for seg in source.segments:
        first = source.position(seg.start).line
        last = source.end_position(seg.end).line
        if first <= line <= last and seg.end > seg.start:
            return seg.where
    return "body"


def line_of(source: Source, piece: str) -> int:
    return next(i for i, text in enumerate(source.original.split("\n"), 1) if piece in text)


PIECES = {W + t for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen")}


def covered(path: Path) -> dict[int, str]:
    """Comment id -> the text its range covers in the body ("⁽fn:1⁾" for a note mark)."""
    body = docx.Document(str(path)).element.body
    open_ids: set[int] = set()
    out: dict[int, str] = {}
    for el in body.iter():
        tag = el.tag
        if tag == W + "commentRangeStart":
            open_ids.add(int(el.get(W + "id")))
            out.setdefault(int(el.get(W + "id")), "")
        elif tag == W + "commentRangeEnd":
            open_ids.discard(int(el.get(W + "id")))
        elif tag in PIECES:
            for i in open_ids:
                out[i] += run_piece(el)
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            kind = "fn" if tag == W + "footnoteReference" else "en"
            for i in open_ids:
                out[i] += f"⁽{kind}:{el.get(W + 'id')}⁾"
    return out


def comment_texts(path: Path) -> dict[int, str]:
    return {c.comment_id: c.text for c in docx.Document(str(path)).comments}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "bao-cao.docx", BODY, FOOTNOTES, ENDNOTES)


# -- reading as checker.loading does ------------------------------------------------------------
BODY_XML = {
    "runs, tabs and breaks": (
        '<w:p><w:r><w:t xml:space="preserve">Có </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
        "<w:t>12</w:t></w:r><w:r><w:tab/><w:t>lớp</w:t><w:br/><w:t>học</w:t>"
        '<w:br w:type="page"/><w:noBreakHyphen/><w:cr/></w:r></w:p>'
    ),
    "hyperlinks, insertions, deletions, fields": (
        '<w:p><w:hyperlink r:id="rId99"><w:r><w:t>Kế hoạch</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> số 12</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>bỏ</w:delText></w:r></w:del>'
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:smartTag w:element="x"><w:r>'
        "<w:t>.</w:t></w:r></w:smartTag></w:p>"
    ),
    "content controls and nested tables": (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Trong điều khiển</w:t></w:r></w:p></w:sdtContent>"
        "</w:sdt><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ô 1</w:t></w:r></w:p><w:tbl><w:tr><w:tc>"
        "<w:p><w:r><w:t>Ô lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"
        "<w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>Ô 2</w:t></w:r></w:p></w:tc></w:sdtContent>"
        "</w:sdt></w:tr></w:tbl><w:p/>"
    ),
    "alternate content": (
        '<w:p><w:r><w:t>A</w:t></w:r><mc:AlternateContent><mc:Choice Requires="w14">'
        "<w:r><w:t>B</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>C</w:t></w:r></mc:Fallback>"
        "</mc:AlternateContent><w:moveFrom><w:r><w:t>D</w:t></w:r></w:moveFrom></w:p>"
    ),
}


def _with_body(path: Path, body_xml: str) -> Path:
    def replace(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        start = text.index("<w:body>") + len("<w:body>")
        end = text.index("<w:sectPr")
        return (text[:start] + body_xml + text[end:]).encode("utf-8")

    return rewrite_part(path, "word/document.xml", replace)


@pytest.mark.parametrize("body_xml", list(BODY_XML.values()), ids=list(BODY_XML))
def test_paragraphs_are_read_as_checker_loading_reads_them(tmp_path: Path, body_xml: str) -> None:
    path = _with_body(make_docx(tmp_path / "x.docx", ["x"]), body_xml)
    lines = load_path(str(path)).original.split("\n")
    assert paragraphs_text(docx.Document(str(path))) == lines


def test_body_paragraphs_come_before_the_notes(draft: Path) -> None:
    source = load_path(str(draft))
    body_lines = [
        line
        for line in range(1, source.original.count("\n") + 2)
        if _where(source, line).split(" ")[0] in ("body", "table")
    ]
    texts = paragraphs_text(docx.Document(str(draft)))
    assert len(texts) == len(body_lines) == 8
    assert texts == [source.line_text(line) for line in body_lines]


# -- comments ---------------------------------------------------------------------------------------
def test_one_comment_per_finding_at_its_span(draft: Path, tmp_path: Path) -> None:
    source = load_path(str(draft))
    before = sha(draft)
    findings = [
        finding_at(source, 2, "chiếm 30%"),
        finding_at(source, 2, "200 người", "N201", severity=Severity.WARNING),
        finding_at(source, line_of(source, "Có 300 học viên"), "300", "N401"),  # in the table
        finding_at(source, line_of(source, "98,76%"), "98,76%", "N301"),  # footnote 1
        finding_at(source, line_of(source, "32.457"), "32.457/32.960", "N302"),  # footnote 2
        finding_at(source, line_of(source, "30/6/2023"), "30/6/2023", "D101"),  # endnote 1
    ]
    out = tmp_path / "out" / "bao-cao.rasoat.docx"
    out.parent.mkdir()
    done = annotate(draft, out, findings)
    assert done == Annotated(str(out), comments=6, exact=3, paragraph=0, notes=3)
    assert sha(draft) == before  # the input never changes
    ranges = covered(out)
    assert sorted(ranges.values()) == sorted(
        ["chiếm 30%", "200 người", "300", "⁽fn:1⁾", "⁽fn:2⁾", "⁽en:1⁾"]
    )
    texts = comment_texts(out)
    assert len(texts) == 6
    by_code = {t.split("]")[0].split(" ")[0].lstrip("["): t for t in texts.values()}
    assert by_code["N101"].splitlines() == [
        "[N101 · lỗi · tỷ lệ phần trăm] sai: chiếm 30%",
        "Nêu: chiếm 30% → Đúng ra: 25%",
        "Căn cứ: 50/200 = 25%",
    ]
    assert by_code["N201"].startswith("[N201 · cảnh báo · ")
    assert "Chú thích 1: “98,76%”" in by_code["N301"]
    assert "Chú thích cuối 1: “30/6/2023”" in by_code["D101"]
    # the copy is a Word document with the same text as the original
    assert load_path(str(out)).original == source.original


def test_english_comments(draft: Path, tmp_path: Path) -> None:
    source = load_path(str(draft))
    findings = [
        finding_at(source, 2, "chiếm 30%", related=((2, 19, 2, 28, "body"),)),
        finding_at(source, line_of(source, "98,76%"), "98,76%", "N301"),
    ]
    out = tmp_path / "en.docx"
    annotate(draft, out, findings, lang="en")
    texts = sorted(comment_texts(out).values())
    assert texts[0].splitlines() == [
        "[N101 · error · percent] wrong: chiếm 30%",
        "Stated: chiếm 30% → Expected: 25%",
        "Evidence: 50/200 = 25%",
        "Related: “200 người”",
    ]
    assert "Footnote 1: “98,76%”" in texts[1]
    for vietnamese in ("Nêu", "Đúng ra", "Căn cứ", "lỗi", "Chú thích"):
        assert vietnamese not in "\n".join(texts)


def test_a_span_across_runs_keeps_their_formatting(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Nữ 50 người, ")
    bold = paragraph.add_run("chiếm 30")
    bold.bold = True
    paragraph.add_run("% tổng số.")
    path = tmp_path / "runs.docx"
    document.save(str(path))
    source = load_path(str(path))
    annotate(path, tmp_path / "out.docx", [finding_at(source, 1, "50 người, chiếm 30%")])
    assert list(covered(tmp_path / "out.docx").values()) == ["50 người, chiếm 30%"]
    runs = docx.Document(str(tmp_path / "out.docx")).paragraphs[0].runs
    texts = [(r.text, bool(r.bold)) for r in runs if r.text]
    assert texts == [
        ("Nữ ", False),
        ("50 người, ", False),
        ("chiếm 30", True),
        ("%", False),
        (" tổng số.", False),
    ]


def test_a_span_over_two_paragraphs(draft: Path, tmp_path: Path) -> None:
    source = load_path(str(draft))
    end_line = line_of(source, "Có 498")
    loc = finding_at(source, 2, "chiếm 30%", end_line=end_line, end_column=len("Có 498") + 1)
    annotate(draft, tmp_path / "out.docx", [loc])
    [text] = covered(tmp_path / "out.docx").values()
    assert text.startswith("chiếm 30%⁽fn:1⁾.") and text.endswith(
        "Mở 12 lớpCó 300 học viên⁽en:1⁾Có 498"
    )


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        # a column past the end of the paragraph: the whole paragraph
        (lambda s: finding_at(s, 1, "2023", column=40, end_column=45), "BÁO CÁO KẾT QUẢ NĂM 2023"),
        # a line past the body (and not in a note): the last body paragraph
        (lambda s: replace(finding_at(s, 1, "2023"), line=99, end_line=99), None),
    ],
)
def test_a_span_that_cannot_be_placed_anchors_a_paragraph(
    draft: Path, tmp_path: Path, make: Any, expected: str | None
) -> None:
    source = load_path(str(draft))
    done = annotate(draft, tmp_path / "out.docx", [make(source)])
    assert (done.comments, done.paragraph) == (1, 1)
    [text] = covered(tmp_path / "out.docx").values()
    if expected is not None:
        assert text == expected


def test_a_footnote_without_a_reference_anchors_the_first_paragraph(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "n.docx", ["Mở đầu.", "Thân bài{fn:1}."], {1: "Một.", 2: "Hai."})
    source = load_path(str(path))
    loc = finding_at(source, line_of(source, "Hai."), "Hai", "T101", where="footnote 2")
    done = annotate(path, tmp_path / "out.docx", [loc])
    assert (done.notes, done.paragraph) == (0, 1)
    assert list(covered(tmp_path / "out.docx").values()) == ["Mở đầu."]


def test_an_empty_paragraph_gets_a_run_to_hold_the_comment(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "e.docx", ["Một.", "", "Ba."])
    source = load_path(str(path))
    finding = finding_at(source, 1, "Một")
    loc = Located(finding.finding, 2, 1, 2, 2, "body", "")
    done = annotate(path, tmp_path / "out.docx", [loc])
    assert done.paragraph == 1 and len(comment_texts(tmp_path / "out.docx")) == 1


def test_no_findings_still_make_a_faithful_copy(draft: Path, tmp_path: Path) -> None:
    done = annotate(draft, tmp_path / "out.docx", [])
    assert done.comments == 0
    assert load_path(str(tmp_path / "out.docx")).original == load_path(str(draft)).original


TEXT = "Tổng số 200 người, trong đó nữ 50 người, chiếm 30% tổng số."


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cuts=st.sets(st.integers(1, len(TEXT) - 1), max_size=6),
    span=st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 12)),
)
def test_any_split_of_runs_any_span(cuts: set[int], span: tuple[int, int]) -> None:
    start, length = span
    end = min(start + length, len(TEXT))
    bounds = [0, *sorted(cuts), len(TEXT)]
    document = docx.Document()
    paragraph = document.add_paragraph()
    for a, b in itertools.pairwise(bounds):
        paragraph.add_run(TEXT[a:b])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.docx"
        document.save(str(path))
        source = load_path(str(path))
        finding = finding_at(source, 1, TEXT[start:end], column=start + 1, end_column=end + 1)
        done = annotate(path, Path(folder) / "out.docx", [finding])
        assert done.exact == 1
        assert list(covered(Path(folder) / "out.docx").values()) == [TEXT[start:end]]
        assert load_path(str(Path(folder) / "out.docx")).original == TEXT


# -- files ------------------------------------------------------------------------------------------
def test_the_output_cannot_be_the_input(draft: Path) -> None:
    before = sha(draft)
    with pytest.raises(AnnotateError) as info:
        annotate(draft, draft, [])
    assert "\n" not in str(info.value) and "ghi đè" in str(info.value)
    assert "overwrites" in info.value.text("en")
    assert sha(draft) == before


@pytest.mark.parametrize(
    ("name", "error", "fragment"),
    [
        ("missing.docx", InputError, "không có tệp này"),
        ("draft.txt", AnnotateError, ".docx"),
    ],
)
def test_inputs_that_cannot_be_annotated(
    tmp_path: Path, name: str, error: type[Exception], fragment: str
) -> None:
    if name.endswith(".txt"):
        (tmp_path / name).write_text("Có 5 lớp.", encoding="utf-8")
    with pytest.raises(error) as info:
        annotate(tmp_path / name, tmp_path / "out.docx", [])
    assert fragment in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "out.docx").exists()


def test_a_temporary_output_name_is_taken_as_given(draft: Path, tmp_path: Path) -> None:
    # the CLI writes to ".OUT.docx.XXXX.tmp" beside the target, then renames it
    out = tmp_path / ".out.docx.abc.tmp"
    out.write_bytes(b"")
    annotate(draft, out, [finding_at(load_path(str(draft)), 2, "30%")])
    assert len(comment_texts(out)) == 1


def test_a_failed_write_leaves_nothing_behind(draft: Path, tmp_path: Path) -> None:
    with pytest.raises(AnnotateError) as info:
        annotate(draft, tmp_path / "no-such-folder" / "out.docx", [])
    assert "không ghi được" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx"]


def test_an_existing_output_is_replaced_whole(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")
    source = load_path(str(draft))
    annotate(draft, out, [finding_at(source, 2, "30%")])
    assert len(comment_texts(out)) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_new_copy_can_be_shared(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.docx"
    annotate(draft, out, [])
    assert out.stat().st_mode & 0o777 == 0o644
    out.chmod(0o600)  # an existing output keeps its permissions
    annotate(draft, out, [])
    assert out.stat().st_mode & 0o777 == 0o600


# -- the sample draft as a Word document with real footnotes ------------------------------------
def _sample_as_docx(seed: Path, target: Path) -> Path:
    """The sample draft rebuilt as a .docx at test time: its body paragraphs with real
    footnote references where the plain-text export had "[" / "]", and its notes."""
    source = load_path(str(seed))
    body = next(s for s in source.segments if s.kind is SegmentKind.BODY)
    notes = [s for s in source.segments if s.kind is SegmentKind.FOOTNOTE]
    text = source.text[body.start : body.end]
    by_ref = {s.ref: s.number for s in notes if s.ref is not None}
    out, pos = [], 0
    for start, end in source.markers:
        if start < body.start or end > body.end:
            continue
        out.append(text[pos : start - body.start].replace("{", "(").replace("}", ")"))
        number = by_ref.get(start)
        out.append(f"{{fn:{number}}}" if number else "")
        pos = end - body.start
    out.append(text[pos:].replace("{", "(").replace("}", ")"))
    paragraphs = "".join(out).rstrip("\n").split("\n")
    footnotes = {
        s.number: re.sub(r"^\[\ufffd\]?\s*", "", source.text[s.start : s.end].strip())
        for s in notes
        if s.number is not None
    }
    return make_docx(target, list(paragraphs), footnotes)


def test_the_sample_draft_gets_one_comment_per_finding(seed_path: Path, tmp_path: Path) -> None:
    from checker import pipeline

    path = _sample_as_docx(seed_path, tmp_path / "sample.docx")
    before = sha(path)
    result = pipeline.check_path(str(path))
    assert result.error is None and result.findings
    in_notes = sum(1 for f in result.findings if f.where.startswith("footnote"))
    assert in_notes, "the sample draft has findings in its footnotes"
    done = annotate(path, tmp_path / "sample.rasoat.docx", result.findings)
    assert (
        done.comments == len(result.findings) == len(comment_texts(tmp_path / "sample.rasoat.docx"))
    )
    assert done.notes == in_notes
    assert done.exact + done.paragraph + done.notes == done.comments
    assert done.paragraph <= 1  # nearly every span maps to its runs
    assert sha(path) == before
    ranges = covered(tmp_path / "sample.rasoat.docx")
    source = load_path(str(path))
    for comment_id, loc in enumerate(result.findings):
        if loc.where == "body" and loc.line == loc.end_line:
            span = source.line_text(loc.line)[loc.column - 1 : loc.end_column - 1]
            assert re.sub("⁽fn:[0-9]+⁾", "", ranges[comment_id]) == span


# -- LibreOffice opens the copy -------------------------------------------------------------------
def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_libreoffice_opens_the_copy_and_shows_the_comments(draft: Path, tmp_path: Path) -> None:
    office = _soffice()
    if office is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    source = load_path(str(draft))
    out = tmp_path / "annotated.docx"
    annotate(
        draft,
        out,
        [
            finding_at(source, 2, "chiếm 30%"),
            finding_at(source, line_of(source, "98,76%"), "98,76%", "N301"),
        ],
    )
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    env = {**os.environ, "HOME": str(tmp_path)}  # a profile of its own, not the user's
    done = subprocess.run(
        [
            office,
            "--headless",
            "--norestore",
            "--convert-to",
            export,
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    pdf = tmp_path / "annotated.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr[-500:]
    notes = _pdf_notes(pdf.read_bytes())
    assert any(n.startswith("[N101 · lỗi") and "Nêu: chiếm 30% → Đúng ra: 25%" in n for n in notes)
    assert any("Chú thích 1: “98,76%”" in n for n in notes)


def _pdf_notes(data: bytes) -> list[str]:
    """The /Contents of the PDF's annotations (LibreOffice writes comments as notes)."""
    notes: list[str] = []
    for m in re.finditer(rb"/Contents\s*<([0-9A-Fa-f]+)>", data):
        raw = bytes.fromhex(m.group(1).decode("ascii"))
        if raw.startswith(b"\xfe\xff"):
            notes.append(raw[2:].decode("utf-16-be"))
    return notes
