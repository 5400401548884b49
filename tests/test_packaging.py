"""The wheel must carry every package and data file: a plain `pip install .` works."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def _declared() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(data["tool"]["setuptools"]["packages"])


def _on_disk() -> set[str]:
    found = set()
    for top, name in (("checker", "checker"), ("rules", "checker.rules"), ("grammars", "checker.grammars")):
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / top)
            found.add(".".join([name, *rel.parts]) if rel.parts else name)
    return found


def test_every_package_is_declared() -> None:
    assert _on_disk() <= _declared(), sorted(_on_disk() - _declared())


def test_every_declared_package_exists() -> None:
    assert _declared() <= _on_disk(), sorted(_declared() - _on_disk())


def test_data_files_are_declared() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]
    for top, name in (("rules", "checker.rules"), ("grammars", "checker.grammars")):
        for path in (ROOT / top).rglob("*"):
            if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            rel = path.parent.relative_to(ROOT / top)
            package = ".".join([name, *rel.parts]) if rel.parts else name
            globs = patterns.get(package, [])
            assert any(path.match(g) for g in globs), f"{path.relative_to(ROOT)} not in package-data"


def test_rules_import_through_the_installed_package_name() -> None:
    """rules/ is installed as checker.rules: "from rules..." works only in a checkout."""
    offenders = []
    for path in (ROOT / "rules").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("from rules.", "import rules", "from rules ")):
                offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []
