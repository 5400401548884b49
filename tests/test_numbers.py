"""Vietnamese numbers: the grammar's start symbols, token conversion, formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers import NumberError, format_vn, parse, rounded, to_number


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("16.244", Decimal("16244"), 0),
        ("49,29", Decimal("49.29"), 2),
        ("5,30", Decimal("5.30"), 2),
        ("05", Decimal("5"), 0),
        ("1.677", Decimal("1677"), 0),
        ("32.457", Decimal("32457"), 0),
        ("1.234.567,5", Decimal("1234567.5"), 1),
        ("0", Decimal("0"), 0),
    ],
)
def test_number_value_and_precision(text: str, value: Decimal, decimals: int) -> None:
    number = parse(text, "number").numbers[0]
    assert number.value == value
    assert number.decimals == decimals
    assert to_number(text) == number


def test_trailing_zero_is_kept() -> None:
    assert to_number("5,30").decimals == 2
    assert format_vn(to_number("5,30").value, 2) == "5,30"


def test_leading_zero_and_grouping_are_recorded() -> None:
    assert to_number("05").leading_zero
    assert not to_number("5").leading_zero
    assert to_number("1.081").grouped
    assert not to_number("1081").grouped


@pytest.mark.parametrize(
    ("text", "start", "values"),
    [
        ("49,29%", "percent", [Decimal("49.29")]),
        ("1.677%", "percent", [Decimal("1677")]),
        ("3 %", "percent", [Decimal("3")]),
        ("32.457/32.960", "ratio", [Decimal("32457"), Decimal("32960")]),
        ("8/8", "ratio", [Decimal("8"), Decimal("8")]),
        ("2020 - 2025", "year_span", [Decimal("2020"), Decimal("2025")]),
        ("2018–2023", "year_span", [Decimal("2018"), Decimal("2023")]),
        ("19/5/2018", "date", [Decimal("19"), Decimal("5"), Decimal("2018")]),
        ("01/06/2022", "date", [Decimal("1"), Decimal("6"), Decimal("2022")]),
        ("8,9 tỷ đồng", "money", [Decimal("8.9")]),
        ("120 triệu đồng", "money", [Decimal("120")]),
    ],
)
def test_start_symbols(text: str, start: str, values: list[Decimal]) -> None:
    parsed = parse(text, start)  # type: ignore[arg-type]
    assert [n.value for n in parsed.numbers] == values


def test_money_keeps_its_scale_word() -> None:
    assert parse("8,9 tỷ đồng", "money").extra == ("tỷ", "đồng")


@pytest.mark.parametrize(
    ("text", "start"),
    [("16.24", "percent"), ("abc", "number"), ("32/2020/", "ratio"), ("31/13/2020", "date")],
)
def test_rejects(text: str, start: str) -> None:
    with pytest.raises(NumberError):
        parse(text, start)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (Decimal("16244"), 0, "16.244"),
        (Decimal("49.2920"), 2, "49,29"),
        (Decimal("1.625"), 2, "1,63"),
        (Decimal("1234567.891"), 1, "1.234.567,9"),
        (Decimal("0.39"), 2, "0,39"),
        (Decimal("100"), 0, "100"),
    ],
)
def test_format(value: Decimal, decimals: int, text: str) -> None:
    assert format_vn(value, decimals) == text


def test_rounding_conventions() -> None:
    exact = Decimal("3.0769")
    assert rounded(exact, 2, "half-up") == Decimal("3.08")
    assert rounded(exact, 2, "truncate") == Decimal("3.07")
    assert rounded(Decimal("0.125"), 2, "half-even") == Decimal("0.12")


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10**9, allow_nan=False, allow_infinity=False, places=3),
    st.integers(min_value=0, max_value=3),
)
def test_format_then_parse_round_trips(value: Decimal, decimals: int) -> None:
    """Writing a Decimal the Vietnamese way and parsing it back gives the same value and
    the same precision."""
    q = value.quantize(Decimal(1).scaleb(-decimals))
    text = format_vn(q, decimals)
    number = parse(text, "number").numbers[0]
    assert number.value == q
    assert number.decimals == decimals
