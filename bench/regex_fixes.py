"""The rewrites proposed for the regular expressions the audit (bench/redos.py) found
superlinear where they are used, checked two ways:

    python bench/regex_fixes.py

- the same results: old and new pattern give the same matches, with the same group spans,
  on 20,000 random strings of the characters that matter to each pattern;
- the time on a proof input: the old pattern in a child process killed after 10 s, the new
  one here.

Each rewrite removes an ambiguity without changing what matches: a lookbehind so that a
scan tries a run of letters or spaces only from its start (every later start in the run
would fail the same way), a lookahead that makes a run of letters in a repeated group
maximal, or a lookahead after ``\\s*`` so that it never gives back spaces to a group that
may start with one.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TCVN3 = "¸µ¶·¹¨©ª«¬®§¦¤¥æçîðÞßåÆÅÄÇËÎÏÐÑÖØÛÜüþÿ£¢¯»"  # as in rules/text/encoding.py
_TAIL = "ÌÍÒÓÔÕÙÚÝèéêìíóôõùúýâãàáäëïñöøû\u00ad"


@dataclass(frozen=True)
class Fix:
    """One pattern, where it is, how it is used, and its rewrite."""

    site: str
    old: str
    new: str
    method: str  # how the code uses it: finditer, fullmatch, match, split, sub
    alphabet: tuple[str, ...]  # pieces the random strings are made of
    proof: str  # an input that shows the old pattern's cost (Python expression)
    flags: int = 0


FIXES: tuple[Fix, ...] = (
    Fix(
        "rules/text/punctuation_space.py:20 SPACE_BEFORE",
        r"[ \u00a0]+([,;:!?]|\.(?!\.))",
        r"(?<![ \u00a0])[ \u00a0]+([,;:!?]|\.(?!\.))",
        "finditer",
        (" ", "\u00a0", ",", ";", ":", "!", "?", ".", "a", "x"),
        "' ' * 20000 + 'x'",
    ),
    Fix(
        "rules/form/parse.py:179 _COLUMN",
        r" {3,}(?=(?:cong\s*hoa\s+xa\s+hoi|doc\s*lap|dang\s+cong\s+san|[^\s,]+(?: [^\s,]+){0,4}, ngay\b))",
        r"(?<! ) {3,}(?=(?:cong\s*hoa\s+xa\s+hoi|doc\s*lap|dang\s+cong\s+san|[^\s,]+(?: [^\s,]+){0,4}, ngay\b))",
        "finditer",
        (" ", "a", ",", " ngay", "cong hoa xa hoi", "x"),
        "' ' * 20000 + 'x'",
    ),
    Fix(
        "rules/form/parse.py:168 _DATE",
        r"(?P<place>[^,]*?)\s*(?P<comma>,)?\s*ngay\s*(?P<d>[0-9]+|[.…_ ]*?)\s*"
        r"thang\s*(?P<m>[0-9]+|[.…_ ]*?)\s*nam\s*(?P<y>[0-9]{4}|[.…_ ]*?)\s*",
        r"(?P<place>(?:[^,]*?[^,\s])?)\s*(?:(?P<comma>,)\s*)?"
        r"ngay\s*(?!\s)(?P<d>[0-9]+|(?:[.…_ ]*?[.…_])?)(?:(?<=\S)\s*)?"
        r"thang\s*(?!\s)(?P<m>[0-9]+|(?:[.…_ ]*?[.…_])?)(?:(?<=\S)\s*)?"
        r"nam\s*(?!\s)(?P<y>[0-9]{4}|(?:[.…_ ]*?[.…_])?)(?:(?<=\S)\s*)?",
        "fullmatch",
        (" ", "  ", "\n", "ha noi", ",", "ngay", "thang", "nam", "05", "2020", ".", "…", "_", "x"),
        "'ha noi' + ' ' * 2000 + 'x'",
    ),
    Fix(
        "rules/text/encoding.py:38 (UTF-8 as Windows-1252)",
        r"\S*(?:á»|áº|Ä‘|Ä\x90|Æ°|Æ¡|Ã¡|Ã |Ã¢|Ãª|Ã´)\S*",
        r"(?<!\S)\S*(?:á»|áº|Ä‘|Ä\x90|Æ°|Æ¡|Ã¡|Ã |Ã¢|Ãª|Ã´)\S*",
        "finditer",
        ("á", "»", "Ä", "‘", "Ã", "Æ", "°", " ", "a", "ª", "x"),
        "'áÄ' * 10000",
    ),
    Fix(
        "rules/text/encoding.py:45 (TCVN3)",
        rf"[A-Za-z]*[{TCVN3}][A-Za-z{TCVN3}{_TAIL}]*",
        rf"(?<![A-Za-z])[A-Za-z]*[{TCVN3}][A-Za-z{TCVN3}{_TAIL}]*",
        "finditer",
        ("a", "B", "¸", "µ", "Ì", "è", " ", "1", "\u00ad"),
        "'az' * 10000",
    ),
    Fix(
        "rules/text/encoding.py:52 (VNI)",
        r"[A-Za-z]*(?:[aeiouyAEIOUY][øïûäë]|ñ|ö|[aeoAEO][âê])[A-Za-zøïûäëñöâêùõô]*",
        r"(?<![A-Za-z])[A-Za-z]*(?:[aeiouyAEIOUY][øïûäë]|ñ|ö|[aeoAEO][âê])[A-Za-zøïûäëñöâêùõô]*",
        "finditer",
        ("a", "o", "ø", "ñ", "â", "x", " ", "ù"),
        "'io' * 10000",
    ),
    Fix(
        "rules/xref/lists.py:25 _GAP",
        r"^[^\S\n]*(?:[^\W\d_]+[^\S\n]*){0,4}:?[^\S\n]*$",
        r"^[^\S\n]*(?:[^\W\d_]+(?![^\W\d_])[^\S\n]*){0,4}:?[^\S\n]*$",
        "match",
        ("a", "bc", " ", ":", "\n", "1", "ệ", "!"),
        "'a' * 300 + '!'",
    ),
    Fix(
        "rules/xref/lists.py:115 inline_list",
        r"^[^\S\n]*(?:[^\W\d_]+[^\S\n]*){0,4}:",
        r"^[^\S\n]*(?:[^\W\d_]+(?![^\W\d_])[^\S\n]*){0,4}:",
        "match",
        ("a", "bc", " ", ":", "\n", "1", "ệ", "!"),
        "'a' * 300 + '!'",
    ),
    Fix(
        "rules/xref/lists.py:147 (bracketed names)",
        r"^[^\S\n]*(?:[^\W\d_]+[^\S\n]*){0,3}\(",
        r"^[^\S\n]*(?:[^\W\d_]+(?![^\W\d_])[^\S\n]*){0,3}\(",
        "match",
        ("a", "bc", " ", "(", "\n", "1", "ệ", "!"),
        "'a' * 60",  # the code cuts its input at 60 characters
    ),
    Fix(
        "rules/xref/lists.py:170 (the last item's 'và')",
        r"\s+và\s+",
        r"(?<!\s)\s+và\s+",
        "split",
        (" ", "\n", "và", "a", "v"),
        "' ' * 20000 + 'x'",
    ),
)


def outcome(pattern: object, method: str, text: str) -> object:
    import re

    assert isinstance(pattern, re.Pattern)
    if method == "finditer":
        return [m.regs for m in pattern.finditer(text)]
    if method == "split":
        return pattern.split(text, maxsplit=1)
    found = getattr(pattern, method)(text)
    return None if found is None else found.regs


def differences(fix: Fix, tries: int = 20_000, seed: int = 1) -> tuple[int, str | None]:
    import re

    old, new = re.compile(fix.old, fix.flags), re.compile(fix.new, fix.flags)
    rng = random.Random(seed)
    count, first = 0, None
    for _ in range(tries):
        text = "".join(rng.choice(fix.alphabet) for _ in range(rng.randint(0, 12)))
        if outcome(old, fix.method, text) != outcome(new, fix.method, text):
            count += 1
            first = first or text
    return count, first


def old_time(fix: Fix, timeout: float = 10.0) -> float | None:
    """Seconds of the old pattern on the proof input, in a child; None when killed."""
    here = str(Path(__file__).parent)
    code = (
        f"import re, time, sys; sys.path.insert(0, {here!r}); from regex_fixes import outcome\n"
        f"p = re.compile({fix.old!r}, {fix.flags}); text = {fix.proof}\n"
        f"t = time.perf_counter(); outcome(p, {fix.method!r}, text); print(time.perf_counter() - t)"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.strip())


def new_time(fix: Fix) -> float:
    import re

    pattern = re.compile(fix.new, fix.flags)
    text = eval(fix.proof)
    start = time.perf_counter()
    outcome(pattern, fix.method, text)
    return time.perf_counter() - start


def compiled_fixes() -> dict[str, str]:
    """old pattern -> new pattern, for bench/proposed.py's --regex patch."""
    return {fix.old: fix.new for fix in FIXES}


def main() -> int:
    print(
        f"{'where':<48} {'used with':<10} {'diffs':>5}   {'old on the proof':>17}   {'new':>9}   proof input"
    )
    for fix in FIXES:
        count, first = differences(fix)
        old = old_time(fix)
        new = new_time(fix)
        old_text = "> 10 s (killed)" if old is None else f"{old:8.3f} s"
        print(
            f"{fix.site:<48} {fix.method:<10} {count:>5}   {old_text:>17}   {new * 1000:6.1f} ms   {fix.proof}"
        )
        if first is not None:
            print(f"    differs on {first!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
