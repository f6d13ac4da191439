"""The data dictionary: tables of every file's columns, built from datapackage.json for the app and data/README.md."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

BEGIN, END = "<!-- BEGIN GENERATED: python -m core.data.dictionary -->", "<!-- END GENERATED -->"


def field_table(resource: Mapping[str, Any]) -> pd.DataFrame:
    """One row per column of a resource: name, type, unit, allowed values, required, meaning."""
    key = resource["schema"].get("primaryKey")
    rows = []
    for field in resource["schema"]["fields"]:
        rules = field.get("constraints", {})
        allowed = "; ".join(rules.get("enum", []))
        if "pattern" in rules:
            allowed = f"pattern {rules['pattern']}"
        if "minimum" in rules:
            allowed = (allowed + "; " if allowed else "") + f">= {rules['minimum']}"
        kind = field["type"]
        if "x-list-separator" in field:
            kind = f"list of {field.get('x-item-type', 'string')} ('{field['x-list-separator']}'-separated)"
        rows.append(
            {
                "column": field["name"],
                "type": kind,
                "unit": field.get("unit", ""),
                "allowed values": allowed,
                "required": "key" if field["name"] == key else "yes" if rules.get("required") else "",
                "meaning": field["description"],
            }
        )
    return pd.DataFrame(rows)


def foreign_keys(resource: Mapping[str, Any]) -> list[str]:
    return [
        f"{fk['fields']} → {fk['reference']['resource']}.{fk['reference']['fields']}"
        for fk in resource["schema"].get("foreignKeys", [])
    ]


def _cell(value: str) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_markdown(package: Mapping[str, Any]) -> str:
    """The generated part of data/README.md."""
    out = [BEGIN, ""]
    for resource in package["resources"]:
        out += [f"### `{resource['path']}`: {resource['title']}", "", resource["description"], ""]
        out += [f"*Provenance:* {resource.get('x-provenance', '')}", ""]
        links = foreign_keys(resource)
        if links:
            out += ["*Links:* " + "; ".join(links), ""]
        translated = [f["name"] for f in resource["schema"]["fields"] if f.get("x-translatable")]
        if translated:
            languages = ", ".join(package.get("x-languages", ["en"])[1:])
            out += [f"*Translated ({languages}, in the translation tables):* " + ", ".join(translated), ""]
        for check in resource.get("x-checks", []):
            out += [f"*Rule:* {check['kind'].replace('_', ' ')} on {', '.join(check['fields'])}", ""]
        table = field_table(resource)
        out.append("| " + " | ".join(table.columns) + " |")
        out.append("|" + "---|" * len(table.columns))
        out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
        out.append("")
    vocab = package.get("x-vocabularies", {}).get("route", {})
    if vocab:
        out += ["### Route vocabulary", "", "| route | meaning |", "|---|---|"]
        out += [f"| {name} | {meaning} |" for name, meaning in vocab.items()]
        out.append("")
    out.append(END)
    return "\n".join(out)


def update_readme(readme: Path, package: Mapping[str, Any]) -> str:
    """The README text with its generated section replaced by the current dictionary."""
    text = readme.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + render_markdown(package) + tail


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "data")
    pkg = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (folder / "README.md").write_text(update_readme(folder / "README.md", pkg), encoding="utf-8")
    print(f"updated {folder / 'README.md'}")
