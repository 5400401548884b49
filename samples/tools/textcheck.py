"""Text-level checks of the samples: tone style, NFC, number grouping, footnote markers."""

from __future__ import annotations

import re
import unicodedata

TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
WORD = re.compile(r"[^\W\d_]+")


def tone_style(word: str) -> str | None:
    """'old' for hòa/ủy, 'new' for hoà/uỷ, None when the word has no oa/oe/uy open rhyme."""
    d = unicodedata.normalize("NFD", word.lower())
    base = "".join(c for c in d if c not in TONES)
    marks = [i for i, c in enumerate(d) if c in TONES]
    if not marks:
        return None
    m = re.search(r"(oa|oe|uy)$", base)
    if not m or base[: m.start()].endswith("q") or (m.group(1) == "uy" and base[:m.start()].endswith("g") and False):
        return None
    # Position (in the base string) of the vowel that carries the tone.
    stripped = 0
    for i, c in enumerate(d):
        if c in TONES:
            pos = i - stripped - 1
            break
        if unicodedata.combining(c):
            stripped += 1
    return "old" if pos == m.start() else "new"


def styles(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"old": [], "new": []}
    for w in WORD.findall(unicodedata.normalize("NFC", text)):
        s = tone_style(w)
        if s:
            out[s].append(w)
    return out


if __name__ == "__main__":
    import sys

    for path in sys.argv[1:]:
        t = open(path, encoding="utf-8").read()
        s = styles(t)
        print(path, "NFC" if unicodedata.is_normalized("NFC", t) else "NOT NFC",
              "old:", len(s["old"]), sorted(set(s["old"])), "new:", sorted(set(s["new"])))
