"""Configuration in layers: defaults, then ``rasoat.toml`` or ``[tool.rasoat]`` in the
nearest ``pyproject.toml``, then the command line (flags win).

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
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import fnmatch
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any, Iterable, Mapping, Sequence

from checker.engine import FAMILIES, ROUNDING, Settings
from checker.findings import Severity

CONFIG_NAME = "rasoat.toml"
PYPROJECT = "pyproject.toml"
LANGS = ("vi", "en")
FAIL_ON = tuple(s.value for s in Severity)
KEYS = ("select", "ignore", "fail-on", "lang", "rounding", "report-date", "per-file-ignores")
PATTERN_RE = re.compile(r"^[A-Z]\d{0,3}$")


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line naming key and file."""


@dataclass(frozen=True)
class Config:
    """The settings of one run. ``path`` is the file they were read from, if any;
    per-file-ignores globs are matched relative to its folder."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    lang: str = "vi"
    rounding: str = "any"
    report_date: date | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    path: str | None = None

    def settings(self) -> Settings:
        return Settings(rounding=self.rounding, report_date=self.report_date, lang=self.lang)

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
def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the same parser, as the "tomli" package
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            raise ConfigError(
                f"{path}: reading TOML on Python 3.10 needs the 'tomli' package"
            ) from None
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


def from_table(table: Mapping[str, Any], path: str) -> Config:
    """Validate the keys of a config file into a Config; errors name the key and file."""
    values: dict[str, Any] = {"path": path}
    for key, value in table.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{path}: unknown key '{key}'{hint}")
        try:
            values[key.replace("-", "_")] = _value(key, value)
        except ValueError as exc:
            raise ConfigError(f"{path}: key '{key}': {exc}") from None
    return Config(**values)


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


def load_file(path: str | Path) -> Config:
    """Read one config file: rasoat.toml (top-level keys) or a pyproject.toml."""
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
    return Config()
