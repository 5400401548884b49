"""rasoat: a consistency checker for statistical reports written in Vietnamese.

Data flows one way: load -> normalise -> parse -> facts -> rules -> findings -> report.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

# In the repository, rules/ and grammars/ are top-level folders beside checker/; the wheel
# installs them as checker/rules and checker/grammars (see package-dir in pyproject.toml).
# When running from a source checkout, let the package find them beside itself.
_here = Path(__file__).resolve().parent
if not (_here / "grammars").is_dir() and (_here.parent / "grammars" / "__init__.py").is_file():
    __path__.append(str(_here.parent))  # noqa: F821 - __path__ is defined for packages
