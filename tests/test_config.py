"""Configuration: defaults, rasoat.toml / [tool.rasoat], validation, precedence."""

from __future__ import annotations

import dataclasses
import pickle
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.config import (
    DEFAULTS_TOML,
    Config,
    ConfigError,
    FrozenTable,
    Resolver,
    defaults,
    find,
    load,
    load_file,
    parse_patterns,
)
from checker.engine import Settings
from checker.findings import Severity

FULL = """
select = ["n", "C1"]
ignore = "T201, F"
fail-on = "error"
lang = "en"
rounding = "half-up"
report-date = 2023-06-30

[per-file-ignores]
"*.md" = ["T"]
"drafts/*.txt" = ["N101"]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    config = Config()
    assert (config.select, config.ignore, config.fail_on) == ((), (), Severity.WARNING)
    assert (config.lang, config.rounding, config.report_date) == ("vi", "any", None)
    assert config.settings() == Settings()


def test_rasoat_toml_top_level_keys(tmp_path: Path) -> None:
    config = load_file(write(tmp_path / "rasoat.toml", FULL))
    assert config.select == ("N", "C1")
    assert config.ignore == ("T201", "F")
    assert config.fail_on is Severity.ERROR
    assert (config.lang, config.rounding) == ("en", "half-up")
    assert config.report_date == date(2023, 6, 30)
    assert config.per_file_ignores == (("*.md", ("T",)), ("drafts/*.txt", ("N101",)))
    assert config.settings() == Settings(
        rounding="half-up", report_date=date(2023, 6, 30), lang="en"
    )
    assert config.path == str(tmp_path / "rasoat.toml")


def test_pyproject_tool_table(tmp_path: Path) -> None:
    body = FULL.replace("[per-file-ignores]", "[tool.rasoat.per-file-ignores]")
    text = '[project]\nname = "x"\n\n[tool.rasoat]\n' + body
    config = load_file(write(tmp_path / "pyproject.toml", text))
    assert config.ignore == ("T201", "F") and config.lang == "en"
    assert config.per_file_ignores[0] == ("*.md", ("T",))


def test_report_date_as_string(tmp_path: Path) -> None:
    config = load_file(write(tmp_path / "rasoat.toml", 'report-date = "2024-02-29"\n'))
    assert config.report_date == date(2024, 2, 29)


def test_find_walks_up_and_skips_foreign_pyprojects(tmp_path: Path) -> None:
    write(tmp_path / "rasoat.toml", 'lang = "en"\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "someone-else"\n')
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find(deep) == (tmp_path / "rasoat.toml").resolve()
    write(tmp_path / "a" / "pyproject.toml", '[tool.rasoat]\nlang = "vi"\n')
    assert find(deep) == (tmp_path / "a" / "pyproject.toml").resolve()
    # in one folder rasoat.toml wins over pyproject.toml
    write(tmp_path / "a" / "rasoat.toml", "")
    assert find(deep) == (tmp_path / "a" / "rasoat.toml").resolve()


def test_load_order(tmp_path: Path) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    write(second / "rasoat.toml", 'fail-on = "info"\n')
    first.mkdir()
    assert load(None, [first, second]).fail_on is Severity.INFO  # first has none: the next
    write(first / "rasoat.toml", 'fail-on = "error"\n')
    assert load(None, [first, second]).fail_on is Severity.ERROR
    explicit = write(tmp_path / "other.toml", 'lang = "en"\n')
    assert load(str(explicit), [first]).lang == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('fail_on = "error"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ('selct = ["N"]\n', "unknown key 'selct' (did you mean 'select'?)"),
        ("colour = true\n", "unknown key 'colour'"),
        ('fail-on = "fatal"\n', "key 'fail-on': 'fatal' is not one of info, warning, error"),
        ('lang = "fr"\n', "key 'lang'"),
        ('rounding = "up"\n', "key 'rounding'"),
        ('report-date = "2023-13-01"\n', "key 'report-date': '2023-13-01' is not a valid date"),
        ('report-date = "30/6/2023"\n', "key 'report-date'"),
        ("report-date = 2023-06-30T10:00:00\n", "key 'report-date'"),
        ('select = ["XYZ"]\n', "key 'select': 'XYZ' is not a rule code or prefix"),
        ('ignore = ["Q1"]\n', "key 'ignore'"),
        ("select = 5\n", "key 'select'"),
        ('per-file-ignores = "x"\n', "key 'per-file-ignores'"),
        ('[per-file-ignores]\n"*.md" = ["N1234"]\n', "key 'per-file-ignores': '*.md'"),
    ],
)
def test_bad_config_names_key_and_file(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / "rasoat.toml", text)
    with pytest.raises(ConfigError) as info:
        load_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


def test_misspelt_key_in_pyproject(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.rasoat]\nignor = ["T"]\n')
    with pytest.raises(ConfigError) as info:
        load(None, [tmp_path])
    assert str(info.value) == f"{path.resolve()}: unknown key 'ignor' (did you mean 'ignore'?)"


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_file(write(tmp_path / "rasoat.toml", "select = [\n"))
    with pytest.raises(ConfigError, match="no such config file"):
        load_file(tmp_path / "absent.toml")


def test_flags_win_and_none_keeps() -> None:
    config = Config(select=("N",), lang="en", fail_on=Severity.ERROR)
    merged = config.with_flags(select=("C",), lang=None, fail_on=Severity.INFO)
    assert (merged.select, merged.lang, merged.fail_on) == (("C",), "en", Severity.INFO)


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().lang = "en"  # type: ignore[misc]


def test_per_file_ignores(tmp_path: Path) -> None:
    config = load_file(write(tmp_path / "rasoat.toml", FULL))
    assert config.ignores_for(str(tmp_path / "notes" / "a.md")) == ("T201", "F", "T")
    assert config.ignores_for(str(tmp_path / "drafts" / "x.txt")) == ("T201", "F", "N101")
    assert config.ignores_for(str(tmp_path / "other" / "x.txt")) == ("T201", "F")
    assert config.ignores_for("drafts/y.txt") == ("T201", "F", "N101")  # as given


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("N101,c, t2", ("N101", "C", "T2")),
        (["N", "N", " x1 "], ("N", "X1")),
        ("", ()),
        (" , ", ()),
    ],
)
def test_parse_patterns(value: str | list[str], expected: tuple[str, ...]) -> None:
    assert parse_patterns(value) == expected


@pytest.mark.parametrize("value", ["N1011", "NN", "101", "Z1", "N-1"])
def test_parse_patterns_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="not a rule code or prefix"):
        parse_patterns(value)


# -- the defaults layer -------------------------------------------------------------------------
def test_shipped_defaults_are_the_dataclass_defaults() -> None:
    shipped = defaults()
    assert dataclasses.replace(shipped, path=None) == Config()
    assert shipped.settings() == Settings()  # empty data tables give the rules no options
    assert load(None, []) == shipped


# -- data tables for the rules -----------------------------------------------------------------
TABLES = """
[text]
words = ["chuyển đổi số", "nghỉ dưỡng"]
allow = "QPAN"
names = []
confusions = { "bổ xung" = "bổ sung" }

[labels.synonyms]
"trẻ" = ["cán bộ trẻ", "trẻ tuổi"]

[citations]
state-without-letters = ["công văn"]
[citations.issuers]
SNV = ["Sở Nội vụ"]
"""


def test_data_tables_become_options(tmp_path: Path) -> None:
    config = load_file(write(tmp_path / "rasoat.toml", TABLES))
    options = dict(config.options)
    assert options["text.words"] == ("chuyển đổi số", "nghỉ dưỡng")
    assert options["text.allow"] == ("QPAN",)
    assert "text.names" not in options  # empty: nothing added to the rule's own list
    assert dict(options["text.confusions"]) == {"bổ xung": "bổ sung"}
    assert dict(options["labels.synonyms"]) == {"trẻ": ("cán bộ trẻ", "trẻ tuổi")}
    assert dict(options["citations"]) == {
        "state-without-letters": ("công văn",),
        "issuers": {"SNV": ("Sở Nội vụ",)},
    }
    assert set(dict(options["text"])) == {"words", "allow", "confusions"}
    assert config.settings().option("text.words") == options["text.words"]
    assert config.option("labels.synonyms") == options["labels.synonyms"]


def test_data_table_strings_are_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "nghỉ dưỡng")
    config = load_file(write(tmp_path / "rasoat.toml", f'[text]\nwords = ["{decomposed}"]\n'))
    assert config.option("text.words") == ("nghỉ dưỡng",)


def test_citation_tables_are_read_by_the_citation_rules(tmp_path: Path) -> None:
    import checker.rules.citations.tables as tables
    config = load_file(write(tmp_path / "rasoat.toml", TABLES))
    extended = tables.tables_for(config.settings())
    assert "SNV" in extended.issuers and extended.issuers["SNV"] == ("Sở Nội vụ",)
    table = '[citations.state-without-letters]\ntypes = ["thông tri"]\nissuers = ["HĐND"]\n'
    config = load_file(write(tmp_path / "rasoat.toml", table))
    assert tables.tables_for(config.settings()) != tables.default_tables()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[text]\nwrods = ["x"]\n', "unknown key 'text.wrods' (did you mean 'text.words'?)"),
        ('[txt]\nwords = ["x"]\n', "unknown key 'txt' (did you mean 'text'?)"),
        ('text = ["x"]\n', "key 'text': expected a table"),
        ("[text]\nwords = [1]\n", "key 'text.words': expected a list of non-empty strings"),
        ('[text]\nwords = [" "]\n', "key 'text.words'"),
        ('[text]\nconfusions = ["a"]\n', "key 'text.confusions'"),
        ("[text.confusions]\n'bổ xung' = 3\n", "key 'text.confusions': 'bổ xung'"),
        ('[labels]\nsynonyms = { "trẻ" = 1 }\n', "key 'labels.synonyms': 'trẻ'"),
        ("[citations]\nissuer = {}\n", "unknown key 'citations.issuer'"),
        (
            '[citations.state-without-letters]\ntype = ["x"]\n',
            "key 'citations.state-without-letters': unknown key 'type'",
        ),
    ],
)
def test_bad_data_tables_name_the_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / "rasoat.toml", text)
    with pytest.raises(ConfigError) as info:
        load_file(path)
    assert str(info.value).startswith(f"{path}: ") and expected in str(info.value)


def test_frozen_tables_hash_pickle_and_compare() -> None:
    table = FrozenTable((("a", ("x",)), ("b", FrozenTable((("c", "d"),)))))
    assert table == {"a": ("x",), "b": {"c": "d"}}
    assert pickle.loads(pickle.dumps(table)) == table
    assert hash(pickle.loads(pickle.dumps(table))) == hash(table)
    assert list(table) == ["a", "b"] and len(table) == 2 and table["b"]["c"] == "d"
    with pytest.raises(KeyError):
        table["z"]
    settings = Settings(options=(("t", table),))
    assert pickle.loads(pickle.dumps(settings)) == settings and hash(settings)


# -- which config applies to which file ---------------------------------------------------------
def test_resolver_nearest_per_file_explicit_for_all(tmp_path: Path) -> None:
    write(tmp_path / "rasoat.toml", 'lang = "en"\n')
    write(tmp_path / "a" / "pyproject.toml", '[tool.rasoat]\nignore = ["T"]\n')
    write(tmp_path / "b" / "c" / "d.txt", "x")
    run_config = load(None, [tmp_path])
    resolver = Resolver(None, run_config)
    assert resolver.for_path(str(tmp_path / "x.txt")) is run_config
    inner = resolver.for_path(str(tmp_path / "a" / "deep" / "y.txt"))
    assert inner.ignore == ("T",) and inner.lang == "vi"  # nearest only: no merging
    assert resolver.for_path(str(tmp_path / "a" / "deep" / "z.txt")) is inner  # read once
    assert resolver.for_path(str(tmp_path / "b" / "c" / "d.txt")) is run_config
    assert resolver.for_path("-") is run_config
    explicit = Resolver(str(tmp_path / "rasoat.toml"), run_config)
    assert explicit.for_path(str(tmp_path / "a" / "y.txt")) is run_config


def test_resolver_without_any_file(tmp_path: Path) -> None:
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    if find(lonely) is not None:
        pytest.skip("a rasoat config above the temporary folder")
    fallback = Config(lang="en")
    assert Resolver(None, fallback).for_path(str(lonely / "d.txt")) is fallback


@given(st.lists(st.sampled_from(["N", "N1", "N101", "C2", "T", "x9", "F12"]), max_size=6))
def test_patterns_from_a_string_or_a_list_agree(codes: list[str]) -> None:
    assert parse_patterns(",".join(codes)) == parse_patterns(codes)
    assert len(set(parse_patterns(codes))) == len(parse_patterns(codes))


def test_documented_examples_are_valid(tmp_path: Path) -> None:
    """Every ```toml block of the README is a valid rasoat.toml, and the shipped defaults
    are one too."""
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = [DEFAULTS_TOML, *re.findall(r"```toml\n(.*?)```", readme, re.DOTALL)]
    assert len(blocks) >= 2, "the README has no ```toml example"
    for i, block in enumerate(blocks):
        config = load_file(write(tmp_path / f"{i}" / "rasoat.toml", block))
        assert config.path == str(tmp_path / f"{i}" / "rasoat.toml")
