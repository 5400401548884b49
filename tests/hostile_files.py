"""Hostile and absurd inputs, built on the fly, and a way to run a child process measured.

Shared by tests/test_hostile.py, tests/test_fuzz.py and the benchmark (bench/run.py): the
files are built in a temporary folder, never kept in the repository. Everything here is
deterministic (seeded), so a failure can be reproduced with the same file.

- ``token_soup(rng, size)``: text made of what the grammar and the rules react to (numbers
  in every Vietnamese style, percents, ratios, brackets, citation fragments, footnote
  markers, keywords), glued at random.
- ``build_hostile_folder(folder)``: one file per kind of trouble the issue lists (random
  bytes, zip bombs, entity bombs, damaged packages, legacy encodings, a 300,000-character
  line, 50,000 nested brackets) and 150 files of token soup.
- ``run_measured(cmd, ...)``: wall time, CPU time and peak memory (``ru_maxrss`` from
  ``os.wait4``) of one child process, killed (with its process group) after a timeout.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import struct
import subprocess
import tempfile
import threading
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from docx_factory import make_docx

# -- token soup ------------------------------------------------------------------------------

# What the grammar and the rules look at: figures in every style drafts use, the keywords of
# the constructions, citation pieces, footnote markers of the three kinds, brackets, and a
# few words (one of them decomposed, NFD, as real drafts have them).
SOUP_TOKENS: tuple[str, ...] = (
    # numbers
    "8.007", "49,29", "05", "1.677", "3221", "16.244", "0", "100", "8,9", "2.147.483.648",
    "1.", "1,", ",5", "00,00", "999999999999999999999",
    # percents, ratios, spans, dates
    "49,29%", "%", "100%", "0,00%", "547,77%", "32.457/32.960", "8/8", "50/75", "/", "0/0",
    "2018 - 2023", "2020-2025", "2021 – 2026", "19/5/2018", "31/4/2023", "01/06/2022",
    "ngày 05 tháng 02 năm 2020", "tháng 13",
    # keywords of the constructions
    "chiếm", "tỷ lệ", "chiếm tỷ lệ", "bằng", "đạt", "trong đó", "Trong đó:", "tổng số",
    "Tổng số", "gồm", "bao gồm", "cụ thể", "so với", "tăng", "giảm", "gấp", "lần",
    "điểm phần trăm", "kế hoạch", "Đề án", "nhiệm kỳ", "Từ năm", "đến nay", "năm", "cấp tỉnh",
    "cấp huyện", "nam", "nữ", "cùng kỳ", "vượt",
    # units
    "người", "đồng chí", "đ/c", "cán bộ", "đảng viên", "học viên", "lớp", "văn bản", "xã",
    "tỷ đồng", "triệu đồng", "lượt",
    # citations
    "Nghị quyết", "Nghị quyết số", "26-NQ/TW", "22/2022/NQ-HĐND", "Quyết định số",
    "123/QĐ-UBND", "Kế hoạch số 41-QĐ/TU", "28-KLTW", "Quy định số 07-QĐi/TU", "số", "-NQ/",
    "Báo cáo số 286-BC/TU", "Hướng dẫn", "Chỉ thị",
    # enumerations, brackets, markers, punctuation
    "(1)", "(12)", "(", ")", "[", "]", "((", "))", "[\n]", "]\n]", "\n[\ufffd] ", "[\ufffd]",
    "[^1]", "[^1]: ", "\n", "\n\n", ".", ",", ";", ":", "…", "“", "”", "-", "–", "+", "=",
    "*", "\t", "\u00a0", "  ",
    # words
    "Ban Thường vụ", "các", "và", "của", "thực hiện", "Tỉnh ủy", "hòa", "hoà",
    unicodedata.normalize("NFD", "Quyết định"), "Mác - Lênin", "HĐND", "\ufeff", "\u200b",
)  # fmt: skip


def token_soup(rng: random.Random, size: int) -> str:
    """About ``size`` characters of tokens drawn at random, mostly joined by spaces."""
    out: list[str] = []
    length = 0
    while length < size:
        token = rng.choice(SOUP_TOKENS)
        glue = rng.choice((" ", " ", " ", "", "\n")) if out else ""
        out.append(glue + token)
        length += len(glue) + len(token)
    return "".join(out)


# -- figures of long absurd lines --------------------------------------------------------------

DENSE_PHRASE = "Tổng số 8.007 người, chiếm 49,29% so với kế hoạch; "


def long_line(chars: int = 300_000) -> str:
    """One line of ``chars`` characters, dense with figures, with no sentence end: the worst
    case for anything that is quadratic in a sentence's length or its number of figures."""
    return (DENSE_PHRASE * (chars // len(DENSE_PHRASE) + 1))[:chars] + "\n"


def nested_brackets(depth: int = 50_000) -> str:
    """``depth`` opening brackets, a figure, and as many closing ones, on one line."""
    return "Kết quả " + "(" * depth + "đạt 96,5% kế hoạch" + ")" * depth + ".\n"


def open_brackets(count: int = 20_000) -> str:
    """Brackets that never close: the sentence splitter never sees the end of a sentence."""
    return "Đạt 5% (" * count + "\n"


# -- .docx builders ---------------------------------------------------------------------------

MB = 1024 * 1024


def base_docx(path: Path) -> Path:
    """A small real report as a .docx, with a footnote, the base of the hostile variants."""
    return make_docx(
        path,
        [
            "Tổng số cán bộ là 200 người, trong đó nữ 50 người, chiếm 25%{fn:1}.",
            [["Chỉ tiêu", "Kết quả"], ["Số lớp", "12"]],
        ],
        footnotes={1: "Theo Báo cáo số 12-BC/TU ngày 05/02/2020."},
    )


@dataclass(frozen=True)
class Member:
    """One member of a hand-built zip: its raw deflate stream, the CRC and size of what it
    inflates to, and the size its headers declare (a lie when it differs)."""

    name: str
    deflated: bytes
    crc: int
    size: int
    declared: int


def _member(name: str, blob: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = packer.compress(blob) + packer.flush()
    return Member(name, raw, zlib.crc32(blob), len(blob), len(blob))


@cache
def _zeros(megabytes: int) -> tuple[bytes, int]:
    """A deflate stream of ``megabytes`` MB of zeros, and its CRC, without ever holding the
    zeros or compressing them more than once: a 1 MB block ending in a full flush is
    independent of what came before, so the stream is that block repeated."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    zeros = bytes(MB)
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    return block * megabytes + b"\x03\x00", crc  # then an empty final block


def zeros_member(name: str, megabytes: int, declared: int | None = None) -> Member:
    raw, crc = _zeros(megabytes)
    size = megabytes * MB
    return Member(name, raw, crc, size, size if declared is None else declared)


def write_zip(path: Path, members: Sequence[Member]) -> Path:
    """A plain zip (no zip64, deflate), written by hand so a member can be built from a
    ready deflate stream and can lie about its size."""
    out = bytearray()
    central = bytearray()
    for m in members:
        name = m.name.encode("utf-8")
        offset = len(out)
        fields = (20, 0x800, 8, 0, 0x21, m.crc, len(m.deflated), m.declared, len(name))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + m.deflated
        central += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIH", *fields)
        central += struct.pack("<HHHHII", 0, 0, 0, 0, 0, offset) + name
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0
    )
    path.write_bytes(bytes(out + central + end))
    return path


@lru_cache(maxsize=1)
def _base_members() -> tuple[tuple[str, bytes], ...]:
    with tempfile.TemporaryDirectory() as tmp:
        path = base_docx(Path(tmp) / "base.docx")
        with zipfile.ZipFile(path) as archive:
            return tuple((i.filename, archive.read(i)) for i in archive.infolist())


def docx_with(path: Path, replace: dict[str, bytes | Member | None]) -> Path:
    """The base .docx with some parts replaced, removed (None) or added."""
    members = [_member(name, blob) for name, blob in _base_members() if name not in replace]
    for name, blob in replace.items():
        if isinstance(blob, Member):
            members.append(blob)
        elif blob is not None:
            members.append(_member(name, blob))
    return write_zip(path, members)


def bomb_docx(path: Path, member: str, megabytes: int, declared: int | None = None) -> Path:
    """The base .docx plus ``member``: ``megabytes`` MB of zeros in about a KB per MB on
    disk; ``declared`` makes its headers lie about the size."""
    return docx_with(path, {member: zeros_member(member, megabytes, declared)})


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def laughs_xml(levels: int = 10, codec: str = "utf-8") -> bytes:
    """A document part with the "billion laughs" entity bomb: 10 levels of 10 references
    expand to 10^10 copies of "lol" in a parser that expands entities."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    xml = (
        f'<?xml version="1.0" encoding="{codec.upper()}"?>\n'
        f"<!DOCTYPE w:document [{''.join(entities)}]>\n"
        f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&lol{levels - 1};</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    return xml.encode(codec)


def external_entity_xml() -> bytes:
    """An external entity (XXE): a parser that resolves it reads a local file."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def deep_tables_xml(depth: int = 3000) -> bytes:
    nested = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
    return f"<w:document {W_NS}><w:body>{nested}</w:body></w:document>".encode()


def many_members_docx(path: Path, count: int = 10_001) -> Path:
    members = [_member(name, blob) for name, blob in _base_members()]
    tiny = _member("x", b"<a/>")
    members += [
        Member(f"customXml/extra{i}.xml", tiny.deflated, tiny.crc, 4, 4) for i in range(count)
    ]
    return write_zip(path, members)


# -- the folder of hostile files ----------------------------------------------------------------


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: the base letter, then the tone mark."""
    tones = set("\u0300\u0301\u0303\u0309\u0323")
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


PROSE = (
    "Năm 2023, Ban Thường vụ đã ban hành 08 văn bản để lãnh đạo công tác cán bộ; toàn tỉnh mở "
    "12 lớp bồi dưỡng cho 1.250 người, đạt 96,5% kế hoạch. Tổng số cán bộ là 200 người, "
    "trong đó nữ 50 người, chiếm 25%.\n"
)

# Files whose cost is the extractor's, which must bound each sentence (docs/performance.md).
LONG_SENTENCES = frozenset({"long-line.txt", "nested-brackets.txt", "open-brackets.txt"})
# Runs of one or two characters that made regular expressions of the rules (and the glued-word
# search) quadratic or worse: measured by bench/run.py (g), not part of the test folder until
# the rewrites proposed in docs/performance.md are in.
RUNS: dict[str, str] = {
    "run-of-spaces.txt": "Báo cáo.\n" + " " * 20_000 + "x\n",
    "run-of-letters.txt": "Báo cáo.\n" + "io" * 10_000 + "\n",
    "run-of-mojibake.txt": "Báo cáo.\n" + "áÄ" * 10_000 + "\n",
    "long-word-before-a-list.txt": "Ban hành 3 văn bản "
    + "a" * 300
    + "!, gồm: (1) A; (2) B; (3) C.\n",
}


def _text_files() -> dict[str, Callable[[], bytes]]:
    rng = random.Random(10)
    return {
        "random.txt": lambda: random.Random(1).randbytes(64 * 1024),
        "random.md": lambda: random.Random(2).randbytes(4 * 1024),
        "nul-bytes.txt": lambda: PROSE.encode() + b"\x00" * 16 + PROSE.encode(),
        "utf16-bom.txt": lambda: b"\xff\xfe" + (PROSE * 3).encode("utf-16-le"),
        "utf16-no-bom.txt": lambda: (PROSE * 3).encode("utf-16-le"),
        "windows-1258.txt": lambda: cp1258(PROSE * 3),
        "soup-nfd.txt": lambda: unicodedata.normalize("NFD", token_soup(rng, 3000)).encode(),
        "long-line.txt": lambda: long_line().encode(),
        "nested-brackets.txt": lambda: nested_brackets().encode(),
        "open-brackets.txt": lambda: open_brackets().encode(),
        "empty.txt": lambda: b"",
        **{name: (lambda text=text: text.encode()) for name, text in RUNS.items()},
    }


def _docx_files(folder: Path) -> dict[str, Callable[[Path], Path]]:
    return {
        # 300 MB of zeros in a picture part, in an XML part, and in the main part while its
        # headers say 1,000 bytes; 20 MB of zeros (under the size caps, over the ratio cap)
        "bomb-media.docx": lambda p: bomb_docx(p, "word/media/image9.png", 300),
        "bomb-xml.docx": lambda p: bomb_docx(p, "customXml/item9.xml", 300),
        "bomb-lying-size.docx": lambda p: bomb_docx(p, "word/document.xml", 300, declared=1000),
        "bomb-ratio.docx": lambda p: bomb_docx(p, "word/header9.xml", 20),
        "many-parts.docx": many_members_docx,
        "laughs.docx": lambda p: docx_with(p, {"word/document.xml": laughs_xml()}),
        "laughs-utf16.docx": lambda p: docx_with(
            p, {"word/document.xml": laughs_xml(codec="utf-16")}
        ),
        "laughs-footnotes.docx": lambda p: docx_with(
            p, {"word/footnotes.xml": laughs_xml().replace(b"w:document", b"w:footnotes")}
        ),
        "external-entity.docx": lambda p: docx_with(
            p, {"word/document.xml": external_entity_xml()}
        ),
        "deep-tables.docx": lambda p: docx_with(p, {"word/document.xml": deep_tables_xml()}),
        "no-document.docx": lambda p: docx_with(p, {"word/document.xml": None}),
        "no-content-types.docx": lambda p: docx_with(p, {"[Content_Types].xml": None}),
        "broken-xml.docx": lambda p: docx_with(p, {"word/document.xml": b"<w:document><w:body"}),
        "half.docx": lambda p: _half(base_docx(p)),
        "random.docx": lambda p: _write(p, random.Random(3).randbytes(64 * 1024)),
        "random-zip-header.docx": lambda p: _write(
            p, b"PK\x03\x04" + random.Random(4).randbytes(4096)
        ),
        "empty.docx": lambda p: _write(p, b""),
        "ok.docx": base_docx,
    }


def _half(path: Path) -> Path:
    data = path.read_bytes()
    return _write(path, data[: len(data) // 2])


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def build_hostile_folder(
    folder: Path, soup_files: int = 150, include: Callable[[str], bool] = lambda name: True
) -> list[Path]:
    """Write the hostile files into ``folder`` (created); returns their paths, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for name, make in _text_files().items():
        if include(name):
            paths.append(_write(folder / name, make()))
    for name, build in _docx_files(folder).items():
        if include(name):
            paths.append(build(folder / name))
    soup = folder / "soup"
    soup.mkdir(exist_ok=True)
    for i in range(soup_files):
        rng = random.Random(1000 + i)
        name = f"soup-{i:03d}.txt"
        if include(name):
            paths.append(_write(soup / name, token_soup(rng, rng.randint(200, 1500)).encode()))
    return sorted(paths)


# -- measured child processes -------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    """One finished child process: how long, how much CPU and memory, and what it said."""

    returncode: int
    wall: float  # seconds
    cpu: float  # user + system seconds of the child (and its own children, if waited for)
    peak_mb: float  # ru_maxrss of the child, in MiB
    stdout: bytes
    stderr: bytes
    timed_out: bool


def run_measured(
    cmd: Sequence[str],
    *,
    cwd: str | Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600.0,
    stdin: bytes | None = None,
    cpus: set[int] | None = None,
    address_space_mb: int | None = None,
) -> Measured:
    """Run ``cmd`` and measure it with ``os.wait4`` (so the peak memory is this child's,
    not the maximum over every child this process ever had). After ``timeout`` seconds the
    child's whole process group is killed and ``timed_out`` is set. ``cpus`` pins the child
    (and what it starts) to those processors; ``address_space_mb`` caps its virtual memory,
    so a test that goes wrong fails with MemoryError instead of eating the machine."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as inp,
    ):
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)

        def preexec() -> None:
            if cpus:
                os.sched_setaffinity(0, cpus)
            if address_space_mb:
                limit = address_space_mb * MB
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            stdin=inp if stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=env,
            start_new_session=True,
            # only affinity and a resource limit, set before exec: no lock is taken there
            preexec_fn=preexec if cpus or address_space_mb else None,  # noqa: PLW1509
        )
        lock = threading.Lock()
        state = {"reaped": False, "killed": False}

        def kill() -> None:
            with lock:
                if not state["reaped"]:
                    state["killed"] = True
                    try:
                        os.killpg(proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            # wait without reaping, then reap under the lock: the timer never signals a
            # process group whose leader was reaped (and whose id may be reused)
            os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
            with lock:
                state["reaped"] = True
                _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if state["killed"]:  # the rest of the group, should a grandchild have survived
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        out.seek(0)
        err.seek(0)
        return Measured(
            returncode=proc.returncode,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_mb=usage.ru_maxrss / 1024,
            stdout=out.read(),
            stderr=err.read(),
            timed_out=state["killed"],
        )


# -- the command line, timed file by file --------------------------------------------------------

# Runs ``python -m checker ARGS`` (through runpy, so the real entry point and command line),
# with each file's check timed and cut off by an alarm after RASOAT_FILE_SECONDS: an input
# that hangs becomes that file's error, and the times go to the JSON file RASOAT_FILE_TIMES.
TIMING_SHIM = r"""
import atexit, json, os, runpy, signal, sys, time

LIMIT = float(os.environ["RASOAT_FILE_SECONDS"])
TIMES = {}


class Overtime(BaseException):
    pass


def on_alarm(signum, frame):
    raise Overtime()


def timed(real, overtime):
    def check(path, *args, **kwargs):
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, LIMIT)
        try:
            return real(path, *args, **kwargs)
        except Overtime:
            return overtime(path)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            TIMES[path] = time.perf_counter() - start
    return check


signal.signal(signal.SIGALRM, on_alarm)
import checker
from checker.findings import FileResult

def late(path):
    return FileResult(path=path, error=f"{path}: OVERTIME after {LIMIT:g} s")

if hasattr(checker, "_check_file"):  # what the command line calls for each file
    checker._check_file = timed(checker._check_file, lambda p: (late(p), None, None))
else:
    from checker import pipeline
    pipeline.check_path = timed(pipeline.check_path, late)


def save():
    with open(os.environ["RASOAT_FILE_TIMES"], "w", encoding="utf-8") as fh:
        json.dump(TIMES, fh)


atexit.register(save)
sys.argv = ["checker", *sys.argv[1:]]
runpy.run_module("checker", run_name="__main__", alter_sys=True)
"""


@dataclass(frozen=True)
class TimedRun:
    """A run of the command line with the time of each file."""

    measured: Measured
    times: dict[str, float]


def run_cli_timed(
    args: Sequence[str],
    repo: Path,
    scratch: Path,
    per_file: float = 20.0,
    timeout: float = 300.0,
    python: str | None = None,
    address_space_mb: int | None = None,
) -> TimedRun:
    """``python -m checker ARGS`` in a child process (working folder ``scratch``, the
    repository first on the path), measured, with each file cut off after ``per_file``."""
    import json
    import sys

    times = scratch / "file-times.json"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(repo), os.environ.get("PYTHONPATH", "")]),
        "RASOAT_FILE_SECONDS": str(per_file),
        "RASOAT_FILE_TIMES": str(times),
    }
    measured = run_measured(
        [python or sys.executable, "-c", TIMING_SHIM, *args],
        cwd=scratch,
        env=env,
        timeout=timeout,
        address_space_mb=address_space_mb,
    )
    found = json.loads(times.read_text(encoding="utf-8")) if times.is_file() else {}
    return TimedRun(measured, found)
