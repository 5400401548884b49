"""Text rules (family T): spelling, spacing, punctuation, Unicode, tone style, footnotes.

T1xx spelling ("typo"), T2xx spacing, punctuation, Unicode and number style ("format"),
T3xx footnote markers against footnote texts ("footnote"). The rules read the NFC text
itself and report spans in NFC offsets. Helpers (syllable, tokens, lexicon, spelling, style,
encoding, footnotes, fixes) hold no rules; the word data (*.txt, *.toml) stands beside
them, with its provenance in NOTICE.txt.
"""
