"""The spine end to end: a .docx whose footnote holds a wrong share, the same draft from
standard input, and the library API."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from checker.pipeline import check_path, check_text
from docx_factory import make_docx


def test_wrong_share_in_a_docx_footnote_is_placed_in_that_footnote(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.docx"
    make_docx(
        path,
        [
            "BÁO CÁO",
            "Tổng số cán bộ của huyện là 250 người, trong đó nữ 110 người, chiếm 44%.{fn:1}",
            "Công tác đào tạo được quan tâm{fn:2}.",
        ],
        footnotes={
            1: "Số liệu đến ngày 30/6/2024.",
            2: "Mở 04 lớp, có 200 học viên, trong đó nữ 90 học viên, chiếm 40%.",
        },
    )
    result = check_path(str(path), select=["N"])
    assert result.error is None
    assert [(f.code, f.where, f.finding.stated, f.finding.expected) for f in result.findings] == [
        ("N101", "footnote 2", "40%", "45%")
    ]
    # a .docx line is a paragraph in reading order: three body paragraphs, then the notes
    assert result.findings[0].line == 5


def test_the_same_draft_from_standard_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = "Tổng số 805 đồng chí, trong đó trẻ 397 đồng chí, chiếm 43,10%.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    from_stdin = check_path("-", select=["N"])
    from_file = check_path(str(path), select=["N"])
    assert [(f.line, f.column, f.code) for f in from_stdin.findings] == [
        (f.line, f.column, f.code) for f in from_file.findings
    ]
    assert from_file.findings


def test_check_text_reports_original_positions_of_decomposed_text() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Tỉnh ủy có 805 đồng chí, trong đó trẻ 397 đồng chí, chiếm 43,10%.")
    [finding] = check_text(text, select=["N101"])
    assert text[finding.column - 1 : finding.end_column - 1].endswith("43,10%")
