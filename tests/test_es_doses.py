"""The Doses, Routes and Mechanisms pages in Spanish: no English interface word, Spanish numbers, the same findings."""

from __future__ import annotations

import re

import pytest

from core.analysis import discrepancies, dose_frames, doses
from core.charts import doses as dose_charts
from core.data.translate import localised
from core.views import doses as doses_view
from core.views import embed
from core.views import mechanisms as mechanisms_view
from core.views import routes as routes_view
from tests.spanish_check import english_on_page
from tests.test_pages import all_text, open_page

DOSES, ROUTES, MECHANISMS = "pages/2_Doses.py", "pages/3_Routes.py", "pages/4_Mechanisms.py"

# Text the checker reads as English that this area does not write, or that is data rather than interface:
NOT_THIS_AREA = (
    # A study line on Mechanisms cites the study by its published reference, whose title is in the journal's
    # language: a citation, like a quote, stays as published.
    r"; certeza: ",
    # Data: the Spanish edition's reading of a regimen row keeps the page table's English headers in brackets.
    r"Vía \\\(Route\\\)",
)


def english_of_this_area(at) -> list[str]:
    return [text for text in english_on_page(at) if not any(re.search(p, text) for p in NOT_THIS_AREA)]


def text(at) -> str:
    """The page's text as a reader sees it: Markdown escapes and invisible word joiners removed."""
    return all_text(at).replace("\\", "").replace("\u2060", "")


def switch_everything_on(at):
    """Turn on every switch (reveals open more switches, so twice), as a curious reader would."""
    for _ in range(2):
        for toggle in at.toggle:
            toggle.set_value(True)
        at.run()
    return at


@pytest.fixture(scope="module")
def spanish(dataset):
    return localised(dataset, "es")


# --- the pages, in Spanish ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [DOSES, ROUTES, MECHANISMS])
def test_page_in_spanish_has_no_english_interface_text(path):
    at = open_page(path, {"lang": "es"})
    assert not at.exception, at.exception
    assert english_of_this_area(at) == []


@pytest.mark.parametrize("path", [DOSES, ROUTES, MECHANISMS])
def test_page_in_spanish_with_every_switch_on_has_no_english_interface_text(path):
    at = switch_everything_on(open_page(path, {"lang": "es"}))
    assert not at.exception, at.exception
    assert english_of_this_area(at) == []


def test_doses_page_in_spanish_after_a_new_weight_and_route_filter():
    at = open_page(DOSES, {"lang": "es"})
    at.number_input(key="weight").set_value(90.0).run()
    at.multiselect(key="routes").set_value(["intravenous", "intradiscal"]).run()
    switch_everything_on(at)
    assert not at.exception, at.exception
    assert english_of_this_area(at) == []
    assert "Para una persona de 90 kg" in text(at)
    # The filter's options are shown in words, but the link keeps the codes, so it opens the same view in English.
    assert at.query_params["routes"] == "intravenous,intradiscal"
    assert "vena" in [at.multiselect(key="routes").format_func(o) for o in at.multiselect(key="routes").value]


def test_routes_and_mechanisms_pages_in_spanish_after_a_choice():
    routes = open_page(ROUTES, {"lang": "es", "routes": "vein,disc"})
    switch_everything_on(routes)
    mechanisms = open_page(MECHANISMS, {"lang": "es"})
    mechanisms.selectbox(key="mechanism").set_value("disc repair").run()
    switch_everything_on(mechanisms)
    for at in (routes, mechanisms):
        assert not at.exception, at.exception
        assert english_of_this_area(at) == []
    assert [s.value for s in mechanisms.subheader] == ["Reparación del disco intervertebral"]
    assert mechanisms.query_params["mechanism"] == "disc repair"


def test_doses_page_in_spanish_writes_numbers_the_spanish_way():
    page = text(open_page(DOSES, {"lang": "es"}))
    assert "La dosis en vena es 0,7–1,4× la única dosis por kg aprobada" in page  # a decimal comma, at 70 kg
    assert "millones de células" in page
    assert "billón" not in page
    assert "billones" not in page
    courses = text(open_page(DOSES, {"lang": "es", "kind": "implied_course_total"}))
    assert "300 millones–1.200 millones de células" in courses


def test_a_weight_based_figure_has_a_decimal_comma(spanish):
    found = discrepancies.find(spanish, 72.5)
    vein = found[found["kind"] == "iv_vs_approved"].iloc[0]
    assert vein["explanation"].startswith("Para una persona de 72,5 kg, la dosis en vena de la página es de 1,4 mill")
    assert "(aprobado el 18 de diciembre de 2024)" in vein["explanation"]


# --- charts -------------------------------------------------------------------------------------------------------


def title_text(spec: dict) -> str:
    return " ".join(spec["title"]["text"])


def test_dose_chart_in_spanish_has_spanish_title_axis_and_tooltips(spanish):
    norm = doses.normalise(spanish)
    points = dose_frames.dose_points(norm, doses.trial_doses(spanish), "es")
    spec = dose_charts.dose_dots(points, "es").to_dict()
    assert title_text(spec).startswith("Las dosis de las páginas van de 15 millones a 200 millones de células")
    rule = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    assert rule["encoding"]["x"]["title"] == "Células por dosis (escala logarítmica)"
    assert "millones" in rule["encoding"]["x"]["axis"]["labelExpr"]
    assert "billion" not in rule["encoding"]["x"]["axis"]["labelExpr"]
    assert {t["title"] for t in rule["encoding"]["tooltip"]} >= {"Página", "Vía", "Dosis", "Cita"}
    assert spec["description"].startswith("Gráfico de puntos e intervalos.")


def test_course_chart_in_spanish_says_a_thousand_million_not_billion(spanish):
    courses = dose_frames.course_totals(doses.normalise(spanish), "es")
    spec = dose_charts.course_totals(courses, "es").to_dict()
    assert title_text(spec) == (
        "Totales de tratamiento que publica una página: 1 de 6; el mayor, 1.200 millones de células, "
        "es un cálculo nuestro"
    )
    rule = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    assert rule["encoding"]["x"]["title"] == "Células por tratamiento (escala logarítmica)"
    assert rule["encoding"]["strokeDash"]["scale"]["domain"] == ["publicado", "calculado"]


def test_per_kg_chart_in_spanish_names_the_weight_with_a_decimal_comma(spanish):
    norm = doses.normalise(spanish, 72.5)
    points = dose_frames.per_kg_points(norm, doses.trial_doses(spanish, 72.5), "es")
    spec = dose_charts.per_kg(points, 72.5, "es").to_dict()
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Células por kg (con 72,5 kg)"
    assert title_text(spec).startswith("Las dosis en vena de las páginas llegan a")


def test_route_charts_in_spanish_show_codes_in_words(spanish):
    view = routes_view.routes_page(spanish, tuple(spanish.routes["id"]))
    spread, strength = view.spread_chart, view.strength_chart
    assert title_text(spread).startswith("En 3 de las 6 vías en las que las páginas dan dosis")
    legend = next(layer for layer in spread["layer"] if layer["mark"]["type"] == "rule")["encoding"]["color"]
    assert legend["title"] == "Dosis de"
    assert legend["scale"]["domain"] == ["páginas", "ensayos"]
    assert title_text(strength) == (
        "Ninguna vía tiene evidencia de beneficio de certeza mejor que baja; 5 de 7 no tienen ninguna"
    )


# --- the same findings in both languages ---------------------------------------------------------------------------


def test_both_languages_find_the_same_discrepancies_in_the_same_order(dataset, spanish):
    english, translated = discrepancies.find(dataset), discrepancies.find(spanish)
    assert len(english) == len(translated) == 20
    for column in ("kind", "severity", "status", "regimen_ids", "evidence_ids"):
        assert list(english[column]) == list(translated[column])
    assert not set(english["headline"]) & set(translated["headline"])  # every headline has its Spanish


@pytest.mark.parametrize("weight", [70.0, 95.0])
def test_both_languages_draw_the_same_rows(dataset, spanish, weight):
    choice = doses_view.choices(dataset)
    args = (weight, tuple(choice.routes), tuple(choice.sources))
    english, translated = doses_view.doses_page(dataset, *args), doses_view.doses_page(spanish, *args)
    for frame in ("norm", "points", "courses", "per_kg", "found", "top"):
        assert len(getattr(english, frame)) == len(getattr(translated, frame)), frame
    routes_en = routes_view.routes_page(dataset, tuple(dataset.routes["id"]))
    routes_es = routes_view.routes_page(spanish, tuple(spanish.routes["id"]))
    assert [len(s.pages) for s in routes_en.sections] == [len(s.pages) for s in routes_es.sections]
    assert len(routes_en.spread) == len(routes_es.spread)


def test_tables_on_screen_have_spanish_headers_and_keep_english_ones_in_english(spanish, dataset):
    view = routes_view.routes_page(spanish, tuple(spanish.routes["id"]))
    shown = routes_view.on_screen(view.spread, "es")
    assert list(shown.columns)[:3] == ["vía", "quién", "mínimo"]
    assert set(shown["quién"]) == {"páginas", "ensayos"}
    ids = view.sections[0].ids_table()
    assert ids.columns.tolist() == ["fila", "id."]  # core.views.rows.ids_table's words
    assert "dato de dosis" in set(ids["fila"])
    english = routes_view.routes_page(dataset, tuple(dataset.routes["id"]))
    assert routes_view.on_screen(english.spread, "en") is english.spread


# --- English unchanged ----------------------------------------------------------------------------------------------


def test_the_course_caption_is_the_embeds_in_english_and_states_the_convention_in_spanish():
    assert doses_view.courses_caption() == embed.courses_caption()
    spanish = doses_view.courses_caption("es")
    assert (
        "Nuestra convención: Un tratamiento de N dosis" in spanish or "Un tratamiento de N dosis, una cada X" in spanish
    )
    assert "A course of N doses" not in spanish


def test_mechanism_headings_in_english_are_the_claims_areas_own(dataset):
    from core.analysis.claims import mechanism_topics, topic_heading

    for topic in mechanism_topics(dataset)["id"]:
        assert mechanisms_view.topic_heading(topic) == topic_heading(topic)


def test_english_page_keeps_its_words():
    at = open_page(DOSES)
    page = text(at)
    assert "Vein dose is 0.7–1.4× the only approved per-kg dose" in page
    assert "20 items: 18 problems and 2 checks that came out consistent" in page
    assert at.multiselect(key="routes").label == "Routes"


# --- rows that carry their translation, and what waits for other areas ---------------------------------------------


def test_a_quotes_translation_in_the_edition_travels_with_the_normalised_doses(spanish):
    import dataclasses

    edition = dataclasses.replace(spanish, regimens=spanish.regimens.assign(quote_translation="Traducción"))
    assert set(doses.normalise(edition)["quote_translation"]) == {"Traducción"}
    # Where the edition has no translation column, the quote shows alone (ui.quotes leaves out an empty one).
    plain = dataclasses.replace(spanish, regimens=spanish.regimens.drop(columns=["quote_translation"], errors="ignore"))
    assert set(doses.normalise(plain)["quote_translation"]) == {""}


def test_mechanism_grid_data_shows_words_not_codes_in_spanish(spanish):
    view = mechanisms_view.mechanisms_page(spanish, "all")
    shown = mechanisms_view.matrix_on_screen(view.matrix, "es")
    assert set(shown["forma más tajante"]) <= {
        "como un hecho", "con reservas", "como anécdota o testimonio", "con una cita que no se puede comprobar",
        "no lo afirma",
    }  # fmt: skip
    assert "Regeneración del cartílago" in set(shown["mecanismo"])
    assert mechanisms_view.matrix_on_screen(view.matrix, "en") is view.matrix


def test_mechanism_grid_chart_in_spanish(spanish):
    spec = mechanisms_view.mechanisms_page(spanish, "all").matrix_chart
    assert "páginas" in title_text(spec)


def test_protocol_table_headers_in_spanish(spanish):
    choice = doses_view.choices(spanish)
    view = doses_view.doses_page(spanish, 70.0, tuple(choice.routes), tuple(choice.sources))
    table, _raw = view.protocols[0]
    assert "Vía" in table.columns


@pytest.mark.parametrize(
    ("lang", "kind", "checked"), [("es", "ensayo aleatorizado", "verificado"), ("en", "randomised trial", "verified")]
)
def test_tooltips_name_the_kind_of_study_and_its_check_in_the_language(dataset, spanish, lang, kind, checked):
    ds = spanish if lang == "es" else dataset
    points = dose_frames.dose_points(doses.normalise(ds), doses.trial_doses(ds), lang)
    studies = points[points["who"] == "trial"]
    assert kind in set(studies["note"])
    assert checked in set(studies["verification"])
