"""Mechanism, evidence, regulation and checklist charts: finding titles from the data, text alternatives, encodings."""

from __future__ import annotations

import pytest

from core import claim_charts, claims, rubric, theme


def title_of(spec: dict) -> str:
    """The title as one line (the builders wrap it into lines for phones)."""
    return " ".join(spec["title"]["text"])


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def _encodings(spec: dict) -> dict:
    merged: dict = dict(spec.get("encoding", {}))
    for layer in _layers(spec):
        merged.update(layer.get("encoding", {}))
    return merged


def _tooltip_fields(spec: dict) -> set[str]:
    return {t["field"] for t in _encodings(spec)["tooltip"]}


@pytest.fixture
def specs(dataset):
    return {
        "matrix": claim_charts.mechanism_matrix_chart(claims.mechanism_matrix(dataset)).to_dict(),
        "evidence": claim_charts.evidence_chart(claims.evidence_overview(dataset)).to_dict(),
        "timeline": claim_charts.regulatory_timeline_chart(claims.regulatory_timeline(dataset)).to_dict(),
        "rubric": claim_charts.rubric_grid_chart(rubric.score_grid(dataset), rubric.score_totals(dataset)).to_dict(),
    }


@pytest.mark.parametrize("name", ["matrix", "evidence", "timeline", "rubric"])
def test_every_chart_has_a_finding_title_subtitle_and_text_alternative(specs, name):
    spec = specs[name]
    assert spec["title"]["text"]
    assert spec["title"]["subtitle"]
    assert spec["description"].split(".")[0] in ("Grid chart", "Dot chart", "Time line")
    assert title_of(spec) in spec["description"]


def test_matrix_title_counts_pages_and_mechanisms(specs, dataset):
    matrix = claims.mechanism_matrix(dataset)
    fact_pages = matrix.loc[matrix["stated_as"] == "as fact", "source_id"].nunique()
    title = title_of(specs["matrix"])
    assert title.startswith(f"{fact_pages} of {len(dataset.sources)} pages state how the cells work as plain fact")
    assert "established none of these 8 mechanisms" in title


def test_matrix_encodes_wording_by_colour_and_text(specs):
    spec = specs["matrix"]
    colour = _layers(spec)[0]["encoding"]["color"]
    assert colour["field"] == "stated_as"
    assert colour["scale"]["domain"][0] == "as fact"
    assert set(colour["scale"]["range"][:4]) <= set(theme.palette())
    assert _layers(spec)[2]["mark"]["type"] == "text"
    assert _encodings(spec)["y"]["field"] == "row"
    assert {"topic", "stated_as", "claim_ids", "evidence_status"} <= _tooltip_fields(spec)
    columns = _encodings(spec)["x"]["sort"]
    assert columns[-1] == claim_charts.EVIDENCE_COLUMN


def test_evidence_chart_title_counts_placebo_controlled_studies(specs, dataset):
    overview = claims.evidence_overview(dataset)
    knee_back = overview[
        overview["condition"].isin(["knee osteoarthritis", "discogenic low back pain"])
        & overview["kind"].isin(claims.BENEFIT_KINDS)
    ]
    placebo = (knee_back["comparison"] == "placebo or sham").sum()
    assert title_of(specs["evidence"]).startswith(f"Only {placebo} of the {len(knee_back)} knee and back")


def test_evidence_chart_encodings_and_tooltips(specs):
    enc = specs["evidence"]["encoding"]
    assert enc["x"]["field"] == "year"
    assert enc["y"]["field"] == "condition_route"
    assert enc["color"]["field"] == enc["shape"]["field"] == "comparison"
    assert {"design", "size", "doses", "comparator", "main_finding", "certainty"} <= _tooltip_fields(specs["evidence"])


def test_timeline_encodings_and_title(specs, dataset):
    spec = specs["timeline"]
    assert spec["encoding"]["x"]["field"] == "date_start"
    assert spec["encoding"]["x"]["type"] == "temporal"
    assert "first day" in spec["encoding"]["x"]["title"]
    assert spec["encoding"]["y"]["field"] == "jurisdiction"
    assert spec["encoding"]["color"]["field"] == spec["encoding"]["shape"]["field"] == "kind"
    approvals = (dataset.regulatory["kind"] == "approval").sum()
    assert f"approvals ({approvals})" in title_of(spec)
    assert {"date", "body", "summary", "verification"} <= _tooltip_fields(spec)


def test_rubric_chart_title_states_the_range_and_orders_pages_best_first(specs, dataset):
    totals = rubric.score_totals(dataset)
    title = title_of(specs["rubric"])
    assert f"{totals['share'].min():.0%} to {totals['share'].max():.0%}" in title
    assert _encodings(specs["rubric"])["x"]["sort"] == list(totals["short_label"])
    assert _layers(specs["rubric"])[0]["encoding"]["color"]["field"] == "verdict"
    assert _layers(specs["rubric"])[1]["encoding"]["text"]["field"] == "verdict_short"
    assert {"question", "verdict", "justification", "rubric"} <= _tooltip_fields(specs["rubric"])


def test_charts_cope_with_a_smaller_selection(dataset):
    overview = claims.evidence_overview(dataset)
    spec = claim_charts.evidence_chart(overview[overview["condition"] == "cirrhosis"]).to_dict()
    assert title_of(spec) == "None of the 1 studies shown tested cells for knee or back pain"
