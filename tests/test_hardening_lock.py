"""The lock files pin what requirements*.txt ask for, each with hashes (regenerate with scripts/lock.sh)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s;#\\]+)", re.MULTILINE)


def pins(text: str) -> dict[str, str]:
    return {name.lower().replace("_", "-"): version for name, version in PIN.findall(text)}


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_lock_pins_every_requirement_at_its_version(name):
    wanted = pins((ROOT / f"{name}.txt").read_text(encoding="utf-8"))
    locked = pins((ROOT / f"{name}.lock").read_text(encoding="utf-8"))
    assert wanted, "requirements must be pinned with =="
    stale = {package: version for package, version in wanted.items() if locked.get(package) != version}
    assert not stale, f"{name}.lock is out of date for {stale}: run scripts/lock.sh"


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_every_locked_package_carries_a_hash(name):
    entries = re.split(r"\n(?=[A-Za-z])", (ROOT / f"{name}.lock").read_text(encoding="utf-8"))
    packages = [entry for entry in entries if PIN.match(entry)]
    assert packages
    assert [entry.split()[0] for entry in packages if "--hash=sha256:" not in entry] == []


def test_lock_names_no_machine_specific_index():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert not re.search(r"^--(find-links|index-url|extra-index-url)", text, re.MULTILINE)


def test_dev_lock_keeps_the_extras_a_dependency_asks_for():
    # pip 23.2.1 (bundled with Python 3.11.7) refuses a hashed lock where pip-audit asks for
    # CacheControl[filecache] and the lock pins plain cachecontrol; scripts/lock.sh keeps extras for it.
    text = (ROOT / "requirements-dev.lock").read_text(encoding="utf-8")
    assert re.search(r"^cachecontrol\[filecache\]==", text, re.MULTILINE)
    assert "--no-strip-extras" in (ROOT / "scripts" / "lock.sh").read_text(encoding="utf-8")
