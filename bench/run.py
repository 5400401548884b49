"""rasoat's benchmark: one command, figures printed as ratios to baselines measured in the
same run, on this machine.

    python bench/run.py                  everything (about ten minutes on two cores)
    python bench/run.py --quick          fewer repeats, a smaller folder (about three minutes)
    python bench/run.py --only a,d       some sections: a b c d e f g h (see below)
    python bench/run.py --json out.json  also write the figures as JSON (nothing is written
                                         anywhere unless asked: inputs live in a temp folder)

Sections (issue 10 unless said otherwise):
  a  start-up: `python -m checker check SAMPLE` against the import floor
     `python -c "import lark, pint, rich, docx"` (target <= 1.5x), and where the time goes
  b  a folder of 90 reports (~8 MB) on one core (target >= 2 MB/s), and --jobs 2 (>= 1.7x)
  c  ten times the text costs at most eleven times the time
  d  peak memory of checking a 2.6 MB report (target < 200 MB)
  e  issue 3: grammar + transformer over the sample vs reading and tokenising it (< 100 ms)
  f  issue 4: the rules alone over the sample's facts (target < 50 ms)
  g  hostile inputs through the command line, and the changes proposed in
     docs/performance.md, measured by patching (bench/proposed.py)
  h  the regular-expression audit (bench/redos.py)

Every child process runs with the repository first on its path, in a temporary folder.
The sample draft is ../shared/seeds/000_ced5caf1edb53086.txt; without it, the sections that
need it say so and are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

import corpus
from hostile_files import (
    LONG_SENTENCES,
    RUNS,
    TIMING_SHIM,
    Measured,
    build_hostile_folder,
    run_measured,
)

PY = sys.executable
FLOOR = [PY, "-c", "import lark, pint, rich, docx"]
BARE = [PY, "-c", "pass"]
CHECK = [PY, "-m", "checker", "check"]


# -- printing ------------------------------------------------------------------------------------


class Out:
    """Prints the report and keeps every figure for --json."""

    def __init__(self) -> None:
        self.figures: dict[str, Any] = {}
        self.section = ""

    def head(self, key: str, title: str) -> None:
        self.section = key
        self.figures.setdefault(key, {})
        print(f"\n({key}) {title}", flush=True)

    def line(self, text: str = "") -> None:
        print(f"    {text}", flush=True)

    def keep(self, name: str, value: Any) -> None:
        self.figures[self.section][name] = value

    def verdict(self, label: str, value: float, target: float, unit: str, higher: bool) -> None:
        ok = value >= target if higher else value <= target
        sign = ">=" if higher else "<="
        word = "meets" if ok else "MISSES"
        self.line(f"{label:<44} {value:8.2f}{unit:<5} target {sign} {target:g}{unit}  {word}")
        self.keep(label, {"value": round(value, 4), "target": target, "met": ok})


def secs(x: float) -> str:
    return f"{x:6.2f} s" if x >= 0.1 else f"{x * 1000:6.1f} ms"


# -- running children ----------------------------------------------------------------------------


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **(extra or {})}


def run(
    cmd: Sequence[str], work: Path, timeout: float = 900, cpus: set[int] | None = None
) -> Measured:
    return run_measured(cmd, cwd=work, env=env(), timeout=timeout, cpus=cpus)


def inproc(work: Path, *args: str, patches: Sequence[str] = ()) -> dict[str, Any]:
    cmd = [PY, str(HERE / "inproc.py"), *args]
    if patches:
        cmd = [PY, str(HERE / "proposed.py"), *patches, *cmd[1:]]
    done = run(cmd, work)
    if done.returncode != 0:
        raise RuntimeError(f"inproc {args}: {done.stderr.decode('utf-8', 'replace')[-800:]}")
    result: dict[str, Any] = json.loads(done.stdout.decode("utf-8").strip().splitlines()[-1])
    return result


def interleaved(
    commands: dict[str, list[str]], work: Path, repeat: int
) -> dict[str, list[Measured]]:
    """Each command ``repeat`` times, taking turns, so a change in the machine's load falls
    on all of them alike."""
    runs: dict[str, list[Measured]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(run(cmd, work))
    return runs


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


# -- (a) start-up --------------------------------------------------------------------------------


def startup(out: Out, work: Path, seed: Path, repeat: int) -> None:
    out.head(
        "a",
        f"start-up: `python -m checker check SAMPLE` vs the import floor ({repeat} runs each, interleaved)",
    )
    runs = interleaved(
        {"python -c pass": BARE, "import floor": FLOOR, "rasoat check": [*CHECK, str(seed)]},
        work,
        repeat,
    )
    rows = {}
    for name, measured in runs.items():
        wall = median([m.wall for m in measured])
        cpu = median([m.cpu for m in measured])
        peak = max(m.peak_mb for m in measured)
        rows[name] = (wall, cpu)
        out.line(f"{name:<16} wall {secs(wall)}   cpu {secs(cpu)}   peak {peak:5.0f} MB")
        out.keep(
            name, {"wall": wall, "cpu": cpu, "peak_mb": peak, "walls": [m.wall for m in measured]}
        )
    codes = {m.returncode for m in runs["rasoat check"]}
    out.line(f"(rasoat check exit codes: {sorted(codes)}; 1 = findings)")
    out.verdict(
        "check / floor (wall, median)",
        rows["rasoat check"][0] / rows["import floor"][0],
        1.5,
        "x",
        False,
    )
    out.verdict(
        "check / floor (cpu, median)",
        rows["rasoat check"][1] / rows["import floor"][1],
        1.5,
        "x",
        False,
    )
    where_time_goes(out, work, seed)


def where_time_goes(out: Out, work: Path, seed: Path) -> None:
    out.line("")
    out.line("where the time goes: python -X importtime (self time of the heaviest imports)")
    done = run([PY, "-X", "importtime", "-m", "checker", "check", str(seed)], work)
    entries = []
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            entries.append((int(m.group(1)), int(m.group(2)), len(m.group(3)) // 2, m.group(4)))
    total = sum(e[0] for e in entries) / 1e6
    groups: dict[str, float] = {}
    for self_us, _, _, name in entries:
        top = name.split(".")[0]
        key = (
            top
            if top
            in {
                "checker",
                "lark",
                "pint",
                "numpy",
                "rich",
                "docx",
                "lxml",
                "defusedxml",
                "charset_normalizer",
            }
            else "other (stdlib, ...)"
        )
        groups[key] = groups.get(key, 0.0) + self_us / 1e6
    out.line(f"  all imports        {secs(total)}")
    for key, value in sorted(groups.items(), key=lambda kv: -kv[1]):
        out.line(f"    {key:<22} {secs(value)}")
    own = sorted((e for e in entries if e[3].startswith("checker")), key=lambda e: -e[0])[:6]
    out.line(
        "  heaviest checker modules (self): "
        + ", ".join(f"{e[3]} {e[0] / 1000:.0f} ms" for e in own)
    )
    out.keep("imports", {"total": total, "groups": groups})
    phases = inproc(work, "phases", str(seed))
    out.line("")
    out.line(
        f"where the time goes: one first check, step by step in a fresh process (total {secs(phases['total'])})"
    )
    for step, value in phases["steps"].items():
        out.line(f"  {step:<68} {secs(value)}")
    out.line(
        "  heaviest rules: "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in list(phases["top_rules"].items())[:6])
    )
    out.line(f"  ({phases['facts']} facts, {phases['findings']} findings)")
    out.keep("phases", phases)


# -- (b) a folder of reports ---------------------------------------------------------------------


def jobs_available(work: Path) -> bool:
    probe = work / "probe"
    probe.mkdir(exist_ok=True)
    for name in ("a.txt", "b.txt"):
        (probe / name).write_text("Tổng số 200 người.\n", encoding="utf-8")
    done = run([*CHECK, str(probe), "--jobs", "2", "--format", "json"], work)
    said = done.stderr.decode("utf-8", "replace")
    return done.returncode in (0, 1) and "not yet available" not in said and "--jobs" not in said


def folder(out: Out, work: Path, count: int, megabytes: float) -> None:
    made = corpus.report_folder(work / "reports", count, int(megabytes * corpus.MB))
    out.head(
        "b",
        f"a folder of {len(made.files)} reports, {made.megabytes:.2f} MB (from samples/*.txt{' and the sample draft' if corpus.SEED.is_file() else ''})",
    )
    report = work / "folder-report.json"
    one = run([*CHECK, str(made.path), "--format", "json", "--output", str(report)], work, cpus={0})
    out.line(
        f"one core (pinned to CPU 0): wall {secs(one.wall)}, cpu {secs(one.cpu)}, peak {one.peak_mb:.0f} MB, exit {one.returncode}"
    )
    out.keep(
        "one_core", {"wall": one.wall, "cpu": one.cpu, "peak_mb": one.peak_mb, "mb": made.megabytes}
    )
    out.verdict("throughput on one core (MB/s)", made.megabytes / one.wall, 2.0, "MB/s", True)
    if os.cpu_count() and os.cpu_count() < 2:  # type: ignore[operator]
        out.line("only one CPU: --jobs 2 not measured")
        return
    if jobs_available(work):
        two = run(
            [*CHECK, str(made.path), "--format", "json", "--output", str(report), "--jobs", "2"],
            work,
        )
        label = "--jobs 2"
    else:
        out.line("--jobs is not available in this version: estimated with two processes by hand,")
        out.line("each on its own CPU with half of the files (wall = the slower of the two)")
        two = halves(made.files, work)
        label = "two processes by hand"
    out.line(f"{label}: wall {secs(two.wall)}, cpu {secs(two.cpu)}, exit {two.returncode}")
    out.keep("two_jobs", {"wall": two.wall, "cpu": two.cpu, "how": label})
    out.verdict(f"speed-up of {label}", one.wall / two.wall, 1.7, "x", True)
    out.line(f"(load average {load_average()}: on a busy machine the speed-up is understated)")


def halves(files: list[Path], work: Path) -> Measured:
    results: list[Measured] = []

    def part(paths: list[Path], cpu: int) -> None:
        results.append(run([*CHECK, *map(str, paths), "--format", "json"], work, cpus={cpu}))

    threads = [
        threading.Thread(target=part, args=(files[0::2], 0)),
        threading.Thread(target=part, args=(files[1::2], 1)),
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return Measured(
        max(r.returncode for r in results),
        wall,
        sum(r.cpu for r in results),
        max(r.peak_mb for r in results),
        b"",
        b"",
        False,
    )


# -- (c) scaling, (d) memory ---------------------------------------------------------------------


def scaling(out: Out, work: Path, seed: Path) -> None:
    out.head("c", "ten times the text (the sample written ten times), in-process after a warm-up")
    one = inproc(work, "check", str(seed), "1")
    ten = inproc(work, "check", str(seed), "10")
    out.line(
        f"x1:  {one['chars']:>9,} characters  {secs(one['seconds'])}  {one['findings']} findings"
    )
    out.line(
        f"x10: {ten['chars']:>9,} characters  {secs(ten['seconds'])}  {ten['findings']} findings"
    )
    out.keep("x1", one)
    out.keep("x10", ten)
    out.verdict("time(x10) / time(x1)", ten["seconds"] / one["seconds"], 11.0, "x", False)


def memory(out: Out, work: Path, seed: Path, patches: Sequence[str] = ()) -> float:
    text = seed.read_text(encoding="utf-8")
    times = max(1, round(2.6 * corpus.MB / len(text.encode("utf-8"))))
    big = work / "big-report.txt"
    big.write_text(corpus.repeated(text, times), encoding="utf-8")
    size = big.stat().st_size / corpus.MB
    cmd = [*CHECK, str(big), "--format", "json", "--output", str(work / "big.json")]
    if patches:
        cmd = [PY, str(HERE / "proposed.py"), *patches, *cmd[1:]]
    done = run(cmd, work)
    label = "with " + " ".join(patches) if patches else "as it is"
    out.line(
        f"{size:.2f} MB ({times} copies of the sample), {label}: wall {secs(done.wall)}, cpu {secs(done.cpu)}, peak {done.peak_mb:.0f} MB, exit {done.returncode}"
    )
    out.keep(f"peak {label}", {"peak_mb": done.peak_mb, "wall": done.wall, "mb": size})
    return done.peak_mb


# -- (e) grammar, (f) rules ----------------------------------------------------------------------


def grammar(out: Out, work: Path, seed: Path, repeat: int) -> None:
    out.head(
        "e",
        f"issue 3: grammar + transformer over the sample's sentences with a figure (best of {repeat})",
    )
    g = inproc(work, "grammar", str(seed), str(repeat))
    base = g["read_and_tokenise"][0]
    out.line(f"{g['sentences']} sentences parsed ({g['parsed']} parse), {g['chars']:,} characters")
    rows = [
        ("read + decode + tokenise (re \\w+) [baseline]", g["read_and_tokenise"]),
        ("Lark's lexer alone over the same sentences", g["lark_lexer_only"]),
        ("grammar + transformer (parse_sentence)", g["grammar_and_transformer"]),
        ("whole extract (+ sentences, relations, tables)", g["extract"]),
    ]
    for label, (low, med) in rows:
        out.line(f"{label:<50} {secs(low)} (median {secs(med)})  {low / base:6.1f}x baseline")
    out.keep("figures", g)
    out.verdict(
        "grammar + transformer (ms)", g["grammar_and_transformer"][0] * 1000, 100, "ms", False
    )
    out.line(
        f"of the grammar + transformer time, the parser's contextual lexer takes {g['lexer_share']:.0%} (each token timed);"
    )
    out.line(
        "Lark's basic lexer above tries all 35 terminals at each token, the parser's only those its state allows"
    )


def rules_only(out: Out, work: Path, seed: Path, repeat: int) -> None:
    out.head(
        "f",
        f"issue 4: the rules alone over the sample's facts (after a warm-up on another report; best of {repeat})",
    )
    r = inproc(work, "rules", str(seed), str(repeat))
    for label in ("numeric (N)", "all"):
        x = r[label]
        out.line(
            f"{label + ' rules':<16} {x['rules']:3d} rules  first {secs(x['first'])}  best {secs(x['best'])}  median {secs(x['median'])}"
        )
    out.line(
        "heaviest rules (best of 3): "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in r["top"].items())
    )
    out.keep("figures", r)
    out.verdict(
        "numeric rules over the facts (ms, best)", r["numeric (N)"]["best"] * 1000, 50, "ms", False
    )


# -- (g) hostile inputs and proposed changes -------------------------------------------------------


def shim_run(
    paths: Sequence[Path], work: Path, patches: Sequence[str], per_file: float = 20.0
) -> tuple[Measured, dict[str, float], dict[str, Any]]:
    shim = work / "shim.py"
    shim.write_text(TIMING_SHIM, encoding="utf-8")
    times = work / "times.json"
    times.unlink(missing_ok=True)
    cmd = [
        PY,
        str(HERE / "proposed.py"),
        *patches,
        str(shim),
        "check",
        *map(str, paths),
        "--format",
        "json",
        "--lang",
        "en",
    ]
    done = run_measured(
        cmd,
        cwd=work,
        env=env({"RASOAT_FILE_SECONDS": str(per_file), "RASOAT_FILE_TIMES": str(times)}),
        timeout=900,
    )
    found = json.loads(times.read_text()) if times.is_file() else {}
    try:
        report = json.loads(done.stdout)
    except ValueError:
        report = {"files": []}
    return done, found, report


def hostile(out: Out, work: Path, seed: Path | None) -> None:
    out.head(
        "g",
        "hostile inputs through the command line (each file cut off after 20 s), and the proposed changes",
    )
    folder = work / "hostile"
    files = build_hostile_folder(
        folder, include=lambda n: n not in LONG_SENTENCES and n not in RUNS
    )
    done, times, report = shim_run([folder], work, [])
    slowest = sorted(times.items(), key=lambda kv: -kv[1])[:3]
    errors = sum(1 for f in report["files"] if f["error"])
    out.line(
        f"the hostile folder ({len(files)} files, 150 of token soup): wall {secs(done.wall)}, peak {done.peak_mb:.0f} MB, {errors} refused with one line, traceback: {'Traceback' in done.stderr.decode('utf-8', 'replace')}"
    )
    out.line("  slowest: " + ", ".join(f"{Path(p).name} {t:.1f} s" for p, t in slowest))
    out.keep("hostile folder", {"wall": done.wall, "peak_mb": done.peak_mb, "refused": errors})
    long_files = build_hostile_folder(
        work / "long", soup_files=0, include=lambda n: n in LONG_SENTENCES
    )
    out.line("")
    out.line(
        "absurd sentences (a 300,000-character line, 50,000 nested brackets, 20,000 unclosed):"
    )
    for patches in pending_sets(["--bound"], ["--bound", "--lines"]):
        done, times, report = shim_run(long_files, work, patches)
        label = " ".join(patches) or "as it is"
        outcome = {
            Path(f["path"]).name: (f["error"] or f"{len(f['findings'])} findings")
            for f in report["files"]
        }
        out.line(f"  {label:<18} wall {secs(done.wall)}  peak {done.peak_mb:6.0f} MB")
        for name in sorted(LONG_SENTENCES):
            path = next((p for p in times if Path(p).name == name), None)
            took = times.get(path, float("nan")) if path else float("nan")
            what = outcome.get(name, "?")
            what = what if len(what) < 70 else what[:30] + " ... " + what[-35:]
            out.line(f"      {name:<22} {took:6.1f} s  {what}")
        out.keep(
            f"long sentences {label}",
            {
                "wall": done.wall,
                "peak_mb": done.peak_mb,
                "times": {Path(p).name: t for p, t in times.items()},
            },
        )
    run_files = build_hostile_folder(work / "runs", soup_files=0, include=lambda n: n in RUNS)
    out.line("")
    out.line(
        "runs of one character (20,000 spaces, 20,000 letters, 20,000 of mojibake, a 300-letter word before a list):"
    )
    for patches in ([], ["--regex", "--glue"]):
        done, times, report = shim_run(run_files, work, patches)
        label = " ".join(patches) or "as it is"
        each = ", ".join(f"{Path(p).name} {t:.1f} s" for p, t in sorted(times.items()))
        out.line(f"  {label:<16} wall {secs(done.wall)}: {each}")
        out.keep(
            f"runs {label}",
            {"wall": done.wall, "times": {Path(p).name: t for p, t in times.items()}},
        )
    memory_patches = pending_sets(["--offsets", "--lines"])[-1]
    if seed is not None and memory_patches:
        out.line("")
        out.line("memory of the 2.6 MB report with the proposed changes not yet in the code:")
        memory(out, work, seed, memory_patches)
    out.line("")
    largest_docx(out, work)


def pending_sets(*sets: list[str]) -> list[list[str]]:
    """[] (the code as it is), then each set of patches reduced to the changes not yet in
    the code, skipping the sets that reduce to nothing new."""
    import proposed

    out: list[list[str]] = [[]]
    for patches in sets:
        left = [p for p in patches if not proposed.already_in(p)]
        if left and left not in out:
            out.append(left)
    return out


def largest_docx(out: Out, work: Path) -> None:
    """A .docx whose XML is just under the loader's caps: the most the loader accepts."""
    import random
    import zipfile

    from hostile_files import docx_with

    from checker.loading import DEFAULT_LIMITS

    rng = random.Random(5)
    words = [
        "cán",
        "bộ",
        "đảng",
        "viên",
        "năm",
        "người",
        "tỉnh",
        "huyện",
        "xã",
        "kết",
        "quả",
        "thực",
        "hiện",
        "nghị",
        "quyết",
        "chiếm",
        "tổng",
        "số",
    ]
    target = DEFAULT_LIMITS.max_part - corpus.MB
    paragraphs = []
    size = 0
    while size < target:
        text = " ".join(rng.choice(words) for _ in range(14)) + f" {rng.randint(1, 9999)} người."
        p = f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        paragraphs.append(p)
        size += len(p.encode())
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = f"<w:document {ns}><w:body>{''.join(paragraphs)}</w:body></w:document>".encode()
    path = docx_with(work / "largest.docx", {"word/document.xml": xml})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    ratio = info.file_size / info.compress_size
    script = work / "load.py"
    script.write_text(
        "import sys, time, resource\nfrom checker import loading\n"
        "t = time.perf_counter(); s = loading.load_path(sys.argv[1])\n"
        "print(time.perf_counter() - t, len(s.text))\n",
        encoding="utf-8",
    )
    out.line(
        f"the largest .docx the loader accepts: {len(xml) / corpus.MB:.0f} MB of document.xml (ratio {ratio:.0f}:1), {path.stat().st_size / corpus.MB:.1f} MB on disk"
    )
    for patches in pending_sets(["--offsets"]):
        cmd = [PY, str(HERE / "proposed.py"), *patches, str(script), str(path)]
        done = run(cmd, work)
        label = " ".join(patches) or "as it is"
        fields = done.stdout.decode().split()
        took, chars = (float(fields[0]), int(fields[1])) if len(fields) == 2 else (float("nan"), 0)
        out.line(
            f"  load only, {label:<10} {secs(took)}  peak {done.peak_mb:5.0f} MB  ({chars:,} characters of text)"
        )
        out.keep(f"largest docx {label}", {"load": took, "peak_mb": done.peak_mb, "chars": chars})


# -- (h) regex audit -----------------------------------------------------------------------------


def regex_audit(out: Out, work: Path, quick: bool) -> None:
    out.head(
        "h",
        "regular expressions compiled by checker/, rules/ and the grammars, against long hostile lines",
    )
    cmd = [PY, str(HERE / "redos.py"), "--json", str(work / "redos.json")] + (
        ["--quick"] if quick else []
    )
    done = run(cmd, work, timeout=1800)
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        out.line(line)
    if (work / "redos.json").is_file():
        out.keep("audit", json.loads((work / "redos.json").read_text()))


# -- main ------------------------------------------------------------------------------------------


SECTIONS = "abcdefgh"


def git_state() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.count("\n")
        return f"git {head}, {dirty} paths changed or new"
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default=SECTIONS, help="sections to run, e.g. a,c,d")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, a smaller folder")
    parser.add_argument("--json", metavar="FILE", help="also write every figure there")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder and say where"
    )
    args = parser.parse_args(argv)
    chosen = [s for s in args.only.replace(",", "") if s in SECTIONS]
    seed = corpus.SEED if corpus.SEED.is_file() else None
    repeat = 3 if args.quick else 5
    print(
        f"rasoat benchmark, {time.strftime('%Y-%m-%d %H:%M')}: Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}, load average {load_average()}"
    )
    print(f"repository {REPO} ({git_state()})")
    out = Out()
    work = Path(tempfile.mkdtemp(prefix="rasoat-bench-"))
    needs_seed = {"a": "start-up", "c": "scaling", "d": "memory", "e": "grammar", "f": "rules"}
    try:
        for key in chosen:
            if key in needs_seed and seed is None:
                print(
                    f"\n({key}) {needs_seed[key]}: skipped, the sample draft {corpus.SEED} is absent"
                )
                continue
            assert seed is not None or key in "bgh"
            step: dict[str, Callable[[], object]] = {
                "a": lambda: startup(out, work, seed, repeat),  # type: ignore[arg-type]
                "b": lambda: folder(
                    out, work, 30 if args.quick else 90, 8 / 3 if args.quick else 8
                ),
                "c": lambda: scaling(out, work, seed),  # type: ignore[arg-type]
                "d": lambda: (
                    out.head("d", "peak memory (ru_maxrss of the child) checking a 2.6 MB report"),
                    out.verdict("peak (MB)", memory(out, work, seed), 200, "MB", False),
                ),  # type: ignore[arg-type]
                "e": lambda: grammar(out, work, seed, repeat),  # type: ignore[arg-type]
                "f": lambda: rules_only(out, work, seed, repeat),  # type: ignore[arg-type]
                "g": lambda: hostile(out, work, seed),
                "h": lambda: regex_audit(out, work, args.quick),
            }
            step[key]()
    finally:
        if args.keep:
            print(f"\ninputs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average at the end: {load_average()}")
    if args.json:
        Path(args.json).write_text(json.dumps(out.figures, indent=2, default=str), encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
