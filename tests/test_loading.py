"""The loading step: encodings, legacy encodings, footnotes of plain text, Markdown and
.docx, hostile .docx files, standard input and folders."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from docx_factory import make_docx, notes_xml, rewrite_part
from hostile_files import MB, bomb_docx, docx_with, zeros_member
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checker import loading
from checker.loading import (
    InputError,
    Limits,
    decode,
    expand_paths,
    load_bytes,
    load_path,
    load_text,
    read_tcvn3,
    read_vni,
    vni_table,
)
from checker.source import SegmentKind, Source

# Our own sentences (never the sample draft's), with the kinds of figures drafts carry.
PROSE = (
    "Năm 2023, Ban Thường vụ đã ban hành 08 văn bản để lãnh đạo công tác cán bộ của "
    "các cơ quan; toàn tỉnh mở 12 lớp bồi dưỡng cho 1.250 người, đạt 96,5% kế hoạch. "
    "Việc thực hiện nghị quyết được kiểm tra định kỳ tại các xã và thị trấn."
)
TONES = set("\u0300\u0301\u0303\u0309\u0323")


# -- helpers ---------------------------------------------------------------------------


def error_of(call: Callable[..., object], *args: object, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    err = info.value
    for lang in ("vi", "en"):
        assert "\n" not in err.text(lang)
    assert str(err) == err.text("vi")
    return err


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def segments_of(source: Source) -> list[tuple[str, str]]:
    """(where, text) of each segment, without the newlines at its ends."""
    return [(seg.where, source.text[seg.start : seg.end].strip("\n")) for seg in source.segments]


def ref_position(source: Source, where: str) -> tuple[int, int]:
    seg = next(s for s in source.segments if s.where == where)
    assert seg.ref is not None
    pos = source.position(seg.ref)
    return pos.line, pos.column


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: a base letter, then the tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def tcvn3(text: str) -> bytes:
    """TCVN3 as .VnTime fonts store it (capitals with tones as the lowercase codes, which
    the .VnTimeH fonts draw as capitals)."""
    codes = {letter: code for code, letter in loading.TCVN3.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        out.append(ord(ch) if ch < "\x80" else codes.get(ch) or codes[ch.lower()])
    return bytes(out)


def vni(text: str) -> bytes:
    table = vni_table()
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 (Latin-1 for the bytes it leaves undefined)."""
    return "".join(
        bytes([b]).decode("cp1252", "ignore") or chr(b) if b >= 0x80 else chr(b)
        for b in text.encode("utf-8")
    )


# -- plain text: encodings ---------------------------------------------------------------

DRAFT = unicodedata.normalize("NFD", "Báo cáo kết quả\n") + "Đạt 96,5% kế hoạch.\n"


@pytest.mark.parametrize(
    "data",
    [
        DRAFT.encode("utf-8"),
        b"\xef\xbb\xbf" + DRAFT.encode("utf-8"),
        b"\xff\xfe" + DRAFT.encode("utf-16-le"),
        b"\xfe\xff" + DRAFT.encode("utf-16-be"),
        b"\xff\xfe\x00\x00" + DRAFT.encode("utf-32-le"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le"],
)
def test_text_encodings_give_the_same_source(tmp_path: Path, data: bytes) -> None:
    source = load_path(write(tmp_path, "draft.txt", data))
    assert source.original == DRAFT  # decoded, BOM removed, NFD kept
    assert source.text == unicodedata.normalize("NFC", DRAFT)
    assert source.kind == "txt"
    assert [s.where for s in source.segments] == ["body"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_any_text_reads_the_same_through_every_encoding(text: str) -> None:
    def outcome(data: bytes) -> str | None:
        try:
            return load_bytes(data, "x.txt", "txt").text
        except InputError:
            return None  # the messages may differ (a guess at UTF-16 without BOM)

    # "\xff\xfe\x00\x00" is both UTF-16-LE starting with NUL and the UTF-32-LE BOM
    assume(not text.startswith("\x00"))
    plain = outcome(text.encode("utf-8"))
    for data in (
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        b"\xff\xfe" + text.encode("utf-16-le"),
        b"\xfe\xff" + text.encode("utf-16-be"),
    ):
        assert outcome(data) == plain
    if "\x00" not in text:
        assert plain == unicodedata.normalize("NFC", text.removeprefix("\ufeff"))


LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONED = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
VIETNAMESE = LETTERS + TONED + (LETTERS + TONED).upper()


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=VIETNAMESE + "0123456789 ,.;:()%/-–—“”‘’…•°×\n\u00a0",
        min_size=0,
        max_size=400,
    )
)
def test_real_vietnamese_never_looks_like_a_legacy_encoding(text: str) -> None:
    for form in ("NFC", "NFD"):
        body = unicodedata.normalize(form, text)
        assert decode(body.encode("utf-8"), "x.txt") == body


def test_the_sample_draft_reads_as_unicode(seed_path: Path) -> None:
    data = seed_path.read_bytes()
    assert decode(data, str(seed_path)) == data.decode("utf-8")


def test_mojibake_of_the_sample_draft_is_named(seed_path: Path, tmp_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    err = error_of(load_path, write(tmp_path, "m.txt", mojibake(text).encode("utf-8")))
    assert "Windows-1252" in err.text("en") and "m.txt" in str(err)


LEGACY: list[tuple[str, Callable[[str], bytes], str]] = [
    ("cp1258", cp1258, "Windows-1258"),
    ("tcvn3", tcvn3, "TCVN3"),
    ("vni", vni, "VNI"),
    ("mojibake", lambda s: mojibake(s).encode("utf-8"), "Windows-1252"),
    # a legacy font's bytes shown as Windows-1252 and saved as UTF-8 (a .VnTime document
    # copied into a Unicode editor): valid UTF-8, still not Vietnamese
    ("tcvn3 in unicode", lambda s: tcvn3(s).decode("cp1252").encode("utf-8"), "TCVN3"),
    ("vni in unicode", lambda s: vni(s).decode("cp1252").encode("utf-8"), "VNI"),
]


@pytest.mark.parametrize(("label", "encode", "name"), LEGACY, ids=[c[0] for c in LEGACY])
@pytest.mark.parametrize("text", [PROSE, "Kết quả thực hiện nghị quyết"], ids=["long", "short"])
def test_legacy_encodings_are_named(
    tmp_path: Path, label: str, encode: Callable[[str], bytes], name: str, text: str
) -> None:
    path = write(tmp_path, "cu.txt", encode(text))
    err = error_of(load_path, path)
    assert name in err.text("en") and name in err.text("vi")
    assert err.text("en").startswith(path + ": ")
    assert err.path == path


def test_known_answers_of_the_legacy_tables() -> None:
    # the classic heading as .VnTime and VNI-Times documents carry it
    assert read_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252")) == (
        "Cộng hoà xã hội chủ nghĩa Việt Nam"
    )
    assert read_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert read_vni("ÑAÛNG COÄNG SAÛN VIEÄT NAM") == "ĐẢNG CỘNG SẢN VIỆT NAM"


@given(st.text(alphabet=VIETNAMESE + " ,.0123456789", max_size=200))
def test_vni_table_round_trips(text: str) -> None:
    assert read_vni(vni(text).decode("cp1252")) == unicodedata.normalize("NFC", text)


def test_vni_table_covers_every_vietnamese_letter() -> None:
    assert {c for c in VIETNAMESE if not c.isascii()} <= set(vni_table())
    assert len(set(vni_table().values())) == len(vni_table())  # no two letters alike


def test_other_encodings_get_a_generic_message(tmp_path: Path) -> None:
    err = error_of(load_path, write(tmp_path, "jp.txt", "日本語の報告書です。".encode("shift_jis")))
    assert "not UTF-8 or UTF-16" in err.text("en")
    assert not any(n in err.text("en") for n in ("TCVN3", "VNI", "1258"))


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"abc\x00def", "binary"),
        ("Báo cáo năm 2023".encode("utf-16-le"), "UTF-16 without a byte order mark"),
        (b"\xff\xfe" + b"\x00\xd8a\x00", "invalid UTF-16-LE"),  # a lone surrogate
        (b"\xff\xfe" + "a\x00b".encode("utf-16-le"), "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Word 97-2003"),
        (b"%PDF-1.7\n...", "PDF"),
    ],
    ids=["nul", "utf16-no-bom", "bad-utf16", "nul-in-utf16", "doc", "pdf"],
)
def test_unreadable_text_files(tmp_path: Path, data: bytes, needle: str) -> None:
    err = error_of(load_path, write(tmp_path, "x.txt", data))
    assert needle in err.text("en")


def test_empty_file_is_an_empty_source(tmp_path: Path) -> None:
    source = load_path(write(tmp_path, "empty.txt", b""))
    assert (source.text, source.original, source.markers) == ("", "", ())
    assert [(s.kind, s.start, s.end) for s in source.segments] == [(SegmentKind.BODY, 0, 0)]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = str(tmp_path / "khong-co.txt")
    assert error_of(load_path, missing).text("en") == f"{missing}: no such file"
    assert "folder" in error_of(load_path, str(tmp_path)).text("en")


@pytest.mark.parametrize("name", ["big.txt", "big.docx"])
def test_size_limit_is_named(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, b"x" * 2048)
    err = error_of(load_path, path, Limits(max_input=1024))
    assert "1024 bytes limit" in err.text("en")
    assert "50 MB" in loading._too_large("x", Limits().max_input).text("en")


def test_input_error_keeps_the_one_string_form() -> None:
    err = InputError("a.txt: something\nwrong")
    assert str(err) == "a.txt: something wrong"


# -- plain text: footnotes of a Word export ----------------------------------------------

EXPORT = (
    "Báo cáo tổng kết.\n"
    "Đã ban hành 05 văn bản[\n"
    "]. Tổ chức 3 hội nghị[\n"
    "], thu hút 420 lượt người; đạt 97%]\n"
    "].\n"
    "\n"
    "[\ufffd] Gồm 02 nghị quyết và 03 kế hoạch.\n"
    "\n"
    "[\ufffd] Hội nghị thứ nhất có 150 lượt,\n"
    "\n"
    "hội nghị thứ hai có 270 lượt.\n"
    "\n"
    "[\ufffd Chỉ tiêu năm là 95%.\n"
)


def test_export_footnotes_are_linked_in_order() -> None:
    source = load_text(EXPORT, "x.txt")
    wheres = [s.where for s in source.segments]
    assert wheres == ["body", "footnote 1", "footnote 2", "footnote 3"]
    texts = dict(segments_of(source))
    assert texts["body"].endswith("].")
    assert texts["footnote 2"].startswith("[\ufffd] Hội nghị thứ nhất")
    assert texts["footnote 2"].endswith("270 lượt.")  # over several paragraphs
    assert texts["footnote 3"] == "[\ufffd Chỉ tiêu năm là 95%."  # damaged opening
    # the third marker is the damaged "]\n]" form; it still links footnote 3
    assert [source.original[s:e] for s, e in source.markers] == ["[\n]", "[\n]", "]\n]"]
    lines = EXPORT.split("\n")
    assert ref_position(source, "footnote 1") == (2, lines[1].index("[") + 1) == (2, 23)
    assert ref_position(source, "footnote 2") == (3, lines[2].index("[") + 1)
    assert ref_position(source, "footnote 3") == (4, lines[3].rindex("]") + 1)


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("Một[\n]. Hết.\n[\ufffd] A.\n[\ufffd] B.\n[\ufffd] C.\n", [0, None, None]),
        ("Một[\n], hai[\n], ba[\n].\n[\ufffd] A.\n", [0]),
        ("Không có chú thích nào.\n", []),
        ("[\ufffd] Chỉ có chú thích.\n", [None]),
    ],
    ids=["more-footnotes", "more-markers", "none", "no-body"],
)
def test_export_footnotes_tolerate_mismatch(text: str, refs: list[int | None]) -> None:
    source = load_text(text)
    notes = [s for s in source.segments if s.kind is SegmentKind.FOOTNOTE]
    assert [s.number for s in notes] == list(range(1, len(refs) + 1))
    got = [None if s.ref is None else source.markers.index((s.ref, s.ref + 3)) for s in notes]
    assert got == refs


def test_sample_draft_footnotes(seed_path: Path) -> None:
    source = load_path(str(seed_path))
    notes = [s for s in source.segments if s.kind is SegmentKind.FOOTNOTE]
    assert len(notes) == 18
    assert [s.number for s in notes] == list(range(1, 19))
    forms = [
        source.original[source.original_offset(s) : source.original_offset(e)]
        for s, e in source.markers
    ]
    assert len(forms) == 18 and forms.count("[\n]") == 17 and forms.count("]\n]") == 1
    # every footnote linked, the k-th to the k-th marker, all markers in the body
    assert [s.ref for s in notes] == [start for start, _ in source.markers]
    assert source.markers[-1][1] <= notes[0].start
    (figure,) = [s for s in notes if "32.457/32.960" in source.text[s.start : s.end]]
    assert figure.where == "footnote 12"
    # its marker stands at the end of line 64 of the file, after the decomposed text
    assert figure.ref is not None
    pos = source.position(figure.ref)
    assert source.line_text(pos.line)[pos.column - 1] == "["
    assert pos.line == 64
    assert all(source.text[s.start] == "[" for s in notes)


def test_nfd_positions_point_at_the_original(tmp_path: Path) -> None:
    nfd = unicodedata.normalize(
        "NFD", "Tổng số học viên đạt 95%[\n] trong năm.\n\n[\ufffd] Ghi chú.\n"
    )
    source = load_path(write(tmp_path, "nfd.txt", nfd.encode("utf-8")))
    assert len(source.text) < len(source.original)
    line, column = ref_position(source, "footnote 1")
    assert (line, column) == (1, nfd.index("[") + 1)
    at = source.text.index("95%")
    assert source.position(at).column == nfd.index("95%") + 1


# -- Markdown ---------------------------------------------------------------------------


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging) when the block runs longer than ``seconds``: a bound on a
    search that must stay linear, not a measurement (bench/ measures)."""

    def overtime(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, overtime)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    "text",
    ["[^" * 40_000, "[^" + "a" * 100_000, "[^x " * 20_000, "Đạt 5%[^" * 20_000],
    ids=["open-open", "one-long-label", "spaced", "after-figures"],
)
def test_markdown_footnote_search_stays_linear(text: str) -> None:
    """Labels never hold a bracket; before that, 40,000 characters of "[^" in a file with a
    footnote took 22 s (the references are only searched when a definition exists)."""
    with within(5):
        source = load_text(text + "\n\n[^1]: Ghi chú.\n", kind="md")
    assert source.markers == ()
    assert [s.where for s in source.segments] == ["body", "footnote 1"]


MARKDOWN = (
    "# Báo cáo\n"
    "\n"
    "Mở đầu[^a] và tiếp[^B].\n"
    "\n"
    "Thân bài nhắc lại[^A].\n"
    "\n"
    "[^b]: Ghi chú B.\n"
    "[^a]: Ghi chú A,\n"
    "    dòng thụt vào.\n"
    "\n"
    "    Đoạn hai của A.\n"
    "\n"
    "[^z]: Không ai dẫn.\n"
)


def test_markdown_footnotes() -> None:
    source = load_text(MARKDOWN, "x.md", "md")
    texts = dict(segments_of(source))
    assert [s.where for s in source.segments] == ["body", "footnote 2", "footnote 1", "footnote 3"]
    assert (
        texts["footnote 1"].startswith("[^a]: Ghi chú A")
        and "Đoạn hai của A." in texts["footnote 1"]
    )
    assert texts["footnote 2"] == "[^b]: Ghi chú B."
    assert [source.text[s:e] for s, e in source.markers] == ["[^a]", "[^B]", "[^A]"]
    assert ref_position(source, "footnote 1") == (3, 7)
    assert ref_position(source, "footnote 2") == (3, 19)
    assert next(s for s in source.segments if s.where == "footnote 3").ref is None


def test_markdown_body_after_a_definition_and_export_fallback(tmp_path: Path) -> None:
    source = load_text("Một[^1].\n\n[^1]: Chú.\n\nHai.\n", kind="md")
    assert [w for w, _ in segments_of(source)] == ["body", "footnote 1", "body"]
    exported = load_path(write(tmp_path, "x.md", EXPORT.encode("utf-8")))
    assert exported.kind == "md"
    assert [s.where for s in exported.segments][-1] == "footnote 3"


# -- .docx ------------------------------------------------------------------------------


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    return make_docx(
        tmp_path / "bao-cao.docx",
        [
            "Mở đầu: đạt 96,5%{fn:2} kế hoạch.",
            [["Chỉ tiêu", "Kết quả"], ["Số lớp", "12{en:1}"]],
            "Kết luận{fn:1}.",
            [["Bảng hai"]],
        ],
        footnotes={1: "Chú thích thứ nhất.", 2: ["Đoạn một.", "Đoạn hai."], 9: "Không ai dẫn."},
        endnotes={1: "Ghi chú cuối."},
    )


def test_docx_segments_in_reading_order(report_docx: Path) -> None:
    source = load_path(str(report_docx))
    assert source.kind == "docx"
    assert segments_of(source) == [
        ("body", "Mở đầu: đạt 96,5% kế hoạch."),
        ("table 1", "Chỉ tiêu\nKết quả\nSố lớp\n12"),
        ("body", "Kết luận."),
        ("table 2", "Bảng hai"),
        ("footnote 1", " Đoạn một.\n Đoạn hai.".replace("\n ", "\n")),  # note id 2: first cited
        ("footnote 2", " Chú thích thứ nhất."),
        ("footnote 3", " Không ai dẫn."),  # never cited: after the cited ones, no ref
        ("endnote 1", " Ghi chú cuối."),
    ]
    # a line is a paragraph
    assert source.original.count("\n") + 1 == 1 + 4 + 1 + 1 + 2 + 1 + 1 + 1
    assert ref_position(source, "footnote 1") == (1, len("Mở đầu: đạt 96,5%") + 1)
    assert ref_position(source, "footnote 2") == (6, len("Kết luận") + 1)
    assert ref_position(source, "endnote 1") == (5, 3)
    assert next(s for s in source.segments if s.where == "footnote 3").ref is None
    assert len(source.markers) == 3 and all(s == e for s, e in source.markers)
    assert source.where(source.text.index("Số lớp")) == "table 1"


def test_docx_factory_output_opens_again(report_docx: Path) -> None:
    import docx

    document = docx.Document(str(report_docx))
    assert [p.text for p in document.paragraphs] == ["Mở đầu: đạt 96,5% kế hoạch.", "Kết luận."]
    assert [t.cell(1, 1).text for t in document.tables[:1]] == ["12"]
    with zipfile.ZipFile(report_docx) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        settings_xml = archive.read("word/settings.xml").decode()
    for kind in ("footnotes", "endnotes"):
        assert f"/word/{kind}.xml" in types and f"relationships/{kind}" in rels
    assert '<w:footnotePr><w:footnote w:id="-1"/>' in settings_xml


def test_docx_nfd_positions(tmp_path: Path) -> None:
    body = unicodedata.normalize("NFD", "Tổng số học viên đạt 95%{fn:1} trong năm.")
    path = make_docx(tmp_path / "nfd.docx", [body], footnotes={1: "Ghi chú."})
    source = load_path(str(path))
    assert ref_position(source, "footnote 1") == (1, body.index("{") + 1)
    assert source.position(source.text.index("95%")).column == body.index("95%") + 1


def test_docx_merged_cells_are_read_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Gộp"
    table.cell(1, 0).text, table.cell(1, 1).text = "A", "B"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert segments_of(load_path(str(path))) == [("table 1", "Gộp\nA\nB")]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPHS = [
    ("<w:p><w:r><w:t>Một</w:t><w:tab/><w:t>hai</w:t></w:r></w:p>", "Một\thai"),
    ("<w:p><w:r><w:t>dòng</w:t><w:br/><w:t>mới</w:t></w:r></w:p>", "dòng\vmới"),
    ('<w:p><w:r><w:t>trang</w:t><w:br w:type="page"/></w:r></w:p>', "trang"),
    ("<w:p><w:r><w:t>2018</w:t><w:noBreakHyphen/><w:t>2023</w:t></w:r></w:p>", "2018-2023"),
    (
        (
            '<w:p><w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink></w:p>'
        ),
        "liên kết",
    ),
    (
        (
            '<w:p><w:r><w:t xml:space="preserve">đạt </w:t></w:r><w:del w:id="1" w:author="a">'
            '<w:r><w:delText>90%</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">'
            "<w:r><w:t>95%</w:t></w:r></w:ins></w:p>"
        ),
        "đạt 95%",
    ),
    (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>trong ô</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        "trong ô",
    ),
    ('<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>', "7"),
    (
        (
            '<w:p><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
            'markup-compatibility/2006"><mc:Choice Requires="w14"><w:r><w:t>một lần</w:t></w:r>'
            "</mc:Choice><mc:Fallback><w:r><w:t>một lần</w:t></w:r></mc:Fallback>"
            "</mc:AlternateContent></w:p>"
        ),
        "một lần",
    ),
]


@pytest.mark.parametrize(("xml", "line"), PARAGRAPHS)
def test_docx_paragraph_text(tmp_path: Path, xml: str, line: str) -> None:
    path = make_docx(tmp_path / "p.docx", ["THAY"])
    placeholder = b"<w:p><w:r><w:t>THAY</w:t></w:r></w:p>"
    rewrite_part(path, "word/document.xml", lambda b: b.replace(placeholder, xml.encode()))
    assert load_path(str(path)).original == line


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data).to_bytes(4, "big")
        return len(data).to_bytes(4, "big") + kind + data + crc

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])  # 1x1, 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_docx_with_a_picture(tmp_path: Path) -> None:
    """Pictures are never inflated; the paragraph that holds one is an empty line."""
    import docx

    document = docx.Document()
    document.add_paragraph("Trước ảnh")
    document.add_picture(io.BytesIO(tiny_png()))
    document.add_paragraph("Sau ảnh")
    document.save(str(tmp_path / "anh.docx"))
    assert load_path(str(tmp_path / "anh.docx")).original == "Trước ảnh\n\nSau ảnh"


def test_docx_reference_to_a_missing_note(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "m.docx", ["Xem{fn:7}."], footnotes={1: "Có."})
    source = load_path(str(path))
    assert source.markers == ((3, 3),)
    assert segments_of(source)[1] == ("footnote 1", " Có.")
    assert source.segments[1].ref is None


def test_docx_in_a_legacy_font_is_named(tmp_path: Path) -> None:
    body = tcvn3(PROSE).decode("cp1252")  # how a .VnTime document's runs hold the text
    path = make_docx(tmp_path / "vntime.docx", [body])
    assert "TCVN3" in error_of(load_path, str(path)).text("en")


def test_docx_by_content_through_stdin_or_a_wrong_name(
    report_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = report_docx.read_bytes()
    misnamed = load_path(write(tmp_path, "really-a-docx.txt", data))
    assert misnamed.kind == "docx"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    piped = load_path("-")
    assert (piped.kind, piped.path, piped.text) == ("docx", "<stdin>", misnamed.text)


def test_inputs_are_never_modified(report_docx: Path, tmp_path: Path) -> None:
    text = Path(write(tmp_path, "t.txt", EXPORT.encode("utf-8")))
    for path in (report_docx, text):
        before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        load_path(str(path))
        assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


# -- hostile or damaged .docx -----------------------------------------------------------


def test_random_bytes_named_docx(tmp_path: Path) -> None:
    err = error_of(load_path, write(tmp_path, "r.docx", os.urandom(4096)))
    assert "not a zip archive" in err.text("en")


def test_truncated_docx(report_docx: Path, tmp_path: Path) -> None:
    data = report_docx.read_bytes()
    for cut in (len(data) // 2, len(data) - 30):
        err = error_of(load_path, write(tmp_path, "cut.docx", data[:cut]))
        assert "cut.docx" in str(err)


def zip_of(path: Path, members: dict[str, bytes]) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)
    return str(path)


@pytest.mark.parametrize(
    "members",
    [
        {"hello.txt": b"xin chao"},
        {"[Content_Types].xml": b'<?xml version="1.0"?><Types/>'},
        {"[Content_Types].xml": b"<Types"},  # not even XML
    ],
    ids=["no-parts", "no-document", "bad-xml"],
)
def test_zip_that_is_not_a_word_document(tmp_path: Path, members: dict[str, bytes]) -> None:
    err = error_of(load_path, zip_of(tmp_path / "z.docx", members))
    assert "Word" in err.text("en") or "damaged" in err.text("en")


@pytest.mark.parametrize(
    ("member", "megabytes", "needle"),
    [
        ("word/media/zeros.png", 256, "the .docx decompresses to more than the 200 MB limit"),
        ("customXml/item9.xml", 256, "decompresses to more than the 32 MB limit"),
        ("word/document.xml", 34, "decompresses to more than the 32 MB limit"),
    ],
    ids=["picture", "xml", "main-part"],
)
def test_zip_bombs_are_refused_without_inflating(
    tmp_path: Path, member: str, megabytes: int, needle: str
) -> None:
    """Hundreds of megabytes of zeros in a few hundred kilobytes: the declared sizes are
    enough to refuse them (the bomb is built from a ready deflate stream, never held)."""
    path = bomb_docx(tmp_path / "bomb.docx", member, megabytes)
    assert path.stat().st_size < MB  # small on disk
    err = error_of(load_path, str(path))
    assert needle in err.text("en") and str(path) in str(err)
    if "32 MB" in needle:
        assert member in str(err) and f"{Limits().max_part // MB} MB" in str(err)


def test_the_xml_parts_together_are_capped(tmp_path: Path) -> None:
    """Each part under its cap, together over the XML cap (python-docx parses them all)."""
    parts = {f"customXml/item{i}.xml": zeros_member(f"customXml/item{i}.xml", 30) for i in (7, 8)}
    path = docx_with(tmp_path / "two.docx", parts)  # type: ignore[arg-type]
    limits = Limits(max_ratio=10_000.0)  # zeros: only the sizes should decide here
    err = error_of(load_path, str(path), limits)
    assert "the XML of the .docx decompresses to more than the 40 MB limit" in err.text("en")
    assert load_path(str(path), Limits(max_ratio=10_000.0, max_xml=64 * MB)).kind == "docx"


def test_a_lying_part_is_never_inflated_past_its_declared_size(tmp_path: Path) -> None:
    """The main part declares 1,000 bytes and holds 300 MB of zeros: zipfile stops at the
    declared size and the CRC no longer matches."""
    path = bomb_docx(tmp_path / "lie.docx", "word/document.xml", 300, declared=1000)
    assert "damaged .docx" in error_of(load_path, str(path)).text("en")


def test_absurd_compression_ratio_is_refused(report_docx: Path) -> None:
    rewrite_part(report_docx, "word/document.xml", lambda b: b + bytes(20 << 20))
    err = error_of(load_path, str(report_docx))
    assert "compression ratio" in err.text("en") and "word/document.xml" in str(err)


@pytest.mark.parametrize(
    ("limits", "needle"),
    [
        (Limits(max_part=1000), "more than the 1000 bytes limit"),
        (Limits(max_total=5000), "the .docx decompresses to more than the 5000 bytes limit"),
        (Limits(max_members=3), "too many parts"),
        (Limits(ratio_floor=100, max_ratio=1.5), "compression ratio"),
    ],
)
def test_docx_limits_are_parameters(report_docx: Path, limits: Limits, needle: str) -> None:
    assert needle in error_of(load_path, str(report_docx), limits).text("en")


def test_a_part_that_lies_about_its_size(tmp_path: Path) -> None:
    """The central directory says 100 bytes; the data inflates to far more. zipfile
    stops at the declared size and the CRC no longer matches: a damaged file."""
    good = make_docx(tmp_path / "ok.docx", ["Nội dung " * 200])
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    true_size = info.file_size.to_bytes(4, "little")
    fake = (100).to_bytes(4, "little")
    central = data.rfind(
        b"PK\x01\x02",
        0,
        data.find(b"word/document.xml", info.header_offset + 30 + len(info.filename)),
    )
    for at in (info.header_offset + 22, central + 24):  # local header, central directory
        assert data[at : at + 4] == true_size
        data[at : at + 4] = fake
    err = error_of(load_path, write(tmp_path, "lie.docx", bytes(data)))
    assert "damaged" in err.text("en") or "not a valid Word document" in err.text("en")


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY a "hahahahahahahahaha">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


@pytest.mark.parametrize(
    ("xml", "needle"),
    [
        (LAUGHS + notes_xml("footnote", {1: "&c;"}).split(b"?>", 1)[1], "DTD"),
        (b"<w:footnotes " + W.encode() + b"><w:footnote w:id='1'>", "not valid XML"),
    ],
    ids=["entities", "broken"],
)
def test_hostile_notes_xml(report_docx: Path, xml: bytes, needle: str) -> None:
    rewrite_part(report_docx, "word/footnotes.xml", xml)
    assert needle in error_of(load_path, str(report_docx)).text("en")


def test_content_nested_past_the_xml_parser_depth(report_docx: Path) -> None:
    """libxml2 stops at 256 levels: the same one line as tables nested in a footnote."""
    depth = 300
    nested = "<w:sdt><w:sdtContent>" * depth + "<w:p/>" + "</w:sdtContent></w:sdt>" * depth
    xml = f"<w:document {W}><w:body>{nested}</w:body></w:document>"
    rewrite_part(report_docx, "word/document.xml", xml.encode())
    assert "nested too deeply" in error_of(load_path, str(report_docx)).text("en")


def test_tables_nested_thousands_deep_in_a_footnote(report_docx: Path) -> None:
    depth = 3000
    nested = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
    xml = f'<w:footnotes {W}><w:footnote w:id="1">{nested}</w:footnote></w:footnotes>'
    rewrite_part(report_docx, "word/footnotes.xml", xml.encode())
    assert "nested too deeply" in error_of(load_path, str(report_docx)).text("en")


# -- standard input, folders, imports ----------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"\xff\xfe" + EXPORT.encode("utf-16-le")))
    source = load_path("-")
    assert (source.path, source.text) == ("<stdin>", load_text(EXPORT).text)
    assert [s.where for s in source.segments][-1] == "footnote 3"


def test_stdin_text_stream_none_and_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Đạt 95%."))
    assert load_path("-").text == "Đạt 95%."
    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 100))
    assert "<stdin>" in str(error_of(load_path, "-", Limits(max_input=10)))
    monkeypatch.setattr(sys, "stdin", None)
    assert "standard input" in error_of(load_path, "-").text("en")


def test_expand_paths(tmp_path: Path) -> None:
    root = tmp_path / "d"
    for name in (
        "b.txt",
        "a.md",
        "sub/c.docx",
        "sub/ghi-chu.pdf",
        "sub/z/D.TXT",
        ".hidden/x.txt",
        "~$lock.docx",
        ".dot.txt",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"")
    missing = str(tmp_path / "missing.txt")
    got = expand_paths([str(root), "-", missing, str(root / "b.txt")])
    assert got == [
        str(root / "a.md"),
        str(root / "b.txt"),
        str(root / "sub" / "c.docx"),
        str(root / "sub" / "z" / "D.TXT"),
        "-",
        missing,
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_folder_walk_skips_pipes_devices_and_dead_links(tmp_path: Path) -> None:
    """A named pipe would make the read wait forever; a link to a device never ends."""
    (tmp_path / "ok.txt").write_text("Đạt 95%.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "dead.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "link.txt").symlink_to(tmp_path / "ok.txt")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / "link.txt"), str(tmp_path / "ok.txt")]


def test_checking_text_never_imports_python_docx() -> None:
    code = (
        "import sys; from checker.loading import load_text; load_text('Đạt 95%[\\n].');"
        "print('docx' in sys.modules, 'charset_normalizer' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.split() == ["False", "False"]
