"""Cross-references (X1xx), counts (X2xx) and dates (X3xx): the metric keys that match a
figure stated twice, the lists a count introduces, the report's own date; and what these
rules report on the real draft (skipped without ../shared)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from checker.rules.xref import lists, metrics
from checker.rules.xref.metrics import Key
from hypothesis import given
from hypothesis import strategies as st

from checker.engine import Settings
from checker.facts import Number
from checker.loading import load_text
from checker.numbers import format_vn, rounded
from checker.pipeline import check_path, check_text

# ---------------------------------------------------------------------------------------
# Metric keys
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "unit_text", "what"),
    [
        ("cán bộ trẻ", None, "trẻ"),
        ("trẻ dưới 40 tuổi", None, "trẻ"),
        ("cán bộ người dân tộc", None, "dân tộc thiểu số"),
        ("đồng chí nữ", "đồng chí", "nữ"),
        ("đồng chí", "đồng chí", ""),
        ("quy hoạch ban thường vụ tỉnh ủy", None, ""),
        ("quy hoạch ban chấp hành đảng bộ các huyện, thị xã, thành phố", None, ""),
        ("hoạch ban chấp hành đảng bộ cấp huyện có nữ", None, "nữ"),
        ("cao cấp lý luận chính trị", None, "cao cấp lý luận chính trị"),
    ],
)
def test_what_a_label_counts(label: str, unit_text: str | None, what: str) -> None:
    assert metrics.what_of(label, unit_text) == what


def test_a_key_left_out_qualifier_matches_any_but_a_stated_one_must_agree() -> None:
    a = Key("nữ", "%", level="huyện", period="2020-2025", organ="cấp ủy")
    assert a.compatible(Key("nữ", "%", period="2020-2025"))
    assert not a.compatible(Key("nữ", "%", level="tỉnh", period="2020-2025"))
    assert not a.compatible(Key("nữ", "%", level="huyện", period="2015-2020"))
    assert not a.compatible(Key("trẻ", "%", level="huyện", period="2020-2025"))


@pytest.mark.parametrize(
    ("key", "specific"),
    [
        (Key("nữ", "%", level="huyện"), True),
        (Key("nữ", "%", topic="đào tạo"), False),  # "đào tạo đại học" vs "sau đại học"
        (Key("nữ", "%"), False),
        (Key("", "%", level="tỉnh", period="2020-2025"), False),
        (Key("", "person", level="tỉnh", period="2020-2025", organ="cấp ủy"), True),
        (Key("", "person", level="tỉnh", organ="cấp ủy", topic="quy hoạch"), False),
    ],
)
def test_a_key_must_say_enough_to_pair_two_figures(key: Key, specific: bool) -> None:
    assert key.specific is specific


def _metric(text: str) -> metrics.Metric:
    number = Number(Decimal(text.replace(",", ".")), len(text.partition(",")[2]), text + "%")
    return metrics.Metric(None, Key("nữ", "%"), number, number.value)  # type: ignore[arg-type]


@given(
    st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99.999"), places=3),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(["half-up", "truncate"]),
)
def test_a_share_restated_with_fewer_decimals_agrees(value: Decimal, fewer: int, how: str) -> None:
    fine = format_vn(rounded(value, 3, "half-up"), 3)
    coarse = format_vn(rounded(Decimal(fine.replace(",", ".")), fewer, how), fewer)
    a, b = _metric(fine), _metric(coarse)
    assert metrics.agree(a, b) and metrics.agree(b, a)


def test_a_different_share_does_not_agree() -> None:
    assert not metrics.agree(_metric("22,98"), _metric("29,23"))
    assert not metrics.agree(_metric("18,46"), _metric("18,3"))  # 18,46 gives 18,5 or 18,4


def test_the_qualifiers_come_from_the_head_of_the_sentence_not_from_a_sibling_item() -> None:
    text = (
        "Bồi dưỡng kiến thức cho cấp ủy cơ sở nhiệm kỳ 2020 - 2025 có 12 lớp, 1.081 học viên; "
        "bồi dưỡng cán bộ Mặt trận và các đoàn thể có 10 lớp, 730 học viên."
    )
    source = load_text(text)
    from checker.extract import extract

    found = {m.text: m.key for m in metrics.metrics(extract(source), source)}
    assert found["12"].level == "cơ sở" and found["12"].period == "2020-2025"
    assert found["10"].level is None and found["10"].period is None
    assert found["10"].topic == "bồi dưỡng"


def test_indexing_is_by_key_not_pairwise() -> None:
    """The same statement repeated n times makes one group of n per figure (the count and
    its share), found through a dict."""
    line = "Quy hoạch ban chấp hành đảng bộ cấp huyện nhiệm kỳ 2025 - 2030, nữ 185 đồng chí, chiếm 22,98%.\n"
    source = load_text(line * 50)
    from checker.extract import extract

    groups = metrics.index(metrics.metrics(extract(source), source))
    assert sorted(len(g) for g in groups.values() if len(g) > 1) == [50, 50]


# ---------------------------------------------------------------------------------------
# Lists and dates
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "items", "style", "consecutive"),
    [
        ("(1) A; (2) B; (3) C.", 3, "(n)", True),
        ("(1) A; (2) B; (4) C.", 2, "(n)", False),
        ("1. A\n2. B\n3. C\n", 3, "n.", True),
        ("- A\n- B\n", 2, "-", True),
        ("(1) A; (2) B. (1) C; (2) D; (3) E.", 2, "(n)", True),  # a second list starts
    ],
)
def test_count_items(text: str, items: int, style: str, consecutive: bool) -> None:
    assert lists.count_items(text)[:3] == (items, style, consecutive)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("đối với 03 đơn vị (Phó Giám đốc Sở A; Phó Giám đốc Sở B và Phó Trưởng phòng Giáo dục và Đào tạo).", 3),
        ("luân chuyển 3 đồng chí (Chủ tịch huyện A, Bí thư xã B và Phó Bí thư xã C).", 3),
        ("có 2 đồng chí (Phó Giám đốc Sở A và Phó Giám đốc Sở B).", 2),
        ("có 2 đồng chí (trong đó nữ 1).", None),
        ("có 2 đồng chí (nam, nữ).", None),
    ],
)
def test_bracket_names(text: str, items: int | None) -> None:
    source = load_text(text)
    from checker.extract import extract
    from checker.facts import Quantity

    q = next(f for f in extract(source).items if isinstance(f, Quantity))
    counted = lists.bracket_names(source, q)
    assert (counted.items if counted else None) == items


def test_report_date_from_settings_wins_over_the_header() -> None:
    text = "Hà Nội, ngày 05 tháng 02 năm 2030\nBÁO CÁO\nQua 5 năm thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018."
    assert [f.code for f in check_text(text, select=["X301"])] == ["X301"]
    fine = Settings(report_date=dt.date(2023, 6, 1))
    assert check_text(text, settings=fine, select=["X301"]) == ()


def test_a_header_year_is_narrowed_by_the_latest_cited_date() -> None:
    """"hơn 2 năm" since 29/6/2021 fits a report of 2023 only from the summer on: the
    report cites a document of 21/6/2023, so it is no older than that."""
    head = "Hậu Giang, ngày      tháng     năm 2023\nBÁO CÁO\n"
    body = "Thực hiện Đề án số 01-ĐA/TU ngày 29/6/2021. Qua hơn 2 năm thực hiện Đề án số 01-ĐA/TU, kết quả tốt."
    cited = " Ngày 21/6/2023 ban hành Quyết định số 3029-QĐ/TU ngày 21/6/2023."
    assert check_text(head + body + cited, select=["X301"]) == ()
    early = Settings(report_date=dt.date(2023, 1, 10))
    assert [f.code for f in check_text(head + body, settings=early, select=["X301"])] == ["X301"]


# ---------------------------------------------------------------------------------------
# The real draft
# ---------------------------------------------------------------------------------------

SEED_XREF = {
    # (line, stated in the footnote, stated in section 2.3.3.1 on line 101)
    (271, "22,98%", "29,23%"),  # women, district level
    (271, "43,10%", "24,75%"),  # young, district level
    (271, "1,11%", "1,75%"),  # ethnic minorities, district level
    (274, "20,83%", "30,12%"),  # women, grassroots level
    (274, "68,75%", "0,57%"),  # young, grassroots level
    (274, "0,39%", "0,63%"),  # ethnic minorities, grassroots level
}


def test_seed_body_and_footnote_shares(seed_path: Path) -> None:
    result = check_path(str(seed_path), select=["X1"])
    got = {(f.line, f.finding.stated, f.finding.expected) for f in result.findings}
    assert got == SEED_XREF
    for f in result.findings:
        assert f.where == "footnote 17" and f.severity.value == "error"
        assert "101" in f.finding.message.vi and "101" in f.finding.message.en
        assert f.finding.related  # the other place


def test_seed_repeated_figures_with_the_same_value_are_not_reported(seed_path: Path) -> None:
    result = check_path(str(seed_path), select=["X1"])
    stated = {f.finding.stated for f in result.findings}
    assert not stated & {"3,07%", "18,46%", "12", "1.081", "1081"}


def test_seed_counts_and_dates_are_consistent(seed_path: Path) -> None:
    """12 programmes listed for "bao gồm 12 văn bản", 03 units named, x/8 and x/75 against
    05 + 01 + 02 and 75, five years since 19/5/2018 and "hơn 2 năm" since 29/6/2021 in a
    report of 2023 (after 21/6/2023, the latest date it cites): nothing to report."""
    result = check_path(str(seed_path), select=["X2", "X3"])
    assert [(f.line, f.code) for f in result.findings] == []


def test_seed_spans_are_measured(seed_path: Path) -> None:
    """Dated ten years later, the same spans are wrong: the rule does read them."""
    late = Settings(report_date=dt.date(2030, 1, 1))
    result = check_path(str(seed_path), settings=late, select=["X301"])
    assert {f.line for f in result.findings} == {12, 118, 130, 186}
