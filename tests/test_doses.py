"""Dose normalisation: cells per administration, per course and per kg, and the rows that cannot be compared."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core import text
from core.analysis import dose_frames, doses, routes, sources
from tests.conftest import tiny

REGIMEN_DEFAULTS = {
    "source_id": "alpha",
    "statement_kind": "route dose",
    "protocol_id": "",
    "route": "intravenous",
    "route_as_stated": "IV",
    "product": "cells",
    "dose_low": None,
    "dose_high": None,
    "dose_unit": "",
    "implied_unit": "",
    "dose_per": "",
    "administrations_low": None,
    "administrations_high": None,
    "interval_low": None,
    "interval_high": None,
    "interval_unit": "",
    "total_as_printed": "",
    "total_printed": None,
    "quote": "a quote",
    "schedule_quote": "",
    "reading": "our reading",
}
EMPTY = {
    "claims": ["id", "source_id", "quote", "topic", "verdict", "verdict_note", "evidence_ids", "regulatory_ids"],
    "evidence": [
        "id",
        "short_name",
        "kind",
        "condition",
        "route",
        "doses_cells",
        "dose_basis",
        "certainty",
        "quote",
        "verification",
        "main_finding",
    ],
    "regulatory": ["id", "date", "body", "kind", "title", "summary", "verification"],
    "routes": ["id", "label", "routes", "products", "evidence_ids", "harm_ids", "regulatory_ids", "evidence_strength"],
}


def regimen(id: str, **values) -> dict:
    return {"id": id, **REGIMEN_DEFAULTS, **values}


def cells(id: str, low: float, high: float | None = None, per: str = "session", **values) -> dict:
    high = low if high is None else high
    return regimen(id, dose_low=low, dose_high=high, dose_unit="cells", dose_per=per, **values)


def trial(id: str, route: str, doses_cells: tuple, basis: str, **values) -> dict:
    return {
        "id": id,
        "short_name": id.title(),
        "kind": "randomised trial",
        "condition": "knee osteoarthritis",
        "route": route,
        "doses_cells": doses_cells,
        "dose_basis": basis,
        "certainty": "low",
        "quote": "",
        "verification": "verified",
        "main_finding": "found",
        **values,
    }


def make_ds(regimens: list[dict], **tables):
    """A tiny Dataset with two sources and empty-but-typed claims, evidence, regulatory and routes tables."""
    sources = [
        {"id": "alpha", "short_label": "A page", "seed_file": "000_a.txt"},
        {"id": "beta", "short_label": "B page", "seed_file": "001_b.txt"},
    ]
    frames = {name: pd.DataFrame(tables.get(name, []), columns=columns) for name, columns in EMPTY.items()}
    for name, rows in tables.items():
        frames[name] = pd.DataFrame(rows)
    return tiny(sources=sources, regimens=pd.DataFrame(regimens), **frames)


def monthly_infusions(id: str = "r1") -> dict:
    """100 to 200 million cells a session, monthly, for 3 to 6 months: the shape of the 000 page's IV course."""
    return cells(
        id, 100e6, 200e6, administrations_low=3, administrations_high=6,
        interval_low=1, interval_high=1, interval_unit="month",
    )  # fmt: skip


def test_monthly_infusions_give_course_totals_days_and_per_kg():
    ds = make_ds([monthly_infusions()])
    row = doses.normalise(ds, weight_kg=70).iloc[0]
    assert row["comparable"]
    assert (row["cells_per_admin_low"], row["cells_per_admin_high"]) == (100e6, 200e6)
    assert (row["cells_per_course_low"], row["cells_per_course_high"]) == (300e6, 1.2e9)
    assert row["course_days_low"] == pytest.approx(3 * 30.44)
    assert row["course_days_high"] == pytest.approx(6 * 30.44)
    assert row["cells_per_kg_low"] == pytest.approx(100e6 / 70)
    assert doses.normalise(ds, weight_kg=90).iloc[0]["cells_per_kg_high"] == pytest.approx(200e6 / 90)
    assert row["quote"] == "a quote"


def test_per_kg_only_for_the_vein():
    ds = make_ds([cells("r1", 50e6, route="intra-articular knee", per="knee")])
    assert math.isnan(doses.normalise(ds).iloc[0]["cells_per_kg_low"])


def test_open_ended_follow_ups_have_no_upper_course_limit():
    ds = make_ds(
        [
            cells(
                "r1",
                15e6,
                50e6,
                per="knee",
                route="intra-articular knee",
                administrations_low=1,
                interval_low=3,
                interval_high=6,
                interval_unit="month",
            )
        ]
    )
    row = doses.normalise(ds).iloc[0]
    assert row["open_ended"]
    assert row["cells_per_course_low"] == 15e6
    assert math.isnan(row["cells_per_course_high"])
    assert row["course_days_low"] == 1.0


def test_daily_doses_last_one_day_each():
    assert doses.course_days(3, None, "", "day") == 3.0
    assert doses.course_days(1, 3, "month", "knee") == 1.0
    assert math.isnan(doses.course_days(None, None, "", "session"))


@pytest.mark.parametrize(
    ("values", "words"),
    [
        (
            {"product": "exosomes", "dose_low": 1e7, "dose_high": 1e7, "dose_unit": "none stated", "dose_per": "day"},
            "not cells",
        ),
        (
            {
                "product": "vitamin/NAD infusion",
                "dose_low": 5e7,
                "dose_high": 5e7,
                "dose_unit": "none stated",
                "dose_per": "day",
            },
            "no cells",
        ),
        ({"dose_low": 5e7, "dose_high": 5e7, "dose_unit": "none stated", "dose_per": "day"}, "no unit"),
        ({}, "no dose"),
        (
            {"statement_kind": "protocol table total", "route": "multiple routes", "product": "unspecified"},
            "printed total",
        ),
    ],
)
def test_rows_that_are_not_cell_counts_are_marked_with_a_reason(values, words):
    row = doses.normalise(make_ds([regimen("r1", **values)])).iloc[0]
    assert not row["comparable"]
    assert words in row["reason"]
    assert math.isnan(row["cells_per_admin_low"])
    assert math.isnan(row["cells_per_course_low"])


def test_bare_number_with_implied_cells_is_comparable_but_flagged():
    ds = make_ds(
        [
            regimen(
                "r1",
                dose_low=5e7,
                dose_high=5e7,
                dose_unit="none stated",
                implied_unit="cells",
                dose_per="day",
                administrations_low=3,
                administrations_high=3,
            )
        ]
    )
    row = doses.normalise(ds).iloc[0]
    assert row["comparable"]
    assert "bare number" in row["unit_caveat"]
    assert row["cells_per_course_low"] == 150e6


def test_normalise_does_not_touch_the_dataset():
    ds = make_ds([cells("r1", 1e6)])
    before = ds.regimens.copy()
    doses.normalise(ds)
    pd.testing.assert_frame_equal(ds.regimens, before)


def test_trial_doses_convert_per_kg_and_skip_per_ml_and_animals():
    evidence = [
        trial("label", "intravenous", (2e6,), "per kg body weight", kind="drug label"),
        trial("knee", "intra-articular knee", (1e7, 1e8), "per knee injection"),
        trial("conc", "intradiscal", (1.21e8,), "per mL"),
        trial("mice", "intravenous", (5e5,), "per infusion", condition="none (healthy or animal)"),
    ]
    out = doses.trial_doses(make_ds([], evidence=evidence), weight_kg=80)
    assert list(out["evidence_id"]) == ["label", "knee", "knee"]
    assert out.iloc[0]["cells_per_admin"] == 160e6
    assert out.iloc[0]["computed_from_weight"]
    assert "computed" in doses.trial_dose_text(out.iloc[0])


def test_course_totals_mark_computed_and_printed(dataset):
    courses = dose_frames.course_totals(doses.normalise(dataset)).set_index(["item", "basis"])
    vein = courses.loc[("Vega Stem Cell · vein", "computed")]
    assert (vein["low"], vein["high"]) == (300e6, 1.2e9)
    combination = courses.loc[("Vega Stem Cell · protocol", "computed")]
    assert combination["low"] == 200e6
    assert combination["open_ended"]  # a second session with no dose leaves it open
    assert courses.loc[("StemCellU · protocol", "printed"), "low"] == 250e6
    assert courses.loc[("StemCellU · protocol", "computed"), "low"] == 250e6


def test_seed_002_protocol_is_rebuilt_as_the_table_it_was_meant_to_be(dataset):
    [(_protocol_id, table, raw)] = sources.protocol_tables(dataset.regimens, "stemcellu")
    first = table.iloc[0]
    assert (first["Route"], first["Dose"], first["Time"], first["Total cells (as printed)"]) == (
        "IV",
        "50,000,000",
        "3 days",
        "150,000,000",
    )
    assert raw[0] == "IV50,000,0003150,000,000"
    assert list(table["Route"])[-1] == "Total"
    assert len(table) == len(raw)


def test_pages_without_a_protocol_table_have_none(dataset):
    assert sources.protocol_tables(dataset.regimens, "vega") == []


@pytest.mark.parametrize(
    ("n", "word", "many", "expected"),
    [(1, "harm report", None, "1 harm report"), (2, "claim", None, "2 claims"), (1, "study", "studies", "1 study"),
     (3, "study", "studies", "3 studies"), (0, "number", None, "0 numbers")],
)  # fmt: skip
def test_plural_agrees_with_the_count(n, word, many, expected):
    assert text.plural(n, word, many) == expected


def test_real_data_vein_course_the_page_implies(dataset):
    norm = doses.normalise(dataset).set_index("regimen_id")
    row = norm.loc["r000-04"]
    assert (row["cells_per_course_low"], row["cells_per_course_high"]) == (300e6, 1.2e9)
    assert math.isnan(row["total_printed"])


def test_real_data_002_non_cell_rows_and_bare_numbers(dataset):
    norm = doses.normalise(dataset).set_index("route_as_stated")
    assert not norm.loc["Myers cocktail/NAD", "comparable"]
    assert not norm.loc["Exosome IV", "comparable"]
    assert "not cells" in norm.loc["Exosome IV", "reason"]
    assert norm.loc["IV", "comparable"]
    assert norm.loc["IV", "unit_caveat"]


def test_route_overview_compares_pages_with_trials(dataset):
    norm = doses.normalise(dataset)
    overview = routes.route_overview(dataset, norm, doses.trial_doses(dataset)).set_index("section_id")
    knee = overview.loc["knee_joint"]
    assert (knee["trials_low"], knee["trials_high"]) == (10e6, 150e6)
    assert (knee["pages_low"], knee["pages_high"]) == (15e6, 50e6)
    assert overview.loc["spinal_fluid", "n_trials"] == 0
    assert "No trial we list" in routes.overview_sentence(overview.loc["spinal_fluid"])
    assert overview.loc["non_cell_drips", "n_not_cells"] == 2


def test_every_dose_route_with_a_product_has_a_routes_section(dataset):
    norm = doses.normalise(dataset)
    dosed = norm[norm["dose_low"].notna() & (norm["statement_kind"] != "headline range")]
    covered = pd.concat([routes.section_rows(dosed, s) for _, s in dataset.routes.iterrows()])
    assert set(dosed["regimen_id"]) == set(covered["regimen_id"])


def test_section_claims_follow_the_route_evidence(dataset):
    norm = doses.normalise(dataset)
    vein = dataset.routes.set_index("id", drop=False).loc["vein"]
    assert set(routes.section_claims(dataset, vein, norm)["id"]) == {"c000-12", "c002-14"}


def test_routes_csv_only_cites_rows_that_exist_and_flags_no_invented_numbers(dataset):
    import re

    facts = " ".join(
        " ".join(dataset.table(t)[c].astype(str))
        for t, c in (
            ("evidence", "main_finding"),
            ("evidence", "design"),
            ("harms", "what_happened"),
            ("regulatory", "summary"),
            ("regulatory", "date"),
            ("evidence", "doses_cells"),
        )
    )
    for _, section in dataset.routes.iterrows():
        text = " ".join(section[c] for c in ("where_cells_end_up", "evidence_summary", "regulatory_summary"))
        for number in re.findall(r"\d[\d.,-]*\d|\d", text):
            assert number.strip(".,") in facts, f"{section['id']}: {number} is not in evidence, harms or regulatory"


def test_pick_keeps_the_order_of_ids(dataset):
    assert list(doses.pick(dataset.evidence, ("satue2019", "jo2014"))["id"]) == ["satue2019", "jo2014"]
