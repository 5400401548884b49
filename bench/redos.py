"""Audit every regular expression rasoat compiles for catastrophic backtracking on long lines.

    python bench/redos.py [--quick] [--json FILE]

1. Collect: in a child process, ``re._compile`` is wrapped to record each pattern and the
   first line of checker/ or rules/ that asked for it; then every module of checker and
   checker.rules is imported, and the whole pipeline runs over the samples, the sample draft
   (when present), a .docx and token soup, so the patterns built at run time (with
   re.escape) are caught too. The grammars' terminals are taken from the built Lark parsers
   (each terminal alone; the lexer tries their alternation at each token).
2. Probe: each pattern is run with ``finditer`` (the way search, findall, sub and a lexer
   walk a line) over strings built from its own literal characters and from classes of
   characters (letters, digits, spaces, punctuation, Vietnamese letters, combining marks):
   one character repeated, two alternating, a long run followed by a character that makes the
   match fail. The slowest strings at 256 characters are timed again at 1,024 and 4,096 (and
   16,384); the growth between the last two sizes gives the exponent (1 = linear, 2 =
   quadratic). A pattern is *risky* when it grows faster than n^1.5 and a 300,000-character
   line would take more than a second; the string is the proof input.
3. A pattern that does not finish within the budget is killed with its worker and reported as
   hanging, with the string it was given.

Patterns are attributed to the file and line that compiled them, so the owners can be told.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import queue
import re
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LONG_LINE = 300_000
BUDGET = 15.0  # seconds a worker may spend on one pattern before it is declared hanging

# -- 1. collecting the patterns ---------------------------------------------------------------------


def collect(path: Path) -> None:
    """(Child) Record every pattern compiled while importing and running rasoat."""
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "tests"))
    seen: dict[tuple[str, int], set[str]] = {}
    real = re._compile  # type: ignore[attr-defined]

    def recording(pattern: Any, flags: Any) -> Any:
        compiled = real(pattern, flags)
        if isinstance(pattern, str):
            key = (pattern, int(flags))
            if key not in seen or len(seen[key]) < 3:
                seen.setdefault(key, set()).add(_site())
        return compiled

    re._compile = recording  # type: ignore[attr-defined]
    try:
        _exercise()
    finally:
        re._compile = real  # type: ignore[attr-defined]
    records = []
    per_site: dict[str, int] = {}
    for (pattern, flags), sites in seen.items():
        ours = sorted(site for site in sites if site not in ("lark", "other"))
        if not ours:
            continue  # compiled by a library for its own use
        # a pattern built at run time (re.escape of a phrase) comes once per phrase: three
        # of each site are enough to judge its shape
        per_site[ours[0]] = per_site.get(ours[0], 0) + 1
        if per_site[ours[0]] <= 3:
            records.append({"pattern": pattern, "flags": flags, "sites": ours, "kind": "python"})
    records += _terminals()
    path.write_text(json.dumps(records), encoding="utf-8")


def _site() -> str:
    """Who asked for the pattern: the innermost caller outside the re module. A library
    (lark, pint, importlib, tokenize, ...) compiling its own pattern is not ours, even
    when our code called the library."""
    for frame in reversed(traceback.extract_stack()[:-2]):
        name = frame.filename
        if os.sep + "re" + os.sep in name or name.endswith(("sre_compile.py", "functools.py")):
            continue
        if name.startswith(str(REPO) + os.sep):
            relative = name.split(str(REPO) + os.sep, 1)[1]
            if relative.startswith(("checker" + os.sep, "rules" + os.sep)):
                return relative + f":{frame.lineno}"
            return "other"  # the tests' helpers that _exercise uses
        return "lark" if os.sep + "lark" + os.sep in name else "other"
    return "other"


def _exercise() -> None:
    import importlib
    import pkgutil
    import random
    import tempfile

    import checker.rules

    import checker
    from checker import pipeline

    # checker.__path__ also holds the repository's root (for rules/ and grammars/ in a
    # checkout): walk checker's own folder, and the rules' package, each once
    folders = [
        ([str(Path(checker.__file__).parent)], "checker."),
        (list(checker.rules.__path__), "checker.rules."),
    ]
    for path, prefix in folders:
        for info in pkgutil.walk_packages(path, prefix):
            try:
                importlib.import_module(info.name)
            except Exception as exc:  # noqa: BLE001 - a module that cannot import: say so, go on
                print(f"cannot import {info.name}: {exc}", file=sys.stderr)
    import hostile_files

    paths = sorted((REPO / "samples").rglob("*.txt")) + sorted((REPO / "samples").rglob("*.md"))
    seed = REPO.parent / "shared" / "seeds" / "000_ced5caf1edb53086.txt"
    if seed.is_file():
        paths.append(seed)
    for path in paths:
        pipeline.check_path(str(path))
    for kind in ("txt", "md"):
        for i in range(5):
            soup = hostile_files.token_soup(random.Random(i), 3000)
            pipeline.check_source(checker.loading.load_text(soup, kind=kind))
    with tempfile.TemporaryDirectory() as tmp:
        pipeline.check_path(str(hostile_files.base_docx(Path(tmp) / "a.docx")))


def _terminals() -> list[dict[str, Any]]:
    from checker.grammar import parser

    out: dict[tuple[str, int], dict[str, Any]] = {}
    for grammar, start in (("statements", "sentence"), ("numbers", "number")):
        for term in parser(grammar, start).terminals:
            pattern = term.pattern.to_regexp()
            flags = 0
            for flag in term.pattern.flags:
                flags |= getattr(re, flag.upper())
            site = f"grammars/{grammar}.lark: {term.name}"
            out.setdefault(
                (pattern, flags),
                {"pattern": pattern, "flags": flags, "sites": [site], "kind": "lark terminal"},
            )
    return list(out.values())


# -- 2. probing ---------------------------------------------------------------------------------------

CLASSES = ["a", "A", "1", ".", ",", "/", "-", "%", "(", ")", "[", "]", ":", "đ", "ệ", "́"] + [
    " ",
    "\n",
]
_META = set("\\^$.|?*+()[]{}")


def alphabet(pattern: str) -> list[str]:
    """Literal characters of the pattern first, then one of each class of character."""
    literal: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if not nxt.isalnum():
                literal.append(nxt)
            i += 2
            continue
        if ch not in _META:
            literal.append(ch)
        i += 1
    chars = list(dict.fromkeys(literal))[:10] + CLASSES
    return list(dict.fromkeys(chars))


def probes(pattern: str, quick: bool) -> list[tuple[str, Any]]:
    """(description, builder n -> string) pairs."""
    chars = alphabet(pattern)
    out: list[tuple[str, Any]] = []
    for c in chars:
        out.append((f"{c!r} * n", lambda n, c=c: c * n))
        out.append((f"{c!r} * n + '!'", lambda n, c=c: c * n + "!"))
    pairs = list(itertools.permutations(chars[:12] if quick else chars, 2))
    for a, b in pairs:
        out.append((f"({a + b!r}) * n/2", lambda n, a=a, b=b: (a + b) * (n // 2)))
    for a, b, c in ((" ", "1", "."), ("1", ".", ","), ("a", " ", "1"), ("(", "a", " ")):
        out.append((f"({a + b + c!r}) * n/3", lambda n, a=a, b=b, c=c: (a + b + c) * (n // 3)))
    return out


def time_once(compiled: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    for _ in compiled.finditer(text):
        pass
    return time.perf_counter() - start


def probe(record: dict[str, Any], quick: bool, say: Any) -> dict[str, Any]:
    compiled = re.compile(record["pattern"], record["flags"])
    candidates = probes(record["pattern"], quick)
    first: list[tuple[float, str, Any]] = []
    for desc, build in candidates:
        say({"probe": desc, "n": 256})
        first.append((time_once(compiled, build(256)), desc, build))
    first.sort(key=lambda x: -x[0])
    worst: dict[str, Any] = {"exponent": 0.0, "t300k": 0.0, "probe": None}
    for t256, desc, build in first[:3]:
        sizes = [256, 1024, 4096, 16384]
        times: list[float] = [t256]
        for n in sizes[1:]:
            say({"probe": desc, "n": n})
            t = time_once(compiled, build(n))
            if t < 0.05:  # too quick to trust one run
                t = min(t, time_once(compiled, build(n)))
            times.append(t)
            if t > 0.5:
                break
        n_a, n_b = sizes[len(times) - 2], sizes[len(times) - 1]
        t_a, t_b = max(times[-2], 1e-6), max(times[-1], 1e-6)
        exponent = math.log(t_b / t_a) / math.log(n_b / n_a) if t_b > 2e-4 else 1.0
        t300k = t_b * (LONG_LINE / n_b) ** max(exponent, 1.0)
        if t300k > worst["t300k"]:
            worst = {
                "exponent": round(exponent, 2),
                "t300k": t300k,
                "probe": desc,
                "n": n_b,
                "seconds": t_b,
            }
    return worst


_METHODS = r"(match|fullmatch|search|finditer|findall|sub|subn|split)"
SCANS = {"search", "finditer", "findall", "sub", "subn", "split"}


def usage(site: str) -> set[str]:
    """How the code at ``site`` uses its pattern: the re methods called on it. A pattern
    compiled into a name is followed to every ``NAME.method(`` of its file; a pattern kept
    in a list (no name) gets the methods the file calls on any pattern, marked "~"."""
    file, _, line = site.partition(":")
    path = REPO / file
    if not path.is_file() or not line.isdigit():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    at = int(line) - 1
    direct = re.search(r"re\." + _METHODS + r"\(", lines[at])
    if direct:
        return {direct.group(1)}
    for k in range(at, max(at - 4, -1), -1):
        named = re.match(r"\s*(\w+)(?:\s*:[^=]+)?\s*=\s*re\.compile\(", lines[k])
        if named:
            text = "\n".join(lines)
            return set(re.findall(r"\b" + named.group(1) + r"\." + _METHODS + r"\(", text))
    text = "\n".join(lines)
    return {"~" + m for m in re.findall(r"\." + _METHODS + r"\(", text)}


def match_growth(compiled: re.Pattern[str], desc: str, build: Any, method: str) -> dict[str, Any]:
    """The growth of one call of ``method`` (match or fullmatch) at the string's start."""
    call = getattr(compiled, method)
    sizes, times = [128, 256, 1024, 4096, 16384], []
    for n in sizes:
        text = build(n)
        start = time.perf_counter()
        call(text)
        times.append(time.perf_counter() - start)
        if times[-1] > 0.5 and len(times) >= 2:
            break
    n_a, n_b = sizes[len(times) - 2], sizes[len(times) - 1]
    t_a, t_b = max(times[-2], 1e-6), max(times[-1], 1e-6)
    exponent = math.log(t_b / t_a) / math.log(n_b / n_a) if t_b > 2e-4 else 1.0
    return {
        "exponent": round(exponent, 2),
        "t300k": t_b * (LONG_LINE / n_b) ** max(exponent, 1.0),
        "probe": desc,
        "n": n_b,
        "seconds": t_b,
    }


def through_parser(desc: str, build: Any) -> dict[str, Any]:
    """A terminal's probe string given to the real sentence parser (the lexer tries the
    terminals at each token start, and most failing scans end in a token it consumes)."""
    sys.path.insert(0, str(REPO))
    from checker.extract.transform import MAX_SENTENCE_CHARS, parse_sentence

    parse_sentence("Đạt 5%.", 0)
    sizes = [n for n in (1024, 4096, 16384) if n < MAX_SENTENCE_CHARS]
    times = []
    for n in sizes:
        start = time.perf_counter()
        parse_sentence(build(n), 0)
        times.append(time.perf_counter() - start)
    t_a, t_b = max(times[-2], 1e-6), max(times[-1], 1e-6)
    exponent = math.log(t_b / t_a) / math.log(sizes[-1] / sizes[-2]) if t_b > 2e-3 else 1.0
    return {
        "exponent": round(exponent, 2),
        "seconds": t_b,
        "n": sizes[-1],
        "probe": desc,
        "bound": MAX_SENTENCE_CHARS,
    }


def as_used(record: dict[str, Any], result: dict[str, Any], quick: bool) -> dict[str, Any]:
    """What the probe means where the pattern is used."""
    if result.get("probe") is None:
        return {}
    build = dict(probes(record["pattern"], quick)).get(result["probe"])
    if build is None:
        return {}
    if record["kind"] == "lark terminal":
        return {"parser": through_parser(result["probe"], build)}
    methods = set().union(*(usage(site) for site in record["sites"]))
    out: dict[str, Any] = {"methods": sorted(methods)}
    plain = {m.lstrip("~") for m in methods}
    if plain and plain <= {"match", "fullmatch"}:
        compiled = re.compile(record["pattern"], record["flags"])
        out["match"] = match_growth(compiled, result["probe"], build, min(plain))
    return out


def worker(patterns_file: Path, start: int, quick: bool) -> None:
    """(Child) Probe the patterns from ``start`` on, one JSON line per step."""
    records = json.loads(patterns_file.read_text(encoding="utf-8"))
    for i in range(start, len(records)):

        def say(what: dict[str, Any], i: int = i) -> None:
            print(json.dumps({"i": i, **what}), flush=True)

        say({"start": True})
        result = probe(records[i], quick, say)
        if result.get("exponent", 0) > 1.5 and result.get("t300k", 0) > 1.0:
            result["used"] = as_used(records[i], result, quick)
        say({"done": result})


# -- 3. the parent: workers under a watchdog ------------------------------------------------------


def audit(quick: bool) -> list[dict[str, Any]]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        patterns_file = Path(tmp) / "patterns.json"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        subprocess.run(
            [sys.executable, __file__, "--collect", str(patterns_file)],
            check=True,
            env=env,
            cwd=tmp,
        )
        records: list[dict[str, Any]] = json.loads(patterns_file.read_text(encoding="utf-8"))
        start = 0
        while start < len(records):
            start = _supervise(records, patterns_file, start, quick, env, tmp)
        for i, record in enumerate(records):
            if record.get("result", {}).get("hang"):
                _follow_up(records, patterns_file, i, quick, env, tmp)
    return records


def _follow_up(
    records: list[dict[str, Any]],
    patterns_file: Path,
    i: int,
    quick: bool,
    env: dict[str, str],
    tmp: str,
) -> None:
    """For a pattern that hung while scanning: does it hang the way the code uses it (one
    match, or the real parser)? In a child, under the same budget."""
    (patterns_file.parent / "hang.json").write_text(
        json.dumps(records[i]["result"]), encoding="utf-8"
    )
    cmd = [sys.executable, __file__, "--used", str(patterns_file), str(i)] + (
        ["--quick"] if quick else []
    )
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=env, cwd=tmp, timeout=BUDGET, check=False
        )
        used = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {}
    except subprocess.TimeoutExpired:
        used = {"hangs_as_used": True}
    records[i]["result"]["used"] = {**records[i]["result"].get("used", {}), **used}


def _supervise(
    records: list[dict[str, Any]],
    patterns_file: Path,
    start: int,
    quick: bool,
    env: dict[str, str],
    tmp: str,
) -> int:
    cmd = [sys.executable, __file__, "--worker", str(patterns_file), str(start)] + (
        ["--quick"] if quick else []
    )
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=tmp)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    current, began, last = start, time.monotonic(), {}
    while True:
        try:
            line = lines.get(timeout=1.0)
        except queue.Empty:
            line = ""
        if line is None:
            proc.wait()
            return len(records) if current >= len(records) - 1 else current + 1
        if line:
            msg = json.loads(line)
            if "start" in msg:
                current, began = msg["i"], time.monotonic()
            elif "done" in msg:
                records[msg["i"]]["result"] = msg["done"]
            else:
                last = msg
        if time.monotonic() - began > BUDGET:
            proc.kill()
            proc.wait()
            methods = set().union(*(usage(site) for site in records[current]["sites"]))
            records[current]["result"] = {
                "hang": True,
                "probe": last.get("probe"),
                "n": last.get("n"),
                "budget": BUDGET,
                "used": {"methods": sorted(methods)},
            }
            return current + 1


def verdict(record: dict[str, Any]) -> str:
    """ "risky" (superlinear the way the code uses it), "safe as used" (superlinear only
    when scanning, and the code only matches at one place, linearly; or a terminal the
    parser handles linearly), or "" (linear)."""
    res = record.get("result", {})
    if not (res.get("hang") or (res.get("exponent", 0) > 1.5 and res.get("t300k", 0) > 1.0)):
        return ""
    used = res.get("used", {})
    if used.get("hangs_as_used"):
        return "risky"
    if "parser" in used:
        return "safe as used" if used["parser"]["exponent"] <= 1.3 else "risky"
    if "match" in used:
        one = used["match"]
        return "safe as used" if one["exponent"] <= 1.3 or one["t300k"] < 1.0 else "risky"
    return "risky"


def summarise(records: list[dict[str, Any]]) -> dict[str, Any]:
    for r in records:
        r["verdict"] = verdict(r)
    flagged = [r for r in records if r["verdict"]]
    flagged.sort(key=lambda r: (r["verdict"] != "risky", -(r["result"].get("t300k") or 1e9)))
    python = sum(1 for r in records if r["kind"] == "python")
    return {
        "patterns": len(records),
        "python": python,
        "terminals": len(records) - python,
        "risky": [r for r in flagged if r["verdict"] == "risky"],
        "safe_as_used": [r for r in flagged if r["verdict"] == "safe as used"],
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--collect", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--worker", nargs=2, metavar=("FILE", "START"), help=argparse.SUPPRESS)
    parser.add_argument("--used", nargs=2, metavar=("FILE", "INDEX"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.used:
        records = json.loads(Path(args.used[0]).read_text(encoding="utf-8"))
        hang = json.loads((Path(args.used[0]).parent / "hang.json").read_text(encoding="utf-8"))
        print(json.dumps(as_used(records[int(args.used[1])], hang, args.quick)))
        return 0
    if args.collect:
        collect(Path(args.collect))
        return 0
    if args.worker:
        worker(Path(args.worker[0]), int(args.worker[1]), args.quick)
        return 0
    started = time.perf_counter()
    records = audit(args.quick)
    summary = summarise(records)
    print(
        f"{summary['patterns']} patterns ({summary['python']} compiled by Python code, "
        f"{summary['terminals']} grammar terminals), probed in {time.perf_counter() - started:.0f} s"
    )
    owned = ("checker/loading.py",)
    if not summary["risky"]:
        print("no pattern grows faster than n^1.5, the way it is used, on a 300,000-character line")
    for r in summary["risky"] + summary["safe_as_used"]:
        res = r["result"]
        sites = ", ".join(r["sites"])
        mine = (
            " (this audit's owner's file)" if any(s.startswith(owned) for s in r["sites"]) else ""
        )
        if res.get("hang"):
            scan = f"HANGS (> {res['budget']:.0f} s) on {res['probe']} with n={res['n']}"
        else:
            scan = (
                f"n^{res['exponent']:.1f}: {res['seconds']:.2f} s at n={res['n']} on {res['probe']}, "
                f"about {res['t300k']:.0f} s on a 300,000-character line"
            )
        used = res.get("used", {})
        print(f"{r['verdict'].upper()}: {sites}{mine}")
        print(
            f"      /{r['pattern'][:150]}{'...' if len(r['pattern']) > 150 else ''}/ flags={r['flags']}"
        )
        print(f"      scanning (finditer): {scan}")
        if used.get("methods"):
            print(f"      used with: {', '.join(used['methods'])} (~ = some pattern of that file)")
        if used.get("hangs_as_used"):
            print(f"      the way the code uses it, it hangs too (> {BUDGET:.0f} s)")
        if "match" in used:
            m = used["match"]
            print(
                f"      one match at the start: n^{m['exponent']:.1f}, {m['seconds']:.3f} s at n={m['n']}"
            )
        if "parser" in used:
            m = used["parser"]
            print(
                f"      through parse_sentence (sentences are cut at {m['bound']:,} characters): "
                f"n^{m['exponent']:.1f}, {m['seconds']:.3f} s at n={m['n']}"
            )
    if args.json:
        Path(args.json).write_text(
            json.dumps({**summary, "all": records}, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
