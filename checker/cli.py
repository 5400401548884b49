"""The command line: ``rasoat check|accept|facts|rules|explain`` (also ``python -m checker``).

The CLI only wires options to the pipeline and the reporters and sets the exit code:
0 nothing at or above ``--fail-on``, 1 findings at or above it, 2 a usage error or an input
that could not be read (the other inputs are still checked and reported), 130 when stopped
with Ctrl-C. A user never sees a traceback: bad usage and bad configuration are one line on
stderr, and an unexpected failure while checking a file becomes that file's one-line error.

Inputs are only read. The outputs (``--output``, ``accept --output``, ``--annotate``, and the
files ``--fix`` rewrites) are written through a temporary file and renamed into place.

Options whose code lives in modules other helpers build (``--baseline``: checker.baseline,
``--fix``/``--diff``: checker.rules.text.fixes, ``--annotate``: checker.annotate,
``--format html``: checker.report.html, listed in report.FORMATS) are wired when the module
exists and otherwise refused with one line.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn

from checker import __version__, parallel, report
from checker.accepted import Entry
from checker.config import (
    FAIL_ON,
    LANGS,
    Config,
    ConfigError,
    Resolver,
    parse_date,
    parse_patterns,
)
from checker.config import load as load_config
from checker.engine import ROUNDING
from checker.facts import Facts
from checker.findings import FileResult, Message, Severity
from checker.parallel import Checked, Task
from checker.report.common import one_line
from checker.source import Source

PROG = "rasoat"
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
MACHINE_FORMATS = ("json", "sarif", "github")  # read by programs: no progress bar at all

# option -> the module that implements it (built by other helpers; wired once it exists)


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


def formats() -> list[str]:
    names = list(report.FORMATS)
    if "html" not in names:
        names.append("html")  # promised by the interface; refused until it exists
    return names


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
    running = _Parser(add_help=False, allow_abbrev=False)  # what decides the findings
    running.add_argument(
        "--select", type=_patterns, metavar="CODES", help="codes or prefixes to run (N, T2, C101)"
    )
    running.add_argument(
        "--ignore", type=_patterns, metavar="CODES", help="codes or prefixes never reported"
    )
    running.add_argument(
        "--report-date", type=_date, metavar="YYYY-MM-DD", help="default: read from the header"
    )
    running.add_argument("--rounding", choices=ROUNDING, help="default any")
    running.add_argument("--baseline", metavar="FILE", help="an earlier report (previous term)")
    running.add_argument("--jobs", type=_positive, metavar="N", help="check files in parallel")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    check = sub.add_parser(
        "check",
        parents=[common, running],
        allow_abbrev=False,
        help="check drafts (.docx .txt .md)",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help='files or folders; "-" = stdin')
    check.add_argument("--format", choices=formats(), default="text")
    check.add_argument("--output", metavar="FILE", help="write the report there, atomically")
    check.add_argument("--fail-on", choices=FAIL_ON, help="default warning")
    check.add_argument("--annotate", metavar="OUT.docx", help="a copy with comments (one .docx)")
    check.add_argument("--accepted", metavar="FILE", help="hide the findings `accept` recorded")
    check.add_argument(
        "--show-stale", action="store_true", help="list accepted entries that no longer occur"
    )
    check.add_argument("--fix", action="store_true", help="apply the safe text fixes")
    check.add_argument("--diff", action="store_true", help="show the fixes, change nothing")
    check.set_defaults(run=cmd_check)

    accept = sub.add_parser(
        "accept",
        parents=[common, running],
        allow_abbrev=False,
        help="record the current findings as accepted",
    )
    accept.add_argument("paths", nargs="+", metavar="PATH")
    accept.add_argument("--output", metavar="FILE", required=True)
    accept.set_defaults(run=cmd_accept)

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        code: int = args.run(args)
        return code
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's code for SIGINT
        _error(f"{PROG}: interrupted")
        return EXIT_INTERRUPTED
    except (UsageError, ConfigError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line, not a traceback
        _error(f"{PROG}: internal error: {type(exc).__name__}: {one_line(str(exc))}")
        return EXIT_USAGE


# -- a run: which files, with which settings ---------------------------------------------------
@dataclass(frozen=True)
class Run:
    """What ``check`` and ``accept`` share: the inputs, the run's config (language and
    fail-on), and one task per input with the config that applies to it."""

    paths: tuple[str, ...]
    config: Config
    tasks: tuple[Task, ...]


def plan(args: argparse.Namespace, *, keep: frozenset[str] = frozenset()) -> Run:
    from checker.loading import InputError, expand_paths

    try:
        paths = expand_paths(args.paths)
    except InputError as exc:
        raise UsageError(one_line(str(exc))) from None
    if not paths:
        raise UsageError(f"{PROG} {args.command}: no .txt, .md or .docx file in the given paths")
    base = _config(args, paths)
    flags = {
        "select": args.select,
        "ignore": args.ignore,
        "lang": args.lang,
        "rounding": args.rounding,
        "report_date": args.report_date,
    }
    fail_on = getattr(args, "fail_on", None)
    config = base.with_flags(fail_on=Severity(fail_on) if fail_on else None, **flags)
    baseline = _baseline(args, config.lang)
    resolver = Resolver(args.config, base)
    tasks = []
    for path in paths:
        own = resolver.for_path(path).with_flags(**flags)
        tasks.append(
            Task(
                path=path,
                settings=own.settings(),
                select=own.select,
                ignore=own.ignores_for(path),
                baseline=baseline,
                keep_source="sources" in keep,
                keep_facts="facts" in keep,
            )
        )
    return Run(tuple(paths), config, tuple(tasks))


def _config(args: argparse.Namespace, paths: Sequence[str]) -> Config:
    """The explicit --config, else the nearest one above the current directory, else above
    the first input's folder. Files with a nearer config of their own use that one."""
    starts = [Path.cwd()]
    first = next((p for p in paths if p != "-"), None)
    if first is not None:
        starts.append(Path(first).parent)
    return load_config(args.config, starts)


def _baseline(args: argparse.Namespace, lang: str) -> Facts | None:
    if args.baseline is None:
        return None
    from checker.loading import InputError

    from checker.baseline import load_baseline

    try:
        facts: Facts = load_baseline(args.baseline)
    except InputError as exc:
        raise UsageError(f"{PROG}: --baseline {exc.text(lang)}") from None
    return facts


def _checked(run: Run, jobs: int | None, bar: bool = True) -> list[Checked]:
    """Check the run's files, with a progress bar on standard error when it is a terminal
    and the run is long (never on standard output, where the report goes)."""
    try:
        from checker.report.console import progress
    except ImportError:  # an installation without the progress bar
        return parallel.run(run.tasks, jobs or 1)
    with progress(len(run.tasks), enabled=bar, lang=run.config.lang) as ticker:
        return parallel.run(run.tasks, jobs or 1, ticker.advance)


# -- commands --------------------------------------------------------------------------------
def cmd_check(args: argparse.Namespace) -> int:
    _validate_check(args)
    hide = _acceptance(args.accepted)
    run = plan(args, keep=_wanted(args.format))
    if args.output:
        _refuse_overwriting_inputs(args.output, run.paths, "--output")
    checked = _checked(run, args.jobs, bar=args.format not in MACHINE_FORMATS)
    results, stale = hide([c.result for c in checked])
    lang = run.config.lang
    if args.diff:
        return _show_diff(args, run, results, lang)
    if args.fix:
        rewritten = _fix(run, results, lang)
        if rewritten:  # check them again: the report shows what is left
            again = _checked(replace(run, tasks=tuple(run.tasks[i] for i in rewritten)), args.jobs)
            for i, item in zip(rewritten, again):
                checked[i] = item
            results, stale = hide([c.result for c in checked])
    if args.annotate:
        _annotate(args.paths[0], args.annotate, results[0], lang)
    sources = {c.result.path: c.source for c in checked if c.source is not None}
    facts = {c.result.path: c.facts for c in checked if c.facts is not None}
    text = _render(args.format, results, lang, args.output is not None, sources, facts)
    _write(text, args.output)
    if args.show_stale:
        _report_stale(args.accepted, stale, lang)
    return exit_code(results, run.config.fail_on)


Hide = Callable[[Sequence[FileResult]], tuple[list[FileResult], Sequence[Entry]]]


def _acceptance(path: str | None) -> Hide:
    """What ``--accepted FILE`` does to results: hide the accepted findings, and tell which
    entries are stale. Without the option, nothing is hidden."""
    if path is None:
        return lambda results: (list(results), ())
    from checker import accepted

    try:
        entries = accepted.load(path)
    except accepted.AcceptedError as exc:
        raise UsageError(f"{PROG} check: --accepted {exc}") from None
    folder = Path(path).resolve().parent

    def hide(results: Sequence[FileResult]) -> tuple[list[FileResult], Sequence[Entry]]:
        outcome = accepted.apply(results, entries, folder)
        return list(outcome.results), outcome.stale

    return hide


def exit_code(results: Sequence[FileResult], fail_on: Severity) -> int:
    if any(r.error is not None for r in results):
        return EXIT_USAGE
    if any(loc.severity.rank >= fail_on.rank for r in results for loc in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    from checker import accepted

    run = plan(args)
    _refuse_overwriting_inputs(args.output, run.paths, "--output")
    results = [c.result for c in _checked(run, args.jobs)]
    lang = run.config.lang
    errors = [r.error for r in results if r.error is not None]
    if errors:  # a partial record would hide nothing of the file that was missed
        for error in errors:
            _error(error)
        _error(
            Message(
                f"{PROG} accept: chưa ghi {args.output} vì có tệp không đọc được",
                f"{PROG} accept: {args.output} not written: some inputs could not be read",
            ).get(lang)
        )
        return EXIT_USAGE
    target = Path(args.output)
    items = accepted.entries(results, target.resolve().parent)
    write_atomically(target, accepted.dumps(items))
    files = len(results)
    _stdout(
        Message(
            f"Đã ghi {len(items)} phát hiện của {files} tệp vào {target}\n",
            f"Recorded {len(items)} findings of {files} file{'s' if files != 1 else ''} "
            f"in {target}\n",
        ).get(lang)
    )
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from checker.extract import extract
    from checker.loading import InputError, load_path
    from checker.report import facts as facts_report

    config = _config(args, [args.path]).with_flags(lang=args.lang)
    try:
        source = load_path(args.path)
    except InputError as exc:
        raise UsageError(one_line(exc.text(config.lang))) from None
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


# -- options of check ------------------------------------------------------------------------
def _validate_check(args: argparse.Namespace) -> None:
    """The combinations that cannot work, each refused with one line."""
    if args.show_stale and not args.accepted:
        raise UsageError(f"{PROG} check: --show-stale needs --accepted FILE")
    if args.annotate is not None:
        if not args.annotate.lower().endswith(".docx"):
            raise UsageError(f"{PROG} check: --annotate writes a .docx file")
        if len(args.paths) != 1 or not args.paths[0].lower().endswith(".docx"):
            raise UsageError(f"{PROG} check: --annotate needs exactly one .docx input")
        _refuse_overwriting_inputs(args.annotate, args.paths, "--annotate")
    if (args.fix or args.diff) and any(p == "-" or p.lower().endswith(".docx") for p in args.paths):
        raise UsageError(
            f"{PROG} check: --fix and --diff work on .txt and .md files only "
            "(for a .docx, --annotate writes a copy with comments)"
        )
    for option in ("baseline", "accepted"):
        value = getattr(args, option)
        if value is not None and not Path(value).is_file():
            raise UsageError(f"{PROG} check: --{option} {value}: no such file")


def _wanted(fmt: str) -> frozenset[str]:
    """What the format shows besides the findings: "sources", "facts" (report.wants)."""
    return report.wants(fmt) if fmt in report.FORMATS else frozenset()


def _render(
    fmt: str,
    results: Sequence[FileResult],
    lang: str,
    to_file: bool,
    sources: Mapping[str, Source],
    facts: Mapping[str, Facts],
) -> str:
    color = False if to_file else None
    extra: dict[str, Any] = {}
    if sources:
        extra["sources"] = sources
    if facts:
        extra["facts"] = facts
    text: str = report.render(fmt, results, lang=lang, color=color, **extra)
    return text


def _report_stale(accepted_path: str, stale: Sequence[Entry], lang: str) -> None:
    """The accepted entries that matched nothing, on stderr (the report on stdout stays
    valid JSON or SARIF)."""
    n = len(stale)
    head = Message(
        f"{PROG}: {accepted_path}: {n} phát hiện đã chấp nhận không còn xuất hiện",
        f"{PROG}: {accepted_path}: {n} accepted finding{'s' if n != 1 else ''} no longer occur"
        f"{'s' if n == 1 else ''}",
    ).get(lang)
    print(head + (":" if n else ""), file=sys.stderr)
    for entry in stale:
        stated = f" {entry.stated!r}" if entry.stated else ""
        print(
            f"  {entry.path}:{entry.line}: {entry.code}{stated} {one_line(entry.context)}",
            file=sys.stderr,
        )


# -- fixes, diffs, annotations ---------------------------------------------------------------
DIGITS_RE = re.compile(r"\d")


def _fixed_text(path: str, result: FileResult, lang: str) -> tuple[Source, str] | None:
    """The file's text with the safe fixes applied, or None when nothing changes. A fix
    that would change a digit is refused (the figures are the author's)."""
    from checker.loading import InputError, load_path

    if result.error is not None or not result.findings:
        return None
    try:
        source = load_path(path)
    except InputError as exc:
        raise UsageError(exc.text(lang)) from None
    from checker.rules.text.fixes import apply_fixes

    new: str = apply_fixes(source, [loc.finding for loc in result.findings])
    if new == source.original:
        return None
    if DIGITS_RE.findall(new) != DIGITS_RE.findall(source.original):
        _error(
            Message(
                f"{PROG}: {path}: bỏ qua các sửa tự động vì chúng làm thay đổi chữ số",
                f"{PROG}: {path}: fixes skipped: they would change a digit",
            ).get(lang)
        )
        return None
    return source, new


def _show_diff(args: argparse.Namespace, run: Run, results: Sequence[FileResult], lang: str) -> int:
    """``--diff``: a unified diff of what ``--fix`` would write; nothing is changed.
    Exit 1 when there is something to fix (as ``ruff --diff``), 2 on an unreadable input."""
    chunks: list[str] = []
    for task, result in zip(run.tasks, results):
        fixed = _fixed_text(task.path, result, lang)
        if fixed is None:
            continue
        source, new = fixed
        chunks.extend(
            difflib.unified_diff(
                source.original.splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile=f"a/{Path(task.path).as_posix()}",
                tofile=f"b/{Path(task.path).as_posix()}",
            )
        )
    text = "".join(
        c if c.endswith("\n") else c + "\n\\ No newline at end of file\n" for c in chunks
    )
    _write(text, args.output)
    if any(r.error is not None for r in results):
        return EXIT_USAGE
    return EXIT_FINDINGS if chunks else EXIT_OK


def _fix(run: Run, results: Sequence[FileResult], lang: str) -> list[int]:
    """``--fix``: rewrite each .txt/.md input with the safe fixes of its findings (same
    encoding, BOM and newlines); the indexes of the files rewritten."""
    rewritten: list[int] = []
    for i, (task, result) in enumerate(zip(run.tasks, results)):
        fixed = _fixed_text(task.path, result, lang)
        if fixed is not None:
            target = Path(task.path)
            write_atomically(target, fixed[1], encoding=_encoding_of(target))
            rewritten.append(i)
            _error(Message(f"{PROG}: đã sửa {target}", f"{PROG}: fixed {target}").get(lang))
    return rewritten


def _encoding_of(path: Path) -> str:
    """The codec that writes the file back as it was read: UTF-8, with its BOM if it had
    one, or UTF-16/32 with BOM."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    return "utf-8"


def _annotate(input_path: str, output: str, result: FileResult, lang: str) -> None:
    """``--annotate``: a copy of the .docx with a comment at each finding. The annotator
    writes atomically itself (a temporary file beside the target, then a rename)."""
    if result.error is not None:
        return  # the report says why; there is nothing to annotate
    from checker.annotate import AnnotateError, annotate
    from checker.loading import InputError

    try:
        annotate(input_path, output, result.findings, lang=lang)
    except (InputError, AnnotateError) as exc:
        raise UsageError(exc.text(lang) if hasattr(exc, "text") else str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{PROG}: cannot write {output}: {exc.strerror or exc}") from None


# -- output ----------------------------------------------------------------------------------
def _refuse_overwriting_inputs(output: str, paths: Sequence[str], option: str) -> None:
    """An output must not be one of the inputs (after folders are expanded)."""
    target = Path(output)
    if not target.exists():
        return
    for path in paths:
        if path != "-" and Path(path).is_file() and os.path.samefile(path, target):
            raise UsageError(f"{PROG}: {option} {output} would overwrite an input")


def _write(text: str, output: str | None) -> None:
    if output is None:
        _stdout(text)
    else:
        write_atomically(Path(output), text)


def _temporary(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"{PROG}: cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    return Path(name)


def write_atomically(target: Path, text: str, encoding: str = "utf-8") -> None:
    """Write through a temporary file in the same folder and ``os.replace``: a reader sees
    the old file or the new one, never half of one. The file keeps its permissions."""
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
    except OSError as exc:
        raise UsageError(f"{PROG}: cannot write {target}: {exc.strerror or exc}") from None
    tmp = _temporary(target)
    try:
        with tmp.open("w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
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
