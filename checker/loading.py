"""Reading drafts: .txt/.md (UTF-8, UTF-16/32 with BOM), .docx, standard input, folders.

This is the only place that touches input bytes. Everything that can go wrong with an input
(missing, too large, binary, a legacy Vietnamese encoding, a damaged or hostile .docx) ends
here as an ``InputError`` whose text is one line naming the file, so the CLI can report it
and go on with the other inputs. Nothing here ever writes to an input.

What comes out is a ``Source`` (see checker/source.py) with its segments: the body, each
footnote and endnote, and for a .docx each table, plus the footnote reference markers of
the body.

- Plain text exported from Word carries footnotes as "[" at the end of a line and "]" at
  the start of the next one in the body, and the footnote texts at the end of the file,
  each opening with "[\\ufffd]" (the reference mark Word could not export).
- Markdown uses "[^label]" references and "[^label]: text" definitions.
- A .docx is read with python-docx (imported lazily) for the body, in reading order, and
  its footnotes and endnotes parts are parsed with defusedxml; the "original text" is one
  line per paragraph: body (tables included), then footnotes, then endnotes.
"""

from __future__ import annotations

import io
import os
import re
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Protocol

from checker.findings import Message
from checker.source import SegmentKind, Source

SUFFIXES = (".txt", ".md", ".docx")
MB = 1024 * 1024

# (kind, start, end, number, ref) in original offsets, as Source.build takes them
SegmentSpec = tuple[SegmentKind, int, int, int | None, int | None]


class InputError(Exception):
    """An input that cannot be read.

    ``str(error)`` is one line, in Vietnamese, that names the file and the problem;
    ``error.text("en")`` gives the same line in English.
    """

    def __init__(self, path: str, message: Message | str | None = None) -> None:
        if message is None:  # InputError("one line") as in the first version
            path, message = "", path
        if isinstance(message, str):
            message = Message(vi=message, en=message)
        self.path = path
        self.message = message
        super().__init__(self.text("vi"))

    def text(self, lang: str = "vi") -> str:
        body = self.message.get(lang)
        line = f"{_one_line(self.path)}: {body}" if self.path else body
        return _one_line(line)


def _one_line(text: str) -> str:
    return " ".join(text.split("\n")).replace("\r", " ")


def _error(path: str, vi: str, en: str) -> InputError:
    return InputError(path, Message(vi=vi, en=en))


@dataclass(frozen=True)
class Limits:
    """Caps that keep a hostile or mistaken input from eating the machine.

    ``max_input`` bounds any file read (and standard input); the others bound what a .docx
    may decompress to, judged from the sizes its archive declares before anything is
    inflated (and enforced while inflating, for archives that lie): one part, every part
    together, the XML parts together, the number of parts, and the compression ratio of a
    part larger than ``ratio_floor`` (zip bombs compress zeros a thousand to one; real
    documents, even their XML, stay far below 200:1).

    The XML caps are about memory: python-docx parses every XML part into an lxml tree,
    which takes about eight times the size of its XML (measured: 20 MB of document.xml
    took 175 MB while it was read). 40 MB of XML is a document of thousands of pages, and
    keeps the trees of any accepted .docx under about 350 MB. Pictures and embedded files
    are never inflated; they count towards ``max_total`` only.
    """

    max_input: int = 50 * MB
    max_part: int = 32 * MB
    max_total: int = 200 * MB
    max_xml: int = 40 * MB
    max_ratio: float = 200.0
    ratio_floor: int = 1 * MB
    max_members: int = 10_000


DEFAULT_LIMITS = Limits()


# ---------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------


def load_text(text: str, name: str = "<text>", kind: str = "txt") -> Source:
    """A Source for a draft given as a string: plain text (``kind="txt"``) or Markdown.

    Footnotes are linked as a Word plain-text export writes them; for Markdown, the
    ``[^label]`` footnotes when there are any.
    """
    if kind not in ("txt", "md"):
        raise ValueError(f"load_text reads txt or md, not {kind!r}")
    text = text.removeprefix("\ufeff")
    notes = _markdown_notes(text) if kind == "md" else None
    segments, markers = notes if notes is not None else _export_notes(text)
    return Source.build(name, text, segments, kind, markers)


def load_path(path: str, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Load one input: a .txt/.md/.docx file, or standard input for "-"."""
    if path == "-":
        return load_bytes(_read_stdin(limits), "<stdin>", None, limits)
    data = _read_file(path, limits)
    return load_bytes(data, path, _kind_of(path), limits)


def load_bytes(
    data: bytes, name: str, kind: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Source:
    """Load the bytes of a draft; ``kind`` ("txt", "md", "docx") comes from the file name,
    and None means "guess from the content" (standard input)."""
    if len(data) > limits.max_input:
        raise _too_large(name, limits.max_input)
    sniffed = _sniff(data, name)
    if kind == "docx" or sniffed == "zip":
        if sniffed != "zip":
            raise _error(
                name,
                "không phải tệp .docx hợp lệ (không phải tệp nén zip)",
                "not a valid .docx (not a zip archive)",
            )
        return load_docx(data, name, limits)
    return load_text(decode(data, name), name, "md" if kind == "md" else "txt")


def decode(data: bytes, name: str) -> str:
    """The text of a plain-text file: UTF-8 (with or without BOM), UTF-16 or UTF-32 with
    BOM. Anything else, and UTF-8 that is really mojibake or a legacy Vietnamese encoding
    seen through Windows-1252, is an InputError that names the encoding when it can."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise _error(
                    name,
                    f"văn bản {codec.upper()} bị lỗi (byte {exc.start + len(bom)})",
                    f"invalid {codec.upper()} text (byte {exc.start + len(bom)})",
                ) from None
            if "\x00" in text:
                raise _binary(name)
            check_legacy(text, name)
            return text
    if b"\x00" in data:
        if _looks_utf16_without_bom(data):
            raise _error(
                name,
                "có vẻ là UTF-16 không có BOM; hãy lưu lại dưới dạng UTF-8",
                "looks like UTF-16 without a byte order mark; save it as UTF-8",
            )
        raise _binary(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _undecodable(data, name, exc.start) from None
    check_legacy(text, name)
    return text


def expand_paths(paths: Sequence[str]) -> list[str]:
    """The inputs named on the command line: folders are recursed for .txt, .md and .docx
    files (sorted; hidden entries and Word's "~$" lock files skipped), "-" and files are
    kept as given, and a path that does not exist is kept so that ``load_path`` reports it.
    """
    out: list[str] = []
    seen: set[str] = set()
    for path in paths:
        found = _walk(path) if path != "-" and os.path.isdir(path) else [path]
        for p in found:
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out


def _walk(folder: str) -> list[str]:
    """The drafts under a folder. Only regular files: a named pipe called "x.txt" would make
    the read wait forever, and a link to a device would never end (a pipe or a device
    named on the command line is still read: that is the user's choice)."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith((".", "~$")) or not f.lower().endswith(SUFFIXES):
                continue
            path = os.path.join(root, f)
            if os.path.isfile(path):  # follows links; false for pipes, devices, dead links
                found.append(path)
    return sorted(found)


# ---------------------------------------------------------------------------------------
# Reading bytes
# ---------------------------------------------------------------------------------------


def _kind_of(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    return {".docx": "docx", ".md": "md", ".markdown": "md"}.get(suffix, "txt")


def _read_file(path: str, limits: Limits) -> bytes:
    try:
        if os.path.isdir(path):
            raise _error(path, "là một thư mục, không phải tệp", "is a folder, not a file")
        size = os.stat(path).st_size
        if size > limits.max_input:
            raise _too_large(path, limits.max_input)
        with open(path, "rb") as fh:
            data = fh.read(limits.max_input + 1)
    except FileNotFoundError:
        raise _error(path, "không có tệp này", "no such file") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _error(
            path, f"không đọc được tệp ({reason})", f"cannot read the file ({reason})"
        ) from None
    if len(data) > limits.max_input:
        raise _too_large(path, limits.max_input)
    return data


def _read_stdin(limits: Limits) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise _error("<stdin>", "không có đầu vào chuẩn", "there is no standard input")
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data: bytes = buffer.read(limits.max_input + 1)
        else:  # a text stream (an embedding program, a test): take its text as UTF-8
            data = stream.read(limits.max_input + 1).encode("utf-8")
    except (OSError, ValueError) as exc:
        raise _error(
            "<stdin>",
            f"không đọc được đầu vào chuẩn ({exc})",
            f"cannot read standard input ({exc})",
        ) from None
    if len(data) > limits.max_input:
        raise _too_large("<stdin>", limits.max_input)
    return data


def _too_large(name: str, limit: int) -> InputError:
    size = _mb(limit)
    return _error(
        name,
        f"tệp lớn hơn giới hạn {size}",
        f"the input is larger than the {size} limit",
    )


def _mb(n: int) -> str:
    return f"{n // MB} MB" if n >= MB and n % MB == 0 else f"{n} bytes"


def _binary(name: str) -> InputError:
    return _error(
        name,
        "tệp nhị phân (có byte NUL), không phải văn bản",
        "binary file (it contains NUL bytes), not text",
    )


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _sniff(data: bytes, name: str) -> str | None:
    """Recognise what the name cannot tell: a zip (a .docx sent through standard input or
    misnamed), and formats rasoat does not read, which get a clear message."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _error(
            name,
            "là tệp Word 97-2003 (.doc) hoặc tệp có mật khẩu; hãy lưu lại dưới dạng .docx",
            "a Word 97-2003 .doc or a password-protected file; save it as .docx",
        )
    if data.startswith(b"%PDF-"):
        raise _error(
            name,
            "là tệp PDF; rasoat đọc .docx, .txt và .md",
            "a PDF file; rasoat reads .docx, .txt and .md",
        )
    return None


def _looks_utf16_without_bom(data: bytes) -> bool:
    """Text in UTF-16 has a zero in every other byte (for Latin letters and digits)."""
    head = data[:4096]
    if len(head) < 8:
        return False
    half = max(len(head) // 2, 1)
    zeros_even = head[0::2].count(0)
    zeros_odd = head[1::2].count(0)
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


# ---------------------------------------------------------------------------------------
# Legacy Vietnamese encodings and mojibake
# ---------------------------------------------------------------------------------------

# TCVN 5712:1993 VN3 ("ABC", the .VnTime fonts): lowercase letters with their tones, and
# seven capitals without tone (the .VnTimeH fonts draw the lowercase codes as capitals).
# fmt: off
TCVN3: Mapping[int, str] = MappingProxyType({
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ", 0xA8: "ă",
    0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xB5: "à", 0xB6: "ả",
    0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ",
    0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ", 0xD7: "ì",
    0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó",
    0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở",
    0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ",
    0xFD: "ý", 0xFE: "ỵ",
})
# fmt: on

_TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}
# VNI-Windows: a letter is an ASCII base letter followed by one byte for its marks; the
# letters are written here as they read in Windows-1252, lower then upper case.
_VNI_TONE = ("ùøûõï", "ÙØÛÕÏ")  # acute, grave, hook, tilde, dot (after a, e, o, u, y, ơ, ư)
_VNI_CIRC = ("âáàåãä", "ÂÁÀÅÃÄ")  # circumflex alone, then with each tone
_VNI_BREVE = ("êéèúüë", "ÊÉÈÚÜË")  # breve alone, then with each tone
_VNI_I = ("íìæóò", "ÍÌÆÓÒ")  # i with each tone: a single byte


@lru_cache(maxsize=1)
def vni_table() -> dict[str, str]:
    """Unicode letter -> its VNI spelling (as Windows-1252 text), for every Vietnamese
    letter. Built from the letters' decompositions, so it cannot drift from Unicode."""
    table: dict[str, str] = {"đ": "ñ", "Đ": "Ñ", "ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö"}
    for upper in (0, 1):
        for base in "AEIOUY" if upper else "aeiouy":
            for tone_mark, t in _TONES.items():
                letter = unicodedata.normalize("NFC", base + tone_mark)
                if base in "iI":
                    table[letter] = _VNI_I[upper][t]
                elif base in "yY" and t == 4:
                    table[letter] = "Î" if upper else "î"
                else:
                    table[letter] = base + _VNI_TONE[upper][t]
            for extra, marks, bases in (
                ("\u0302", _VNI_CIRC, "aeoAEO"),
                ("\u0306", _VNI_BREVE, "aA"),
            ):
                if base not in bases:
                    continue
                table[unicodedata.normalize("NFC", base + extra)] = base + marks[upper][0]
                for tone_mark, t in _TONES.items():
                    letter = unicodedata.normalize("NFC", base + extra + tone_mark)
                    table[letter] = base + marks[upper][t + 1]
        for horn, code in (("ơ", "ô"), ("ư", "ö")) if not upper else (("Ơ", "Ô"), ("Ư", "Ö")):
            for tone_mark, t in _TONES.items():
                letter = unicodedata.normalize("NFC", horn + tone_mark)
                table[letter] = code + _VNI_TONE[upper][t]
    return table


@lru_cache(maxsize=1)
def _vni_reverse() -> tuple[dict[str, str], dict[str, str]]:
    pairs = {v: k for k, v in vni_table().items() if len(v) == 2}
    singles = {v: k for k, v in vni_table().items() if len(v) == 1}
    return pairs, singles


def read_vni(text: str) -> str:
    """Windows-1252 text that was typed in a VNI font, read back as Unicode."""
    pairs, singles = _vni_reverse()
    out: list[str] = []
    i = 0
    while i < len(text):
        two = text[i : i + 2]
        if two in pairs:
            out.append(pairs[two])
            i += 2
            continue
        out.append(singles.get(text[i], text[i]))
        i += 1
    return "".join(out)


def read_tcvn3(data: bytes) -> str:
    """TCVN3 (ABC) bytes read as Unicode; bytes outside the table as Windows-1252 shows them."""
    return "".join(TCVN3.get(b) or _byte_char(b) for b in data)


@lru_cache(maxsize=256)
def _byte_char(b: int) -> str:
    """A byte as Windows-1252 shows it (Latin-1 for the five bytes it leaves undefined)."""
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


@lru_cache(maxsize=1)
def _char_bytes() -> dict[str, int]:
    """The inverse of ``_byte_char`` for the bytes 0x80-0xFF, plus the C1 controls a
    Latin-1 reading leaves (U+0080 for 0x80 where Windows-1252 shows "€")."""
    table = {_byte_char(b): b for b in range(0x80, 0x100)}
    for b in range(0x80, 0xA0):
        table.setdefault(chr(b), b)
    return table


def _as_bytes(text: str) -> bytes:
    """The bytes a legacy program saw behind ``text`` if it shows them as Windows-1252;
    characters beyond that code page stay as their UTF-8 bytes."""
    table = _char_bytes()
    out = bytearray()
    for ch in text:
        if ch < "\x80":
            out.append(ord(ch))
        elif ch in table:
            out.append(table[ch])
        else:
            out += ch.encode("utf-8", "surrogatepass")
    return bytes(out)


# Frequent Vietnamese words that carry diacritics (words without any read the same under
# every encoding and tell nothing). A decoding under which many of them appear is right.
# fmt: off
_COMMON_WORDS = frozenset((
    "của", "và", "các", "được", "những", "đã", "người", "với", "có", "là", "không", "một", "này",
    "về", "đến", "năm", "cán", "bộ", "đảng", "thực", "hiện", "trên", "để", "đồng", "chức",
    "công", "tác", "việc", "nhiều", "đó", "phát", "triển", "định", "số", "ngày", "tỉnh", "ủy",
    "uỷ", "xã", "hội", "chính", "trị", "kết", "quả", "nghị", "quyết", "báo", "cáo", "đạo",
    "lãnh", "học", "viên", "đơn", "vị", "cấp", "dân", "sự", "từ", "như", "cũng", "còn", "vào",
    "lại", "ở", "tại", "đề", "nâng", "cường", "tổ", "văn", "bản",
))
# fmt: on

_VN_LATIN1_LETTERS = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
# Typography that real Vietnamese drafts use and that is therefore no sign of a wrong
# encoding, even though Windows-1252 has it too.
_TYPOGRAPHY = "\u00a0–—‘’“”…•°±×÷§·²³½¼¾€‰™©"


@lru_cache(maxsize=1)
def _odd_chars() -> frozenset[str]:
    """Characters that Windows-1252 or Latin-1 show for the bytes 0x80-0xFF and that a
    Unicode Vietnamese text has no business containing in numbers."""
    chars = {_byte_char(b) for b in range(0x80, 0x100)} | {chr(b) for b in range(0x80, 0x100)}
    return frozenset(chars - set(_VN_LATIN1_LETTERS) - set(_TYPOGRAPHY))


@lru_cache(maxsize=1)
def _odd_re() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_odd_chars()))) + "]")


_WORD_RE = re.compile(r"\w+")
_SCAN = 200_000  # characters examined: plenty to decide, bounded for huge inputs


def _hits(text: str) -> int:
    text = unicodedata.normalize("NFC", text[:_SCAN]).lower()
    return sum(1 for w in _WORD_RE.findall(text) if w in _COMMON_WORDS)


def _odd(text: str) -> int:
    return len(_odd_re().findall(text[:_SCAN])) + text[:_SCAN].count("\ufffd")


@dataclass(frozen=True)
class _Legacy:
    """A way a Vietnamese text gets garbled, named in both languages."""

    vi: str
    en: str


_MOJIBAKE = _Legacy(
    'văn bản UTF-8 đã bị đọc nhầm thành Windows-1252/Latin-1 rồi lưu lại ("Ä‘" thay cho "đ")',
    'UTF-8 text that was read as Windows-1252/Latin-1 and saved again (mojibake: "Ä‘" for "đ")',
)
_CP1258 = _Legacy("bảng mã Windows-1258 (cp1258)", "the Windows-1258 (cp1258) encoding")
_TCVN3_ENC = _Legacy(
    "bảng mã TCVN3 (ABC, phông .VnTime)", "the TCVN3 (ABC, .VnTime fonts) encoding"
)
_VNI = _Legacy("bảng mã VNI (phông VNI-Times)", "the VNI (VNI-Times fonts) encoding")


def _readings(data: bytes) -> list[tuple[_Legacy, str]]:
    """Every legacy reading of raw bytes, as Unicode text."""
    return [
        (_CP1258, data.decode("cp1258", "replace")),
        (_TCVN3_ENC, read_tcvn3(data)),
        (_VNI, read_vni("".join(_byte_char(b) if b >= 0x80 else chr(b) for b in data))),
    ]


def check_legacy(text: str, name: str) -> None:
    """Raise an InputError when decoded text is really a legacy Vietnamese encoding seen
    through Windows-1252 (a .VnTime or VNI font in a .docx, a converted file) or UTF-8
    mojibake. Real Unicode Vietnamese never trips it: it first needs the characters such
    texts are full of (at least 3, and 1% of the letters), then a reading of the same bytes
    that explains at least three quarters of them and has more common Vietnamese words."""
    sample = text[:_SCAN]
    odd = len(_odd_re().findall(sample))
    if odd < 3 or odd * 100 < sum(1 for ch in sample if ch.isalpha()):
        return
    raw = _as_bytes(sample)
    readings = [(_MOJIBAKE, raw.decode("utf-8", "replace")), *_readings(raw)]
    base_odd, base_hits = _odd(sample), _hits(sample)
    best: tuple[int, int, _Legacy] | None = None
    for legacy, reading in readings:
        r_odd, r_hits = _odd(reading), _hits(reading)
        explains = r_odd * 4 <= base_odd and r_hits >= 2 and r_hits > base_hits
        if explains and (best is None or (r_odd, -r_hits) < best[:2]):
            best = (r_odd, -r_hits, legacy)
    if best is None:
        return
    legacy = best[2]
    if legacy is _MOJIBAKE:
        raise _error(
            name,
            f"{legacy.vi}; hãy lấy lại bản gốc",
            f"{legacy.en}; get the original back",
        )
    raise _error(
        name,
        f"chữ được gõ bằng {legacy.vi}, không phải Unicode; hãy chuyển mã sang Unicode "
        "rồi kiểm tra lại",
        f"the text is typed in {legacy.en}, not Unicode; convert it to Unicode and check again",
    )


def _undecodable(data: bytes, name: str, position: int) -> InputError:
    """The error for bytes that are not UTF-8: name the legacy Vietnamese encoding under
    which they read as Vietnamese, or else charset-normalizer's best guess."""
    sample = data[:_SCAN]
    scored = [(_hits(text), -_odd(text), legacy) for legacy, text in _readings(sample)]
    hits, _, legacy = max(scored, key=lambda s: (s[0], s[1]))
    if hits >= 1:
        return _error(
            name,
            f"không phải UTF-8 mà là {legacy.vi}; hãy chuyển sang Unicode (UTF-8) rồi kiểm tra lại",
            f"not UTF-8 but {legacy.en}; convert it to Unicode (UTF-8) and check again",
        )
    guess = _guess_encoding(sample)
    vi_hint = f"; có thể là {guess}" if guess else ""
    en_hint = f"; perhaps {guess}" if guess else ""
    return _error(
        name,
        f"không phải văn bản UTF-8 hay UTF-16 (byte lỗi ở vị trí {position}{vi_hint})",
        f"not UTF-8 or UTF-16 text (invalid byte at offset {position}{en_hint})",
    )


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only on this failure path

    best = from_bytes(data[:65536]).best()
    return None if best is None else str(best.encoding)


# ---------------------------------------------------------------------------------------
# Footnotes of plain text and Markdown
# ---------------------------------------------------------------------------------------

# The opening of a footnote text in a Word plain-text export: "[\ufffd]" at the start of a
# line; damaged ones lose a bracket ("[\ufffd " or "\ufffd]").
_EXPORT_OPENING = re.compile(r"^(?:\[\ufffd\]?|\ufffd\])", re.MULTILINE)
# A reference marker in the body: "[" ending a line and "]" starting the next; the damaged
# form "]\n]" (seen in real drafts) stands in the same place and is linked the same way.
_EXPORT_MARKER = re.compile(r"[\[\]]\r?\n\]")


def _export_notes(text: str) -> tuple[list[SegmentSpec], list[tuple[int, int]]]:
    """Segments and markers of a Word plain-text export: the body is the text before the
    first footnote opening; the k-th footnote runs from its opening to the next one and is
    linked to the k-th marker of the body (ref None when there are fewer markers)."""
    openings = [m.start() for m in _EXPORT_OPENING.finditer(text)]
    body_end = openings[0] if openings else len(text)
    markers = [m.span() for m in _EXPORT_MARKER.finditer(text, 0, body_end)]
    segments: list[SegmentSpec] = [(SegmentKind.BODY, 0, body_end, None, None)]
    for k, start in enumerate(openings):
        end = openings[k + 1] if k + 1 < len(openings) else len(text)
        ref = markers[k][0] if k < len(markers) else None
        segments.append((SegmentKind.FOOTNOTE, start, end, k + 1, ref))
    return segments, markers


# A label never holds a bracket (CommonMark), and saying so keeps the search linear: with
# "[^" allowed inside a label, a line of "[^[^[^..." made each try run to the end of the
# line (40,000 characters took 22 seconds).
_MD_DEFINITION = re.compile(r"^ {0,3}\[\^([^\[\]\s]+)\]:", re.MULTILINE)
_MD_REFERENCE = re.compile(r"\[\^([^\[\]\s]+)\]")
_MD_BLOCK_START = re.compile(
    r" {0,3}(?:#|>|[-*+] |\d{1,9}[.)] |```|~~~|\|)"
)  # CommonMark: 1-9 digits


def _markdown_notes(text: str) -> tuple[list[SegmentSpec], list[tuple[int, int]]] | None:
    """Segments and markers of Markdown footnotes, or None when there is no definition.

    A definition runs over its indented (or lazily continued) lines and the blank lines
    after it. Footnotes are numbered as a renderer does: in the order of their first
    reference in the body, then the unreferenced ones in file order.
    """
    blocks = _md_definition_blocks(text)
    if not blocks:
        return None
    body_spans = _complement([(s, e) for s, e, _ in blocks], len(text))
    refs: list[tuple[int, int, str]] = []
    for s, e in body_spans:
        refs.extend(
            (m.start(), m.end(), m.group(1).casefold()) for m in _MD_REFERENCE.finditer(text, s, e)
        )
    first_ref: dict[str, int] = {}
    for start, _, label in refs:
        first_ref.setdefault(label, start)
    number: dict[int, int] = {}  # block index -> footnote number
    by_label: dict[str, int] = {}
    for i, (_, _, label) in enumerate(blocks):
        by_label.setdefault(label, i)
    for label in first_ref:
        if label in by_label:
            number[by_label[label]] = len(number) + 1
    for i in range(len(blocks)):
        if i not in number:
            number[i] = len(number) + 1
    segments: list[SegmentSpec] = [(SegmentKind.BODY, s, e, None, None) for s, e in body_spans]
    for i, (s, e, label) in enumerate(blocks):
        linked = by_label.get(label) == i
        segments.append(
            (SegmentKind.FOOTNOTE, s, e, number[i], first_ref.get(label) if linked else None)
        )
    segments.sort(key=lambda seg: seg[1])
    return segments, [(s, e) for s, e, _ in refs]


def _md_definition_blocks(text: str) -> list[tuple[int, int, str]]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    blocks: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        m = _MD_DEFINITION.match(lines[i])
        if not m:
            i += 1
            continue
        label = m.group(1).casefold()
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if not line.strip():  # blank: part of the note if more indented text follows
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if (
                    k < len(lines)
                    and lines[k][:1] in (" ", "\t")
                    and not _MD_DEFINITION.match(lines[k])
                ):
                    j = k
                    continue
                j = k  # trailing blank lines stay with the note
                break
            if _MD_DEFINITION.match(line):
                break
            if line[:1] in (" ", "\t") or not _MD_BLOCK_START.match(line):
                j += 1  # indented continuation, or a lazy continuation of its paragraph
                continue
            break
        blocks.append((starts[i], starts[j], label))
        i = j
    return blocks


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The non-empty stretches of [0, length) outside the sorted ``spans`` (at least one)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in [*spans, (length, length)]:
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    return out or [(0, 0)]


# ---------------------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Inside a paragraph: properties, deleted or moved-away text (tracked changes), and the
# fallback of alternate content (its mc:Choice says the same thing).
_SKIPPED_IN_PARAGRAPH = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", MC + "Fallback"}
_NOTE_KINDS = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}


class _Element(Protocol):
    """What both lxml (python-docx) and ElementTree (defusedxml) elements offer."""

    tag: Any
    text: str | None

    def __iter__(self) -> Iterator[_Element]: ...

    def get(self, key: str, default: str | None = None) -> str | None: ...

    def iter(self) -> Iterator[_Element]: ...


@dataclass(frozen=True)
class _Paragraph:
    text: str
    refs: tuple[tuple[str, str, int], ...] = ()  # (footnote|endnote, note id, offset)


class _Lines:
    """The original text of a .docx under construction: one line per paragraph."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.offset = 0  # where the next line starts

    def add(self, text: str) -> int:
        start = self.offset
        self.lines.append(text)
        self.offset += len(text) + 1
        return start


def load_docx(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Source:
    """A Source for the bytes of a .docx; any failure is an InputError of one line."""
    parts = _read_package(data, name, limits)
    document = _open_document(parts, name)
    try:
        original, segments, markers = _docx_text(document, parts, name)
    except RecursionError:  # tables nested in tables, thousands deep: hostile, not a report
        raise _too_deep(name) from None
    # The XML trees take about eight times the size of their XML: let them go before the
    # text is normalised and mapped, so the two peaks never add up.
    del document, parts
    check_legacy(original, name)
    end = len(original)
    clipped = [(k, min(s, end), min(e, end), n, r) for k, s, e, n, r in segments]
    return Source.build(name, original, clipped, "docx", markers)


def _too_deep(name: str) -> InputError:
    return _error(
        name,
        "cấu trúc tệp .docx lồng nhau quá sâu",
        "the .docx is nested too deeply to read",
    )


def _docx_text(
    document: Any, parts: dict[str, bytes], name: str
) -> tuple[str, list[SegmentSpec], list[tuple[int, int]]]:
    """The original text, segments and markers of an opened document (see the module
    docstring)."""
    built = _Lines()
    segments: list[SegmentSpec] = []
    refs: dict[tuple[str, str], int] = {}
    ref_order: list[tuple[str, str]] = []
    markers: list[tuple[int, int]] = []

    def record(paragraph: _Paragraph, line_start: int) -> None:
        for kind, note_id, at in paragraph.refs:
            pos = line_start + at
            markers.append((pos, pos))
            if (kind, note_id) not in refs:
                refs[(kind, note_id)] = pos
                ref_order.append((kind, note_id))

    body_start: int | None = None
    tables = 0
    for child in _children(document.element.body):
        if child.tag == W + "tbl":
            if body_start is not None:
                segments.append((SegmentKind.BODY, body_start, built.offset, None, None))
                body_start = None
            tables += 1
            start = built.offset
            for paragraph in _block_paragraphs(child):
                record(paragraph, built.add(paragraph.text))
            if built.offset > start:
                segments.append((SegmentKind.TABLE, start, built.offset, tables, None))
        else:
            for paragraph in _block_paragraphs(child):
                line_start = built.add(paragraph.text)
                if body_start is None:
                    body_start = line_start
                record(paragraph, line_start)
    if body_start is not None:
        segments.append((SegmentKind.BODY, body_start, built.offset, None, None))

    for kind, seg_kind, reltype, default in _NOTE_PARTS:
        xml = _note_part(document, parts, reltype, default)
        if xml is None:
            continue
        notes = _parse_notes(xml, kind, name)
        order = [nid for k, nid in ref_order if k == kind and nid in notes]
        order += [nid for nid in notes if nid not in order]
        for number, note_id in enumerate(order, start=1):
            start = built.offset
            for paragraph in notes[note_id] or [_Paragraph("")]:
                built.add(paragraph.text)
            segments.append((seg_kind, start, built.offset, number, refs.get((kind, note_id))))

    return "\n".join(built.lines), segments, markers


_NOTE_PARTS = (
    (
        "footnote",
        SegmentKind.FOOTNOTE,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
        "word/footnotes.xml",
    ),
    (
        "endnote",
        SegmentKind.ENDNOTE,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
        "word/endnotes.xml",
    ),
)


# Parts nothing here reads (pictures, fonts, embedded files): never inflated.
_BINARY_SUFFIXES = (
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".wdp", ".svg",
    ".bin", ".odttf", ".ttf", ".fntdata", ".xlsx", ".xlsm", ".docx", ".pptx", ".mp4", ".wav",
)  # fmt: skip


def _is_binary_member(member: str) -> bool:
    lower = member.lower()
    return lower.endswith(_BINARY_SUFFIXES) or lower.startswith(("word/media/", "word/embeddings/"))


def _read_package(data: bytes, name: str, limits: Limits) -> dict[str, bytes]:
    """The parts of the package, read within the limits (declared sizes, ratios and the
    bytes actually inflated, in small chunks). Pictures, fonts and embedded files are never
    inflated and stand as empty blobs, since nothing here looks at them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _damaged(name, exc) from None
    if len(infos) > limits.max_members:
        raise _error(
            name,
            f"tệp .docx có quá nhiều phần ({len(infos)})",
            f"the .docx has too many parts ({len(infos)})",
        )
    total = xml = 0
    for info in infos:
        _check_member(info, name, limits)
        total += info.file_size
        if total > limits.max_total:
            raise _error(
                name,
                f"tệp .docx khi giải nén lớn hơn giới hạn {_mb(limits.max_total)}",
                f"the .docx decompresses to more than the {_mb(limits.max_total)} limit",
            )
        if not info.is_dir() and not _is_binary_member(info.filename):
            xml += info.file_size
            if xml > limits.max_xml:
                raise _error(
                    name,
                    f"phần XML của tệp .docx khi giải nén lớn hơn giới hạn {_mb(limits.max_xml)}",
                    f"the XML of the .docx decompresses to more than the {_mb(limits.max_xml)} "
                    "limit",
                )
    parts: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        if _is_binary_member(info.filename):
            parts[info.filename] = b""
            continue
        blob = _inflate(archive, info, name, limits)
        if any(mark in blob for mark in _DTD_MARKS):
            raise _error(
                name,
                f"phần {info.filename} có khai báo DTD/ENTITY, điều mà tệp .docx không bao giờ có",
                f"part {info.filename} contains a DTD or an entity declaration, "
                "which a .docx never has",
            )
        parts[info.filename] = blob
    return parts


# A DTD is where entity bombs and external entities live; Word never writes one. The parts
# are UTF-8 in practice, but XML allows UTF-16, so look for both.
_DTD_MARKS = tuple(
    "<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")
) + tuple("<!ENTITY".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def _check_member(info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    """Refuse a part from its declared sizes. A picture or an embedded file is never
    inflated, so only ``max_total`` counts it: it cannot explode."""
    if info.flag_bits & 0x1:
        raise _error(
            name,
            f"phần {info.filename} của tệp .docx được mã hóa",
            f"part {info.filename} of the .docx is encrypted",
        )
    if _is_binary_member(info.filename):
        return
    if info.file_size > limits.max_part:
        raise _part_too_large(name, info.filename, limits)
    if info.file_size > limits.ratio_floor:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise _error(
                name,
                f"phần {info.filename} của tệp .docx có tỉ lệ nén bất thường "
                f"({ratio:.0f}:1), có thể là bom zip",
                f"part {info.filename} of the .docx has an absurd compression ratio "
                f"({ratio:.0f}:1): a zip bomb?",
            )


def _part_too_large(name: str, member: str, limits: Limits) -> InputError:
    return _error(
        name,
        f"phần {member} của tệp .docx khi giải nén lớn hơn giới hạn {_mb(limits.max_part)}",
        f"part {member} of the .docx decompresses to more than the {_mb(limits.max_part)} limit",
    )


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits) -> bytes:
    """Inflate one member in chunks, never holding more than the limit: zipfile stops at
    the declared size and checks the CRC, so a member that lies about its size fails."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(64 * 1024):
                size += len(chunk)
                if size > limits.max_part:
                    raise _part_too_large(name, info.filename, limits)
                chunks.append(chunk)
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,  # a compression method zipfile does not know
    ) as exc:
        raise _damaged(name, exc) from None
    return b"".join(chunks)


def _damaged(name: str, exc: BaseException) -> InputError:
    detail = _one_line(str(exc) or type(exc).__name__)[:200]
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in detail.lower():
        return _error(
            name,
            "không phải tệp .docx hợp lệ (không phải tệp nén zip, hoặc bị cắt cụt)",
            "not a valid .docx (not a zip archive, or truncated)",
        )
    return _error(name, f"tệp .docx bị hỏng ({detail})", f"damaged .docx ({detail})")


def _open_document(parts: dict[str, bytes], name: str) -> Any:
    """python-docx over a clean copy of the package: only the checked XML parts, stored
    without compression, so python-docx inflates nothing that was not checked."""
    import docx  # lazily: checking a .txt never imports python-docx

    clean = io.BytesIO()
    with zipfile.ZipFile(clean, "w", zipfile.ZIP_STORED) as out:
        for member, blob in parts.items():
            out.writestr(member, blob)
    clean.seek(0)
    try:
        return docx.Document(clean)
    # python-docx fails on a broken package with whatever its code meets first (KeyError,
    # ValueError, lxml's XMLSyntaxError, AttributeError, ...): any failure here is the input's.
    except Exception as exc:  # noqa: BLE001
        detail = _one_line(str(exc) or type(exc).__name__)[:200]
        if "excessive depth" in detail.lower():  # libxml2 stops at 256 levels of elements
            raise _too_deep(name) from None
        raise _error(
            name,
            f"không phải văn bản Word hợp lệ ({detail})",
            f"not a valid Word document ({detail})",
        ) from None


def _note_part(document: Any, parts: dict[str, bytes], reltype: str, default: str) -> bytes | None:
    """The XML of the footnotes (or endnotes) part, found through the main document's
    relationships (python-docx does not expose these parts), else by its usual name."""
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            member = str(rel.target_part.partname).lstrip("/")
            if member in parts:
                return parts[member]
    return parts.get(default)


def _parse_notes(xml: bytes, kind: str, name: str) -> dict[str, list[_Paragraph]]:
    """The notes of a footnotes/endnotes part in file order, id -> paragraphs, without the
    separator notes Word keeps there."""
    from defusedxml import ElementTree as SafeTree  # no entity expansion, no network

    try:
        root = SafeTree.fromstring(xml, forbid_dtd=True)
    except (SyntaxError, ValueError) as exc:  # ParseError; DTDForbidden and kin are ValueErrors
        detail = _one_line(str(exc) or type(exc).__name__)[:200]
        raise _error(
            name,
            f"phần {kind}s của tệp .docx không phải XML hợp lệ ({detail})",
            f"the {kind}s part of the .docx is not valid XML ({detail})",
        ) from None
    notes: dict[str, list[_Paragraph]] = {}
    for note in root:
        if note.tag != W + kind:
            continue
        note_type = note.get(W + "type")
        if note_type not in (None, "normal") or _is_separator(note):
            continue
        note_id = note.get(W + "id")
        if note_id is None or note_id in notes:
            continue
        notes[note_id] = list(_block_paragraphs_of_container(note))
    return notes


def _is_separator(note: _Element) -> bool:
    return any(el.tag in (W + "separator", W + "continuationSeparator") for el in note.iter())


def _children(element: _Element) -> Iterator[_Element]:
    """Child elements, skipping comments and processing instructions (lxml gives them a
    non-string tag)."""
    for child in element:
        if isinstance(child.tag, str):
            yield child


def _block_paragraphs(block: _Element) -> Iterator[_Paragraph]:
    """The paragraphs of one block-level element in reading order: a paragraph, a table
    (rows, cells, nested tables), or a content control / custom XML wrapping blocks."""
    tag = block.tag
    if tag == W + "p":
        yield _paragraph(block)
    elif tag == W + "tbl":
        for row in _children(block):
            if row.tag != W + "tr":
                continue
            for cell in _cells(row):
                yield from _block_paragraphs_of_container(cell)
    elif tag in (W + "sdt", W + "customXml", W + "sdtContent"):
        for child in _children(block):
            if child.tag in (W + "sdtContent", W + "p", W + "tbl", W + "sdt", W + "customXml"):
                yield from _block_paragraphs(child)


def _cells(row: _Element) -> Iterator[_Element]:
    """The cells of a row as stored (a merged cell once), through content controls."""
    for child in _children(row):
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml", W + "sdtContent"):
            yield from _cells(child)


def _block_paragraphs_of_container(container: _Element) -> Iterator[_Paragraph]:
    for child in _children(container):
        yield from _block_paragraphs(child)


def _paragraph(p: _Element) -> _Paragraph:
    """The visible text of a paragraph and where its note references stand.

    Tabs are "\\t", a manual line break is "\\v" (Word's own code for it, so that a line
    of the original text stays a paragraph), a non-breaking hyphen is "-"; deleted text
    (tracked changes) is left out and inserted text kept.
    """
    parts: list[str] = []
    refs: list[tuple[str, str, int]] = []
    length = 0

    def walk(element: _Element) -> None:
        nonlocal length
        for child in _children(element):
            tag = child.tag
            if tag in _SKIPPED_IN_PARAGRAPH:
                continue
            if tag == W + "r":
                for item in _children(child):
                    piece = _run_piece(item)
                    if piece:
                        parts.append(piece)
                        length += len(piece)
                    elif item.tag in _NOTE_KINDS:
                        note_id = item.get(W + "id")
                        if note_id is not None:
                            refs.append((_NOTE_KINDS[item.tag], note_id, length))
            else:  # hyperlinks, insertions, smart tags, fields, content controls
                walk(child)

    walk(p)
    return _Paragraph("".join(parts), tuple(refs))


def _run_piece(item: _Element) -> str:
    tag = item.tag
    if tag == W + "t":
        return item.text or ""
    if tag in (W + "tab", W + "ptab"):
        return "\t"
    if tag == W + "br":
        return "" if item.get(W + "type") in ("page", "column") else "\v"
    if tag == W + "cr":
        return "\v"
    if tag == W + "noBreakHyphen":
        return "-"
    return ""
