"""Reading a document's form from its text: the heading zone, the closing zone, the body
between them, the document's style (State or Party) and type.

A heading is laid out in two columns (a table in Word, tabs or cells on their own lines in a
plain-text export), so the components are recognised by what they say, not by where they
stand: the quốc hiệu and tiêu ngữ or the Party's title, the issuer's capitals, "*", the
number and code ("Số: 152/BC-UBND", "Số 26-BC/TU"), the place and date, "Dự thảo", the
type name in capitals ("BÁO CÁO") and the subject lines under it. The closing zone holds
"Nơi nhận:" with its items ending in "Lưu ..." and the signing block (TM., KT., TL., TUQ.,
Q. in State documents; T/M, K/T, T/L in Party ones), in either order and interleaved when a
plain-text export put both columns on one line.

Everything is matched on a folded copy of the NFC text of the same length (lower case,
marks dropped, đ -> d), so spans found there are spans of ``Source.text``. Nothing here
judges: the rules in this package compare what was read with the rule sets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from checker.rules.form.rulesets import PARTY, STATE, rule_set

from checker.facts import Span
from checker.source import SegmentKind, Source

HEADING_LINES = 40  # the heading stands within the first lines of a document
SIGNING_WINDOW = 14  # lines above "Nơi nhận:" where a signing block may stand
LONG_PIECE = 160  # a piece this long is prose: the heading has ended


def fold_same(text: str) -> str:
    """Lower case without marks, đ as d, one character for one character."""
    out: list[str] = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out)


def is_upper(text: str) -> bool:
    """Written in capitals: at least two letters, none of them lower case."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and not any(ch.islower() for ch in letters)


@dataclass(frozen=True)
class Piece:
    """A stretch of one line: a paragraph, a table cell's line, or a column of a line
    split at a tab. ``start``/``end`` are offsets in ``Source.text``; ``line`` is the
    0-based line (a paragraph of a .docx)."""

    start: int
    end: int
    text: str
    line: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class NumberLine:
    """ "Số: 152/BC-UBND": ``number`` "152" ("" when blank), ``sep`` "/" (State) or "-"
    (Party) between number and code, ``code`` "BC-UBND", and its parts."""

    piece: Piece
    word: str  # "Số" as written
    colon: bool
    number: str
    sep: str
    code: str
    year: str | None
    letters: str | None
    issuer: str | None

    @property
    def code_style(self) -> str | None:
        return {"/": STATE, "-": PARTY}.get(self.sep)

    @property
    def blank(self) -> bool:
        return not self.number.isdigit()


@dataclass(frozen=True)
class DateLine:
    """ "Hòa Thuận, ngày 05 tháng 02 năm 2024" (``form`` "words"), or "Hòa Thuận,
    05/02/2024" (``form`` "digits"); a blank field is ""."""

    piece: Piece
    place: str
    comma: bool
    day: str
    month: str
    year: str
    form: str
    day_span: Span | None = None
    month_span: Span | None = None


@dataclass(frozen=True)
class Signer:
    """A line of the signing block: an authority line ("KT. CHỦ TỊCH": ``prefix`` "KT.",
    ``canonical`` "KT") or a position line ("PHÓ CHỦ TỊCH": no prefix)."""

    piece: Piece
    prefix: str | None = None  # as written: "KT.", "KT", "T/M", "TM."
    canonical: str | None = None  # "TM", "KT", "TL", "TUQ", "Q"
    slash: bool = False
    dot: bool = False
    rest: str = ""


@dataclass(frozen=True)
class Form:
    """What the text shows of the document's form. ``style`` is None when the text has no
    recognisable heading: the form rules then say nothing."""

    style: str | None
    strong: bool  # recognised by its quốc hiệu / tiêu ngữ or the Party's title
    doc_type: str | None
    draft: Piece | None
    national: Piece | None
    motto: Piece | None
    party_title: Piece | None
    star: Piece | None
    issuer: tuple[Piece, ...]
    number: NumberLine | None
    date: DateLine | None
    type_name: Piece | None
    type_name_lower: Piece | None  # the type word written in lower case where it stands
    subject: tuple[Piece, ...]
    subject_letter: Piece | None  # "V/v ..." of a công văn
    heading: tuple[Piece, ...]
    heading_end: int
    recipients_label: Piece | None
    recipients: tuple[Piece, ...]
    archive: Piece | None  # the "Lưu ..." item
    signers: tuple[Signer, ...]
    signer_name: Piece | None
    closing_start: int
    body: tuple[Piece, ...]

    @property
    def found(self) -> bool:
        return self.style is not None


# ---------------------------------------------------------------------------------------
# Patterns (on folded text)
# ---------------------------------------------------------------------------------------

_NATIONAL = re.compile(r"cong\s*hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam")
_MOTTO = re.compile(r"doc\s*lap\s*[-–—]?\s*tu\s*do\s*[-–—]?\s*hanh\s*phuc")
_PARTY = re.compile(r"dang\s+cong\s+san\s+viet\s+nam")
_NUMBER = re.compile(r"so(?![a-z0-9])\s*(?P<colon>:)?\s*(?P<rest>.*)", re.DOTALL)
_NUMBER_REST = re.compile(r"(?P<num>[0-9]+|[.…_]*)\s*(?P<tail>[-/]\S*)?\s*")
_DATE = re.compile(
    r"(?P<place>[^,]*?)\s*(?P<comma>,)?\s*ngay\s*(?P<d>[0-9]+|[.…_ ]*?)\s*"
    r"thang\s*(?P<m>[0-9]+|[.…_ ]*?)\s*nam\s*(?P<y>[0-9]{4}|[.…_ ]*?)\s*"
)
_DIGIT_DATE = re.compile(
    r"(?P<place>[^,0-9]+),\s*(?:ngay\s*)?(?P<d>[0-9]{1,2})[/.-](?P<m>[0-9]{1,2})[/.-](?P<y>[0-9]{4})\s*"
)
_DRAFT = re.compile(r"\(?\s*du\s+thao(?:\s+lan\s+\S+)?\s*\)?\s*:?")
_SEPARATOR = re.compile(r"[-_=*~.…\s]{3,}")
_LABEL = re.compile(r"noi\s*nhan\s*:?")
_LABEL_LINE = re.compile(r"noi\s*nhan\s*:?\s*(?:[-+•].*)?", re.DOTALL)
_COLUMN = re.compile(
    r" {3,}(?=(?:cong\s*hoa\s+xa\s+hoi|doc\s*lap|dang\s+cong\s+san|[^\s,]+(?: [^\s,]+){0,4}, ngay\b))"
)
_AUTHORITY = re.compile(
    r"(?P<prefix>t\s*/\s*m|k\s*/\s*t|t\s*/\s*l|t\.m|k\.t|t\.l|tuq|tm|kt|tl|q(?=\.))(?P<dot>\.)?"
    r"(?P<gap>\s*)(?P<rest>\S.*)",
    re.DOTALL,
)
_URGENCY = {"mat", "toi mat", "tuyet mat", "khan", "thuong khan", "hoa toc"}
_BODY_OPENERS = ("can cu", "thuc hien", "kinh gui", "theo ", "trien khai")
_POSITIONS = (
    "chu tich", "bi thu", "giam doc", "truong ban", "chanh van phong", "bo truong",
    "thu truong", "tong cuc truong", "cuc truong", "vu truong", "chanh an", "vien truong",
    "hieu truong", "thu tuong", "chu nhiem", "truong phong",
)  # fmt: skip


@lru_cache(maxsize=1)
def _type_words() -> dict[str, str]:
    """Folded type word -> the type word, over both rule sets."""
    out: dict[str, str] = {}
    for style in (STATE, PARTY):
        for word in rule_set(style).types:
            out[fold_same(word)] = word
    return out


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------


def read_form(source: Source) -> Form:
    """The form of a loaded document (read once per document and file state)."""
    from checker.layout import file_stamp

    return _read_form(source, file_stamp(source))


@lru_cache(maxsize=8)
def _read_form(source: Source, stamp: tuple[int, int] | None) -> Form:
    text = source.text
    folded = fold_same(text)
    main_end = _main_end(source)
    lines = _lines(text, main_end)
    pieces = [p for i, (s, e) in enumerate(lines) for p in _pieces(text, folded, s, e, i)]
    return _Reader(source, folded, lines, pieces, main_end, _caps_lines(source)).read()


def _caps_lines(source: Source) -> frozenset[int]:
    """The paragraphs of a .docx that Word shows in capitals whatever was typed ("All
    caps"): for the form, "Ủy ban nhân dân" typed so is the issuer in capitals."""
    from checker.layout import layout_of

    layout = layout_of(source)
    if layout is None:
        return frozenset()
    out = set()
    for paragraph in layout.paragraphs:
        look = paragraph.look()
        if look is not None and look.caps:
            out.add(paragraph.index)
    return frozenset(out)


def _main_end(source: Source) -> int:
    notes = [
        s.start for s in source.segments if s.kind in (SegmentKind.FOOTNOTE, SegmentKind.ENDNOTE)
    ]
    return min(notes) if notes else len(source.text)


def _lines(text: str, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    while start <= end:
        nl = text.find("\n", start, end)
        stop = end if nl < 0 else nl
        out.append((start, stop))
        if nl < 0:
            break
        start = nl + 1
    return out


def _pieces(text: str, folded: str, start: int, end: int, line: int) -> list[Piece]:
    """The columns of one line: split at tabs and manual line breaks, and before a
    right-column component typed after a run of spaces; "Số" left alone by such a split
    keeps its code."""
    bounds: list[tuple[int, int]] = []
    pos = start
    for m in re.finditer(r"[\t\v\r]", text[start:end]):
        bounds.append((pos, start + m.start()))
        pos = start + m.end()
    bounds.append((pos, end))
    out: list[Piece] = []
    for a, b in bounds:
        cuts = [a] + [a + m.start() for m in _COLUMN.finditer(folded[a:b])] + [b]
        for s, e in pairwise(cuts):
            s2, e2 = s, e
            while s2 < e2 and text[s2].isspace():
                s2 += 1
            while e2 > s2 and text[e2 - 1].isspace():
                e2 -= 1
            if s2 < e2:
                out.append(Piece(s2, e2, text[s2:e2], line))
    return out


class _Reader:
    """One pass over a document's pieces (a class only to keep the many parts of the
    reading apart; it is not kept)."""

    def __init__(
        self,
        source: Source,
        folded: str,
        lines: list[tuple[int, int]],
        pieces: list[Piece],
        main_end: int,
        caps_lines: frozenset[int] = frozenset(),
    ) -> None:
        self.caps_lines = caps_lines
        self.source = source
        self.folded = folded
        self.lines = lines
        self.pieces = pieces
        self.main_end = main_end

    def f(self, piece: Piece) -> str:
        return self.folded[piece.start : piece.end]

    def upper(self, piece: Piece) -> bool:
        """In capitals as typed, or as Word shows the paragraph."""
        return is_upper(piece.text) or (
            piece.line in self.caps_lines and any(c.isalpha() for c in piece.text)
        )

    # -- the heading --------------------------------------------------------------------
    def read(self) -> Form:
        zone, after = self._heading_zone()
        national = motto = party_title = star = draft = type_name = type_lower = None
        subject_letter = None
        number: NumberLine | None = None
        date: DateLine | None = None
        issuer: list[Piece] = []
        rest: list[Piece] = []
        for p in zone:
            f = self.f(p)
            if _NATIONAL.fullmatch(f):
                national = national or p
            elif _MOTTO.fullmatch(f):
                motto = motto or p
            elif _PARTY.fullmatch(f):
                party_title = party_title or p
            elif p.text == "*":
                star = star or p
            elif _DRAFT.fullmatch(f):
                draft = draft or p
            elif number is None and (n := self._number(p)) is not None:
                number = n
            elif date is None and (d := self._date(p)) is not None:
                date = d
            elif f.startswith("v/v"):
                subject_letter = subject_letter or p
            else:
                rest.append(p)
        for p in rest:
            f = self.f(p).strip(" :")
            if f in _type_words() and not self.upper(p) and type_lower is None:
                type_lower = p
            elif self.upper(p) and f not in _URGENCY and not _SEPARATOR.fullmatch(p.text):
                issuer.append(p)
        type_name = after[0] if after else None
        subject = after[1:] if after else ()
        heading = tuple(zone) + tuple(after)
        heading_end = max((p.end for p in heading), default=0)
        if draft is None:
            draft = next((p for p in self.pieces[:60] if _DRAFT.fullmatch(self.f(p))), None)
        label, items, archive, signers, name, closing = self._closing(heading_end)
        body = self._body(heading_end, closing)
        style, strong = self._style(national, motto, party_title, star, number, signers)
        doc_type = self._doc_type(type_name, number, style)
        return Form(
            style=style,
            strong=strong,
            doc_type=doc_type,
            draft=draft,
            national=national,
            motto=motto,
            party_title=party_title,
            star=star,
            issuer=tuple(issuer),
            number=number,
            date=date,
            type_name=type_name,
            type_name_lower=type_lower if type_name is None else None,
            subject=tuple(subject),
            subject_letter=subject_letter,
            heading=heading,
            heading_end=heading_end,
            recipients_label=label,
            recipients=items,
            archive=archive,
            signers=signers,
            signer_name=name,
            closing_start=closing,
            body=body,
        )

    def _heading_zone(self) -> tuple[list[Piece], tuple[Piece, ...]]:
        """The pieces before the type name, and the type name with its subject lines
        (empty when the heading names no type, as a công văn's does not)."""
        zone: list[Piece] = []
        for i, p in enumerate(self.pieces):
            if p.line >= HEADING_LINES or len(p.text) > LONG_PIECE:
                break
            f = self.f(p)
            if f.startswith(_BODY_OPENERS) and zone:
                break
            if f.strip(" :") in _type_words() and self.upper(p):
                return zone, (p, *self._subject(i + 1))
            zone.append(p)
        return zone, ()

    def _subject(self, i: int) -> list[Piece]:
        """The subject lines after the type name: up to a rule ("-----"), a blank line
        after them, the opening of the body, or four lines."""
        out: list[Piece] = []
        last_line = self.pieces[i - 1].line
        while i < len(self.pieces) and len(out) < 4:
            p = self.pieces[i]
            f = self.f(p)
            if _SEPARATOR.fullmatch(p.text) or len(p.text) > LONG_PIECE:
                break
            if out and p.line > last_line + 1:
                break
            if f.startswith(_BODY_OPENERS) or _LABEL.match(f) or p.text.endswith((".", ":", ";")):
                break  # a sentence: the body has begun (a subject line ends without a stop)
            out.append(p)
            last_line = p.line
            i += 1
        return out

    def _number(self, p: Piece) -> NumberLine | None:
        f = self.f(p)
        m = _NUMBER.fullmatch(f)
        if m is None:
            return None
        rest_start = p.start + m.start("rest")
        rest = self.source.text[rest_start : p.end]
        r = _NUMBER_REST.fullmatch(rest)
        if r is None or (not r.group("num").isdigit() and not r.group("tail")):
            return None
        tail = r.group("tail") or ""
        sep, code = (tail[0], tail[1:]) if tail else ("", "")
        year, letters, issuer = code_parts(sep, code)
        return NumberLine(
            piece=p,
            word=p.text[:2],
            colon=m.group("colon") is not None,
            number=r.group("num"),
            sep=sep,
            code=code,
            year=year,
            letters=letters,
            issuer=issuer,
        )

    def _date(self, p: Piece) -> DateLine | None:
        f = self.f(p)
        text = p.text
        m = _DATE.fullmatch(f)
        if m is not None:
            found = m

            def field(name: str) -> str:
                return text[found.start(name) : found.end(name)].strip()

            return DateLine(
                piece=p,
                place=field("place"),
                comma=m.group("comma") is not None,
                day=field("d") if m.group("d").strip(" ").isdigit() else "",
                month=field("m") if m.group("m").strip(" ").isdigit() else "",
                year=field("y") if m.group("y").strip(" ").isdigit() else "",
                form="words",
                day_span=Span(p.start + m.start("d"), p.start + m.end("d")),
                month_span=Span(p.start + m.start("m"), p.start + m.end("m")),
            )
        m = _DIGIT_DATE.fullmatch(f)
        if m is not None:
            return DateLine(
                piece=p,
                place=text[m.start("place") : m.end("place")].strip(),
                comma=True,
                day=m.group("d"),
                month=m.group("m"),
                year=m.group("y"),
                form="digits",
            )
        return None

    # -- the closing ----------------------------------------------------------------------
    def _closing(
        self, heading_end: int
    ) -> tuple[
        Piece | None, tuple[Piece, ...], Piece | None, tuple[Signer, ...], Piece | None, int
    ]:
        after = [p for p in self.pieces if p.start >= heading_end]
        label = next((p for p in reversed(after) if _LABEL_LINE.fullmatch(self.f(p))), None)
        if label is not None:
            first_line = label.line - SIGNING_WINDOW
        else:
            last = after[-1].line if after else 0
            first_line = last - SIGNING_WINDOW - 6
        window = [p for p in after if p.line >= first_line]
        signers, name = self._signers(window)
        items, archive = self._items(label, window, signers, name)
        starts = [p.start for p in ([label] if label else [])] + [s.piece.start for s in signers]
        closing = min(starts) if starts else self.main_end
        return label, items, archive, signers, name, closing

    def _signers(self, window: list[Piece]) -> tuple[tuple[Signer, ...], Piece | None]:
        """Authority lines, the position lines that follow them (and one standing just
        above the first, so its order can be judged), and the signer's name."""
        out: list[Signer] = []
        name: Piece | None = None
        first = next((i for i, p in enumerate(window) if self._authority(p) is not None), None)
        if first is None:
            return (), None
        prev = _previous_upper(window, first)
        if prev is not None and _is_position(self.f(prev)):
            out.append(Signer(prev))
        for p in window[first:]:
            auth = self._authority(p)
            f = self.f(p)
            if auth is not None:
                out.append(auth)
            elif self.upper(p) and not f.startswith(("-", "+")) and not _LABEL.match(f):
                out.append(Signer(p))
            elif name is None and _looks_like_name(p.text) and out:
                name = p
                break
        return tuple(out), name

    def _authority(self, p: Piece) -> Signer | None:
        f = self.f(p)
        m = _AUTHORITY.fullmatch(f)
        if m is None:
            return None
        rest = p.text[m.start("rest") :]
        if not (is_upper(rest) or p.line in self.caps_lines):
            return None
        prefix_text = p.text[: m.end("prefix")]
        if not (is_upper(prefix_text) or prefix_text.upper() == prefix_text):
            return None
        raw = m.group("prefix").replace(" ", "")
        if m.group("dot") is None and not m.group("gap") and "/" not in raw:
            return None  # "KTXH", "TLLCT": a word, not a prefix
        canonical = raw.replace("/", "").replace(".", "").upper()
        dot = m.group("dot") is not None
        written = p.text[: m.end("dot") if dot else m.end("prefix")]
        return Signer(p, written, canonical, "/" in raw, dot or "." in raw, rest)

    def _items(
        self,
        label: Piece | None,
        window: list[Piece],
        signers: tuple[Signer, ...],
        name: Piece | None,
    ) -> tuple[tuple[Piece, ...], Piece | None]:
        """The recipients: items opening with a dash, lines without one continuing the
        item above (until the "Lưu" item), the signing block's lines left out."""
        if label is None:
            return (), None
        taken = {s.piece for s in signers} | ({name} if name else set())
        items: list[Piece] = []
        archive: Piece | None = None
        inline = self._label_tail(label)
        if inline is not None:
            items.append(inline)
            if _is_archive(self.f(inline)):
                archive = inline
        for p in window:
            if p.start <= label.start or p in taken:
                continue
            f = self.f(p)
            if f.startswith(("-", "+", "•")):
                items.append(p)
                if archive is None and _is_archive(f):
                    archive = p
            elif items and archive is None and not _SEPARATOR.fullmatch(p.text):
                last = items.pop()
                items.append(
                    Piece(last.start, p.end, self.source.text[last.start : p.end], last.line)
                )
        return tuple(items), archive

    def _label_tail(self, label: Piece) -> Piece | None:
        """An item written on the label's own line: "Nơi nhận: - Như trên;"."""
        m = _LABEL.match(self.f(label))
        assert m is not None
        start = label.start + m.end()
        while start < label.end and self.source.text[start].isspace():
            start += 1
        if start >= label.end:
            return None
        return Piece(start, label.end, self.source.text[start : label.end], label.line)

    # -- the body, the style, the type ---------------------------------------------------
    def _body(self, heading_end: int, closing: int) -> tuple[Piece, ...]:
        """Whole lines of the body segments between the heading and the closing."""
        out: list[Piece] = []
        for i, (s, e) in enumerate(self.lines):
            if s < heading_end or e > closing or s >= closing:
                continue
            seg = self.source.segment_at(s)
            if seg.kind is not SegmentKind.BODY:
                continue
            text = self.source.text[s:e]
            a, b = s + (len(text) - len(text.lstrip())), s + len(text.rstrip())
            if a < b and not _SEPARATOR.fullmatch(text.strip()):
                out.append(Piece(a, b, self.source.text[a:b], i))
        return tuple(out)

    def _style(
        self,
        national: Piece | None,
        motto: Piece | None,
        party_title: Piece | None,
        star: Piece | None,
        number: NumberLine | None,
        signers: tuple[Signer, ...],
    ) -> tuple[str | None, bool]:
        state_strong = national is not None or motto is not None
        party_strong = party_title is not None
        if state_strong != party_strong:
            return (STATE if state_strong else PARTY), True
        if state_strong and party_strong:
            return None, False
        if number is None and star is None:
            return None, False  # no heading to speak of: an excerpt, a note
        votes = {STATE: 0, PARTY: 0}
        if number is not None and number.code_style is not None:
            votes[number.code_style] += 2
        if star is not None:
            votes[PARTY] += 1
        for s in signers:
            if s.canonical is not None:
                votes[PARTY if s.slash else STATE] += 1
        if votes[STATE] == votes[PARTY]:
            return None, False
        return (STATE if votes[STATE] > votes[PARTY] else PARTY), False

    def _doc_type(
        self, type_name: Piece | None, number: NumberLine | None, style: str | None
    ) -> str | None:
        if type_name is not None:
            return _type_words().get(self.f(type_name).strip(" :"))
        if style is None or number is None:
            return None
        rules = rule_set(style)
        if number.letters:
            found = rules.types_of_letters(number.letters)
            if found:
                return found[0]
        if style == STATE and number.letters is None and number.issuer:
            return "công văn"
        return None


def code_parts(sep: str, code: str) -> tuple[str | None, str | None, str | None]:
    """(year, type letters, issuer) of a code after its number: "2022/NQ-HĐND",
    "BC-UBND", "UBND-VX" (a State công văn: issuer first), "BC/TU"."""
    if not code:
        return None, None, None
    if sep == "/":
        m = re.fullmatch(r"(?:(?P<year>\d{4})/)?(?P<a>[^-/\s]+)(?:-(?P<b>[^/\s]+))?", code)
        if m is None:
            return None, None, None
        a, b = m.group("a"), m.group("b")
        if b is None:
            return m.group("year"), None, a
        known = rule_set(STATE).types_of_letters(a) or rule_set(PARTY).types_of_letters(a)
        if known:
            return m.group("year"), a, b.split("-")[0]
        return m.group("year"), None, a  # "UBND-VX": issuer, then the drafting unit
    m = re.fullmatch(r"(?P<a>[^/\s]+)/(?P<b>\S+)", code)
    if m is None:
        return None, None, None
    return None, m.group("a"), m.group("b").split("-")[0]


def _previous_upper(window: list[Piece], i: int) -> Piece | None:
    for p in reversed(window[:i]):
        if is_upper(p.text):
            return p
        if not p.text.startswith(("-", "+")):
            return None
    return None


def _is_position(folded: str) -> bool:
    f = folded.removeprefix("pho ").strip()
    return any(f.startswith(pos) for pos in _POSITIONS)


def _is_archive(folded_item: str) -> bool:
    return re.match(r"[-+•]?\s*luu\b", folded_item) is not None


def _looks_like_name(text: str) -> bool:
    """A signer's name: two to six capitalised words ("Nguyễn Thanh Tùng")."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and not is_upper(w) for w in words)
