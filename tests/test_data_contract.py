"""The data package documents itself, and the curated tables keep the promises the app relies on."""

from __future__ import annotations

import pytest

from core.data import REPO_DATA_DIR, TABLE_NAMES
from core.data import dictionary as datadict


def test_every_table_is_described(dataset):
    described = {r["name"] for r in dataset.package["resources"]}
    assert set(TABLE_NAMES) <= described


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_column_has_a_meaning(dataset, name):
    resource = dataset.resource(name)
    assert resource["description"]
    assert resource.get("x-provenance")
    undocumented = [f["name"] for f in resource["schema"]["fields"] if not f.get("description", "").strip()]
    assert not undocumented


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_numeric_columns_state_a_unit(dataset, name):
    fields = dataset.resource(name)["schema"]["fields"]
    unitless = [f["name"] for f in fields if f["type"] in ("number", "integer") and not f.get("unit")]
    assert not unitless


def test_data_readme_is_in_sync_with_the_package(dataset):
    readme = REPO_DATA_DIR / "README.md"
    assert readme.read_text(encoding="utf-8") == datadict.update_readme(readme, dataset.package), (
        "data/README.md is stale: run `python -m core.data.dictionary`"
    )


def test_every_source_has_claims(dataset):
    assert set(dataset.sources["id"]) == set(dataset.claims["source_id"])


def test_sources_with_doses_are_the_two_that_print_them(dataset):
    assert set(dataset.regimens["source_id"]) == {"vega", "stemcellu"}


@pytest.mark.parametrize("name", ["evidence", "regulatory", "harms"])
def test_unverified_rows_explain_themselves(dataset, name):
    table = dataset.table(name)
    unverified = table[table["verification"] != "verified"]
    assert (unverified["verification_note"].str.len() > 20).all()


def test_every_fixed_trial_dose_is_a_cell_count(dataset):
    with_doses = dataset.evidence[dataset.evidence["doses_cells"].map(len) > 0]
    assert with_doses["dose_basis"].ne("").all()
    assert all(d >= 1 for doses in with_doses["doses_cells"] for d in doses)


def test_page_names_readers_see_carry_no_file_order_number(dataset):
    numbered = [label for label in dataset.sources["short_label"] if label.split(" ", 1)[0].isdigit()]
    assert numbered == []
