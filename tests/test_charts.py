"""The claims-per-page chart: a finding as title, a text alternative and the theme's wording colours."""

from __future__ import annotations

import pytest

from core.analysis.sources import source_profiles
from core.charts import sources as charts
from core.charts import theme


@pytest.fixture
def claims_spec(dataset):
    return charts.claims_by_stated_as(source_profiles(dataset)).to_dict()


def test_claims_chart_title_counts_claims_stated_as_fact(claims_spec, dataset):
    fact = int((dataset.claims["stated_as"] == "as fact").sum())
    title = " ".join(claims_spec["title"]["text"])
    assert title.startswith(f"{fact} of the {len(dataset.claims)} claims are stated as plain fact")
    assert claims_spec["description"].startswith("Bar chart.")
    assert claims_spec["mark"]["type"] == "bar"


def test_claims_chart_encodings(claims_spec):
    encoding = claims_spec["encoding"]
    assert encoding["x"]["field"] == "n_claims"
    assert encoding["x"]["type"] == "quantitative"
    assert encoding["color"]["field"] == "stated_as"
    assert {t["field"] for t in encoding["tooltip"]} == {"short_label", "stated_as", "n_claims"}


def test_claims_chart_colours_wording_as_every_other_chart_does(claims_spec):
    scale = claims_spec["encoding"]["color"]["scale"]
    assert scale["range"] == [theme.STATED_AS_COLOURS[v] for v in scale["domain"]]
    assert scale["domain"][0] == "as fact"


def test_claims_chart_page_names_are_drawn_whole(claims_spec):
    axis = claims_spec["encoding"]["y"]["axis"]
    assert axis["labelLimit"] == 0
    assert axis["labelExpr"] == theme.LABEL_LINES
