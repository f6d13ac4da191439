"""Dose and route chart builders, checked through their Vega-Lite spec: log scales, encodings, tooltips, titles."""

from __future__ import annotations

import pytest

from core.analysis import dose_frames, doses, routes
from core.charts import doses as dose_charts
from core.charts import theme


@pytest.fixture(scope="module")
def frames(dataset):
    norm = doses.normalise(dataset, weight_kg=70)
    trials = doses.trial_doses(dataset, weight_kg=70)
    overview = routes.route_overview(dataset, norm, trials)
    return {
        "points": dose_frames.dose_points(norm, trials),
        "courses": dose_frames.course_totals(norm),
        "per_kg": dose_frames.per_kg_points(norm, trials),
        "spread": routes.route_spread(overview),
        "routes": dataset.routes,
    }


def title_text(spec) -> str:
    return " ".join(spec["title"]["text"])


def layer_with(spec, mark: str, **mark_props):
    for layer in spec["layer"]:
        m = layer["mark"]
        if m["type"] == mark and all(m.get(k) == v for k, v in mark_props.items()):
            return layer
    raise AssertionError(f"no {mark} layer with {mark_props}")


def test_dose_dots_is_a_log_scale_dot_and_range_with_trial_ticks(frames):
    spec = dose_charts.dose_dots(frames["points"]).to_dict()
    rule = layer_with(spec, "rule")
    assert rule["encoding"]["x"]["scale"]["type"] == "log"
    assert rule["encoding"]["x2"]["field"] == "high"
    assert rule["encoding"]["y"]["field"] == "row"
    point = layer_with(spec, "point", filled=True)
    # Each page has a colour AND a shape; the colour is the page's own, the same on every chart.
    assert point["encoding"]["color"]["field"] == point["encoding"]["shape"]["field"] == "label"
    assert point["encoding"]["color"]["scale"]["range"][:2] == [
        theme.SOURCE_COLOURS["vega"],
        theme.SOURCE_COLOURS["stemcellu"],
    ]
    assert {t["field"] for t in point["encoding"]["tooltip"]} >= {"label", "dose", "quote", "row_id"}
    tick = layer_with(spec, "tick")
    assert tick["mark"]["color"] == dose_charts.TRIAL_GREY
    assert {t["field"] for t in tick["encoding"]["tooltip"]} >= {"verification", "dose"}
    assert title_text(spec).startswith("The pages' doses run from 15 million to 200 million cells, a 13-fold spread")
    assert "studies: 6 million to 150 million" in title_text(spec)
    assert spec["description"].startswith("Dot-and-range chart.")
    assert "log scale" in " ".join(spec["title"]["subtitle"])


BUILDERS = {
    "dots": lambda f: dose_charts.dose_dots(f["points"]),
    "courses": lambda f: dose_charts.course_totals(f["courses"]),
    "per_kg": lambda f: dose_charts.per_kg(f["per_kg"], 70),
    "spread": lambda f: dose_charts.route_spread(f["spread"]),
    "strength": lambda f: dose_charts.evidence_strength(f["routes"]),
}


@pytest.mark.parametrize("name", BUILDERS)
def test_titles_wrap_to_fit_a_phone(frames, name):
    spec = BUILDERS[name](frames).to_dict()
    assert all(len(line) <= theme.TITLE_CHARS for line in spec["title"]["text"])
    assert all(len(line) <= theme.SUBTITLE_CHARS for line in spec["title"]["subtitle"])


@pytest.mark.parametrize("name", BUILDERS)
def test_row_labels_are_drawn_whole(frames, name):
    spec = BUILDERS[name](frames).to_dict()
    axis = spec["layer"][0]["encoding"]["y"]["axis"]
    assert axis["labelLimit"] == 0
    assert axis["labelExpr"] == theme.LABEL_LINES


@pytest.mark.parametrize("name", BUILDERS)
def test_no_chart_is_taller_than_a_phone_screen(frames, name):
    assert BUILDERS[name](frames).to_dict()["height"] <= 844


def test_course_rows_name_the_page_not_its_id(frames):
    spec = dose_charts.course_totals(frames["courses"]).to_dict()
    rows = spec["layer"][0]["encoding"]["y"]["sort"]
    assert rows
    assert all(row.startswith(("Vega Stem Cell", "StemCellU")) for row in rows)


def test_dose_dots_with_nothing_chosen_says_so(frames):
    empty = frames["points"].iloc[0:0]
    assert dose_charts.dose_title(empty) == "No cell doses to show for this choice"
    assert dose_charts.dose_dots(empty).to_dict()["description"]


def test_course_chart_marks_computed_totals(frames):
    spec = dose_charts.course_totals(frames["courses"]).to_dict()
    assert layer_with(spec, "rule")["encoding"]["x"]["scale"]["type"] == "log"
    assert layer_with(spec, "rule")["encoding"]["strokeDash"]["field"] == "basis_words"  # the code, in words
    hollow = layer_with(spec, "point", filled=False)
    assert hollow["transform"][0]["filter"] == "(datum.basis === 'computed')"
    text = layer_with(spec, "text")
    assert text["encoding"]["text"]["field"] == "mark_word"
    data = next(iter(spec["datasets"].values()))
    assert {row["mark_word"] for row in data} >= {"computed", "printed", "computed, no limit"}
    assert title_text(spec) == (
        "1 of 6 course totals are printed by a page; the largest, 1.2 billion cells, is computed"
    )


def test_per_kg_chart_title_follows_the_body_weight(dataset, frames):
    spec = dose_charts.per_kg(frames["per_kg"], 70).to_dict()
    assert title_text(spec).startswith("The pages' vein doses are up to 1.4× the only approved per-kg dose")
    assert "70 kg" in spec["layer"][0]["encoding"]["x"]["title"]
    norm = doses.normalise(dataset, weight_kg=100)
    heavier = dose_frames.per_kg_points(norm, doses.trial_doses(dataset, weight_kg=100))
    assert "up to 1.0×" in title_text(dose_charts.per_kg(heavier, 100).to_dict())


def test_route_spread_and_evidence_strength(frames):
    spec = dose_charts.route_spread(frames["spread"]).to_dict()
    assert layer_with(spec, "rule")["encoding"]["x"]["scale"]["type"] == "log"
    assert title_text(spec) == "For 3 of the 6 routes the pages dose, no study we list tested a cell dose"
    assert {t["field"] for t in layer_with(spec, "rule")["encoding"]["tooltip"]} >= {"doses", "strength_words"}
    strength = dose_charts.evidence_strength(frames["routes"]).to_dict()
    assert title_text(strength) == "No route has better than low-certainty evidence of benefit; 5 of 7 have none"
    assert strength["layer"][0]["encoding"]["x"]["field"] == "rank"
    assert layer_with(strength, "text")["encoding"]["text"]["field"] == "strength_words"
    assert strength["description"].startswith("Bar chart.")


def test_log_ticks_are_few_and_readable():
    assert dose_charts.log_ticks(15e6, 200e6) == [1e7, 3e7, 1e8, 3e8]
    assert dose_charts.log_ticks(6e6, 1.2e9) == [1e7, 3e7, 1e8, 3e8, 1e9]
