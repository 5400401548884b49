"""Vietnamese syllables: split off the tone, check the structure, place the tone mark.

Every spelling rule needs the same three things from a written syllable: its letters without
the tone mark (``base``), its tone, and whether onset, rhyme and tone can go together. Two
tone-placement styles are in use (hòa/hoà, thủy/thuỷ); lookups use one canonical placement
(``key``) so that the document's style never looks like a misspelling, and suggestions are
shown back in the document's own style (``place``).

Tones are numbered 0 ngang, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
MARK_OF = {tone: mark for mark, tone in MARKS.items()}
TONE_NAMES = ("ngang", "huyền", "sắc", "hỏi", "ngã", "nặng")

VOWELS = frozenset("aăâeêioôơuưy")
MARKED_VOWELS = frozenset("ăâêôơư")  # a vowel with its own diacritic takes the tone mark
LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")  # the Vietnamese alphabet, toneless

# Longest first, so "ngh" wins over "ng" and "ng" over "n".
ONSETS = (
    "ngh", "ng", "nh", "ch", "tr", "th", "ph", "kh", "gh", "gi", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)

def _words(text: str) -> list[str]:
    return text.split()


_PLAIN_RHYMES = _words(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    o oc oi om on ong op ot ooc oong
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    y
    """
)
_Y_RHYMES = _words("yêm yên yêng yêt yêu")  # only without an onset, or after "qu"
_O_RHYMES = _words(
    """
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oem oen oeng oeo oet
    """
)
_U_RHYMES = _words(
    """
    uân uâng uât uây uê uêch uênh uơ
    uy uych uyn uynh uyp uyt uyu uya uyên uyêt
    """
)
# After "qu" the medial u is part of the onset: quả, quên, quyết, quỳnh, quýt, quốc.
_QU_RHYMES = frozenset(
    [r for r in _PLAIN_RHYMES if r[0] not in "ouư" and not r.startswith("iê")]
    + ["ych", "ynh", "yt", "yên", "yêt", "yêu", "ơ", "ơi", "ơn", "ôc"]
)

RHYMES = frozenset(_PLAIN_RHYMES + _Y_RHYMES + _O_RHYMES + _U_RHYMES)
STOP_FINALS = ("ch", "p", "t", "c")
FRONT = ("e", "ê", "i", "y")  # the vowels that want k, gh, ngh (not c, g, ng)
Y_ONSETS = frozenset(("", "h", "k", "l", "m", "t", "s", "v", "qu"))  # "y" alone after these


class Syllable(NamedTuple):
    """A written syllable, lower case: letters without the tone mark, and the tone.

    A named tuple rather than a frozen dataclass: every distinct word of a document is
    parsed, and building one must be cheap."""

    base: str  # "hoa", "tuyên", "đươc"
    tone: int
    onset: str  # "", "h", "ngh", "qu", "gi"
    rhyme: str  # "oa", "uyên", "ươc"
    mark_at: int  # index in ``base`` of the letter that carries the mark, -1 without one
    valid: bool
    problem: str = ""  # why it is not a valid syllable, in English
    problem_vi: str = ""  # the same in Vietnamese


def _tone_table() -> dict[str, tuple[str, int]]:
    """Each precomposed vowel with a tone mark -> (the vowel without it, the tone)."""
    table: dict[str, tuple[str, int]] = {}
    for vowel in "aăâeêioôơuưy":
        for v in (vowel, vowel.upper()):
            for mark, tone in MARKS.items():
                table[unicodedata.normalize("NFC", v + mark)] = (v, tone)
    return table


_TONED = _tone_table()


def split_tone(word: str) -> tuple[str, int, int, int]:
    """``(base, tone, mark index, number of tone marks)`` of a word (NFC), case preserved."""
    if word.isascii():
        return word, 0, -1, 0
    chars = list(word)
    tone, at, marks = 0, -1, 0
    for i, ch in enumerate(chars):
        hit = _TONED.get(ch)
        if hit is not None:
            chars[i], tone, at = hit[0], hit[1], i
            marks += 1
    if marks == 0 and not unicodedata.is_normalized("NFC", word):
        return split_tone(unicodedata.normalize("NFC", word))
    return "".join(chars), tone, at, marks


@lru_cache(maxsize=65536)
def parse(word: str) -> Syllable:
    """Parse one written syllable (any case) and say whether it is well formed."""
    base, tone, at, marks = split_tone(word.lower())
    if marks > 1:
        return Syllable(base, tone, "", "", at, False, *_P["marks"])
    if not base or not LETTERS.issuperset(base):
        return Syllable(base, tone, "", "", at, False, *_P["letters"])
    onset, rest = _split_onset(base)
    rhyme = rest
    if onset == "gi" and VOWELS.isdisjoint(rest):
        rhyme = "i" + rest  # gì, gìn: the i of gi is also the vowel
    elif onset == "gi" and rest not in RHYMES and ("i" + rest) in RHYMES:
        rhyme = "i" + rest  # giếng = gi + iêng
    en, vi = _structure_problem(onset, rhyme, tone)
    if not en and at >= 0 and at not in _mark_positions(base, onset):
        en, vi = _P["mark"]
    return Syllable(base, tone, onset, rhyme, at, not en, en, vi)


_P = {
    "marks": ("two tone marks", "có hai dấu thanh"),
    "letters": ("not Vietnamese letters", "có chữ cái không thuộc chữ Quốc ngữ"),
    "mark": ("tone mark on the wrong letter", "dấu thanh đặt sai chữ"),
}


_ONSET_SET = frozenset(ONSETS)


def _split_onset(base: str) -> tuple[str, str]:
    for n in (3, 2, 1):
        onset = base[:n]
        if len(onset) == n and onset in _ONSET_SET and (len(base) > n or onset == "gi"):
            return onset, base[n:]
    return "", base


def _structure_problem(onset: str, rhyme: str, tone: int) -> tuple[str, str]:
    """Why onset, rhyme and tone cannot go together, in English and Vietnamese ("" if they can)."""
    if not rhyme or rhyme[0] not in VOWELS:
        return "no vowel", "không có nguyên âm"
    first = rhyme[0]
    if onset == "qu":
        if rhyme not in _QU_RHYMES:
            return f"rhyme '{rhyme}' cannot follow 'qu'", f"vần '{rhyme}' không đi sau 'qu'"
    elif rhyme not in RHYMES:
        return f"'{rhyme}' is not a Vietnamese rhyme", f"'{rhyme}' không phải là vần tiếng Việt"
    elif rhyme in _Y_RHYMES and onset:
        return f"'{onset}{rhyme}' is written with 'iê'", f"sau '{onset}' viết 'iê', không viết 'yê'"
    elif rhyme.startswith("iê") and not onset:
        return "'iê' without an onset is written 'yê'", "không có phụ âm đầu thì viết 'yê'"
    elif rhyme == "y" and onset not in Y_ONSETS:
        return f"'{onset}y' is written with 'i'", f"'{onset}y' phải viết là '{onset}i'"
    elif (rhyme in _O_RHYMES and onset in ("c", "k", "gh", "ngh", "gi")) or (
        rhyme in _U_RHYMES and onset in ("c", "k", "gh", "ngh", "gi")
    ):
        return f"'{onset}' cannot come before '{rhyme}'", f"'{onset}' không đứng trước '{rhyme}'"
    front = first in FRONT and rhyme not in _O_RHYMES and rhyme not in _U_RHYMES
    for bad, good, wants_front in _ONSET_SPELLING:
        if onset == bad and front == wants_front:
            return (
                f"'{bad}' before '{first}' is written '{good}'",
                f"trước '{first}' viết '{good}', không viết '{bad}'",
            )
    if rhyme.endswith(STOP_FINALS) and tone not in (2, 5):
        final = _final(rhyme)
        return (
            f"a syllable ending in '{final}' takes only the sắc or nặng tone",
            f"tiếng tận cùng bằng '{final}' chỉ mang thanh sắc hoặc nặng",
        )
    return "", ""


# (written, should be, applies before e/ê/i/y?): c/k, g/gh, ng/ngh.
_ONSET_SPELLING = (
    ("c", "k", True),
    ("k", "c", False),
    ("g", "gh", True),
    ("gh", "g", False),
    ("ng", "ngh", True),
    ("ngh", "ng", False),
)


def _final(rhyme: str) -> str:
    return "ch" if rhyme.endswith("ch") else rhyme[-1]


def _vowel_slots(base: str, onset: str) -> list[int]:
    """Indices in ``base`` of the vowels of the rhyme (the i of gi when it is the vowel)."""
    slots = [i for i in range(len(onset), len(base)) if base[i] in VOWELS]
    if not slots and onset == "gi":
        slots = [1]
    return slots


def _mark_positions(base: str, onset: str) -> tuple[int, int]:
    """Where the tone mark may stand: one place, or two for oa/oe/uy in open syllables."""
    slots = _vowel_slots(base, onset)
    return _mark_index(base, onset, "old", slots), _mark_index(base, onset, "new", slots)


def _mark_index(base: str, onset: str, style: str, slots: list[int] | None = None) -> int:
    if slots is None:
        slots = _vowel_slots(base, onset)
    if not slots:
        return -1
    marked = [i for i in slots if base[i] in MARKED_VOWELS]
    if marked:
        return marked[-1]
    if base[-1] not in VOWELS:  # a final consonant: the last vowel
        return slots[-1]
    if len(slots) == 1:
        return slots[0]
    if len(slots) == 2:
        pair = base[slots[0]] + base[slots[1]]
        if style == "new" and pair in ("oa", "oe", "uy"):
            return slots[1]
        return slots[0]
    return slots[1]


def place(base: str, tone: int, style: str = "old") -> str:
    """Write ``base`` (lower case) with ``tone`` in the given placement style, NFC."""
    if tone == 0:
        return base
    onset, _ = _split_onset(base)
    at = _mark_index(base, onset, style)
    if at < 0:
        return base
    return base[:at] + unicodedata.normalize("NFC", base[at] + MARK_OF[tone]) + base[at + 1:]


# Open syllables written with either i or y (kỹ/kĩ, lý/lí, tỷ/tỉ, quy/qui): after these onsets
# the choice is a matter of style, so lookups fold y into i.
IY_ONSETS = frozenset(("h", "k", "l", "m", "t", "s", "v", "qu"))


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """The lookup form of a word: lower case, tone in the traditional place (hòa, thủy),
    and i for the i/y of open syllables (kĩ for kỹ), so neither style looks misspelled."""
    syl = parse(word)
    if not syl.valid and syl.problem != _P["mark"][0]:
        return word.lower()
    base = syl.base
    if syl.rhyme == "y" and syl.onset in IY_ONSETS:
        base = base[:-1] + "i"
    return place(base, syl.tone, "old")


@lru_cache(maxsize=65536)
def iy_style(word: str) -> str | None:
    """"y" (kỹ, lý) or "i" (kĩ, lí) for an open syllable that may take either, else None."""
    syl = parse(word)
    if syl.valid and syl.rhyme in ("i", "y") and syl.onset in IY_ONSETS:
        return syl.rhyme
    return None


@lru_cache(maxsize=65536)
def style_of(word: str) -> str | None:
    """"old" (hòa, ủy) or "new" (hoà, uỷ) for an open oa/oe/uy syllable with a mark, else None."""
    syl = parse(word)
    if not syl.valid or syl.tone == 0 or syl.onset == "qu" or syl.rhyme not in ("oa", "oe", "uy"):
        return None
    if syl.mark_at == _mark_index(syl.base, syl.onset, "old"):
        return "old"
    return "new"


def restyle(word: str, style: str) -> str:
    """The same word with its tone mark placed in ``style``, keeping the letter case."""
    syl = parse(word)
    out = place(syl.base, syl.tone, style)
    return match_case(word, out)


def match_case(model: str, word: str) -> str:
    """``word`` with the letter case of ``model`` (same length) or capitalised like it."""
    if len(model) == len(word):
        return "".join(c.upper() if m.isupper() else c for m, c in zip(model, word))
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# Confusions drafters make (by sound or on the keyboard): each costs 1 edit; any other
# change of onset or rhyme costs 2 per letter, so the rules can ask for stronger evidence.
ONSET_GROUPS = (
    frozenset(("s", "x")),
    frozenset(("ch", "tr")),
    frozenset(("d", "gi", "r", "v")),
    frozenset(("l", "n")),
    frozenset(("d", "đ")),
    frozenset(("c", "k")),
    frozenset(("g", "gh")),
    frozenset(("ng", "ngh")),
)
FINAL_GROUPS = (
    frozenset(("c", "t")),
    frozenset(("ch", "t")),
    frozenset(("ch", "c")),
    frozenset(("n", "ng")),
    frozenset(("n", "nh")),
)
SIBLINGS = (frozenset("aăâ"), frozenset("oôơ"), frozenset("uư"), frozenset("eê"))
FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")
GENERIC = 2  # cost of one letter changed, added or dropped outside the groups above


@lru_cache(maxsize=65536)
def parts(word: str) -> tuple[str, str, str, int]:
    """``(base, onset, rest, tone)`` of a lower-case word: the cheap half of ``parse``,
    without the structure checks (what ``distance`` needs, for many dictionary syllables)."""
    base, tone, _, _ = split_tone(word)
    onset, rest = _split_onset(base)
    return base, onset, rest, tone


@lru_cache(maxsize=262144)
def distance(a: str, b: str) -> int:
    """How far apart two words are as a drafter's slip: 1 for a tone, for a confusion pair
    (s/x, tr/ch, d/gi/r, c/t, n/ng, a dropped diacritic, ai/ia), 2 for any other letter."""
    if a == b:
        return 0
    base_a, onset_a, rest_a, tone_a = parts(a)
    base_b, onset_b, rest_b, tone_b = parts(b)
    tone = int(tone_a != tone_b)
    if not (rest_a and rest_b):
        return GENERIC * _letters(base_a, base_b) + tone
    return _onset_cost(onset_a, onset_b) + _rhyme_cost(rest_a, rest_b) + tone


@lru_cache(maxsize=4096)
def _onset_cost(a: str, b: str) -> int:
    if a == b:
        return 0
    if any(a in g and b in g for g in ONSET_GROUPS):
        return 1
    return GENERIC * _letters(a, b)


def _split_final(rhyme: str) -> tuple[str, str]:
    for final in FINALS:
        if rhyme.endswith(final) and len(rhyme) > len(final):
            return rhyme[: -len(final)], final
    return rhyme, ""


@lru_cache(maxsize=65536)
def _rhyme_cost(a: str, b: str) -> int:
    if a == b:
        return 0
    na, fa = _split_final(a)
    nb, fb = _split_final(b)
    if na == nb and fa and fb and any(fa in g and fb in g for g in FINAL_GROUPS):
        return 1
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        if len(diff) == 1 and any(diff[0][0] in g and diff[0][1] in g for g in SIBLINGS):
            return 1
        if len(diff) == 2 and sorted(a) == sorted(b) and _letters(a, b) == 1:
            return 1  # two letters swapped: đại for địa
    return GENERIC * _letters(a, b)


@lru_cache(maxsize=262144)
def _letters(a: str, b: str) -> int:
    """Optimal string alignment distance (adjacent transpositions count once)."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[lb]
