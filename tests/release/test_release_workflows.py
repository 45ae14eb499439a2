"""The hosted CI workflows are linted here (actionlint), so a typo fails in the local
tests and not on the first tag; the Windows job runs exactly the commands README gives a
Windows user; the release workflow builds, installs and checks what it attaches."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def actionlint() -> str:
    """The binary the test extras install beside this Python (on PATH as a fallback)."""
    name = "actionlint.exe" if sys.platform == "win32" else "actionlint"
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    assert found, "actionlint is missing: pip install -e .[test]"
    return found


def lint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [actionlint(), "-no-color", *map(str, files)], capture_output=True, text=True, cwd=ROOT
    )


def workflow(name: str) -> dict:
    # YAML reads the key `on` as True; give it its name back.
    loaded = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    loaded["on"] = loaded.pop(True)
    return loaded


def run_lines(job: dict) -> list[str]:
    lines: list[str] = []
    for step in job["steps"]:
        lines += [line for line in step.get("run", "").splitlines() if line.strip()]
    return lines


def test_every_workflow_passes_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"ci.yml", "release.yml"}
    result = lint(*files)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_actionlint_catches_a_typo_in_a_workflow(tmp_path):
    broken = tmp_path / "ci.yml"
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: windows-latest", "runs_on: windows-latest"))
    result = lint(broken)
    assert result.returncode != 0
    assert "runs_on" in result.stdout


def test_ci_runs_dot_ci_run_on_linux_and_the_windows_build_on_windows():
    ci = workflow("ci.yml")
    assert set(ci["on"]) == {"push", "pull_request"}
    linux, windows = ci["jobs"]["linux"], ci["jobs"]["windows"]
    assert linux["runs-on"].startswith("ubuntu")
    assert run_lines(linux) == ["bash .ci/run"]
    assert windows["runs-on"] == "windows-latest"
    python = next(s for s in windows["steps"] if "setup-python" in s.get("uses", ""))
    assert python["with"]["python-version"] == "3.11"
    assert windows["env"]["QT_QPA_PLATFORM"] == "offscreen"
    lines = run_lines(windows)
    assert 'python -m pip install -e ".[test,build]"' in lines
    assert "python -m pytest -q -p no:cacheprovider" in lines
    assert "pyinstaller --noconfirm build.spec" in lines
    smoke = next(line for line in lines if "shopdesk-cli.exe --smoke-test" in line)
    assert smoke.startswith("dist\\shopdesk\\shopdesk-cli.exe")
    assert any('-ne "ok"' in line for line in lines)  # the last line must be ok


def readme_windows_block() -> tuple[dict[str, str], list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- windows-build:.*?-->\s*```powershell\n(.*?)```", readme, re.S)
    assert match, "README's Windows build block is missing"
    lines = [line.strip() for line in match.group(1).splitlines() if line.strip()]
    env = dict(re.findall(r'\$env:(\w+) = "([^"]*)"', lines[0]))
    return env, lines[1:]


def test_the_windows_job_runs_the_commands_readme_gives_a_windows_user():
    env, commands = readme_windows_block()
    windows = workflow("ci.yml")["jobs"]["windows"]
    assert env == windows["env"]
    assert commands == run_lines(windows)


def test_release_builds_installs_and_attaches_the_installer_and_a_zip_on_a_version_tag():
    release = workflow("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {"contents": "write"}
    job = release["jobs"]["windows"]
    assert job["runs-on"] == "windows-latest"
    script = "\n".join(run_lines(job))
    order = [
        "pyinstaller --noconfirm build.spec",
        "python packaging\\windows\\make_installer.py",
        '-ArgumentList "/S", "/D=$target"',  # a silent install into a temporary folder
        "& $cli --smoke-test",  # the INSTALLED app's smoke test
        "gh release",
    ]
    positions = [script.index(part) for part in order]
    assert positions == sorted(positions)
    assert '"v$version" -ne $env:TAG' in script  # the tag must name pyproject's version
    assert "dist\\ShopDesk-Setup-$env:SHOPDESK_VERSION.exe" in script
    assert "Compress-Archive -Path dist\\shopdesk" in script
    assert "ShopDesk-$env:SHOPDESK_VERSION-windows.zip" in script
    assert "keep-me.txt" in script  # the uninstaller must leave the shop's data


def test_the_release_notes_are_the_changelog_section_of_this_version():
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "release_notes.py"), VERSION],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"## {VERSION} ")
    assert "## " not in result.stdout[3:]  # one section, not the whole file
    missing = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "release_notes.py"), "99.0.0"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert missing.returncode == 2 and "99.0.0" in missing.stderr
