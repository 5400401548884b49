"""The command line: ``rasoat check|facts|rules|explain`` (also ``python -m checker``).

The CLI only wires options to the pipeline and the reporters and sets the exit code:
0 nothing at or above ``--fail-on``, 1 findings at or above it, 2 a usage error or an input
that could not be read (the other inputs are still checked and reported). A user never sees
a traceback: bad usage and bad configuration are one line on stderr, and an unexpected
failure while checking a file becomes that file's one-line error.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, NoReturn, Sequence

from checker import __version__, report
from checker.config import (
    FAIL_ON,
    LANGS,
    Config,
    ConfigError,
    parse_date,
    parse_patterns,
)
from checker.config import load as load_config
from checker.engine import ROUNDING
from checker.findings import FileResult, Severity
from checker.report.common import one_line

PROG = "rasoat"
# Formats the interface promises that no reporter renders yet.
PLANNED_FORMATS = ("html",)
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage: printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is an exception (one line, exit 2), not usage plus exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}")


# -- argument types ------------------------------------------------------------------------
def _patterns(value: str) -> tuple[str, ...]:
    try:
        return parse_patterns(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(value: str) -> Any:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Consistency checker for statistical reports written in Vietnamese.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    common = _Parser(add_help=False, allow_abbrev=False)
    common.add_argument("--lang", choices=LANGS, help="language of messages (default vi)")
    common.add_argument(
        "--config", metavar="FILE", help="rasoat.toml or pyproject.toml to read settings from"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    check = sub.add_parser(
        "check", parents=[common], allow_abbrev=False, help="check drafts (.docx .txt .md)"
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help='files or folders; "-" = stdin')
    formats = list(report.FORMATS) + [f for f in PLANNED_FORMATS if f not in report.FORMATS]
    check.add_argument("--format", choices=formats, default="text")
    check.add_argument("--output", metavar="FILE", help="write the report there, atomically")
    check.add_argument("--select", type=_patterns, metavar="CODES")
    check.add_argument("--ignore", type=_patterns, metavar="CODES")
    check.add_argument("--fail-on", choices=FAIL_ON, help="default warning")
    check.add_argument("--report-date", type=_date, metavar="YYYY-MM-DD")
    check.add_argument("--rounding", choices=ROUNDING)
    # Options of later versions: parsed and validated now, refused with a clear message.
    check.add_argument("--baseline", metavar="FILE")
    check.add_argument("--annotate", metavar="OUT.docx")
    check.add_argument("--jobs", type=_positive, metavar="N")
    check.add_argument("--accepted", metavar="FILE")
    check.add_argument("--show-stale", action="store_true")
    check.add_argument("--fix", action="store_true")
    check.add_argument("--diff", action="store_true")
    check.set_defaults(run=cmd_check)

    facts = sub.add_parser(
        "facts", parents=[common], allow_abbrev=False, help="show the facts rasoat understood"
    )
    facts.add_argument("path", metavar="PATH")
    facts.add_argument("--format", choices=("text", "json"), default="text")
    facts.set_defaults(run=cmd_facts)

    rules = sub.add_parser("rules", parents=[common], allow_abbrev=False, help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(run=cmd_rules)

    explain = sub.add_parser(
        "explain", parents=[common], allow_abbrev=False, help="show a rule's documentation"
    )
    explain.add_argument("code", metavar="CODE")
    explain.set_defaults(run=cmd_explain)

    accept = sub.add_parser(
        "accept", parents=[common], allow_abbrev=False, help="record findings as accepted"
    )
    accept.add_argument("paths", nargs="+", metavar="PATH")
    accept.add_argument("--output", metavar="FILE", required=True)
    accept.set_defaults(run=cmd_accept)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        code: int = args.run(args)
        return code
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except (UsageError, ConfigError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line, not a traceback
        _error(f"{PROG}: internal error: {type(exc).__name__}: {one_line(str(exc))}")
        return EXIT_USAGE


# -- commands --------------------------------------------------------------------------------
def cmd_check(args: argparse.Namespace) -> int:
    from checker.loading import InputError, expand_paths

    _refuse_later_options(args)
    try:
        paths = expand_paths(args.paths)
    except InputError as exc:
        raise UsageError(one_line(str(exc))) from None
    if not paths:
        raise UsageError(f"{PROG} check: no .txt, .md or .docx file in the given paths")
    config = _config(args, paths).with_flags(
        select=args.select,
        ignore=args.ignore,
        fail_on=Severity(args.fail_on) if args.fail_on else None,
        lang=args.lang,
        rounding=args.rounding,
        report_date=args.report_date,
    )
    if args.output:
        _refuse_overwriting_inputs(args.output, paths)
    results = [check_one(path, config) for path in paths]
    text = report.render(
        args.format, results, lang=config.lang, color=False if args.output else None
    )
    _write(text, args.output)
    return exit_code(results, config.fail_on)


def check_one(path: str, config: Config) -> FileResult:
    """One input through the pipeline; an unexpected failure is that file's error."""
    try:
        from checker import pipeline

        return pipeline.check_path(path, config.settings(), config.select, config.ignores_for(path))
    except Exception as exc:
        detail = one_line(str(exc))
        return FileResult(
            path=path,
            error=f"{path}: internal error ({type(exc).__name__}{': ' + detail if detail else ''})",
        )


def exit_code(results: Sequence[FileResult], fail_on: Severity) -> int:
    if any(r.error is not None for r in results):
        return EXIT_USAGE
    if any(loc.severity.rank >= fail_on.rank for r in results for loc in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from checker.extract import extract
    from checker.loading import InputError, load_path
    from checker.report import facts as facts_report

    config = _config(args, [args.path]).with_flags(lang=args.lang)
    try:
        source = load_path(args.path)
    except InputError as exc:
        raise UsageError(one_line(str(exc))) from None
    text = facts_report.render(source, extract(source), args.format, lang=config.lang)
    _write(text, None)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from checker.engine import all_rules
    from checker.report import rules as rules_report

    config = _config(args, []).with_flags(lang=args.lang)
    _write(rules_report.render(all_rules(), args.format, lang=config.lang), None)
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from checker.engine import all_rules
    from checker.report import rules as rules_report

    config = _config(args, []).with_flags(lang=args.lang)
    try:
        text = rules_report.explain(args.code, all_rules(), config.lang)
    except rules_report.UnknownRuleError as exc:
        raise UsageError(f"{PROG} explain: {exc}") from None
    _write(text, None)
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    raise UsageError(f"{PROG} accept: not yet available in this version")


# -- helpers ---------------------------------------------------------------------------------
def _config(args: argparse.Namespace, paths: Sequence[str]) -> Config:
    """The explicit --config, else the nearest one above the current directory, else above
    the first input's folder."""
    starts = [Path.cwd()]
    first = next((p for p in paths if p != "-"), None)
    if first is not None:
        starts.append(Path(first).parent)
    return load_config(args.config, starts)


def _refuse_later_options(args: argparse.Namespace) -> None:
    """Validate the options of later versions, then refuse them with one clear line."""
    if args.show_stale and not args.accepted:
        raise UsageError(f"{PROG} check: --show-stale needs --accepted FILE")
    if args.annotate is not None:
        if not args.annotate.lower().endswith(".docx"):
            raise UsageError(f"{PROG} check: --annotate writes a .docx file")
        if len(args.paths) != 1 or not args.paths[0].lower().endswith(".docx"):
            raise UsageError(f"{PROG} check: --annotate needs exactly one .docx input")
    if (args.fix or args.diff) and any(p == "-" or p.lower().endswith(".docx") for p in args.paths):
        raise UsageError(f"{PROG} check: --fix and --diff work on .txt and .md files only")
    for option in ("baseline", "accepted"):
        value = getattr(args, option)
        if value is not None and not Path(value).is_file():
            raise UsageError(f"{PROG} check: --{option} {value}: no such file")
    later = [
        name
        for name, given in (
            ("--baseline", args.baseline is not None),
            ("--annotate", args.annotate is not None),
            ("--jobs", args.jobs is not None),
            ("--accepted", args.accepted is not None),
            ("--show-stale", args.show_stale),
            ("--fix", args.fix),
            ("--diff", args.diff),
            (f"--format {args.format}", args.format not in report.FORMATS),
        )
        if given
    ]
    if later:
        raise UsageError(f"{PROG} check: {', '.join(later)}: not yet available in this version")


def _refuse_overwriting_inputs(output: str, paths: Sequence[str]) -> None:
    target = Path(output)
    if not target.exists():
        return
    for path in paths:
        if path != "-" and Path(path).exists() and os.path.samefile(path, target):
            raise UsageError(f"{PROG} check: --output {output} would overwrite the input")


def _write(text: str, output: str | None) -> None:
    if output is None:
        _stdout(text)
    else:
        write_atomically(Path(output), text)


def write_atomically(target: Path, text: str) -> None:
    """Write through a temporary file in the same folder and ``os.replace``: a reader sees
    the old report or the new one, never half of one."""
    folder = target.parent
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"{PROG}: cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"{PROG}: cannot write {target}: {exc.strerror or exc}") from None
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stdout(text: str) -> None:
    try:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:  # a console that cannot show Vietnamese: send UTF-8
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # `rasoat check ... | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _error(message: str) -> None:
    print(one_line(message), file=sys.stderr)
