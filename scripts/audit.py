"""Check the locked dependencies for known vulnerabilities with pip-audit, and say plainly when it could not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ("requirements.lock", "requirements-dev.lock")


def audit(lock: Path) -> tuple[list[str], list[str]]:
    """(known vulnerabilities, packages that could not be checked) for one lock file."""
    command = [sys.executable, "-m", "pip_audit", "--disable-pip", "--progress-spinner", "off", "-f", "json"]
    result = subprocess.run([*command, "-r", str(lock)], capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [], [f"pip-audit gave no report ({(result.stderr or result.stdout).strip()[-300:]})"]
    found, unchecked = [], []
    for dependency in report.get("dependencies", []):
        name = f"{dependency['name']} {dependency.get('version', '?')}"
        if "skip_reason" in dependency:
            unchecked.append(name)
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            found.append(f"{name}: {vuln['id']} (fixed in {fixed})")
    return found, unchecked


def main() -> int:
    status = 0
    for name in LOCKS:
        found, unchecked = audit(ROOT / name)
        for line in found:
            print(f"VULNERABLE  {name}: {line}")
        if found:
            status = 1
        if unchecked:
            print(
                f"NOT AUDITED {name}: {len(unchecked)} package(s) could not be checked, most likely because PyPI's "
                f"vulnerability service is unreachable from here (first: {unchecked[0]}). Run again with network."
            )
            if os.environ.get("AUDIT_REQUIRED") == "1":
                status = 1
        elif not found:
            print(f"audited     {name}: no known vulnerabilities")
    return status


if __name__ == "__main__":
    sys.exit(main())
