"""Every discrepancy rule, on small hand-made data and on the real pages; no rule is tied to a source or row id."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from core.analysis import discrepancies, doses
from tests.test_doses import cells, make_ds, monthly_infusions, regimen, trial


def kinds(found, kind):
    return found[found["kind"] == kind]


def table_row(id, as_stated, dose, days, total, **values):
    fields = {
        "source_id": "beta",
        "statement_kind": "protocol table row",
        "protocol_id": "p001-table",
        "route_as_stated": as_stated,
        "dose_low": dose,
        "dose_high": dose,
        "dose_unit": "none stated",
        "implied_unit": "cells",
        "dose_per": "day",
        "administrations_low": days,
        "administrations_high": days,
        "total_as_printed": "N/A" if total is None else f"{total:,.0f}",
        "total_printed": total,
    }
    return regimen(id, **{**fields, **values})


@pytest.fixture
def protocol_table():
    """A page that prints a table of daily doses, two non-cell rows and a grand total of the cell rows only."""
    return [
        table_row("r1", "IV", 5e7, 3, 1.5e8),
        table_row("r2", "Vitamin drip", 5e7, 2, None, product="vitamin/NAD infusion", implied_unit=""),
        table_row("r3", "Exosome IV", 1e7, 60, None, product="exosomes", implied_unit=""),
        table_row("r4", "Disc", 5e7, 1, 5e7, route="intradiscal"),
        regimen(
            "r5",
            source_id="beta",
            statement_kind="protocol table total",
            protocol_id="p001-table",
            route="multiple routes",
            product="unspecified",
            total_as_printed="200,000,000",
            total_printed=2e8,
        ),
    ]


def test_same_route_dosed_differently_by_two_pages():
    ds = make_ds([cells("r1", 100e6, 200e6), cells("r2", 50e6, per="day", source_id="beta")])
    item = kinds(discrepancies.find(ds), "route_dose_conflict").iloc[0]
    assert item["status"] == "problem"
    assert item["fold"] == 4
    assert item["severity"] == "high"
    assert set(item["source_ids"]) == {"alpha", "beta"}
    assert "per day vs per session" in item["explanation"]


def test_same_dose_everywhere_is_shown_as_consistent():
    ds = make_ds([cells("r1", 50e6), cells("r2", 50e6, source_id="beta")])
    item = kinds(discrepancies.find(ds), "route_dose_conflict").iloc[0]
    assert (item["status"], item["severity"]) == ("consistent", "none")


def test_headline_range_against_the_pages_own_doses():
    ds = make_ds(
        [
            cells("r1", 40e6, 200e6, statement_kind="headline range", route="unspecified"),
            cells("r2", 15e6, 50e6, per="knee", route="intra-articular knee"),
            cells("r3", 100e6, 200e6),
        ]
    )
    item = kinds(discrepancies.find(ds), "headline_vs_own_doses").iloc[0]
    assert item["status"] == "problem"
    assert item["regimen_ids"] == ("r1", "r2")
    assert "partly below" in item["numbers"]


def test_printed_totals_that_add_up_are_consistent_and_a_wrong_one_is_not(protocol_table):
    found = discrepancies.find(make_ds(protocol_table))
    item = kinds(found, "printed_total_check").iloc[0]
    assert item["status"] == "consistent"
    assert "(matches)" in item["numbers"]
    wrong = [dict(r, total_printed=9e7) if r["id"] == "r1" else r for r in protocol_table]
    item = kinds(discrepancies.find(make_ds(wrong)), "printed_total_check").iloc[0]
    assert item["status"] == "problem"
    assert item["regimen_ids"] == ("r1",)


def test_total_that_leaves_rows_out(protocol_table):
    item = kinds(discrepancies.find(make_ds(protocol_table)), "total_leaves_rows_out").iloc[0]
    assert item["status"] == "problem"
    assert "leaves out 2 rows" in item["headline"]
    assert "Vitamin drip" in item["numbers"]
    assert "Exosome IV" in item["numbers"]


def test_total_that_adds_every_row_is_consistent(protocol_table):
    rows = [r for r in protocol_table if r["id"] not in ("r2", "r3")]
    item = kinds(discrepancies.find(make_ds(rows)), "total_leaves_rows_out").iloc[0]
    assert item["status"] == "consistent"


def test_cell_counts_for_things_that_are_not_cells_and_bare_numbers(protocol_table):
    found = discrepancies.find(make_ds(protocol_table))
    flagged = kinds(found, "not_cells")
    assert [ids for ids in flagged["regimen_ids"]] == [("r2",), ("r3",)]
    assert set(flagged["severity"]) == {"high"}
    unit = kinds(found, "no_unit").iloc[0]
    assert unit["severity"] == "medium"  # two of the bare numbers do not even imply cells
    assert "4 doses" in unit["headline"]


def test_route_target_mismatch_needs_a_disc_claim_and_a_route_outside_the_disc():
    rows = [cells("r1", 20e6, 50e6, per="injection", route="intrathecal-or-epidural as stated")]
    claims = [
        {
            "id": "c1",
            "source_id": "alpha",
            "quote": "repairs discs",
            "topic": "disc repair",
            "verdict": "x",
            "verdict_note": "y",
            "evidence_ids": ("disc_trial",),
            "regulatory_ids": (),
        }
    ]
    item = kinds(discrepancies.find(make_ds(rows, claims=claims)), "route_target_mismatch").iloc[0]
    assert item["claim_ids"] == ("c1",)
    assert item["evidence_ids"] == ("disc_trial",)
    assert "spinal fluid" in item["explanation"]
    assert "outside the dura" in item["explanation"]
    assert "Neither is inside the disc" in item["explanation"]
    into_disc = [dict(rows[0], route="intradiscal")]
    assert kinds(discrepancies.find(make_ds(into_disc, claims=claims)), "route_target_mismatch").empty
    no_claim = [dict(claims[0], topic="pain relief and function")]
    assert kinds(discrepancies.find(make_ds(rows, claims=no_claim)), "route_target_mismatch").empty


def test_implied_course_totals():
    ds = make_ds(
        [
            monthly_infusions(),
            cells(
                "r2",
                50e6,
                route="intra-articular knee",
                protocol_id="p000-combo",
                administrations_low=1,
                administrations_high=1,
                statement_kind="combination protocol part",
            ),
            cells(
                "r3",
                100e6,
                protocol_id="p000-combo",
                administrations_low=1,
                administrations_high=1,
                statement_kind="combination protocol part",
            ),
            regimen("r4", protocol_id="p000-combo", statement_kind="follow-up without a dose", route="unspecified"),
        ]
    )
    found = kinds(discrepancies.find(ds), "implied_course_total")
    assert "300 million–1.2 billion" in found.iloc[0]["numbers"]
    assert "computed" in found.iloc[0]["numbers"]
    protocol = found.iloc[1]
    assert protocol["numbers"] == "50 million + 100 million = 150 million cells (computed)"
    assert "no stated upper limit" in protocol["explanation"]


def test_doses_against_trial_ranges():
    rows = [
        cells("r1", 15e6, 50e6, per="knee", route="intra-articular knee"),
        cells("r2", 50e6, per="day", route="intradiscal", source_id="beta"),
        cells("r3", 50e6, per="day", route="intrathecal", source_id="beta"),
    ]
    evidence = [
        trial("knee_a", "intra-articular knee", (1e7, 1.5e8), "per knee injection"),
        trial("disc_a", "intradiscal", (6e6, 4e7), "per disc", verification="partial"),
    ]
    found = kinds(discrepancies.find(make_ds(rows, evidence=evidence)), "outside_trial_range")
    by_row = {item["regimen_ids"][0]: item for _, item in found.iterrows()}
    assert by_row["r1"]["status"] == "consistent"
    assert by_row["r2"]["status"] == "problem"
    assert by_row["r2"]["fold"] == pytest.approx(1.25)
    assert "partly verified" in by_row["r2"]["numbers"]
    assert "No study we list" in by_row["r3"]["explanation"]


def test_vein_dose_against_the_approved_per_kg_dose():
    rows = [cells("r1", 100e6, 200e6)]
    evidence = [
        trial(
            "label",
            "intravenous",
            (2e6,),
            "per kg body weight",
            kind="drug label",
            condition="graft-versus-host disease",
        )
    ]
    routes = [
        {
            "id": "vein",
            "label": "Vein",
            "routes": ("intravenous",),
            "products": ("cells",),
            "evidence_ids": ("label",),
            "harm_ids": (),
            "regulatory_ids": ("approval",),
            "evidence_strength": "none",
        }
    ]
    regulatory = [
        {
            "id": "approval",
            "date": "2024-12-18",
            "body": "FDA",
            "kind": "approval",
            "title": "Approved",
            "summary": "FDA approved it only for a disease in children. More.",
            "verification": "verified",
        }
    ]
    ds = make_ds(rows, evidence=evidence, routes=routes, regulatory=regulatory)
    item = kinds(discrepancies.find(ds, weight_kg=70), "iv_vs_approved").iloc[0]
    assert item["fold"] == pytest.approx(200e6 / 70 / 2e6)
    assert item["regulatory_ids"] == ("approval",)
    assert "2024-12-18" in item["explanation"]
    assert "only for a disease in children" in item["explanation"]
    heavier = kinds(discrepancies.find(ds, weight_kg=100), "iv_vs_approved").iloc[0]
    assert heavier["fold"] == pytest.approx(1.0)
    assert "100 kg" in heavier["explanation"]


def test_no_rule_names_a_source_or_row_id(dataset):
    code = inspect.getsource(discrepancies)
    for value in [*dataset.sources["id"], *dataset.regimens["id"], *dataset.claims["id"], *dataset.evidence["id"]]:
        assert f'"{value}"' not in code, value
        assert f"'{value}'" not in code, value


# --- the real pages ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def found(dataset):
    return discrepancies.find(dataset)


def test_real_every_kind_is_found(found):
    assert set(found["kind"]) == set(discrepancies.KINDS)
    assert set(found["severity"]) <= set(discrepancies.SEVERITY_ORDER)
    assert found["explanation"].str.len().min() > 20


def test_real_vein_dosed_four_times_apart(found):
    vein = found[(found["kind"] == "route_dose_conflict") & found["headline"].str.contains("vein")].iloc[0]
    assert vein["fold"] == 4
    assert "100 million–200 million cells per session" in vein["numbers"]
    assert "50 million cells per day" in vein["numbers"]


def test_real_000_headline_floor_above_its_knee_and_back_doses(found):
    item = kinds(found, "headline_vs_own_doses").iloc[0]
    assert set(item["regimen_ids"]) == {"r000-01", "r000-02", "r000-03"}


def test_real_002_printed_totals_match_and_total_leaves_out_two_rows(found):
    assert kinds(found, "printed_total_check").iloc[0]["status"] == "consistent"
    left = kinds(found, "total_leaves_rows_out").iloc[0]
    assert "leaves out 2 rows" in left["headline"]
    assert "Myers cocktail/NAD" in left["numbers"]
    assert "Exosome IV" in left["numbers"]


def test_real_002_myers_nad_and_exosomes_are_not_cells(found):
    assert {ids[0] for ids in kinds(found, "not_cells")["regimen_ids"]} == {"r002-02", "r002-03"}


def test_real_000_back_injection_sold_for_disc_repair(found):
    item = kinds(found, "route_target_mismatch").iloc[0]
    assert "r000-03" in item["regimen_ids"]
    assert set(item["claim_ids"]) == {"c000-06", "c000-11"}


def test_real_000_implied_courses(found):
    numbers = " ".join(kinds(found, "implied_course_total")["numbers"])
    assert "300 million–1.2 billion cells (computed)" in numbers
    assert "50 million + 50 million + 100 million = 200 million cells (computed)" in numbers


def test_real_trial_ranges_and_approved_dose(found):
    outside = kinds(found, "outside_trial_range")
    disc = outside[outside["regimen_ids"].map(lambda ids: "r002-05" in ids)].iloc[0]
    assert disc["status"] == "problem"
    assert "6 million–40 million cells per disc" in disc["numbers"]
    knee = outside[outside["regimen_ids"].map(lambda ids: "r000-02" in ids)].iloc[0]
    assert knee["status"] == "consistent"
    iv = kinds(found, "iv_vs_approved")
    assert set(iv["evidence_ids"].map(lambda ids: ids[0])) == {"ryoncil_label"}
    assert set(iv["regulatory_ids"].map(lambda ids: ids[0])) == {"fda_ryoncil_2024"}
    assert iv["fold"].max() == pytest.approx(200e6 / 70 / 2e6)


def test_select_filters_by_kind_and_source(found):
    picked = discrepancies.select(found, ["not_cells"], ["stemcellu"])
    assert len(picked) == 2
    assert discrepancies.select(found, ["not_cells"], ["vega"]).empty


@pytest.fixture(scope="module")
def found_and_norm(dataset):
    return discrepancies.find(dataset), doses.normalise(dataset)


def test_what_we_found_keeps_only_items_on_the_chosen_routes(found_and_norm):
    found, norm = found_and_norm
    everything = discrepancies.within(found, norm, set(norm["route"]), set(norm["source_id"]))
    knee_only = discrepancies.within(found, norm, ["intra-articular knee"], set(norm["source_id"]))
    assert len(everything) == len(found)
    assert 0 < len(knee_only) < len(found)
    route_of = dict(zip(norm["regimen_id"], norm["route"], strict=True))
    for ids in knee_only["regimen_ids"]:
        assert not ids or "intra-articular knee" in {route_of[i] for i in ids}


def test_what_we_found_keeps_only_items_on_the_chosen_pages(found_and_norm):
    found, norm = found_and_norm
    chosen = discrepancies.within(found, norm, set(norm["route"]), ["stemcellu"])
    assert not chosen.empty
    assert all("stemcellu" in ids for ids in chosen["source_ids"])


def test_sentences_never_say_number_in_brackets(found_and_norm):
    found, _ = found_and_norm
    text = " ".join(found["headline"]) + " ".join(found["explanation"])
    assert "(s)" not in text


def test_item_line_names_its_severity_and_escapes_the_headline():
    item = pd.Series({"severity": "high", "headline": "Up to *4* times [apart](x)"})
    line = discrepancies.item_line(item)
    assert line.startswith("**Serious problem:** ")
    assert "*4*" not in line
    assert "[apart](x)" not in line


def test_item_markdown_holds_kind_explanation_and_numbers():
    item = pd.Series({"kind_label": "Same route", "explanation": "Doses differ", "numbers": "50 million"})
    text = discrepancies.item_markdown(item)
    assert text.startswith("*Same route*")
    assert "Doses differ" in text
    assert text.endswith("*Numbers: 50 million*")
