"""Configuration in layers: the defaults shipped in the package, then ``rasoat.toml`` or
``[tool.rasoat]`` in the nearest ``pyproject.toml`` (walking up from the checked file),
then the command line (flags win).

Every key and value is validated when read: an unknown key (a misspelling) or a bad value
raises ``ConfigError`` with a one-line message naming the key and the file, because a
setting silently ignored is worse than none.

Example (``rasoat.toml``; in ``pyproject.toml`` the same keys go under ``[tool.rasoat]``)::

    select = ["N", "C"]
    ignore = ["T201"]
    fail-on = "error"
    lang = "en"
    rounding = "half-up"
    report-date = 2023-06-30
    [per-file-ignores]
    "drafts/*.txt" = ["F"]
    [text]
    words = ["chuyển đổi số"]
    [citations.issuers]
    SNV = ["Sở Nội vụ"]

The data tables (``[text]``, ``[labels]``, ``[citations]``) are not interpreted here: they
are validated for shape and handed to the rules through ``Settings.options``, each key under
"table.key" ("text.words") and each table as a whole under its name ("citations"). An empty
list or table adds nothing, so the defaults give the rules no options at all.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import fnmatch
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from checker.engine import FAMILIES, ROUNDING, Settings
from checker.findings import Severity

CONFIG_NAME = "rasoat.toml"
PYPROJECT = "pyproject.toml"
LANGS = ("vi", "en")
FAIL_ON = tuple(s.value for s in Severity)
PATTERN_RE = re.compile(r"^[A-Z]\d{0,3}$")

# The defaults, read through the same validation as a user's file. Kept as TOML text so
# that they read like the file a user writes (`rasoat.toml`), and so the README can show them.
DEFAULTS_TOML = """\
select = []            # every rule
ignore = []
fail-on = "warning"    # lowest severity that makes the exit code 1
lang = "vi"
rounding = "any"       # a share is right if any usual rounding of it is (any, half-up,
                       # half-even, truncate)
# report-date: none; read from the report's header ("ngày .. tháng .. năm ...")

[per-file-ignores]

[text]
words = []             # extra dictionary words and phrases
allow = []             # words the spelling rules never report (names, abbreviations)
names = []             # names whose capitals are fixed ("Hòa Thuận")
confusions = {}        # known misspellings: "bổ xung" = "bổ sung"

[labels]
synonyms = {}          # one name for the same figure: "trẻ" = ["cán bộ trẻ", "trẻ tuổi"]

[citations]
party = {}             # type word -> type letters, Party documents: "thông tri" = ["TT"]
state = {}             # the same for State documents
state-without-letters = []   # State types cited without letters ("công văn"), or a
                             # table: { types = [...], issuers = ["QH"] }
issuers = {}           # issuer abbreviation -> names: "SNV" = ["Sở Nội vụ"]
"""


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line naming key and file."""


# -- frozen data for the rules ---------------------------------------------------------------
@dataclass(frozen=True)
class FrozenTable(Mapping[str, object]):
    """A read-only, hashable and picklable mapping: a configured table as the rules see it
    (a dict would make Settings unhashable, and it must cross to worker processes)."""

    items_: tuple[tuple[str, object], ...] = ()
    _index: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", dict(self.items_))

    def __getitem__(self, key: str) -> object:
        return self._index[key]

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self.items_)

    def __len__(self) -> int:
        return len(self.items_)

    def __hash__(self) -> int:
        return hash(self.items_)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# -- validators of the data tables -----------------------------------------------------------
def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("expected a list of non-empty strings")
    return tuple(nfc(v.strip()) for v in value)


def _string_map(value: object) -> FrozenTable:
    if not isinstance(value, dict):
        raise ValueError('expected a table of "wrong" = "right"')
    for k, v in value.items():
        if not isinstance(v, str) or not v.strip() or not k.strip():
            raise ValueError(f"{k!r}: expected a non-empty string")
    return FrozenTable(tuple((nfc(k.strip()), nfc(v.strip())) for k, v in value.items()))


def _strings_map(value: object) -> FrozenTable:
    if not isinstance(value, dict):
        raise ValueError('expected a table of name = ["..."]')
    pairs: list[tuple[str, object]] = []
    for k, v in value.items():
        if not k.strip():
            raise ValueError("an empty name")
        try:
            pairs.append((nfc(k.strip()), _strings(v)))
        except ValueError as exc:
            raise ValueError(f"{k!r}: {exc}") from None
    return FrozenTable(tuple(pairs))


def _types_or_table(value: object) -> object:
    """A list of type words, or a table ``{types = [...], issuers = [...]}``."""
    if not isinstance(value, dict):
        return _strings(value)
    unknown = sorted(set(value) - {"types", "issuers"})
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (expected types, issuers)")
    return FrozenTable(tuple((k, _strings(v)) for k, v in value.items()))


Validator = Callable[[object], object]

# table -> key -> validator. The rules read them as Settings options "table.key"; a rule
# that wants a new one adds a line here (and its doc to the README).
DATA_TABLES: Mapping[str, Mapping[str, Validator]] = {
    "text": {
        "words": _strings,
        "allow": _strings,
        "names": _strings,
        "confusions": _string_map,
    },
    "labels": {"synonyms": _strings_map},
    "citations": {
        "party": _strings_map,
        "state": _strings_map,
        "state-without-letters": _types_or_table,
        "issuers": _strings_map,
    },
}
SCALAR_KEYS = ("select", "ignore", "fail-on", "lang", "rounding", "report-date")
KEYS = (*SCALAR_KEYS, "per-file-ignores", *DATA_TABLES)


@dataclass(frozen=True)
class Config:
    """The settings of one run (or one file). ``path`` is the file they were read from, if
    any; per-file-ignores globs are matched relative to its folder. ``options`` are the
    data tables for the rules, as ``Settings.options`` pairs."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    lang: str = "vi"
    rounding: str = "any"
    report_date: date | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    options: tuple[tuple[str, object], ...] = ()
    path: str | None = None

    def settings(self) -> Settings:
        return Settings(
            rounding=self.rounding,
            report_date=self.report_date,
            lang=self.lang,
            options=self.options,
        )

    def option(self, key: str, default: object = None) -> object:
        return dict(self.options).get(key, default)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """The codes ignored in ``path``: the global ones plus the matching per-file ones."""
        extra: list[str] = []
        for glob, codes in self.per_file_ignores:
            if _glob_matches(glob, path, self.path):
                extra.extend(c for c in codes if c not in extra)
        return self.ignore + tuple(c for c in extra if c not in self.ignore)

    def with_flags(self, **flags: Any) -> Config:
        """This config with the flags that were given (not None) on top."""
        given = {k: v for k, v in flags.items() if v is not None}
        return dataclasses.replace(self, **given)


def _glob_matches(glob: str, path: str, config_path: str | None) -> bool:
    """A glob without "/" matches the file name; with "/", the path relative to the folder
    of the config file (or as given, when there is no config file)."""
    p = Path(path)
    if "/" not in glob:
        return fnmatch.fnmatchcase(p.name, glob)
    candidates = [PurePath(path).as_posix()]
    if config_path is not None:
        with contextlib.suppress(ValueError, OSError):
            candidates.append(
                p.resolve().relative_to(Path(config_path).resolve().parent).as_posix()
            )
    return any(fnmatch.fnmatchcase(c, glob) for c in candidates)


# -- validation of single values (also used by the command line) ---------------------------
def parse_patterns(value: str | Iterable[str]) -> tuple[str, ...]:
    """Codes or prefixes ("N101", "N1", "N") from a comma-separated string or a list.

    Raises ValueError with the offending item: the caller adds where it came from.
    """
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"{item!r} is not a code")
        code = item.strip().upper()
        if not code:
            continue
        if not PATTERN_RE.match(code) or code[0] not in FAMILIES:
            raise ValueError(
                f"{item.strip()!r} is not a rule code or prefix "
                f"(a letter of {''.join(FAMILIES)} and up to three digits)"
            )
        if code not in out:
            out.append(code)
    return tuple(out)


def parse_date(value: str | date) -> date:
    if isinstance(value, datetime):
        raise ValueError(f"{value} has a time; give a date YYYY-MM-DD")
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{value!r} is not a date YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date") from None


def parse_choice(value: object, choices: Sequence[str]) -> str:
    if not isinstance(value, str) or value.strip().lower() not in choices:
        raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
    return value.strip().lower()


# -- reading files ---------------------------------------------------------------------------
def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the same parser, as the "tomli" package
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            raise ConfigError("reading TOML on Python 3.10 needs the 'tomli' package") from None
    return tomllib


def _read_toml(path: Path) -> dict[str, Any]:
    tomllib = _toml()
    try:
        with path.open("rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    return data


def _rasoat_table(path: Path, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The rasoat keys of a file: all of rasoat.toml, ``[tool.rasoat]`` of a pyproject."""
    if path.name != PYPROJECT:
        return data
    tool = data.get("tool", {})
    table = tool.get("rasoat") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.rasoat] must be a table")
    return table


def _unknown(key: str, known: Sequence[str], where: str) -> ConfigError:
    close = difflib.get_close_matches(key.replace("_", "-"), known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return ConfigError(f"{where}: unknown key '{key}'{hint}")


def from_table(table: Mapping[str, Any], path: str, base: Config | None = None) -> Config:
    """Validate the keys of a config file into a Config on top of ``base`` (the defaults);
    errors name the key and file."""
    base = base if base is not None else defaults()
    values: dict[str, Any] = {"path": path}
    options = dict(base.options)
    for key, value in table.items():
        if key not in KEYS:
            raise _unknown(key, KEYS, path)
        if key in DATA_TABLES:
            options.update(_data_table(key, value, path))
            continue
        try:
            values[key.replace("-", "_")] = _value(key, value)
        except ValueError as exc:
            raise ConfigError(f"{path}: key '{key}': {exc}") from None
    values["options"] = _with_tables(options)
    return dataclasses.replace(base, **values)


def _data_table(name: str, value: Any, path: str) -> dict[str, object]:
    """The options of one data table: each key as "name.key", and the whole table (with
    every key, empty where not given) as "name"."""
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: key '{name}': expected a table")
    spec = DATA_TABLES[name]
    out: dict[str, object] = {}
    for key, item in value.items():
        if key not in spec:
            raise _unknown(f"{name}.{key}", [f"{name}.{k}" for k in spec], path)
        try:
            checked = spec[key](item)
        except ValueError as exc:
            raise ConfigError(f"{path}: key '{name}.{key}': {exc}") from None
        if checked:  # an empty list or table adds nothing: the rules' own data stands
            out[f"{name}.{key}"] = checked
    return out


def _with_tables(options: Mapping[str, object]) -> tuple[tuple[str, object], ...]:
    """Add each data table that has a key as a whole, under its own name, from its
    "table.key" options (the citation rules read "citations" as one table)."""
    out = {k: v for k, v in options.items() if k not in DATA_TABLES}
    for name, spec in DATA_TABLES.items():
        given = tuple((k, out[f"{name}.{k}"]) for k in spec if f"{name}.{k}" in out)
        if given:
            out[name] = FrozenTable(given)
    return tuple(sorted(out.items()))


def _value(key: str, value: Any) -> Any:
    if key in ("select", "ignore"):
        if not isinstance(value, (str, list)):
            raise ValueError("expected a list of codes or a comma-separated string")
        return parse_patterns(value)
    if key == "fail-on":
        return Severity(parse_choice(value, FAIL_ON))
    if key == "lang":
        return parse_choice(value, LANGS)
    if key == "rounding":
        return parse_choice(value, ROUNDING)
    if key == "report-date":
        return parse_date(value)
    assert key == "per-file-ignores"
    if not isinstance(value, dict):
        raise ValueError('expected a table of glob = ["CODES"]')
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for glob, codes in value.items():
        if not isinstance(codes, (str, list)):
            raise ValueError(f"{glob!r}: expected a list of codes")
        try:
            pairs.append((glob, parse_patterns(codes)))
        except ValueError as exc:
            raise ValueError(f"{glob!r}: {exc}") from None
    return tuple(pairs)


@lru_cache(maxsize=1)
def defaults() -> Config:
    """The defaults shipped in the package (DEFAULTS_TOML), validated like a user's file."""
    table = _toml().loads(DEFAULTS_TOML)
    return dataclasses.replace(from_table(table, "<defaults>", base=Config()), path=None)


def load_file(path: str | Path) -> Config:
    """Read one config file (rasoat.toml with top-level keys, or a pyproject.toml) on top
    of the defaults."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{p}: no such config file")
    table = _rasoat_table(p, _read_toml(p))
    return from_table(table or {}, str(p))


def find(start: Path) -> Path | None:
    """The nearest rasoat.toml, or pyproject.toml with [tool.rasoat], at or above start."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_rasoat_table(pyproject):
            return pyproject
    return None


def _has_rasoat_table(pyproject: Path) -> bool:
    # Cheap test before parsing: most pyproject.toml files are someone else's.
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "rasoat" not in text:
        return False
    return _rasoat_table(pyproject, _read_toml(pyproject)) is not None


def load(explicit: str | None = None, search_from: Sequence[Path] = ()) -> Config:
    """The config of a run: the explicit file, else the first found walking up from each
    folder of ``search_from`` in turn (the current directory, then the first input's
    folder), else the defaults."""
    if explicit is not None:
        return load_file(explicit)
    for start in search_from:
        found = find(start)
        if found is not None:
            return load_file(found)
    return defaults()


class Resolver:
    """Which config applies to each checked file: the explicit ``--config`` for all, else
    the nearest one walking up from the file's folder, else ``fallback`` (the run's config).

    One resolver lives for one run; it remembers what it found per folder, so a folder of
    drafts reads its config once.
    """

    def __init__(self, explicit: str | None, fallback: Config) -> None:
        self._explicit = explicit
        self._fallback = fallback
        self._by_folder: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}

    def for_path(self, path: str) -> Config:
        if self._explicit is not None or path == "-":
            return self._fallback
        folder = Path(path).parent.resolve()
        if folder not in self._by_folder:
            found = find(folder)
            if (
                found is None
                or self._fallback.path is not None
                and Path(self._fallback.path).resolve() == found
            ):
                config = self._fallback
            else:
                config = self._by_file.get(found) or load_file(found)
                self._by_file[found] = config
            self._by_folder[folder] = config
        return self._by_folder[folder]
