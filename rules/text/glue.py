"""Where a token is two words written without the space between them.

Shared by the glued-word rule (which reports it) and the spelling analysis (which then does
not report the token as a broken syllable).
"""

from __future__ import annotations

from checker.rules.text.lexicon import Lexicon
from checker.rules.text.syllable import key, parse
from checker.rules.text.tokens import Tokens


def code_split(tokens: Tokens, i: int) -> int | None:
    """"TUngày" -> 2: capitals of a code, then a lower-case Vietnamese word of 2+ letters."""
    word = tokens.items[i].text
    k = 0
    while k < len(word) and word[k].isupper():
        k += 1
    rest = word[k:]
    if k < 2 or len(rest) < 2 or not rest.islower() or not parse(rest).valid:
        return None
    return k


def word_split(tokens: Tokens, i: int, lex: Lexicon) -> int | None:
    """"ủykiểm" -> 2: two valid syllables, with two tone marks or the dictionary's support."""
    tok = tokens.items[i]
    word = tok.text
    if parse(word).valid or len(word) < 3 or len(word) > 14:
        # two Vietnamese syllables glued together are at most 14 letters ("nghiêngnghiêng");
        # a longer token is something else, and trying every cut of it costs seconds
        return None
    case = tokens.case(i)
    if case == "upper":
        return None
    splits = range(1, len(word))
    if case == "mixed":
        # only "ủyKiểm": one capital after the first letter, starting the second word
        caps = [k for k, ch in enumerate(word) if ch.isupper() and k > 0]
        if len(caps) != 1:
            return None
        splits = range(caps[0], caps[0] + 1)
    prev = tokens.items[i - 1].key if tokens.adjacent(i - 1, i) else None
    nxt = tokens.items[i + 1].key if tokens.adjacent(i, i + 1) else None
    best: tuple[int, int] | None = None
    for k in splits:
        left, right = word[:k], word[k:]
        pl, pr = parse(left), parse(right)
        if not (pl.valid and pr.valid):
            continue
        lk, rk = key(left), key(right)
        support = int(prev is not None and lex.has(prev, lk)) + int(lex.has(lk, rk))
        support += int(nxt is not None and lex.has(rk, nxt))
        if pl.tone and pr.tone:
            support += 2  # one syllable carries one tone mark: two marks mean two syllables
        if support >= 2 and (best is None or support > best[0]):
            best = (support, k)
    return None if best is None else best[1]
