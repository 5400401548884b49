"""The grammars on their own: strict build, each construction by its start symbol, and
robustness of sentence parsing on random token soup."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Lark
from lark.exceptions import LarkError

from checker.extract.transform import parse_sentence
from checker.grammar import NUMBER_STARTS, STATEMENT_STARTS, parser, strict_build



@pytest.mark.parametrize("grammar", ["numbers", "statements"])
def test_grammar_builds_strictly_with_every_start_symbol(grammar: str) -> None:
    """No shift/reduce or reduce/reduce conflict, no colliding terminals."""
    pytest.importorskip("interegular", reason="Lark's strict mode needs interegular")
    lark = strict_build(grammar)
    assert isinstance(lark, Lark)
    assert set(lark.options.start) == set(NUMBER_STARTS if grammar == "numbers" else STATEMENT_STARTS)


CONSTRUCTIONS = [
    # (start symbol, text that must parse as that construction)
    ("quantity", "8.007 người"),
    ("quantity", "02 đồng chí"),
    ("quantity", "05 đ/c"),
    ("quantity", "8,9 tỷ đồng"),
    ("quantity", "1.081 học viên"),
    ("quantity", "498 tổ chức cơ sở đảng"),
    ("quantity", "75"),
    ("share", "chiếm 49,29%"),
    ("share", "chiếm tỷ lệ 3%"),
    ("share", "chiếm tỉ lệ 12,5 %"),
    ("share", "bằng 40%"),
    ("share", "tỷ lệ là 98,47%"),
    ("rate", "đạt tỷ lệ 98,76%"),
    ("rate", "đạt 96,91% so với Đề án"),
    ("rate", "đạt 105% so với kế hoạch"),
    ("rate", "đạt 1.677% so với chỉ tiêu"),
    ("delta", "giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025"),
    ("delta", "tăng 3,5% so với cùng kỳ"),
    ("delta", "tăng 2 điểm phần trăm"),
    ("delta", "giảm 06 đồng chí"),
    ("delta", "tăng thêm 14 người so với năm 2022"),
    ("multiple", "gấp 1,5 lần"),
    ("ratio", "32.457/32.960 cán bộ"),
    ("ratio", "8/8"),
    ("ratio", "50/75"),
    ("term", "nhiệm kỳ 2025 - 2030"),
    ("term", "giai đoạn 2021–2025"),
    ("term", "Từ năm 2018 đến nay"),
    ("term", "năm 2022"),
    ("term", "khóa 2020 - 2025"),
    ("date", "ngày 19/5/2018"),
    ("date", "ngày 05 tháng 02 năm 2020"),
    ("date", "01/06/2022"),
    ("reference", "Nghị quyết số 26-NQ/TW"),
    ("reference", "Quy định số 04-QĐi/TU"),
    ("reference", "Kế hoạch sô 142-KH/TU"),
    ("reference", "Nghị quyết số 22/2022/NQ-HĐND"),
    ("reference", "Thông tri số 10/TT-MTTW-BTT"),
    ("reference", "Công văn số 1845/UBND-VX"),
    ("reference", "Nghị định 21"),
    ("reference", "Kết luận số 28-KLTW"),
    ("group", "(nam 4.519 người, nữ 3.488 người)"),
    ("group", "(gồm 05 huyện, 01 thị xã; 03 đảng bộ ngành)"),
]


@pytest.mark.parametrize(("start", "text"), CONSTRUCTIONS)
def test_construction_parses_alone(start: str, text: str) -> None:
    tree = parser("statements", start).parse(text)
    assert tree.data == start


@pytest.mark.parametrize(
    ("start", "text"),
    [
        ("share", "chiếm lĩnh thị trường"),  # "chiếm" before no percentage is a word
        ("delta", "tăng cường công tác"),
        ("reference", "Kế hoạch của Tỉnh ủy"),
        ("term", "nhiệm kỳ tới"),
        ("quantity", "người dân"),
    ],
)
def test_keyword_without_its_figure_is_not_the_construction(start: str, text: str) -> None:
    with pytest.raises(LarkError):
        parser("statements", start).parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "Công tác tăng cường kiểm tra, chiếm lĩnh trận địa tư tưởng, so với trước đây tốt hơn.",
        "Kế hoạch của Tỉnh ủy được triển khai; nhiệm kỳ tới cần làm tốt hơn (nhất là cấp cơ sở).",
        "Trong đó, tổng kết thực tiễn và “tự diễn biến”, “tự chuyển hóa” … được ngăn chặn.",
    ],
)
def test_free_prose_is_absorbed(text: str) -> None:
    clauses = parse_sentence(text, 0)
    assert clauses is not None
    kinds = {item.kind for clause in clauses for item in clause}
    assert kinds <= {"token", "group"}


def test_unbalanced_bracket_costs_only_the_structure() -> None:
    clauses = parse_sentence("Có 57 học viên (trong đó trẻ 21, nữ 19.", 0)
    assert clauses is not None
    kinds = [item.kind for clause in clauses for item in clause if item.kind != "token"]
    assert kinds == ["quantity", "quantity", "quantity"]


SOUP = st.lists(
    st.sampled_from(
        [
            "16.244", "49,29%", "05", "(", ")", "[", "]", ";", ",", ":", "%", "/", "-",
            "chiếm", "tỷ lệ", "đạt", "so với", "giảm", "tăng", "trong đó", "gồm", "bao gồm",
            "nhiệm kỳ", "2020 - 2025", "ngày", "19/5/2018", "Kế hoạch số", "37-KH/TU", "người",
            "đồng chí", "“", "”", "năm", "2022", "cán bộ", "nữ", "gấp", "lần", "điểm", "32.457/32.960",
            "\u00a0", "\ufffd", "số", "sô", "tổng số", "cụ thể", "là", "của",
        ]
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOUP)
def test_token_soup_never_breaks_the_parser(tokens: list[str]) -> None:
    text = " ".join(tokens)
    began = time.perf_counter()
    clauses = parse_sentence(text, 5)
    assert time.perf_counter() - began < 2.0
    if clauses is not None:
        for clause in clauses:
            for item in clause:
                assert 5 <= item.start <= item.end <= 5 + len(text)
