"""What a cited document is made of: its code's parts, its date as written, what follows it.

"Kế hoạch số 37-KH/TU ngày 29/6/2021 của Ban Thường vụ Tỉnh ủy về “Luân chuyển cán bộ”":
the grammar delimits the reference and the date; this module

- joins them, and reads the issuer ("của ..." while the words still name a body) and the
  quoted title (``read_citation``, used by the relations step);
- splits a number and code into its parts, and says whether the code is well formed
  (``code_parts``: "28-KLTW" has lost its slash, "32-KH-ĐUCA" has a hyphen for it);
- gives a date's digits as written (``date_digits``: "01/06/2022" and "01/6/2022" are the
  same date written two ways);
- finds the report's own date in its header (``header_date``: "Hậu Giang, ngày   tháng   năm
  2023", whose day and month a draft leaves blank), which the statement grammar does not
  read yet.

Rules call these functions on facts; they never read the prose themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.transform import Clause, Item
from checker.facts import Date, Span
from checker.source import SegmentKind, Source

# -- the words after a reference ---------------------------------------------------------

# Small words inside the names of issuing bodies ("Ban Chấp hành Đảng bộ tỉnh", "Hội đồng
# nhân dân tỉnh", "Ban Chỉ đạo"); any other small word ends the issuer's name ("về", "quy
# định", "kiểm tra", "và", "trong", "phối hợp", "ban hành").
_ISSUER_WORDS = frozenset(
    ["hành", "vụ", "trực", "nhân", "dân", "tỉnh", "huyện", "xã", "phường", "thành", "phố", "thị", "ủy", "uỷ", "bộ", "đảng", "khóa", "khoá", "trung", "ương", "đạo", "chức", "tra", "trị", "thư", "trận", "quốc", "hội", "đồng", "phủ", "chính", "sự", "an", "quan", "cơ", "nước", "nhà", "tổ", "mặt", "chấp", "thường", "tịch", "liên", "đoàn", "ban"]
)
_DESCRIPTION_WORDS = frozenset({"về", "việc"})
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(frozen=True)
class CitationParts:
    date: Item | None
    issuer: str | None
    title: str | None


def read_citation(clause: Clause, i: int, text: str) -> CitationParts:
    """The date, issuer and title of the reference at ``clause[i]``."""
    j = i + 1
    while j < len(clause) and _is(clause[j], "COMMA"):
        j += 1
    date = None
    if j < len(clause) and clause[j].kind == "date":
        date = clause[j]
        j += 1
    issuer = None
    if j < len(clause) and _is(clause[j], "WORD") and clause[j].text.lower() == "của":
        j += 1
        words: list[str] = []
        while j < len(clause) and _is(clause[j], "WORD") and _in_issuer(clause, j, words):
            words.append(clause[j].text)
            j += 1
        issuer = " ".join(words) or None
    while j < len(clause) and _is(clause[j], "WORD") and clause[j].text.lower() in _DESCRIPTION_WORDS:
        j += 1
    title = None
    if j < len(clause) and _is(clause[j], "QUOTE"):
        k = j + 1
        while k < len(clause) and not _is(clause[k], "QUOTE"):
            k += 1
        if k < len(clause):
            title = text[clause[j].end : clause[k].start].strip() or None
    return CitationParts(date, issuer, title)


def _in_issuer(clause: Clause, j: int, words: list[str]) -> bool:
    """Whether the word at ``clause[j]`` still belongs to the issuer's name: a capitalised
    word or a Roman numeral always does, a small word only if names use it ("ban" not
    before "hành": "Ủy ban ..." but not "ban hành")."""
    word = clause[j].text
    if not words:
        return True
    if word[0].isupper() or _ROMAN.match(word):
        return True
    low = word.lower()
    if low == "ban":
        nxt = clause[j + 1] if j + 1 < len(clause) else None
        return not (nxt is not None and _is(nxt, "WORD") and nxt.text.lower() == "hành")
    return low in _ISSUER_WORDS


def _is(item: Item, token_type: str) -> bool:
    return item.kind == "token" and item.type == token_type


# -- the parts of a code -------------------------------------------------------------------

PARTY = "party"  # 26-NQ/TW: number, hyphen, type letters, slash, issuer
STATE = "state"  # 22/2022/NQ-HĐND, 123/QĐ-UBND, 1845/UBND-VX: number, slash, letters-issuer

# What is wrong with a code's shape (``CodeParts.defect``).
NO_SLASH = "no-slash"  # 28-KLTW
HYPHEN_FOR_SLASH = "hyphen-for-slash"  # 32-KH-ĐUCA
SLASH_FOR_HYPHEN = "slash-for-hyphen"  # 123/QĐ/UBND

_SEGMENT = re.compile(r"[-/]")


@dataclass(frozen=True)
class CodeParts:
    """A document's number and code, taken apart.

    ``segments`` are the groups of letters after the number (and the year), ``separators``
    the character before each ("-" or "/"). In Party style the first segment is the type
    letters and the rest the issuer; in State style the first segment is the type letters
    when there are any (a công văn has none: "1845/UBND-VX"). ``key`` identifies the
    document whatever the separators and the leading zeros: "28-KLTW" and "28-KL/TW" share it.
    """

    raw: str
    number: str  # as written: "05"
    year: int | None  # the year inside a State number: 2022 in "22/2022/NQ-HĐND"
    segments: tuple[str, ...]
    separators: tuple[str, ...]
    style: str  # PARTY or STATE
    defect: str | None  # None when well formed

    @property
    def key(self) -> str:
        year = f"/{self.year}" if self.year is not None else ""
        return f"{int(self.number)}{year}:{''.join(self.segments).upper()}"

    @property
    def head(self) -> str:
        """The first segment: the type letters in Party style ("QĐi"), the type letters or
        the issuer in State style ("NQ", or "UBND" for a công văn)."""
        return self.segments[0]

    @property
    def tail(self) -> tuple[str, ...]:
        """The segments after the first: the issuer and its unit ("BTCTW"; "MTTW", "BTT")."""
        return self.segments[1:]


@lru_cache(maxsize=4096)
def code_parts(raw_code: str | None) -> CodeParts | None:
    """The parts of a number and code as the grammar read it (``Reference.raw_code``);
    None for a bare number ("Nghị quyết số 35"). Cached: a document cites the same codes
    again and again, and the parts are immutable."""
    if not raw_code:
        return None
    m = re.match(r"(\d+)(?:/(\d{4})(?=/))?", raw_code)
    if m is None or m.end() >= len(raw_code):
        return None
    number, year = m.group(1), (int(m.group(2)) if m.group(2) else None)
    rest = raw_code[m.end() :]
    separators = tuple(_SEGMENT.findall(rest))
    segments = tuple(s for s in _SEGMENT.split(rest)[1:])
    if not segments or not all(segments):
        return None
    style = PARTY if separators[0] == "-" and year is None else STATE
    return CodeParts(raw_code, number, year, segments, separators, style, _defect(style, separators))


def _defect(style: str, separators: tuple[str, ...]) -> str | None:
    if style == PARTY:
        if len(separators) == 1:
            return NO_SLASH
        if separators[1] != "/":
            return HYPHEN_FOR_SLASH
        return None
    if "/" in separators[1:]:
        return SLASH_FOR_HYPHEN
    return None


def rebuild(parts: CodeParts, segments: tuple[str, ...], separators: tuple[str, ...]) -> str:
    """A code from its number (and year) and the given segments and separators."""
    year = f"/{parts.year}" if parts.year is not None else ""
    return parts.number + year + "".join(s + g for s, g in zip(separators, segments))


# -- dates as written -----------------------------------------------------------------------


@dataclass(frozen=True)
class DateDigits:
    """A date's day, month and year as written ("01", "6", "2022"); None where a draft left
    it blank. ``form`` is how it is written: "01/6/2022" or "ngày 01 tháng 6 năm 2022"."""

    day: str | None
    month: str | None
    year: str
    style: str  # "numeric" or "words"

    @property
    def form(self) -> str:
        if self.style == "numeric":
            return f"{self.day}/{self.month}/{self.year}"
        return f"ngày {self.day or '...'} tháng {self.month or '...'} năm {self.year}"


def date_digits(date: Date) -> DateDigits:
    """The digits of a Date fact as written, from the text the grammar delimited."""
    digits = re.findall(r"\d+", date.text)
    if date.style == "numeric":
        day, month, year = digits[-3:]
        return DateDigits(day, month, year, "numeric")
    day, month, year = digits[0], digits[1], digits[2]
    return DateDigits(day, month, year, "words")


# -- the report's own date --------------------------------------------------------------------

# "Hậu Giang, ngày 05 tháng 02 năm 2023", "Hà Nội, ngày      tháng     năm 2023", and the
# wrong but common "Hà Nội, ngày 05/02/2023".
_HEADER = re.compile(
    r"(?:^|\t)[ \t]*(?P<place>[^\W\d_]+\.?(?:[ \t]+[^\W\d_]+\.?){0,5})[ \t]*,[ \t]*"
    r"(?:ngày[ \t]*(?P<d>\d{1,2})?[ \t]+tháng[ \t]*(?P<m>\d{1,2})?[ \t]+năm[ \t]+(?P<y>\d{4})"
    r"|ngày[ \t]+(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4}))",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINES = 30  # the place and date line stands above the title


@dataclass(frozen=True)
class HeaderDate:
    """The report's own date, from its header: "Hậu Giang, ngày 05 tháng 02 năm 2023".

    ``span`` covers "ngày ... năm 2023" (offsets in the NFC text); ``digits`` are as written,
    with the day and month None when a draft leaves them blank.
    """

    span: Span
    place: str
    digits: DateDigits

    @property
    def year(self) -> int:
        return int(self.digits.year)

    @property
    def month(self) -> int | None:
        return int(self.digits.month) if self.digits.month else None

    @property
    def day(self) -> int | None:
        return int(self.digits.day) if self.digits.day else None


def header_date(source: Source) -> HeaderDate | None:
    """The place and date line of the header, if the first lines hold one."""
    text = source.text
    end = 0
    for _ in range(_HEADER_LINES):
        nxt = text.find("\n", end)
        if nxt < 0:
            end = len(text)
            break
        end = nxt + 1
    for m in _HEADER.finditer(text, 0, end):
        if source.segment_at(m.start()).kind in (SegmentKind.FOOTNOTE, SegmentKind.ENDNOTE):
            continue
        if not m.group("place")[0].isupper():
            continue
        start = text.rfind("ngày", m.start(), m.end())
        if m.group("y"):
            digits = DateDigits(m.group("d"), m.group("m"), m.group("y"), "words")
        else:
            digits = DateDigits(m.group("nd"), m.group("nm"), m.group("ny"), "numeric")
        return HeaderDate(Span(start, m.end()), m.group("place").strip(), digits)
    return None
