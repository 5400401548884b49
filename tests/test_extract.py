"""Sentences -> facts: what the grammar and the transformer understand.

Each construction is tested with wording like the sample draft's and with wordings of our
own. Assertions are on facts (kinds, texts, values, relations), never on Lark trees.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.extract import extract
from checker.facts import Delta, Facts, Percent, Quantity, Ratio, Reference, Target, Term, Total
from checker.loading import load_text


def facts_of(text: str) -> Facts:
    return extract(load_text(text))


def by_text(facts: Facts, text: str) -> object:
    found = [f for f in facts if f.text == text]
    assert found, f"no fact {text!r} among {[f.text for f in facts]}"
    return found[0]


def whole_text(facts: Facts, pct: Percent) -> str | None:
    if pct.whole_source == "parts":
        return " + ".join(facts.items[i].text for i in pct.whole_parts)
    whole = facts.get(pct.whole)
    return whole.text if whole else None


SHARES = [
    # (text, share as written, its count, its whole)
    (
        "Tổng số cán bộ, công chức của tỉnh 16.244 người. Trong đó: cán bộ trẻ 8.007 người, "
        "chiếm tỷ lệ 49,29%.",
        "chiếm tỷ lệ 49,29%", "8.007 người", "16.244 người",
    ),
    (
        "Toàn huyện có 1.250 đảng viên, trong đó đảng viên nữ 430 người, chiếm 34,40%.",
        "chiếm 34,40%", "430 người", "1.250 đảng viên",
    ),
    (
        "Số học viên tốt nghiệp là 320 người; loại giỏi 64 người, bằng 20%.",
        "bằng 20%", "64 người", "320 người",
    ),
    (
        "Ban Chấp hành có 55 đồng chí, nữ 11 đồng chí, chiếm 20%; trẻ 6 đồng chí, chiếm 10,91%.",
        "chiếm 10,91%", "6 đồng chí", "55 đồng chí",
    ),
    (
        "Sau đại học 12 đ/c, chiếm 6%; đại học 150 đ/c, chiếm 75%; cao đẳng 38 đ/c, chiếm 19%.",
        "chiếm 75%", "150 đ/c", "12 đ/c + 150 đ/c + 38 đ/c",
    ),
]


@pytest.mark.parametrize(("text", "share", "part", "whole"), SHARES)
def test_share_knows_its_count_and_whole(text: str, share: str, part: str, whole: str) -> None:
    facts = facts_of(text)
    pct = by_text(facts, share)
    assert isinstance(pct, Percent)
    assert facts.items[pct.part].text == part  # type: ignore[index]
    assert whole_text(facts, pct) == whole


def test_share_without_a_whole_says_so() -> None:
    facts = facts_of("Tỷ lệ hài lòng của người dân chiếm 87,5% trong các cuộc khảo sát.")
    pct = next(facts.of(Percent))
    assert pct.whole is None and pct.whole_source == "none"


TOTALS = [
    # (text, total, parts, relation, disjoint)
    (
        "Cán bộ trẻ: 8.007 người (nam 4.519 người, nữ 3.488 người), chiếm tỷ lệ 49,29%.",
        "8.007 người", ["4.519 người", "3.488 người"], "partition", True,
    ),
    (
        "Đảng bộ có 11 đảng bộ trực thuộc (gồm 05 huyện, 01 thị xã, 02 thành phố; 03 đảng bộ ngành).",
        "11 đảng bộ", ["05 huyện", "01 thị xã", "02 thành phố", "03 đảng bộ"], "partition", True,
    ),
    (
        "Toàn tỉnh có 498 tổ chức cơ sở đảng, trong đó có 171 đảng bộ cơ sở, 357 chi bộ cơ sở.",
        "498 tổ chức cơ sở đảng", ["171 đảng bộ", "357 chi bộ"], "subset", True,
    ),
    (
        "Đã luân chuyển 26 đồng chí (trong đó, trẻ 07, nữ 7 đồng chí).",
        "26 đồng chí", ["07", "7 đồng chí"], "subset", False,
    ),
    (
        "Số lãnh đạo, quản lý là 1.649 người (trẻ 412 người).",
        "1.649 người", ["412 người"], "subset", True,
    ),
    (
        "Năm 2023 kết nạp 640 đảng viên, bao gồm 250 đảng viên ở xã, 390 đảng viên ở cơ quan.",
        "640 đảng viên", ["250 đảng viên", "390 đảng viên"], "partition", True,
    ),
    (
        "Cấp huyện về cấp xã 19 đồng chí (Bí thư xã 8, Phó Bí thư 3, Chủ tịch xã 4, Phó Chủ tịch xã 4).",
        "19 đồng chí", ["8", "3", "4", "4"], "partition", True,
    ),
    (
        "Có 171 đảng bộ cơ sở (xã, phường, thị trấn: 75; ngành huyện, tỉnh: 96).",
        "171 đảng bộ", ["75", "96"], "partition", True,
    ),
]


@pytest.mark.parametrize(("text", "total", "parts", "relation", "disjoint"), TOTALS)
def test_total_and_parts(
    text: str, total: str, parts: list[str], relation: str, disjoint: bool
) -> None:
    facts = facts_of(text)
    totals = [t for t in facts.of(Total) if facts.items[t.total].text == total]
    assert totals, [(facts.items[t.total].text, t.parts) for t in facts.of(Total)]
    tot = totals[0]
    assert [facts.items[i].text for i in tot.parts] == parts
    assert (tot.relation, tot.disjoint) == (relation, disjoint)


def test_breakdown_stops_at_semicolon_when_parts_are_kinds() -> None:
    facts = facts_of(
        "Có 498 tổ chức cơ sở đảng, trong đó có 171 đảng bộ cơ sở, 357 chi bộ cơ sở; "
        "1.523 chi bộ trực thuộc đảng ủy cơ sở."
    )
    tot = next(facts.of(Total))
    assert [facts.items[i].text for i in tot.parts] == ["171 đảng bộ", "357 chi bộ"]


def test_breakdown_goes_on_over_semicolons_for_attributes() -> None:
    facts = facts_of(
        "Quy hoạch 805 đồng chí, trong đó nữ 185, chiếm 22,98%; trẻ dưới 40 tuổi là 397 đồng chí, "
        "chiếm 49,32%; người dân tộc 9 đồng chí, chiếm 1,11%."
    )
    tot = next(facts.of(Total))
    assert [facts.items[i].text for i in tot.parts] == ["185", "397 đồng chí", "9 đồng chí"]
    assert not tot.disjoint
    for pct in facts.of(Percent):
        assert facts.items[pct.whole].text == "805 đồng chí"  # type: ignore[index]


RATIOS = [
    ("có 32.457/32.960 cán bộ, đảng viên dự học, đạt tỷ lệ 98,76%.", "32.457/32.960 cán bộ", "đạt tỷ lệ 98,76%"),
    ("có 1.467/1.872 học viên đạt loại khá trở lên (chiếm 78,37%).", "1.467/1.872 học viên", "chiếm 78,37%"),
    ("Hoàn thành 45/50 chỉ tiêu, tỷ lệ là 90%.", "45/50", "tỷ lệ là 90%"),
    ("Đã có 8/8 huyện hoàn thành.", "8/8 huyện", None),
]


@pytest.mark.parametrize(("text", "ratio", "rate"), RATIOS)
def test_ratio_and_its_rate(text: str, ratio: str, rate: str | None) -> None:
    facts = facts_of(text)
    r = by_text(facts, ratio)
    assert isinstance(r, Ratio)
    assert (facts.items[r.rate].text if r.rate is not None else None) == rate


DELTAS = [
    # (text, change, direction, amount, measure, subject, base period)
    ("Quy hoạch 65 đồng chí (giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025).", "giảm 52 đồng chí so với nhiệm kỳ 2020 - 2025", -1, "52", "count", "65 đồng chí", "2020-2025"),
    ("Thu ngân sách đạt 8,9 tỷ đồng, tăng 3,5% so với cùng kỳ.", "tăng 3,5% so với cùng kỳ", 1, "3,5%", "percent", "8,9 tỷ đồng", None),
    ("Tỷ lệ nữ là 30%, tăng 2 điểm phần trăm so với năm 2022.", "tăng 2 điểm phần trăm so với năm 2022", 1, "2", "points", "30%", "2022"),
    ("Số đảng viên mới gấp 1,5 lần năm trước.", "gấp 1,5 lần", 1, "1,5", "times", None, None),
    ("nữ 12 đồng chí, chiếm 18,46% (giảm 06 đồng chí so với nhiệm kỳ 2020 - 2025)", "giảm 06 đồng chí so với nhiệm kỳ 2020 - 2025", -1, "06", "count", "12 đồng chí", "2020-2025"),
]


@pytest.mark.parametrize(("text", "change", "direction", "amount", "measure", "subject", "period"), DELTAS)
def test_delta(text: str, change: str, direction: int, amount: str, measure: str, subject: str | None, period: str | None) -> None:
    facts = facts_of(text)
    d = by_text(facts, change)
    assert isinstance(d, Delta)
    assert (d.direction, d.amount.text, d.measure) == (direction, amount, measure)
    assert (facts.items[d.subject].text if d.subject is not None else None) == subject
    assert d.base_period == period


TARGETS = [
    ("Tổng số đào tạo là 62 đồng chí, đạt 20,73% so với Đề án.", "62 đồng chí", "20,73%", "Đề án"),
    ("Mở 07 lớp, có 502 học viên, đạt 96,91% so với kế hoạch.", "502 học viên", "96,91%", "kế hoạch"),
    ("Kết nạp 1.030 đảng viên, đạt 103% so với chỉ tiêu năm.", "1.030 đảng viên", "103%", "chỉ tiêu"),
]


@pytest.mark.parametrize(("text", "subject", "value", "basis"), TARGETS)
def test_target(text: str, subject: str, value: str, basis: str) -> None:
    facts = facts_of(text)
    t = next(facts.of(Target))
    assert facts.items[t.subject].text == subject  # type: ignore[index]
    assert t.number.text == value
    assert t.basis == basis


def test_units_and_labels() -> None:
    facts = facts_of("Cán bộ nữ 7.235 người; mở 12 lớp, có 1.081 học viên; kinh phí 8,9 tỷ đồng.")
    q = {f.text: f for f in facts.of(Quantity)}
    assert q["7.235 người"].unit == "person" and q["7.235 người"].label == "cán bộ nữ"
    assert q["12 lớp"].unit == "class"
    assert q["1.081 học viên"].unit == "person"
    assert q["8,9 tỷ đồng"].unit == "billion_dong"


def test_terms_and_periods() -> None:
    facts = facts_of("Kết quả quy hoạch nhiệm kỳ 2025 - 2030: cấp tỉnh có 18 đồng chí. Từ năm 2019 đến nay đã luân chuyển 26 đồng chí.")
    terms = list(facts.of(Term))
    assert [(t.start_year, t.end_year) for t in terms] == [(2025, 2030), (2019, None)]
    q = next(facts.of(Quantity))
    assert q.period == "2025-2030" and q.level == "tỉnh"


def test_references_with_date_issuer_and_title() -> None:
    facts = facts_of(
        "Thực hiện Kế hoạch số 37-KH/TU ngày 29/6/2021 của Ban Thường vụ Tỉnh ủy về “Luân chuyển "
        "cán bộ”; Nghị quyết số 22/2022/NQ-HĐND ngày 09/12/2022 của Hội đồng nhân dân tỉnh."
    )
    refs = list(facts.of(Reference))
    assert [(r.doc_type, r.number, r.code) for r in refs] == [
        ("kế hoạch", "37", "KH/TU"),
        ("nghị quyết", "22", "2022/NQ-HĐND"),
    ]
    first = refs[0]
    date = facts.items[first.date]  # type: ignore[index]
    assert (date.day, date.month, date.year) == (29, 6, 2021)  # type: ignore[attr-defined]
    assert first.issuer == "Ban Thường vụ Tỉnh ủy"
    assert first.title == "Luân chuyển cán bộ"


def test_footnote_markers_do_not_cut_a_sentence() -> None:
    text = "Toàn tỉnh có 200 người, trong đó nữ 50 người[\n], chiếm 25%.\n[\ufffd] Ghi chú 1 người.\n"
    from checker.loading import load_text as load

    source = load(text)
    facts = extract(source)
    pct = next(facts.of(Percent))
    assert facts.items[pct.part].text == "50 người"  # type: ignore[index]


def test_positions_point_into_the_nfc_text() -> None:
    text = "Tổng số 1.250 người, trong đó nữ 430 người, chiếm 34,40%."
    facts = facts_of(text)
    for fact in facts:
        assert text[fact.span.start : fact.span.end].startswith(fact.text[:5])


def test_values_are_decimal_with_scale() -> None:
    facts = facts_of("Kinh phí 8,9 tỷ đồng.")
    q = next(facts.of(Quantity))
    assert q.number.value == Decimal("8.9")


def test_a_list_over_several_sentences() -> None:
    facts = facts_of(
        "Toàn tỉnh đã luân chuyển 40 đồng chí. Trong đó: Cấp tỉnh: luân chuyển 12 đồng chí về "
        "huyện, cụ thể: về huyện 10 đồng chí, về xã 2 đồng chí. Cấp huyện: luân chuyển 28 đồng "
        "chí về xã. Công tác luân chuyển đạt kết quả tốt, có 3 lớp bồi dưỡng."
    )
    totals = {facts.items[t.total].text: [facts.items[i].text for i in t.parts] for t in facts.of(Total)}
    assert totals["40 đồng chí"] == ["12 đồng chí", "28 đồng chí"]
    assert totals["12 đồng chí"] == ["10 đồng chí", "2 đồng chí"]
