"""The texts the benchmark runs on, generated in a temporary folder from the samples.

- ``report_folder``: about 90 reports (about 8 MB) made from samples/*.txt and the real
  sample draft (when ../shared is there): each one a base report with some of its body
  paragraphs left out and about one number in eight changed, so no two files are the same
  and the rules find different things in each.
- ``repeated``: a text concatenated k times (the scaling and memory benchmarks).

Everything is seeded: the same run builds the same files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEED = REPO.parent / "shared" / "seeds" / "000_ced5caf1edb53086.txt"
MB = 1024 * 1024

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def seed_text() -> str | None:
    """The real sample draft, or None when ../shared is absent."""
    return SEED.read_text(encoding="utf-8") if SEED.is_file() else None


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def _split_notes(text: str) -> tuple[list[str], str]:
    """Body paragraphs, and the footnote texts of a Word export (kept whole, at the end)."""
    at = text.find("\n[\ufffd]")
    body, notes = (text, "") if at < 0 else (text[:at], text[at:])
    return body.split("\n"), notes


def _vary_numbers(text: str, rng: random.Random, share: float) -> str:
    """Change the last digit of about ``share`` of the numbers (never the length)."""

    def change(m: re.Match[str]) -> str:
        number = m.group(0)
        if rng.random() >= share:
            return number
        return number[:-1] + str((int(number[-1]) + rng.randint(1, 9)) % 10)

    return _NUMBER.sub(change, text)


def variant(base: str, rng: random.Random) -> str:
    """A report like ``base``: 0-15% of its body paragraphs left out, 1 number in 8 changed."""
    lines, notes = _split_notes(base)
    drop = rng.uniform(0.0, 0.15)
    kept = [line for i, line in enumerate(lines) if i < 12 or rng.random() >= drop]
    return _vary_numbers("\n".join(kept) + notes, rng, 0.125)


def _base(rng: random.Random, seed: str | None, samples: list[str], target: int) -> str:
    """The real draft (about half the time, when there is one), or samples joined until
    about ``target`` characters."""
    if seed is not None and rng.random() < 0.5:
        return seed
    parts: list[str] = []
    while sum(map(len, parts)) < target:
        parts.append(rng.choice(samples))
    return "\n".join(parts)


@dataclass(frozen=True)
class Folder:
    path: Path
    files: list[Path]
    size: int  # bytes

    @property
    def megabytes(self) -> float:
        return self.size / MB


def report_folder(
    folder: Path, count: int = 90, total: int = 8 * MB, seed_value: int = 10
) -> Folder:
    """``count`` reports of about ``total`` bytes together, written into ``folder``."""
    rng = random.Random(seed_value)
    seed = seed_text()
    samples = sample_texts()
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    size = 0
    per_file = total // count
    for i in range(count):
        text = variant(_base(rng, seed, samples, int(per_file * 0.6)), rng)
        path = folder / f"bao-cao-{i:03d}.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        files.append(path)
        size += len(data)
    return Folder(folder, files, size)


def repeated(text: str, times: int) -> str:
    """The text written ``times`` times, one copy after the other."""
    body = text if text.endswith("\n") else text + "\n"
    return body * times
