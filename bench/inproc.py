"""Measurements made inside one fresh process; bench/run.py starts this script and reads the
one JSON object it prints on standard output.

    python bench/inproc.py phases FILE             where a first check of FILE spends its time
    python bench/inproc.py grammar FILE REPEAT     grammar + transformer vs reading + tokenising
    python bench/inproc.py rules FILE REPEAT       the rules alone over FILE's facts
    python bench/inproc.py check FILE TIMES        one check of FILE's text written TIMES times

Each measurement warms up first on a different document where it says so, so that one-off
costs (imports, the cached parsers, the spelling dictionary) are not counted as the cost of
checking a document, and per-text caches do not make a repeated run look cheaper than it is.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
WARM_UP = REPO / "samples" / "bao-cao-sach.txt"  # written for rasoat; never the measured file


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def best(call: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """The fastest and the median of ``repeat`` runs."""
    times = sorted(timed(call)[0] for _ in range(repeat))
    return times[0], times[len(times) // 2]


# -- phases of a first check --------------------------------------------------------------------


def phases(path: str) -> dict[str, Any]:
    """A first check of ``path`` in a fresh process, step by step, as the command line does it
    (load, extract, each rule, locate, the JSON report); the imports are timed apart."""
    out: dict[str, float] = {}
    start = time.perf_counter()
    out["import checker.cli (the command line)"], _ = timed(lambda: __import__("checker.cli"))
    t, _ = timed(lambda: __import__("checker.pipeline"))
    out["import checker.pipeline (extract, engine, lark)"] = t
    from checker import engine, loading, pipeline
    from checker import extract as extract_package
    from checker.findings import FileResult
    from checker.report import render

    t, rules = timed(engine.all_rules)
    out[f"import the {len(rules)} rules"] = t
    grammar_time = [0.0]
    real_parse = extract_package.parse_sentence

    def parse(text: str, base: int) -> Any:
        t0 = time.perf_counter()
        try:
            return real_parse(text, base)
        finally:
            grammar_time[0] += time.perf_counter() - t0

    extract_package.parse_sentence = parse  # type: ignore[assignment]
    out["load the file"], source = timed(lambda: loading.load_path(path))
    t, facts = timed(lambda: extract_package.extract(source))
    out["extract: grammar + transformer (first call loads the cached parser)"] = grammar_time[0]
    out["extract: sentences, relations, tables"] = t - grammar_time[0]
    doc = engine.Document(source, facts, engine.Settings())
    rule_times: dict[str, float] = {}
    findings: list[Any] = []
    for rule in rules:
        t, found = timed(lambda rule=rule: list(rule().check(doc)))
        rule_times[f"{rule.code} {rule.__module__.rsplit('.', 1)[-1]}"] = t
        findings.extend(found)
    out["rules (all)"] = sum(rule_times.values())
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    t, located = timed(lambda: tuple(pipeline.locate(source, f) for f in findings))
    out["locate the findings"] = t
    result = FileResult(path=path, findings=located)
    out["render the JSON report"], _ = timed(lambda: render("json", [result], lang="vi"))
    total = time.perf_counter() - start
    top = sorted(rule_times.items(), key=lambda kv: -kv[1])[:8]
    return {
        "steps": out,
        "total": total,
        "top_rules": dict(top),
        "facts": len(facts.items),
        "findings": len(findings),
        "peak_mb": peak_mb(),
    }


# -- issue 3: the grammar and the transformer ------------------------------------------------------

_WORDS = re.compile(r"\w+|[^\w\s]")


def grammar(path: str, repeat: int) -> dict[str, Any]:
    from checker import loading
    from checker.extract import extract
    from checker.extract.sentences import focus, sentences
    from checker.extract.transform import parse_sentence
    from checker.grammar import parser

    warm = loading.load_path(str(WARM_UP))
    extract(warm)
    source = loading.load_path(path)
    pieces = [p for p in sentences(source) if any(ch.isdigit() for ch in p.text)]

    def read_and_tokenise() -> int:
        text = Path(path).read_bytes().decode("utf-8")
        return len(_WORDS.findall(text))

    def grammar_and_transformer() -> int:
        return sum(parse_sentence(focus(p.text), p.start) is not None for p in pieces)

    lexer = parser("statements", "sentence")

    def lark_lexer_only() -> int:
        return sum(sum(1 for _ in lexer.lex(focus(p.text))) for p in pieces)

    parsed = grammar_and_transformer()
    share = lexer_share(grammar_and_transformer)
    base = best(read_and_tokenise, repeat)
    lexed = best(lark_lexer_only, repeat)
    gram = best(grammar_and_transformer, repeat)
    whole = best(lambda: extract(source), max(1, repeat // 2))
    return {
        "sentences": len(pieces),
        "parsed": parsed,
        "chars": len(source.text),
        "read_and_tokenise": base,
        "lark_lexer_only": lexed,
        "grammar_and_transformer": gram,
        "extract": whole,
        "lexer_share": share,
    }


def lexer_share(call: Callable[[], Any]) -> float:
    """The share of ``call``'s time spent inside the parser's contextual lexer: its ``lex``
    generator is wrapped so that each step (finding one token) is timed."""
    from checker.extract.transform import _TRANSFORMER
    from checker.grammar import parser

    lexer = parser("statements", "sentence", transformer=_TRANSFORMER).parser.lexer
    spent = [0.0]
    real = lexer.lex

    def timed_lex(lexer_state: Any, parser_state: Any) -> Any:
        tokens = real(lexer_state, parser_state)
        while True:
            start = time.perf_counter()
            try:
                token = next(tokens)
            except StopIteration:
                spent[0] += time.perf_counter() - start
                return
            spent[0] += time.perf_counter() - start
            yield token

    lexer.lex = timed_lex
    try:
        total, _ = timed(call)
    finally:
        del lexer.lex  # back to the class's method
    return spent[0] / total if total else 0.0


# -- issue 4: the rules alone -----------------------------------------------------------------------


def rules(path: str, repeat: int) -> dict[str, Any]:
    from checker import engine, loading
    from checker.extract import extract

    warm = loading.load_path(str(WARM_UP))
    engine.run(engine.Document(warm, extract(warm)), engine.all_rules())
    source = loading.load_path(path)
    doc = engine.Document(source, extract(source))
    out: dict[str, Any] = {}
    for label, select in (("numeric (N)", ["N"]), ("all", [])):
        chosen = engine.selected_rules(select)
        first, _ = timed(lambda chosen=chosen: engine.run(doc, chosen))
        low, median = best(lambda chosen=chosen: engine.run(doc, chosen), repeat)
        out[label] = {"rules": len(chosen), "first": first, "best": low, "median": median}
    per_rule = {}
    for rule in engine.all_rules():
        per_rule[rule.code] = best(lambda rule=rule: list(rule().check(doc)), 3)[0]
    out["top"] = dict(sorted(per_rule.items(), key=lambda kv: -kv[1])[:8])
    return out


# -- one check of a text written k times ---------------------------------------------------------


def check(path: str, times: int) -> dict[str, Any]:
    from checker import loading, pipeline

    warm = loading.load_path(str(WARM_UP))
    pipeline.check_source(warm)
    text = Path(path).read_text(encoding="utf-8")
    text = (text if text.endswith("\n") else text + "\n") * times
    before = peak_mb()
    seconds, located = timed(lambda: pipeline.check_source(loading.load_text(text, path)))
    return {
        "seconds": seconds,
        "chars": len(text),
        "findings": len(located),
        "peak_mb": peak_mb(),
        "peak_before_mb": before,
    }


COMMANDS: dict[str, Callable[..., dict[str, Any]]] = {
    "phases": phases,
    "grammar": grammar,
    "rules": rules,
    "check": check,
}


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(REPO))
    command, path, *rest = argv
    result = COMMANDS[command](path, *(int(x) for x in rest))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
