"""The pre-commit hook (.pre-commit-hooks.yaml) in a scratch git repository.

pre-commit is not a dependency of rasoat: the tests use it when it is importable, or install
it from the package registry into a temporary virtual environment (once per session, with a
time limit), and skip with the reason when neither works. Every subprocess is bounded.

The default test runs the hook as the manifest defines it (id, entry, files), but through
``language: system`` and a ``rasoat`` shim that runs this checkout, so it costs seconds. The
hook's own ``language: python`` installs rasoat and its dependencies into a fresh environment
(about a minute); that test runs only with RASOAT_SLOW_TESTS=1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / ".pre-commit-hooks.yaml"
DRAFT = REPO / "samples" / "bao-cao-loi.txt"
CORRECT = "Tổng số cán bộ là 200 người. Trong đó nữ 50 người, chiếm 25%.\n"
INSTALL_SECONDS = 300
RUN_SECONDS = 180


def manifest(python: str) -> dict[str, object]:
    """The rasoat hook of the manifest, read with the YAML parser of pre-commit's Python
    (PyYAML is pre-commit's dependency, not rasoat's)."""
    done = subprocess.run(
        [
            python,
            "-c",
            (
                "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], "
                "encoding='utf-8'))))"
            ),
            str(MANIFEST),
        ],
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=True,
    )
    [hook] = [h for h in json.loads(done.stdout) if h["id"] == "rasoat"]
    return dict(hook)


def test_manifest_declares_the_hook(pre_commit: list[str]) -> None:
    hook = manifest(pre_commit[0])
    assert hook["entry"] == "rasoat check" and hook["language"] == "python"
    import re

    files = re.compile(str(hook["files"]))
    for name in ("a.txt", "dir/b.md", "C.DOCX", "d.markdown"):
        assert files.search(name), name
    for name in ("a.py", "b.doc", "txt", "notes.txt.bak"):
        assert not files.search(name), name


# -- finding pre-commit ------------------------------------------------------------------------
def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def pre_commit(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command that runs pre-commit."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if os.name == "nt":
        pytest.skip("the rasoat shim is a POSIX script")
    try:
        import pre_commit  # noqa: F401

        return [sys.executable, "-m", "pre_commit"]
    except ImportError:
        pass
    folder = tmp_path_factory.mktemp("pre-commit-venv")
    python = folder / "bin" / "python"
    try:
        # a venv without its own pip (ensurepip is the slow part); this pip installs into it
        venv.create(folder, with_pip=False)
        done = subprocess.run(
            [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "pre-commit"],
            capture_output=True,
            check=False,
            text=True,
            timeout=INSTALL_SECONDS,
            env=_clean_env(),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"pre-commit could not be installed into a temporary venv: {exc}")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"pre-commit could not be installed from the package registry: {last}")
    return [str(python), "-m", "pre_commit"]


def test_the_manifest_is_valid_for_pre_commit(pre_commit: list[str]) -> None:
    done = subprocess.run(
        [*pre_commit, "validate-manifest", str(MANIFEST)],
        capture_output=True,
        check=False,
        text=True,
        timeout=RUN_SECONDS,
        env=_clean_env(),
    )
    assert done.returncode == 0, done.stdout + done.stderr


# -- a scratch repository that uses the hook ------------------------------------------------------
def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, timeout=60, env=_clean_env()
    )


def scratch(tmp_path: Path, hook: dict[str, object]) -> Path:
    repo = tmp_path / "drafts-repo"
    repo.mkdir()
    git(repo, "init", "--quiet")
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    # JSON is YAML: no YAML writer needed
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config, indent=2), encoding="utf-8")
    (repo / "tool.py").write_text("SHARE = 'chiếm 30%'\n", encoding="utf-8")  # not a draft
    return repo


def pre_commit_run(pre_commit: list[str], repo: Path, env: dict[str, str]) -> tuple[int, str]:
    git(repo, "add", "--all")
    done = subprocess.run(
        [*pre_commit, "run", "--all-files", "--color", "never"],
        check=False,
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUN_SECONDS,
        env=env,
    )
    return done.returncode, done.stdout + done.stderr


def shim(folder: Path, log: Path) -> Path:
    """A ``rasoat`` on PATH that runs this checkout and logs its arguments."""
    folder.mkdir()
    script = folder / "rasoat"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        f"with open({str(log)!r}, 'a', encoding='utf-8') as fh:\n"
        "    fh.write(json.dumps(sys.argv[1:]) + '\\n')\n"
        "from checker.cli import main\n"
        "sys.exit(main())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return folder


def test_hook_fails_on_the_draft_and_passes_a_correct_file(
    pre_commit: list[str], tmp_path: Path
) -> None:
    hook = {**manifest(pre_commit[0]), "language": "system"}
    repo = scratch(tmp_path, hook)
    log = tmp_path / "calls.jsonl"
    env = _clean_env(
        PATH=f"{shim(tmp_path / 'bin', log)}{os.pathsep}{os.environ.get('PATH', '')}",
        PRE_COMMIT_HOME=str(tmp_path / "cache"),
    )
    shutil.copy(DRAFT, repo / "bao-cao.txt")
    code, output = pre_commit_run(pre_commit, repo, env)
    assert code == 1, output
    assert "rasoat" in output and "Failed" in output and "N101" in output
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [sorted(c[1:]) for c in calls] == [["bao-cao.txt"]]  # tool.py is not a draft
    assert all(c[0] == "check" for c in calls)

    (repo / "bao-cao.txt").write_text(CORRECT, encoding="utf-8")
    code, output = pre_commit_run(pre_commit, repo, env)
    assert code == 0, output
    assert "Passed" in output


@pytest.mark.skipif(
    os.environ.get("RASOAT_SLOW_TESTS") != "1",
    reason="installs rasoat and its dependencies with pip (about a minute); "
    "set RASOAT_SLOW_TESTS=1 to run it",
)
def test_hook_installs_with_language_python(pre_commit: list[str], tmp_path: Path) -> None:
    hook = {**manifest(pre_commit[0]), "additional_dependencies": [str(REPO)]}
    repo = scratch(tmp_path, hook)
    env = _clean_env(PRE_COMMIT_HOME=str(tmp_path / "cache"))
    shutil.copy(DRAFT, repo / "bao-cao.txt")
    code, output = pre_commit_run(pre_commit, repo, env)
    assert code == 1 and "N101" in output, output
    (repo / "bao-cao.txt").write_text(CORRECT, encoding="utf-8")
    code, output = pre_commit_run(pre_commit, repo, env)
    assert code == 0, output
