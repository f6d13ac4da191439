"""The visitor's language: picking it, interface text from the catalogs, Spanish numbers, dates and chart formats."""

from __future__ import annotations

import datetime as dt
import gettext

import altair as alt
import pandas as pd
import pytest

from core import i18n
from core.charts import theme
from core.text import format_count

# --- choosing the language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "browser", "expected"),
    [
        ("es", None, "es"),
        ("en", "es-ES", "en"),  # the link wins over the browser
        (None, "es-MX", "es"),
        (None, "es", "es"),
        ("ES", None, "es"),
        ("fr", "es-AR", "es"),  # a language we do not have falls through to the browser's
        ("xx", "de-DE", "en"),
        (None, None, "en"),
        ("", "", "en"),
        ("<script>", None, "en"),
    ],
)
def test_choose_language(query, browser, expected):
    assert i18n.choose_language(query, browser) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("es-ES,es;q=0.9,en;q=0.8", "es"),
        ("en-US,en;q=0.9,es;q=0.8", "en"),
        ("fr-CH, fr;q=0.9, es;q=0.8, en;q=0.7", "es"),
        ("de, en;q=0.5, es;q=0.6", "es"),
        ("es;q=0, en;q=0.1", "en"),  # q=0 means "not this one"
        ("fr, de", None),
        ("", None),
        (None, None),
        ("es;q=abc", None),
    ],
)
def test_from_accept_language(header, expected):
    assert i18n.from_accept_language(header) == expected


# --- interface text ------------------------------------------------------------------------------------------


def test_spanish_catalog_translates_a_menu_label():
    assert i18n.gettext("es", "Home") == "Inicio"


@pytest.mark.parametrize("lang", ["en", "fr", ""])
def test_english_and_unknown_languages_show_the_source_text(lang):
    assert i18n.gettext(lang, "Home") == "Home"
    assert isinstance(i18n.translator(lang), gettext.NullTranslations)


def test_spanish_is_compiled_in_memory_once():
    assert isinstance(i18n.translator("es"), gettext.GNUTranslations)
    assert i18n.translator("es") is i18n.translator("es")
    assert not list(i18n.LOCALES.rglob("*.mo")), "catalogs are compiled at start-up, never committed"


def test_text_not_in_the_catalog_stays_english():
    assert i18n.gettext("es", "A sentence nobody marked") == "A sentence nobody marked"


def test_placeholders_survive_translation():
    assert i18n.gettext("es", "Next: {page}").format(page="Inicio") == "Siguiente: Inicio"


def test_ngettext_and_pgettext_fall_back_to_english_forms():
    assert i18n.ngettext("es", "{n} page", "{n} pages", 2) == "{n} pages"
    assert i18n.pgettext("es", "menu", "Unmarked") == "Unmarked"


def test_n_marks_without_translating():
    assert i18n.N_("Home") == "Home"


# --- numbers and dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "en", "es"),
    [
        (15e6, "15 million", "15 millones"),
        (1.5e6, "1.5 million", "1,5 millones"),
        (1e6, "1 million", "1 millón"),
        (2_000_000, "2 million", "2 millones"),
        (1.2e9, "1.2 billion", "1.200 millones"),
        (2.5e9, "2.5 billion", "2.500 millones"),
        (3e12, "3,000 billion", "3 billones"),
        (1e12, "1,000 billion", "1 billón"),
        (480, "480", "480"),
        (15_000, "15,000", "15.000"),
    ],
)
def test_format_cells(value, en, es):
    assert (i18n.format_cells(value, "en"), i18n.format_cells(value, "es")) == (en, es)


@pytest.mark.parametrize("value", [1e9, 1.2e9, 9.99e9, 5e10, 9.9e11, 999_999e6])
def test_a_spanish_billion_is_never_a_billon(value):
    # A Spanish "billón" is 10^12: writing it for 10^9 would be a thousandfold error on a dose.
    assert "bill" not in i18n.format_cells(value, "es")


@pytest.mark.parametrize(("value", "words"), [(15e6, "15 millones"), (1.2e9, "1.200 millones")])
def test_format_count_takes_a_language(value, words):
    assert format_count(value, "es") == words


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (1234.5, "en", None, "1,234.5"),
        (1234.5, "es", None, "1.234,5"),
        (0.25, "es", 2, "0,25"),
        (3, "es", 1, "3,0"),
        (1_500_000, "es", 0, "1.500.000"),
    ],
)
def test_format_number(value, lang, decimals, text):
    assert i18n.format_number(value, lang, decimals) == text


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "30 November 2026"), ("es", "30 de noviembre de 2026"), ("fr", "30 November 2026")]
)
def test_format_date(lang, text):
    assert i18n.format_date(dt.date(2026, 11, 30), lang) == text


# --- chart formats -------------------------------------------------------------------------------------------


@pytest.fixture
def chart() -> alt.Chart:
    return alt.Chart(pd.DataFrame({"cells": [1.5e6, 2.5e7]})).mark_bar().encode(x="cells:Q")


def test_spanish_chart_writes_decimal_commas_and_thousand_points(chart):
    number = theme.localized(chart, "es").to_dict()["config"]["locale"]["number"]
    assert (number["decimal"], number["thousands"]) == (",", ".")


def test_spanish_chart_names_months_in_spanish(chart):
    time = theme.localized(chart, "es").to_dict()["config"]["locale"]["time"]
    assert time["months"][10] == "noviembre"


def test_localized_chart_keeps_the_theme_and_its_own_config(chart):
    configured = chart.configure_view(strokeWidth=2)
    config = theme.localized(configured, "es").to_dict()["config"]
    assert config["view"]["strokeWidth"] == 2
    assert config["font"] == theme.FONT
    assert "locale" in config


def test_localizing_leaves_the_original_chart_alone(chart):
    theme.localized(chart, "es")
    assert "locale" not in chart.to_dict().get("config", {})


def test_english_chart_needs_no_locale(chart):
    assert "locale" not in theme.localized(chart, "en").to_dict().get("config", {})


def test_a_layered_chart_gets_the_locale_at_its_top_level(chart):
    assert "locale" in theme.localized(alt.layer(chart, chart), "es").to_dict()["config"]


def test_a_vega_lite_dict_gets_the_locale_without_changing_the_input():
    spec = {"mark": "bar", "config": {"font": "x"}}
    out = theme.localized(spec, "es")
    assert out["config"]["locale"]["number"]["decimal"] == ","
    assert out["config"]["font"] == "x"
    assert "locale" not in spec["config"]


def test_exported_spanish_chart_image_writes_spanish_numbers(chart):
    from core.charts import export

    spec = export.to_spec(chart.encode(x=alt.X("cells:Q", axis=alt.Axis(format=",.1f"))))
    svg = export.render(theme.localized(spec, "es"), "svg").decode()
    assert ">15.000.000,0<" in svg
    assert ">15,000,000.0<" not in svg
