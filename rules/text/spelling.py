"""Spelling suspects of one document, shared by the typo rules (each reports one kind).

Misspellings in drafts are mostly real syllables in the wrong word ("đề bạc" for "đề bạt",
"thực tiển" for "thực tiễn"), so a syllable check alone finds few of them. The analysis
looks at pairs of neighbouring words instead:

* ``invalid``: a syllable that breaks the structure rules (onset, rhyme, tone against a
  stop final); the suggestion comes from its neighbours when one fits.
* ``real-word``: two neighbouring syllables that form no dictionary word, where changing one
  of them by a tone or a letter or two gives one. To keep false alarms low the pair must be
  an island (neither syllable belongs to a word with its other neighbour), neither may be a
  grammatical word, capitalised names are left alone, and the change needs evidence: the
  corrected word is written elsewhere in the same document, or the change is a single slip
  (a tone, s/x, c/t, ...) that gives a word of the common-word list or replaces a syllable
  that no dictionary word contains; a pair written more than three times is taken as meant.
* ``confusion``: a known misspelling from confusions.toml or the configuration.
* ``truncated``: a compound cut short before punctuation ("chính trị nội;") where the
  document writes the whole compound ("chính trị nội bộ") at least three times.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from checker.rules.text.encoding import legacy_encoding
from checker.rules.text.glue import word_split
from checker.rules.text.lexicon import (
    Confusion,
    Lexicon,
    allowed,
    confusions,
    function_words,
    lexicon,
)
from checker.rules.text.style import iy_usage, tone_usage
from checker.rules.text.syllable import distance, key, match_case, parse, parts, place, restyle
from checker.rules.text.tokens import Tokens, tokenize

# Punctuation (or a line end) after a word: where a compound may have been cut short.
BOUNDARY = frozenset(",;.:!?)]}”\"…\r\n")
MAX_COST = 2  # real-word errors: a tone, a confusion pair, or one other letter
MAX_COST_INVALID = 4  # a broken syllable is wrong anyway; a farther fix needs more evidence
REPEATED = 3  # a pair written more often than this (and than its fix) is taken as meant


@dataclass(frozen=True)
class Suspect:
    kind: str  # "invalid", "real-word", "confusion" or "truncated"
    start: int
    end: int
    stated: str  # the text as written over [start, end)
    suggestion: str | None  # what to write over [start, end) instead
    elsewhere: tuple[int, ...] = ()  # starts of the suggested words elsewhere in the text
    cost: int = 0  # edits between stated and suggested (tone or letter)
    problem: str = ""  # invalid: why, English
    problem_vi: str = ""  # invalid: why, Vietnamese
    why: str = ""  # confusion: a note from the data
    word: str | None = None  # the dictionary word the suggestion makes ("tổ chức" for "tổ")


@dataclass(frozen=True)
class _Fix:
    cand: str  # key form of the replacement syllable
    cost: int
    count: int  # occurrences of the corrected pair in the document
    where: tuple[int, ...]


@lru_cache(maxsize=8)
def analyse(
    text: str,
    words: tuple[str, ...] = (),
    allow: tuple[str, ...] = (),
    extra_confusions: tuple[tuple[str, str], ...] = (),
) -> tuple[Suspect, ...]:
    """Every spelling suspect of ``text`` (NFC), in order of position."""
    if legacy_encoding(text) is not None:
        return ()  # the encoding rule reports the whole document instead
    ctx = _Context(text, tokenize(text), lexicon(words), allowed(allow))
    found: list[Suspect] = []
    covered: set[int] = set()
    found.extend(ctx.confusions(confusions(extra_confusions), covered))
    found.extend(ctx.invalid(covered))
    found.extend(ctx.real_words(covered))
    found.extend(ctx.truncated(covered))
    return tuple(sorted(found, key=lambda s: (s.start, s.end)))


class _Context:
    """The per-document state of one analysis (built and dropped inside ``analyse``)."""

    def __init__(self, text: str, tokens: Tokens, lex: Lexicon, allow: frozenset[str]) -> None:
        self.text = text
        self.tokens = tokens
        self.items = tokens.items
        self.lex = lex
        self.allow = allow
        self.function = function_words()
        self.pairs: dict[tuple[str, str], list[int]] = {}
        for i, linked in enumerate(tokens.linked):
            if linked:
                a, b = self.items[i], self.items[i + 1]
                self.pairs.setdefault((a.key, b.key), []).append(a.start)
        self._surface: dict[str, list[str]] | None = None
        self._usable: dict[int, bool] = {}
        self.style = tone_usage(text).majority or "old"
        self.iy = iy_usage(text).majority or "y"

    # -- helpers ------------------------------------------------------------------------
    def usable(self, i: int) -> bool:
        """A lower-case (or sentence-initial) Vietnamese word outside codes and allowlists."""
        known = self._usable.get(i)
        if known is None:
            known = self._usable[i] = self._is_usable(i)
        return known

    def _is_usable(self, i: int) -> bool:
        tok = self.items[i]
        case = self.tokens.case(i)
        if case in ("upper", "mixed") or (case == "title" and not self.tokens.opens_sentence(i)):
            return False
        return not self.tokens.in_code(i) and tok.text.lower() not in self.allow

    def show(self, cand: str, model: str) -> str:
        """A key-form syllable as this document would write it, cased like ``model``."""
        if self._surface is None:
            surface: dict[str, list[str]] = defaultdict(list)
            for tok in self.items:
                surface[tok.key].append(tok.text)
            self._surface = surface
        forms = self._surface.get(cand)
        seen = Counter(f.lower() for f in forms) if forms else None
        if seen:
            word = seen.most_common(1)[0][0]
        else:
            syl = parse(cand)
            base = syl.base
            iy_onset = syl.onset in ("k", "l", "m", "t", "qu")
            if self.iy == "y" and syl.rhyme == "i" and iy_onset and (syl.tone or syl.onset == "qu"):
                base = base[:-1] + "y"  # kỹ, lý, quy: as this document writes them
            word = place(base, syl.tone, self.style)
        return match_case(model, word)

    def attached_left(self, i: int) -> bool:
        """Whether token i makes a dictionary word with the token before it."""
        items = self.items
        return self.tokens.adjacent(i - 1, i) and self.lex.has(items[i - 1].key, items[i].key)

    def attached_right(self, i: int) -> bool:
        """Whether token i makes a dictionary word with the token after it."""
        items = self.items
        return self.tokens.adjacent(i, i + 1) and self.lex.has(items[i].key, items[i + 1].key)

    def fixes(self, x: int, partner: int, max_cost: int = MAX_COST) -> list[_Fix]:
        """Replacements for token ``x`` that make a dictionary word with ``partner``."""
        xk, pk = self.items[x].key, self.items[partner].key
        x_first = x < partner
        pool = self.lex.before(pk) if x_first else self.lex.after(pk)
        out: list[_Fix] = []
        n = len(xk)
        reach = max_cost // 2 + 1
        _, ox, rx, tx = parts(xk)
        for cand in dict.fromkeys(pool):
            if cand == xk or abs(len(cand) - n) > reach:
                continue
            _, oc, rc, tc = parts(cand)
            if (oc != ox) + (rc != rx) + (tc != tx) > max_cost:
                continue  # each differing part costs at least 1
            cost = distance(xk, cand)
            if cost > max_cost:
                continue
            where = self.pairs.get((cand, pk) if x_first else (pk, cand), [])
            out.append(_Fix(cand, cost, len(where), tuple(where)))
        out.sort(key=lambda f: (f.count == 0, f.cost, -f.count, f.cand))
        return out

    def known(self, k: str) -> bool:
        """Whether a syllable occurs in some dictionary word."""
        return k in self.lex.first or k in self.lex.second

    # -- kinds ----------------------------------------------------------------------------
    def confusions(self, entries: tuple[Confusion, ...], covered: set[int]) -> list[Suspect]:
        by_first: dict[str, list[Confusion]] = {}
        for entry in entries:
            by_first.setdefault(entry.wrong.split(" ")[0], []).append(entry)
        out: list[Suspect] = []
        items = self.items
        for i, tok in enumerate(items):
            for entry in by_first.get(tok.key, ()):
                wrong = entry.wrong.split(" ")
                last = i + len(wrong) - 1
                if last >= len(items) or any(
                    not self.tokens.adjacent(j, j + 1) or items[j + 1].key != wrong[j + 1 - i]
                    for j in range(i, last)
                ):
                    continue
                if self.tokens.in_code(i):
                    continue
                if entry.before_digit and not self._digit_follows(items[last].end):
                    continue
                right_words = entry.right.split(" ")
                right_keys = [key(w) for w in right_words]
                shown = " ".join(
                    self.show(k, items[i + j].text if i + j <= last else w)
                    for j, (k, w) in enumerate(zip(right_keys, right_words))
                )
                where = self._occurrences(right_keys)
                start, end = tok.start, items[last].end
                out.append(
                    Suspect("confusion", start, end, self.text[start:end], shown, where,
                            why=entry.why, word=shown)
                )
                covered.update(range(i, last + 1))
                break
        return out

    def _digit_follows(self, end: int) -> bool:
        rest = self.text[end:end + 3].lstrip(" \u00a0")
        return bool(rest) and rest[0].isdigit()

    def _occurrences(self, keys: list[str]) -> tuple[int, ...]:
        if len(keys) == 1:
            return tuple(t.start for t in self.items if t.key == keys[0])
        out = self.pairs.get((keys[0], keys[1]), [])
        return tuple(out)

    def invalid(self, covered: set[int]) -> list[Suspect]:
        out: list[Suspect] = []
        for i, tok in enumerate(self.items):
            if i in covered:
                continue
            syl = parse(tok.text)
            if syl.valid or syl.problem == "not Vietnamese letters":
                continue
            case = self.tokens.case(i)
            if case in ("upper", "mixed") or self.tokens.in_code(i):
                continue
            if tok.text.lower() in self.allow:
                continue
            if word_split(self.tokens, i, self.lex) is not None:
                continue  # glued words: the glued-word rule reports them
            best: tuple[int, _Fix] | None = None
            for partner in (i - 1, i + 1):
                if self.tokens.adjacent(min(i, partner), max(i, partner)):
                    if self.items[partner].key in self.function:
                        continue
                    for fix in self.fixes(i, partner, MAX_COST_INVALID):
                        if _supported(fix) and (best is None or _rank(fix) < _rank(best[1])):
                            best = (partner, fix)
            suggestion: str | None = None
            word: str | None = None
            where: tuple[int, ...] = ()
            cost = 0
            if best is not None:
                partner, fix = best
                suggestion, where, cost = self.show(fix.cand, tok.text), fix.where, fix.cost
                other = self.items[partner].text
                word = f"{suggestion} {other}" if partner > i else f"{other} {suggestion}"
            elif syl.problem == "tone mark on the wrong letter":
                suggestion = restyle(tok.text, self.style)
            if suggestion is None and (
                tok.text.isascii() or (case == "title" and not self.tokens.opens_sentence(i))
            ):
                continue  # a foreign word or a name we do not know; nothing useful to say
            out.append(
                Suspect("invalid", tok.start, tok.end, tok.text, suggestion, where, cost,
                        syl.problem, syl.problem_vi, word=word)
            )
            covered.add(i)
        return out

    def real_words(self, covered: set[int]) -> list[Suspect]:
        out: list[Suspect] = []
        items, linked, function, has = self.items, self.tokens.linked, self.function, self.lex.has
        for i in range(len(items) - 1):
            if not linked[i]:
                continue
            a, b = items[i], items[i + 1]
            ak, bk = a.key, b.key
            if ak == bk or ak in function or bk in function or has(ak, bk):
                continue
            j = i + 1
            if i in covered or j in covered or not (self.usable(i) and self.usable(j)):
                continue
            if not (parse(a.text).valid and parse(b.text).valid):
                continue
            if self.attached_left(i) or self.attached_right(j):
                continue
            orig = len(self.pairs.get((a.key, b.key), ()))
            choice: tuple[int, _Fix] | None = None
            for x, partner in ((j, i), (i, j)):
                fixes = self.fixes(x, partner)
                if not fixes:
                    continue
                best = fixes[0]
                pk = items[partner].key
                pair = (best.cand, pk) if x < partner else (pk, best.cand)
                if not self._convincing(items[x].key, best, fixes, orig, pair):
                    continue
                if choice is None or (best.count == 0, best.cost, -best.count) < (
                    choice[1].count == 0, choice[1].cost, -choice[1].count
                ):
                    choice = (x, best)
            if choice is None:
                continue
            x, fix = choice
            shown = [a.text, b.text]
            shown[x - i] = self.show(fix.cand, items[x].text)
            out.append(
                Suspect("real-word", a.start, b.end, self.text[a.start:b.end],
                        " ".join(shown), fix.where, fix.cost, word=" ".join(shown))
            )
            covered.update((i, j))
        return out

    def _convincing(
        self, xk: str, best: _Fix, fixes: list[_Fix], orig: int, pair: tuple[str, str]
    ) -> bool:
        """Whether the evidence for ``best`` is strong enough to speak."""
        if orig > REPEATED and orig >= best.count:
            return False  # written this way again and again: probably meant
        if best.count:
            # one letter outside the usual confusions: the document must use the word twice
            return best.cost < 2 or _typical(xk, best.cand) or best.count >= 2
        if best.cost != 1:
            return False
        runner_up = fixes[1] if len(fixes) > 1 else None
        if runner_up is not None and runner_up.count == 0 and runner_up.cost == 1:
            return False  # two equally good guesses and no evidence: say nothing
        # one slip away from a common word, or from a syllable no word contains
        return self.lex.is_common(*pair) or not self.known(xk)

    def truncated(self, covered: set[int]) -> list[Suspect]:
        items, tokens, text = self.items, self.tokens, self.text
        ends: dict[tuple[str, str, str], list[int]] = {}
        linked, size = tokens.linked, len(text)
        for i in range(1, len(items)):
            if i < len(linked) and linked[i]:
                continue
            e = items[i].end
            while e < size and text[e] in " \u00a0":
                e += 1
            if e < size and text[e] not in BOUNDARY:
                continue
            cur, prev = items[i].key, items[i - 1].key
            if cur in self.function or prev in self.function:
                continue
            conn = self._connector(i)
            if conn is not None and not (conn == " " and self.lex.has(prev, cur)):
                ends.setdefault((prev, conn, cur), []).append(i)
        if not ends:
            return []
        follow: dict[tuple[str, str, str], Counter[str]] = {}
        wanted = {(p, c) for p, _, c in ends}
        for i in range(1, len(items) - 1):
            pc = (items[i - 1].key, items[i].key)
            if pc in wanted and tokens.linked[i]:
                conn = self._connector(i)
                if conn is not None:
                    follow.setdefault((pc[0], conn, pc[1]), Counter())[items[i + 1].key] += 1
        out: list[Suspect] = []
        for ctx, at in ends.items():
            nxt = follow.get(ctx)
            if len(at) != 1 or not nxt:
                continue
            ((v, count),) = nxt.most_common(1)
            prev, conn, cur = ctx
            if count < REPEATED or count * 4 < sum(nxt.values()) * 3 or not self.lex.has(cur, v):
                continue
            i = at[0]
            if i in covered or not self.usable(i):
                continue
            start, end = items[i - 1].start, items[i].end
            where = tuple(
                items[k - 1].start
                for k in range(1, len(items) - 1)
                if items[k].key == cur and items[k - 1].key == prev
                and tokens.adjacent(k, k + 1) and items[k + 1].key == v
            )
            shown = text[start:end] + " " + self.show(v, items[i].text.lower())
            out.append(Suspect("truncated", start, end, text[start:end], shown, where, word=shown))
            covered.add(i)
        return out

    def _connector(self, i: int) -> str | None:
        """" " when tokens i-1 and i are adjacent, "-" for "chính trị - xã hội", else None."""
        if self.tokens.adjacent(i - 1, i):
            return " "
        gap = self.text[self.items[i - 1].end:self.items[i].start]
        return "-" if gap.strip(" \u00a0") in ("-", "–") and gap != gap.strip() else None


def _typical(a: str, b: str) -> bool:
    """Whether a cost-2 change is two of the usual slips (s/x and c/t: xúc for sút) rather
    than one letter outside them (giỏi for hỏi)."""
    sa, sb = parse(a), parse(b)
    parts = [sa.onset != sb.onset, sa.rhyme != sb.rhyme, sa.tone != sb.tone]
    return sum(parts) == 2


def _rank(fix: _Fix) -> tuple[int, int]:
    """Order of fixes for a broken syllable: the nearer first, a written-elsewhere word
    counting as one edit nearer (it is wrong anyway, so closeness matters most)."""
    return (fix.cost - (1 if fix.count else 0), -fix.count)


def _supported(fix: _Fix) -> bool:
    """Enough evidence to suggest ``fix`` for a broken syllable: the farther the fix, the more
    often the document must write the corrected word."""
    if fix.cost <= 1:
        return True
    return fix.count >= (1 if fix.cost == 2 else 2)
