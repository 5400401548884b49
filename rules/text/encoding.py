"""Text that is Vietnamese in a legacy encoding, read as if it were Unicode.

A draft typed with a legacy font (TCVN3/ABC ".VnTime", VNI) or converted badly (UTF-8 read as
Windows-1252: "Ä‘" for "đ") decodes without error into nonsense. Each encoding leaves marks
that Vietnamese text never contains; counting the words that carry them names the encoding,
so rasoat can say so once instead of reporting hundreds of typos.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Detection:
    name: str  # a short name: "TCVN3", "VNI", "VIQR", "UTF-8 as Windows-1252"
    label_vi: str
    label_en: str
    words: int  # how many words carry the marks
    first: int  # offset of the first such word
    sample: str  # that word


# Letters of TCVN3 text read as Windows-1252 that Vietnamese never uses (those VNI also
# produces, ä ë ï ñ ö ø û, are left to the VNI test; ° ± ² ³ × ÷ ¼ ½ ¾ occur in real text).
_TCVN3 = "¸µ¶·¹¨©ª«¬®§¦¤¥æçîðÞßåÆÅÄÇËÎÏÐÑÖØÛÜüþÿ£¢¯»"

# (name, Vietnamese label, English label, characters one of which must occur, pattern of a
# marked word). The characters are a cheap first test: ordinary text has none of them.
_SIGNS: tuple[tuple[str, str, str, str, re.Pattern[str]], ...] = (
    (
        "UTF-8 as Windows-1252",
        "chữ UTF-8 bị đọc nhầm theo bảng mã Windows-1252/Latin-1 (“Ä‘” thay cho “đ”)",
        "UTF-8 read as Windows-1252/Latin-1 (“Ä‘” for “đ”)",
        "ÃÄÆº»",
        re.compile(r"\S*(?:á»|áº|Ä‘|Ä\x90|Æ°|Æ¡|Ã¡|Ã |Ã¢|Ãª|Ã´)\S*"),
    ),
    (
        "TCVN3",
        "bảng mã TCVN3 (ABC, phông .VnTime) chưa được chuyển sang Unicode",
        "the TCVN3 (ABC, .VnTime fonts) encoding, not converted to Unicode",
        _TCVN3,
        re.compile(rf"[A-Za-z]*[{_TCVN3}][A-Za-z{_TCVN3}ÌÍÒÓÔÕÙÚÝèéêìíóôõùúýâãàáäëïñöøû\u00ad]*"),
    ),
    (
        "VNI",
        "bảng mã VNI (phông VNI-Times) chưa được chuyển sang Unicode",
        "the VNI (VNI-Times fonts) encoding, not converted to Unicode",
        "øïûäëñö",
        re.compile(r"[A-Za-z]*(?:[aeiouyAEIOUY][øïûäë]|ñ|ö|[aeoAEO][âê])[A-Za-zøïûäëñöâêùõô]*"),
    ),
    (
        "VIQR",
        "kiểu gõ VIQR (“Vie^.t Nam”) chưa được chuyển sang chữ có dấu",
        "VIQR (“Vie^.t Nam”), not converted to accented letters",
        "^+(",
        re.compile(r"\b[A-Za-z]*[aeiouyAEIOUY](?:\^|\(|\+)[`'?~.]?[A-Za-z]*|\b[Dd][Dd9][A-Za-z]*\b"),
    ),
)
MIN_WORDS = 5
MIN_SHARE = 0.02  # of all words


@lru_cache(maxsize=8)
def legacy_encoding(text: str) -> Detection | None:
    """The legacy encoding the text seems to be in, or None for ordinary Unicode text."""
    total = max(1, len(text.split()))
    for name, vi, en, chars, pattern in _SIGNS:
        if not any(c in text for c in chars):
            continue
        hits = [m for m in pattern.finditer(text) if m.group()]
        if name == "VIQR":
            hits = [
                m for m in hits if not m.group().lower().startswith(("dd", "d9")) or "^" in text
            ]
        if len(hits) >= MIN_WORDS and len(hits) / total >= MIN_SHARE:
            first = hits[0]
            return Detection(name, vi, en, len(hits), first.start(), first.group())
    return None
