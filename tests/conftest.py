"""Shared fixtures: where the project's shared folder and the real sample draft are.

The shared folder sits beside the repository (../shared); it is absent in some checkouts,
so the fixtures that need it skip with a reason instead of failing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parents[1] / "shared"
SEED = SHARED / "seeds" / "000_ced5caf1edb53086.txt"

# tests import their helpers (docx_factory) as top-level modules
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@pytest.fixture
def shared_dir() -> Path:
    """The shared folder beside the repository."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (../shared is not beside this checkout)")
    return SHARED


@pytest.fixture
def seed_path() -> Path:
    """The real sample draft (read it, test against it; never copy its sentences)."""
    if not SEED.is_file():
        pytest.skip(f"the sample draft {SEED} is absent (../shared is not beside this checkout)")
    return SEED
