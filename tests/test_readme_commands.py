"""The README's run and test commands are complete for a fresh machine, and `.ci/run` runs exactly them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands_under(heading: str) -> list[str]:
    """The lines of the first ```bash block in the README section with this heading."""
    section = README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block, f"no bash block under '## {heading}'"
    return block.group(1).splitlines()


def test_ci_runs_the_readme_test_commands_as_written():
    printed = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run"), "--print-commands"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert printed == commands_under("Test it")


@pytest.mark.parametrize(
    "line",
    [
        "python3 -m venv .venv && . .venv/bin/activate",
        "pip install -r requirements-dev.lock",
        "npm ci",
        "python -m pytest -n 2 --dist loadgroup",
    ],
)
def test_test_commands_include(line):
    assert line in commands_under("Test it")


@pytest.mark.parametrize("line", ["pip install -r requirements.lock", "streamlit run serve.py"])
def test_run_commands_include(line):
    # serve.py, not streamlit_app.py: only st.App carries the security headers and Host checks.
    assert line in commands_under("Run it")
