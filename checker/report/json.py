"""The JSON report (``--format json``), exactly the shape documented in interface.md."""

from __future__ import annotations

import json
from typing import Any, Sequence

from checker import __version__
from checker.findings import FileResult, Located
from checker.report.common import count


def finding_dict(loc: Located, lang: str) -> dict[str, Any]:
    f = loc.finding
    return {
        "code": f.code,
        "category": f.category,
        "severity": f.severity.value,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "where": loc.where,
        "message": f.message.get(lang),
        "stated": f.stated,
        "expected": f.expected,
        "evidence": f.evidence.get(lang) if f.evidence is not None else None,
    }


def file_dict(result: FileResult, lang: str) -> dict[str, Any]:
    return {
        "path": result.path,
        "error": result.error,
        "findings": [finding_dict(loc, lang) for loc in result.findings],
    }


def to_dict(results: Sequence[FileResult], lang: str = "vi") -> dict[str, Any]:
    counts = count(results)
    return {
        "tool": {"name": "rasoat", "version": __version__},
        "files": [file_dict(r, lang) for r in results],
        "summary": {
            "files": counts.files,
            **{s.value: n for s, n in counts.by_severity},
        },
    }


def render(
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    return json.dumps(to_dict(results, lang), ensure_ascii=False, indent=2) + "\n"
