"""Chart builders return valid Vega-Lite with a finding as title, a text alternative and the project palette."""

from __future__ import annotations

import altair as alt
import pytest

from core import charts, theme
from core.sources import source_profiles


@pytest.fixture
def claims_chart(dataset):
    return charts.claims_by_stated_as(source_profiles(dataset))


def test_claims_chart_serialises_with_finding_title_and_description(claims_chart):
    spec = claims_chart.to_dict()
    assert spec["title"]["text"].startswith("Most claims are stated as plain fact")
    assert spec["description"].startswith("Bar chart.")
    assert spec["mark"]["type"] == "bar"


def test_claims_chart_encodings(claims_chart):
    encoding = claims_chart.to_dict()["encoding"]
    assert encoding["x"]["field"] == "n_claims"
    assert encoding["x"]["type"] == "quantitative"
    assert encoding["color"]["field"] == "stated_as"
    assert {t["field"] for t in encoding["tooltip"]} == {"short_label", "stated_as", "n_claims"}


def test_theme_uses_the_configured_palette():
    assert alt.theme.active == theme.THEME_NAME
    assert alt.theme.get()()["config"]["range"]["category"] == list(theme.palette())
    assert theme.palette()[0] == "#0072B2"
    assert len(theme.palette()) == 8
