"""The changes the benchmark proposes in files it does not own, applied by patching, so
their effect can be measured before anyone edits those files.

    python bench/proposed.py [--bound] [--offsets] [--lines] [--regex] [--glue] -m checker check FILE ...
    python bench/proposed.py [--bound] [--offsets] [--lines] [--regex] [--glue] SCRIPT.py ARGS ...

Each patch is the exact change proposed in docs/performance.md ("Proposed changes"); when
the real code already has it (the lead applied it), the patch is a no-op and says so on
stderr. Only this process is patched; nothing is written anywhere.
"""

from __future__ import annotations

import runpy
import sys
import unicodedata
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

# -- 1. a bound on each sentence's parse (checker/extract/transform.py) -----------------------

MAX_SENTENCE_CHARS = 5_000  # the sample draft's longest sentence has 1,451 characters
MAX_SENTENCE_FIGURES = 200  # ... and at most 36 figures
MAX_BRACKET_DEPTH = 50  # ... and brackets at most 2 deep


def figures(text: str) -> int:
    """Words that hold a digit: what the extractor's cost grows with (quadratically)."""
    return sum(1 for word in text.split() if any(ch.isdigit() for ch in word))


def bracket_depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")" and depth:
            depth -= 1
    return deepest


def apply_sentence_bound() -> str:
    import checker.extract as extract_package
    from checker.extract import transform

    if hasattr(transform, "MAX_SENTENCE_CHARS"):
        return "sentence bound: already in checker/extract/transform.py"
    original = transform.parse_sentence

    def parse_sentence(text: str, base: int) -> Any:
        if len(text) > MAX_SENTENCE_CHARS or figures(text) > MAX_SENTENCE_FIGURES:
            return None  # not prose: recorded as a sentence that did not parse
        if bracket_depth(text) > MAX_BRACKET_DEPTH:
            text = text.replace("(", " ").replace(")", " ")
        return original(text, base)

    transform.parse_sentence = parse_sentence
    extract_package.parse_sentence = parse_sentence  # the name extract() calls
    return "sentence bound: patched"


# -- 2. compact offset maps (checker/source.py) -------------------------------------------------


class _Offsets(array):  # type: ignore[type-arg]
    """An array that a frozen dataclass can hash. The proposal declares the field
    ``offsets: Sequence[int] = field(compare=False)`` instead (the map follows from
    ``original``, so equality and hashing need not look at it: rules cache on Source)."""

    def __hash__(self) -> int:
        return 0


def apply_compact_offsets() -> str:
    """Offsets as ``range`` (nothing composed, the usual case) or ``array('q')`` instead of
    lists and tuples of Python ints (36 bytes per character, three times over)."""
    import re

    from checker import source

    if isinstance(source.normalise("abc")[1], range):
        return "compact offsets: already in checker/source.py"
    combining = source._COMBINING

    def normalise(original: str) -> tuple[str, Sequence[int]]:
        if unicodedata.is_normalized("NFC", original):
            return original, range(len(original) + 1)
        out: list[str] = []
        offsets = _Offsets("q")
        pos = 0
        for m in combining.finditer(original):
            i, j = m.span()
            if i > pos:
                out.append(original[pos:i])
                offsets.extend(range(pos, i))
            run = original[i:j]
            norm = unicodedata.normalize("NFC", run)
            out.append(norm)
            offsets.extend(range(i, j) if len(norm) == len(run) else [i] * len(norm))
            pos = j
        out.append(original[pos:])
        offsets.extend(range(pos, len(original)))
        offsets.append(len(original))
        text = "".join(out)
        if text != unicodedata.normalize("NFC", original):
            general, offs = source._normalise_by_runs(original)
            return general, _Offsets("q", offs)
        return text, offsets

    def inverse(offsets: Sequence[int], original_length: int) -> Sequence[int]:
        if len(offsets) == original_length + 1:
            return range(original_length + 1)
        inv = array("q", bytes(8 * (original_length + 1)))
        j = len(offsets) - 1
        for orig in range(original_length, -1, -1):
            while j > 0 and offsets[j - 1] >= orig:
                j -= 1
            inv[orig] = j
        return inv

    def build(path, original, segments=None, kind="txt", markers=None):  # type: ignore[no-untyped-def]
        text, offsets = normalise(original)
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", original))
        to_nfc = inverse(offsets, len(original))
        segs = [
            source.Segment(k, to_nfc[s], to_nfc[e], n, None if r is None else to_nfc[r])
            for k, s, e, n, r in segments
            or [(source.SegmentKind.BODY, 0, len(original), None, None)]
        ]
        marks = tuple((to_nfc[s], to_nfc[e]) for s, e in markers or ())
        return source.Source(path, original, text, offsets, tuple(segs), kind, marks, tuple(starts))

    source.normalise = normalise
    source._inverse = inverse
    source.Source.build = staticmethod(build)  # type: ignore[method-assign]
    return "compact offsets: patched"


# -- 3. one copy of each source line (checker/pipeline.py) --------------------------------------


def apply_shared_lines() -> str:
    """``locate`` copies the whole source line into every finding: 20,000 findings on one
    line of 160,000 characters are 3.2 billion characters. Proposed: ``check_source`` keeps
    one copy per line (a dict passed to ``locate``); simulated here by memoising
    ``Source.line_text`` for the latest Source."""
    import inspect

    from checker import pipeline, source

    if "lines" in inspect.signature(pipeline.locate).parameters:
        return "shared source lines: already in checker/pipeline.py"
    real = source.Source.line_text
    memo: dict[str, Any] = {"source": None, "lines": {}}

    def line_text(self: Any, line: int) -> str:
        if memo["source"] is not self:
            memo["source"], memo["lines"] = self, {}
        lines: dict[int, str] = memo["lines"]
        if line not in lines:
            lines[line] = real(self, line)
        return lines[line]

    source.Source.line_text = line_text  # type: ignore[method-assign]
    return "shared source lines: patched"


# -- 4. the regular expressions the audit found superlinear (bench/regex_fixes.py) ---------------


def apply_regex_fixes() -> str:
    """Swap each pattern for its rewrite (same matches, checked by bench/regex_fixes.py):
    the compiled module attributes directly, and the patterns written inline in
    rules/xref/lists.py through a stand-in for that module's ``re``."""
    import re
    import types

    sys.path.insert(0, str(Path(__file__).parent))
    from regex_fixes import compiled_fixes

    fixes = compiled_fixes()
    swapped = 0

    def fixed(pattern: re.Pattern[str]) -> re.Pattern[str]:
        nonlocal swapped
        if pattern.pattern in fixes:
            swapped += 1
            return re.compile(fixes[pattern.pattern], pattern.flags)
        return pattern

    import checker.rules.form.parse as form_parse
    import checker.rules.text.punctuation_space as punctuation
    from checker.rules.text import encoding
    from checker.rules.xref import lists

    for module in (form_parse, punctuation, lists):
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                setattr(module, name, fixed(value))
    encoding._SIGNS = tuple((*sign[:4], fixed(sign[4])) for sign in encoding._SIGNS)
    proxy = types.SimpleNamespace(**{k: getattr(re, k) for k in dir(re) if not k.startswith("__")})
    proxy.match = lambda pattern, text, flags=0: re.match(fixes.get(pattern, pattern), text, flags)
    proxy.split = lambda pattern, text, maxsplit=0, flags=0: re.split(
        fixes.get(pattern, pattern), text, maxsplit=maxsplit, flags=flags
    )
    lists.re = proxy  # type: ignore[assignment]
    return (
        f"regex fixes: {swapped} compiled patterns swapped, inline ones in lists.py through a proxy"
    )


# -- 5. glued words: never try to split a token longer than two syllables (rules/text/glue.py) -----


def apply_glue_bound() -> str:
    """A Vietnamese syllable has at most 7 letters ("nghiêng"), so two glued ones at most 14;
    word_split tries every cut of the token (quadratic: a 20,000-letter token, 3 seconds)."""
    from checker.rules.text import glue, glued_words, spelling

    real = glue.word_split

    def word_split(tokens: Any, i: int, lex: Any) -> int | None:
        if len(tokens.items[i].text) > 14:
            return None
        return real(tokens, i, lex)

    glue.word_split = word_split
    glued_words.word_split = word_split
    spelling.word_split = word_split
    return "glue bound: patched"


PATCHES = {
    "--bound": apply_sentence_bound,
    "--offsets": apply_compact_offsets,
    "--lines": apply_shared_lines,
    "--regex": apply_regex_fixes,
    "--glue": apply_glue_bound,
}


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(REPO))
    while argv and argv[0] in PATCHES:
        print(PATCHES[argv.pop(0)](), file=sys.stderr)
    if argv[:1] == ["-m"]:
        sys.argv = [argv[1], *argv[2:]]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = argv
        runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])


def already_in(flag: str) -> bool:
    """Whether the change behind ``flag`` is already in the code (its patch is a no-op)."""
    import contextlib
    import io

    sys.path.insert(0, str(REPO))
    if flag not in ("--bound", "--lines", "--offsets"):
        return False  # the rewrites of --regex and --glue cannot be recognised: always measured
    with contextlib.redirect_stdout(io.StringIO()):
        said = PATCHES[flag]() if flag != "--offsets" else _offsets_state()
    return "already" in said


def _offsets_state() -> str:
    from checker import source

    return "already" if isinstance(source.normalise("abc")[1], range) else "not yet"
