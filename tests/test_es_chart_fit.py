"""Spanish chart text that would not fit a 390-px phone goes on two lines (legend labels and titles, an axis title,
the dose ladder's words), while every English label and title stays on one line as before."""

from __future__ import annotations

import json

import pytest

from core.analysis import claims, sources
from core.charts import claims as claim_charts
from core.charts import sources as source_charts
from core.charts import theme
from core.data.translate import localised
from core.views import claims as claims_view
from core.views import home
from core.views import routes as routes_view


@pytest.fixture(scope="module")
def editions(dataset):
    return {"en": dataset, "es": localised(dataset, "es")}


def legend_of(spec: dict) -> dict:
    """The colour legend of a chart, a layered chart or a stack of charts (the first that sets one)."""
    parts = [spec, *spec.get("layer", []), *spec.get("vconcat", [])]
    found = [p["encoding"]["color"] for p in parts if "legend" in p.get("encoding", {}).get("color", {})]
    return found[0]["legend"]


def color_of(spec: dict) -> dict:
    parts = [spec, *spec.get("layer", [])]
    return next(p["encoding"]["color"] for p in parts if "title" in p.get("encoding", {}).get("color", {}))


# --- the helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("How firmly the page says it", 28, "How firmly the page says it"),
        ("Con qué firmeza lo dice la página", 28, ["Con qué firmeza", "lo dice la página"]),
        ("cierto en parte, engañoso en conjunto", 30, ["cierto en parte,", "engañoso en conjunto"]),
        ("Evidencia de beneficio más sólida: de ninguna a alta", 44, ["Evidencia de beneficio más sólida:",
                                                                       "de ninguna a alta"]),
    ],
)  # fmt: skip
def test_fitted_keeps_short_text_and_breaks_long_text_into_even_lines(text, width, expected):
    assert theme.fitted(text, width) == expected


def test_wrapped_legend_names_only_the_labels_too_long_for_one_line():
    legend = theme.wrapped_legend(["como un hecho", "con una cita que no se puede comprobar"], 26).to_dict()
    assert legend["columns"] == 1
    assert legend["labelLimit"] == 0
    assert legend["labelExpr"] == (
        'datum.label === "con una cita que no se puede comprobar" ? ["con una cita que no", "se puede comprobar"] '
        ": datum.label"
    )


def test_wrapped_legend_of_short_labels_draws_them_as_they_are():
    assert "labelExpr" not in theme.wrapped_legend(["as fact", "hedged"], 26).to_dict()


# --- each chart ----------------------------------------------------------------------------------


def sources_spec(ds) -> dict:
    return source_charts.claims_by_stated_as(sources.source_profiles(ds), ds.lang).to_dict()


def mechanisms_spec(ds) -> dict:
    return claim_charts.mechanism_matrix_chart(claims.mechanism_matrix(ds), ds.lang).to_dict()


def claims_spec(ds) -> dict:
    return claims_view.claims_page(ds).summary_chart


LEGEND_CHARTS = {"sources": sources_spec, "mechanisms": mechanisms_spec, "claims": claims_spec}
LONG_LABELS = {
    "sources": ["con una cita que no", "se puede comprobar"],
    "mechanisms": ["con una cita que no", "se puede comprobar"],
    "claims": ["no demostrado en", "comparaciones imparciales"],
}


@pytest.mark.parametrize("name", list(LEGEND_CHARTS))
def test_spanish_legend_puts_its_long_labels_on_two_lines_in_one_column(editions, name):
    legend = legend_of(LEGEND_CHARTS[name](editions["es"]))
    assert legend["columns"] == 1
    assert legend["labelLimit"] == 0
    assert json.dumps(LONG_LABELS[name], ensure_ascii=False) in legend["labelExpr"]


@pytest.mark.parametrize("name", list(LEGEND_CHARTS))
def test_english_legend_labels_stay_on_one_line(editions, name):
    assert "labelExpr" not in legend_of(LEGEND_CHARTS[name](editions["en"]))


def test_spanish_mechanism_legend_title_is_two_lines_not_cut(editions):
    assert color_of(mechanisms_spec(editions["es"]))["title"] == ["Con qué firmeza", "lo dice la página"]


def test_english_mechanism_legend_title_is_one_line(editions):
    assert color_of(mechanisms_spec(editions["en"]))["title"] == "How firmly the page says it"


def strength_axis_title(ds):
    spec = routes_view.routes_page(ds, tuple(ds.routes["id"])).strength_chart
    return spec["layer"][0]["encoding"]["x"]["title"]


def test_spanish_evidence_strength_axis_title_breaks_after_its_colon(editions):
    assert strength_axis_title(editions["es"]) == ["Evidencia de beneficio más sólida:", "de ninguna a alta"]


def test_english_evidence_strength_axis_title_is_one_line(editions):
    assert strength_axis_title(editions["en"]) == "Strongest evidence of benefit: none to high"


# --- the dose ladder -----------------------------------------------------------------------------


def ladder_spec(ds) -> dict:
    return home.dose_ladder_chart(home.dose_ladder(ds), ds.lang).to_dict()


def ladder_words(spec: dict) -> list[str]:
    (rows,) = spec["datasets"].values()  # every layer draws the one ladder
    return [row["words"] for row in rows]


def test_spanish_ladder_puts_the_cells_of_a_long_rung_on_a_second_line(editions):
    spec = ladder_spec(editions["es"])
    assert "Vega Stem Cell: tratamiento más largo:|300 millones–1.200 millones" in ladder_words(spec)
    assert "StemCellU: una dosis: 50 millones" in ladder_words(spec)  # a short rung keeps one line
    assert spec["layer"][-1]["mark"]["lineBreak"] == "|"


def test_spanish_ladder_rows_make_room_for_the_second_line(editions):
    rungs = len(home.dose_ladder(editions["es"]))
    english, spanish = ladder_spec(editions["en"]), ladder_spec(editions["es"])
    assert spanish["height"] - english["height"] >= rungs * (home.TWO_LINE_ROW_PX - home.ROW_PX)


def test_english_ladder_words_are_its_labels_on_one_line(editions):
    ladder = home.dose_ladder(editions["en"])
    spec = ladder_spec(editions["en"])
    assert ladder_words(spec) == list(ladder["label"])
    title_lines = len(spec["title"]["text"]) + len(spec["title"]["subtitle"])
    assert spec["height"] == len(ladder) * home.ROW_PX + 22 * title_lines + 60
