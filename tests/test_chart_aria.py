"""Vega's own ARIA labels are English: a Spanish chart hides them from screen readers (its description, in Spanish,
is its text alternative), with no nameless graphics left for axe-core to flag; an English chart keeps them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest

from core.charts import export, theme
from core.data.translate import localised
from core.views.embed import CHARTS

ENGLISH_WORDS = ("axis", "titled", "scale", "legend", "values", "Title text", "mark")


@pytest.fixture(scope="module")
def editions(dataset):
    return {"en": dataset, "es": localised(dataset, "es")}


@pytest.fixture(scope="module")
def specs(editions):
    """Every embeddable chart's spec (every page's main charts), by (chart id, language)."""
    built = {}
    for chart_id, chart in CHARTS.items():
        for lang, ds in editions.items():
            spec, _ = chart.build(ds)
            if spec is not None:
                built[(chart_id, lang)] = export.to_spec(spec)
    return built


def titles(spec) -> list:
    """The chart's titles at every level of a layered or stacked chart."""
    found = [spec["title"]] if "title" in spec else []
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for part in spec.get(key, []):
            found += titles(part)
    return found


def aria_switched_on(node) -> bool:
    """Whether any mark, axis, legend or title in the spec sets aria: true (it would win over the config)."""
    if isinstance(node, dict):
        return node.get("aria") is True or any(aria_switched_on(v) for v in node.values())
    if isinstance(node, list):
        return any(aria_switched_on(v) for v in node)
    return False


def exposed(svg: str) -> list[dict[str, str]]:
    """The ARIA attributes of every SVG element a screen reader can reach (none of its ancestors aria-hidden)."""
    found = []

    def walk(element, hidden: bool) -> None:
        hidden = hidden or element.get("aria-hidden") == "true"
        if not hidden:
            attributes = {k: v for k, v in element.attrib.items() if k == "role" or k.startswith("aria-")}
            if attributes:
                found.append(attributes)
        for child in element:
            walk(child, hidden)

    walk(ET.fromstring(svg), False)
    return found


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_spanish_chart_hides_vega_aria_on_marks_guides_and_titles(specs, chart_id):
    config = theme.localized(specs[(chart_id, "es")], "es")["config"]
    assert (config["aria"], config["mark"]["aria"], config["title"]["aria"]) == (False, False, False)


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_every_title_of_a_spanish_chart_is_hidden(specs, chart_id):
    found = titles(theme.localized(specs[(chart_id, "es")], "es"))
    assert found
    assert all(title["aria"] is False for title in found)


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_no_spanish_chart_switches_vega_aria_back_on(specs, chart_id):
    assert not aria_switched_on(theme.localized(specs[(chart_id, "es")], "es"))


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_spanish_chart_keeps_its_text_alternative(specs, chart_id):
    spec = specs[(chart_id, "es")]
    assert theme.localized(spec, "es")["description"] == spec["description"]
    assert spec["description"] != specs[(chart_id, "en")]["description"]


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_english_chart_keeps_vega_aria(specs, chart_id):
    spec = specs[(chart_id, "en")]
    assert theme.localized(spec, "en") is spec
    assert "aria" not in spec.get("config", {})


def test_hiding_leaves_the_input_spec_alone(specs):
    spec = specs[("dose_ladder", "es")]
    before = (dict(spec["config"]), spec["title"])
    theme.localized(spec, "es")
    assert (dict(spec["config"]), spec["title"]) == before


@pytest.mark.parametrize("title", ["One line", ["Two", "lines"], {"text": "A dict", "subtitle": "sub"}])
def test_a_title_in_any_form_is_hidden_and_keeps_its_text(title):
    spec = {"mark": "point", "title": title}
    out = theme.localized(spec, "es")["title"]
    assert out["aria"] is False
    assert out["text"] == (title["text"] if isinstance(title, dict) else title)


def test_an_altair_chart_is_hidden_too_and_keeps_its_own_config():
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    chart = theme.projector_config(chart.properties(title=theme.wrapped_title("Un título", "Un subtítulo")))
    out = theme.localized(chart, "es").to_dict()
    assert out["title"]["aria"] is False
    assert out["title"]["subtitle"] == ["Un subtítulo"]
    assert out["config"]["title"]["fontSize"] == theme.PROJECTOR_SIZES["title"]
    assert (out["config"]["aria"], out["config"]["mark"]["aria"]) == (False, False)
    assert "aria" not in chart.to_dict()["config"]


# --- drawn by Vega (vl-convert), as a screen reader would meet the SVG ---------------------------------------------

DRAWN = ["dose_ladder", "claims_per_source", "doses_per_administration", "mechanism_matrix", "regulatory_timeline"]


@pytest.fixture(scope="module")
def drawn(specs):
    ids = [chart_id for chart_id in DRAWN if (chart_id, "es") in specs]
    return {
        (chart_id, lang): exposed(export.render(theme.localized(specs[(chart_id, lang)], lang), "svg").decode())
        for chart_id in ids
        for lang in ("en", "es")
    }


# Vega always draws its root group with this role description; it has no name and nothing reachable inside it.
ROOT_GROUP = {"role": "graphics-object", "aria-roledescription": "group mark container"}


@pytest.mark.parametrize("chart_id", DRAWN)
def test_spanish_svg_exposes_nothing_but_vegas_empty_root_group(drawn, chart_id):
    assert drawn[(chart_id, "es")] == [ROOT_GROUP]


@pytest.mark.parametrize("chart_id", DRAWN)
def test_spanish_svg_has_no_english_label(drawn, chart_id):
    labels = [a["aria-label"] for a in drawn[(chart_id, "es")] if "aria-label" in a]
    assert not [label for label in labels if any(word in label for word in ENGLISH_WORDS)], labels


@pytest.mark.parametrize("chart_id", DRAWN)
def test_spanish_svg_has_no_nameless_graphic(drawn, chart_id):
    """axe-core's svg-img-alt: a reachable role="graphics-symbol" (or img) must have a name."""
    nameless = [
        a for a in drawn[(chart_id, "es")] if a.get("role") in ("graphics-symbol", "img") and not a.get("aria-label")
    ]
    assert nameless == []


@pytest.mark.parametrize("chart_id", DRAWN)
def test_english_svg_still_describes_axes_and_titles(drawn, chart_id):
    labels = " ".join(a.get("aria-label", "") for a in drawn[(chart_id, "en")])
    assert "Title text" in labels
