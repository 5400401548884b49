"""Build the Lark parsers once, from the grammar files shipped in ``checker.grammars``.

Building the contextual lexer validates every terminal against every other; with the
optional ``interegular`` package installed that takes seconds. The built parser is therefore
cached on disk (Lark's own cache, checked against a hash of the grammar and of Lark's
version) in the user's cache folder: ``$XDG_CACHE_HOME/rasoat`` or ``~/.cache/rasoat``. Set
``RASOAT_NO_CACHE=1`` to build in memory every time. Strict builds (the grammar's build
test) are never cached.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lark import Lark, Transformer

import checker.grammars as _grammars

GRAMMAR_DIR = Path(_grammars.__file__).resolve().parent

NUMBER_STARTS = ("number", "percent", "ratio", "year_span", "date", "money")
STATEMENT_STARTS = (
    "sentence",
    "quantity",
    "share",
    "rate",
    "delta",
    "multiple",
    "ratio",
    "term",
    "date",
    "reference",
    "group",
)


def _cache_file(grammar: str, start: str) -> str | bool:
    if os.environ.get("RASOAT_NO_CACHE"):
        return False
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "rasoat"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    return str(folder / f"{grammar}-{start}.lark-cache")


@lru_cache(maxsize=None)
def parser(
    grammar: str, start: str, strict: bool = False, transformer: Transformer | None = None
) -> Lark:
    """The LALR parser of ``grammars/<grammar>.lark`` for one start symbol.

    ``strict=True`` makes any grammar conflict or terminal collision an error (the build
    test uses it; it needs the ``interegular`` package). A ``transformer`` is applied while
    parsing (Lark's LALR option), so no tree is built: the facts step uses it for speed.
    Tokens keep their positions; tree nodes carry none (the transformer computes spans).
    """
    return Lark.open(
        str(GRAMMAR_DIR / f"{grammar}.lark"),
        parser="lalr",
        lexer="contextual",
        start=start,
        maybe_placeholders=False,
        strict=strict,
        transformer=transformer,
        cache=False if strict else _cache_file(grammar, start),
    )


def strict_build(grammar: str) -> Lark:
    """Build a grammar with all its start symbols in strict mode: any conflict or terminal
    collision raises. Used by the grammar's build test; never cached."""
    starts = NUMBER_STARTS if grammar == "numbers" else STATEMENT_STARTS
    return Lark.open(
        str(GRAMMAR_DIR / f"{grammar}.lark"),
        parser="lalr",
        lexer="contextual",
        start=list(starts),
        maybe_placeholders=False,
        strict=True,
    )
