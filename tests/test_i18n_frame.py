"""The page frame in the visitor's language: menu, disclaimer, Back/Next and the switch, and links that keep it."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest

from core import i18n
from tests.test_pages import ENTRYPOINT, open_page

CLAIMS = "pages/5_Claims.py"


def link_labels(at) -> list[str]:
    return [link.proto.label for link in at.main.get("page_link")]


def switch_html(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html") if "language-switch" in element.proto.body)


@pytest.fixture(scope="module")
def spanish_claims():
    return open_page(CLAIMS, {"lang": "es"})


@pytest.fixture(scope="module")
def english_claims():
    return open_page(CLAIMS)


def test_spanish_menu_names_pages_in_spanish(spanish_claims):
    menu = spanish_claims.main.get("popover")[0]
    assert menu.proto.popover.label == "Menú: todas las páginas"
    assert "Afirmaciones frente a evidencia" in [link.proto.label for link in menu.get("page_link")]


def test_spanish_page_carries_the_disclaimer_in_spanish(spanish_claims):
    assert spanish_claims.info[0].value.startswith("**No es un consejo médico.** Este sitio")


def test_spanish_back_and_next_links(spanish_claims):
    assert link_labels(spanish_claims)[-2:] == ["Anterior: Mecanismos", "Siguiente: Evidencia y regulación"]


@pytest.mark.parametrize(("fixture", "lang"), [("spanish_claims", "es"), ("english_claims", "en")])
def test_every_page_link_keeps_the_language(request, fixture, lang):
    links = request.getfixturevalue(fixture).get("page_link")
    assert links
    assert {parse_qs(link.proto.query_string).get("lang", [None])[0] for link in links} == {lang}


def test_english_page_is_unchanged(english_claims):
    assert english_claims.info[0].value.startswith("**Not medical advice.** This site")
    assert link_labels(english_claims)[-2:] == ["Back: Mechanisms", "Next: Evidence & regulation"]


@pytest.mark.parametrize(
    ("fixture", "current", "other"),
    [("spanish_claims", "Español", "?lang=en"), ("english_claims", "English", "?lang=es")],
)
def test_switch_shows_the_current_language_and_links_to_the_other(request, fixture, current, other):
    html = switch_html(request.getfixturevalue(fixture))
    assert f'aria-current="true">{current}</strong>' in html
    assert f'href="{other}"' in html


def test_unknown_language_in_the_link_shows_english():
    at = open_page(ENTRYPOINT, {"lang": "xx"})
    assert at.info[0].value.startswith("**Not medical advice.**")


def test_every_language_has_a_name_for_the_switch():
    assert set(i18n.NAMES) == set(i18n.LANGUAGES)


def test_charts_on_a_spanish_page_carry_spanish_number_formats():
    at = open_page("pages/2_Doses.py", {"lang": "es"})
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert specs
    assert {spec["config"]["locale"]["number"]["decimal"] for spec in specs} == {","}


def test_charts_on_an_english_page_keep_vega_defaults():
    at = open_page("pages/2_Doses.py")
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert specs
    assert all("locale" not in spec.get("config", {}) for spec in specs)


@pytest.mark.parametrize(
    ("query", "ending"), [({"lang": "es"}, "?lang=es"), ({"lang": "en"}, "?lang=en"), ({"lang": "xx"}, "?lang=xx")]
)
def test_share_link_keeps_the_language(query, ending):
    at = open_page(CLAIMS, query)
    assert at.text_input[-1].value.endswith(ending)


def test_share_link_of_an_english_page_adds_nothing():
    assert "lang" not in open_page(CLAIMS).text_input[-1].value


def test_switch_keeps_the_pages_other_choices_and_changes_only_the_language():
    html = switch_html(open_page(ENTRYPOINT, {"lang": "es", "weight": "80"}))
    assert 'href="?weight=80&amp;lang=en"' in html


def test_switch_link_leaves_out_what_is_not_a_plain_value():
    html = switch_html(open_page(ENTRYPOINT, {"room": '"><script>x</script>', "weight": "80"}))
    assert "script" not in html
    assert 'href="?weight=80&amp;lang=es"' in html
