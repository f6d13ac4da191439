"""Mechanism, evidence, regulation and checklist charts: finding titles from the data, text alternatives, encodings."""

from __future__ import annotations

import pytest

from core.analysis import claims, rubric
from core.charts import claims as claim_charts
from core.charts import theme


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
    assert colour["scale"]["range"] == [theme.STATED_AS_COLOURS[v] for v in colour["scale"]["domain"]]
    assert _layers(spec)[1]["mark"]["type"] == "text"
    assert _encodings(spec)["y"]["field"] == "row"
    assert {"topic", "stated_as", "claim_ids", "evidence_status"} <= _tooltip_fields(spec)


def test_matrix_rows_say_what_trials_show(specs, dataset):
    rows = _encodings(specs["matrix"])["y"]["sort"]
    assert len(rows) == 8
    assert all("|trials: " in row for row in rows)


@pytest.mark.parametrize("name", ["matrix", "rubric"])
def test_grid_columns_name_every_page_whole(specs, name):
    axis = _encodings(specs[name])["x"]["axis"]
    assert axis["labelLimit"] == 0
    assert axis["labelOverlap"] is False
    assert axis["labelAngle"] == -90


@pytest.mark.parametrize("name", ["matrix", "rubric"])
def test_grid_text_reads_on_its_cell(specs, name):
    cells = next(iter(specs[name]["datasets"].values()))
    assert all(row["text_colour"] == theme.text_on(row["fill"]) for row in cells)


def test_evidence_chart_title_counts_placebo_controlled_studies(specs, dataset):
    overview = claims.evidence_overview(dataset)
    knee_back = claim_charts.knee_back_studies(overview)
    placebo = (knee_back["comparison"] == "placebo or sham").sum()
    assert title_of(specs["evidence"]).startswith(f"Only {placebo} of the {len(knee_back)} knee and back")


def test_knee_back_studies_are_human_tests_of_benefit(dataset):
    chosen = claim_charts.knee_back_studies(claims.evidence_overview(dataset))
    assert set(chosen["condition"]) == set(claim_charts.KNEE_BACK)
    assert set(chosen["kind"]) <= set(claims.BENEFIT_KINDS)


def test_evidence_chart_of_knee_back_studies_says_nothing_else_is_shown(dataset):
    knee_back = claim_charts.knee_back_studies(claims.evidence_overview(dataset))
    title = title_of(claim_charts.evidence_chart(knee_back).to_dict())
    assert "other diseases" not in title
    assert "knee and back studies" in title


def test_evidence_chart_encodings_and_tooltips(specs):
    enc = specs["evidence"]["encoding"]
    assert enc["x"]["field"] == "year"
    assert enc["y"]["field"] == "row"
    assert enc["yOffset"]["field"] == "stack"
    assert enc["color"]["field"] == enc["shape"]["field"] == "comparison"
    assert enc["color"]["scale"]["range"] == [theme.COMPARISON_COLOURS[c] for c in enc["color"]["scale"]["domain"]]
    assert {"design", "size", "doses", "comparator", "main_finding", "certainty"} <= _tooltip_fields(specs["evidence"])


def test_evidence_dots_of_one_row_and_year_do_not_overlap(specs):
    rows = next(iter(specs["evidence"]["datasets"].values()))
    places = [(r["row"], r["year"], r["stack"]) for r in rows]
    assert len(places) == len(set(places))


def _rows(spec: dict) -> list[dict]:
    """The chart's main data (a layered chart also carries small helper tables)."""
    return max(spec["datasets"].values(), key=len)


def _timeline_layer(spec: dict) -> dict:
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")


def test_timeline_marks_sit_in_their_jurisdiction_band(specs, dataset):
    spec = specs["timeline"]
    points = _timeline_layer(spec)["encoding"]
    assert points["x"]["field"] == "date_start"
    assert points["x"]["type"] == "temporal"
    assert "first day" in points["x"]["title"]
    assert points["y"]["field"] == "key"
    assert points["color"]["field"] == points["shape"]["field"] == "kind"
    rows = _rows(spec)
    assert rows
    assert all(r["key"].split("~")[0] == r["jurisdiction"] for r in rows)
    # Each jurisdiction's name is drawn on its first lane: the label shows for "~0" keys only.
    assert "== '0'" in points["y"]["axis"]["labelExpr"]
    assert {"date", "body", "summary", "verification"} <= _tooltip_fields(spec)


def test_timeline_is_about_a_screen_tall_not_thousands_of_pixels(specs):
    assert specs["timeline"]["height"] <= 844


def test_timeline_labels_every_approval_by_name(specs, dataset):
    rows = _rows(specs["timeline"])
    approvals = [r for r in rows if r.get("kind") == "approval"]
    assert approvals
    assert all(r["label"] and r["label"] != "approval" for r in approvals)


def test_timeline_lanes_keep_marks_apart(dataset):
    timeline = claims.regulatory_timeline(dataset)
    data = timeline.assign(label="")
    data = data.assign(lane=claim_charts._lanes(data))
    for (_, _), group in data.groupby(["jurisdiction", "lane"]):
        gaps = group["date_start"].sort_values().diff().dropna()
        assert (gaps.dt.days >= 2 * claim_charts._MARK_YEARS * 365 - 2).all()


@pytest.mark.parametrize(
    ("titles", "summaries", "expected"),
    [
        (["FDA approves Ryoncil (x), for GvHD"], ["given by IV"], "None of the 1 approval is for knee or back pain"),
        (
            ["FDA approves Ryoncil (x)", "Cartistem (M) approved for knee cartilage defects"],
            ["IV", "applied to the knee surgically"],
            "None of the 2 approvals is a shot for knee or back pain; the one for knees (Cartistem) is put in",
        ),
        (["Kneecure approved for knee pain"], ["a simple injection"], "Of 1 approvals, 1 are for knees"),
    ],
)
def test_regulatory_title_reads_what_the_approvals_are_for(titles, summaries, expected):
    import pandas as pd

    timeline = pd.DataFrame({"kind": "approval", "title": titles, "summary": summaries, "jurisdiction": "X"})
    assert claim_charts.regulatory_title(timeline).startswith(expected)


@pytest.mark.parametrize(
    ("title", "name"),
    [("FDA approves Ryoncil (remestemcel-L-rknd), the first", "Ryoncil"), ("FDA licenses HEMACORD (HPC)", "HEMACORD"),
     ("Cartistem (MEDIPOST) approved for knee cartilage defects", "Cartistem"), ("Something else", "approval")],
)  # fmt: skip
def test_approval_label_is_the_product_name(title, name):
    assert claim_charts.approval_label(title) == name


def test_rubric_chart_title_states_the_range_and_orders_pages_best_first(specs, dataset):
    totals = rubric.score_totals(dataset)
    title = title_of(specs["rubric"])
    assert f"{totals['share'].min():.0%} to {totals['share'].max():.0%}" in title
    assert _encodings(specs["rubric"])["x"]["sort"] == list(totals["short_label"])
    assert _layers(specs["rubric"])[0]["encoding"]["color"]["scale"]["range"][:3] == [
        theme.RUBRIC_COLOURS[v] for v in ("yes", "partly", "no")
    ]
    assert _layers(specs["rubric"])[0]["encoding"]["color"]["field"] == "verdict"
    assert _layers(specs["rubric"])[1]["encoding"]["text"]["field"] == "verdict_short"
    assert {"question", "verdict", "justification", "rubric"} <= _tooltip_fields(specs["rubric"])


def test_charts_cope_with_a_smaller_selection(dataset):
    overview = claims.evidence_overview(dataset)
    spec = claim_charts.evidence_chart(overview[overview["condition"] == "cirrhosis"]).to_dict()
    assert title_of(spec) == "None of the 1 studies shown tested cells for knee or back pain"


@pytest.mark.parametrize("name", ["matrix", "evidence", "timeline", "rubric"])
def test_titles_are_lines_that_fit_a_phone(specs, name):
    title = specs[name]["title"]
    assert isinstance(title["text"], list)
    assert all(len(line) <= theme.TITLE_CHARS for line in title["text"])
    assert all(len(line) <= theme.SUBTITLE_CHARS for line in title["subtitle"])


def _legends(spec):
    """Every legend in a chart spec, with the labels its colour scale lists."""
    if isinstance(spec, dict):
        colour = spec.get("encoding", {}).get("color", {})
        if isinstance(colour, dict) and isinstance(colour.get("legend"), dict):
            yield colour["legend"], [str(v) for v in colour.get("scale", {}).get("domain", [])]
        for value in spec.values():
            yield from _legends(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _legends(value)


def test_the_claims_summary_legend_fits_a_phone(dataset):
    from core.views import claims as claims_view

    spec = claims_view.claims_page(dataset).summary_chart
    legends = list(_legends(spec))
    assert legends
    for legend, labels in legends:
        columns = legend.get("columns", 1)
        # Source Sans at 14 px is about 7.5 px a character, plus a 20-px symbol and gap per column.
        widest = max(len(label) for label in labels) * 7.5 + 20
        assert columns * widest <= 350, (columns, labels)
