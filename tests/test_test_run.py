"""The README's test command keeps grouped tests together: one worker runs each xdist group (the browser tests'
single pass over the pages depends on it)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GROUPED = """
import pytest

pytestmark = pytest.mark.xdist_group("one_pass")


@pytest.mark.parametrize("page", ["streamlit_app.py", "pages/1_Sources.py", "pages/2_Doses.py", "pages/3_Routes.py"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_grouped(width, page):
    pass
"""
UNGROUPED = """
import time

import pytest


@pytest.mark.parametrize("n", range(8))
def test_free(n):
    time.sleep(0.05)
"""


def test_an_xdist_group_runs_on_one_worker(tmp_path: Path):
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "test_free.py").write_text(UNGROUPED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    workers = re.findall(r"\[(gw\d)\].*PASSED test_grouped\.py", result.stdout)
    assert len(workers) == 8, result.stdout[-2000:]
    assert len(set(workers)) == 1, f"one group ran on {sorted(set(workers))}: is pytest newer than xdist supports?"
