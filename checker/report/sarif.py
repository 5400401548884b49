"""SARIF 2.1.0 (``--format sarif``), for code-scanning dashboards and editors.

The rule catalogue comes from the engine, so a dashboard can show each rule's doc; a code
in the findings that the catalogue lacks still gets a minimal descriptor, so ``ruleIndex``
always points somewhere. Columns are Unicode code points (``columnKind``), as rasoat counts
them. Paths are made relative to the current directory when they lie under it, with
``%SRCROOT%`` as their base. An unreadable input is a tool execution notification.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from checker import __version__
from checker.findings import FileResult, Located, Severity

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
BASE_ID = "%SRCROOT%"


def rule_descriptors(lang: str) -> list[dict[str, Any]]:
    """One reportingDescriptor per rule the engine knows, sorted by code."""
    from checker.engine import all_rules

    out: list[dict[str, Any]] = []
    for rule in all_rules():
        doc = rule.doc(lang)
        summary = doc.splitlines()[0] if doc else rule.name
        out.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": doc or summary},
                "help": {"text": doc or summary},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"category": rule.category, "tags": [rule.category]},
            }
        )
    return out


def artifact_location(path: str, base: Path) -> dict[str, str]:
    """A URI for ``path``: relative to ``base`` (with the base id) when under it."""
    if path == "-":
        return {"uri": "stdin"}
    p = Path(path)
    absolute = p if p.is_absolute() else base / p
    try:
        relative = absolute.resolve().relative_to(base.resolve())
    except (ValueError, OSError):
        return {"uri": absolute.resolve().as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": BASE_ID}


def fingerprint(loc: Located, uri: str) -> str:
    """Stable across edits elsewhere in the file: code, file, the line's text, the value."""
    line = unicodedata.normalize("NFC", loc.source_line).strip()
    key = "\0".join((loc.code, uri, loc.where, line, loc.finding.stated or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(loc: Located, location: dict[str, str], index: int, lang: str) -> dict[str, Any]:
    f = loc.finding
    properties: dict[str, Any] = {"category": f.category, "where": loc.where}
    for key in ("stated", "expected"):
        if getattr(f, key) is not None:
            properties[key] = getattr(f, key)
    if f.evidence is not None:
        properties["evidence"] = f.evidence.get(lang)
    text = f.message.get(lang)
    if f.evidence is not None:
        text = f"{text} ({f.evidence.get(lang)})"
    return {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {
                        "startLine": loc.line,
                        "startColumn": loc.column,
                        "endLine": loc.end_line,
                        "endColumn": loc.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"rasoat/v1": fingerprint(loc, location["uri"])},
        "properties": properties,
    }


def to_dict(
    results: Sequence[FileResult], lang: str = "vi", base: Path | None = None
) -> dict[str, Any]:
    base = base or Path.cwd()
    rules = rule_descriptors(lang)
    index = {r["id"]: i for i, r in enumerate(rules)}
    for result in results:  # codes the catalogue lacks (rules defined outside checker.rules)
        for loc in result.findings:
            if loc.code not in index:
                index[loc.code] = len(rules)
                rules.append(
                    {
                        "id": loc.code,
                        "defaultConfiguration": {"level": LEVELS[loc.severity]},
                        "properties": {"category": loc.finding.category},
                    }
                )
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        location = artifact_location(result.path, base)
        if result.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
        for loc in result.findings:
            sarif_results.append(_result(loc, location, index[loc.code], lang))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "rasoat",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {BASE_ID: {"uri": base.resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(
    results: Sequence[FileResult],
    *,
    lang: str = "vi",
    color: bool | None = None,
    width: int | None = None,
) -> str:
    return json.dumps(to_dict(results, lang), ensure_ascii=False, indent=2) + "\n"
