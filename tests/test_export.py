"""Downloaded chart images carry the caveat and are real PNG and SVG files."""

from __future__ import annotations

import pytest

from core.analysis.sources import source_profiles
from core.charts import export
from core.charts import sources as charts

CAVEAT = "A count says nothing about whether a claim is true. Source: our reading of the five seed files."


@pytest.fixture(scope="module")
def chart_with_caveat(dataset):
    return export.with_caveat(charts.claims_by_stated_as(source_profiles(dataset)), CAVEAT)


def test_caveat_is_drawn_under_the_chart(chart_with_caveat):
    spec = chart_with_caveat
    caveat_panel = spec["vconcat"][1]
    lines = [row["line"] for row in spec["datasets"][caveat_panel["data"]["name"]]]
    assert " ".join(lines) == CAVEAT
    assert spec["description"].startswith("Bar chart.")


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<svg")])
def test_render_gives_an_image(chart_with_caveat, fmt, magic):
    assert export.render(chart_with_caveat, fmt).startswith(magic)


def test_svg_contains_the_caveat_text(chart_with_caveat):
    svg = export.render(chart_with_caveat, "svg").decode()
    assert "A count says nothing" in svg


def test_spec_keeps_its_data_and_theme_at_the_top(chart_with_caveat):
    assert "config" in chart_with_caveat
    assert "$schema" in chart_with_caveat
    assert all("config" not in panel and "datasets" not in panel for panel in chart_with_caveat["vconcat"])
    assert len(chart_with_caveat["datasets"]) == 2


def test_unknown_format_is_refused(chart_with_caveat):
    with pytest.raises(ValueError, match="unknown image format"):
        export.render(chart_with_caveat, "gif")
