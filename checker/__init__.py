"""rasoat: a consistency checker for statistical reports written in Vietnamese.

Data flows one way: load -> normalise -> parse -> facts -> rules -> findings -> report.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

# In the repository, rules/ and grammars/ are top-level folders beside checker/; the wheel
# installs them as checker/rules and checker/grammars (see package-dir in pyproject.toml).
# When running from a source checkout, let the package find them beside itself.
_here = Path(__file__).resolve().parent
if not (_here / "grammars").is_dir() and (_here.parent / "grammars" / "__init__.py").is_file():
    __path__.append(str(_here.parent))  # noqa: F821 - __path__ is defined for packages


# -- the library API ---------------------------------------------------------------------------
# For people who embed rasoat (a web form, a document system). Heavy modules are imported on
# first call, so `import checker` stays cheap. The command line goes through these too.
from collections.abc import Sequence  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from checker.engine import Settings
    from checker.facts import Facts
    from checker.findings import FileResult, Located
    from checker.source import Source

__all__ = ["__version__", "check_path", "check_text"]


def check_text(
    text: str,
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    name: str = "<text>",
    *,
    kind: str = "txt",
    baseline: Facts | None = None,
) -> tuple[Located, ...]:
    """Check a draft given as a string and return its findings, in the order of the text.

    ``text`` is plain text (``kind="txt"``, footnotes as Word's plain-text export writes
    them) or Markdown (``kind="md"``). ``settings`` carries the rounding convention, the
    report date, the language and the rules' options (``checker.config.load(...).settings()``
    reads them from a rasoat.toml); ``select``/``ignore`` are codes or prefixes as on the
    command line; ``name`` is what findings are reported against. ``baseline`` holds the
    facts of an earlier report (``checker.baseline.load_baseline``) for the difference rules.

    Inline suppressions in the text (``<!-- rasoat: ignore N101 -->``) are honoured, as in
    ``rasoat check``. Each finding is a ``checker.findings.Located``: ``line``/``column`` in
    the original text, and ``finding`` with the code, severity, message (``.vi``, ``.en``),
    stated and expected values. Raises ``ValueError`` for an unknown ``kind``.
    """
    from checker.loading import load_text

    source = load_text(text, name, kind)
    return _check_source(source, settings, select, ignore, baseline)[0]


def check_path(
    path: str,
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    baseline: Facts | None = None,
) -> FileResult:
    """Check one file (.docx, .txt or .md; "-" reads standard input) and return a
    ``checker.findings.FileResult``: ``findings`` as from ``check_text``, or ``error`` set
    to a one-line reason when the file cannot be read (never an exception for a bad input).
    The file is only read, never written. Arguments as for ``check_text``.
    """
    return _check_file(path, settings, select, ignore, baseline)[0]


def _check_file(
    path: str,
    settings: Settings | None,
    select: Sequence[str],
    ignore: Sequence[str],
    baseline: Facts | None,
) -> tuple[FileResult, Source | None, Facts | None]:
    """One file: its result, and its Source and Facts when it could be read (the HTML and
    text reports show them)."""
    from checker.findings import FileResult
    from checker.loading import InputError, load_path

    try:
        source = load_path(path)
    except InputError as exc:
        lang = settings.lang if settings is not None else "vi"
        return FileResult(path=path, error=exc.text(lang)), None, None
    located, facts = _check_source(source, settings, select, ignore, baseline)
    return FileResult(path=path, findings=located), source, facts


def _check_source(
    source: Source,
    settings: Settings | None,
    select: Sequence[str],
    ignore: Sequence[str],
    baseline: Facts | None,
) -> tuple[tuple[Located, ...], Facts]:
    """The rules over one loaded source, then inline suppression; and the facts read."""
    from checker import extract, pipeline, suppress

    facts = extract.extract(source)
    located = pipeline.check_source(source, settings, select, ignore, facts=facts, baseline=baseline)
    return suppress.apply(source.original, located), facts
