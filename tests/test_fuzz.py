"""Fuzzing the whole pipeline: token soup through ``check_text``, random and damaged bytes
through ``check_path`` as .txt, .md and .docx.

The properties: no exception escapes (a bad input is a one-line error naming the file), and
every finding lies inside the text (its offsets inside the NFC text, its line and column
inside the original lines). Examples are few and each has a deadline, so the suite stays fast
and a hang fails instead of waiting.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hostile_files import SOUP_TOKENS, W_NS, cp1258, docx_with
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import pipeline
from checker.findings import FileResult, Located
from checker.loading import load_path, load_text

FUZZ = settings(
    max_examples=20,
    deadline=timedelta(seconds=5),  # a bound that catches a hang, not a measurement
    suppress_health_check=[HealthCheck.too_slow],
)

GLUE = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", ". ", ", "])
SOUP = st.lists(
    st.tuples(GLUE, st.sampled_from(SOUP_TOKENS) | st.text(max_size=3)), min_size=1, max_size=40
).map(lambda pairs: "".join(glue + token for glue, token in pairs))


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Build the parsers and import the rules once, outside the deadlines."""
    pipeline.check_text("Tổng số 200 người, trong đó nữ 50 người, chiếm 25%.\n")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def docx_bytes(scratch: Path) -> bytes:
    return docx_with(scratch / "base.docx", {}).read_bytes()


def assert_inside(findings: tuple[Located, ...], original: str) -> None:
    """Positions inside the original lines, and offsets inside the NFC text."""
    lines = original.split("\n")
    nfc_length = len(load_text(original).text)
    for loc in findings:
        where = f"{loc.line}:{loc.column}-{loc.end_line}:{loc.end_column} {loc.code}"
        assert 0 <= loc.finding.span.start <= loc.finding.span.end <= nfc_length, where
        assert 1 <= loc.line <= loc.end_line <= len(lines), where
        assert 1 <= loc.column <= len(lines[loc.line - 1]) + 1, where
        assert 1 <= loc.end_column <= len(lines[loc.end_line - 1]) + 1, where
        assert (loc.line, loc.column) <= (loc.end_line, loc.end_column), where
        for line, column, end_line, end_column, _ in loc.related:
            assert 1 <= line <= end_line <= len(lines), where
            assert 1 <= column <= len(lines[line - 1]) + 1, where
            assert 1 <= end_column <= len(lines[end_line - 1]) + 1, where


def assert_answered(result: FileResult, path: Path) -> None:
    """A one-line error naming the file, or findings inside the file's text."""
    assert result.path == str(path)
    if result.error is not None:
        assert "\n" not in result.error and result.error.startswith(f"{path}: ")
        assert "internal error" not in result.error
        assert result.findings == ()
    else:
        assert_inside(result.findings, load_path(str(path)).original)


# -- text ---------------------------------------------------------------------------------------


@FUZZ
@given(text=SOUP, kind=st.sampled_from(["txt", "md"]))
def test_token_soup_through_check_text(text: str, kind: str) -> None:
    if kind == "txt":
        findings = pipeline.check_text(text)
    else:
        findings = pipeline.check_source(load_text(text, kind="md"))
    assert_inside(findings, text.removeprefix("\ufeff"))


TEXT_BYTES = st.one_of(
    st.binary(max_size=1500),
    SOUP.map(lambda s: s.encode("utf-8")),
    SOUP.map(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")),
    SOUP.map(lambda s: b"\xff\xfe" + s.encode("utf-16-le", "surrogatepass")),
    SOUP.map(lambda s: b"".join(legacy(c) for c in s)),
    st.tuples(SOUP, st.binary(max_size=40)).map(lambda p: p[0].encode("utf-8") + p[1]),
)


def legacy(char: str) -> bytes:
    """A character in Windows-1258, or "?" where that code page has none."""
    try:
        return cp1258(char)
    except UnicodeEncodeError:
        return b"?"


@FUZZ
@given(data=TEXT_BYTES, suffix=st.sampled_from([".txt", ".md"]))
def test_random_bytes_as_text_files(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"draft{suffix}"
    path.write_bytes(data)
    assert_answered(pipeline.check_path(str(path)), path)


# -- .docx --------------------------------------------------------------------------------------


@st.composite
def damaged(draw: st.DrawFn, good: bytes) -> bytes:
    """A real .docx cut short, with bytes overwritten, or with bytes inserted."""
    data = bytearray(good)
    how = draw(st.sampled_from(["cut", "flip", "insert"]))
    if how == "cut":
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        chunk = draw(st.binary(min_size=1, max_size=16))
        if how == "flip":
            data[at : at + len(chunk)] = chunk
        else:
            data[at:at] = chunk
    return bytes(data)


@FUZZ
@given(data=st.data())
def test_damaged_and_random_docx(scratch: Path, docx_bytes: bytes, data: st.DataObject) -> None:
    blob = data.draw(st.one_of(damaged(docx_bytes), st.binary(max_size=600)))
    path = scratch / "draft.docx"
    path.write_bytes(blob)
    assert_answered(pipeline.check_path(str(path)), path)


def document_xml(paragraphs: list[str]) -> bytes:
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs
    )
    return f"<w:document {W_NS}><w:body>{body}</w:body></w:document>".encode()


# Characters XML 1.0 cannot hold at all (a Word file never has them either)
XML_SAFE = SOUP.map(
    lambda s: "".join(c for c in s if c in "\t\n" or (" " <= c and not 0xD800 <= ord(c) <= 0xDFFF))
)


@settings(FUZZ, max_examples=8)  # each example writes, opens and checks a whole .docx
@given(text=XML_SAFE)
def test_token_soup_in_a_docx(scratch: Path, text: str) -> None:
    with tempfile.TemporaryDirectory(dir=scratch) as tmp:
        path = docx_with(
            Path(tmp) / "soup.docx", {"word/document.xml": document_xml(text.split("\n"))}
        )
        result = pipeline.check_path(str(path))
        assert_answered(result, path)
        assert result.error is None
