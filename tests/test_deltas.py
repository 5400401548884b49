"""Differences between terms (N4xx), achievements against targets (N5xx) and the earlier
report given with --baseline (checker/baseline.py).

Two reports written for these tests (a fictional province, figures computed by hand): the
previous term's, and the current one stating differences to it, five of them wrong. Each
wrong one must be reported on its line and nothing else, with the earlier report given as a
draft or as the JSON of ``rasoat facts``."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from checker.rules.numeric import target
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import engine
from checker.baseline import BaselineFacts, from_json_text, load_baseline
from checker.engine import Document, Settings
from checker.extract import extract
from checker.facts import Number
from checker.loading import InputError, load_path, load_text
from checker.numbers import format_vn, rounded
from checker.pipeline import locate
from checker.report.facts import render_json

PREVIOUS = """ĐẢNG BỘ TỈNH AN PHÚ
*
Số 21-BC/TU
ĐẢNG CỘNG SẢN VIỆT NAM
An Phú, ngày 12 tháng 10 năm 2020

BÁO CÁO
Kết quả công tác cán bộ đầu nhiệm kỳ 2020 - 2025
-----

Nhiệm kỳ 2020 - 2025, quy hoạch ban chấp hành đảng bộ tỉnh 110 đồng chí, trong đó nữ 22 đồng chí, chiếm 20,00%; trẻ dưới 40 tuổi 16 đồng chí, chiếm 14,55%.
Nhiệm kỳ 2020 - 2025, quy hoạch ban thường vụ tỉnh ủy 30 đồng chí, trong đó nữ 6 đồng chí, chiếm 20,00%.
Nhiệm kỳ 2020 - 2025, quy hoạch ban chấp hành đảng bộ cấp huyện 740 đồng chí, trong đó nữ 170 đồng chí, chiếm 22,97%.
Năm 2020, toàn đảng bộ kết nạp 1.250 đảng viên mới.
Nhiệm kỳ 2020 - 2025, đào tạo cao cấp lý luận chính trị 420 học viên.
Nhiệm kỳ 2020 - 2025, quy hoạch ủy ban kiểm tra tỉnh ủy 11 đồng chí.
"""

CURRENT = """ĐẢNG BỘ TỈNH AN PHÚ
*
Số 47-BC/TU
ĐẢNG CỘNG SẢN VIỆT NAM
An Phú, ngày 20 tháng 11 năm 2024

BÁO CÁO
Kết quả công tác cán bộ chuẩn bị nhiệm kỳ 2025 - 2030
-----

Nhiệm kỳ 2025 - 2030, quy hoạch ban chấp hành đảng bộ tỉnh 96 đồng chí, giảm 14 đồng chí so với nhiệm kỳ 2020 - 2025, trong đó nữ 21 đồng chí, chiếm 21,88% (giảm 1 đồng chí so với nhiệm kỳ 2020 - 2025); trẻ dưới 40 tuổi 18 đồng chí, chiếm 18,75% (tăng 2 đồng chí so với nhiệm kỳ 2020 - 2025).
Nhiệm kỳ 2025 - 2030, quy hoạch ban thường vụ tỉnh ủy 28 đồng chí, giảm 4 đồng chí so với nhiệm kỳ 2020 - 2025.
Nhiệm kỳ 2025 - 2030, quy hoạch ban chấp hành đảng bộ cấp huyện 765 đồng chí, giảm 25 đồng chí so với nhiệm kỳ 2020 - 2025.
Nhiệm kỳ 2025 - 2030, quy hoạch ban chấp hành đảng bộ cấp huyện có nữ 190 đồng chí, chiếm 24,84%, tăng 1,78 điểm phần trăm so với nhiệm kỳ 2020 - 2025.
Năm 2024, toàn đảng bộ kết nạp 1.310 đảng viên mới, tăng 4,2% so với năm 2020.
Nhiệm kỳ 2020 - 2025, đào tạo cao cấp lý luận chính trị 402 học viên.
Nhiệm kỳ 2020 - 2025, quy hoạch ban chấp hành đảng bộ tỉnh 110 đồng chí.
Nhiệm kỳ 2025 - 2030, quy hoạch ủy ban kiểm tra tỉnh ủy 12 đồng chí, tăng 1 đồng chí so với nhiệm kỳ trước.
"""

# line -> (code, stated, expected): every wrong difference or restated figure of CURRENT
WRONG = {
    12: ("N403", "4", "2"),  # 30 -> 28 is a fall of 2
    13: ("N402", "giảm 25 đồng chí", "tăng 25"),  # 740 -> 765 went up
    14: ("N403", "1,78", "1,87"),  # 22,97% -> 24,84% is 1,87 points
    15: ("N403", "4,2%", "4,8"),  # 1.250 -> 1.310 is +4,8%
    16: ("N406", "402", "420"),  # the previous term's figure restated wrongly
}
MINE = ("N4", "N5", "X")


def _run(text: str, baseline: BaselineFacts | None, select: tuple[str, ...] = MINE) -> list[tuple[int, str, str | None, str | None]]:
    source = load_text(text)
    doc = Document(source, extract(source), Settings(), baseline)
    found = engine.run(doc, engine.selected_rules(select))
    return [(locate(source, f).line, f.code, f.stated, f.expected) for f in found]


def _expected() -> list[tuple[int, str, str | None, str | None]]:
    return [(line, *WRONG[line]) for line in sorted(WRONG)]


@pytest.fixture
def previous_txt(tmp_path: Path) -> Path:
    path = tmp_path / "nhiem-ky-truoc.txt"
    path.write_text(PREVIOUS, encoding="utf-8")
    return path


@pytest.fixture
def previous_json(tmp_path: Path, previous_txt: Path) -> Path:
    source = load_path(str(previous_txt))
    path = tmp_path / "nhiem-ky-truoc.facts.json"
    path.write_text(render_json(source, extract(source)), encoding="utf-8")
    return path


def test_each_wrong_difference_on_its_line_with_a_draft_baseline(previous_txt: Path) -> None:
    assert _run(CURRENT, load_baseline(str(previous_txt))) == _expected()


def test_each_wrong_difference_on_its_line_with_a_json_baseline(previous_json: Path) -> None:
    assert _run(CURRENT, load_baseline(str(previous_json))) == _expected()


def test_without_a_baseline_the_current_report_says_nothing_checkable_wrong() -> None:
    assert _run(CURRENT, None) == []


def test_the_previous_report_is_consistent_with_itself(previous_txt: Path) -> None:
    assert _run(PREVIOUS, None) == []


def test_the_earlier_report_is_named_in_the_evidence(previous_txt: Path) -> None:
    source = load_text(CURRENT)
    doc = Document(source, extract(source), Settings(), load_baseline(str(previous_txt)))
    found = [f for f in engine.run(doc, engine.selected_rules(["N403"])) if f.stated == "4"]
    assert found and "nhiem-ky-truoc.txt" in found[0].evidence.vi  # type: ignore[union-attr]
    assert "dòng 12" in found[0].evidence.vi and "line 12" in found[0].evidence.en  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------
# N406 (its cases need a baseline, so they live here, not in tests/cases)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("restated", "codes"),
    [
        ("Nhiệm kỳ 2020 - 2025, quy hoạch ban thường vụ tỉnh ủy 30 đồng chí.", []),
        ("Nhiệm kỳ 2020 - 2025, quy hoạch ban thường vụ tỉnh ủy 32 đồng chí.", ["N406"]),
        ("Nhiệm kỳ 2020 - 2025, quy hoạch ban chấp hành đảng bộ cấp huyện có nữ chiếm 23%.", []),
        ("Nhiệm kỳ 2020 - 2025, quy hoạch ban chấp hành đảng bộ cấp huyện có nữ chiếm 27,97%.", ["N406"]),
        ("Nhiệm kỳ 2025 - 2030, quy hoạch ban thường vụ tỉnh ủy 32 đồng chí.", []),  # another term
    ],
)
def test_a_restated_figure_of_the_earlier_report(previous_txt: Path, restated: str, codes: list[str]) -> None:
    found = _run(restated, load_baseline(str(previous_txt)), ("N406",))
    assert [c for _, c, _, _ in found] == codes


# ---------------------------------------------------------------------------------------
# The baseline loader
# ---------------------------------------------------------------------------------------


def _same(a: object, b: object) -> bool:
    da = {k: v for k, v in dataclasses.asdict(a).items() if k != "span"}  # type: ignore[call-overload]
    db = {k: v for k, v in dataclasses.asdict(b).items() if k != "span"}  # type: ignore[call-overload]
    return type(a) is type(b) and da == db


def test_json_facts_read_back_as_the_same_facts(previous_txt: Path) -> None:
    source = load_path(str(previous_txt))
    facts = extract(source)
    back = from_json_text(render_json(source, facts))
    assert len(back) == len(facts)
    assert all(_same(a, b) for a, b in zip(facts.items, back.items))
    assert back.lines == tuple(source.position(f.span.start).line for f in facts.items)


def test_the_seed_facts_read_back_as_the_same_facts(seed_path: Path) -> None:
    source = load_path(str(seed_path))
    facts = extract(source)
    back = from_json_text(render_json(source, facts))
    assert all(_same(a, b) for a, b in zip(facts.items, back.items))


def test_a_draft_baseline_keeps_its_source_and_lines(previous_txt: Path) -> None:
    base = load_baseline(str(previous_txt))
    assert base.source is not None and base.path.endswith("nhiem-ky-truoc.txt")
    first_term = next(f for f in base.items if f.text == "nhiệm kỳ 2020 - 2025")
    assert base.line(first_term.id) == 8  # "Kết quả công tác cán bộ đầu nhiệm kỳ 2020 - 2025"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "JSON"),
        ('{"path": "x"}', "facts"),
        ('{"facts": [{"kind": "quantity", "id": 3, "text": "5 người", "value": 5}]}', "1"),
        ('{"facts": [{"kind": "quantity", "id": 0, "text": "người"}]}', "1"),
    ],
)
def test_a_bad_json_baseline_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_baseline(str(path))
    text = str(err.value)
    assert "\n" not in text and message in text and "bad.json" in text


def test_a_missing_baseline_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_baseline(str(tmp_path / "absent.txt"))


# ---------------------------------------------------------------------------------------
# Targets: the granularity test
# ---------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(["half-up", "truncate"]),
)
def test_the_true_target_is_always_among_the_candidates(n: int, t: int, decimals: int, how: str) -> None:
    exact = Decimal(n) * 100 / Decimal(t)
    value = rounded(exact, decimals, how)
    stated = Number(value, decimals, format_vn(value, decimals) + "%")
    found = target.targets(Decimal(n), stated, target.arith.CONVENTIONS)
    assert found is None or t in found
    for other in found or ():
        assert target.gives(Decimal(n), other, stated, target.arith.CONVENTIONS)


def test_no_whole_target_gives_547_77_percent_of_1030() -> None:
    stated = Number(Decimal("547.77"), 2, "547,77%")
    assert target.targets(Decimal(1030), stated, target.arith.CONVENTIONS) == []
    right = Number(Decimal("547.87"), 2, "547,87%")
    assert target.targets(Decimal(1030), right, target.arith.CONVENTIONS) == [188]


def test_seed_targets_and_differences(seed_path: Path) -> None:
    """The real draft: 547,77% of 1030 is reported, every other achievement has a whole
    target; the one change compared with 2015 - 2020 among its siblings is a warning."""
    from checker.pipeline import check_path

    result = check_path(str(seed_path), select=["N4", "N5"])
    got = [(f.line, f.code, f.severity.value, f.finding.stated) for f in result.findings]
    assert got == [(274, "N405", "warning", "2015 - 2020"), (292, "N501", "error", "547,77%")]
    n501 = result.findings[1].finding
    assert "547,87%" in n501.message.vi and "188" in (n501.evidence.vi if n501.evidence else "")


def test_the_samples_term_pair(shared_dir: Path) -> None:
    """The term pair of samples/ (another helper's): the differences found against the
    previous report are among its planted ones, and at least five of the six are found
    (one needs a label the extraction loses: "Trong số cấp ủy viên cơ sở, nữ 561")."""
    samples = Path(__file__).resolve().parent.parent / "samples"
    now, before = samples / "nhiem-ky-nay.txt", samples / "nhiem-ky-truoc.txt"
    planted = {e["line"] for e in json.loads((samples / "nhiem-ky-nay.expected.json").read_text("utf-8"))["errors"]}
    source = load_path(str(now))
    doc = Document(source, extract(source), Settings(), load_baseline(str(before)))
    lines = {locate(source, f).line for f in engine.run(doc, engine.selected_rules(["N4"]))}
    assert lines <= planted and len(lines) >= 5


def test_matching_is_linear_in_the_length_of_the_report(
    previous_txt: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Figures are matched through dicts keyed by metric: a report ten times as long (the
    same body repeated) makes at most about ten times as many comparisons."""
    from checker.rules.xref import metrics

    calls = {"n": 0}
    compatible, agree = metrics.Key.compatible, metrics.agree

    def counted_compatible(self: metrics.Key, other: metrics.Key) -> bool:
        calls["n"] += 1
        return compatible(self, other)

    def counted_agree(a: metrics.Metric, b: metrics.Metric) -> bool:
        calls["n"] += 1
        return agree(a, b)

    monkeypatch.setattr(metrics.Key, "compatible", counted_compatible)
    monkeypatch.setattr(metrics, "agree", counted_agree)
    head, _, body = CURRENT.partition("-----\n")
    baseline = load_baseline(str(previous_txt))

    def comparisons(times: int) -> int:
        calls["n"] = 0
        _run(head + "-----\n" + body * times, baseline)
        return calls["n"]

    one, ten = comparisons(1), comparisons(10)
    assert one > 0 and ten <= 11 * one
