"""Accepted findings: a reviewer's record of known issues, so the next version of a draft
shows only what is new (``rasoat accept``, ``rasoat check --accepted FILE``).

A finding is recognised by a fingerprint of what it is about, not of where it stands: the
rule's code, the stated value (or the flagged text), the kind of place (body, footnote,
table) and the words around it on its line, all in NFC, with every number in those words
written as "#". So the fingerprint survives lines moving, text added elsewhere, the file
being renamed or copied (the next version of a draft), and another figure on the same line
changing; it changes when the flagged value or the words beside it change.

The file is JSON: ``{"tool": "rasoat", "version": 1, "entries": [...]}``, one entry per
accepted occurrence, with the fingerprint and, for people reading it, the code, the stated
value, the path (relative to the accepted file's folder), the line when accepted and the
words around the finding.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker import __version__
from checker.findings import FileResult, Located

FORMAT_VERSION = 1
WINDOW = 5  # words kept on each side of a finding
_WORD_RE = re.compile(r"[^\W_]+(?:[.,/][^\W_]+)*")


class AcceptedError(Exception):
    """An accepted-findings file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Entry:
    """One accepted finding."""

    fingerprint: str
    code: str
    stated: str | None
    path: str
    line: int
    context: str

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "code": self.code,
            "stated": self.stated,
            "path": self.path,
            "line": self.line,
            "context": self.context,
        }


@dataclass(frozen=True)
class Outcome:
    """Results with the accepted findings taken out, how many were hidden, and the entries
    that matched nothing (stale: the issue was fixed, or the words around it changed)."""

    results: tuple[FileResult, ...]
    hidden: int
    stale: tuple[Entry, ...]


# -- fingerprints ------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    """Words of a piece of a line, lower case, numbers as "#"."""
    return [
        "#" if any(ch.isdigit() for ch in w) else w.lower()
        for w in _WORD_RE.findall(unicodedata.normalize("NFC", text))
    ]


def context(loc: Located) -> tuple[str, str, str]:
    """(words before, the flagged text, words after) on the finding's first line."""
    line = loc.source_line
    start = max(loc.column - 1, 0)
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line)
    end = max(start, min(end, len(line)))
    before = " ".join(_words(line[:start])[-WINDOW:])
    after = " ".join(_words(line[end:])[:WINDOW])
    flagged = " ".join(unicodedata.normalize("NFC", line[start:end]).split())
    return before, flagged, after


def fingerprint(loc: Located) -> str:
    """What identifies a finding across versions of a draft (see the module's doc)."""
    before, flagged, after = context(loc)
    stated = loc.finding.stated
    value = " ".join(unicodedata.normalize("NFC", stated).split()) if stated else flagged
    kind = loc.where.split(" ")[0]  # "footnote 3" -> "footnote": renumbering keeps it
    key = "\0".join((f"v{FORMAT_VERSION}", loc.code, value, kind, before, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def relative(path: str, folder: Path) -> str:
    """A checked path as the accepted file records it: relative to its folder, "/"."""
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(os.path.abspath(path)).as_posix()


def entries(results: Sequence[FileResult], folder: Path) -> tuple[Entry, ...]:
    out: list[Entry] = []
    for result in results:
        path = relative(result.path, folder)
        for loc in result.findings:
            before, flagged, after = context(loc)
            out.append(
                Entry(
                    fingerprint=fingerprint(loc),
                    code=loc.code,
                    stated=loc.finding.stated,
                    path=path,
                    line=loc.line,
                    context=" ".join(p for p in (before, f"[{flagged}]", after) if p),
                )
            )
    return tuple(out)


# -- the file ------------------------------------------------------------------------------------
def dumps(items: Sequence[Entry]) -> str:
    data = {
        "tool": "rasoat",
        "version": FORMAT_VERSION,
        "rasoat": __version__,
        "entries": [e.to_json() for e in items],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load(path: str | Path) -> tuple[Entry, ...]:
    """Read an accepted-findings file; every problem is an AcceptedError naming it."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AcceptedError(f"{p}: no such file") from None
    except OSError as exc:
        raise AcceptedError(f"{p}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AcceptedError(f"{p}: not a rasoat accepted-findings file ({exc})") from None
    if not isinstance(data, dict) or data.get("tool") != "rasoat" or "entries" not in data:
        raise AcceptedError(
            f"{p}: not a rasoat accepted-findings file (make one with `rasoat accept`)"
        )
    if data.get("version") != FORMAT_VERSION:
        raise AcceptedError(
            f"{p}: version {data.get('version')!r} of the accepted-findings format; "
            f"this rasoat reads version {FORMAT_VERSION}"
        )
    raw = data["entries"]
    if not isinstance(raw, list):
        raise AcceptedError(f"{p}: 'entries' must be a list")
    return tuple(_entry(item, i, p) for i, item in enumerate(raw))


def _entry(item: object, index: int, path: Path) -> Entry:
    if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
        raise AcceptedError(f"{path}: entry {index + 1} has no fingerprint")
    stated = item.get("stated")
    line = item.get("line")
    return Entry(
        fingerprint=item["fingerprint"],
        code=str(item.get("code", "")),
        stated=stated if isinstance(stated, str) else None,
        path=str(item.get("path", "")),
        line=line if isinstance(line, int) else 0,
        context=str(item.get("context", "")),
    )


# -- applying it ---------------------------------------------------------------------------------
def apply(results: Sequence[FileResult], accepted: Sequence[Entry], folder: Path) -> Outcome:
    """Hide the findings that an entry accepts; each entry hides one occurrence.

    An entry first matches a finding in a file of the same path, then any file (the next
    version of a draft has another name); what is left over is stale.
    """
    pool: dict[str, list[Entry]] = {}
    for entry in accepted:
        pool.setdefault(entry.fingerprint, []).append(entry)
    prints = [[fingerprint(loc) for loc in r.findings] for r in results]
    paths = [relative(r.path, folder) for r in results]
    hidden: set[tuple[int, int]] = set()
    for same_path in (True, False):
        for i, result_prints in enumerate(prints):
            for j, fp in enumerate(result_prints):
                if (i, j) in hidden or not pool.get(fp):
                    continue
                candidates = pool[fp]
                chosen = next((e for e in candidates if not same_path or e.path == paths[i]), None)
                if chosen is not None:
                    candidates.remove(chosen)
                    hidden.add((i, j))
    kept = tuple(
        replace(r, findings=tuple(loc for j, loc in enumerate(r.findings) if (i, j) not in hidden))
        for i, r in enumerate(results)
    )
    stale = tuple(e for e in accepted if _left(e, pool))
    return Outcome(kept, len(hidden), stale)


def _left(entry: Entry, pool: dict[str, list[Entry]]) -> bool:
    return any(e is entry for e in pool.get(entry.fingerprint, []))
