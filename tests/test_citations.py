"""Citations and dates (family C): the citation grammar's terminals, the parts of a code, the
header date, the tables, the citation index, the rules on the real draft, on a report of our
own with planted errors and on its clean version, a mutation test, and linear cost."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine import Document, Settings, all_rules
from checker.extract import extract
from checker.extract.citations import (
    HYPHEN_FOR_SLASH,
    NO_SLASH,
    PARTY,
    SLASH_FOR_HYPHEN,
    STATE,
    code_parts,
    date_digits,
    header_date,
    read_citation,
)
from checker.extract.transform import parse_sentence
from checker.facts import Date, Facts, Reference, Span
from checker.findings import Severity
from checker.loading import load_path, load_text
from checker.pipeline import check_source, check_text
from checker.rules.citations.index import citation_index, index_json
from checker.rules.citations.tables import (
    TablesError,
    default_tables,
    load_tables,
    split_letters,
    tables_for,
)

C_RULES = [r for r in all_rules() if r.code.startswith("C")]


def references(text: str) -> list[Reference]:
    return list(extract(load_text(text)).of(Reference))


# -- the grammar's terminals -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw_code"),
    [
        ("Chương trình số 198-CTr/TU ngày 27/12/2018 của Tỉnh ủy.", "198-CTr/TU"),
        ("Quy định số 04-QĐi/TU ngày 06/8/2018.", "04-QĐi/TU"),
        ("Quyết định số 12/QĐ-TTg ngày 05/01/2023.", "12/QĐ-TTg"),
        ("Quy định số 5/QyĐ-UBND ngày 05/01/2023.", "5/QyĐ-UBND"),
        ("Luật số 22/2008/QH12 ngày 13/11/2008.", "22/2008/QH12"),
        ("Tờ trình số 45-TTr/BTCTU ngày 05/01/2023.", "45-TTr/BTCTU"),
        ("Thông tri số 10/TT-MTTW-BTT ngày 22/9/2020.", "10/TT-MTTW-BTT"),
        ("Kế hoạch sô 142-KH/TU ngày 07/12/2022.", "142-KH/TU"),
        ("Kết luận số 28-KLTW ngày 21/02/2022.", "28-KLTW"),
        # a code glued to the next word stops before it, and the date is still read
        ("Ban hành Quyết định số 1909-QĐ/TUngày 15/3/2023 về việc thành lập.", "1909-QĐ/TU"),
    ],
)
def test_codes_are_read_whole(text: str, raw_code: str) -> None:
    refs = references(text)
    assert [r.raw_code for r in refs] == [raw_code]
    assert refs[0].date is not None


@pytest.mark.parametrize(
    "text",
    [
        "Ban Thường vụ kết luận 607 trường hợp đủ tiêu chuẩn.",  # the verb, not a Kết luận
        "Báo cáo 6 tháng đầu năm 2023 đã gửi đúng hạn.",  # a length of time
        "Kế hoạch 5 năm 2021 - 2025 của tỉnh.",
        "Kế hoạch của Tỉnh ủy được triển khai đến 15 huyện.",
    ],
)
def test_type_words_that_are_not_citations(text: str) -> None:
    assert references(text) == []


def test_short_names_are_citations_without_a_code() -> None:
    refs = references("Nghị quyết số 26-NQ/TW (gọi tắt là Nghị quyết 26) và Nghị định 21 đã được quán triệt.")
    assert [(r.doc_type, r.number, r.raw_code) for r in refs] == [
        ("nghị quyết", "26", "26-NQ/TW"),
        ("nghị quyết", "26", "26"),
        ("nghị định", "21", "21"),
    ]


@pytest.mark.parametrize(
    ("text", "issuer", "title"),
    [
        (
            "Thông tri số 10/TT-MTTW-BTT ngày 22/9/2020 của Ủy ban Trung ương Mặt trận Tổ quốc về hướng dẫn giám sát",
            "Ủy ban Trung ương Mặt trận Tổ quốc",
            None,
        ),
        (
            "Quy định số 975-QĐ/TU ngày 11/3/2022 của Ban Thường vụ Tỉnh ủy ban hành kèm theo",
            "Ban Thường vụ Tỉnh ủy",
            None,
        ),
        (
            "Nghị quyết số 05-NQ/TU ngày 01/6/2022 của Ban Chấp hành Đảng bộ tỉnh khóa XIV về “Phát triển nguồn nhân lực”",
            "Ban Chấp hành Đảng bộ tỉnh khóa XIV",
            "Phát triển nguồn nhân lực",
        ),
        (
            "Quy chế số 11-QC/TU ngày 24/9/2021 của Ban Thường vụ Tỉnh ủy phối hợp giữa các cơ quan",
            "Ban Thường vụ Tỉnh ủy",
            None,
        ),
        ("Kết luận số 53 của Ban Bí thư và các chủ trương của Đảng", "Ban Bí thư", None),
    ],
)
def test_issuer_and_title(text: str, issuer: str, title: str | None) -> None:
    clauses = parse_sentence(text, 0)
    assert clauses is not None
    clause = clauses[0]
    i = next(k for k, item in enumerate(clause) if item.kind == "reference")
    parts = read_citation(clause, i, text)
    assert (parts.issuer, parts.title) == (issuer, title)


# -- the parts of a code -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "number", "year", "segments", "style", "defect"),
    [
        ("26-NQ/TW", "26", None, ("NQ", "TW"), PARTY, None),
        ("03-HD/BTCTU", "03", None, ("HD", "BTCTU"), PARTY, None),
        ("28-KLTW", "28", None, ("KLTW",), PARTY, NO_SLASH),
        ("32-KH-ĐUCA", "32", None, ("KH", "ĐUCA"), PARTY, HYPHEN_FOR_SLASH),
        ("22/2022/NQ-HĐND", "22", 2022, ("NQ", "HĐND"), STATE, None),
        ("10/TT-MTTW-BTT", "10", None, ("TT", "MTTW", "BTT"), STATE, None),
        ("1845/UBND-VX", "1845", None, ("UBND", "VX"), STATE, None),
        ("123/QĐ/UBND", "123", None, ("QĐ", "UBND"), STATE, SLASH_FOR_HYPHEN),
        ("22/2008/QH12", "22", 2008, ("QH12",), STATE, None),
    ],
)
def test_code_parts(
    raw: str, number: str, year: int | None, segments: tuple[str, ...], style: str, defect: str | None
) -> None:
    parts = code_parts(raw)
    assert parts is not None
    assert (parts.number, parts.year, parts.segments, parts.style, parts.defect) == (
        number,
        year,
        segments,
        style,
        defect,
    )


def test_code_key_ignores_separators_and_leading_zeros() -> None:
    keys = {code_parts(c).key for c in ("28-KLTW", "28-KL/TW", "028-KL/TW")}  # type: ignore[union-attr]
    assert len(keys) == 1
    assert code_parts("28-KL/TU").key != code_parts("28-KL/TW").key  # type: ignore[union-attr]
    assert code_parts("35") is None and code_parts(None) is None


def test_date_digits_as_written() -> None:
    facts = extract(load_text("Đề án số 05-ĐA/TU ngày 01/06/2022; Hà Nội, ngày 05 tháng 2 năm 2020."))
    forms = [date_digits(d).form for d in facts.of(Date)]
    assert forms == ["01/06/2022", "ngày 05 tháng 2 năm 2020"]


# -- the header's date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("TỈNH ỦY X\nSố   -BC/TU\n\tHậu Giang, ngày      tháng     năm 2023\nBÁO CÁO", (None, None, 2023)),
        ("TỈNH ỦY X\nHà Nội, ngày 05 tháng 02 năm 2020\nBÁO CÁO", (5, 2, 2020)),
        ("TỈNH ỦY X\nHà Nội, ngày 5 tháng   năm 2020\nBÁO CÁO", (5, None, 2020)),
        ("TỈNH ỦY X\nTP. Hồ Chí Minh, ngày 05/02/2020\nBÁO CÁO", (5, 2, 2020)),
        # a citation's date after a comma is not the header
        ("Thực hiện Nghị quyết số 26-NQ/TW, ngày 19/5/2018 của Trung ương.", None),
    ],
)
def test_header_date(text: str, found: tuple[int | None, int | None, int] | None) -> None:
    header = header_date(load_text(text))
    if found is None:
        assert header is None
        return
    assert header is not None
    assert (header.day, header.month, header.year) == found
    assert text[header.span.start :].startswith("ngày")


def test_header_date_is_not_read_from_a_footnote() -> None:
    text = "Báo cáo có 12 đồng chí[\n].\n[\ufffd] Hà Nội, ngày 05 tháng 02 năm 2020\n"
    assert header_date(load_text(text)) is None


# -- the tables -------------------------------------------------------------------------------


def test_default_tables() -> None:
    tables = default_tables()
    assert tables.accepted("quy định", PARTY) == ("QĐi", "QĐ")
    assert tables.accepted("quy định", STATE) == ("QyĐ",)
    assert tables.accepted("thông tri", STATE) == ("TT",)  # read with the Party table
    assert "công văn" in tables.without_letters
    assert set(tables.types_of("KH")) == {"kế hoạch"}
    assert split_letters("KLTW", tables) == ("KL", "TW")
    assert split_letters("XYZ", tables) is None
    assert tables.abbreviations_named("Ban Tổ chức Tỉnh uỷ") == {"BTCTU"}
    assert tables.abbreviations_named("Ban Thường vụ Tỉnh ủy") == {"TU"}
    assert tables.abbreviations_named("UBND tỉnh") == {"UBND"}
    assert tables.issuer_of("QH12") == "QH"


def test_tables_extended_by_configuration() -> None:
    extra = {
        "party": {"thông báo": ["TB", "TBáo"]},
        "issuers": {"SNV": ["Sở Nội vụ"]},
        "state-without-letters": {"issuers": ["SNV"]},
    }
    tables = load_tables(extra)
    assert tables.accepted("thông báo", PARTY) == ("TB", "TBáo")
    assert tables.issuers_without_letters == {"QH", "UBTVQH", "SNV"}
    assert tables.abbreviations_named("Sở Nội vụ tỉnh") == {"SNV"}
    assert tables_for(Settings(options=(("citations", extra),))).issuers["SNV"] == ("Sở Nội vụ",)
    assert tables_for(Settings()) is default_tables()


def test_tables_from_the_configuration_file() -> None:
    from checker.config import from_table

    config = from_table(
        {
            "citations": {
                "state": {"quy định": ["QyĐ", "QĐ"]},
                "state-without-letters": ["thông cáo"],
                "issuers": {"SNV": ["Sở Nội vụ"]},
            }
        },
        "rasoat.toml",
    )
    tables = tables_for(config.settings())
    assert tables.accepted("quy định", STATE) == ("QyĐ", "QĐ")
    assert {"thông cáo", "công văn"} <= tables.without_letters
    assert tables.abbreviations_named("Sở Nội vụ tỉnh") == {"SNV"}
    text = "Quy định số 12/QĐ-UBND ngày 05/3/2023 của Ủy ban nhân dân tỉnh."
    found = check_text(text, config.settings(), select=["C103"])
    assert found == ()
    assert [f.code for f in check_text(text, select=["C103"])] == ["C103"]


@pytest.mark.parametrize(
    "extra",
    [
        {"partie": {}},
        {"party": {"kế hoạch": []}},
        {"issuers": ["TW"]},
        {"state": {"": ["X"]}},
        {"state-without-letters": {"kinds": ["công văn"]}},
    ],
)
def test_bad_tables_are_one_line_errors(extra: dict[str, object]) -> None:
    with pytest.raises(TablesError) as info:
        load_tables(extra)
    assert "\n" not in str(info.value)


# -- the citation index -------------------------------------------------------------------------


def test_index_groups_mentions_of_one_document() -> None:
    text = (
        "Thực hiện Kết luận số 28-KLTW ngày 21/02/2022 của Bộ Chính trị; Kết luận số 28-KL/TW "
        "ngày 21/02/2022. Đề án số 05-ĐA/TU ngày 01/6/2022 (gọi tắt là Đề án 05); Đề án số "
        "5-ĐA/TU. Nghị quyết số 26-NQ/TW; Nghị quyết số 26-NQ/TU; Nghị quyết 26 được quán triệt."
    )
    index = citation_index(extract(load_text(text)))
    summary = [(d.label, len(d.mentions), [m.short for m in d.mentions]) for d in index]
    assert summary == [
        ("Kết luận số 28-KL/TW", 2, [False, False]),
        ("Đề án số 05-ĐA/TU", 3, [False, True, False]),
        ("Nghị quyết số 26-NQ/TW", 1, [False]),
        ("Nghị quyết số 26-NQ/TU", 1, [False]),
        ("Nghị quyết số 26", 1, [False]),  # two documents could be meant: it stays apart
    ]
    assert index[0].dates == ((2022, 2, 21),)


def test_index_json_places_every_mention() -> None:
    text = "Dòng đầu.\nKế hoạch số 37-KH/TU ngày 29/6/2021 của Tỉnh ủy “Về luân chuyển cán bộ”."
    source = load_text(text)
    rows = index_json(source, citation_index(extract(source)))
    assert rows == [
        {
            "type": "kế hoạch",
            "number": "37",
            "code": "37-KH/TU",
            "label": "Kế hoạch số 37-KH/TU",
            "dates": ["2021-06-29"],
            "mentions": [
                {
                    "line": 2,
                    "column": 1,
                    "where": "body",
                    "text": "Kế hoạch số 37-KH/TU",
                    "code": "37-KH/TU",
                    "date": "2021-06-29",
                    "date_text": "ngày 29/6/2021",
                    "issuer": "Tỉnh ủy",
                    "title": "Về luân chuyển cán bộ",
                    "short": False,
                }
            ],
        }
    ]


# -- the real draft ---------------------------------------------------------------------------

SEED_FINDINGS = {
    (79, "C104"),  # Kế hoạch số 32-KH-ĐUCA: a hyphen where the slash belongs
    (88, "C101"),  # Kế hoạch số 37-KH/TU dated 29/6/2021 here, 29/6/2022 on line 23
    (95, "C104"),  # Kết luận số 28-KLTW beside 28-KL/TW
    (95, "C102"),  # Đề án số 06-ĐA/TU with another title than on lines 23 and 184
    (107, "C204"),  # Đề án số 05-ĐA/TU dated 01/06/2022, elsewhere 01/6/2022
}


def test_seed_citations(seed_path: Path) -> None:
    source = load_path(str(seed_path))
    facts = extract(source)
    refs = list(facts.of(Reference))
    dated = [r for r in refs if r.date is not None]
    assert len(dated) >= 120, "the draft cites over 120 documents with their dates"
    found = check_source(source, select=["C"], facts=facts)
    assert {(f.line, f.code) for f in found} == SEED_FINDINGS, [
        (f.line, f.code, f.finding.message.en) for f in found
    ]
    by_code = {f.code: f for f in found}
    assert by_code["C101"].finding.stated == "29/6/2021"
    assert [source.position(s.start).line for s in by_code["C101"].finding.related] == [23]
    malformed = sorted(f.finding.expected or "" for f in found if f.code == "C104")
    assert malformed == ["28-KL/TW", "32-KH/ĐUCA"]
    index = citation_index(facts)
    assert len(index) >= 80
    plan = next(d for d in index if d.code == "37-KH/TU")
    assert plan.dates == ((2022, 6, 29), (2021, 6, 29))


# -- a report of our own ------------------------------------------------------------------------

HEADER = "ĐẢNG BỘ TỈNH AN PHÚ\nSố     -BC/TU\nAn Phú, ngày {date}\n\nBÁO CÁO\nKết quả thực hiện công tác cán bộ\n"

CLEAN = [
    "Căn cứ Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương về xây dựng đội ngũ cán bộ; Kế hoạch số 41-KH/TU ngày 12/3/2021 của Tỉnh ủy “Về đào tạo, bồi dưỡng cán bộ giai đoạn 2021 - 2025”; Đề án số 03-ĐA/TU ngày 01/6/2022 của Ban Chấp hành Đảng bộ tỉnh “Nâng cao chất lượng cán bộ cấp xã”.",
    "Ban Thường vụ Tỉnh ủy đã ban hành Quy định số 215-QĐi/TU ngày 08/9/2021 của Ban Thường vụ Tỉnh ủy về phân cấp quản lý cán bộ; Quyết định số 1502-QĐ/TU ngày 15/3/2023 thành lập Ban Chỉ đạo; Chương trình số 27-CTr/TU ngày 20/12/2022 của Ban Thường vụ Tỉnh ủy về kiểm tra, giám sát năm 2023; Quy định số 1120-QĐ/TU ngày 01/6/2022 về luân chuyển cán bộ.",
    "Thực hiện Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương về công tác quy hoạch; Kết luận số 28-KL/TW ngày 21/02/2022 của Bộ Chính trị về tinh giản biên chế; Kế hoạch số 117-KH/ĐUCA ngày 21/10/2022 của Đảng ủy Công an tỉnh.",
    "Hội đồng nhân dân tỉnh ban hành Nghị quyết số 15/2022/NQ-HĐND ngày 10/12/2022 của Hội đồng nhân dân tỉnh về chính sách thu hút nhân lực; Ủy ban nhân dân tỉnh ban hành Quyết định số 09/2023/QĐ-UBND ngày 16/01/2023 về phân cấp quản lý.",
    "Tỉnh ủy triển khai Kế hoạch số 41-KH/TU ngày 12/3/2021 đến 100% cơ sở; lồng ghép sơ kết Đề án số 03-ĐA/TU ngày 01/6/2022 với Quy định số 215-QĐi/TU ngày 08/9/2021.",
    "Các huyện ủy thực hiện nghiêm Kế hoạch số 41-KH/TU ngày 12/3/2021 của Tỉnh ủy “Về đào tạo, bồi dưỡng cán bộ giai đoạn 2021 - 2025” và Nghị quyết số 15/2022/NQ-HĐND; đã cử 125 cán bộ đi đào tạo.",
    "Đảng ủy Công an tỉnh ban hành Kế hoạch số 52-KH/ĐUCA ngày 19/5/2021 về bảo vệ chính trị nội bộ; Đề án số 03-ĐA/TU ngày 01/6/2022 của Tỉnh ủy “Nâng cao chất lượng cán bộ cấp xã” đạt kết quả tốt.",
    "Thực hiện Nghị định số 138/2020/NĐ-CP ngày 27/11/2020 của Chính phủ; Kết luận số 28-KL/TW ngày 21/02/2022 của Bộ Chính trị; Quy định số 1120-QĐ/TU ngày 01/6/2022; Công văn số 1845/UBND-VX ngày 12/5/2023 của Ủy ban nhân dân tỉnh.",
    "Hội nghị sơ kết được tổ chức ngày 30/6/2023 tại Hội trường Tỉnh ủy với 215 đại biểu.",
]

# (paragraph index, text replaced, replacement, the code it must raise); None = the header
PLANTED = [
    (4, "41-KH/TU ngày 12/3/2021", "41-KH/TU ngày 12/3/2022", "C101"),
    (6, "“Nâng cao chất lượng cán bộ cấp xã”", "“Nâng cao năng lực cán bộ chủ chốt cấp xã”", "C102"),
    (1, "27-CTr/TU", "27-CT/TU", "C103"),
    (2, "28-KL/TW", "28-KLTW", "C104"),
    (7, "Quy định số 1120-QĐ/TU", "Quyết định số 1120-QĐ/TU", "C106"),
    (8, "30/6/2023", "31/6/2023", "C201"),
    (3, "ngày 10/12/2022", "ngày 10/12/2021", "C107"),
    (6, "52-KH/ĐUCA ngày 19/5/2021", "52-KH/ĐUCA ngày 19/5/2024", "C202"),
    (6, "03-ĐA/TU ngày 01/6/2022", "03-ĐA/TU ngày 01/06/2022", "C204"),
]


def report(paragraphs: list[str], date: str = "05 tháng 12 năm 2023") -> str:
    return HEADER.format(date=date) + "\n".join(paragraphs) + "\n"


def planted_report() -> tuple[str, set[tuple[int, str]]]:
    paragraphs = list(CLEAN)
    date = "05 tháng 12 năm 2023"
    first_line = HEADER.count("\n") + 1
    expected: set[tuple[int, str]] = set()
    for index, old, new, code in PLANTED:
        if index is None:
            assert old == date
            date = new
            expected.add((3, code))
            continue
        assert paragraphs[index].count(old) == 1, old
        paragraphs[index] = paragraphs[index].replace(old, new)
        expected.add((first_line + index, code))
    return report(paragraphs, date), expected


def test_clean_report_has_nothing_above_info() -> None:
    found = check_text(report(CLEAN), select=["C"])
    assert [f for f in found if f.severity is not Severity.INFO] == []
    assert found == (), [(f.line, f.code, f.finding.message.en) for f in found]


def test_every_planted_error_is_found() -> None:
    text, expected = planted_report()
    found = check_text(text, select=["C"])
    assert {(f.line, f.code) for f in found} == expected, [
        (f.line, f.code, f.finding.message.en) for f in found
    ]
    assert {f.code for f in found} == {r.code for r in C_RULES}, "one planted error per rule"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_name_the_other_place(lang: str) -> None:
    text, _ = planted_report()
    found = {f.code: f for f in check_text(text, select=["C101", "C102", "C106"])}
    for code, line in (("C101", 7), ("C102", 7), ("C106", 8)):
        message = found[code].finding.message.get(lang)
        assert str(line) in message, message
        assert found[code].finding.related


def test_report_date_from_the_settings_wins() -> None:
    text = report(["Thực hiện Quyết định số 3029-QĐ/TU ngày 21/6/2023 của Ban Thường vụ Tỉnh ủy."])
    late = Settings(report_date=__import__("datetime").date(2023, 6, 1))
    assert [f.code for f in check_text(text, late, select=["C202"])] == ["C202"]
    assert check_text(text, select=["C202"]) == ()


# -- mutations of the clean report ----------------------------------------------------------------

CLEAN_TEXT = report(CLEAN)
_CLEAN_FACTS = extract(load_text(CLEAN_TEXT))
_CITED = [
    (r, d)
    for r in _CLEAN_FACTS.of(Reference)
    if r.raw_code and code_parts(r.raw_code) and isinstance(d := _CLEAN_FACTS.get(r.date), Date)
]
_REPEATED = {
    d.key for d in citation_index(_CLEAN_FACTS) if sum(m.date is not None for m in d.mentions) >= 2
}
TWICE = [(r, d) for r, d in _CITED if code_parts(r.raw_code).key in _REPEATED]  # type: ignore[union-attr]
WITH_YEAR = [(r, d) for r, d in _CITED if code_parts(r.raw_code).year is not None]  # type: ignore[union-attr]
# type words with their letters (either style); a replacement must not accept the code's letters
SUBSTITUTES = {
    "Nghị quyết": "NQ", "Chỉ thị": "CT", "Kết luận": "KL", "Kế hoạch": "KH", "Đề án": "ĐA",
    "Hướng dẫn": "HD", "Chương trình": "CTr", "Thông báo": "TB", "Báo cáo": "BC", "Tờ trình": "TTr",
}


def _touches(found: object, start: int, end: int) -> bool:
    finding = found.finding  # type: ignore[attr-defined]
    spans = (finding.span,) + finding.related
    return any(s.start < end and start < s.end for s in spans)


def _mutated(ref: Reference, date: Date, start: int, end: int, new: str) -> tuple[str, int, int]:
    """The clean text with [start, end) replaced; the citation's span in the new text."""
    text = CLEAN_TEXT[:start] + new + CLEAN_TEXT[end:]
    return text, ref.span.start, date.span.end + len(new) - (end - start)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pick=st.sampled_from(TWICE),
    day=st.integers(1, 28),
    month=st.integers(1, 12),
    year=st.integers(2016, 2023),
)
def test_a_changed_date_is_found(pick: tuple[Reference, Date], day: int, month: int, year: int) -> None:
    ref, date = pick
    assert date.day is not None and date.month is not None and date.year is not None
    if (day, month, year) == (date.day, date.month, date.year):
        day = day % 28 + 1
    digits = date_digits(date)
    start = date.span.end - len(digits.form)
    text, a, b = _mutated(ref, date, start, date.span.end, f"{day}/{month}/{year}")
    found = [f for f in check_text(text, select=["C"]) if _touches(f, a, b)]
    assert "C101" in {f.code for f in found}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pick=st.sampled_from(_CITED), year=st.integers(2024, 2035))
def test_a_date_after_the_report_is_found(pick: tuple[Reference, Date], year: int) -> None:
    ref, date = pick
    digits = date_digits(date)
    start = date.span.end - len(digits.year)
    text, a, b = _mutated(ref, date, start, date.span.end, str(year))
    found = [f for f in check_text(text, select=["C"]) if _touches(f, a, b)]
    assert "C202" in {f.code for f in found}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pick=st.sampled_from(WITH_YEAR), year=st.integers(2005, 2023))
def test_a_changed_year_in_a_number_is_found(pick: tuple[Reference, Date], year: int) -> None:
    ref, date = pick
    parts = code_parts(ref.raw_code)
    assert parts is not None and parts.year is not None
    if year == date.year:
        year -= 1
    old = f"{parts.number}/{parts.year}/"
    start = ref.span.start + ref.text.index(old) + len(parts.number) + 1
    text, a, b = _mutated(ref, date, start, start + 4, str(year))
    found = [f for f in check_text(text, select=["C"]) if _touches(f, a, b)]
    assert "C107" in {f.code for f in found}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pick=st.sampled_from(_CITED), word=st.sampled_from(sorted(SUBSTITUTES)))
def test_a_changed_type_word_is_found(pick: tuple[Reference, Date], word: str) -> None:
    ref, date = pick
    parts = code_parts(ref.raw_code)
    assert parts is not None
    letters = {parts.head.casefold()} | ({"qđ"} if parts.head == "QĐi" else set())
    if SUBSTITUTES[word].casefold() in letters:
        word = "Kế hoạch" if SUBSTITUTES[word] != "KH" else "Nghị quyết"
    start = ref.span.start
    end = start + ref.text.index(" s")
    text, a, b = _mutated(ref, date, start, end, word)
    found = [f for f in check_text(text, select=["C"]) if _touches(f, a, b)]
    assert "C103" in {f.code for f in found}, [f.finding.message.en for f in found]


# -- cost -------------------------------------------------------------------------------------------


def _synthetic(n: int, year: int = 2021) -> Document:
    """n citations of n/2 plans, each cited twice with two dates, as facts (no parsing)."""
    pieces: list[str] = []
    items: list[object] = []
    pos = 0
    for i in range(n):
        number, day = i // 2 + 1, 1 + i % 2
        ref_text = f"Kế hoạch số {number}-KH/TU"
        date_text = f"ngày {day}/3/{year}"
        line = f"{ref_text} {date_text} của Tỉnh ủy.\n"
        rid = len(items)
        items.append(
            Reference(
                id=rid, span=Span(pos, pos + len(ref_text)), text=ref_text, sentence=i,
                doc_type="kế hoạch", number=str(number), code="KH/TU",
                raw_code=f"{number}-KH/TU", date=rid + 1, issuer="Tỉnh ủy",
            )
        )
        dstart = pos + len(ref_text) + 1
        items.append(
            Date(id=rid + 1, span=Span(dstart, dstart + len(date_text)), text=date_text,
                 sentence=i, day=day, month=3, year=year)
        )
        pieces.append(line)
        pos += len(line)
    source = load_text("".join(pieces))
    return Document(source, Facts(tuple(items)))  # type: ignore[arg-type]


def _cost(n: int) -> tuple[float, int]:
    """The best of two runs of every C rule over n citations (other facts each time, so
    no run reuses the index of another)."""
    best = float("inf")
    count = 0
    for year in (2020, 2021):
        doc = _synthetic(n, year)
        began = time.perf_counter()
        count = sum(1 for rule in C_RULES for _ in rule().check(doc))
        best = min(best, time.perf_counter() - began)
    return best, count


def test_rules_are_linear_in_the_number_of_citations() -> None:
    t_small, n_small = _cost(500)
    t_big, n_big = _cost(3000)
    assert (n_small, n_big) == (250, 1500)  # one C101 per plan
    assert t_big < 10.0
    assert t_big / max(t_small, 1e-3) < 15, (t_small, t_big)  # 6x the citations; quadratic is 36x
